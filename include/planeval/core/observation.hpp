#pragma once
/// @file
/// @brief Observations (actual values for a period) and references (values a plan points to).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "planeval/core/period.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/core/unit.hpp"

namespace planeval {

/// @brief A recorded judgment, for qualitative targets or where no number was published.
enum class judgment : std::uint8_t {
  met,            ///< `达标`, `完成`, `met`
  basically_met,  ///< `基本完成`, `basically met`
  exceeded,       ///< `超额完成`, `exceeded`
  not_met,        ///< `未完成`, `未达标`, `not met`
};

/// @brief Stable name of a judgment (`met`, `basically_met`, `exceeded`, `not_met`).
const char* to_string(judgment j) noexcept;

/// @brief No value (a blank cell, `-`, `n/a`).
struct missing_value {
  friend bool operator==(missing_value, missing_value) noexcept { return true; }
};
/// @brief A number (`7.05`, `8%左右` is a point flagged approximate).
struct point_value {
  double value = 0.0;  ///< the number, in the observation's unit
  friend bool operator==(point_value a, point_value b) noexcept { return a.value == b.value; }
};
/// @brief A one-sided bound (`84以上`, `4.5以内`, `>=84`).
struct bound_value {
  double value = 0.0;    ///< the bound
  bool at_least = true;  ///< true: value or more; false: value or less
  bool strict = false;   ///< the bound itself excluded (`>84`)
  friend bool operator==(bound_value a, bound_value b) noexcept {
    return a.value == b.value && a.at_least == b.at_least && a.strict == b.strict;
  }
};
/// @brief A closed interval (`5-10` written as a result).
struct interval_value {
  double low = 0.0;   ///< lower end
  double high = 0.0;  ///< upper end
  friend bool operator==(interval_value a, interval_value b) noexcept {
    return a.low == b.low && a.high == b.high;
  }
};
/// @brief A recorded judgment (`达标`, `未完成`).
struct judgment_value {
  judgment verdict = judgment::met;  ///< the judgment
  friend bool operator==(judgment_value a, judgment_value b) noexcept {
    return a.verdict == b.verdict;
  }
};

/// @brief The value of an observation: one of the alternatives above.
using observed =
    std::variant<missing_value, point_value, bound_value, interval_value, judgment_value>;

/// @brief An actual value of an indicator for a period.
struct observation {
  std::string indicator;             ///< indicator id
  planeval::period period;           ///< the period observed
  observed value;                    ///< number, bound, interval, judgment or missing
  planeval::measure measure;         ///< level (default), growth, change in points …
  planeval::unit unit;               ///< unit as written (empty: the indicator's unit)
  planeval::qualifier qualifier;     ///< `新开工`, `五年累计`, …
  std::optional<double> comparable;  ///< comparable figure `10.9(可比7.0)`: evaluated instead
  std::string flags;                 ///< SDMX observation-status codes, e.g. `E`, `P`, `EP`
  std::string text;                  ///< the text as given (may be empty when built in code)
  std::string note;                  ///< free note

  /// @brief True when flagged estimated/approximate (`E`), e.g. `8%左右`.
  bool approximate() const noexcept { return flags.find('E') != std::string::npos; }

  /// @brief The single number evaluated: the comparable figure if any, else the point value;
  /// none for bounds, intervals, judgments and missing values.
  std::optional<double> single_number() const noexcept {
    if (comparable) return comparable;
    if (const auto* pt = std::get_if<point_value>(&value)) return pt->value;
    return std::nullopt;
  }

