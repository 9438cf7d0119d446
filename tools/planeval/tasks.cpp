// planeval tasks: the plan's work items as of a date, with the indicators they serve.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/tasks.hpp"
#include "planeval/render/tasks.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {
namespace {

struct tasks_options {
  input_options in;
  int due_soon_days = 14;
  double behind_tolerance = 0.1;
};

int run_tasks(const tasks_options& o) {
  if (!o.in.indicators.empty() && o.in.tasks.empty())
    throw CLI::RequiredError("--tasks (with --indicators)");
  const inputs in = read_inputs(o.in);
  const plan& p = in.plan;
  if (p.tasks.empty())
    throw error(errc::usage,
                "the plan " + o.in.plan_file + " has no tasks: give a task table with --tasks");
  const date as_of = as_of_or_default(in);

  task_eval_options topt;
  topt.due_soon_days = o.due_soon_days;
  topt.behind_tolerance = o.behind_tolerance;
  topt.only = in.period ? *in.period : default_task_period(p);
  const task_evaluation e = evaluate_tasks(p, as_of, topt);

  evaluation_options eopt;
  eopt.as_of = as_of;
  const auto assessments = evaluate(p, in.values.actuals, in.values.references, eopt);
  const indicator_task_view view = link_indicators(p, e, assessments);

  write_output(
      o.in, {[&] { return task_evaluation_to_json(p, e, &view, in.lang); },
             [&](std::ostream& out) { write_task_evaluation_markdown(out, p, e, &view, in.lang); },
             [&](std::ostream& out) { write_task_evaluation_table(out, p, e, &view, in.lang); },
             [&](const std::string& path) { save_task_workbook(path, p, e, in.lang); }});
  return report_review(in);
}

}  // namespace

void add_tasks(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<tasks_options>();
  auto* cmd = app.add_subcommand(
      "tasks", "Track the plan's tasks as of a date: progress, overdue, behind and blocked tasks");
  input_help help;
  help.tasks =
      "Task table (CSV): id,parent,title_zh,title_en,owner,start,due,status,progress,"
      "progress_date,deliverable,indicators,depends_on,weight; replaces the plan's tasks; "
      "required with --indicators";
  help.period =
      "Report only the areas whose dates overlap this period (default: the plan's period)";
  help.as_of =
      "As-of date YYYY-MM-DD (default: today, or the end of the plan's period if that "
      "is earlier)";
  help.format = "table";
  help.workbook = true;
  add_input_options(*cmd, opts->in, help);
  cmd->add_option("--due-soon-days", opts->due_soon_days,
                  "A task not done is due soon when due within this many days")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--behind-tolerance", opts->behind_tolerance,
                  "A task is behind when its progress trails the time elapsed by more than this "
                  "share")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->callback([opts, &ctx] { ctx.exit_code = run_tasks(*opts); });
}

}  // namespace planeval::cli
