// The workbook being written: temporary file, formats, atomic save (report/workbook_file.hpp).
#include "report/workbook_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "detail/utf8.hpp"
#include "io/file_util.hpp"
#include "planeval/core/error.hpp"

namespace planeval::detail {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  location loc;
  loc.file = path;
  throw io_error(errc::io_write, "writing the workbook failed: " + what, loc);
}

// `#rrggbb` as libxlsxwriter's colour.
lxw_color_t colour_of(std::string_view hex) {
  if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
  return static_cast<lxw_color_t>(std::strtoul(std::string(hex).c_str(), nullptr, 16));
}

// Text on a fill: white on dark colours, black on light ones (relative luminance).
lxw_color_t text_colour_on(lxw_color_t fill) {
  const double r = (fill >> 16) & 0xFF;
  const double g = (fill >> 8) & 0xFF;
  const double b = fill & 0xFF;
  return 0.299 * r + 0.587 * g + 0.114 * b < 150.0 ? 0xFFFFFF : 0x000000;
}

double text_width(std::string_view s) {
  std::size_t longest = 0;
  for (std::size_t start = 0; start <= s.size();) {
    const std::size_t end = std::min(s.find('\n', start), s.size());
    longest = std::max(longest, display_width(s.substr(start, end - start)));
    start = end + 1;
  }
  return static_cast<double>(longest);
}

workbook_file::workbook_file(std::string path, bool constant_memory) : path_(std::move(path)) {
  std::string pattern = temp_folder() + "/planeval-xlsx-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) fail(path_, "cannot create a temporary file in " + temp_folder());
  ::close(fd);
  temp_ = pattern;
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  const std::string tmpdir = temp_folder();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  wb_ = workbook_new_opt(temp_.c_str(), &options);
  if (!wb_) {
    std::remove(temp_.c_str());
    fail(path_, "libxlsxwriter cannot start a workbook");
  }
  header_ = add_format();
  format_set_bold(header_);
  format_set_bg_color(header_, 0xF2F2F2);
  format_set_border(header_, LXW_BORDER_THIN);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_CENTER);
  format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
  text_ = add_format();
  format_set_border(text_, LXW_BORDER_THIN);
  format_set_text_wrap(text_);
  format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
  number_ = add_format();
  format_set_border(number_, LXW_BORDER_THIN);
  format_set_align(number_, LXW_ALIGN_VERTICAL_TOP);
  percent_ = add_format();
  format_set_border(percent_, LXW_BORDER_THIN);
  format_set_align(percent_, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(percent_, "0.0%");
  title_ = add_format();
  format_set_bold(title_);
  format_set_font_size(title_, 14);
  paragraph_ = add_format();
  format_set_text_wrap(paragraph_);
  format_set_align(paragraph_, LXW_ALIGN_VERTICAL_TOP);
}

workbook_file::~workbook_file() {
  if (wb_) workbook_close(wb_);  // an unsaved workbook: written to the temporary file only
  if (!temp_.empty()) std::remove(temp_.c_str());
}

lxw_format* workbook_file::fill(std::string_view colour) {
  const std::string key(colour);
  if (const auto it = fills_.find(key); it != fills_.end()) return it->second;
  lxw_format* f = add_format();
  const lxw_color_t c = colour_of(colour);
  format_set_bg_color(f, c);
  format_set_font_color(f, text_colour_on(c));
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  fills_[key] = f;
  return f;
}

lxw_worksheet* workbook_file::add_sheet(const char* name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
  if (!ws) fail(path_, std::string("cannot add the sheet '") + name + "'");
  return ws;
}

void workbook_file::set_properties(const std::string& title, const std::string& subject) {
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.c_str());
  props.subject = const_cast<char*>(subject.c_str());
  props.author = const_cast<char*>("planeval");
  check(workbook_set_properties(wb_, &props), "cannot set the document properties");
}

void workbook_file::check(lxw_error e, const char* what) const {
  if (e != LXW_NO_ERROR) fail(path_, std::string(what) + ": " + lxw_strerror(e));
}

void workbook_file::save() {
  const lxw_error e = workbook_close(wb_);
  wb_ = nullptr;
  if (e != LXW_NO_ERROR) fail(path_, lxw_strerror(e));
  const std::string bytes = detail::read_file(temp_);
  detail::write_file_atomically(path_, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

std::string workbook_file::temp_folder() {
  const char* t = std::getenv("TMPDIR");
  return t && *t ? std::string(t) : std::string("/tmp");
}

}  // namespace planeval::detail
