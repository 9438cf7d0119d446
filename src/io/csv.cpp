// A small RFC 4180 reader. Hand-written rather than taken from a library: Debian has no
// maintained C++ CSV package, and planeval needs each cell's line and character column for
// its error messages, which general readers do not keep.
#include "planeval/io/csv.hpp"

#include <algorithm>
#include <istream>
#include <iterator>
#include <sstream>

#include "detail/utf8.hpp"
#include "io/csv_records.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/grid.hpp"

namespace planeval {

[[noreturn]] void fail_in_file(errc code, const std::string& source, std::size_t line,
                               std::size_t column, const std::string& message) {
  location loc;
  loc.file = source;
  loc.line = line;
  loc.column = column;
  raise(code, message, std::move(loc));
}

namespace {

[[noreturn]] void fail(errc code, const std::string& source, std::size_t line, std::size_t column,
                       const std::string& message) {
  fail_in_file(code, source, line, column, message);
}

}  // namespace

char sniff_separator(std::string_view text) noexcept {
  // the candidate seen most often outside quotes in the first eight lines (title rows of a
  // published table hold none); ties go to the comma, then the semicolon
  const char candidates[] = {',', ';', '\t'};
  std::size_t counts[3] = {};
  std::size_t lines = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size() && lines < 8; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') ++lines;
    for (int k = 0; k < 3; ++k)
      if (c == candidates[k]) ++counts[k];
  }
  int best = 0;
  for (int k = 1; k < 3; ++k)
    if (counts[k] > counts[best]) best = k;
  return candidates[best];
}

