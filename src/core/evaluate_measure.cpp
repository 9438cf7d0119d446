// The value an evaluation compares: observations found for the judged period, read in the
// comparison unit, added up from sub-periods or computed from levels (growth, points, CAGR).
#include <cmath>
#include <limits>
#include <string>

#include "core/evaluator.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

namespace planeval::evaluation_detail {

const observation* evaluator::find_obs(const period& p, measure_kind m) const {
  if (!visible(p)) return nullptr;
  if (const auto* o = actuals_.find(ind_.id, p, m)) return o;
  if (const auto* o = plan_.observations.find(ind_.id, p, m)) return o;
  if (m == measure_kind::level && ind_.baseline && ind_.baseline->period == p &&
      ind_.baseline->measure.kind == measure_kind::level)
    return &*ind_.baseline;
  return nullptr;
}

unit evaluator::comparison_unit() const {
  switch (a_.measure.kind) {
    case measure_kind::level: return ind_.unit.empty() ? t_.rule.unit : ind_.unit;
    case measure_kind::growth:
    case measure_kind::cagr:
    case measure_kind::change_since: return unit::percent();
    case measure_kind::change_points: return unit::percentage_point();
  }
  return ind_.unit;
}

actual_value evaluator::read(const observation& o, const unit& cmp) const {
  actual_value v;
  v.text = o.text.empty() ? describe(o) : o.text;
  if (const auto* j = std::get_if<judgment_value>(&o.value)) {
    v.found = true;
    v.verdict = j->verdict;
    return v;
  }
  if (std::holds_alternative<missing_value>(o.value)) {
    v.missing_zh = "完成值为空(" + v.text + ")";
    v.missing_en = "the value is missing (" + v.text + ")";
    return v;
  }
  if (!t_.rule.qualifier.flow.empty() && !o.qualifier.flow.empty() &&
      t_.rule.qualifier.flow != o.qualifier.flow) {
    v.missing_zh =
        "完成值统计口径为“" + o.qualifier.flow + "”,目标为“" + t_.rule.qualifier.flow + "”,不可比";
    v.missing_en = "the value counts '" + o.qualifier.flow + "' but the target counts '" +
                   t_.rule.qualifier.flow + "'; they are not comparable";
    return v;
  }
  ival r;
  if (o.comparable) {
    r = ival{*o.comparable, *o.comparable};
    v.text += "(按可比口径" + format_value(*o.comparable) + ")";
  } else {
    const auto iv = as_interval(o.value);
    r = ival{iv->low, iv->high, iv->low_open, iv->high_open};
  }
  unit from = o.unit;
  if (o.measure.kind != measure_kind::level) from = unit();  // changes are in % / points already
  if (!from.empty() && !cmp.empty() && !convertible(from, cmp)) {
    v.missing_zh = "完成值单位“" + from.symbol() + "”无法换算为“" + cmp.symbol() + "”";
    v.missing_en =
        "the value's unit '" + from.symbol() + "' cannot be expressed in '" + cmp.symbol() + "'";
    return v;
  }
  auto conv = [&](double x) {
    if (std::isinf(x) || from.empty()) return x;
    return convert(x, from, cmp);
  };
  r.lo = conv(r.lo);
  r.hi = conv(r.hi);
  v.found = true;
  v.range = r;
  v.shown = std::isinf(r.lo) ? r.hi : r.lo;
  return v;
}

std::optional<actual_value> evaluator::level_of(const period& p) const {
  const unit cmp = ind_.unit;
  if (const auto* o = find_obs(p, measure_kind::level)) {
    if (percent_means_growth(o->unit)) return std::nullopt;  // a growth figure, not a level
    return read(*o, cmp);
  }
  // on a rate of growth (增速, %) a result written `增长6.4%` is the rate itself; on a
  // reduction rate `下降3.2%` is 3.2
  if (judged_.growth_as_rate) {
    if (const auto* o = find_obs(p, measure_kind::growth)) {
      auto v = read(*o, unit());
      if (judged_.reduction && v.found && !v.verdict) {
        v.range = ival{-v.range.hi, -v.range.lo, v.range.hi_open, v.range.lo_open};
        v.shown = -v.shown;
      }
      return v;
    }
  }
  return aggregate(p, cmp);
}

std::optional<actual_value> evaluator::aggregate(const period& p, const unit& cmp) const {
  if (p.kind() != period_kind::year && p.kind() != period_kind::span) return std::nullopt;
  std::vector<period> parts;
  if (p.kind() == period_kind::span) {
    for (int y = p.first_year(); y <= p.last_year(); ++y) parts.push_back(period::year(y));
  }
  for (const auto& candidate : {period_kind::quarter, period_kind::month, period_kind::year}) {
    if (!parts.empty() && candidate != period_kind::year) continue;
    if (parts.empty() && p.kind() == period_kind::year && candidate != period_kind::year) {
      std::vector<period> sub;
      const int n = candidate == period_kind::quarter ? 4 : 12;
      for (int k = 1; k <= n; ++k)
        sub.push_back(candidate == period_kind::quarter ? period::quarter(p.first_year(), k)
                                                        : period::month(p.first_year(), k));
      bool all = true;
      for (const auto& s : sub)
        if (!find_obs(s, measure_kind::level)) all = false;
      if (all) {
        parts = sub;
        break;
      }
    }
  }
  if (parts.empty()) return std::nullopt;
  double total = 0.0;
  std::string text;
  actual_value last;
  for (const auto& s : parts) {
    const auto* o = find_obs(s, measure_kind::level);
    if (!o) return std::nullopt;
    auto v = read(*o, cmp);
    if (!v.found || v.verdict || v.range.lo != v.range.hi) return std::nullopt;
    total += v.range.lo;
    last = v;
  }
  actual_value v;
  v.found = true;
  if (ind_.accumulation == accumulation::flow) {
    v.range = ival{total, total};
    v.shown = total;
    v.text = format_value(total) + cmp.symbol() + "(" + std::to_string(parts.size()) + "期合计)";
  } else {
    v = last;
    v.text += "(末期值)";
  }
  return v;
}

actual_value evaluator::measured() const {
  const period& p = t_.period;
  const unit cmp = comparison_unit();
  actual_value none;
  switch (a_.measure.kind) {
    case measure_kind::level: {
      if (auto v = level_of(p)) return *v;
      if (const auto* o = find_obs(p, measure_kind::level)) {
        (void)o;
        none.missing_zh = zh(p) + "完成值为增速,目标为水平值";
        none.missing_en =
            "the value for " + p.to_string() + " is a growth rate, the target a level";
        return none;
      }
      if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
      none.missing_zh = "缺少" + zh(p) + "完成值";
      none.missing_en = "no value for " + p.to_string();
      return none;
    }
    case measure_kind::growth: {
      if (const auto* o = find_obs(p, measure_kind::growth)) return read(*o, cmp);
      // a bare percentage where the indicator's unit is not % (or there is none) is growth
      if (const auto* o = find_obs(p, measure_kind::level);
          o && (percent_means_growth(o->unit) || (ind_.unit.empty() && o->unit.is_percent()))) {
        return read(*o, cmp);
      }
      const auto cur = level_of(p);
      const period before = previous_of(p);
      const auto prev = before == p ? std::nullopt : level_of(before);
      if (cur && prev && computable(*cur) && computable(*prev) && prev->shown != 0.0) {
        const double g = (cur->shown / prev->shown - 1.0) * 100.0;  // as the batch computes it
        return computed(g, "由" + zh(p) + cur->text + "和" + zh(before) + prev->text +
                               "计算的增速" + format_value(g) + "%");
      }
      if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
      none.missing_zh = "缺少" + zh(p) + "增速,也无法由" + zh(p) + "和" + zh(before) + "的数值计算";
      none.missing_en = "no growth figure for " + p.to_string() + ", and no levels for " +
                        p.to_string() + " and " + before.to_string() + " to compute it";
      return none;
    }
    case measure_kind::change_points: {
      if (const auto* o = find_obs(p, measure_kind::change_points)) return read(*o, cmp);
      const period base =
          a_.measure.base_year != 0 ? period::year(a_.measure.base_year) : baseline_period();
      const auto cur = level_of(p);
      const auto b = base == p ? std::nullopt : level_of(base);
      if (cur && b && computable(*cur) && computable(*b)) {
        const double d = detail::difference(cur->shown, b->shown);
        return computed(d, "由" + zh(p) + cur->text + "和" + base.to_string() + "年" + b->text +
                               "计算的变化" + format_value(d) + "个百分点");
      }
      if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
      none.missing_zh = "缺少" + zh(p) + "和" + zh(base) + "的数值,无法计算百分点变化";
      none.missing_en = "no levels for " + p.to_string() + " and " + base.to_string() +
                        " to compute the change in points";
      return none;
    }
    case measure_kind::cagr: {
      if (const auto* o = find_obs(p, measure_kind::cagr)) return read(*o, cmp);
      const period span =
          plan_.period.kind() == period_kind::span && plan_.period.contains(p) ? plan_.period : p;
      const period base = period::year(span.first_year() - 1);
      const period end = period::year(p.last_year());
      const auto cur = level_of(end);
      const auto b = level_of(base);
      const int years = end.first_year() - base.first_year();
      if (cur && b && computable(*cur) && computable(*b) && b->shown > 0 && cur->shown > 0 &&
          years > 0) {
        const double g = (std::pow(cur->shown / b->shown, 1.0 / years) - 1.0) * 100.0;
        return computed(
            g, "由" + zh(base) + "至" + zh(end) + "数值计算的年均增速" + format_value(g) + "%");
      }
      if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
      none.missing_zh = "缺少" + zh(base) + "和" + zh(end) + "的正数值,无法计算年均增速";
      none.missing_en = "no positive levels for " + base.to_string() + " and " + end.to_string() +
                        " to compute the average annual growth";
      return none;
    }
    case measure_kind::change_since: {
      if (const auto* o = find_obs(p, measure_kind::change_since);
          o && o->measure.base_year == a_.measure.base_year)
        return read(*o, cmp);
      const period base = period::year(a_.measure.base_year);
      const auto cur = level_of(p);
      const auto b = level_of(base);
      if (cur && b && computable(*cur) && computable(*b) && b->shown != 0.0) {
        const double g = (cur->shown / b->shown - 1.0) * 100.0;
        return computed(g,
                        "由" + zh(p) + "和" + zh(base) + "数值计算的变化" + format_value(g) + "%");
      }
      if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
      none.missing_zh = "缺少" + zh(p) + "和基期" + zh(base) + "的数值";
      none.missing_en = "no levels for " + p.to_string() + " and the base year " + base.to_string();
      return none;
    }
  }
  return none;
}

const observation* evaluator::find_any_judgment(const period& p) const {
  for (const auto m : {measure_kind::level, measure_kind::growth, measure_kind::change_points,
                       measure_kind::cagr, measure_kind::change_since}) {
    const auto* o = find_obs(p, m);
    if (o && std::holds_alternative<judgment_value>(o->value)) return o;
  }
  return nullptr;
}

period evaluator::baseline_period() const {
  if (ind_.baseline) return ind_.baseline->period;
  return previous_of(t_.period);
}

period evaluator::previous_of(const period& p) {
  try {
    return p.previous();
  } catch (const error&) {
    return p;
  }
}

bool evaluator::computable(const actual_value& v) {
  return v.found && !v.verdict && v.range.lo == v.range.hi && std::isfinite(v.range.lo);
}

actual_value evaluator::computed(double x, std::string text) {
  actual_value v;
  v.found = true;
  v.range = ival{x, x};
  v.shown = x;
  v.text = std::move(text);
  return v;
}

}  // namespace planeval::evaluation_detail
