#pragma once
/// @file
/// @brief An RFC 4180 CSV reader that remembers where every cell came from.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/limits.hpp"

namespace planeval {

/// @brief One cell: its text (unquoted) and where its content starts.
struct csv_cell {
  std::string text;        ///< the cell's text, quotes removed, `""` unescaped
  std::size_t line = 0;    ///< 1-based line where the content starts
  std::size_t column = 0;  ///< 1-based character column where the content starts
};

/// @brief A CSV file: the header and the rows, blank lines skipped.
struct csv_table {
  std::string source;  ///< file name used in error locations
  /// a table read from a workbook or Word document: its sheet (or table number); the cells'
  /// `line` and `column` are then its 1-based row and column, located as a reference (`F5`)
  std::string sheet;
  std::vector<csv_cell> header;             ///< header cells (BOM and surrounding blanks removed)
  std::vector<std::vector<csv_cell>> rows;  ///< data rows; short rows are padded with blank cells

  /// @brief Index of a header column, or -1.
  int column(std::string_view name) const noexcept;
};

/// @brief Parses CSV text (UTF-8, optional BOM, LF or CRLF line ends, RFC 4180 quoting).
///
/// The first non-blank line is the header. A row with more cells than the header is an error;
/// a shorter row is padded with blank cells. Invalid UTF-8 is an error naming its byte offset.
/// @param text the CSV text
/// @param source file name used in error locations
/// @param lim the input's size, each cell's length and the numbers of rows and of cells per row
///        are checked against `lim.max_input_bytes`, `max_text_bytes` and `max_items`.
/// @throws format_error (`csv_encoding`, `csv_syntax`, `csv_field_count`, `csv_header`,
///         `limit_input_size`, `limit_text_length`, `limit_items`) with file, line and column.
csv_table parse_csv(std::string_view text, const std::string& source, const limits& lim = {});

/// @brief Reads a whole stream (at most `lim.max_input_bytes`) and parses it.
/// @throws io_error when reading fails; the errors of `parse_csv`.
csv_table read_csv(std::istream& in, const std::string& source, const limits& lim = {});

/// @brief Quotes a cell for writing when it contains a separator the reader may sniff (`,`, `;`,
/// tab), `"`, a line break or edge blanks.
std::string csv_quote(std::string_view cell);

}  // namespace planeval
