#pragma once
/// @file
/// @brief Plan files: load and save whole plans as JSON or as Boost.Serialization archives
/// (text, XML, binary), with the format taken from the file name or given explicitly.
///
/// See docs/formats.md for each format, its compatibility promise and its limits. Archives are
/// meant for trusted input (files a program wrote itself); loading a truncated or corrupted
/// archive still fails with an error, never a crash or an unbounded allocation.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief The formats a whole plan can be stored in.
enum class plan_format : std::uint8_t {
  json,    ///< JSON plan file (`.json`), UTF-8, for people and other languages
  text,    ///< Boost.Serialization text archive (`.pvt`), portable
  xml,     ///< Boost.Serialization XML archive (`.pvx`), portable
  binary,  ///< Boost.Serialization binary archive (`.pvb`): same platform and Boost version only
};

/// @brief Stable name of a plan format: `json`, `text`, `xml` or `binary`.
const char* to_string(plan_format f) noexcept;

/// @brief Reads a plan format from its name (`json`, `text`, `xml`, `binary`).
/// @throws model_error (`model_enum`) listing the accepted names.
template <>
plan_format from_string<plan_format>(std::string_view name);

/// @brief Like `from_string<plan_format>` but returns nullopt instead of throwing.
template <>
std::optional<plan_format> try_from_string<plan_format>(std::string_view name) noexcept;

/// @brief The file extension of a format, with its dot: `.json`, `.pvt`, `.pvx`, `.pvb`.
const char* extension(plan_format f) noexcept;

/// @brief The format a file name's extension names (case-insensitive), or nullopt for any
/// other extension (`.csv` included: plan tables are not a `plan_format`).
std::optional<plan_format> format_from_path(std::string_view path) noexcept;

/// @brief Recognises a format from the first bytes of a file: a JSON object, or the header of
/// a Boost text, XML or binary archive. Returns nullopt when none matches.
/// @param head the start of the content (64 bytes are enough)
std::optional<plan_format> sniff_format(std::string_view head) noexcept;

/// @brief Largest number of elements an archive may hold in one collection (indicators,
/// targets, observations, references, tasks, deliverables, lists of ids). A larger count is
/// an `archive_limit` error.
inline constexpr std::uint64_t archive_max_elements = 10'000'000;

/// @brief Largest string an archive may hold, in bytes (16 MiB). A longer string, or one
/// longer than the rest of the archive, is an `archive_limit` error.
inline constexpr std::uint64_t archive_max_string_bytes = 16u * 1024u * 1024u;

/// @brief Reads a plan in the given format from a stream and checks it (`plan::validate`).
/// @param in the stream (read to its end; opened in binary mode for binary archives)
/// @param format the format of the content
/// @param source file name used in error locations
/// @param lim limits for untrusted input: `max_input_bytes` for every format, the others for
///        JSON (archives are trusted input with their own bounds, see `archive_max_elements`)
/// @throws format_error (`json_*`, `archive_*`, `format_version`, `limit_*`), parse_error,
///         model_error with the location (line and column, JSON pointer, indicator id), io_error
///         when reading fails.
plan read_plan(std::istream& in, plan_format format, const std::string& source = {},
               const limits& lim = {});

/// @brief Writes a plan in the given format to a stream. JSON is canonical: the same plan
/// always gives the same bytes.
/// @throws model_error (`model_invalid`) for what the format cannot hold (a number that is
///         not finite, a string that is not UTF-8 in JSON, `extensions` that are not a JSON
///         object), io_error (`io_write`) when the stream fails.
void write_plan(std::ostream& out, const plan& p, plan_format format);

/// @brief Loads a plan file: `.json`, `.pvt`, `.pvx`, `.pvb`, or a `.csv` plan table
/// (`read_plan_table`); any other name is recognised by its content (`sniff_format`).
/// The plan is checked with `plan::validate`.
/// @param path the file
/// @param lim limits for untrusted input, as for `read_plan` (and `read_plan_table` for CSV)
/// @throws io_error (`io_open`, `io_read`, `io_format`) and the errors of `read_plan`.
plan load_plan(const std::string& path, const limits& lim = {});

/// @brief Loads a plan file in the given format, whatever its name.
/// @throws the errors of `load_plan`.
plan load_plan(const std::string& path, plan_format format, const limits& lim = {});

/// @brief Saves a plan in the format its extension names (`.json`, `.pvt`, `.pvx`, `.pvb`).
///
/// The plan is written to a temporary file in the same folder, flushed and synced to disk,
/// then renamed over `path`: a failed save leaves the previous file untouched.
/// @throws io_error (`io_format`) when the extension names no format (use the overload with
///         a format, or `save_plan_table` for CSV), (`io_open`, `io_write`) when writing
///         fails; the errors of `write_plan`.
void save_plan(const plan& p, const std::string& path);

/// @brief Saves a plan in the given format, whatever the file's name (atomically, see above).
/// @throws the errors of `save_plan`.
void save_plan(const plan& p, const std::string& path, plan_format format);

/// @brief Saves a plan's indicators and targets as a CSV plan table (`write_plan_table`),
/// atomically. The table cannot hold the plan's metadata, settings, observations, references,
/// tasks and extensions, nor a rule that differs from what its target text reads as.
/// @throws io_error (`io_open`, `io_write`) when writing fails.
void save_plan_table(const plan& p, const std::string& path);

/// @brief Saves what `write` writes to `path` atomically, as every planeval save does: a
/// temporary file in the same folder, flushed, synced and renamed over `path`; on any failure
/// (an exception from `write` included) `path` is left as it was.
/// @throws io_error (`io_open`, `io_write`); what `write` throws.
void save_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// @brief Every model problem of a plan, not just the first: the checks of `validate_plan`
/// (empty or repeated ids, repeated target periods, units that do not convert, invalid flags,
/// unknown indicators of observations and references, the first task problem) with
/// `rules_match_texts`: targets whose text reads as another rule than the stored one.
/// @return the problems as errors with their locations; empty when the plan is sound.
std::vector<error> check_plan(const plan& p);

/// @brief Checks a plan file and returns every problem found, with locations.
///
/// JSON files are read member by member, so each indicator, observation, reference and task
/// with a problem is reported; a syntax error stops reading. Archives and CSV tables stop at their
/// first problem. The model checks of `check_plan` follow when the file could be read.
/// @param path the file (any format `load_plan` reads)
/// @return the problems; empty when the file is a sound plan. Never throws for bad content.
std::vector<error> check_plan_file(const std::string& path);

}  // namespace planeval
