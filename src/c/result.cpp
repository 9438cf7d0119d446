// The C API: evaluations (indicators and tasks).
#include <optional>
#include <string>

#include "handles.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/render/evaluation.hpp"
#include "planeval/render/tasks.hpp"
#include "planeval/report/workbook.hpp"

using namespace planeval;
using namespace planeval::c_api;

namespace {

// The C enumeration mirrors planeval::status value for value.
static_assert(PLANEVAL_MET == static_cast<int>(status::met) &&
                  PLANEVAL_EXCEEDED == static_cast<int>(status::exceeded) &&
                  PLANEVAL_NOT_MET == static_cast<int>(status::not_met) &&
                  PLANEVAL_UNDETERMINED == static_cast<int>(status::undetermined) &&
                  PLANEVAL_NO_DATA == static_cast<int>(status::no_data) &&
                  PLANEVAL_NEEDS_REFERENCE == static_cast<int>(status::needs_reference) &&
                  PLANEVAL_NEEDS_JUDGMENT == static_cast<int>(status::needs_judgment) &&
                  PLANEVAL_NO_TARGET == static_cast<int>(status::no_target) &&
                  PLANEVAL_NEEDS_REVIEW == static_cast<int>(status::needs_review) &&
                  status_count == 9,
              "planeval_attainment must match planeval::status");

const planeval_result& result_of(const planeval_result* r) {
  require(r, "result");
  return *r;
}

const assessment& assessment_at(const planeval_result* r, std::size_t index) {
  const auto& res = result_of(r);
  check_index(index, res.assessments.size(), "assessments");
  return res.assessments[index];
}

void optional_number(const std::optional<double>& v, double* out_value, int* out_present,
                     const char* value_name, const char* present_name) {
  require(out_value, value_name);
  require(out_present, present_name);
  *out_present = v ? 1 : 0;
  if (v) *out_value = *v;
}

// The values given, their ids checked against the plan (none when `observations` is NULL).
const input_set& inputs_of(const plan& p, const planeval_observations* observations) {
  static const input_set none;
  if (!observations) return none;
  check_input_ids(p, *observations);
  return *observations;
}

// A text of the assessment at `index` (`text` of it) into `*out`, named `out_name` in messages.
template <class Text>
planeval_status assessment_text(planeval_context* context, const planeval_result* result,
                                std::size_t index, char** out, const char* out_name, Text text) {
  return guarded(context, [&] {
    reset_out(out, out_name);
    *out = duplicate(text(assessment_at(result, index)));
  });
}

std::optional<date> date_of(const char* text) {
  if (!text) return std::nullopt;
  return parse_date(text);
}

}  // namespace

extern "C" {

const char* planeval_attainment_name(planeval_attainment attainment) {
  const int v = static_cast<int>(attainment);
  if (v < 0 || v >= status_count) return "unknown";
  return to_string(static_cast<status>(v));
}

planeval_status planeval_plan_evaluate(planeval_context* context, const planeval_plan* plan,
                                       const planeval_observations* observations, const char* as_of,
                                       const char* per, planeval_result** out_result) {
  return guarded(context, [&] {
    reset_out(out_result, "out_result");
    require(plan, "plan");
    evaluation_options options;
    options.as_of = date_of(as_of);
    if (per) options.only = period::parse(per);
    auto r = std::make_unique<planeval_result>();
    r->p = plan->p;
    const input_set& in = inputs_of(*r->p, observations);
    r->assessments = evaluate(*r->p, in.actuals, in.references, options);
    r->summary = summarize(*r->p, r->assessments);
    *out_result = r.release();
  });
}

void planeval_result_destroy(planeval_result** result) {
  if (!result) return;
  delete *result;
  *result = nullptr;
}

planeval_status planeval_result_count(planeval_context* context, const planeval_result* result,
                                      size_t* out_count) {
  return guarded(context, [&] {
    require(out_count, "out_count");
    *out_count = result_of(result).assessments.size();
  });
}

// planeval_result_NAME(context, result, index, out_NAME): a text of the assessment at `index`
// (one definition for the four text accessors of planeval.h).
#define PLANEVAL_ASSESSMENT_TEXT(NAME, TEXT)                                                       \
  planeval_status planeval_result_##NAME(planeval_context* context, const planeval_result* result, \
                                         size_t index, char** out_##NAME) {                        \
    return assessment_text(context, result, index, out_##NAME, "out_" #NAME,                       \
                           [](const assessment& a) { return TEXT; });                              \
  }

PLANEVAL_ASSESSMENT_TEXT(indicator, a.indicator)
PLANEVAL_ASSESSMENT_TEXT(period, a.period.to_string())
PLANEVAL_ASSESSMENT_TEXT(target, a.target_text)
PLANEVAL_ASSESSMENT_TEXT(actual, a.actual_text)

#undef PLANEVAL_ASSESSMENT_TEXT

planeval_status planeval_result_status(planeval_context* context, const planeval_result* result,
                                       size_t index, planeval_attainment* out_status) {
  return guarded(context, [&] {
    require(out_status, "out_status");
    *out_status = static_cast<planeval_attainment>(assessment_at(result, index).status);
  });
}

