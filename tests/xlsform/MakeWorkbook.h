#pragma once
// Workbooks made by the tests: with libxlsxwriter (sheets of text cells, as a
// person would type them) or part by part with libzip (to reach every cell
// encoding of the .xlsx format: shared, inline and rich strings, dates, booleans).
#include <map>
#include <string>
#include <vector>

using SheetRows = std::vector<std::vector<std::string>>; // "" is an empty cell

// Writes sheets in order; a cell "#n:2.5" is written as the number 2.5, and a
// cell "#t:08:30" as Excel stores a time typed in: the fraction of a day
// (0.354166...) with the number format hh:mm; a cell "#dt:2026-12-07 09:30" as
// Excel stores a date and time typed in: days since 1900 and the fraction of a
// day, with the number format yyyy-mm-dd hh:mm.
void writeWorkbook(const std::string &path, const std::vector<std::pair<std::string, SheetRows>> &sheets);

// A zip with exactly these parts (name -> bytes).
void writeZip(const std::string &path, const std::map<std::string, std::string> &parts);