  friend bool operator==(const observation& a, const observation& b) noexcept;
  friend bool operator!=(const observation& a, const observation& b) noexcept { return !(a == b); }
};

/// @brief The SDMX observation-status codes planeval accepts: `A B D E F G I K M N O P Q S U V`.
bool is_sdmx_flag(char c) noexcept;

/// @brief An SDMX observation-status code (code list CL_OBS_STATUS) and its meaning.
struct sdmx_flag {
  char code;       ///< the code (`E`)
  const char* zh;  ///< its meaning in Chinese (`估计值`)
  const char* en;  ///< its meaning in English (`estimated value`)
};

/// @brief The codes planeval accepts as flags, in alphabetical order: A B D E F G I K M N O P
/// Q S U V.
const std::vector<sdmx_flag>& sdmx_flags();

/// @brief Checks a flag string (each character an SDMX code, no repeats).
/// @throws model_error (`model_invalid`) naming the bad character.
void validate_flags(std::string_view flags);

/// @brief The values compared for an observed value as a closed interval [low, high]
/// (infinite ends for bounds); nullopt for missing values and judgments.
struct value_interval {
  double low;              ///< lower end (may be −∞)
  double high;             ///< upper end (may be +∞)
  bool low_open = false;   ///< low excluded
  bool high_open = false;  ///< high excluded
};
/// @brief Interval view of a value, see `value_interval`.
std::optional<value_interval> as_interval(const observed& v) noexcept;

/// @brief Actual values keyed by (indicator, period, measure); insertion order is kept.
class observation_set {
 public:
  /// @brief Adds an observation.
  /// @throws model_error (`model_duplicate`) when one with the same indicator, period and
  ///         measure kind is present.
  void add(observation o);
  /// @brief Adds or replaces the observation with the same key.
  void put(observation o);
  /// @brief Reserves room for `n` observations (readers call it with a bounded count).
  void reserve(std::size_t n) { items_.reserve(n); }

  /// @brief The observation of `indicator` for `p` with measure kind `m`, or null.
  const observation* find(std::string_view indicator, const period& p,
                          measure_kind m = measure_kind::level) const;
  /// @brief Any observation of `indicator` for `p`, preferring level, then growth; or null.
  const observation* find_any(std::string_view indicator, const period& p) const;
  /// @brief Every observation of an indicator, ordered by period.
  std::vector<const observation*> series(std::string_view indicator) const;

  /// @brief Number of observations.
  std::size_t size() const noexcept { return items_.size(); }
  /// @brief True when there are none.
  bool empty() const noexcept { return items_.empty(); }
  /// @brief All observations in insertion order.
  const std::vector<observation>& items() const noexcept { return items_; }
  /// @brief Iteration in insertion order.
  std::vector<observation>::const_iterator begin() const noexcept { return items_.begin(); }
  /// @brief End of iteration.
  std::vector<observation>::const_iterator end() const noexcept { return items_.end(); }

  friend bool operator==(const observation_set& a, const observation_set& b) noexcept {
    return a.items_ == b.items_;
  }
  friend bool operator!=(const observation_set& a, const observation_set& b) noexcept {
    return !(a == b);
  }

 private:
  std::vector<observation> items_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_indicator_;
};

/// @brief A value a target refers to but the plan does not hold (the city's target, an
/// assigned quota), for one indicator and period.
struct reference_value {
  std::string indicator;    ///< indicator id
  planeval::period period;  ///< the period the value applies to
  double value = 0.0;       ///< the value
  planeval::unit unit;      ///< unit as written (empty: the indicator's unit)
  std::string note;         ///< where the value comes from

  friend bool operator==(const reference_value& a, const reference_value& b) noexcept {
    return a.indicator == b.indicator && a.period == b.period && a.value == b.value &&
           a.unit == b.unit && a.note == b.note;
  }
};

/// @brief References keyed by (indicator, period); insertion order is kept.
class reference_set {
 public:
  /// @brief Adds a reference value.
  /// @throws model_error (`model_duplicate`) when one for the same indicator and period exists.
  void add(reference_value r);
  /// @brief Reserves room for `n` references.
  void reserve(std::size_t n) { items_.reserve(n); }
  /// @brief Adds or replaces.
  void put(reference_value r);
  /// @brief The reference of `indicator` for `p`, or null.
  const reference_value* find(std::string_view indicator, const period& p) const;
  /// @brief Number of references.
  std::size_t size() const noexcept { return items_.size(); }
  /// @brief True when there are none.
  bool empty() const noexcept { return items_.empty(); }
  /// @brief All references in insertion order.
  const std::vector<reference_value>& items() const noexcept { return items_; }
  /// @brief Iteration in insertion order.
  std::vector<reference_value>::const_iterator begin() const noexcept { return items_.begin(); }
  /// @brief End of iteration.
  std::vector<reference_value>::const_iterator end() const noexcept { return items_.end(); }

  friend bool operator==(const reference_set& a, const reference_set& b) noexcept {
    return a.items_ == b.items_;
  }
  friend bool operator!=(const reference_set& a, const reference_set& b) noexcept {
    return !(a == b);
  }

 private:
  std::vector<reference_value> items_;
};

}  // namespace planeval
