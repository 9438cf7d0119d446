#pragma once
/// @file
/// @brief Small things every core header uses: the output language, enum names, number text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planeval {

/// @brief Language of reasons, narratives and canonical texts.
enum class language : std::uint8_t {
  zh,  ///< Chinese (the register of the source documents)
  en,  ///< English
};

/// @brief Stable name of a language: `zh` or `en`.
const char* to_string(language l) noexcept;

/// @brief The name of `names` nearest to `word` (fewest single-character edits, ASCII case
/// ignored), when at most `max_edits` away; empty otherwise. How messages suggest a column or
/// option name for a typo (`peroid` → `period`).
std::string nearest_name(std::string_view word, const std::vector<std::string>& names,
                         std::size_t max_edits);

/// @brief Reads an enumeration from its stable name (the text `to_string` prints).
///
/// Specialised for every planeval enumeration (language, dimension, period_kind, op,
/// measure_kind, judgment, indicator_kind, polarity, attribute, accumulation, status, task_status,
/// task_state, and the analytics enumerations of `planeval/analytics/`).
/// @throws model_error (`model_enum`) listing the accepted names.
template <class Enum>
Enum from_string(std::string_view name);

/// @brief Like `from_string` but returns nullopt instead of throwing.
template <class Enum>
std::optional<Enum> try_from_string(std::string_view name) noexcept;

/// @brief Shortest decimal text that reads back to the same double (`5`, `0.017`, `-3.82`).
std::string format_number(double v);

}  // namespace planeval
