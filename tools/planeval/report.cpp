// planeval report: a self-contained HTML dashboard, a Markdown report or a Word document of a
// plan as of a date.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/tasks.hpp"
#include "planeval/report/report.hpp"

namespace planeval::cli {
namespace {

struct report_cli_options {
  input_options in;
  std::string output;
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

int run_report(const report_cli_options& o) {
  report_format f = report_format::html;
  if (!o.in.format.empty())
    f = from_string<report_format>(o.in.format);
  else if (ends_with(o.output, ".md") || ends_with(o.output, ".markdown"))
    f = report_format::markdown;
  else if (ends_with(o.output, ".docx"))
    f = report_format::docx;

  if (o.output == "-" && f == report_format::docx)
    throw error(errc::usage,
                "--format docx writes a binary file: give it with -o FILE.docx, not '-' "
                "(standard output)");

  inputs read = read_inputs(o.in);
  report_input in;
  in.plan = std::move(read.plan);
  in.actuals = std::move(read.values.actuals);
  in.references = std::move(read.values.references);
  in.as_of =
      read.as_of ? *read.as_of : default_as_of(in.plan, boost::gregorian::day_clock::local_day());
  in.options.target_period = read.period;
  in.options.task_period = default_task_period(in.plan);
  in.lang = read.lang;
  in.review = read.values.review;
  in.inferences = read.imported.inferences;

  if (o.output == "-")
    write_report(std::cout, in, f);
  else
    save_report(o.output, in, f);
  return report_review(in.review, in.plan);
}

}  // namespace

void add_report(CLI::App& app, context& ctx) {
  auto o = std::make_shared<report_cli_options>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write a report of the plan as of a date: a self-contained HTML dashboard (charts, no "
      "script, prints on A4), Markdown, or a Word document (.docx) of the narrative, the "
      "indicator table and the binding indicators not met");
  input_help help;
  help.tasks = "Task table (CSV); replaces the plan file's tasks";
  help.period =
      "Judge the targets of this period (default: each indicator's latest target started by the "
      "as-of date)";
  help.as_of =
      "As-of date YYYY-MM-DD (default: today, or the end of the plan's period if that "
      "is earlier)";
  help.formats = {"html", "markdown", "docx"};
  help.format_help =
      "html, markdown or docx (default: markdown for an output ending in .md, docx for .docx, "
      "else html; docx only to a file)";
  add_input_options(*cmd, o->in, help);
  cmd->add_option("-o,--output", o->output,
                  "Output file, written atomically ('-' for standard output, not for docx)")
      ->required();
  cmd->callback([o, &ctx] { ctx.exit_code = run_report(*o); });
}

}  // namespace planeval::cli
