// Attainment evaluation (docs/design.md section 5.1 and 5.4).
#include "planeval/core/evaluate.hpp"

#include "core/attainment.hpp"
#include "detail/decimal.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using detail::inf;
using detail::ival;
using text::format_value;

bool is_percent_unit(const unit& u) {
  return u.dim() == dimension::percent || u.dim() == dimension::percentage_point;
}

// `2021年`, `2021年第3季度`, `2021年9月`, `2016—2020年`
std::string zh(const period& p) { return text::period_text(p, language::zh); }

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

  assessment run() {
    a_.indicator = ind_.id;
    a_.period = t_.period;
    a_.target_text = t_.text;
    a_.target_canonical = canonical(original_.rule, language::zh);
    a_.measure = effective_measure();
    a_.in_progress = opt_.as_of && t_.period.last_day() > *opt_.as_of;
    switch (t_.rule.operation) {
      case op::qualitative:
      case op::unparsed: judged(); break;
      case op::increase:
      case op::decrease:
      case op::improve: direction(); break;
      case op::reach:
      case op::about:
      case op::at_least:
      case op::at_most:
      case op::between: compare(); break;
      case op::compound: break;  // evaluate_compound judges the parts
    }
    if (judged_.growth_as_rate && a_.status != status::no_data) {
      a_.reason_zh += ";该指标本身为增速(%),增长目标按其数值比较";
      a_.reason_en += "; the indicator is itself a rate in %, so the growth target is its value";
    }
    if (a_.in_progress) {
      a_.reason_zh = "截至" + to_string(*opt_.as_of) + "(期中)," + a_.reason_zh;
      a_.reason_en = "As of " + to_string(*opt_.as_of) + " (period not ended): " + a_.reason_en;
    }
    return a_;
  }

 private:
  // --- lookups ---------------------------------------------------------------------------

  bool visible(const period& p) const { return !opt_.as_of || p.first_day() <= *opt_.as_of; }

  const observation* find_obs(const period& p, measure_kind m) const {
    if (!visible(p)) return nullptr;
    if (const auto* o = actuals_.find(ind_.id, p, m)) return o;
    if (const auto* o = plan_.observations.find(ind_.id, p, m)) return o;
    if (m == measure_kind::level && ind_.baseline && ind_.baseline->period == p &&
        ind_.baseline->measure.kind == measure_kind::level)
      return &*ind_.baseline;
    return nullptr;
  }

  // A bare percentage on an indicator whose unit is not % is a growth figure (core/indicator.hpp).
  bool percent_means_growth(const unit& u) const { return planeval::percent_means_growth(u, ind_); }

  measure effective_measure() const { return judged_.measure(); }

  unit comparison_unit() const {
    switch (a_.measure.kind) {
      case measure_kind::level: return ind_.unit.empty() ? t_.rule.unit : ind_.unit;
      case measure_kind::growth:
      case measure_kind::cagr:
      case measure_kind::change_since: return unit::percent();
      case measure_kind::change_points: return unit::percentage_point();
    }
    return ind_.unit;
  }

  bool percent_like() const { return is_percent_unit(comparison_unit()); }

  // Reads an observation's value as an interval in the comparison unit.
  actual_value read(const observation& o, const unit& cmp) const {
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
      v.missing_zh = "完成值统计口径为“" + o.qualifier.flow + "”,目标为“" + t_.rule.qualifier.flow +
                     "”,不可比";
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

  static std::string describe(const observation& o) { return canonical(o, language::zh); }

  // The level of the indicator for a period: an observation, or sub-periods that add up.
  std::optional<actual_value> level_of(const period& p) const {
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

  // A year from its quarters or months, a span from its years; flows add up, stocks and rates
  // take the last sub-period. Only complete coverage counts.
  std::optional<actual_value> aggregate(const period& p, const unit& cmp) const {
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

  // The value the rule's measure needs, computed from levels where no direct figure exists.
  actual_value measured() const {
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
        none.missing_zh =
            "缺少" + zh(p) + "增速,也无法由" + zh(p) + "和" + zh(before) + "的数值计算";
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
          return computed(
              g, "由" + zh(p) + "和" + zh(base) + "数值计算的变化" + format_value(g) + "%");
        }
        if (const auto* j = find_any_judgment(p)) return read(*j, cmp);
        none.missing_zh = "缺少" + zh(p) + "和基期" + zh(base) + "的数值";
        none.missing_en =
            "no levels for " + p.to_string() + " and the base year " + base.to_string();
        return none;
      }
    }
    return none;
  }

  const observation* find_any_judgment(const period& p) const {
    for (const auto m : {measure_kind::level, measure_kind::growth, measure_kind::change_points,
                         measure_kind::cagr, measure_kind::change_since}) {
      const auto* o = find_obs(p, m);
      if (o && std::holds_alternative<judgment_value>(o->value)) return o;
    }
    return nullptr;
  }

  period baseline_period() const {
    if (ind_.baseline) return ind_.baseline->period;
    return previous_of(t_.period);
  }

  // The period before `p`; `p` itself for the first that periods can hold (year 1400), which
  // has none (its level then serves as no earlier value: level_of is asked for `p` only).
  static period previous_of(const period& p) {
    try {
      return p.previous();
    } catch (const error&) {
      return p;
    }
  }

  static bool computable(const actual_value& v) {
    return v.found && !v.verdict && v.range.lo == v.range.hi && std::isfinite(v.range.lo);
  }

  static actual_value computed(double x, std::string text) {
    actual_value v;
    v.found = true;
    v.range = ival{x, x};
    v.shown = x;
    v.text = std::move(text);
    return v;
  }

  // --- statuses -----------------------------------------------------------------------------

  void set(status s, std::string zh, std::string en) {
    a_.status = s;
    a_.reason_zh = std::move(zh);
    a_.reason_en = std::move(en);
  }

  std::string target_quote_zh() const { return "“" + t_.text + "”"; }
  std::string target_quote_en() const {
    const auto en = canonical(t_.rule, language::en);
    return "'" + t_.text + "'" + (en != t_.text ? " (" + en + ")" : "");
  }

  void from_judgment(judgment j, const std::string& text) {
    a_.actual_text = text;
    const std::string tz = target_quote_zh();
    const std::string te = target_quote_en();
    switch (j) {
      case judgment::met:
        set(status::met, "评价结论为“" + text + "”,完成目标" + tz,
            "recorded judgment '" + text + "': target " + te + " met");
        break;
      case judgment::exceeded:
        set(status::exceeded, "评价结论为“" + text + "”,超额完成目标" + tz,
            "recorded judgment '" + text + "': target " + te + " exceeded");
        break;
      case judgment::not_met:
        set(status::not_met, "评价结论为“" + text + "”,未完成目标" + tz,
            "recorded judgment '" + text + "': target " + te + " not met");
        break;
      case judgment::basically_met:
        if (ind_.attribute == attribute::binding) {
          set(status::not_met, "评价结论为“" + text + "”,约束性指标须完全达到目标" + tz,
              "recorded judgment '" + text + "': a binding target " + te + " must be met in full");
        } else {
          a_.within_tolerance = true;
          set(status::met, "评价结论为“" + text + "”,预期性指标视为基本完成目标" + tz,
              "recorded judgment '" + text + "': anticipatory target " + te + " counted as met");
        }
        break;
    }
  }

  void judged() {
    const observation* o = find_any_judgment(t_.period);
    if (o) {
      from_judgment(std::get<judgment_value>(o->value).verdict,
                    o->text.empty() ? describe(*o) : o->text);
      return;
    }
    const observation* any = nullptr;
    for (const auto m : {measure_kind::level, measure_kind::growth})
      if (!any) any = find_obs(t_.period, m);
    const bool unparsed = t_.rule.operation == op::unparsed;
    std::string zh = unparsed ? "目标" + target_quote_zh() + "未能解析,按文字保留"
                              : "定性目标" + target_quote_zh();
    std::string en = unparsed ? "the target " + target_quote_en() + " was kept as text"
                              : "qualitative target " + target_quote_en();
    if (any) {
      a_.actual_text = any->text.empty() ? describe(*any) : any->text;
      zh += ",已有完成值“" + a_.actual_text + "”,但需记录评价结论(达标/未完成)";
      en += ": a value '" + a_.actual_text +
            "' is recorded, but a judgment (met / not met) is needed";
    } else {
      zh += ",尚未记录评价结论";
      en += ": no judgment recorded";
    }
    if (unparsed) {
      zh += ";请核对原表并改写目标";
      en += "; check the source table and rewrite the target";
    }
    set(unparsed ? status::needs_review : status::needs_judgment, zh, en);
  }

  // The verdict of a direction target from what was found (`facts`) and whether it rose.
  void set_direction(bool up, bool yes, bool no, const std::string& facts_zh,
                     const std::string& facts_en) {
    const std::string dir_zh = up ? "提高" : "下降";
    const std::string dir_en = up ? "increase" : "decrease";
    if (yes)
      set(status::met, facts_zh + ",实现" + dir_zh + ",完成目标" + target_quote_zh(),
          facts_en + ": the " + dir_en + " target " + target_quote_en() + " is met");
    else if (no)
      set(status::not_met, facts_zh + ",未能" + dir_zh + ",未完成目标" + target_quote_zh(),
          facts_en + ": no " + dir_en + ", target " + target_quote_en() + " not met");
    else
      set(status::undetermined, facts_zh + ",无法判断是否" + dir_zh,
          facts_en + ": cannot tell whether it is an " + dir_en);
  }

  // A direction judged from this period's growth (`Steady rise` against `Up 9.7`): a rise is
  // growth above zero. False when the period has no growth figure.
  bool direction_from_growth(const period& p) {
    const observation* o = find_obs(p, measure_kind::growth);
    if (o == nullptr) {
      o = find_obs(p, measure_kind::level);
      if (o == nullptr || !percent_means_growth(o->unit)) return false;
    }
    const actual_value g = read(*o, unit::percent());
    if (!g.found || g.verdict) return false;
    op want = t_.rule.operation;
    if (want == op::improve) {
      if (ind_.polarity == polarity::band) return false;
      want = ind_.polarity == polarity::higher ? op::increase : op::decrease;
    }
    const bool up = want == op::increase;
    const bool yes = up ? g.range.lo > 0.0 : g.range.hi < 0.0;
    const bool no = up ? g.range.hi <= 0.0 : g.range.lo >= 0.0;
    a_.actual_text = g.text;
    a_.value_unit = unit::percent();
    a_.gap_unit = unit::percentage_point();
    if (computable(g)) {
      a_.actual = g.shown;
      a_.target_value = 0.0;
      a_.gap = g.shown;
    }
    set_direction(up, yes, no, "本期增长" + g.text, "this period's growth " + g.text);
    return true;
  }

  void direction() {
    const period& p = t_.period;
    const period prev = previous_of(p);
    const auto cur = level_of(p);
    const auto before = prev != p && level_of(prev).has_value()
                            ? level_of(prev)
                            : (ind_.baseline ? level_of(ind_.baseline->period) : std::nullopt);
    if (const auto* j = find_any_judgment(p)) {
      from_judgment(std::get<judgment_value>(j->value).verdict, j->text);
      return;
    }
    if ((!cur || !cur->found || !before || !before->found) && direction_from_growth(p)) return;
    if (!cur || !cur->found || !before || !before->found) {
      set(status::no_data, "方向性目标" + target_quote_zh() + "需要本期和上期(或基期)数值",
          "the direction target " + target_quote_en() +
              " needs this period's value and the previous or base value");
      return;
    }
    a_.actual_text = cur->text;
    const unit u = ind_.unit;
    a_.value_unit = u;
    a_.gap_unit = u.is_percent() ? unit::percentage_point() : u;
    op want = t_.rule.operation;
    if (want == op::improve) {
      if (ind_.polarity == polarity::band) {
        set(status::undetermined, "指标方向为区间型,无法判断“改善”",
            "the indicator's polarity is band, so 'improve' has no direction");
        return;
      }
      want = ind_.polarity == polarity::higher ? op::increase : op::decrease;
    }
    const ival& c = cur->range;
    const ival& b = before->range;
    // increase: every possible current value above every possible previous value
    bool yes = false;
    bool no = false;
    if (want == op::increase) {
      yes = c.lo > b.hi;
      no = c.hi <= b.lo;
    } else {
      yes = c.hi < b.lo;
      no = c.lo >= b.hi;
    }
    if (computable(*cur) && computable(*before)) {
      a_.actual = cur->shown;
      a_.target_value = before->shown;
      a_.gap = detail::difference(cur->shown, before->shown);
    }
    set_direction(want == op::increase, yes, no, "本期" + cur->text + ",上期(基期)" + before->text,
                  "this period " + cur->text + ", previous " + before->text);
  }

  // --- numeric comparison --------------------------------------------------------------------

  // --- numeric comparison --------------------------------------------------------------------

  void compare() {
    const rule& r = t_.rule;
    const unit cmp = comparison_unit();
    a_.value_unit = cmp;
    a_.gap_unit = cmp.is_percent() ? unit::percentage_point() : cmp;

    // thresholds
    double x = r.value;
    double lo = r.low;
    double hi = r.high;
    std::string ref_note_zh;
    std::string ref_note_en;
    if (r.has_reference()) {
      const reference_value* ref = refs_.find(ind_.id, t_.period);
      if (!ref) ref = plan_.references.find(ind_.id, t_.period);
      if (!ref) {
        set(status::needs_reference,
            "目标" + target_quote_zh() + "需要“" + r.reference + "”的数值(" + zh(t_.period) +
                "),尚未提供",
            "the target " + target_quote_en() + " needs the value of " +
                reference_name_en(r.reference) + " for " + t_.period.to_string() +
                ", which was not supplied");
        fill_actual_only();
        return;
      }
      x = ref->unit.empty() || cmp.empty() || a_.measure.kind != measure_kind::level
              ? ref->value
              : convert_checked(ref->value, ref->unit, cmp, "reference");
      ref_note_zh = "(" + r.reference + "为" + text::format_quantity(x, cmp, language::zh) + ")";
      ref_note_en = " (" + reference_name_en(r.reference) + " = " +
                    text::format_quantity(x, cmp, language::en) + ")";
    } else if (a_.measure.kind == measure_kind::level && !r.unit.empty() && !cmp.empty()) {
      x = convert_checked(x, r.unit, cmp, "target");
      lo = convert_checked(lo, r.unit, cmp, "target");
      hi = convert_checked(hi, r.unit, cmp, "target");
    } else if (r.unit.is_percent() && cmp.is_percent() && r.unit != cmp) {
      // a rate in ‰ compared as a growth in %: the threshold in the value's unit
      x = convert(x, r.unit, cmp);
      lo = convert(lo, r.unit, cmp);
      hi = convert(hi, r.unit, cmp);
    }

    const actual_value v = measured();
    if (!v.found) {
      set(status::no_data, v.missing_zh, v.missing_en);
      return;
    }
    a_.actual_text = v.text;
    if (v.verdict) {
      from_judgment(*v.verdict, v.text);
      return;
    }
    if (implausible(v, r.operation == op::between ? hi : x)) return;

    // the sets of values that meet the target, shared with the batch evaluator
    const bool sync = r.has_reference() && r.operation == op::about;
    const auto acc =
        detail::make_acceptance(r.operation, r.strict, ind_.polarity, ind_.attribute,
                                plan_.settings.tolerance, percent_like(), sync, x, lo, hi);
    const double compared = detail::compared_end(r.operation, acc, lo, hi, v.shown);
    a_.target_value = compared;
    if (std::isfinite(v.shown)) {
      a_.actual = v.shown;
      a_.gap = detail::difference(v.shown, compared);
    }
    achievement(v, acc.required);

    const std::string gz = gap_zh();
    const std::string ge = gap_en();
    const std::string tz = target_quote_zh() + ref_note_zh;
    const std::string te = target_quote_en() + ref_note_en;
    const std::string az = "完成值" + v.text;
    const std::string ae = "actual " + v.text;
    const auto verdict = detail::judge(acc, v.range);
    a_.within_tolerance = verdict.within_tolerance;
    switch (verdict.status) {
      case status::exceeded:
        set(status::exceeded, az + ",超过目标区间" + tz + "的较优一端" + gz,
            ae + " is beyond the better end of the target range " + te + ge);
        break;
      case status::met:
        if (!verdict.within_tolerance) {
          set(status::met, az + ",完成目标" + tz + gz, ae + " meets the target " + te + ge);
        } else if (acc.met.covers(v.range)) {
          set(status::met,
              az + ",在目标" + tz + "的容差(±" + gap_quantity(acc.tol_abs, language::zh) +
                  ")之内,视为完成" + gz,
              ae + " is within the tolerance (±" + gap_quantity(acc.tol_abs, language::en) +
                  ") of the target " + te + ge);
        } else {
          set(status::met, az + ",未达目标" + tz + ",但在预期性指标容差之内,视为基本完成" + gz,
              ae + " misses the target " + te +
                  " but is within the tolerance for anticipatory indicators" + ge);
        }
        break;
      case status::not_met:
        set(status::not_met, az + ",未完成目标" + tz + gz,
            ae + " does not meet the target " + te + ge);
        break;
      default:
        set(status::undetermined, az + "为区间或界限值,无法判断是否达到目标" + tz,
            ae + " is a bound that neither proves nor refutes the target " + te);
        break;
    }
  }

  // A value that cannot be what was meant is flagged for review, never judged: a fraction where
  // the target (and the baseline) are percentages (`0.051` for 5.1%, as spreadsheets export a
  // percent cell), or a value a million times the target (a unit lost: 元 for 亿元).
  bool implausible(const actual_value& v, double threshold) {
    if (!std::isfinite(v.shown) || threshold == 0.0 || a_.measure.kind != measure_kind::level)
      return false;
    const double value = std::fabs(v.shown);
    const double target = std::fabs(threshold);
    const bool base_percent_sized = !ind_.baseline || !ind_.baseline->single_number() ||
                                    std::fabs(*ind_.baseline->single_number()) >= 1.0;
    if (ind_.is_percent() && value > 0 && value < 1.0 && target >= 1.0 && base_percent_sized &&
        std::fabs(value * 100 - target) < std::fabs(value - target) / 2) {
      a_.actual = v.shown;
      const std::string as_percent = format_value(v.shown * 100);
      set(status::needs_review,
          "完成值" + v.text + "像是小数形式的百分比(" + as_percent + "%?),而目标" +
              target_quote_zh() + "为百分数;若指" + as_percent + "%,请写作" + as_percent,
          "the value " + v.text + " looks like a fraction (" + as_percent +
              "%?) while the target " + target_quote_en() + " is a percentage; if " + as_percent +
              "% is meant, write " + as_percent);
      return true;
    }
    if (value >= 1e6 * target) {
      a_.actual = v.shown;
      set(status::needs_review,
          "完成值" + v.text + "是目标" + target_quote_zh() + "的一百万倍以上,请核对单位",
          "the value " + v.text + " is more than a million times the target " + target_quote_en() +
              ": check its unit");
      return true;
    }
    return false;
  }

  void fill_actual_only() {
    const actual_value v = measured();
    if (v.found && !v.verdict) {
      a_.actual_text = v.text;
      if (std::isfinite(v.shown)) a_.actual = v.shown;
    }
  }

  double convert_checked(double value, const unit& from, const unit& to, const char* what) const {
    if (!convertible(from, to)) {
      location loc;
      loc.indicator = ind_.id;
      throw model_error(errc::unit_incompatible,
                        std::string(what) + " unit '" + from.symbol() +
                            "' cannot be expressed in '" + to.symbol() + "'",
                        loc);
    }
    return convert(value, from, to);
  }

  // A gap or tolerance in the gap's unit (percentage points for percentages).
  std::string gap_quantity(double v, language lang) const {
    const unit& u = a_.gap_unit.is_percent() ? unit::percentage_point() : a_.gap_unit;
    return text::format_quantity(v, u, lang);
  }

  std::string gap_zh() const {
    if (!a_.gap) return {};
    const double g = *a_.gap;
    if (g == 0.0) return "(与目标持平)";
    return std::string(g > 0 ? "(高于目标" : "(低于目标") +
           gap_quantity(std::fabs(g), language::zh) + ")";
  }
  std::string gap_en() const {
    if (!a_.gap) return {};
    const double g = *a_.gap;
    if (g == 0.0) return " (exactly on target)";
    return " (" + gap_quantity(std::fabs(g), language::en) + (g > 0 ? " above" : " below") +
           " the target)";
  }

  void achievement(const actual_value& v, double required) {
    if (a_.measure.kind != measure_kind::level || percent_like() || !std::isfinite(v.shown)) return;
    if (ind_.polarity == polarity::higher && required > 0) {
      a_.achievement = detail::significant(v.shown / required);
    } else if (ind_.polarity == polarity::lower && ind_.baseline) {
      const auto b = level_of(ind_.baseline->period);
      if (b && computable(*b) && b->shown != required)
        a_.achievement = detail::significant(detail::difference(b->shown, v.shown) /
                                             detail::difference(b->shown, required));
    }
  }

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

}  // namespace

