// Pace within a period (时序进度), docs/design.md section 5.2.
#include "planeval/analytics/pace.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "detail/decimal.hpp"
#include "planeval/core/error.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using text::format_rounded;
using text::points_en;
using text::round_to;

// The months or quarters from the start of the year to `latest`: `1—5月`, `上半年`.
std::string coverage_zh(const period& latest) {
  if (latest.kind() == period_kind::month)
    return latest.sub() == 1 ? "1月" : "1—" + std::to_string(latest.sub()) + "月";
  static const char* const q[] = {"一季度", "上半年", "前三季度", "全年"};
  return q[(latest.sub() - 1) % 4];
}
std::string coverage_en(const period& latest) {
  if (latest.kind() == period_kind::month)
    return latest.sub() == 1 ? std::string("January")
                             : std::string("Jan–") + text::month_abbreviation(latest.sub());
  static const char* const q[] = {"Q1", "H1", "Q1–Q3", "the full year"};
  return q[(latest.sub() - 1) % 4];
}

// A number with the indicator's unit: `12.85万平方米`, `345家`, `12.6%`.
std::string amount_zh(double v, const unit& u) { return text::format_quantity(v, u, language::zh); }
std::string amount_en(double v, const unit& u) { return text::format_quantity(v, u, language::en); }

class pacer {
 public:
  pacer(const plan& p, const indicator& ind, const target& t, const observation_set& actuals,
        const reference_set& refs, const pace_options& opt)
      : plan_(p), ind_(ind), t_(t), actuals_(actuals), refs_(refs), opt_(opt) {}

  pace_assessment run() {
    a_.indicator = ind_.id;
    a_.period = t_.period;
    a_.target_text = t_.text;
    a_.value_unit = ind_.unit;
    a_.as_of = opt_.as_of;
    if (t_.period.kind() != period_kind::year) {
      set(pace_status::not_applicable,
          "时序进度按年度目标计算,该目标期间为" + text::period_text(t_.period, language::zh),
          "pace is checked against annual targets; this target is for " + t_.period.to_string());
      return a_;
    }
    const rule& r = t_.rule;
    switch (r.operation) {
      case op::qualitative:
      case op::unparsed:
      case op::increase:
      case op::decrease:
      case op::improve:
        set(pace_status::not_applicable, "目标“" + t_.text + "”没有可对照的数值,不计算时序进度",
            "the target '" + t_.text + "' has no number to pace against");
        return a_;
      case op::compound:
        set(pace_status::not_applicable,
            "目标“" + t_.text + "”含多个数值,时序进度按单一数值计算,请用评估结果查看各部分",
            "the target '" + t_.text +
                "' holds several figures; pace is computed on one figure, see the evaluation "
                "for each part");
        return a_;
      case op::reach:
      case op::at_least:
      case op::at_most:
      case op::about:
      case op::between: break;
    }
    if (r.measure.kind == measure_kind::cagr || r.measure.kind == measure_kind::change_points ||
        r.measure.kind == measure_kind::change_since) {
      set(pace_status::not_applicable, "目标“" + t_.text + "”为多年期或变化量指标,请用趋势分析评估",
          "the target '" + t_.text + "' is a multi-year or change measure; use the trend analysis");
      return a_;
    }
    const auto it = opt_.series.find(ind_.id);
    const series_kind kind =
        resolve_series_kind(it == opt_.series.end() ? series_kind::automatic : it->second, ind_);
    const bool growth_target =
        r.measure.kind == measure_kind::growth ||
        (r.measure.kind == measure_kind::level && percent_means_growth(r.unit, ind_));

    if (!target_number(growth_target)) return a_;

    if (kind == series_kind::growth_rate) {
      a_.value_unit = unit::percent();
      rate_level(wanted::rates, "增速", "year-to-date rates");
      return a_;
    }
    // a rate or share in % (优良天数比率 88.1 against 90%以上) is compared on its level unless
    // `--level` asks for the way from the baseline: the share of that way says little of a rate
    if (it == opt_.series.end() && !growth_target && ind_.kind == indicator_kind::rate &&
        ind_.unit.is_percent() && ind_.accumulation != accumulation::flow) {
      a_.value_unit = ind_.unit;
      rate_level(wanted::levels, "完成值", "year-to-date values");
      return a_;
    }
    if (growth_target) {
      // a growth target: compare year-to-date growth figures when given, else convert the target
      // into a level from the previous year's value
      if (collect(wanted::growth_figures)) {
        a_.value_unit = unit::percent();
        rate_level(wanted::growth_figures, "增速", "year-to-date growth figures");
        return a_;
      }
      const auto prev = previous_level();
      if (!prev) {
        set(pace_status::no_data,
            "目标为增速" + format_rounded(*a_.target_value) + "%,缺少年内增速,也缺少" +
                text::period_text(t_.period.previous(), language::zh) + "数值,无法换算年度目标值",
            "the target is growth of " + format_rounded(*a_.target_value) +
                "%: there are no year-to-date growth figures, and no value for " +
                t_.period.previous().to_string() + " to turn it into a level");
        a_.target_value.reset();
        return a_;
      }
      a_.target_value = *prev * (1.0 + *a_.target_value / 100.0);
    }
    if (ind_.accumulation == accumulation::flow)
      flow();
    else
      path();
    return a_;
  }

