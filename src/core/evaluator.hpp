#pragma once
// The evaluator of one target (private to src/core): finding and measuring the actual value
// (evaluate_measure.cpp), judging it (evaluate_judge.cpp) and the assessment it fills
// (evaluate.cpp, where evaluate() and evaluate_target() call it).
#include <optional>
#include <string>

#include "core/attainment.hpp"
#include "detail/decimal.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "text/wording.hpp"

namespace planeval::evaluation_detail {

using detail::ival;
using text::format_value;

inline bool is_percent_unit(const unit& u) {
  return u.dim() == dimension::percent || u.dim() == dimension::percentage_point;
}

// `2021年`, `2021年第3季度`, `2021年9月`, `2016—2020年`
inline std::string zh(const period& p) { return text::period_text(p, language::zh); }

// The value an evaluation compares: the measured value (or a bound of it) in the comparison unit.
struct actual_value {
  bool found = false;
  std::string missing_zh;  // why not found
  std::string missing_en;
  std::optional<judgment> verdict;
  ival range;          // the value as an interval (a point for numbers)
  double shown = 0.0;  // a representative number (the point or the bound)
  std::string text;    // how it was written or computed
};

class evaluator {
 public:
  evaluator(const plan& p, const indicator& ind, const target& t, const observation_set& actuals,
            const reference_set& refs, const evaluation_options& opt)
      : plan_(p),
        ind_(ind),
        original_(t),
        judged_(detail::judged_rule_of(ind, t.rule)),
        // a year written in the text (到2030年…) is the period judged; the table's otherwise
        judged_target_{t.rule.year != 0 ? period::year(t.rule.year) : t.period, t.text,
                       judged_.rule},
        t_(judged_target_),
        actuals_(actuals),
        refs_(refs),
        opt_(opt) {}

  assessment run();

 private:
  // --- lookups ---------------------------------------------------------------------------

  bool visible(const period& p) const { return !opt_.as_of || p.first_day() <= *opt_.as_of; }

  const observation* find_obs(const period& p, measure_kind m) const;

  // A bare percentage on an indicator whose unit is not % is a growth figure (core/indicator.hpp).
  bool percent_means_growth(const unit& u) const { return planeval::percent_means_growth(u, ind_); }

  measure effective_measure() const { return judged_.measure(); }

  unit comparison_unit() const;

  bool percent_like() const { return is_percent_unit(comparison_unit()); }

  // Reads an observation's value as an interval in the comparison unit.
  actual_value read(const observation& o, const unit& cmp) const;

  static std::string describe(const observation& o) { return canonical(o, language::zh); }

  // The level of the indicator for a period: an observation, or sub-periods that add up.
  std::optional<actual_value> level_of(const period& p) const;

  // A year from its quarters or months, a span from its years; flows add up, stocks and rates
  // take the last sub-period. Only complete coverage counts.
  std::optional<actual_value> aggregate(const period& p, const unit& cmp) const;

  // The value the rule's measure needs, computed from levels where no direct figure exists.
  actual_value measured() const;

  const observation* find_any_judgment(const period& p) const;

  period baseline_period() const;

  // The period before `p`; `p` itself for the first that periods can hold (year 1400), which
  // has none (its level then serves as no earlier value: level_of is asked for `p` only).
  static period previous_of(const period& p);

  static bool computable(const actual_value& v);

  static actual_value computed(double x, std::string text);

  // --- statuses -----------------------------------------------------------------------------

  void set(status s, std::string zh, std::string en);

  std::string target_quote_zh() const { return "“" + t_.text + "”"; }
  std::string target_quote_en() const;

  void from_judgment(judgment j, const std::string& text);

  void judged();

  // The verdict of a direction target from what was found (`facts`) and whether it rose.
  void set_direction(bool up, bool yes, bool no, const std::string& facts_zh,
                     const std::string& facts_en);

  // A direction judged from this period's growth (`Steady rise` against `Up 9.7`): a rise is
  // growth above zero. False when the period has no growth figure.
  bool direction_from_growth(const period& p);

  void direction();

  // --- numeric comparison --------------------------------------------------------------------

  void compare();

  // A value that cannot be what was meant is flagged for review, never judged: a fraction where
  // the target (and the baseline) are percentages (`0.051` for 5.1%, as spreadsheets export a
  // percent cell), or a value a million times the target (a unit lost: 元 for 亿元).
  bool implausible(const actual_value& v, double threshold);

  void fill_actual_only();

  double convert_checked(double value, const unit& from, const unit& to, const char* what) const;

  // A gap or tolerance in the gap's unit (percentage points for percentages).
  std::string gap_quantity(double v, language lang) const;

  std::string gap_zh() const;
  std::string gap_en() const;

  void achievement(const actual_value& v, double required);

  const plan& plan_;
  const indicator& ind_;
  const target& original_;      // as published
  detail::judged_rule judged_;  // as judged against the indicator (attainment.hpp)
  target judged_target_;        // the target with the judged rule
  const target& t_;
  const observation_set& actuals_;
  const reference_set& refs_;
  const evaluation_options& opt_;
  assessment a_;
};

}  // namespace planeval::evaluation_detail
