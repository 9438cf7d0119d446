// The table model of published tables: CSV/TSV (UTF-8 or GB18030, through glibc's iconv) and
// HTML tables (libxml2's HTML parser) read into grids of located cells.
#include "planeval/io/grid.hpp"

#include "io/grid_cells.hpp"

#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "detail/utf8.hpp"
#include "io/csv_records.hpp"
#include "io/file_util.hpp"

namespace planeval {

namespace detail {

// Blanks (spaces, tabs, carriage returns, U+3000) off both ends; line breaks are kept: a cell
// whose first printed line is empty lines its values up with the names beside it.
std::string trim_cell_blanks(std::string_view s) {
  auto blank_at_front = [&]() {
    if (s.empty()) return std::size_t{0};
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r') return std::size_t{1};
    if (s.substr(0, 3) == "\xE3\x80\x80") return std::size_t{3};
    return std::size_t{0};
  };
  auto blank_at_back = [&]() {
    if (s.empty()) return std::size_t{0};
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r') return std::size_t{1};
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return std::size_t{3};
    return std::size_t{0};
  };
  for (std::size_t n = blank_at_front(); n > 0; n = blank_at_front()) s.remove_prefix(n);
  for (std::size_t n = blank_at_back(); n > 0; n = blank_at_back()) s.remove_suffix(n);
  // a cell of blank lines only is empty
  bool only_breaks = true;
  for (const char c : s)
    if (c != '\n' && c != ' ' && c != '\t' && c != '\r') only_breaks = false;
  return only_breaks ? std::string() : std::string(s);
}

}  // namespace detail

namespace {

[[noreturn]] void fail(errc code, const std::string& source, std::size_t line, std::size_t column,
                       const std::string& message) {
  fail_in_file(code, source, line, column, message);
}

// GB18030 → UTF-8 with iconv; false (and the offset of the first bad byte) when the bytes are
// not GB18030 either.
bool gb18030_to_utf8(std::string_view bytes, std::string& out, std::size_t& bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return false;
  }
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[4096];
  bool ok = true;
  while (in_left > 0) {
    char* o = buffer;
    std::size_t o_left = sizeof buffer;
    const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buffer, sizeof buffer - o_left);
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;
      bad = static_cast<std::size_t>(in - bytes.data());
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

std::size_t line_of(std::string_view text, std::size_t byte, std::size_t& line_start) {
  std::size_t line = 1;
  line_start = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return line;
}

bool has_prefix_nocase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
  return true;
}

bool contains_nocase(std::string_view s, std::string_view p) {
  for (std::size_t i = 0; i + p.size() <= s.size(); ++i)
    if (has_prefix_nocase(s.substr(i), p)) return true;
  return false;
}

// ---- HTML ------------------------------------------------------------------------------------

bool is_element(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool is_block(const xmlNode* n) {
  static const char* const blocks[] = {"p",  "div", "li", "h1", "h2",    "h3",
                                       "h4", "h5",  "h6", "tr", "table", "section"};
  for (const char* b : blocks)
    if (is_element(n, b)) return true;
  return false;
}

// Appends the text of a node: blocks and <br> start new lines; runs of blanks (including
// no-break spaces) become one space.
void collect_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (is_element(c, "script") || is_element(c, "style")) continue;
      if (is_element(c, "br")) {
        out += '\n';
        continue;
      }
      const bool block = is_block(c);
      if (block) out += '\n';
      collect_text(c, out);
      if (block) out += '\n';
    }
  }
}

std::string clean_text(const std::string& raw) {
  // per line: blanks and U+00A0 collapsed, edges trimmed; empty lines dropped
  std::string out;
  std::string line;
  bool blank = false;
  auto flush = [&]() {
    const auto t = detail::trim(line);
    if (!t.empty()) {
      if (!out.empty()) out += '\n';
      out += t;
    }
    line.clear();
    blank = false;
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '\n') {
      flush();
      continue;
    }
    const bool nbsp =
        c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\r' || nbsp) {
      if (nbsp) ++i;
      if (!blank) line += ' ';
      blank = true;
      continue;
    }
    blank = false;
    line += static_cast<char>(c);
  }
  flush();
  return out;
}

std::string node_text(const xmlNode* n) {
  std::string raw;
  collect_text(n, raw);
  return clean_text(raw);
}

// The rows of a table, not those of tables nested in its cells.
void table_rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c, "tr"))
      rows.push_back(c);
    else if (is_element(c, "thead") || is_element(c, "tbody") || is_element(c, "tfoot"))
      table_rows(c, rows);
  }
}

