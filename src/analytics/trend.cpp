// Trend toward a target: the SDG progress method (Statistics Canada / open-sdg, after Eurostat),
// docs/design.md section 5.3.
#include "planeval/analytics/trend.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "planeval/core/error.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using text::format_rounded;
using text::format_share;
using text::format_value;

constexpr double damping_exponent = 4.44;  // open-sdg, sdg/ProgressMeasure.py

std::string label_zh(trend_status s) { return status_label(s, language::zh); }
std::string label_en(trend_status s) { return status_label(s, language::en); }

void set(trend_result& r, trend_status s, std::string zh, std::string en) {
  r.status = s;
  r.reason_zh = std::move(zh);
  r.reason_en = std::move(en);
}

// R, or ±∞ when the required change is zero (target at the base level)
double ratio_of(double signed_observed, double required) {
  if (required != 0.0) return signed_observed / std::fabs(required);
  if (signed_observed > 0.0) return std::numeric_limits<double>::infinity();
  if (signed_observed < 0.0) return -std::numeric_limits<double>::infinity();
  return 0.0;
}

trend_status status_of_ratio(double r, const trend_thresholds& t) {
  if (r >= t.on_track) return trend_status::on_track;
  if (r >= t.acceleration) return trend_status::acceleration_needed;
  if (r >= 0.0) return trend_status::limited_progress;
  return trend_status::deterioration;
}

std::string ratio_text(double r) {
  if (std::isinf(r)) return r > 0 ? "∞" : "-∞";
  return format_rounded(r, 3);
}

// `年均增长5%` / `年均下降9.19%`
std::string annual_zh(double g) {
  return g < 0 ? "年均下降" + format_share(-g) : "年均增长" + format_share(g);
}
// `5% growth a year` / `a fall of 9.19% a year`
std::string annual_en(double g) {
  return g < 0 ? "a fall of " + format_share(-g) + " a year" : format_share(g) + " growth a year";
}

}  // namespace

double limit_damping(double base, double limit) {
  if (!std::isfinite(limit) || !std::isfinite(base))
    throw error(errc::usage, "limit_damping: the limit and the base value must be numbers");
  const double b = std::fabs(base);
  const double l = std::fabs(limit);
  if (l == 0.0) return 1.0;  // a natural floor of 0: the method gives no damping there
  if (b >= 2.0 * l) return 1.0;
  if (b <= l) return 1.0 - std::pow(b / l, damping_exponent);
  return 1.0 - std::pow((2.0 * l - b) / l, damping_exponent);
}

