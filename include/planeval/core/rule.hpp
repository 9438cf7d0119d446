#pragma once
/// @file
/// @brief Target rules: what an actual value is judged by, parsed from the published text.

#include <cstdint>
#include <string>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/unit.hpp"

namespace planeval {

/// @brief The comparison a rule makes.
enum class op : std::uint8_t {
  reach,        ///< a bare number: direction comes from the indicator's polarity
  at_least,     ///< `95以上`, `不低于95`, `≥95` (strict: `高于95`, `>95`)
  at_most,      ///< `4.5以内`, `不高于`, `≤` (strict: `低于`, `<`)
  between,      ///< `5-10`, `6%至6.5%`
  about,        ///< `3左右`, `约3`, `与全市目标基本同步`
  increase,     ///< `进一步提高`, `稳定增长` (direction only)
  decrease,     ///< `继续下降` (direction only)
  improve,      ///< `持续改善`: better in the indicator's polarity (direction only)
  qualitative,  ///< judged, not computed (`达到发达国家先进水平`)
  unparsed,     ///< kept as text at the caller's request; never evaluated
  compound,  ///< several figures in one cell (`达1211亿元、增长6.8%`, `分别增长6%和7%左右`):
             ///< the rule's `parts`
};

/// @brief What the rule's number is a value of.
enum class measure_kind : std::uint8_t {
  level,          ///< the value itself (default)
  growth,         ///< percent change on the previous period (`增长8%`, `下降3%`)
  change_points,  ///< change in percentage points on the baseline (`提高2个百分点`)
  cagr,           ///< compound annual growth over the plan span (`年均增长7%`)
  change_since,   ///< percent change since a named base year (`比2005年下降36%`)
};

/// @brief Stable name of an op (`reach`, `at_least`, …).
const char* to_string(op o) noexcept;
/// @brief Stable name of a measure kind (`level`, `growth`, …).
const char* to_string(measure_kind m) noexcept;

/// @brief A measure: its kind and, for changes since a named year, that year.
struct measure {
  measure_kind kind = measure_kind::level;  ///< the kind
  int base_year = 0;  ///< base year for `change_since` and dated `change_points`; 0 otherwise

  friend bool operator==(const measure& a, const measure& b) noexcept {
    return a.kind == b.kind && a.base_year == b.base_year;
  }
  friend bool operator!=(const measure& a, const measure& b) noexcept { return !(a == b); }
};

/// @brief What is counted and how it cumulates: `新开工100`, `五年累计竣工208.9`.
struct qualifier {
  std::string flow;          ///< `新开工`, `开工`, `竣工`, `新增`, `新建`, or empty
  bool cumulative = false;   ///< `累计`, `五年累计`, `〔 〕`
  int cumulative_years = 0;  ///< 5 for `五年累计` and `〔 〕`; 0 when not stated

  /// @brief True when nothing is qualified.
  bool empty() const noexcept { return flow.empty() && !cumulative; }
  friend bool operator==(const qualifier& a, const qualifier& b) noexcept {
    return a.flow == b.flow && a.cumulative == b.cumulative &&
           a.cumulative_years == b.cumulative_years;
  }
  friend bool operator!=(const qualifier& a, const qualifier& b) noexcept { return !(a == b); }
};

/// @brief A parsed target: a comparison applied to a measure, against a number, a range or a
/// named reference.
///
/// Which number fields are meaningful depends on `operation`: `value` for reach, about, at_least
/// and at_most; `low` and `high` for between; none for direction, qualitative and unparsed rules;
/// `parts` for compound rules.
/// When `reference` is set the number fields are unused: the value is supplied at evaluation.
/// Growth, cagr and change_since rules carry the unit `%`; change_points rules `个百分点`.
struct rule {
  op operation = op::qualitative;  ///< the comparison
  planeval::measure measure;       ///< what the number is a value of
  double value = 0.0;              ///< threshold for reach, about, at_least, at_most
  double low = 0.0;                ///< lower end for between
  double high = 0.0;               ///< upper end for between
  bool strict = false;             ///< at_least/at_most exclude the bound (`高于`, `>`)
  std::string reference;  ///< named reference (`全市目标`, `市下达指标`) instead of a number
  planeval::unit unit;    ///< unit as written in the text (may be empty)
  planeval::qualifier qualifier;  ///< what is counted and how it cumulates
  std::string remark;             ///< trailing clause kept verbatim
  std::string description;        ///< qualitative and unparsed rules: the text they stand for
  /// A target year written in the text (`到2030年达到15万元以上`, `by 2030 …`): the rule is for
  /// that year, whatever period its table gives the target; 0 when the text names none.
  int year = 0;
  /// `op::compound`: the parts, each a comparison against a number (no reference, year or
  /// remark of its own: those are the compound's). Empty for every other op.
  std::vector<rule> parts;
  /// `op::compound`: the parts are for as many quantities, in order (`分别`, `respectively`):
  /// the indicator must be split into them (import does so when its name lists them). False:
  /// every part is a measure of the indicator itself (its level and its growth).
  bool respectively = false;

  /// @brief True for reach, about, at_least, at_most and between.
  bool is_comparison() const noexcept;
  /// @brief True when the rule compares against a named reference.
  bool has_reference() const noexcept { return !reference.empty(); }

  friend bool operator==(const rule& a, const rule& b) noexcept;
  friend bool operator!=(const rule& a, const rule& b) noexcept { return !(a == b); }
};

/// @brief A target of an indicator for a period: the published text and its rule.
struct target {
  planeval::period period;  ///< the period the target is set for
  std::string text;         ///< the text as published, verbatim
  planeval::rule rule;      ///< the parsed rule (`op::unparsed` if kept as text)

  friend bool operator==(const target& a, const target& b) noexcept {
    return a.period == b.period && a.text == b.text && a.rule == b.rule;
  }
  friend bool operator!=(const target& a, const target& b) noexcept { return !(a == b); }
};

/// @brief Canonical text of a rule; parsing it gives back an equal rule (the remark included).
/// @param r the rule
/// @param lang `zh` (`95以上`, `增长8%`) or `en` (`at least 95`, `up 8%`).
std::string canonical(const rule& r, language lang = language::zh);

/// @brief English name of a reference known to the target language (`全市目标` → `the city
/// target`); the name itself, quoted, otherwise.
std::string reference_name_en(const std::string& reference);

}  // namespace planeval