planeval_status planeval_result_gap(planeval_context* context, const planeval_result* result,
                                    size_t index, double* out_gap, int* out_has_gap) {
  return guarded(context, [&] {
    const auto& a = assessment_at(result, index);
    optional_number(a.gap, out_gap, out_has_gap, "out_gap", "out_has_gap");
  });
}

planeval_status planeval_result_gap_unit(planeval_context* context, const planeval_result* result,
                                         size_t index, char** out_unit) {
  return assessment_text(context, result, index, out_unit, "out_unit", [](const assessment& a) {
    return a.gap ? a.gap_unit.symbol() : std::string();
  });
}

planeval_status planeval_result_achievement(planeval_context* context,
                                            const planeval_result* result, size_t index,
                                            double* out_achievement, int* out_has_achievement) {
  return guarded(context, [&] {
    const auto& a = assessment_at(result, index);
    optional_number(a.achievement, out_achievement, out_has_achievement, "out_achievement",
                    "out_has_achievement");
  });
}

planeval_status planeval_result_reason(planeval_context* context, const planeval_result* result,
                                       size_t index, planeval_language language,
                                       char** out_reason) {
  return assessment_text(  // language_of may throw: inside the guard
      context, result, index, out_reason, "out_reason",
      [language](const assessment& a) { return a.reason(language_of(language)); });
}

size_t planeval_assessment_field_count(void) { return assessment_field_names().size(); }

const char* planeval_assessment_field_name(size_t field) {
  const auto& names = assessment_field_names();
  return field < names.size() ? names[field].data() : nullptr;  // static strings
}

planeval_status planeval_result_field(planeval_context* context, const planeval_result* result,
                                      size_t index, const char* field, planeval_language language,
                                      char** out_text, int* out_present) {
  return guarded(context, [&] {
    reset_out(out_text, "out_text");
    require(out_present, "out_present");
    require(field, "field");
    const auto& r = result_of(result);
    const auto& a = assessment_at(result, index);
    for (const auto& f : assessment_fields(a, r.p->find(a.indicator), language_of(language))) {
      if (f.name != field) continue;
      *out_present = std::holds_alternative<std::monostate>(f.value) ? 0 : 1;
      if (const auto* text = std::get_if<std::string>(&f.value))
        *out_text = duplicate(*text);
      else if (const auto* number = std::get_if<double>(&f.value))
        *out_text = duplicate(format_number(*number));
      else if (const auto* flag = std::get_if<bool>(&f.value))
        *out_text = duplicate(*flag ? "true" : "false");
      return;
    }
    throw error(errc::usage, "'" + std::string(field) + "' is not a field of an assessment");
  });
}

planeval_status planeval_result_count_status(planeval_context* context,
                                             const planeval_result* result, planeval_attainment st,
                                             size_t* out_count) {
  return guarded(context, [&] {
    require(out_count, "out_count");
    const auto& r = result_of(result);
    const int v = static_cast<int>(st);
    if (v < 0 || v >= status_count)
      throw error(errc::usage, "status " + std::to_string(v) + " is not a planeval_attainment");
    *out_count = r.summary.by_status[static_cast<status>(v)];
  });
}

planeval_status planeval_result_narrative(planeval_context* context, const planeval_result* result,
                                          planeval_language language, char** out_narrative) {
  return guarded(context, [&] {
    reset_out(out_narrative, "out_narrative");
    const auto& r = result_of(result);
    *out_narrative = duplicate(narrative(*r.p, r.summary, language_of(language)));
  });
}

planeval_status planeval_result_to_json(planeval_context* context, const planeval_result* result,
                                        planeval_language language, char** out_json) {
  return guarded(context, [&] {
    reset_out(out_json, "out_json");
    const auto& r = result_of(result);
    *out_json =
        duplicate(evaluation_to_json(*r.p, r.assessments, r.summary, language_of(language)));
  });
}

planeval_status planeval_result_save_workbook(planeval_context* context,
                                              const planeval_result* result,
                                              planeval_language language, const char* path) {
  return guarded(context, [&] {
    require(path, "path");
    const auto& r = result_of(result);
    save_evaluation_workbook(path, *r.p, r.assessments, r.summary, language_of(language));
  });
}

planeval_status planeval_plan_evaluate_tasks(planeval_context* context, const planeval_plan* plan,
                                             const planeval_observations* observations,
                                             const char* as_of, planeval_language language,
                                             char** out_json) {
  return guarded(context, [&] {
    reset_out(out_json, "out_json");
    require(plan, "plan");
    require(as_of, "as_of");
    const auto lang = language_of(language);
    const planeval::plan& p = *plan->p;
    const date day = parse_date(as_of);
    const input_set& in = inputs_of(p, observations);
    task_eval_options topt;
    topt.only = default_task_period(p);
    const task_evaluation e = evaluate_tasks(p, day, topt);
    evaluation_options options;
    options.as_of = day;
    const auto assessments = evaluate(p, in.actuals, in.references, options);
    const indicator_task_view view = link_indicators(p, e, assessments);
    *out_json = duplicate(task_evaluation_to_json(p, e, &view, lang));
  });
}

}  // extern "C"
