#pragma once
/// @file
/// @brief The one error hierarchy of planeval: a stable code, a message and a location.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace planeval {

/// @brief Stable error codes. The text form (`to_string`) is part of the API: it starts every
/// message as `[planeval.<code>]` and is listed in docs/errors.md.
enum class errc {
  // text in the target language: targets, then observations (results)
  target_empty,          ///< the text is empty or blank
  target_syntax,         ///< the text does not match any form of the target language
  target_number,         ///< a number is malformed or out of range
  target_range,          ///< a range whose ends disagree (low > high, units differ)
  target_unit,           ///< a unit that is unknown or does not fit the form
  target_encoding,       ///< the text is not valid UTF-8
  observation_syntax,    ///< an observation text is not a value, bound or judgment
  observation_number,    ///< a number in an observation text is malformed or out of range
  observation_range,     ///< an observation's range whose ends disagree (low > high, units differ)
  observation_unit,      ///< an observation's unit that is unknown or does not fit the form
  observation_encoding,  ///< an observation text is not valid UTF-8
  // units and periods
  unit_unknown,       ///< a unit symbol that is not in the unit table
  unit_incompatible,  ///< two units of different dimensions were compared
  period_syntax,      ///< a period text is not YYYY, YYYY-Qn, YYYY-MM, YYYY-Mmm or YYYY/YYYY
  period_range,       ///< a period out of range (year, quarter, month, span order)
  date_syntax,        ///< a date is not YYYY-MM-DD or not a calendar date
  // the model
  model_duplicate,   ///< an id or key defined twice
  model_unknown_id,  ///< a reference to an indicator or task that does not exist
  model_invalid,     ///< a value that breaks a model invariant
  model_enum,        ///< a name that is not one of an enumeration's values
  // CSV files
  csv_syntax,       ///< RFC 4180 quoting broken
  csv_header,       ///< a header missing a required column, or with an unknown or repeated one
  csv_field_count,  ///< a row with more fields than the header
  csv_encoding,     ///< the file is not valid UTF-8 (nor the encoding it was said to be in)
  // published tables (io/grid.hpp, import/table.hpp)
  html_no_table,    ///< an HTML page without a `<table>` (or without the one asked for)
  table_no_header,  ///< no header row with an indicator-name column was found in a table
  table_column,     ///< a table's columns do not fit: a name column missing, a ragged row
  // office files (io/grid.hpp: .xlsx, .xls, .docx)
  office_package,    ///< not a readable workbook or document: not a zip, truncated, a part missing
  office_encrypted,  ///< a password-protected (encrypted) workbook or document
  office_xml,        ///< a part that is not well-formed XML, or declares a DOCTYPE
  office_sheet,      ///< the sheet asked for (`--sheet`) is not in the workbook
  office_no_table,   ///< a Word document without a table (or without the one asked for)
  // files and streams
  io_open,    ///< a file could not be opened
  io_read,    ///< reading failed
  io_write,   ///< writing or renaming failed
  io_format,  ///< the file's format could not be determined
  // tasks
  task_cycle,  ///< task dependencies (or parents) form a cycle; the message names it
  // plan files (JSON) and archives
  json_syntax,         ///< the text is not JSON (line and column), or nests too deep
  json_encoding,       ///< a JSON file that is not valid UTF-8
  json_type,           ///< a member has the wrong JSON type or shape
  json_missing,        ///< a required member is missing
  json_unknown_field,  ///< a member the format does not define (outside `extensions`)
  json_duplicate,      ///< a member name given twice in one object
  archive_corrupt,     ///< an archive is truncated, corrupted, or not a planeval plan archive
  archive_limit,       ///< a collection or string in an archive exceeds the documented limits
  format_version,      ///< a file or archive written by a newer format version than this release
  // limits for untrusted input (planeval::limits, docs/hardening.md)
  limit_input_size,   ///< an input is larger than `limits::max_input_bytes`
  limit_depth,        ///< JSON arrays and objects nest deeper than `limits::max_depth`
  limit_text_length,  ///< one text (cell, string, target) is longer than `limits::max_text_bytes`
  limit_items,        ///< a table or JSON collection has more items than `limits::max_items`
  limit_period,  ///< a period or date outside `limits::min_year`–`max_year`, or too long a span
  // usage
  usage,  ///< a function or command was called with arguments that do not fit
};

