#pragma once
/// @file
/// @brief CSV tables of plans, actuals and references (docs/formats.md).

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/io/inputs.hpp"

namespace planeval {

/// @brief Reads a plan table with the header
/// `id,name_zh,name_en,kind,unit,polarity,attribute,category,baseline_period,baseline,
/// target_period,target,note` (only `id`, `target_period` and `target` are required; the
/// optional column `accumulation` is also accepted).
///
/// Each row is an indicator; a later row with the same id adds a target for another period.
/// Defaults: kind from the unit (`%` → rate, area units → area, compound → ratio, count words →
/// count, qualitative target → qualitative, otherwise amount); polarity `higher`; attribute
/// `anticipatory`; baseline period the year before the target period; a baseline written
/// `五年累计…` covers the five years ending there. The plan's period is the latest target
/// period; its id is the file's stem.
/// @param in the CSV text
/// @param source file name used in error locations
/// @param lim limits for untrusted input (size, cell length, rows, periods)
/// @throws format_error, parse_error, model_error with file, line, column and indicator id;
///         an error with a `limit_*` code when the input exceeds `lim`.
/// @param review when given, a target or baseline cell that does not parse is kept in it (the
///        target as an `unparsed` rule, the baseline left out) instead of throwing
plan read_plan_table(std::istream& in, const std::string& source, const limits& lim = {},
                     std::vector<review_item>* review = nullptr);

/// @brief Opens and reads a plan table. @throws io_error when the file cannot be read.
plan load_plan_table(const std::string& path, const limits& lim = {},
                     std::vector<review_item>* review = nullptr);

/// @brief Reads actuals: `indicator,period,value[,flags][,note]`. Values use the target
/// language (`7.05%`, `增长8.1%`, `84以上`, `8%左右`, `达标`); `左右` adds the flag `E`.
/// @param in the CSV text
/// @param source file name used in error locations
/// @param known when given, indicator ids must exist in this plan.
/// @param lim limits for untrusted input (size, cell length, rows, periods)
/// @param origins when given, receives where each value was read (file, line), in order
/// @param review when given, a row whose period or value does not parse is kept in it (with its
///        cell) and left out, instead of throwing
/// @throws format_error, parse_error, model_error with file, line and column; an error with a
///         `limit_*` code when the input exceeds `lim`.
observation_set read_actuals(std::istream& in, const std::string& source,
                             const plan* known = nullptr, const limits& lim = {},
                             std::vector<location>* origins = nullptr,
                             std::vector<review_item>* review = nullptr);

/// @brief Opens and reads an actuals file.
observation_set load_actuals(const std::string& path, const plan* known = nullptr,
                             const limits& lim = {}, std::vector<location>* origins = nullptr,
                             std::vector<review_item>* review = nullptr);

/// @brief Reads references: `indicator,period,value[,note]`; each value is a number with an
/// optional unit. Parameters and errors as `read_actuals`.
reference_set read_references(std::istream& in, const std::string& source,
                              const plan* known = nullptr, const limits& lim = {},
                              std::vector<location>* origins = nullptr,
                              std::vector<review_item>* review = nullptr);

/// @brief Opens and reads a references file.
reference_set load_references(const std::string& path, const plan* known = nullptr,
                              const limits& lim = {}, std::vector<location>* origins = nullptr,
                              std::vector<review_item>* review = nullptr);

/// @brief An actual value written in the target language, read as `read_actuals` reads a row:
/// the value's measure, unit and qualifier from its words, the flag `E` for `左右`, then `flags`.
/// @param indicator indicator id (not empty)
/// @param per the period observed
/// @param text the value (`7.05%`, `增长8.1%`, `84以上`, `达标`); blank is missing
/// @param flags SDMX observation-status codes (`E`, `P`, `EP`), may be empty
/// @throws parse_error (the codes of `parse_observation`), model_error (`model_invalid`: an empty
///         id or a bad flag).
observation observation_from_text(const std::string& indicator, const period& per,
                                  std::string_view text, std::string_view flags = {});

/// @brief A reference value written as a number with an optional unit (`3.5%`, `6000人`), read
/// as `read_references` reads a row.
/// @throws parse_error when the text does not parse, model_error (`model_invalid`) when it is
///         not a plain number (a bound, a judgment, `左右`) or the id is empty.
reference_value reference_from_text(const std::string& indicator, const period& per,
                                    std::string_view text);

/// @brief Writes the plan's indicators as a plan table (one row per target).
void write_plan_table(std::ostream& out, const plan& p);

/// @brief Writes observations as an actuals table.
void write_actuals(std::ostream& out, const observation_set& actuals);

/// @brief Saves actual values as `write_actuals` writes them, atomically (a failed save leaves
/// the previous file untouched).
/// @throws io_error (`io_open`, `io_write`).
void save_actuals(const observation_set& actuals, const std::string& path);

/// @brief Writes references as a references table (`indicator,period,value,note`), each value
/// a number with its unit; `read_references` reads it back to equal references.
void write_references(std::ostream& out, const reference_set& references);

}  // namespace planeval
