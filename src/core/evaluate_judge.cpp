// Judging the measured value: statuses with their reasons, judgments, direction targets, the
// numeric comparison with its tolerance, gap and achievement.
#include <cmath>
#include <limits>
#include <string>

#include "core/evaluator.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

namespace planeval::evaluation_detail {

void evaluator::set(status s, std::string zh, std::string en) {
  a_.status = s;
  a_.reason_zh = std::move(zh);
  a_.reason_en = std::move(en);
}

std::string evaluator::target_quote_en() const {
  const auto en = canonical(t_.rule, language::en);
  return "'" + t_.text + "'" + (en != t_.text ? " (" + en + ")" : "");
}

void evaluator::from_judgment(judgment j, const std::string& text) {
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

void evaluator::judged() {
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
    en +=
        ": a value '" + a_.actual_text + "' is recorded, but a judgment (met / not met) is needed";
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

void evaluator::set_direction(bool up, bool yes, bool no, const std::string& facts_zh,
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

bool evaluator::direction_from_growth(const period& p) {
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

void evaluator::direction() {
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

void evaluator::compare() {
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

bool evaluator::implausible(const actual_value& v, double threshold) {
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
        "the value " + v.text + " looks like a fraction (" + as_percent + "%?) while the target " +
            target_quote_en() + " is a percentage; if " + as_percent + "% is meant, write " +
            as_percent);
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

void evaluator::fill_actual_only() {
  const actual_value v = measured();
  if (v.found && !v.verdict) {
    a_.actual_text = v.text;
    if (std::isfinite(v.shown)) a_.actual = v.shown;
  }
}

double evaluator::convert_checked(double value, const unit& from, const unit& to,
                                  const char* what) const {
  if (!convertible(from, to)) {
    location loc;
    loc.indicator = ind_.id;
    throw model_error(errc::unit_incompatible,
                      std::string(what) + " unit '" + from.symbol() + "' cannot be expressed in '" +
                          to.symbol() + "'",
                      loc);
  }
  return convert(value, from, to);
}

std::string evaluator::gap_quantity(double v, language lang) const {
  const unit& u = a_.gap_unit.is_percent() ? unit::percentage_point() : a_.gap_unit;
  return text::format_quantity(v, u, lang);
}

std::string evaluator::gap_zh() const {
  if (!a_.gap) return {};
  const double g = *a_.gap;
  if (g == 0.0) return "(与目标持平)";
  return std::string(g > 0 ? "(高于目标" : "(低于目标") + gap_quantity(std::fabs(g), language::zh) +
         ")";
}

std::string evaluator::gap_en() const {
  if (!a_.gap) return {};
  const double g = *a_.gap;
  if (g == 0.0) return " (exactly on target)";
  return " (" + gap_quantity(std::fabs(g), language::en) + (g > 0 ? " above" : " below") +
         " the target)";
}

void evaluator::achievement(const actual_value& v, double required) {
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

}  // namespace planeval::evaluation_detail
