#pragma once
// Private: what a report shows, computed once through the public APIs and drawn by the HTML
// and Markdown writers.

#include <optional>
#include <string>
#include <vector>

#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/report/report.hpp"

namespace planeval::detail {

/// One indicator of the report with everything known about it. Pointers point into the
/// `report_data` that holds the row.
struct indicator_row {
  const indicator* ind = nullptr;          ///< the indicator
  std::size_t number = 0;                  ///< 1-based position in the plan
  const assessment* a = nullptr;           ///< the assessment shown (never null)
  const target* tgt = nullptr;             ///< its target, when it has one
  const observation* obs = nullptr;        ///< the observation read, when found directly
  std::optional<double> baseline;          ///< the baseline in the assessment's unit
  const indicator_trend* trend = nullptr;  ///< its trend, when the series has two values or more
  const pace_assessment* pace = nullptr;   ///< its pace, when measured (ahead, in line, behind)
  const indicator_view* tasks = nullptr;   ///< the tasks serving it, when the plan has tasks
};

/// Everything a report shows.
struct report_data {
  report_data() = default;
  report_data(const report_data&) = delete;
  report_data& operator=(const report_data&) = delete;
  report_data(report_data&&) = default;
  report_data& operator=(report_data&&) = default;

  const plan* p = nullptr;                  ///< the plan
  language lang = language::zh;             ///< language of the texts
  date as_of;                               ///< the as-of date used
  std::vector<assessment> shown;            ///< one assessment per indicator, plan order
  plan_summary summary;                     ///< summary of `shown`
  std::string narrative;                    ///< the summary paragraph
  std::vector<pace_assessment> pace;        ///< pace of every indicator (empty: no in-year data)
  std::size_t pace_measured = 0;            ///< assessments that are ahead, in line or behind
  std::vector<indicator_trend> trends;      ///< trends of every indicator
  std::size_t sparklines = 0;               ///< indicators with a series of two values or more
  std::optional<task_evaluation> tasks;     ///< the task evaluation (the plan has tasks)
  std::optional<indicator_task_view> view;  ///< indicators next to tasks
  std::string task_narrative;               ///< the task paragraph
  std::vector<indicator_row> rows;          ///< one per indicator, plan order
  const std::vector<review_item>* review = nullptr;           ///< cells kept for review
  const std::vector<import_inference>* inferences = nullptr;  ///< how a table was read
};

/// Computes a report's content.
report_data build_report_data(const report_input& in);

/// True when a pace assessment measured something (ahead, in line or behind).
bool pace_measured(const pace_assessment& a) noexcept;

}  // namespace planeval::detail