 private:
  // --- the target's number ----------------------------------------------------------------

  bool target_number(bool growth_target) {
    const rule& r = t_.rule;
    double x = r.value;
    if (r.operation == op::between) {
      x = ind_.polarity == polarity::higher  ? r.low
          : ind_.polarity == polarity::lower ? r.high
                                             : (r.low + r.high) / 2.0;
    }
    const bool level = r.measure.kind == measure_kind::level && !growth_target;
    if (r.has_reference()) {
      const reference_value* ref = refs_.find(ind_.id, t_.period);
      if (!ref) ref = plan_.references.find(ind_.id, t_.period);
      if (!ref) {
        set(pace_status::needs_reference,
            "目标“" + t_.text + "”需要“" + r.reference + "”的数值(" +
                text::period_text(t_.period, language::zh) + "),尚未提供",
            "the target '" + t_.text + "' needs the value of " + reference_name_en(r.reference) +
                " for " + t_.period.to_string() + ", which was not supplied");
        return false;
      }
      x = ref->value;
      if (level && !ref->unit.empty() && !ind_.unit.empty())
        x = convert_checked(x, ref->unit, "reference");
    } else if (level && !r.unit.empty() && !ind_.unit.empty()) {
      x = convert_checked(x, r.unit, "target");
    }
    a_.target_value = x;
    return true;
  }

  double convert_checked(double v, const unit& from, const char* what) const {
    if (!convertible(from, ind_.unit)) {
      location loc;
      loc.indicator = ind_.id;
      throw model_error(errc::unit_incompatible,
                        std::string(what) + " unit '" + from.symbol() +
                            "' cannot be expressed in '" + ind_.unit.symbol() + "'",
                        loc);
    }
    return convert(v, from, ind_.unit);
  }

  // --- year-to-date observations ---------------------------------------------------------

  // What a year-to-date value must be.
  enum class wanted {
    levels,          // level observations (a bare % on a non-% indicator is not one)
    growth_figures,  // growth observations, or a bare % on a non-% indicator
    rates,           // the values of a change-rate indicator: level, else growth observations
  };

  const observation* find(const period& p, wanted w) const {
    if (opt_.as_of && p.last_day() > *opt_.as_of) return nullptr;
    for (const auto* set : {&actuals_, &plan_.observations}) {
      const observation* level = set->find(ind_.id, p, measure_kind::level);
      const observation* growth = set->find(ind_.id, p, measure_kind::growth);
      switch (w) {
        case wanted::levels:
          if (level && !percent_means_growth(level->unit, ind_)) return level;
          break;
        case wanted::growth_figures:
          if (growth) return growth;
          if (level && percent_means_growth(level->unit, ind_)) return level;
          break;
        case wanted::rates:
          if (level) return level;
          if (growth) return growth;
          break;
      }
    }
    return nullptr;
  }

