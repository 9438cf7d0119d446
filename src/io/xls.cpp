// Legacy Excel workbooks (.xls, BIFF5/BIFF8 in an OLE compound file) into grids through FreeXL
// (Debian libfreexl-dev), which reads them read-only and bounds its own parsing.
#include <freexl.h>
#include <cmath>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "detail/utf8.hpp"
#include "planeval/io/grid.hpp"

#include "io/grid_cells.hpp"

namespace planeval {
namespace {

[[noreturn]] void fail(errc code, const std::string& path, const std::string& sheet,
                       const std::string& message) {
  location where;
  where.file = path;
  where.sheet = sheet;
  raise(code, message, std::move(where));
}

std::string number_text(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

struct handle {
  const void* xls = nullptr;
  ~handle() {
    if (xls) freexl_close(xls);
  }
};

}  // namespace

std::vector<grid> load_xls_grids(const std::string& path, const grid_options& options) {
  const limits& lim = options.input_limits;
  handle h;
  const int opened = freexl_open(path.c_str(), &h.xls);
  if (opened == FREEXL_FILE_NOT_FOUND) fail(errc::io_open, path, "", "cannot open the file");
  if (opened != FREEXL_OK)
    fail(errc::office_package, path, "",
         "not a readable .xls workbook (FreeXL error " + std::to_string(opened) +
             "); the file may be damaged: save it again, or as .xlsx");
  unsigned int password = 0, sheets = 0;
  if (freexl_get_info(h.xls, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    fail(errc::office_encrypted, path, "",
         "the workbook is password-protected: save an unprotected copy");
  if (freexl_get_info(h.xls, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK)
    fail(errc::office_package, path, "", "cannot read the workbook's sheets");
  std::vector<std::string> names;
  for (unsigned short k = 0; k < sheets; ++k) {
    const char* name = nullptr;
    names.emplace_back(freexl_get_worksheet_name(h.xls, k, &name) == FREEXL_OK && name ? name : "");
  }
  std::vector<std::size_t> chosen;
  if (!options.sheet.empty()) {
    for (std::size_t k = 0; k < names.size() && chosen.empty(); ++k)
      if (detail::trim(names[k]) == detail::trim(options.sheet)) chosen.push_back(k);
    if (chosen.empty() && options.sheet.find_first_not_of("0123456789") == std::string::npos) {
      const auto k = std::strtoull(options.sheet.c_str(), nullptr, 10);
      if (k >= 1 && k <= names.size()) chosen.push_back(static_cast<std::size_t>(k - 1));
    }
    if (chosen.empty()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
      fail(errc::office_sheet, path, options.sheet,
           "the workbook has no sheet '" + options.sheet + "'; its sheets are " +
               (list.empty() ? "none" : list) + " (give a name or a number from 1)");
    }
  } else {
    for (std::size_t k = 0; k < names.size(); ++k) chosen.push_back(k);
  }
  std::vector<grid> out;
  for (const std::size_t k : chosen) {
    if (freexl_select_active_worksheet(h.xls, static_cast<unsigned short>(k)) != FREEXL_OK)
      fail(errc::office_package, path, names[k], "cannot read the sheet");
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_worksheet_dimensions(h.xls, &rows, &columns) != FREEXL_OK)
      fail(errc::office_package, path, names[k], "cannot read the sheet's size");
    if (rows > lim.max_items || (columns > 0 && rows > lim.max_items / columns))
      fail(errc::limit_items, path, names[k],
           "the sheet spans " + std::to_string(rows) + " rows by " + std::to_string(columns) +
               " columns, more cells than the limit of " + std::to_string(lim.max_items));
    grid g;
    g.source = path;
    g.sheet = names[k];
    g.index = k;
    g.rows.assign(rows, std::vector<grid_cell>(columns));
    std::vector<std::string> fractions;  // numbers below 1 that a percent format may show
    for (unsigned int r = 0; r < rows; ++r)
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(h.xls, r, c, &v) != FREEXL_OK) continue;
        std::string text;
        switch (v.type) {
          case FREEXL_CELL_INT: text = std::to_string(v.value.int_value); break;
          case FREEXL_CELL_DOUBLE:
            text = number_text(v.value.double_value);
            if (std::fabs(v.value.double_value) < 1.0 && v.value.double_value != 0.0)
              fractions.push_back(cell_reference(r, c));
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            if (v.value.text_value) text = v.value.text_value;
            break;
          default: break;
        }
        if (text.size() > lim.max_text_bytes)
          fail(errc::limit_text_length, path, names[k],
               "cell " + cell_reference(r, c) + " is longer than " +
                   std::to_string(lim.max_text_bytes) + " bytes (limits::max_text_bytes)");
        if (detail::find_invalid_utf8(text) != std::string::npos)
          fail(errc::office_package, path, names[k],
               "cell " + cell_reference(r, c) + " holds bytes that are not text");
        text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
        g.rows[r][c].text = detail::trim_cell_blanks(text);
      }
    if (!fractions.empty()) {
      // FreeXL gives no number formats: say so where a percent-formatted cell may be read wrong
      std::string list;
      for (std::size_t f = 0; f < fractions.size() && f < 8; ++f)
        list += (list.empty() ? "" : ", ") + fractions[f];
      if (fractions.size() > 8) list += ", …";
      g.notes.push_back("sheet '" + g.sheet +
                        "' of an .xls workbook: number formats are not read "
                        "(FreeXL), so a cell shown as 5.3% reads 0.053; check the cells " +
                        list + " or save the workbook as .xlsx");
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace planeval
