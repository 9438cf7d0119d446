#pragma once
// The CSV tokenizer shared by the header-first tables (parse_csv) and the grids of published
// tables (parse_csv_grid).
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/io/csv.hpp"

namespace planeval {

/// Raises the error of `code` at a file's line and column (the readers of cells share it).
[[noreturn]] void fail_in_file(errc code, const std::string& source, std::size_t line,
                               std::size_t column, const std::string& message);

/// The records of UTF-8 CSV text (a UTF-8 BOM is skipped; other bytes are `csv.encoding`,
/// naming the fix). `separator` 0 sniffs `,`, `;` or tab. Blank rows are dropped unless
/// `keep_blank_rows`. Rows keep their own lengths.
std::vector<std::vector<csv_cell>> parse_csv_records(std::string_view text,
                                                     const std::string& source, const limits& lim,
                                                     char separator, bool keep_blank_rows);

/// Checks a header-first table's header and gives each column its canonical name: a header is
/// matched exactly, else without case and with blanks or hyphens for `_` (`Indicator`,
/// `Target Period`), else by a Chinese alias (`指标`, `年份`, `完成值`, `备注`, `单位`,
/// `责任单位`…) of an allowed column. Throws format_error (`csv_header`) for an unknown column
/// (naming the nearest allowed name and the accepted ones), a required column missing, or two
/// headers of one column.
void check_header(csv_table& t, const std::vector<std::string>& required,
                  const std::vector<std::string>& optional);

/// The separator of CSV text: the first of `,`, `;`, tab found outside quotes in the first line;
/// `,` when none is.
char sniff_separator(std::string_view text) noexcept;

/// Names the unit column of a long table (and of its targets' table): `地区`, `区县`, `区域` and
/// `单位名称` become `unit`; `单位` stays the measurement unit of the other tables.
void name_long_table_unit_column(csv_table& t);

}  // namespace planeval