void find_tables(const xmlNode* n, std::vector<const xmlNode*>& tables) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_element(c, "table")) tables.push_back(c);
    find_tables(c->children, tables);
  }
}

std::size_t span_of(const xmlNode* cell, const char* name, std::size_t max) {
  xmlChar* v = xmlGetProp(cell, reinterpret_cast<const xmlChar*>(name));
  if (!v) return 1;
  long n = std::strtol(reinterpret_cast<const char*>(v), nullptr, 10);
  xmlFree(v);
  if (n < 1) return 1;
  return std::min<std::size_t>(static_cast<std::size_t>(n), max + 1);  // past max: an error
}

// The text just before a table: the nearest earlier sibling (of the table or of an ancestor)
// that holds text.
std::string text_before(const xmlNode* table) {
  for (const xmlNode* n = table; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    for (const xmlNode* p = n->prev; p; p = p->prev) {
      if (is_element(p, "table") || is_element(p, "script") || is_element(p, "style")) break;
      if (p->type != XML_ELEMENT_NODE && p->type != XML_TEXT_NODE) continue;
      const std::string t = p->type == XML_TEXT_NODE
                                ? clean_text(reinterpret_cast<const char*>(p->content))
                                : node_text(p);
      if (!t.empty()) {
        const auto last = t.rfind('\n');
        return last == std::string::npos ? t : t.substr(last + 1);
      }
    }
  }
  return {};
}

grid read_table(const xmlNode* table, const std::string& source, std::size_t index,
                const limits& lim) {
  grid g;
  g.source = source;
  g.index = index;
  g.sheet = std::to_string(index + 1);
  for (const xmlNode* c = table->children; c; c = c->next)
    if (is_element(c, "caption")) {
      const auto t = node_text(c);
      if (!t.empty()) g.captions.push_back(t);
    }
  const std::string before = text_before(table);
  if (!before.empty()) g.captions.insert(g.captions.begin(), before);

  std::vector<const xmlNode*> trs;
  table_rows(table, trs);
  if (trs.size() > lim.max_items)
    fail(errc::limit_items, source, static_cast<std::size_t>(xmlGetLineNo(trs[lim.max_items])), 0,
         "a table with more than " + std::to_string(lim.max_items) + " rows (the limit)");
  // pending rowspans: column -> (rows left, cell)
  std::vector<std::pair<std::size_t, grid_cell>> pending;
  for (const xmlNode* tr : trs) {
    std::vector<grid_cell> row;
    std::size_t col = 0;
    auto fill_pending = [&]() {
      while (col < pending.size() && pending[col].first > 0) {
        grid_cell copy = pending[col].second;
        copy.merged = true;
        --pending[col].first;
        if (row.size() <= col) row.resize(col + 1);
        row[col] = std::move(copy);
        ++col;
      }
    };
    for (const xmlNode* td = tr->children; td; td = td->next) {
      if (!is_element(td, "td") && !is_element(td, "th")) continue;
      fill_pending();
      grid_cell cell;
      cell.text = node_text(td);
      cell.line = static_cast<std::size_t>(xmlGetLineNo(td));
      if (cell.text.size() > lim.max_text_bytes)
        fail(errc::limit_text_length, source, cell.line, 0,
             "a cell of " + std::to_string(cell.text.size()) + " bytes, more than the limit of " +
                 std::to_string(lim.max_text_bytes));
      const std::size_t colspan = span_of(td, "colspan", lim.max_items);
      const std::size_t rowspan = span_of(td, "rowspan", lim.max_items);
      if (col + colspan > lim.max_items)
        fail(errc::limit_items, source, cell.line, 0,
             "a row with more than " + std::to_string(lim.max_items) + " cells (the limit)");
      for (std::size_t k = 0; k < colspan; ++k) {
        grid_cell c = cell;
        c.merged = k > 0;
        if (row.size() <= col + k) row.resize(col + k + 1);
        if (pending.size() <= col + k) pending.resize(col + k + 1);
        pending[col + k] = {rowspan - 1, cell};
        row[col + k] = std::move(c);
      }
      col += colspan;
    }
    fill_pending();
    // rowspans further right than the last cell of this row
    for (std::size_t k = col; k < pending.size(); ++k)
      if (pending[k].first > 0) {
        col = k;
        fill_pending();
      }
    g.rows.push_back(std::move(row));
  }
  const std::size_t w = g.width();
  for (auto& r : g.rows) r.resize(w);
  return g;
}

struct xml_doc_free {
  void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};

}  // namespace

