// Attainment evaluation (docs/design.md sections 5.1 and 5.4).
#include "planeval/core/evaluate.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/evaluator.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace evaluation_detail {

assessment evaluator::run() {
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

}  // namespace evaluation_detail

using evaluation_detail::evaluator;
using evaluation_detail::zh;

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
