// Excel workbooks (.xlsx, SpreadsheetML of ECMA-376) into grids: the package through libzip,
// the parts through libxml2's pull reader, both bounded (io/office_package.hpp). Debian has no
// C++ reader of .xlsx, so this one is ours: it reads what a table needs (texts, numbers as
// shown, merged cells, hidden rows and sheets) and nothing else (no charts, styles beyond
// number formats, or formula evaluation).
#include <algorithm>
#include <cstdlib>
#include <map>

#include "detail/utf8.hpp"
#include "io/grid_cells.hpp"
#include "io/number_format.hpp"
#include "io/office_package.hpp"
#include "planeval/io/grid.hpp"

namespace planeval {
namespace {

struct sheet_entry {
  std::string name, relationship, state;
};

struct workbook_info {
  std::vector<sheet_entry> sheets;
  bool date1904 = false;
};

// `_x000D_` and the like: characters OOXML strings escape (ST_Xstring).
std::string unescape_ooxml(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      const std::string hex = s.substr(i + 2, 4);
      if (hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
        const unsigned long cp = std::strtoul(hex.c_str(), nullptr, 16);
        if (cp < 0x20 && cp != '\n' && cp != '\t') {
          // a carriage return or another control character: line breaks are kept as \n
        } else if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else {
          detail::append_utf8(out, static_cast<char32_t>(cp));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string cell_text(std::string s) {
  s = unescape_ooxml(std::move(s));
  s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
  return detail::trim_cell_blanks(s);
}

workbook_info read_workbook(const office_package& pkg, const std::string& part, const limits& lim) {
  workbook_info info;
  const std::string xml = pkg.read(part);
  xml_reader r(xml, pkg.source(), part, lim);
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next()) {
    if (n != xml_reader::node::start) continue;
    if (r.name() == "workbookPr") {
      const std::string v = r.attribute("date1904");
      info.date1904 = v == "1" || v == "true";
    } else if (r.name() == "sheet") {
      info.sheets.push_back({r.attribute("name"), r.attribute("id"), r.attribute("state")});
      if (info.sheets.size() > lim.max_items) r.fail("too many sheets");
    }
  }
  return info;
}

std::vector<std::string> read_shared_strings(const office_package& pkg, const std::string& part,
                                             const limits& lim) {
  std::vector<std::string> out;
  if (part.empty() || !pkg.has(part)) return out;
  const std::string xml = pkg.read(part);
  xml_reader r(xml, pkg.source(), part, lim);
  bool in_si = false, in_t = false;
  std::size_t phonetic = 0;  // inside <rPh> (furigana): not part of the text
  std::string text;
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next()) {
    if (n == xml_reader::node::start) {
      if (r.name() == "si") {
        in_si = true;
        text.clear();
      } else if (r.name() == "rPh" || r.name() == "phoneticPr") {
        ++phonetic;
      } else if (r.name() == "t" && in_si && phonetic == 0) {
        in_t = true;
      }
    } else if (n == xml_reader::node::end) {
      if (r.name() == "si") {
        in_si = false;
        out.push_back(cell_text(text));
        if (out.size() > lim.max_items)
          r.fail("more shared strings than the limit of " + std::to_string(lim.max_items));
      } else if (r.name() == "rPh" || r.name() == "phoneticPr") {
        if (phonetic > 0) --phonetic;
      } else if (r.name() == "t") {
        in_t = false;
      }
    } else if (n == xml_reader::node::text && in_t) {
      text += r.text();
      if (text.size() > lim.max_text_bytes)
        r.fail("a string longer than " + std::to_string(lim.max_text_bytes) + " bytes");
    }
  }
  return out;
}

// The number format code of each cell style (`s` of a cell) from styles.xml.
std::vector<std::string> read_cell_formats(const office_package& pkg, const std::string& part,
                                           const limits& lim) {
  std::vector<std::string> out;
  if (part.empty() || !pkg.has(part)) return out;
  const std::string xml = pkg.read(part);
  xml_reader r(xml, pkg.source(), part, lim);
  std::map<int, std::string> custom;
  std::vector<int> ids;
  bool in_cell_xfs = false;
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next()) {
    if (n == xml_reader::node::start) {
      if (r.name() == "numFmt") {
        custom[std::atoi(r.attribute("numFmtId").c_str())] = r.attribute("formatCode");
      } else if (r.name() == "cellXfs") {
        in_cell_xfs = true;
      } else if (r.name() == "xf" && in_cell_xfs) {
        ids.push_back(std::atoi(r.attribute("numFmtId").c_str()));
        if (ids.size() > lim.max_items) r.fail("too many cell styles");
      }
    } else if (n == xml_reader::node::end && r.name() == "cellXfs") {
      in_cell_xfs = false;
    }
  }
  for (const int id : ids) {
    const auto c = custom.find(id);
    out.push_back(c != custom.end() ? c->second : builtin_number_format(id));
  }
  return out;
}

// `C7` → row 6, column 2; false when it is not a reference.
bool parse_reference(std::string_view ref, std::size_t& row, std::size_t& column) {
  std::size_t i = 0, col = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (col > 16384) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + static_cast<std::size_t>(ref[i] - '0');
    if (r > 1048576) return false;
  }
  if (r == 0) return false;
  row = r - 1;
  column = col - 1;
  return true;
}

struct raw_cell {
  std::size_t row, column;
  std::string text;
};

grid read_sheet(const office_package& pkg, const std::string& part, const sheet_entry& entry,
                std::size_t index, const std::vector<std::string>& strings,
                const std::vector<std::string>& formats, bool date1904, const limits& lim) {
  grid g;
  g.source = pkg.source();
  g.sheet = entry.name;
  g.index = index;
  g.hidden = entry.state == "hidden" || entry.state == "veryHidden";
  const std::string xml = pkg.read(part);
  xml_reader r(xml, pkg.source(), part, lim);
  std::vector<raw_cell> cells;
  std::vector<std::pair<std::size_t, std::size_t>> merges_from, merges_to;
  std::size_t row = 0, next_row = 0, next_column = 0;
  // the cell being read
  std::size_t c_row = 0, c_column = 0;
  std::string type, style, value, formula, inline_text;
  bool in_cell = false, in_v = false, in_f = false, in_is_t = false, has_v = false, has_f = false;
  std::size_t phonetic = 0;
  const auto located = [&](const std::string& message) {
    location where;
    where.file = g.source;
    where.sheet = g.sheet;
    where.cell = cell_reference(c_row, c_column);
    raise(errc::office_xml, message, std::move(where));
  };
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next()) {
    if (n == xml_reader::node::start) {
      const std::string& name = r.name();
      if (name == "row") {
        const std::string rr = r.attribute("r");
        row = rr.empty() ? next_row
                         : static_cast<std::size_t>(std::strtoull(rr.c_str(), nullptr, 10)) - 1;
        if (!rr.empty() &&
            (rr.find_first_not_of("0123456789") != std::string::npos || row >= 1048576))
          r.fail("a row number '" + rr + "' that is not one");
        next_row = row + 1;
        next_column = 0;
        const std::string hidden = r.attribute("hidden");
        if (hidden == "1" || hidden == "true") g.hidden_rows.push_back(row);
      } else if (name == "c") {
        in_cell = true;
        has_v = has_f = false;
        value.clear();
        formula.clear();
        inline_text.clear();
        type = r.attribute("t");
        style = r.attribute("s");
        const std::string ref = r.attribute("r");
        if (ref.empty()) {
          c_row = row;
          c_column = next_column;
        } else if (!parse_reference(ref, c_row, c_column)) {
          r.fail("a cell reference '" + ref + "' that is not one");
        }
        next_column = c_column + 1;
      } else if (in_cell && name == "v") {
        in_v = has_v = true;
      } else if (in_cell && name == "f") {
        in_f = has_f = true;
      } else if (in_cell && (name == "rPh" || name == "phoneticPr")) {
        ++phonetic;
      } else if (in_cell && name == "t" && phonetic == 0) {
        in_is_t = true;
      } else if (name == "mergeCell") {
        const std::string ref = r.attribute("ref");
        const auto colon = ref.find(':');
        std::size_t r1 = 0, c1 = 0, r2 = 0, c2 = 0;
        if (colon == std::string::npos || !parse_reference(ref.substr(0, colon), r1, c1) ||
            !parse_reference(ref.substr(colon + 1), r2, c2) || r2 < r1 || c2 < c1)
          r.fail("a merged range '" + ref + "' that is not one");
        merges_from.emplace_back(r1, c1);
        merges_to.emplace_back(r2, c2);
      }
    } else if (n == xml_reader::node::end) {
      const std::string& name = r.name();
      if (name == "v") {
        in_v = false;
      } else if (name == "f") {
        in_f = false;
      } else if (name == "t") {
        in_is_t = false;
      } else if (name == "rPh" || name == "phoneticPr") {
        if (phonetic > 0) --phonetic;
      } else if (name == "c" && in_cell) {
        in_cell = false;
        std::string text;
        if (type == "s") {
          if (!has_v) continue;
          char* end = nullptr;
          const unsigned long long k = std::strtoull(value.c_str(), &end, 10);
          if (value.empty() || *end != '\0' || k >= strings.size())
            located("a shared string number '" + value + "' the workbook does not have");
          text = strings[static_cast<std::size_t>(k)];
        } else if (type == "inlineStr") {
          text = cell_text(inline_text);
        } else if (type == "b") {
          text = value == "1" ? "TRUE" : "FALSE";
        } else if (type == "str" || type == "e" || type == "d") {
          text = cell_text(value);
        } else if (has_v) {
          char* end = nullptr;
          const std::string v(detail::trim(value));
          const double number = std::strtod(v.c_str(), &end);
          if (v.empty() || *end != '\0') {
            text = cell_text(value);  // not a number: kept as written, the importer judges it
          } else {
            std::string code;
            if (!style.empty()) {
              const auto s = static_cast<std::size_t>(std::strtoull(style.c_str(), nullptr, 10));
              if (s < formats.size()) code = formats[s];
            }
            text = format_spreadsheet_number(number, code, date1904);
          }
        }
        if (!has_v && has_f && type != "inlineStr") {
          // a formula never calculated (written by a program): kept as written, for review
          text = "=" + std::string(detail::trim(formula));
          g.notes.push_back("cell " + cell_reference(c_row, c_column) + " of sheet '" + g.sheet +
                            "' has a formula without a saved value; open and save the workbook "
                            "in Excel or WPS to calculate it");
        }
        if (text.empty()) continue;
        if (text.size() > lim.max_text_bytes)
          located("a cell of " + std::to_string(text.size()) + " bytes, more than " +
                  std::to_string(lim.max_text_bytes) + " (limits::max_text_bytes)");
        cells.push_back({c_row, c_column, std::move(text)});
        if (cells.size() > lim.max_items)
          raise(errc::limit_items,
                "the sheet has more cells than the limit of " + std::to_string(lim.max_items),
                g.where(c_row, c_column));
      }
    } else if (n == xml_reader::node::text) {
      if (in_v)
        value += r.text();
      else if (in_f)
        formula += r.text();
      else if (in_is_t)
        inline_text += r.text();
      if (value.size() + formula.size() + inline_text.size() > lim.max_text_bytes)
        located("a cell longer than " + std::to_string(lim.max_text_bytes) + " bytes");
    }
  }
  // the grid: every row from the first, every column from A, so references match the sheet
  std::size_t rows = 0, width = 0;
  for (const auto& c : cells) {
    rows = std::max(rows, c.row + 1);
    width = std::max(width, c.column + 1);
  }
  if (rows > lim.max_items || (width > 0 && rows > lim.max_items / width)) {
    location where;
    where.file = g.source;
    where.sheet = g.sheet;
    raise(errc::limit_items,
          "the sheet spans " + std::to_string(rows) + " rows by " + std::to_string(width) +
              " columns, more cells than the limit of " + std::to_string(lim.max_items),
          std::move(where));
  }
  g.rows.assign(rows, std::vector<grid_cell>(width));
  for (auto& c : cells) g.rows[c.row][c.column].text = std::move(c.text);
  for (std::size_t k = 0; k < merges_from.size(); ++k) {
    const auto [r1, c1] = merges_from[k];
    const auto [r2, c2] = merges_to[k];
    if (r1 >= rows || c1 >= width) continue;
    const std::string text = g.rows[r1][c1].text;
    for (std::size_t i = r1; i <= std::min(r2, rows - 1); ++i)
      for (std::size_t j = c1; j <= std::min(c2, width - 1); ++j) {
        if (i == r1 && j == c1) continue;
        g.rows[i][j].text = text;
        g.rows[i][j].merged = true;
      }
  }
  if (!g.hidden_rows.empty()) {
    std::string list;
    for (const std::size_t h : g.hidden_rows)
      list += (list.empty() ? "" : ", ") + std::to_string(h + 1);
    g.notes.push_back("sheet '" + g.sheet + "' hides row(s) " + list + " (read all the same)");
  }
  if (g.hidden)
    g.notes.push_back("sheet '" + g.sheet + "' is hidden in the workbook (read all the same)");
  return g;
}

}  // namespace