  // Fills obs_ with the months or quarters of the year (the granularity that reaches later);
  // false when there are none.
  bool collect(wanted w) {
    const int y = t_.period.first_year();
    std::vector<const observation*> months(12, nullptr);
    std::vector<const observation*> quarters(4, nullptr);
    int last_m = 0;
    int last_q = 0;
    for (int k = 1; k <= 12; ++k)
      if ((months[k - 1] = find(period::month(y, k), w))) last_m = k;
    for (int k = 1; k <= 4; ++k)
      if ((quarters[k - 1] = find(period::quarter(y, k), w))) last_q = k;
    if (last_m == 0 && last_q == 0) return false;
    if (last_m >= 3 * last_q) {
      obs_ = months;
      latest_ = period::month(y, last_m);
      last_ = last_m;
    } else {
      obs_ = quarters;
      latest_ = period::quarter(y, last_q);
      last_ = last_q;
    }
    a_.latest = latest_;
    if (!a_.as_of) a_.as_of = latest_.last_day();
    a_.expected_share = t_.period.elapsed_share(*a_.as_of, opt_.basis);
    return true;
  }

  void no_values(const char* what_zh, const char* what_en) {
    if (opt_.as_of) a_.expected_share = t_.period.elapsed_share(*opt_.as_of, opt_.basis);
    std::string zh =
        "缺少" + text::period_text(t_.period, language::zh) + "年内(月度或季度)" + what_zh;
    std::string en =
        std::string("no ") + what_en + " (monthly or quarterly) for " + t_.period.to_string();
    if (opt_.as_of) {
      zh = "截至" + to_string(*opt_.as_of) + "," + zh;
      en += " up to " + to_string(*opt_.as_of);
    }
    set(pace_status::no_data, zh, en);
  }

  // A point value in the indicator's unit, or an explanation why not.
  std::optional<double> value_of(const observation& o, bool rate, std::string& why_zh,
                                 std::string& why_en) const {
    if (!t_.rule.qualifier.flow.empty() && !o.qualifier.flow.empty() &&
        t_.rule.qualifier.flow != o.qualifier.flow) {
      why_zh = text::period_text(o.period, language::zh) + "完成值统计口径为“" + o.qualifier.flow +
               "”,目标为“" + t_.rule.qualifier.flow + "”,不可比";
      why_en = "the value for " + o.period.to_string() + " counts '" + o.qualifier.flow +
               "' but the target counts '" + t_.rule.qualifier.flow + "'";
      return std::nullopt;
    }
    const auto number = o.single_number();
    if (!number) {
      const std::string text = o.text.empty() ? std::string("?") : o.text;
      why_zh = text::period_text(o.period, language::zh) + "完成值“" + text + "”不是单一数值";
      why_en = "the value for " + o.period.to_string() + " ('" + text + "') is not a single number";
      return std::nullopt;
    }
    double v = *number;
    if (!rate && !o.unit.empty() && !ind_.unit.empty() && o.measure.kind == measure_kind::level) {
      if (!convertible(o.unit, ind_.unit)) {
        why_zh = text::period_text(o.period, language::zh) + "完成值单位“" + o.unit.symbol() +
                 "”无法换算为“" + ind_.unit.symbol() + "”";
        why_en = "the value for " + o.period.to_string() + " is in '" + o.unit.symbol() +
                 "', which cannot be expressed in '" + ind_.unit.symbol() + "'";
        return std::nullopt;
      }
      v = convert(v, o.unit, ind_.unit);
    }
    return v;
  }

  period sub_period(int k) const {
    return latest_.kind() == period_kind::month ? period::month(t_.period.first_year(), k)
                                                : period::quarter(t_.period.first_year(), k);
  }

  bool is_cumulative(const observation& o) const {
    switch (opt_.values) {
      case ytd_values::automatic: return o.qualifier.cumulative;
      case ytd_values::per_period: return false;
      case ytd_values::cumulative: return true;
    }
    return false;
  }

  // The level of the year before the target's: an observation, or the baseline.
  std::optional<double> previous_level() const {
    const period prev = t_.period.previous();
    std::string wz;
    std::string we;
    for (const auto* set : {&actuals_, &plan_.observations}) {
      const auto* o = set->find(ind_.id, prev, measure_kind::level);
      if (o && !percent_means_growth(o->unit, ind_))
        if (auto v = value_of(*o, false, wz, we)) return v;
    }
    if (ind_.baseline && ind_.baseline->period == prev &&
        ind_.baseline->measure.kind == measure_kind::level &&
        !percent_means_growth(ind_.baseline->unit, ind_))
      return value_of(*ind_.baseline, false, wz, we);
    return std::nullopt;
  }

