#pragma once
// `cunxiao-server export` (issue 14 point 6): a collection as JSON Lines, CSV or
// XLSX, and a form's submissions (one row per submission, Chinese headers from
// the form's labels, repeats on their own sheet) as CSV or XLSX.
//
// Streaming: records are read page by page (Store::recordsOfPage) inside one
// read transaction, twice (the first pass counts the rows and gathers the
// columns, the second writes), and XLSX is written by libxlsxwriter in its
// constant_memory mode (a row goes to a temporary file as soon as the next one
// starts), so a 200,000-row export never holds the table in memory.
#include "admin/Admin.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cx::server {

struct ExportRequest {
    std::string collection;
    std::optional<std::string> school; // one school (or "*"); none: all
    ExportFormat format = ExportFormat::JsonLines;
    std::string form;    // with collection "submissions": one row per submission of this form
    std::string outFile; // "": write to the stream
    std::string actor = "admin";
    int64_t nowMs = 0;
    // Another connection to the same database for the audit, so that the rows
    // counted, audited and written are one snapshot. Null: the audit goes
    // through `store` between the counting pass and the writing pass, which
    // then reads a newer snapshot (a row count off by the writes in between;
    // a field first written in between is left out of csv and xlsx).
    Store *auditStore = nullptr;
    size_t pageSize = 1000;
};

struct ExportResult {
    size_t rows = 0;
    std::vector<std::string> files; // files written (--out, and a CSV's repeat files)
    std::vector<std::string> notes; // for standard error (repeats not written, ...)
};

// Audited (who, collection, school, format, rows, form) before a byte is written.
// Throws cx::Error(Invalid) for a bad collection, school or form.
ExportResult exportData(Store &store, const ExportRequest &req, std::ostream &out);

// "FILE.csv" -> "FILE.REPEAT.csv" (the CSV of a form's repeat).
std::string repeatCsvPath(const std::string &outFile, const std::string &repeat);

} // namespace cx::server