namespace {

// Chinese (and other) names of the columns of planeval's tables, by canonical name.
const std::vector<std::pair<const char*, std::vector<const char*>>>& column_aliases() {
  static const std::vector<std::pair<const char*, std::vector<const char*>>> aliases = {
      {"indicator", {"指标", "指标代码", "指标编号", "指标id", "indicator_id"}},
      {"period", {"时期", "期间", "年份", "年度", "报告期", "时间", "统计期"}},
      {"value", {"值", "数值", "完成值", "实际值", "完成数", "参照值", "下达值", "下达指标"}},
      {"flags", {"标志", "标记", "状态标志"}},
      {"note", {"备注", "说明", "注"}},
      {"id", {"编号", "代码", "指标代码", "指标编号"}},
      {"name_zh", {"指标名称", "名称", "中文名称", "指标", "name"}},
      {"name_en", {"英文名称", "英文名"}},
      {"kind", {"类型", "指标类型"}},
      {"unit", {"单位", "计量单位"}},
      {"polarity", {"方向", "极性"}},
      {"attribute", {"属性", "指标属性"}},
      {"category", {"类别", "分类", "领域"}},
      {"baseline_period", {"基期", "基期年份"}},
      {"baseline", {"基期值", "基数"}},
      {"target_period", {"目标期", "目标年份"}},
      {"target", {"目标", "目标值"}},
      {"accumulation", {"累计方式"}},
      {"parent", {"上级任务", "上级"}},
      {"title_zh", {"任务", "任务名称", "标题"}},
      {"title_en", {"英文标题"}},
      {"owner", {"责任单位", "牵头单位", "责任部门"}},
      {"cooperating", {"配合单位", "协办单位"}},
      {"description", {"内容", "描述", "任务内容"}},
      {"start", {"开始日期", "开始时间"}},
      {"due", {"完成时限", "截止日期", "完成时间"}},
      {"status", {"状态"}},
      {"progress", {"进度"}},
      {"progress_date", {"进度日期"}},
      {"completed", {"完成日期"}},
      {"deliverable", {"成果", "预期成果"}},
      {"actual", {"实际成果"}},
      {"indicators", {"关联指标"}},
      {"depends_on", {"前置任务", "依赖"}},
      {"weight", {"权重"}},
  };
  return aliases;
}

std::string folded(std::string_view s) {
  std::string out;
  for (const char c : detail::trim(s)) {
    if (c == ' ' || c == '-')
      out += '_';
    else
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

void check_header(csv_table& t, const std::vector<std::string>& required,
                  const std::vector<std::string>& optional) {
  std::vector<std::string> allowed = required;
  allowed.insert(allowed.end(), optional.begin(), optional.end());
  auto is_allowed = [&](const std::string& n) {
    return std::find(allowed.begin(), allowed.end(), n) != allowed.end();
  };
  for (auto& h : t.header) {
    if (is_allowed(h.text)) continue;
    std::string canonical;
    if (is_allowed(folded(h.text))) canonical = folded(h.text);
    for (const auto& [name, words] : column_aliases()) {
      if (!canonical.empty() || !is_allowed(name)) continue;
      for (const char* w : words)
        if (h.text == w || folded(h.text) == w) canonical = name;
    }
    if (!canonical.empty()) {
      h.text = canonical;
      continue;
    }
    std::string all;
    for (const auto& c : allowed) all += (all.empty() ? "" : ", ") + c;
    const std::string nearest = nearest_name(folded(h.text), allowed, 2);
    location loc;
    loc.file = t.source;
    loc.line = h.line;
    loc.column = h.column;
    raise(errc::csv_header,
          "unknown column '" + h.text + "'" +
              (nearest.empty() ? std::string() : " (did you mean '" + nearest + "'?)") +
              " (expected columns: " + all +
              "; Chinese names such as 指标, 年份, 完成值, 备注 are accepted too; a table as "
              "published is read by `planeval import`)",
          loc);
  }
  for (std::size_t k = 0; k < t.header.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (t.header[j].text == t.header[k].text) {
        location loc;
        loc.file = t.source;
        loc.line = t.header[k].line;
        loc.column = t.header[k].column;
        raise(errc::csv_header, "two columns are both '" + t.header[k].text + "'", loc);
      }
  for (const auto& r : required) {
    if (t.column(r) >= 0) continue;
    location loc;
    loc.file = t.source;
    loc.line = t.header.empty() ? 1 : t.header.front().line;
    loc.column = 1;
    raise(errc::csv_header, "missing required column '" + r + "'", loc);
  }
}

int csv_table::column(std::string_view name) const noexcept {
  for (std::size_t k = 0; k < header.size(); ++k)
    if (header[k].text == name) return static_cast<int>(k);
  return -1;
}

std::vector<std::vector<csv_cell>> parse_csv_records(std::string_view text,
                                                     const std::string& source, const limits& lim,
                                                     char separator, bool keep_blank_rows) {
  if (text.size() > lim.max_input_bytes)
    fail(errc::limit_input_size, source, 0, 0,
         "the input has " + std::to_string(text.size()) + " bytes, more than the limit of " +
             std::to_string(lim.max_input_bytes));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const auto bad = detail::find_invalid_utf8(text); bad != std::string_view::npos)
    (void)to_utf8(text, text_encoding::utf8, source);  // throws csv.encoding, naming the fix
  if (separator == 0) separator = sniff_separator(text);
  std::vector<std::vector<csv_cell>> records;
  std::vector<csv_cell> record;
  std::size_t line = 1;
  std::size_t col = 1;  // character column of text[i]
  std::size_t i = 0;
  const std::size_t n = text.size();

  auto advance = [&](std::size_t bytes) {
    for (std::size_t k = 0; k < bytes; ++k) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
      ++i;
    }
  };
  auto newline = [&]() {
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
    col = 1;
  };
  auto at_newline = [&]() { return i < n && (text[i] == '\n' || text[i] == '\r'); };

  while (i < n) {
    csv_cell cell;
    cell.line = line;
    cell.column = col;
    if (text[i] == '"') {
      const std::size_t open_line = line;
      const std::size_t open_col = col;
      advance(1);
      cell.line = line;
      cell.column = col;
      bool closed = false;
      while (i < n) {
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell.text += '"';
            advance(2);
            continue;
          }
          advance(1);
          closed = true;
          break;
        }
        if (text[i] == '\r' || text[i] == '\n') {
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
          cell.text += '\n';
          ++i;
          ++line;
          col = 1;
          continue;
        }
        cell.text += text[i];
        advance(1);
      }
      if (!closed)
        fail(errc::csv_syntax, source, open_line, open_col, "quoted field is never closed");
      // only blanks may follow the closing quote before the separator
      while (i < n && (text[i] == ' ' || text[i] == '\t')) advance(1);
      if (i < n && text[i] != separator && !at_newline())
        fail(errc::csv_syntax, source, line, col,
             std::string("expected '") + (separator == '\t' ? "tab" : std::string(1, separator)) +
                 "' or the end of the line after a closing quote");
    } else {
      const std::size_t start = i;
      while (i < n && text[i] != separator && !at_newline()) {
        if (text[i] == '"')
          fail(errc::csv_syntax, source, line, col,
               "a quote inside an unquoted field (quote the whole field and double the quote)");
        advance(1);
      }
      cell.text = std::string(text.substr(start, i - start));
    }
    if (cell.text.size() > lim.max_text_bytes)
      fail(errc::limit_text_length, source, cell.line, cell.column,
           "a cell of " + std::to_string(cell.text.size()) + " bytes, more than the limit of " +
               std::to_string(lim.max_text_bytes));
    if (record.size() >= lim.max_items)
      fail(errc::limit_items, source, cell.line, cell.column,
           "a row with more than " + std::to_string(lim.max_items) + " cells (the limit)");
    record.push_back(std::move(cell));
    if (i < n && text[i] == separator) {
      advance(1);
      if (i >= n || at_newline()) {  // trailing separator: one more blank cell
        csv_cell blank;
        blank.line = line;
        blank.column = col;
        record.push_back(std::move(blank));
      } else {
        continue;
      }
    }
    // end of record
    bool blank_line = true;
    for (const auto& c : record)
      if (!detail::trim(c.text).empty()) blank_line = false;
    if (!blank_line || keep_blank_rows) {
      if (records.size() > lim.max_items)  // the header and max_items rows
        fail(errc::limit_items, source, record.empty() ? line : record.front().line, 1,
             "more than " + std::to_string(lim.max_items) + " rows (the limit)");
      records.push_back(std::move(record));
    }
    record.clear();
    if (i < n) newline();
  }

