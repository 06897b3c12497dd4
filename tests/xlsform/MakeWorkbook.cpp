// Test workbooks: libxlsxwriter for typed sheets, libzip for hand-made parts.
#include "MakeWorkbook.h"

#include <xlsxwriter.h>
#include <zip.h>

#include <stdexcept>

void writeWorkbook(const std::string &path, const std::vector<std::pair<std::string, SheetRows>> &sheets)
{
    lxw_workbook *wb = workbook_new(path.c_str());
    lxw_format *time = workbook_add_format(wb);
    format_set_num_format(time, "hh:mm");
    lxw_format *dateTime = workbook_add_format(wb);
    format_set_num_format(dateTime, "yyyy-mm-dd hh:mm");
    for (const auto &[name, rows] : sheets) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, name.c_str());
        for (size_t r = 0; r < rows.size(); ++r)
            for (size_t c = 0; c < rows[r].size(); ++c) {
                const std::string &v = rows[r][c];
                if (v.rfind("#n:", 0) == 0)
                    worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), std::stod(v.substr(3)), nullptr);
                else if (v.rfind("#t:", 0) == 0)
                    worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c),
                                           (std::stoi(v.substr(3, 2)) * 60 + std::stoi(v.substr(6, 2))) / 1440.0, time);
                else if (v.rfind("#dt:", 0) == 0) {
                    lxw_datetime dt = {std::stoi(v.substr(4, 4)),  std::stoi(v.substr(9, 2)),  std::stoi(v.substr(12, 2)),
                                       std::stoi(v.substr(15, 2)), std::stoi(v.substr(18, 2)), 0};
                    worksheet_write_datetime(ws, lxw_row_t(r), lxw_col_t(c), &dt, dateTime);
                } else if (!v.empty())
                    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), v.c_str(), nullptr);
            }
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw std::runtime_error("cannot write " + path);
}

void writeZip(const std::string &path, const std::map<std::string, std::string> &parts)
{
    int err = 0;
    zip_t *z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z)
        throw std::runtime_error("cannot create " + path);
    for (const auto &[name, bytes] : parts) {
        zip_source_t *src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("cannot add " + name);
    }
    if (zip_close(z) != 0)
        throw std::runtime_error("cannot close " + path);
}
