// Aligned text tables and Markdown tables.
#include "text/table.hpp"

#include <algorithm>
#include <ostream>

#include "detail/utf8.hpp"

namespace planeval::text {
namespace {

void write_padded(std::ostream& out, const std::string& s, std::size_t width) {
  out << s;
  for (std::size_t w = detail::display_width(s); w < width; ++w) out << ' ';
}

void write_markdown_row(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const auto& c : cells) out << ' ' << markdown_cell(c) << " |";
  out << '\n';
}

}  // namespace

void write_text_table(std::ostream& out, const table& t) {
  const std::size_t n = t.header.size();
  std::vector<std::size_t> width(n, 0);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    width[k] = detail::display_width(t.header[k]);
    for (const auto& row : t.rows) width[k] = std::max(width[k], detail::display_width(row[k]));
  }
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t k = 0; k < n; ++k) {
      if (k + 1 < n) {
        write_padded(out, row[k], width[k]);
        out << "  ";
      } else {
        out << row[k];
      }
    }
    out << '\n';
  };
  line(t.header);
  std::vector<std::string> rule;
  for (std::size_t k = 0; k < n; ++k) rule.push_back(std::string(k + 1 < n ? width[k] : 4, '-'));
  line(rule);
  for (const auto& row : t.rows) line(row);
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n' || ch == '\r')
      out += ' ';
    else
      out += ch;
  }
  return out.empty() ? "-" : out;
}

void write_markdown_table(std::ostream& out, const table& t) {
  write_markdown_row(out, t.header);
  out << '|';
  for (std::size_t k = 0; k < t.header.size(); ++k)
    out << (k < t.numeric.size() && t.numeric[k] ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : t.rows) write_markdown_row(out, row);
}

}  // namespace planeval::text
