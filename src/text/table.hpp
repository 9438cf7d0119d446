#pragma once
// Private: the two table layouts every renderer writes — an aligned text table for terminals
// (East Asian wide characters count two columns) and a Markdown table — with one cell escaper.

#include <iosfwd>
#include <string>
#include <vector>

namespace planeval::text {

/// A table: a header and rows of cell texts (every row as long as the header).
struct table {
  std::vector<std::string> header;             ///< column titles
  std::vector<std::vector<std::string>> rows;  ///< cells, row by row
  std::vector<bool> numeric;  ///< columns right-aligned in Markdown (missing: left-aligned)
};

/// Writes an aligned text table: columns padded to their widest cell in display columns and
/// separated by two blanks, a rule of dashes under the header; the last column (a reason) is
/// not padded.
void write_text_table(std::ostream& out, const table& t);

/// A Markdown cell: `|` escaped, line breaks as blanks, an empty cell as `-`.
std::string markdown_cell(const std::string& text);

/// Writes a Markdown table (`---:` under the numeric columns).
void write_markdown_table(std::ostream& out, const table& t);

}  // namespace planeval::text