  // The baseline of a path: the level of the previous year, else a baseline given for a year.
  std::optional<std::pair<double, period>> path_start() const {
    if (auto v = previous_level()) return std::make_pair(*v, t_.period.previous());
    if (ind_.baseline && ind_.baseline->period.kind() == period_kind::year &&
        ind_.baseline->measure.kind == measure_kind::level &&
        !percent_means_growth(ind_.baseline->unit, ind_)) {
      std::string wz;
      std::string we;
      if (auto v = value_of(*ind_.baseline, false, wz, we))
        return std::make_pair(*v, ind_.baseline->period);
    }
    return std::nullopt;
  }

  // --- methods ------------------------------------------------------------------------------

  std::string as_of_prefix_zh() const {
    if (a_.as_of && *a_.as_of != latest_.last_day()) return "截至" + to_string(*a_.as_of) + ",";
    return {};
  }
  std::string as_of_prefix_en() const {
    if (a_.as_of && *a_.as_of != latest_.last_day()) return "As of " + to_string(*a_.as_of) + ", ";
    return {};
  }

  // `低于时序进度(16.67%)3.82个百分点` and its English counterpart.
  void compare_sentences(double done_pct, double expected_pct, std::string& zh,
                         std::string& en) const {
    const double d = round_to(done_pct - expected_pct, 2);
    const std::string e = format_rounded(expected_pct) + "%";
    if (d == 0.0) {
      zh += "与时序进度(" + e + ")持平";
      en += "level with the elapsed-time share (" + e + ")";
    } else {
      zh += std::string(d > 0 ? "高于" : "低于") + "时序进度(" + e + ")" +
            format_rounded(std::fabs(d)) + "个百分点";
      en += points_en(std::fabs(d)) + " " + (d > 0 ? "above" : "below") +
            " the elapsed-time share (" + e + ")";
    }
  }

  void grade(double gap, std::string zh, std::string en) {
    a_.gap_points = detail::significant(gap);
    const pace_status s = grade_pace(gap, ind_.attribute, opt_.tolerance_points);
    const double g = round_to(gap, 2);
    switch (s) {
      case pace_status::ahead:
        zh += ",快于预期";
        en += "; ahead of schedule";
        break;
      case pace_status::in_line:
        if (g != 0.0 && opt_.tolerance_points > 0) {
          zh += ",在±" + format_rounded(opt_.tolerance_points) + "个百分点容差内,基本符合预期";
          en += "; within the tolerance of ±" + points_en(opt_.tolerance_points) +
                ", broadly on schedule";
        } else {
          zh += ",基本符合预期";
          en += "; on schedule";
        }
        break;
      default:
        if (ind_.attribute == attribute::binding) {
          zh += ",进度滞后(约束性指标须不低于时序进度)";
          en += "; behind schedule (a binding indicator must keep up with the elapsed share)";
        } else {
          zh += ",进度滞后";
          en += "; behind schedule";
        }
        break;
    }
    set(s, zh, en);
  }

  void flow() {
    if (!collect(wanted::levels)) {
      no_values("完成值", "year-to-date values");
      return;
    }
    a_.method = pace_method::flow_share;
    double total = 0.0;
    std::string wz;
    std::string we;
    for (int k = last_; k >= 1; --k) {
      const observation* o = obs_[static_cast<std::size_t>(k - 1)];
      if (!o) {
        set(pace_status::no_data,
            "缺少" + text::period_text(sub_period(k), language::zh) + "数值,无法累计" +
                coverage_zh(latest_) + "完成值",
            "no value for " + sub_period(k).to_string() + ", so the year-to-date total to " +
                latest_.to_string() + " cannot be added up");
        return;
      }
      const auto v = value_of(*o, false, wz, we);
      if (!v) {
        set(pace_status::no_data, wz, we);
        return;
      }
      total += *v;
      if (is_cumulative(*o)) break;
    }
    a_.actual = total;
    const double target = *a_.target_value;
    if (target == 0.0) {
      set(pace_status::not_applicable, "年度目标为0,无法计算完成比例",
          "the annual target is 0, so no share of it can be computed");
      return;
    }
    const double done = total / target;
    a_.done_share = done;
    const double done_pct = round_to(done * 100.0, 2);
    const double expected_pct = round_to(a_.expected_share * 100.0, 2);
    const bool cap = ind_.polarity == polarity::lower;
    std::string zh = as_of_prefix_zh() + coverage_zh(latest_) + "累计完成" +
                     amount_zh(total, ind_.unit) + "," +
                     (cap ? "占年度控制目标的" : "完成年度计划") + format_rounded(done_pct) + "%,";
    std::string en = as_of_prefix_en() + coverage_en(latest_) + ": " + amount_en(total, ind_.unit) +
                     " year to date, " + format_rounded(done_pct) + "% of the annual " +
                     (cap ? "ceiling" : "target") + ", ";
    compare_sentences(done_pct, expected_pct, zh, en);
    // for a ceiling (lower is better) using less than the elapsed share is good
    grade(cap ? expected_pct - done_pct : done_pct - expected_pct, zh, en);
  }