const char* to_string(text_encoding encoding) noexcept {
  switch (encoding) {
    case text_encoding::automatic: return "auto";
    case text_encoding::utf8: return "utf-8";
    case text_encoding::gb18030: return "gb18030";
  }
  return "auto";
}

text_encoding parse_text_encoding(std::string_view name) {
  std::string n;
  for (const char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "auto" || n.empty()) return text_encoding::automatic;
  if (n == "utf-8" || n == "utf8") return text_encoding::utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return text_encoding::gb18030;
  raise(errc::usage, "unknown encoding '" + std::string(name) +
                         "' (accepted: auto, utf-8, gb18030; gbk and gb2312 are read as gb18030)");
}

std::string cell_reference(std::size_t row, std::size_t column) {
  std::string letters;
  std::size_t c = column + 1;
  while (c > 0) {
    const std::size_t r = (c - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + r));
    c = (c - 1) / 26;
  }
  return letters + std::to_string(row + 1);
}

std::size_t grid::width() const noexcept {
  std::size_t w = 0;
  for (const auto& r : rows) w = std::max(w, r.size());
  return w;
}

const std::string& grid::text(std::size_t row, std::size_t column) const noexcept {
  static const std::string empty;
  if (row >= rows.size() || column >= rows[row].size()) return empty;
  return rows[row][column].text;
}

location grid::where(std::size_t row, std::size_t column) const {
  location loc;
  loc.file = source;
  loc.sheet = sheet;
  loc.cell = cell_reference(row, column);
  if (row < rows.size() && column < rows[row].size()) {
    loc.line = rows[row][column].line;
    loc.column = rows[row][column].column;
  }
  return loc;
}

std::string to_utf8(std::string_view bytes, text_encoding encoding, const std::string& source,
                    text_encoding* detected) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (encoding == text_encoding::automatic) encoding = text_encoding::utf8;
  }
  const std::size_t bad_utf8 = detail::find_invalid_utf8(bytes);
  const bool told_gb18030 = encoding == text_encoding::gb18030;
  if (encoding == text_encoding::automatic)
    encoding = bad_utf8 == std::string_view::npos ? text_encoding::utf8 : text_encoding::gb18030;
  if (detected) *detected = encoding;
  std::string converted;
  std::size_t bad = 0;
  if (encoding == text_encoding::utf8) {
    if (bad_utf8 == std::string_view::npos) return std::string(bytes);
    std::size_t line_start = 0;
    const std::size_t line = line_of(bytes, bad_utf8, line_start);
    const bool gb = gb18030_to_utf8(bytes, converted, bad);
    fail(errc::csv_encoding, source, line,
         detail::column_of_byte(bytes.substr(line_start), bad_utf8 - line_start),
         "invalid UTF-8 at byte offset " + std::to_string(bad_utf8) +
             (gb ? "; the file reads as GB18030 (GBK), as Excel saves CSV in Chinese locales: "
                   "pass --encoding gb18030 (or --encoding auto), or save it as "
                   "'CSV UTF-8'"
                 : "; save the file as UTF-8 ('CSV UTF-8' in Excel)"));
  }
  if (!gb18030_to_utf8(bytes, converted, bad)) {
    // neither: the first byte that is not UTF-8 is the likelier mistake (one bad byte in a
    // UTF-8 file) unless GB18030 was asked for
    const std::size_t at = told_gb18030 || bad_utf8 == std::string_view::npos ? bad : bad_utf8;
    std::size_t line_start = 0;
    const std::size_t line = line_of(bytes, at, line_start);
    fail(errc::csv_encoding, source, line,
         detail::column_of_byte(bytes.substr(line_start), at - line_start),
         std::string(told_gb18030 ? "invalid GB18030" : "invalid UTF-8") + " at byte offset " +
             std::to_string(at) +
             (told_gb18030 ? " (the file is not GB18030: try --encoding utf-8)"
                           : " (and the file is not GB18030 either); save it as UTF-8 ('CSV "
                             "UTF-8' in Excel)"));
  }
  return converted;
}

