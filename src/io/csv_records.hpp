#pragma once
// The CSV tokenizer shared by the header-first tables (parse_csv) and the grids of published
// tables (parse_csv_grid).
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/limits.hpp"
#include "planeval/io/csv.hpp"

namespace planeval {

/// The records of UTF-8 CSV text (a UTF-8 BOM is skipped; other bytes are `csv.encoding`,
/// naming the fix). `separator` 0 sniffs `,`, `;` or tab. Blank rows are dropped unless
/// `keep_blank_rows`. Rows keep their own lengths.
std::vector<std::vector<csv_cell>> parse_csv_records(std::string_view text,
                                                     const std::string& source, const limits& lim,
                                                     char separator, bool keep_blank_rows);

/// The separator of CSV text: the first of `,`, `;`, tab found outside quotes in the first line;
/// `,` when none is.
char sniff_separator(std::string_view text) noexcept;

}  // namespace planeval
