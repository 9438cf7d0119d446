#pragma once
// Private: what every reader of cells (CSV, HTML, .xlsx, .xls, .docx) does to a cell's text.
#include <string>
#include <string_view>

namespace planeval::detail {

/// Blanks (spaces, tabs, carriage returns, U+3000) off both ends; line breaks are kept, so a
/// cell whose first printed line is empty lines its values up with the names beside it; a cell
/// of blank lines only is empty.
std::string trim_cell_blanks(std::string_view s);

}  // namespace planeval::detail
