// Word documents (.docx, WordprocessingML of ECMA-376) into grids: every table of the main
// document part, merged cells spread, the paragraph before a table as its caption.
#include <algorithm>
#include <cstdlib>

#include "detail/utf8.hpp"
#include "io/grid_cells.hpp"
#include "io/office_package.hpp"
#include "planeval/io/grid.hpp"

namespace planeval {
namespace {

struct cell_build {
  std::string text;
  std::size_t paragraphs = 0;  // read so far: an empty first paragraph is an empty first line
  std::size_t span = 1;
  int vertical = 0;  // 0: not merged, 1: starts a vertical merge, 2: continues the one above
};

struct table_build {
  std::vector<std::vector<cell_build>> rows;
  std::vector<std::size_t> before;  // cells left out at the start of each row (gridBefore)
  std::string caption;
};

std::size_t number_attribute(const xml_reader& r, std::size_t fallback, std::size_t most) {
  const std::string v = r.attribute("val");
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6)
    return fallback;
  return std::min<std::size_t>(std::strtoul(v.c_str(), nullptr, 10), most);
}

grid build(table_build& t, const std::string& source, std::size_t index, const limits& lim) {
  grid g;
  g.source = source;
  g.index = index;
  g.sheet = std::to_string(index + 1);
  if (!t.caption.empty()) g.captions.push_back(t.caption);
  std::size_t width = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::size_t w = t.before[r];
    for (const auto& c : t.rows[r]) w += c.span;
    width = std::max(width, w);
  }
  if (width > 0 && t.rows.size() > lim.max_items / width) {
    location where;
    where.file = source;
    where.sheet = g.sheet;
    raise(errc::limit_items,
          "the table has more cells than the limit of " + std::to_string(lim.max_items),
          std::move(where));
  }
  g.rows.assign(t.rows.size(), std::vector<grid_cell>(width));
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::size_t column = t.before[r];
    for (const auto& c : t.rows[r]) {
      std::string_view kept(c.text);
      while (!kept.empty() && kept.back() == '\n') kept.remove_suffix(1);  // empty last lines
      std::string text = detail::trim_cell_blanks(kept);
      bool merged = false;
      if (c.vertical == 2 && r > 0 && column < width) {
        text = g.rows[r - 1][column].text;
        merged = true;
      }
      for (std::size_t k = 0; k < c.span && column + k < width; ++k) {
        g.rows[r][column + k].text = text;
        g.rows[r][column + k].merged = merged || k > 0;
      }
      column += c.span;
    }
  }
  return g;
}

}  // namespace

std::vector<grid> parse_docx_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options) {
  const limits& lim = options.input_limits;
  office_package pkg(bytes, source, lim);
  const std::string document =
      pkg.main_part("word/", "word/document.xml", "a Word document (.docx)");
  const std::string xml = pkg.read(document);
  xml_reader r(xml, source, document, lim);
  std::vector<grid> out;
  std::vector<table_build> open;  // the table being read (nested tables are read as text)
  std::size_t nested = 0;
  std::string paragraph, last_paragraph;
  bool in_text = false;
  std::size_t cells = 0;
  const auto cell = [&]() -> cell_build* {
    if (open.empty() || open.back().rows.empty() || open.back().rows.back().empty()) return nullptr;
    return &open.back().rows.back().back();
  };
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next()) {
    if (n == xml_reader::node::start) {
      const std::string& name = r.name();
      if (name == "Fallback") {
        r.skip();  // the copy of an mc:AlternateContent for older readers
      } else if (name == "tbl") {
        if (!open.empty()) {
          ++nested;
        } else {
          open.emplace_back();
          open.back().caption = last_paragraph;
        }
      } else if (name == "tr" && nested == 0 && !open.empty()) {
        open.back().rows.emplace_back();
        open.back().before.push_back(0);
        if (open.back().rows.size() > lim.max_items) r.fail("a table with too many rows");
      } else if (name == "gridBefore" && nested == 0 && !open.empty() &&
                 !open.back().before.empty()) {
        open.back().before.back() = number_attribute(r, 0, 16384);
      } else if (name == "tc" && nested == 0 && !open.empty() && !open.back().rows.empty()) {
        open.back().rows.back().emplace_back();
        if (++cells > lim.max_items)
          r.fail("more table cells than the limit of " + std::to_string(lim.max_items));
      } else if (name == "gridSpan" && nested == 0) {
        if (cell_build* c = cell())
          c->span = std::max<std::size_t>(1, number_attribute(r, 1, 16384));
      } else if (name == "vMerge" && nested == 0) {
        if (cell_build* c = cell()) c->vertical = r.attribute("val") == "restart" ? 1 : 2;
      } else if (name == "p") {
        paragraph.clear();
      } else if (name == "t") {
        in_text = true;
      } else if (name == "tab") {
        paragraph += '\t';
      } else if (name == "br" || name == "cr") {
        paragraph += '\n';
      }
    } else if (n == xml_reader::node::end) {
      const std::string& name = r.name();
      if (name == "t") {
        in_text = false;
      } else if (name == "p") {
        const std::string text = detail::trim_cell_blanks(paragraph);
        if (cell_build* c = cell()) {
          // every paragraph is a line, an empty one too (the cell's edges are trimmed at its end)
          c->text += (c->paragraphs++ > 0 ? "\n" : "") + text;
          if (c->text.size() > lim.max_text_bytes)
            r.fail("a table cell longer than " + std::to_string(lim.max_text_bytes) + " bytes");
        } else if (!text.empty()) {
          last_paragraph = text;
        }
        paragraph.clear();
      } else if (name == "tc" && nested > 0) {
        if (cell_build* c = cell()) c->text += '\t';
      } else if (name == "tbl") {
        if (nested > 0) {
          --nested;
        } else if (!open.empty()) {
          out.push_back(build(open.back(), source, out.size(), lim));
          open.pop_back();
          last_paragraph.clear();
        }
      }
    } else if (n == xml_reader::node::text && in_text) {
      paragraph += r.text();
      if (paragraph.size() > lim.max_text_bytes)
        r.fail("a paragraph longer than " + std::to_string(lim.max_text_bytes) + " bytes");
    }
  }
  if (out.empty()) {
    location where;
    where.file = source;
    raise(errc::office_no_table,
          "the document has no table; planeval reads the indicator table of a plan or report",
          std::move(where));
  }
  return out;
}

}  // namespace planeval