grid parse_csv_grid(std::string_view bytes, const std::string& source,
                    const grid_options& options) {
  if (bytes.size() > options.input_limits.max_input_bytes)
    fail(errc::limit_input_size, source, 0, 0,
         "the input has " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
             std::to_string(options.input_limits.max_input_bytes));
  grid g;
  g.source = source;
  const std::string text = to_utf8(bytes, options.encoding, source, &g.encoding);
  g.separator = options.separator ? options.separator : sniff_separator(text);
  auto records = parse_csv_records(text, source, options.input_limits, g.separator, true);
  g.rows.reserve(records.size());
  for (auto& rec : records) {
    std::vector<grid_cell> row;
    row.reserve(rec.size());
    for (auto& c : rec) {
      grid_cell cell;
      cell.text = detail::trim_cell_blanks(c.text);
      cell.line = c.line;
      cell.column = c.column;
      row.push_back(std::move(cell));
    }
    g.rows.push_back(std::move(row));
  }
  // a trailing blank line is not a row
  while (!g.rows.empty() && std::all_of(g.rows.back().begin(), g.rows.back().end(),
                                        [](const grid_cell& c) { return c.text.empty(); }))
    g.rows.pop_back();
  const std::size_t w = g.width();
  for (auto& r : g.rows) {
    const std::size_t line = r.empty() ? 0 : r.back().line;
    while (r.size() < w) {
      grid_cell blank;
      blank.line = line;
      r.push_back(std::move(blank));
    }
  }
  return g;
}

std::vector<grid> parse_html_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options) {
  const limits& lim = options.input_limits;
  if (bytes.size() > lim.max_input_bytes)
    fail(errc::limit_input_size, source, 0, 0,
         "the input has " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
             std::to_string(lim.max_input_bytes));
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    fail(errc::limit_input_size, source, 0, 0, "the input is too large for the HTML parser");
  // the encoding: as told; else a page's own charset declaration; else UTF-8 when the bytes
  // are UTF-8, GB18030 when not
  const char* encoding = nullptr;
  if (options.encoding == text_encoding::gb18030)
    encoding = "GB18030";
  else if (options.encoding == text_encoding::utf8)
    encoding = "UTF-8";
  else if (!contains_nocase(bytes.substr(0, 4096), "charset"))
    encoding = detail::find_invalid_utf8(bytes) == std::string_view::npos ? "UTF-8" : "GB18030";
  std::unique_ptr<xmlDoc, xml_doc_free> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), source.c_str(), encoding,
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED));
  std::vector<const xmlNode*> tables;
  if (doc) find_tables(xmlDocGetRootElement(doc.get()), tables);
  if (tables.empty())
    fail(errc::html_no_table, source, 0, 0,
         "the page has no <table> element (planeval reads the indicator table of a page; "
         "save the table itself, or export it as CSV)");
  if (tables.size() > lim.max_items)
    fail(errc::limit_items, source, 0, 0,
         "a page with more than " + std::to_string(lim.max_items) + " tables (the limit)");
  std::vector<grid> out;
  for (std::size_t k = 0; k < tables.size(); ++k)
    out.push_back(read_table(tables[k], source, k, lim));
  return out;
}

namespace {
constexpr std::string_view zip_signature = "PK\x03\x04";
constexpr std::string_view ole_signature = "\xD0\xCF\x11\xE0";
}  // namespace

bool is_office_file(std::string_view head) noexcept {
  return head.substr(0, 4) == zip_signature || head.substr(0, 4) == ole_signature;
}

std::vector<grid> load_grids(const std::string& path, const grid_options& options) {
  const std::string bytes = detail::read_file(path, options.input_limits.max_input_bytes);
  std::string_view head(bytes);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                           head.front() == '\t'))
    head.remove_prefix(1);
  if (head.substr(0, 4) == zip_signature) {
    // a zip package: a workbook or a Word document, told by its parts
    if (bytes.find("word/document.xml") != std::string::npos &&
        bytes.find("xl/workbook.xml") == std::string::npos)
      return parse_docx_grids(bytes, path, options);
    return parse_xlsx_grids(bytes, path, options);
  }
  if (head.substr(0, 4) == ole_signature) {
    // an OLE compound file: an .xls workbook, an encrypted OOXML file, or a .doc
    const auto utf16 = [&](std::string_view ascii) {
      std::string s;
      for (const char c : ascii) s += std::string{c, '\0'};
      return bytes.find(s) != std::string::npos;
    };
    location where;
    where.file = path;
    if (utf16("EncryptedPackage"))
      raise(errc::office_encrypted,
            "the file is encrypted (password-protected): save an unprotected copy",
            std::move(where));
    if (utf16("WordDocument"))
      raise(errc::io_format,
            "a Word 97-2003 document (.doc), which planeval does not read: save it as .docx",
            std::move(where));
    return load_xls_grids(path, options);
  }
  const bool html = has_prefix_nocase(head, "<!doctype html") || has_prefix_nocase(head, "<html") ||
                    (head.substr(0, 1) == "<" && contains_nocase(head.substr(0, 65536), "<table"));
  if (html) return parse_html_grids(bytes, path, options);
  std::vector<grid> out;
  out.push_back(parse_csv_grid(bytes, path, options));
  return out;
}

}  // namespace planeval