  return records;
}

csv_table parse_csv(std::string_view text, const std::string& source, const limits& lim) {
  auto records = parse_csv_records(text, source, lim, 0, false);
  csv_table table;
  table.source = source;
  if (records.empty())
    fail(errc::csv_header, source, 1, 1, "the file is empty (expected a header row)");
  table.header = std::move(records.front());
  for (std::size_t k = 0; k < table.header.size(); ++k) {
    auto& h = table.header[k];
    h.text = std::string(detail::trim(h.text));
    for (std::size_t j = 0; j < k; ++j)
      if (table.header[j].text == h.text && !h.text.empty())
        fail(errc::csv_header, source, h.line, h.column,
             "column '" + h.text + "' appears twice in the header");
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    auto& row = records[r];
    if (row.size() > table.header.size()) {
      const auto& extra = row[table.header.size()];
      fail(errc::csv_field_count, source, extra.line, extra.column,
           "row has " + std::to_string(row.size()) + " fields but the header has " +
               std::to_string(table.header.size()));
    }
    while (row.size() < table.header.size()) {
      csv_cell blank;
      blank.line = row.empty() ? 0 : row.back().line;
      blank.column = 0;
      row.push_back(std::move(blank));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

csv_table read_csv(std::istream& in, const std::string& source, const limits& lim) {
  // read at most one byte more than the limit, so that a huge stream is never held whole
  std::string text;
  char chunk[1 << 16];
  while (in && text.size() <= lim.max_input_bytes) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    location loc;
    loc.file = source;
    throw io_error(errc::io_read, "reading failed", loc);
  }
  return parse_csv(text, source, lim);
}

std::string csv_quote(std::string_view cell) {
  // every separator the reader may sniff (comma, semicolon, tab) is quoted, so that a cell full
  // of tabs or semicolons cannot make the written table read with another separator
  const bool needs = cell.find_first_of(",;\t\"\r\n") != std::string_view::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!needs) return std::string(cell);
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace planeval