assessment no_target_assessment(const indicator& ind, const period& p) {
  assessment a;
  a.indicator = ind.id;
  a.period = p;
  a.status = status::no_target;
  a.value_unit = ind.unit;
  a.reason_zh = "未设定" + zh(p) + "目标值";
  a.reason_en = "no target set for " + p.to_string();
  return a;
}

namespace {

// A compound target (达1211亿元、增长6.8%): each part judged as a target of its own; not met when
// any part is not met, met when every part is, otherwise the first part that could not be
// judged decides. A 分别 list is for several quantities and cannot be judged on one indicator.
assessment evaluate_compound(const plan& p, const indicator& ind, const target& t,
                             const observation_set& actuals, const reference_set& references,
                             const evaluation_options& options) {
  const period judged = t.rule.year != 0 ? period::year(t.rule.year) : t.period;
  if (t.rule.respectively) {
    assessment a = no_target_assessment(ind, judged);
    a.status = status::needs_review;
    a.target_text = t.text;
    a.target_canonical = canonical(t.rule, language::zh);
    if (const auto* o = actuals.find_any(ind.id, judged)) a.actual_text = o->text;
    const std::string n = std::to_string(t.rule.parts.size());
    a.reason_zh = "目标分别为" + n + "项数值设定,本指标只是一行:请将其拆分为" + n +
                  "个指标(导入表格时,名称列出各项的行会自动拆分)";
    a.reason_en = "the target sets " + n +
                  " figures for as many quantities (respectively), but this is one indicator: "
                  "split it into " +
                  n + " (import splits a row whose name lists them)";
    return a;
  }
  std::vector<assessment> parts;
  parts.reserve(t.rule.parts.size());
  for (const rule& part : t.rule.parts)
    parts.push_back(evaluator(p, ind, target{judged, canonical(part, language::zh), part}, actuals,
                              references, options)
                        .run());
  std::size_t deciding = parts.size();
  for (std::size_t k = 0; k < parts.size() && deciding == parts.size(); ++k)
    if (parts[k].status == status::not_met) deciding = k;
  for (std::size_t k = 0; k < parts.size() && deciding == parts.size(); ++k)
    if (!is_attained(parts[k].status)) deciding = k;
  bool all_exceeded = true;
  for (const auto& a : parts) all_exceeded = all_exceeded && a.status == status::exceeded;
  assessment a = parts[deciding == parts.size() ? 0 : deciding];
  if (deciding == parts.size()) a.status = all_exceeded ? status::exceeded : status::met;
  a.target_text = t.text;
  a.target_canonical = canonical(t.rule, language::zh);
  a.reason_zh.clear();
  a.reason_en.clear();
  for (std::size_t k = 0; k < parts.size(); ++k) {
    a.reason_zh += (k ? ";" : "") + ("“" + parts[k].target_canonical + "”:") + parts[k].reason_zh;
    a.reason_en += (k ? "; " : "") + ("'" + canonical(t.rule.parts[k], language::en) + "': ") +
                   parts[k].reason_en;
    a.within_tolerance = a.within_tolerance || parts[k].within_tolerance;
  }
  return a;
}

}  // namespace

assessment evaluate_target(const plan& p, const indicator& ind, const target& t,
                           const observation_set& actuals, const reference_set& references,
                           const evaluation_options& options) {
  if (t.rule.operation == op::compound)
    return evaluate_compound(p, ind, t, actuals, references, options);
  return evaluator(p, ind, t, actuals, references, options).run();
}

std::vector<assessment> evaluate(const plan& p, const observation_set& actuals,
                                 const reference_set& references,
                                 const evaluation_options& options) {
  std::vector<assessment> out;
  out.reserve(p.indicators.size());
  for (const auto& ind : p.indicators) {
    bool any = false;
    for (const auto& t : ind.targets) {
      if (options.only && t.period != *options.only) continue;
      out.push_back(evaluate_target(p, ind, t, actuals, references, options));
      any = true;
    }
    if (!any) {
      auto a = no_target_assessment(ind, options.only ? *options.only : p.period);
      if (const auto* o = actuals.find_any(ind.id, a.period)) a.actual_text = o->text;
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::vector<assessment> evaluate(const plan& p, const evaluation_options& options) {
  static const observation_set no_actuals;
  static const reference_set no_references;
  return evaluate(p, no_actuals, no_references, options);
}

}  // namespace planeval