trend_result assess_trend(const std::vector<annual_point>& series,
                          const std::optional<trend_target>& target, polarity pol,
                          const trend_options& options) {
  trend_result r;
  r.kind = options.kind == series_kind::growth_rate ? series_kind::growth_rate : series_kind::level;
  r.target = target;
  const auto& th = options.thresholds;

  std::vector<annual_point> s = series;
  std::stable_sort(s.begin(), s.end(),
                   [](const annual_point& a, const annual_point& b) { return a.year < b.year; });
  for (std::size_t k = 1; k < s.size(); ++k)
    if (s[k].year == s[k - 1].year) {
      set(r, trend_status::duplicate_periods,
          std::to_string(s[k].year) + "年有两个数值,无法判断趋势",
          "the year " + std::to_string(s[k].year) + " has two values, so there is no one trend");
      return r;
    }
  for (const auto& pt : s)
    if (!std::isfinite(pt.value)) {
      set(r, trend_status::insufficient_data, std::to_string(pt.year) + "年数值无效",
          "the value for " + std::to_string(pt.year) + " is not a finite number");
      return r;
    }
  if (s.empty()) {
    set(r, trend_status::insufficient_data, "没有年度数据", "there are no annual values");
    return r;
  }
  r.current_year = s.back().year;
  r.current_value = s.back().value;

  // base year: the requested one, or the next year that has a value (open-sdg)
  std::size_t base_index = 0;
  if (options.base_year && *options.base_year > r.current_year) {
    // never judged from data before the base year
    set(r, trend_status::insufficient_data,
        "基期" + std::to_string(*options.base_year) + "年晚于最新数据年份" +
            std::to_string(r.current_year) + "年,无法判断",
        "the base year " + std::to_string(*options.base_year) + " comes after the latest data (" +
            std::to_string(r.current_year) + ")");
    return r;
  }
  if (options.base_year) {
    base_index = s.size();
    for (std::size_t k = 0; k < s.size(); ++k)
      if (s[k].year >= *options.base_year) {
        base_index = k;
        break;
      }
    if (base_index == s.size()) base_index = s.size() - 1;
  }
  r.base_year = s[base_index].year;
  r.base_value = s[base_index].value;

  const bool growth_series = r.kind == series_kind::growth_rate;
  const bool level_target = target && (target->kind == measure_kind::level || growth_series);
  // direction: +1 when higher is better, −1 when lower is better; a band points at the target
  double dir = pol == polarity::higher ? 1.0 : pol == polarity::lower ? -1.0 : 0.0;
  if (pol == polarity::band && level_target)
    dir = target->value > r.base_value ? 1.0 : (target->value < r.base_value ? -1.0 : 0.0);

  const std::string cur_zh =
      std::to_string(r.current_year) + "年数值" + format_value(r.current_value);
  const std::string cur_en =
      "the " + std::to_string(r.current_year) + " value " + format_value(r.current_value);

  if (level_target) {
    const double t = target->value;
    const bool achieved = dir == 0.0 ? r.current_value == t : dir * (r.current_value - t) >= 0.0;
    if (achieved) {
      set(r, trend_status::achieved,
          cur_zh + "已达到" + std::to_string(target->year) + "年目标" + format_value(t) +
              ",已实现目标",
          cur_en + " already meets the target " + format_value(t) + " set for " +
              std::to_string(target->year) + ": achieved");
      return r;
    }
  }
  if (s.size() < 2 || base_index + 1 >= s.size()) {
    set(r, trend_status::insufficient_data,
        "至少需要基期和最新年份两个数据(现有" + std::to_string(s.size() - base_index) + "个)",
        "two values are needed, the base year's and a later one (" +
            std::to_string(s.size() - base_index) + " given)");
    return r;
  }
  if (pol == polarity::band && !level_target) {
    set(r, trend_status::not_applicable, "区间型指标没有目标值时无法判断进展方向",
        "a band indicator without a target value has no direction of progress");
    return r;
  }
  const int years = r.current_year - r.base_year;
  const std::string span_zh =
      std::to_string(r.base_year) + "—" + std::to_string(r.current_year) + "年";
  const std::string span_en =
      "from " + std::to_string(r.base_year) + " to " + std::to_string(r.current_year);

  if (growth_series) {
    // change rates: least-squares slope of the level, never CAGR (UNSD progress chart)
    std::vector<double> x;
    std::vector<double> y;
    for (std::size_t k = base_index; k < s.size(); ++k) {
      x.push_back(s[k].year);
      y.push_back(s[k].value);
    }
    const double slope = fit_weighted_line(x, y).slope;
    r.slope = slope;
    std::string zh = span_zh + "数值由" + format_value(r.base_value) + "变为" +
                     format_value(r.current_value) + ",最小二乘斜率每年" + format_rounded(slope) +
                     "个百分点";
    std::string en = span_en + " the rate went from " + format_value(r.base_value) + " to " +
                     format_value(r.current_value) + ", a least-squares slope of " +
                     format_rounded(slope) + " points a year";
    if (level_target) {
      const int to_go = target->year - r.base_year;
      if (to_go <= 0) {
        set(r, trend_status::not_applicable, zh + ";目标年份不晚于基期,无法计算所需变化",
            en + "; the target year is not after the base year");
        return r;
      }
      const double req = (target->value - r.base_value) / to_go;
      r.required_slope = req;
      const double ratio = ratio_of(dir * slope, req);
      r.ratio = ratio;
      const trend_status st = status_of_ratio(ratio, th);
      set(r, st,
          zh + ",按期实现目标(" + std::to_string(target->year) + "年" +
              format_value(target->value) + ")需每年变化" + format_rounded(req) +
              "个百分点,比值R=" + ratio_text(ratio) + "," + label_zh(st),
          en + "; reaching " + format_value(target->value) + " by " + std::to_string(target->year) +
              " needs " + format_rounded(req) + " points a year; R = " + ratio_text(ratio) + ": " +
              label_en(st));
      return r;
    }
    const double progress = dir * slope;
    r.progress = progress;
    const trend_status st = progress >= th.substantial_slope ? trend_status::substantial_progress
                            : progress >= th.moderate_slope  ? trend_status::moderate_progress
                            : progress >= 0.0                ? trend_status::limited_progress
                                                             : trend_status::deterioration;
    set(r, st, zh + "(未设目标,按斜率判断)," + label_zh(st),
        en + " (no target: judged on the slope): " + label_en(st));
    return r;
  }

  // levels: compound annual growth
  if (r.base_value == 0.0) {
    set(r, trend_status::zero_value,
        std::to_string(r.base_year) + "年(基期)数值为0,无法计算年均增速",
        "the base value (" + std::to_string(r.base_year) +
            ") is 0, so compound growth is undefined");
    return r;
  }
  if ((r.base_value > 0.0 && r.current_value < 0.0) ||
      (r.base_value < 0.0 && r.current_value > 0.0)) {
    set(r, trend_status::sign_change,
        "基期(" + std::to_string(r.base_year) + "年" + format_value(r.base_value) + ")与最新值(" +
            std::to_string(r.current_year) + "年" + format_value(r.current_value) +
            ")符号不同,无法计算年均增速",
        "the base value (" + format_value(r.base_value) + " in " + std::to_string(r.base_year) +
            ") and the latest (" + format_value(r.current_value) + " in " +
            std::to_string(r.current_year) + ") differ in sign, so compound growth is undefined");
    return r;
  }
  const double sign = r.base_value < 0.0 ? -1.0 : 1.0;
  const double cagr_o = std::pow(r.current_value / r.base_value, 1.0 / years) - 1.0;
  r.observed_cagr = cagr_o;
  std::string zh = span_zh + annual_zh(cagr_o);
  std::string en = span_en + ": " + annual_en(cagr_o);

  if (target) {
    double required = 0.0;
    std::string need_zh;
    std::string need_en;
    if (target->kind == measure_kind::level) {
      const int to_go = target->year - r.base_year;
      if (to_go <= 0) {
        set(r, trend_status::not_applicable, zh + ";目标年份不晚于基期,无法计算所需增速",
            en + "; the target year is not after the base year");
        return r;
      }
      if (target->value / r.base_value < 0.0) {
        set(r, trend_status::sign_change,
            zh + ";目标值" + format_value(target->value) + "与基期数值符号不同,无法计算所需增速",
            en + "; the target " + format_value(target->value) +
                " and the base value differ in sign, so the required growth is undefined");
        return r;
      }
      required = std::pow(target->value / r.base_value, 1.0 / to_go) - 1.0;
      need_zh = "按期实现目标(" + std::to_string(target->year) + "年" +
                format_value(target->value) + ")需" + annual_zh(required);
      need_en = "reaching " + format_value(target->value) + " by " + std::to_string(target->year) +
                " needs " + annual_en(required);
    } else {
      required = target->value / 100.0;
      need_zh = "目标为" + annual_zh(required);
      need_en = "the target is " + annual_en(required);
    }
    r.required_cagr = required;
    const double ratio = ratio_of(sign * dir * cagr_o, required);
    r.ratio = ratio;
    const trend_status st = status_of_ratio(ratio, th);
    set(r, st, zh + "," + need_zh + ",实际与所需之比R=" + ratio_text(ratio) + "," + label_zh(st),
        en + "; " + need_en + "; R = " + ratio_text(ratio) + ": " + label_en(st));
    return r;
  }

  // no target: the observed growth in the better direction, thresholds damped near a limit
  const double progress = sign * dir * cagr_o;
  r.progress = progress;
  double c = 1.0;
  if (options.limit) {
    c = limit_damping(r.base_value, *options.limit);
    r.damping = c;
    if (*options.limit == 0.0) {
      zh += ",自然下限为0,不调整判断阈值";
      en += "; the natural limit 0 is a floor, so the thresholds are not damped";
    } else {
      zh += ",基期数值接近上限" + format_value(*options.limit) + ",判断阈值乘以系数" +
            format_rounded(c, 4);
      en += "; the base value is near the limit " + format_value(*options.limit) +
            ", so the thresholds are scaled by " + format_rounded(c, 4);
    }
  }
  const trend_status st = progress >= th.substantial * c ? trend_status::substantial_progress
                          : progress >= th.moderate * c  ? trend_status::moderate_progress
                          : progress >= 0.0              ? trend_status::limited_progress
                                                         : trend_status::deterioration;
  set(r, st, zh + "(未设目标,按增速判断)," + label_zh(st),
      en + " (no target: judged on the growth): " + label_en(st));
  return r;
}

