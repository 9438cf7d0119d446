#pragma once
/// @file
/// @brief The target language: parsing targets and observations written by people.
///
/// See docs/target-language.md for every form. Errors are `parse_error` with the column (in
/// characters) of the first character the parser could not place, the fragment from there, and
/// what was expected there.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/limits.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/rule.hpp"

namespace planeval {

/// @brief Options for `parse_target`.
struct parse_options {
  /// Keep a text that does not parse as an `op::unparsed` rule instead of throwing.
  bool keep_unparsed = false;
  /// Longest text accepted, in bytes (`limits::max_text_bytes`); a longer one is a
  /// `limit_text_length` error, even with `keep_unparsed`.
  std::size_t max_text_bytes = limits{}.max_text_bytes;
};

/// @brief Parses a target text into a rule.
///
/// Text without any digit that matches no numeric, direction or reference form is a
/// `qualitative` rule; a text with digits that does not parse is an error (never a guess).
/// Complexity: linear in the text's length.
/// @throws parse_error (`target_empty`, `target_syntax`, `target_number`, `target_range`,
///         `target_unit`, `target_encoding` naming the byte offset) with the column and fragment;
///         (`limit_text_length`) for a text longer than `options.max_text_bytes`.
rule parse_target(std::string_view text, const parse_options& options = {});

/// @brief An observation text read by the target language.
struct parsed_observation {
  observed value;             ///< point, bound, interval, judgment or missing
  planeval::measure measure;  ///< from the words: `增长` → growth, `个百分点` → points
  planeval::unit unit;        ///< unit written
  planeval::qualifier qualifier;     ///< `新开工`, `五年累计`, …
  std::optional<double> comparable;  ///< `(可比7.0)`
  bool approximate = false;          ///< `左右`, `约`: record with SDMX flag `E`
  std::string remark;                ///< trailing clause kept verbatim
  /// Further figures of the same text, in order (`1211亿元、增长6.8%`: the growth 6.8%); each a
  /// value, bound or range with its measure, without a remark of its own.
  std::vector<parsed_observation> also;
  /// The figures are for as many quantities (`分别增长8.3%、10%`), not all of this indicator:
  /// readers keep such a text for review.
  bool respectively = false;
};

/// @brief Parses an observation text: `7.05%`, `增长8.1%`, `84以上`, `8%左右`, `达标`,
/// `新开工116`, `10.9(可比7.0)`; blank, `-`, `—`, `/`, `n/a` are missing. Figures after the
/// first (`达1211亿元、增长6.8%`) are in `also`; the first clause that is not a figure starts the
/// remark.
/// @throws parse_error (`observation_syntax`, `observation_number`, `observation_range`,
///         `observation_unit`, `observation_encoding` naming the byte offset) with the column;
///         (`unit_unknown`) for a unit the unit table does not know.
parsed_observation parse_observation(std::string_view text);

/// @brief Parses an observation text with options (only `max_text_bytes` applies).
/// @throws the errors of `parse_observation(std::string_view)`; parse_error
///         (`limit_text_length`) for a text longer than `options.max_text_bytes`.
parsed_observation parse_observation(std::string_view text, const parse_options& options);

/// @brief The observation of `indicator` for `per` that a parsed text gives: its value, measure,
/// unit, qualifier and comparable figure, the SDMX flag `E` when approximate (`左右`), its remark
/// as the note, and `text` as written.
/// @throws parse_error (`observation_syntax`) for figures of several quantities
///         (`check_one_quantity`); readers check first, inside their located reads.
observation to_observation(const std::string& indicator, const period& per, std::string text,
                           const parsed_observation& parsed);

/// @brief The observations a parsed text gives: `to_observation` of the first figure, then one
/// for each figure in `parsed.also` whose measure kind is not yet given (`1211亿元、增长6.8%`:
/// the level and the growth), each with the whole text.
std::vector<observation> to_observations(const std::string& indicator, const period& per,
                                         const std::string& text, const parsed_observation& parsed);

/// @brief Rejects a text whose figures are for several quantities (`parsed.respectively`).
/// @throws parse_error (`observation_syntax`) saying to give each quantity its own row.
void check_one_quantity(const parsed_observation& parsed);

/// @brief Canonical text of a parsed observation (parses back to an equal one).
std::string canonical(const parsed_observation& o, language lang = language::zh);

/// @brief Canonical text of an observation's value (its measure, unit, qualifier, comparable
/// figure and approximation; the remark and note are not part of it).
std::string canonical(const observation& o, language lang = language::zh);

/// @brief True when an indicator's name says its values are growth rates (`地区生产总值增速`,
/// `固定资产投资增幅`, `经济增长`, `GDP growth`): the words of the target language's lexicon.
/// A percentage target on such an indicator (`6%左右`) is the level of the rate, which is the
/// growth of the quantity it names.
bool names_growth_rate(std::string_view indicator_name) noexcept;

}  // namespace planeval
