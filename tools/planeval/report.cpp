// planeval report: a self-contained HTML dashboard or a Markdown report of a plan as of a date.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/report/report.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

namespace planeval::cli {
namespace {

struct report_cli_options {
  std::string plan_file;
  std::string indicators;
  std::vector<std::string> actuals;
  std::vector<std::string> references;
  std::string tasks;
  std::string as_of;
  std::string period;
  std::string format;
  std::string lang = "zh";
  std::string output;
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

int run_report(const report_cli_options& o) {
  report_input in;
  in.plan = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  const plan& p = in.plan;
  if (!o.tasks.empty()) in.plan.tasks = load_tasks(o.tasks, &p);  // replaces the plan's own
  // several files merge; a value given twice is an error naming the file, never a silent pick
  for (const auto& path : o.actuals) {
    for (const auto& obs : load_actuals(path, &p)) {
      if (in.actuals.find(obs.indicator, obs.per, obs.meas.kind)) {
        location loc;
        loc.file = path;
        loc.indicator = obs.indicator;
        throw model_error(errc::model_duplicate,
                          "a value for " + obs.indicator + " " + obs.per.to_string() +
                              " is given again (already read from an earlier --actuals file)",
                          loc);
      }
      in.actuals.add(obs);
    }
  }
  for (const auto& path : o.references) {
    for (const auto& r : load_references(path, &p)) {
      if (in.references.find(r.indicator, r.per)) {
        location loc;
        loc.file = path;
        loc.indicator = r.indicator;
        throw model_error(errc::model_duplicate,
                          "a reference for " + r.indicator + " " + r.per.to_string() +
                              " is given again (already read from an earlier --references file)",
                          loc);
      }
      in.references.add(r);
    }
  }
  if (!o.as_of.empty()) {
    in.as_of = parse_date(o.as_of);
  } else {
    // today, but not past the end of the plan's period
    const date today = boost::gregorian::day_clock::local_day();
    in.as_of = std::min(today, p.per.last_day());
  }
  if (!o.period.empty()) in.options.target_period = period::parse(o.period);
  in.lang = language_of(o.lang);

  report_format f = report_format::html;
  if (!o.format.empty())
    f = from_string<report_format>(o.format);
  else if (ends_with(o.output, ".md") || ends_with(o.output, ".markdown"))
    f = report_format::markdown;

  if (o.output == "-")
    write_report(std::cout, in, f);
  else
    save_report(o.output, in, f);
  return 0;
}

}  // namespace

void add_report(CLI::App& app, context& ctx) {
  auto o = std::make_shared<report_cli_options>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write a report of the plan as of a date: a self-contained HTML dashboard (charts, no "
      "script, prints on A4) or Markdown");
  auto* plan_opt = cmd->add_option("--plan", o->plan_file,
                                   "Plan file in any format (.json, .pvt, .pvx, .pvb, .csv), with "
                                   "its own observations, references and tasks")
                       ->check(CLI::ExistingFile);
  cmd->add_option("--indicators", o->indicators, "Plan table (CSV) instead of --plan")
      ->check(CLI::ExistingFile)
      ->excludes(plan_opt);
  cmd->add_option("--actuals", o->actuals,
                  "Actual values (CSV): annual, year-to-date (months, quarters) and past years; "
                  "repeat to merge several files")
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", o->references,
                  "Reference values and quotas (CSV); repeat to merge several files")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tasks", o->tasks, "Task table (CSV); replaces the plan file's tasks")
      ->check(CLI::ExistingFile);
  cmd->add_option("--as-of", o->as_of,
                  "As-of date YYYY-MM-DD (default: today, or the end of the plan's period if "
                  "that is earlier)");
  cmd->add_option("--period", o->period,
                  "Judge the targets of this period (default: each indicator's latest target "
                  "started by the as-of date)");
  cmd->add_option("--format", o->format,
                  "html or markdown (default: markdown for an output ending in .md, else html)")
      ->check(CLI::IsMember({"html", "markdown"}));
  add_lang_option(*cmd, o->lang);
  cmd->add_option("-o,--output", o->output,
                  "Output file, written atomically ('-' for standard output)")
      ->required();
  cmd->callback([o, &ctx] {
    if (o->indicators.empty() && o->plan_file.empty())
      throw CLI::RequiredError("--plan or --indicators");
    ctx.exit_code = run_report(*o);
  });
}

}  // namespace planeval::cli
