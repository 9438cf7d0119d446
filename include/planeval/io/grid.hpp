#pragma once
/// @file
/// @brief The table model of published tables: a grid of cell texts, each with where it came
/// from, read from CSV/TSV (UTF-8 or GB18030), HTML pages, Excel workbooks (.xlsx, .xls) and
/// Word documents (.docx) (docs/importing.md, docs/formats.md).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"

namespace planeval {

/// @brief The text encoding of a file of cells.
enum class text_encoding : std::uint8_t {
  automatic,  ///< UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030
  utf8,       ///< UTF-8; other bytes are an error that names the fix
  gb18030,    ///< GB18030 (a superset of GBK and GB2312), as Excel saves CSV in Chinese locales
};

/// @brief Stable name of an encoding (`auto`, `utf-8`, `gb18030`).
const char* to_string(text_encoding encoding) noexcept;
/// @brief Reads an encoding name: `auto`, `utf-8`/`utf8`, `gb18030`/`gbk`/`gb2312` (any case).
/// @throws error (`usage`) naming the accepted names.
text_encoding parse_text_encoding(std::string_view name);

/// @brief One cell of a grid.
struct grid_cell {
  std::string text;        ///< the cell's text (UTF-8, edges trimmed; inner line breaks kept)
  std::size_t line = 0;    ///< 1-based line in the file where the cell starts (0: unknown)
  std::size_t column = 0;  ///< 1-based character column in that line (0: unknown)
  bool merged = false;     ///< a copy spread from a merged cell (rowspan/colspan, merged cells)
};

/// @brief A table of cell texts as published: title rows, headers, data and notes alike.
struct grid {
  std::string source;                            ///< file name used in locations
  std::string sheet;                             ///< sheet name or table number (`2`), may be empty
  std::size_t index = 0;                         ///< 0-based number of the table in its file
  text_encoding encoding = text_encoding::utf8;  ///< the encoding the bytes were read in
  char separator = ',';                          ///< CSV: the separator used (sniffed or given)
  std::vector<std::string> captions;  ///< HTML: `<caption>`, the text before; .docx: the paragraph
  std::vector<std::string> notes;     ///< what the reader noticed (a formula without a value …)
  std::vector<std::size_t> hidden_rows;      ///< workbooks: 0-based rows hidden in the sheet (read)
  bool hidden = false;                       ///< workbooks: the sheet is hidden (read all the same)
  std::vector<std::vector<grid_cell>> rows;  ///< rows in order, blank rows kept, padded to width

  /// @brief Number of columns (the longest row).
  std::size_t width() const noexcept;
  /// @brief The text of a cell, empty outside the grid.
  const std::string& text(std::size_t row, std::size_t column) const noexcept;
  /// @brief The location of a cell: file, line and column, sheet and reference (`C7`).
  location where(std::size_t row, std::size_t column) const;
};

/// @brief The spreadsheet reference of a 0-based cell: (6, 2) → `C7`, column 26 → `AA`.
std::string cell_reference(std::size_t row, std::size_t column);

/// @brief How cells are read.
struct grid_options {
  text_encoding encoding = text_encoding::automatic;  ///< encoding of the bytes
  char separator = 0;   ///< CSV separator; 0 sniffs `,`, `;` or tab from the first rows
  limits input_limits;  ///< size, cell length, rows and cells per row (core/limits.hpp)
  /// Workbooks: the sheet to read, by name or 1-based number (`--sheet`); empty reads every one.
  std::string sheet;
};

/// @brief Converts bytes in an encoding to UTF-8 (iconv for GB18030); removes a UTF-8 BOM.
/// With `automatic`, valid UTF-8 is kept and anything else is read as GB18030.
/// @param bytes the file's bytes
/// @param encoding the encoding they are in (`automatic`: UTF-8 if valid, else GB18030)
/// @param source file name used in error locations
/// @param detected set to the encoding used when not null
/// @return the text in UTF-8
/// @throws format_error (`csv.encoding`) naming the byte offset, line and the fix.
std::string to_utf8(std::string_view bytes, text_encoding encoding, const std::string& source,
                    text_encoding* detected = nullptr);

/// @brief Reads CSV or TSV bytes into a grid: RFC 4180 quoting, any row length.
/// @throws format_error (`csv.encoding`, `csv.syntax`, `limit.*`) with file, line and column.
grid parse_csv_grid(std::string_view bytes, const std::string& source,
                    const grid_options& options = {});

/// @brief Reads every `<table>` of an HTML page (libxml2's HTML parser): `rowspan` and
/// `colspan` spread to the cells they cover (marked `merged`), `<br>` and paragraphs kept as
/// line breaks, the `<caption>` and the text just before the table as its captions.
/// @throws format_error (`html.no_table` when there is none, `limit.*`).
std::vector<grid> parse_html_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options = {});

/// @brief Reads the sheets of an Excel workbook (.xlsx, SpreadsheetML) in order, or the one of
/// `options.sheet`: shared and inline strings, numbers as their number format shows them (a
/// percent-formatted `0.053` is `5.3%`, `#,##0` gives `12,345`, dates as formatted), formulas by
/// their saved value, merged cells spread (marked `merged`), hidden rows and sheets noted. Cells
/// are located by sheet name and reference (`C7`). Bounded: entries, inflated part sizes, XML
/// depth and texts by `options.input_limits`; a DOCTYPE is refused.
/// @throws format_error (`office.package`, `office.encrypted`, `office.xml`, `office.sheet`,
///         `limit.*`).
std::vector<grid> parse_xlsx_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options = {});

/// @brief Reads every table of a Word document (.docx, `word/document.xml`): `gridSpan` and
/// `vMerge` spread (marked `merged`), paragraphs in a cell as line breaks, the paragraph before
/// a table as its caption; a table inside a cell is read as that cell's text.
/// @throws format_error (`office.package`, `office.encrypted`, `office.xml`, `office.no_table`,
///         `limit.*`).
std::vector<grid> parse_docx_grids(std::string_view bytes, const std::string& source,
                                   const grid_options& options = {});

/// @brief Reads the sheets of a legacy Excel workbook (.xls, BIFF8) through FreeXL: texts,
/// numbers (as General: FreeXL gives no number formats, so a percent cell reads as its
/// fraction, which the importer then marks for review) and dates.
/// @throws format_error (`office.package`, `office.encrypted`, `office.sheet`, `limit.*`).
std::vector<grid> load_xls_grids(const std::string& path, const grid_options& options = {});

/// @brief Whether bytes begin as an Office file: a zip package (`PK\3\4`: .xlsx, .docx) or an
/// OLE compound file (.xls, an encrypted Office file, .doc).
bool is_office_file(std::string_view head) noexcept;

/// @brief Reads a file of tables, its format told by its content: a zip package is a workbook
/// (.xlsx) or a Word document (.docx) by its parts, an OLE file an .xls workbook (or an
/// encrypted Office file), else HTML or CSV/TSV.
/// @throws io_error (`io.open`, `io.read`, `io.format` for an Office file of another kind);
///         the errors of the readers.
std::vector<grid> load_grids(const std::string& path, const grid_options& options = {});

}  // namespace planeval