std::vector<grid> parse_xlsx_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options) {
  const limits& lim = options.input_limits;
  office_package pkg(bytes, source, lim);
  const std::string workbook = pkg.main_part("xl/", "xl/workbook.xml", "an Excel workbook (.xlsx)");
  const workbook_info info = read_workbook(pkg, workbook, lim);
  const auto rels = pkg.relationships(workbook);
  const auto target_of = [&](const std::string& id) {
    for (const auto& rel : rels)
      if (rel.id == id) return rel;
    return office_package::relationship{};
  };
  std::string strings_part, styles_part;
  for (const auto& rel : rels) {
    if (rel.type == "sharedStrings") strings_part = rel.target;
    if (rel.type == "styles") styles_part = rel.target;
  }
  // the sheets to read
  std::vector<std::size_t> chosen;
  if (!options.sheet.empty()) {
    for (std::size_t k = 0; k < info.sheets.size() && chosen.empty(); ++k)
      if (info.sheets[k].name == options.sheet) chosen.push_back(k);
    for (std::size_t k = 0; k < info.sheets.size() && chosen.empty(); ++k)
      if (detail::trim(info.sheets[k].name) == detail::trim(options.sheet)) chosen.push_back(k);
    if (chosen.empty() && options.sheet.find_first_not_of("0123456789") == std::string::npos) {
      const auto k = std::strtoull(options.sheet.c_str(), nullptr, 10);
      if (k >= 1 && k <= info.sheets.size()) chosen.push_back(static_cast<std::size_t>(k - 1));
    }
    if (chosen.empty()) {
      std::string names;
      for (const auto& s : info.sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
      location where;
      where.file = source;
      where.sheet = options.sheet;
      raise(errc::office_sheet,
            "the workbook has no sheet '" + options.sheet + "'; its sheets are " +
                (names.empty() ? "none" : names) + " (give a name or a number from 1)",
            std::move(where));
    }
  } else {
    for (std::size_t k = 0; k < info.sheets.size(); ++k) chosen.push_back(k);
  }
  const auto strings = read_shared_strings(pkg, strings_part, lim);
  const auto formats = read_cell_formats(pkg, styles_part, lim);
  std::vector<grid> out;
  for (const std::size_t k : chosen) {
    const auto rel = target_of(info.sheets[k].relationship);
    if (rel.type != "worksheet") continue;  // chart sheets and dialog sheets have no cells
    if (!pkg.has(rel.target)) {
      location where;
      where.file = source;
      where.sheet = info.sheets[k].name;
      raise(errc::office_package,
            "the workbook lists sheet '" + info.sheets[k].name + "' but has no part '" +
                rel.target + "'; the file may be damaged",
            std::move(where));
    }
    out.push_back(
        read_sheet(pkg, rel.target, info.sheets[k], k, strings, formats, info.date1904, lim));
  }
  if (out.empty()) {
    location where;
    where.file = source;
    raise(errc::office_sheet, "the workbook has no worksheet with cells", std::move(where));
  }
  return out;
}

}  // namespace planeval
