#pragma once
/// @file
/// @brief The CSV file of a composite index: units × indicators with optional metadata rows
/// (docs/analytics.md, "Index matrix file").

#include <iosfwd>
#include <string>

#include "planeval/analytics/composite.hpp"
#include "planeval/core/limits.hpp"

namespace planeval {

/// @brief Reads an index matrix.
///
/// The header's first cell names the unit column (any text, e.g. `unit` or `区`); the other
/// cells are indicator ids. Rows whose first cell starts with `#` describe the indicators:
/// `#polarity` (`higher`, `lower`), `#weight`, `#goal_low`, `#goal_high`, `#target`,
/// `#name_zh`, `#name_en`; a blank cell keeps the default (higher, weight 1, none). Every other
/// row is a unit: its name, then one number per indicator; a blank cell, `-`, `—`, `..`, `NA`
/// or `n/a` is a missing value.
/// @param in the CSV text (UTF-8, BOM tolerated, RFC 4180 quoting)
/// @param source file name used in error locations
/// @param lim limits for untrusted input (size, cell length, rows and columns)
/// @throws format_error (`csv_*`) for a malformed file, an unknown `#` row or a cell that is
///         not a number; model_error for a matrix `index_matrix::validate` refuses; each with
///         file, line and column; an error with a `limit_*` code when the input exceeds `lim`.
index_matrix read_index_matrix(std::istream& in, const std::string& source, const limits& lim = {});

/// @brief Opens and reads an index matrix file. @throws io_error when it cannot be read.
index_matrix load_index_matrix(const std::string& path, const limits& lim = {});

/// @brief Writes an index matrix in the format `read_index_matrix` reads (metadata rows only
/// where some indicator sets the field).
void write_index_matrix(std::ostream& out, const index_matrix& m);

}  // namespace planeval
