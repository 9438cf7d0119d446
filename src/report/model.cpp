// What a report shows: evaluation, summary, pace, trends and tasks, computed through the
// public APIs.
#include "report/model.hpp"

#include <algorithm>

namespace planeval::detail {
namespace {

bool sub_annual(const period& p) noexcept {
  return p.kind() == period_kind::month || p.kind() == period_kind::quarter;
}

// The observations a predicate keeps, in their order.
template <class Keep>
observation_set filtered(const observation_set& in, Keep keep) {
  observation_set out;
  for (const auto& o : in)
    if (keep(o.period)) out.add(o);
  return out;
}

// The assessment a row shows: the latest period that started by the as-of date, else the first.
std::size_t pick(const std::vector<assessment>& all, std::size_t first, std::size_t last,
                 const date& as_of) {
  std::size_t best = first;
  bool found = false;
  for (std::size_t k = first; k < last; ++k) {
    if (all[k].period.first_day() > as_of) continue;
    if (!found || all[best].period < all[k].period) best = k;
    found = true;
  }
  return best;
}

std::optional<double> baseline_in(const indicator& ind, const assessment& a) {
  if (!ind.baseline || a.measure.kind != measure_kind::level) return std::nullopt;
  const observation& b = *ind.baseline;
  const auto* v = std::get_if<point_value>(&b.value);
  if (!v || b.measure.kind != measure_kind::level || b.qualifier.cumulative ||
      b.period.kind() != a.period.kind())
    return std::nullopt;
  const unit from = b.unit.empty() ? ind.unit : b.unit;
  const unit& to = a.value_unit;
  if (from.empty() || to.empty() || from == to) return v->value;
  if (!convertible(from, to)) return std::nullopt;
  return convert(v->value, from, to);
}

}  // namespace

bool pace_measured(const pace_assessment& a) noexcept {
  return a.status == pace_status::ahead || a.status == pace_status::in_line ||
         a.status == pace_status::behind;
}

report_data build_report_data(const report_input& in) {
  const plan& p = in.plan;
  report_data d;
  d.p = &p;
  d.lang = in.lang;
  d.as_of = in.as_of ? *in.as_of : p.period.last_day();

  // attainment: one assessment per indicator
  evaluation_options eo;
  eo.as_of = d.as_of;
  eo.only = in.options.target_period;
  std::vector<assessment> all = evaluate(p, in.actuals, in.references, eo);
  apply_review(all, in.review);
  d.review = &in.review;
  d.inferences = &in.inferences;
  for (std::size_t k = 0; k < all.size();) {
    std::size_t end = k;
    while (end < all.size() && all[end].indicator == all[k].indicator) ++end;
    d.shown.push_back(all[pick(all, k, end, d.as_of)]);
    k = end;
  }
  d.summary = summarize(p, d.shown);
  d.narrative = narrative(p, d.summary, d.lang);

  // pace within the year: months and quarters that ended by the as-of date
  const auto ended_sub = [&](const period& per) {
    return sub_annual(per) && per.last_day() <= d.as_of;
  };
  observation_set ytd = filtered(in.actuals, ended_sub);
  plan ytd_plan = p;
  ytd_plan.observations = filtered(p.observations, ended_sub);
  if (!ytd.empty() || !ytd_plan.observations.empty()) {
    pace_options po = in.options.pace;
    if (!po.year) po.year = static_cast<int>(d.as_of.year());
    d.pace = assess_pace(ytd_plan, ytd, in.references, po);
    d.pace_measured = static_cast<std::size_t>(std::count_if(
        d.pace.begin(), d.pace.end(), [](const auto& a) { return pace_measured(a); }));
  }

  // trends: the years that ended by the as-of date
  const auto ended = [&](const period& per) { return per.last_day() <= d.as_of; };
  plan past_plan = p;
  past_plan.observations = filtered(p.observations, ended);
  plan_trend_options to = in.options.trend;
  if (!to.target_period) to.target_period = in.options.target_period;
  d.trends = assess_trends(past_plan, filtered(in.actuals, ended), in.references, to);

  // tasks
  if (!p.tasks.empty()) {
    task_eval_options te = in.options.tasks;
    te.only = in.options.task_period ? *in.options.task_period : p.period;
    d.tasks = evaluate_tasks(p, d.as_of, te);
    d.view = link_indicators(p, *d.tasks, d.shown);
    d.task_narrative = task_narrative(*d.tasks, d.lang);
  }

  // rows
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const indicator& ind = p.indicators[k];
    indicator_row row;
    row.ind = &ind;
    row.number = k + 1;
    for (const auto& a : d.shown)
      if (a.indicator == ind.id) row.a = &a;
    if (!row.a) continue;  // evaluate gives every indicator an assessment
    row.tgt = ind.find_target(row.a->period);
    row.obs = in.actuals.find(ind.id, row.a->period, row.a->measure.kind);
    if (!row.obs) row.obs = p.observations.find(ind.id, row.a->period, row.a->measure.kind);
    if (!row.obs) row.obs = in.actuals.find_any(ind.id, row.a->period);
    row.baseline = baseline_in(ind, *row.a);
    for (const auto& t : d.trends)
      if (t.indicator == ind.id && t.series.size() >= 2) row.trend = &t;
    for (const auto& pa : d.pace)
      if (pa.indicator == ind.id && pace_measured(pa)) row.pace = &pa;
    if (d.view)
      for (const auto& v : d.view->indicators)
        if (v.indicator == ind.id && !v.tasks.empty()) row.tasks = &v;
    if (row.trend) ++d.sparklines;
    d.rows.push_back(row);
  }
  return d;
}

}  // namespace planeval::detail