  void path() {
    if (!collect(wanted::levels)) {
      no_values("完成值", "year-to-date values");
      return;
    }
    a_.method = pace_method::path_share;
    std::string wz;
    std::string we;
    const observation* o = obs_[static_cast<std::size_t>(last_ - 1)];
    const auto v = value_of(*o, false, wz, we);
    if (!v) {
      set(pace_status::no_data, wz, we);
      return;
    }
    a_.actual = *v;
    const auto start = path_start();
    const double target = *a_.target_value;
    const std::string latest_zh = as_of_prefix_zh() + text::period_text(latest_, language::zh) +
                                  "完成值" + amount_zh(*v, ind_.unit);
    const std::string latest_en = as_of_prefix_en() + "In " + latest_.to_string() +
                                  " the value was " + amount_en(*v, ind_.unit);
    if (!start) {
      set(pace_status::no_data,
          latest_zh + ",但缺少" + text::period_text(t_.period.previous(), language::zh) +
              "(基期)数值,无法计算推进比例",
          latest_en + ", but there is no value for " + t_.period.previous().to_string() +
              " (the baseline) to measure the way to the target from");
      return;
    }
    a_.baseline = start->first;
    const double base = start->first;
    const std::string path_zh = "较基期(" + text::period_text(start->second, language::zh) +
                                amount_zh(base, ind_.unit) + ")向年度目标(" +
                                amount_zh(target, ind_.unit) + ")";
    const std::string path_en = " (baseline " + amount_en(base, ind_.unit) + " in " +
                                start->second.to_string() + ", annual target " +
                                amount_en(target, ind_.unit) + ")";
    auto meets = [&](double x) {
      return ind_.polarity == polarity::lower    ? x <= target
             : ind_.polarity == polarity::higher ? x >= target
                                                 : x == target;
    };
    if (target == base || meets(base)) {
      // nothing to cover: the target keeps (or is already better than) the baseline level
      const std::string hold_zh =
          target == base ? ",年度目标为保持基期水平(" : ",基期已达到年度目标(";
      const std::string hold_en = target == base ? "; the target keeps the baseline level ("
                                                 : "; the baseline already meets the target (";
      if (meets(*v))
        set(pace_status::in_line,
            latest_zh + hold_zh + amount_zh(target, ind_.unit) + "),目前保持,基本符合预期",
            latest_en + hold_en + amount_en(target, ind_.unit) +
                "), which still holds: on schedule");
      else
        set(pace_status::behind,
            latest_zh + hold_zh + amount_zh(target, ind_.unit) + "),目前未能保持,进度滞后",
            latest_en + hold_en + amount_en(target, ind_.unit) +
                "), which no longer holds: behind schedule");
      return;
    }
    const double done = (*v - base) / (target - base);
    a_.done_share = done;
    const double done_pct = round_to(done * 100.0, 2);
    const double expected_pct = round_to(a_.expected_share * 100.0, 2);
    std::string zh = latest_zh + "," + path_zh + "推进" + format_rounded(done_pct) + "%,";
    std::string en = latest_en + path_en + ": " + format_rounded(done_pct) +
                     "% of the way from the baseline to the target, ";
    compare_sentences(done_pct, expected_pct, zh, en);
    grade(done_pct - expected_pct, zh, en);
  }

