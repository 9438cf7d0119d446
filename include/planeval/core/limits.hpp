#pragma once
/// @file
/// @brief Limits for untrusted input: how large a file, how deep its nesting, how long one text
/// and how many items a reader accepts (docs/hardening.md).

#include <cstddef>
#include <cstdint>

#include "planeval/core/period.hpp"

namespace planeval {

/// @brief Bounds a reader enforces on its input, so that a hostile or broken file fails with a
/// typed error instead of exhausting memory or time.
///
/// Every reader of text input takes a `limits` (the CSV tables, the JSON plan file, target and
/// observation texts through `parse_options`); the defaults suit plans far larger than any
/// published one. Exceeding a limit is an `error` with a `limit_*` code and the location. Archives
/// are trusted input and keep their own bounds (`archive_max_elements`,
/// `archive_max_string_bytes`).
struct limits {
  /// Largest input, in bytes (a CSV file, a JSON plan file): 64 MiB. Code `limit_input_size`.
  std::uint64_t max_input_bytes = 64u * 1024u * 1024u;
  /// Deepest nesting of JSON arrays and objects: 256. Code `limit_depth`.
  std::size_t max_depth = 256;
  /// Longest single text, in bytes: a CSV cell, a JSON string or member name, a target or
  /// observation text (1 MiB). Code `limit_text_length`.
  std::size_t max_text_bytes = 1024u * 1024u;
  /// Most items in one collection: rows of a CSV table, cells of a row, elements of a JSON array,
  /// members of a JSON object (1 000 000). Code `limit_items`.
  std::size_t max_items = 1'000'000;
  /// Earliest year a period or date in the input may name: 1800. Code `limit_period`.
  int min_year = 1800;
  /// Latest year a period or date in the input may name: 2300. Code `limit_period`.
  int max_year = 2300;
  /// Longest span period (`2016/2020` is 5 years), in years: 100. Code `limit_period`.
  int max_span_years = 100;
};

/// @brief Checks a period read from input against `min_year`, `max_year` and `max_span_years`.
/// @param p the period
/// @param lim the limits
/// @throws parse_error (`limit_period`) naming the limit.
void check_limits(const period& p, const limits& lim);

/// @brief Checks the year of a date read from input against `min_year` and `max_year`.
/// @param year the year
/// @param lim the limits
/// @throws parse_error (`limit_period`) naming the limit.
void check_year_limits(int year, const limits& lim);

}  // namespace planeval
