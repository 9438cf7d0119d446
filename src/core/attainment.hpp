#pragma once
// Private: the sets of values that meet a comparison target, shared by the per-indicator
// evaluator (evaluate.cpp) and the batch evaluator (batch.cpp) so both judge identically.
#include <limits>
#include <optional>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/rule.hpp"

namespace planeval::detail {

inline constexpr double inf = std::numeric_limits<double>::infinity();

/// An interval of the real line with open or closed ends.
struct ival {
  double lo = -inf;
  double hi = inf;
  bool lo_open = false;
  bool hi_open = false;

  bool empty() const noexcept { return lo > hi || (lo == hi && (lo_open || hi_open)); }
  /// Every point of `o` lies in *this.
  bool covers(const ival& o) const noexcept;
  /// Some point of `o` lies in *this.
  bool meets(const ival& o) const noexcept;
};

/// What meets a comparison target (reach, about, at_least, at_most, between).
struct acceptance {
  ival met;                      ///< values that meet the target (tolerances included)
  std::optional<ival> exceeded;  ///< beyond the better end of a range
  ival exact;                    ///< values that meet it without the `about` tolerance
  ival grace;                    ///< met, widened by the anticipatory grace
  double required = 0.0;         ///< the threshold, or a range's required end
  double tol_abs = 0.0;          ///< the `about` / band tolerance, absolute
  bool about = false;            ///< the op is `about`
};

/// How an indicator's target is judged, shared by both evaluators: the rule and its measure as
/// read against the indicator, and why they differ from the text's.
struct judged_rule {
  planeval::rule rule;  ///< the rule judged (thresholds turned for a reduction rate)
  /// A bare percentage on an indicator whose unit is not % (`增速7%左右` on a 亿元 indicator):
  /// a growth figure.
  bool percent_as_growth = false;
  /// A growth target on an indicator that is itself a rate in % (`地区生产总值增速` with
  /// `增长6%左右`): the rate's level is compared, not the growth of the rate.
  bool growth_as_rate = false;
  /// With growth_as_rate, the indicator names a reduction (`单位生产总值能耗降低率` with
  /// `下降3%`): its values are the reduction, so the declines are read as positive levels.
  bool reduction = false;
  planeval::measure measure() const noexcept {
    if (percent_as_growth) return planeval::measure{measure_kind::growth, 0};
    if (growth_as_rate) return planeval::measure{};
    return rule.measure;
  }
};
judged_rule judged_rule_of(const indicator& ind, const rule& r);

/// True when an indicator's name says its values are a reduction (降低率, 下降, 减少, 降幅,
/// reduction, decline): a decline target on it is a positive level.
bool names_a_reduction(std::string_view name) noexcept;

/// Builds the sets for threshold x (or the range lo…hi) in the comparison unit.
/// @param percent_like tolerances in points (true) or relative to the threshold (false)
/// @param sync a reference target written 基本同步 (uses the sync tolerance)
acceptance make_acceptance(op oper, bool strict, polarity pol, attribute attr,
                           const tolerance_settings& tol, bool percent_like, bool sync, double x,
                           double lo, double hi) noexcept;

/// Status of an observed interval: exceeded, met (maybe within a tolerance), not_met or
/// undetermined.
struct verdict {
  planeval::status status = planeval::status::not_met;
  bool within_tolerance = false;
};
verdict judge(const acceptance& a, const ival& observed) noexcept;

/// The threshold the gap is measured to: for a range, the end the value lies beyond, else the
/// required end; for other ops the threshold.
inline double compared_end(op oper, const acceptance& a, double lo, double hi, double v) noexcept {
  if (oper != op::between) return a.required;
  return v < lo ? lo : (v > hi ? hi : a.required);
}

}  // namespace planeval::detail