  // Change rates: the latest year-to-date rate against the target rate.
  void rate_level(wanted w, const char* what_zh, const char* what_en) {
    if (!collect(w)) {
      no_values(what_zh, what_en);
      return;
    }
    a_.method = pace_method::level;
    std::string wz;
    std::string we;
    const observation* o = obs_[static_cast<std::size_t>(last_ - 1)];
    const auto v = value_of(*o, true, wz, we);
    if (!v) {
      set(pace_status::no_data, wz, we);
      return;
    }
    a_.actual = *v;
    const double target = *a_.target_value;
    const double diff = round_to(*v - target, 2);
    const double gap = ind_.polarity == polarity::lower  ? -diff
                       : ind_.polarity == polarity::band ? -std::fabs(diff)
                                                         : diff;
    std::string zh =
        as_of_prefix_zh() + coverage_zh(latest_) + "完成值" + format_rounded(*v) + "%,";
    std::string en = as_of_prefix_en() + coverage_en(latest_) + ": " + format_rounded(*v) + "%, ";
    const std::string tz = "年度目标(" + format_rounded(target) + "%)";
    const std::string te = "the annual target (" + format_rounded(target) + "%)";
    if (diff == 0.0) {
      zh += "与" + tz + "持平";
      en += "level with " + te;
    } else {
      zh += std::string(diff > 0 ? "高于" : "低于") + tz + format_rounded(std::fabs(diff)) +
            "个百分点";
      en += points_en(std::fabs(diff)) + " " + (diff > 0 ? "above " : "below ") + te;
    }
    // the method, named: a rate is judged on its level, not on a share of the way to the target
    zh += "(按水平比较)";
    en += " (compared on its level)";
    grade(gap, zh, en);
  }

  void set(pace_status s, std::string zh, std::string en) {
    a_.status = s;
    a_.reason_zh = std::move(zh);
    a_.reason_en = std::move(en);
  }

  const plan& plan_;
  const indicator& ind_;
  const target& t_;
  const observation_set& actuals_;
  const reference_set& refs_;
  const pace_options& opt_;
  pace_assessment a_;
  std::vector<const observation*> obs_;
  period latest_;
  int last_ = 0;
};

}  // namespace

pace_status grade_pace(double gap_points, attribute attr, double tolerance_points) noexcept {
  const double g = round_to(gap_points, 2);
  const double tol = round_to(std::fabs(tolerance_points), 2);
  if (attr == attribute::binding) {
    if (g < 0.0) return pace_status::behind;
    return g > tol ? pace_status::ahead : pace_status::in_line;
  }
  if (g > tol) return pace_status::ahead;
  if (g < -tol) return pace_status::behind;
  return pace_status::in_line;
}

pace_assessment assess_pace(const plan& p, const indicator& ind, const target& t,
                            const observation_set& actuals, const reference_set& references,
                            const pace_options& options) {
  return pacer(p, ind, t, actuals, references, options).run();
}

std::vector<pace_assessment> assess_pace(const plan& p, const observation_set& actuals,
                                         const reference_set& references,
                                         const pace_options& options) {
  int year = 0;
  if (options.year) {
    year = *options.year;
  } else if (options.as_of) {
    year = options.as_of->year();
  } else {
    auto scan = [&](const observation_set& s) {
      for (const auto& o : s)
        if (o.period.kind() == period_kind::month || o.period.kind() == period_kind::quarter)
          year = std::max(year, o.period.first_year());
    };
    scan(actuals);
    scan(p.observations);
  }
  if (year == 0)
    throw error(errc::usage,
                "pace: no year to assess (give an as-of date or a year, or month/quarter values)");
  const period y = period::year(year);
  std::vector<pace_assessment> out;
  out.reserve(p.indicators.size());
  for (const auto& ind : p.indicators) {
    if (const target* t = ind.find_target(y)) {
      out.push_back(assess_pace(p, ind, *t, actuals, references, options));
      continue;
    }
    pace_assessment a;
    a.indicator = ind.id;
    a.period = y;
    a.as_of = options.as_of;
    a.value_unit = ind.unit;
    a.status = pace_status::no_target;
    if (options.as_of) a.expected_share = y.elapsed_share(*options.as_of, options.basis);
    a.reason_zh = "未设定" + text::period_text(y, language::zh) + "目标值";
    a.reason_en = "no target set for " + y.to_string();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace planeval
