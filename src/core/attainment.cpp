#include "core/attainment.hpp"

#include "core/parse/grammar.hpp"

#include <algorithm>
#include <cmath>

namespace planeval::detail {

bool ival::covers(const ival& o) const noexcept {
  if (o.empty()) return true;
  const bool lo_ok = lo < o.lo || (lo == o.lo && (!lo_open || o.lo_open));
  const bool hi_ok = hi > o.hi || (hi == o.hi && (!hi_open || o.hi_open));
  return lo_ok && hi_ok;
}

bool ival::meets(const ival& o) const noexcept {
  ival x;
  x.lo = std::max(lo, o.lo);
  x.lo_open = (lo > o.lo) ? lo_open : (o.lo > lo ? o.lo_open : (lo_open || o.lo_open));
  x.hi = std::min(hi, o.hi);
  x.hi_open = (hi < o.hi) ? hi_open : (o.hi < hi ? o.hi_open : (hi_open || o.hi_open));
  return !x.empty();
}

bool names_a_reduction(std::string_view name) noexcept {
  for (const std::string_view w : {"降低", "下降", "减少", "降幅", "减量", "压减", "reduction",
                                   "Reduction", "decline", "Decline", "decrease", "Decrease"})
    if (name.find(w) != std::string_view::npos) return true;
  return false;
}

judged_rule judged_rule_of(const indicator& ind, const rule& r) {
  judged_rule out;
  out.rule = r;
  if (!r.is_comparison()) return out;
  if (r.has_reference()) {
    // 增速高于全省平均水平 on a growth-rate indicator: the rate itself is compared
    if (r.measure.kind == measure_kind::growth && ind.unit.is_percent() && ind.unit.scale() == 0) {
      out.growth_as_rate = true;
      out.rule.measure = measure{};
    }
    return out;
  }
  if (r.measure.kind == measure_kind::level && percent_means_growth(r.unit, ind)) {
    out.percent_as_growth = true;
  } else if (r.measure.kind == measure_kind::growth && ind.unit.is_percent() &&
             ind.unit.scale() == 0) {
    out.growth_as_rate = true;
    out.rule.measure = measure{};
    const bool declines = r.operation == op::between ? r.high <= 0 : r.value < 0;
    if (declines && (names_a_reduction(ind.name_zh) || names_a_reduction(ind.name_en))) {
      out.reduction = true;
      negate(out.rule);
    }
  }
  return out;
}

namespace {
ival at_least_set(double x, bool strict) { return ival{x, inf, strict, false}; }
ival at_most_set(double x, bool strict) { return ival{-inf, x, false, strict}; }
}  // namespace

acceptance make_acceptance(op oper, bool strict, polarity pol, attribute attr,
                           const tolerance_settings& tol, bool percent_like, bool sync, double x,
                           double lo, double hi) noexcept {
  acceptance a;
  a.required = x;
  a.about = oper == op::about;
  auto absolute = [&](double points, double relative, double around) {
    return percent_like ? points : std::fabs(around) * relative;
  };
  switch (oper) {
    case op::reach:
      if (pol == polarity::higher) {
        a.met = at_least_set(x, false);
      } else if (pol == polarity::lower) {
        a.met = at_most_set(x, false);
      } else {
        a.tol_abs = absolute(tol.about_points, tol.about_relative, x);
        a.met = ival{x - a.tol_abs, x + a.tol_abs};
      }
      a.exact = a.met;
      break;
    case op::about:
      a.tol_abs = sync ? absolute(tol.sync_points, tol.sync_relative, x)
                       : absolute(tol.about_points, tol.about_relative, x);
      if (pol == polarity::higher) {
        a.met = at_least_set(x - a.tol_abs, false);
        a.exact = at_least_set(x, false);
      } else if (pol == polarity::lower) {
        a.met = at_most_set(x + a.tol_abs, false);
        a.exact = at_most_set(x, false);
      } else {
        a.met = ival{x - a.tol_abs, x + a.tol_abs};
        a.exact = ival{x, x};
      }
      break;
    case op::at_least:
      a.met = at_least_set(x, strict);
      a.exact = a.met;
      break;
    case op::at_most:
      a.met = at_most_set(x, strict);
      a.exact = a.met;
      break;
    case op::between:
      a.met = ival{lo, hi};
      if (pol == polarity::higher) {
        a.exceeded = ival{hi, inf, true, false};
        a.required = lo;
      } else if (pol == polarity::lower) {
        a.exceeded = ival{-inf, lo, false, true};
        a.required = hi;
      } else {
        a.required = lo;
      }
      a.exact = a.met;
      break;
    default: break;  // not a comparison (rule::is_comparison): returned above
  }
  // anticipatory grace widens the acceptance set at its binding ends
  a.grace = a.met;
  if (attr == attribute::anticipatory) {
    const double g = absolute(tol.anticipatory_points, tol.anticipatory_relative, a.required);
    if (g > 0) {
      if (std::isfinite(a.grace.lo)) a.grace.lo -= g;
      if (std::isfinite(a.grace.hi)) a.grace.hi += g;
      a.grace.lo_open = a.grace.hi_open = false;
    }
  }
  return a;
}

verdict judge(const acceptance& a, const ival& o) noexcept {
  if (a.exceeded && a.exceeded->covers(o)) return {status::exceeded, false};
  ival attained = a.met;
  if (a.exceeded) {
    attained.lo = std::min(a.met.lo, a.exceeded->lo);
    attained.hi = std::max(a.met.hi, a.exceeded->hi);
    attained.lo_open = attained.hi_open = false;
  }
  if (attained.covers(o)) return {status::met, a.about && a.tol_abs > 0 && !a.exact.covers(o)};
  if (!attained.meets(o)) {
    if (a.grace.covers(o)) return {status::met, true};
    return {status::not_met, false};
  }
  return {status::undetermined, false};
}

}  // namespace planeval::detail
