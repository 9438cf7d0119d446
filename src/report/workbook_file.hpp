#pragma once
// The workbook being written (private to src/report): a libxlsxwriter workbook in a temporary
// file with the reports' cell formats, renamed over its target when saved. Used by the results
// workbooks (workbook.cpp), the data-entry template and the batch workbook.
#include <xlsxwriter.h>

#include <map>
#include <string>
#include <string_view>

namespace planeval::detail {

// Throws io_error(io_write) naming the workbook.
[[noreturn]] void fail(const std::string& path, const std::string& what);

// `#rrggbb` as libxlsxwriter's colour.
lxw_color_t colour_of(std::string_view hex);

// Text on a fill: white on dark colours, black on light ones (relative luminance).
lxw_color_t text_colour_on(lxw_color_t fill);

// Width of a text in spreadsheet columns: the display width of its longest line (a wide
// character takes two, detail::display_width).
double text_width(std::string_view s);

// A workbook being built in a temporary file; `save` renames it over the target.
class workbook_file {
 public:
  // `constant_memory`: libxlsxwriter writes each row out when the next begins, so memory does
  // not grow with the rows (cells must then be written row by row, strings are inline)
  explicit workbook_file(std::string path, bool constant_memory = false);
  workbook_file(const workbook_file&) = delete;
  workbook_file& operator=(const workbook_file&) = delete;
  ~workbook_file();

  lxw_workbook* get() const noexcept { return wb_; }
  lxw_format* add_format() { return workbook_add_format(wb_); }
  lxw_format* header() const noexcept { return header_; }
  lxw_format* text() const noexcept { return text_; }
  lxw_format* number() const noexcept { return number_; }
  lxw_format* percent() const noexcept { return percent_; }
  lxw_format* title() const noexcept { return title_; }
  lxw_format* paragraph() const noexcept { return paragraph_; }

  // The fill of a status colour (one format per colour).
  lxw_format* fill(std::string_view colour);

  lxw_worksheet* add_sheet(const char* name);

  void set_properties(const std::string& title, const std::string& subject);

  void check(lxw_error e, const char* what) const;

  // Closes the workbook and moves its bytes to `path`, atomically.
  void save();

 private:
  static std::string temp_folder();

  std::string path_;
  std::string temp_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* number_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* paragraph_ = nullptr;
  std::map<std::string, lxw_format*> fills_;
};

}  // namespace planeval::detail
