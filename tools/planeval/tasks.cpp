// planeval tasks: the plan's work items as of a date, with the indicators they serve.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"
#include "planeval/render/tasks.hpp"

namespace planeval::cli {
namespace {

struct tasks_options {
  std::string indicators;
  std::string plan_file;
  std::string tasks;
  std::string actuals;
  std::string references;
  std::string as_of;
  std::string period;
  std::string format = "table";
  std::string lang = "zh";
  int due_soon_days = 14;
  double behind_tolerance = 0.1;
};

int run_tasks(const tasks_options& o) {
  // --plan: any plan format, with its own tasks (unless --tasks is given), observations and
  // references
  plan p = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  if (!o.tasks.empty())
    p.tasks = load_tasks(o.tasks, &p);
  else if (p.tasks.empty())
    throw error(errc::usage,
                "the plan " + o.plan_file + " has no tasks: give a task table with --tasks");
  observation_set actuals;
  if (!o.actuals.empty()) actuals = load_actuals(o.actuals, &p);
  reference_set refs;
  if (!o.references.empty()) refs = load_references(o.references, &p);
  const date as_of =
      o.as_of.empty() ? boost::gregorian::day_clock::local_day() : parse_date(o.as_of);

  task_eval_options topt;
  topt.due_soon_days = o.due_soon_days;
  topt.behind_tolerance = o.behind_tolerance;
  if (!o.period.empty()) topt.only = period::parse(o.period);
  const task_evaluation e = evaluate_tasks(p, as_of, topt);

  evaluation_options eopt;
  eopt.as_of = as_of;
  const auto assessments = evaluate(p, actuals, refs, eopt);
  const indicator_task_view view = link_indicators(p, e, assessments);

  const language lang = language_of(o.lang);
  if (o.format == "json") {
    std::cout << task_evaluation_to_json(p, e, &view, lang) << '\n';
  } else if (o.format == "markdown") {
    write_task_evaluation_markdown(std::cout, p, e, &view, lang);
  } else {
    write_task_evaluation_table(std::cout, p, e, &view, lang);
  }
  return 0;
}

}  // namespace

void add_tasks(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<tasks_options>();
  auto* cmd = app.add_subcommand(
      "tasks", "Track the plan's tasks as of a date: progress, overdue, behind and blocked tasks");
  auto* indicators = cmd->add_option("--indicators", opts->indicators,
                                     "Plan table (CSV): id,name_zh,…,target_period,target,note")
                         ->check(CLI::ExistingFile);
  cmd->add_option("--plan", opts->plan_file,
                  "Plan file in any format (.json, .pvt, .pvx, .pvb, .csv) instead of "
                  "--indicators; its own tasks (unless --tasks is given), observations and "
                  "references are used too")
      ->check(CLI::ExistingFile)
      ->excludes(indicators);
  cmd->add_option("--tasks", opts->tasks,
                  "Task table (CSV): id,parent,title_zh,title_en,owner,start,due,status,progress,"
                  "progress_date,deliverable,indicators,depends_on,weight; required with "
                  "--indicators")
      ->check(CLI::ExistingFile);
  cmd->add_option("--actuals", opts->actuals,
                  "Actual values of the indicators (CSV): indicator,period,value[,flags][,note]")
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", opts->references,
                  "Reference values and quotas (CSV): indicator,period,value[,note]")
      ->check(CLI::ExistingFile);
  cmd->add_option("--as-of", opts->as_of, "Evaluate as of this date (YYYY-MM-DD; default: today)");
  cmd->add_option("--period", opts->period,
                  "Report only the areas whose dates overlap this period (e.g. 2021)");
  cmd->add_option("--due-soon-days", opts->due_soon_days,
                  "A task not done is due soon when due within this many days")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--behind-tolerance", opts->behind_tolerance,
                  "A task is behind when its progress trails the time elapsed by more than this "
                  "share")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}))
      ->capture_default_str();
  add_lang_option(*cmd, opts->lang);
  cmd->callback([opts, &ctx] {
    if (opts->indicators.empty() && opts->plan_file.empty())
      throw CLI::RequiredError("--indicators or --plan");
    if (!opts->indicators.empty() && opts->tasks.empty())
      throw CLI::RequiredError("--tasks (with --indicators)");
    ctx.exit_code = run_tasks(*opts);
  });
}

}  // namespace planeval::cli