/// @brief Number of error codes (codes are 0 … errc_count-1).
inline constexpr int errc_count = static_cast<int>(errc::usage) + 1;

/// @brief The stable text form of a code, e.g. `target.syntax`.
const char* to_string(errc code) noexcept;

/// @brief The class of an error, decided by its code alone: the C++ exception class thrown, the
/// C API's status and the Python exception class all follow it.
enum class error_category {
  parse,   ///< a text did not parse (`target.*`, `observation.*`, `unit.unknown`, periods, dates)
  format,  ///< an input file is malformed or too large (`csv.*`, `json.*`, `archive.*`,
           ///< `format.version`, `limit.*`)
  model,   ///< the model is inconsistent (`model.*`, `unit.incompatible`, `task.cycle`)
  io,      ///< a file could not be opened, read or written (`io.*`)
  usage,   ///< arguments that do not fit (`usage`)
};

/// @brief The category of a code (see `error_category`).
error_category category_of(errc code) noexcept;

/// @brief Stable name of a category: `parse`, `format`, `model`, `io`, `usage`.
const char* to_string(error_category category) noexcept;

/// @brief Where an error happened. Every field is optional; `to_string` prints the ones set.
struct location {
  std::string file;        ///< file name as given by the caller
  std::size_t line = 0;    ///< 1-based line, 0 when unknown
  std::size_t column = 0;  ///< 1-based column in characters (not bytes), 0 when unknown
  std::string pointer;     ///< JSON pointer or field path, e.g. `/indicators/3/target`
  std::string indicator;   ///< indicator id the error concerns
  std::string task;        ///< task id the error concerns
  std::string fragment;    ///< the offending piece of text
  std::string sheet;       ///< sheet name or table number in a workbook or page (`表1`, `2`)
  std::string cell;        ///< spreadsheet reference of a table cell (`C7`)

  /// @brief `file:line:column` followed by the sheet, cell, pointer, indicator and task when set.
  std::string to_string() const;
  /// @brief True when no field is set.
  bool empty() const noexcept;
};

/// @brief Base of every exception planeval throws.
///
/// Derives from `std::invalid_argument`, so bindings map it to `ValueError`.
/// `what()` is `[planeval.<code>] <location>: <message>`.
class error : public std::invalid_argument {
 public:
  /// @brief Builds an error with its code, message (without prefix) and location.
  error(errc code, std::string message, location where = {});

  /// @brief The stable code.
  errc code() const noexcept { return code_; }
  /// @brief The message without the code prefix and location.
  const std::string& message() const noexcept { return message_; }
  /// @brief Where the error happened.
  const location& where() const noexcept { return where_; }

 private:
  errc code_;
  std::string message_;
  location where_;
};

/// @brief A text in the target language, a unit, a period or a date did not parse.
class parse_error : public error {
 public:
  using error::error;
};

/// @brief A CSV or other input file is malformed.
class format_error : public error {
 public:
  using error::error;
};

/// @brief The model is inconsistent (duplicate ids, unknown ids, incompatible units).
class model_error : public error {
 public:
  using error::error;
};

/// @brief A file could not be opened, read or written.
class io_error : public error {
 public:
  using error::error;
};

/// @brief Throws the error of a code as the class its category says: `parse_error`,
/// `format_error`, `model_error`, `io_error`, or `error` for usage. The one way to raise an error
/// whose code is not known where it is thrown (re-raising with a better location, a code passed
/// in).
/// @param code the stable code
/// @param message the message, without the code prefix and location
/// @param where where the error happened
/// @throws always: the class `category_of(code)` names
[[noreturn]] void raise(errc code, std::string message, location where = {});

/// @brief Re-raises `e` with another location, keeping its code, message and class.
/// @throws always
[[noreturn]] inline void raise_at(const error& e, location where) {
  raise(e.code(), e.message(), std::move(where));
}

}  // namespace planeval