namespace {

struct target_choice {
  const target* t = nullptr;
  std::optional<trend_target> tt;
  std::optional<double> projection_target;  // the level the projection is judged against
  std::string note_zh;
  std::string note_en;
};

target_choice choose_target(const plan& p, const indicator& ind, const reference_set& refs,
                            const plan_trend_options& opt, series_kind kind,
                            const std::vector<annual_point>& series) {
  target_choice c;
  if (opt.target_period) {
    c.t = ind.find_target(*opt.target_period);
  } else {
    for (const auto& t : ind.targets)
      if (!c.t || t.period.last_day() > c.t->period.last_day()) c.t = &t;
  }
  if (!c.t) {
    c.note_zh = "未设目标值;";
    c.note_en = "no target; ";
    return c;
  }
  const target& t = *c.t;
  const rule& r = t.rule;
  const std::string quote_zh = "目标“" + t.text + "”";
  const std::string quote_en = "the target '" + t.text + "'";
  if (!r.is_comparison()) {
    c.note_zh = quote_zh + "没有可对照的数值,按无目标方法判断;";
    c.note_en = quote_en + " has no number, so it is judged without a target; ";
    return c;
  }
  if (r.measure.kind == measure_kind::change_points ||
      r.measure.kind == measure_kind::change_since) {
    c.note_zh = quote_zh + "为变化量目标,按无目标方法判断;";
    c.note_en = quote_en + " is a change target, so it is judged without a target; ";
    return c;
  }
  double x = r.value;
  if (r.operation == op::between)
    x = ind.polarity == polarity::higher  ? r.low
        : ind.polarity == polarity::lower ? r.high
                                          : (r.low + r.high) / 2;
  const bool growth_measure =
      r.measure.kind == measure_kind::growth || r.measure.kind == measure_kind::cagr ||
      (r.measure.kind == measure_kind::level && percent_means_growth(r.unit, ind));
  if (r.has_reference()) {
    const reference_value* ref = refs.find(ind.id, t.period);
    if (!ref) ref = p.references.find(ind.id, t.period);
    if (!ref) {
      c.note_zh = quote_zh + "所需“" + r.reference + "”数值未提供,按无目标方法判断;";
      c.note_en = quote_en + " needs " + reference_name_en(r.reference) +
                  ", which was not supplied, so it is judged without a target; ";
      return c;
    }
    x = ref->value;
    if (!growth_measure && kind == series_kind::level && !ref->unit.empty() && !ind.unit.empty())
      x = convert(x, ref->unit, ind.unit);
  } else if (!growth_measure && kind == series_kind::level && !r.unit.empty() &&
             !ind.unit.empty()) {
    x = convert(x, r.unit, ind.unit);
  }
  trend_target tt;
  tt.year = t.period.last_year();
  tt.value = x;
  tt.kind =
      (growth_measure && kind == series_kind::level) ? measure_kind::growth : measure_kind::level;
  c.tt = tt;
  if (tt.kind == measure_kind::level) {
    c.projection_target = x;
  } else {
    // growth g a year from the year before the target period: base·(1 + g)^years
    const int from = t.period.first_year() - 1;
    for (const auto& pt : series)
      if (pt.year == from)
        c.projection_target = pt.value * std::pow(1.0 + x / 100.0, tt.year - from);
  }
  return c;
}

}  // namespace

