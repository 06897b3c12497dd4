#pragma once
// CellText: how a number stored in a cell reads in Excel: a plain number, or a
// date or time when its number format says so (Excel stores dates as days).
#include <string>
#include <vector>

namespace cx::xlsform {

struct XmlNode;

enum class NumberKind { Number, Date, Time, DateTime };

// The number formats of a workbook (xl/styles.xml): per cell style, what its numbers are.
struct NumberFormats {
    std::vector<NumberKind> styles; // by cell style index (<c s="N">)
    bool date1904 = false;          // workbookPr date1904: days counted from 1904-01-01
    void read(const XmlNode &styleSheet);
    NumberKind kindOf(int style) const;
};

// What kind a number format code is: "yyyy-mm-dd" Date, "h:mm" Time, "0.00" Number.
NumberKind formatKind(const std::string &code);

// "12", "2.5", "2025-09-01", "08:30", "2025-09-01T08:30" from the stored number text.
std::string numberText(const std::string &stored, NumberKind kind, bool date1904);

} // namespace cx::xlsform