std::vector<indicator_trend> assess_trends(const plan& p, const observation_set& actuals,
                                           const reference_set& references,
                                           const plan_trend_options& options) {
  std::vector<indicator_trend> out;
  out.reserve(p.indicators.size());
  for (const auto& ind : p.indicators) {
    indicator_trend it;
    it.indicator = ind.id;
    const auto sk = options.series.find(ind.id);
    const series_kind kind =
        resolve_series_kind(sk == options.series.end() ? series_kind::automatic : sk->second, ind);
    it.series = annual_series(p, ind, actuals, kind);
    const target_choice c = choose_target(p, ind, references, options, kind, it.series);
    if (c.t) {
      it.target_text = c.t->text;
      it.target_period = c.t->period;
    }
    trend_options to = options.trend;
    to.kind = kind;
    if (const auto l = options.limits.find(ind.id); l != options.limits.end()) to.limit = l->second;
    // one indicator's option problem gives that indicator a status, never aborts the others
    try {
      it.trend = assess_trend(it.series, c.tt, ind.polarity, to);
      it.trend.reason_zh = c.note_zh + it.trend.reason_zh;
      it.trend.reason_en = c.note_en + it.trend.reason_en;
      // the projection uses the years from the base year on, and only for a target year ahead
      std::vector<annual_point> from_base;
      for (const auto& pt : it.series)
        if (!to.base_year || pt.year >= *to.base_year) from_base.push_back(pt);
      if (c.tt && !from_base.empty() && c.tt->year > from_base.back().year) {
        projection_options po = options.projection;
        if (kind == series_kind::growth_rate) po.model = fit_model::linear;
        if (po.weights.size() != from_base.size()) po.weights.clear();
        it.projection = project(from_base, c.tt->year, c.projection_target, ind.polarity, po);
      }
    } catch (const error& e) {
      it.trend = trend_result{};
      it.trend.kind = kind;
      it.trend.status = trend_status::not_applicable;
      it.trend.reason_zh = "该指标的选项无法使用:" + e.message();
      it.trend.reason_en = "an option cannot be used for this indicator: " + e.message();
      it.projection.reset();
    }
    out.push_back(std::move(it));
  }
  return out;
}

}  // namespace planeval
