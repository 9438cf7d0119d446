// planeval evaluate: assess a plan's targets against actual values.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/render/evaluation.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {
namespace {

int run_evaluate(const input_options& o) {
  const inputs in = read_inputs(o);
  const plan& p = in.plan;
  evaluation_options opt;
  opt.as_of = in.as_of;
  opt.only = in.period;
  auto assessments = evaluate(p, in.values.actuals, in.values.references, opt);
  apply_review(assessments, in.values.review);
  apply_sources(assessments, in.imported);
  const auto summary = summarize(p, assessments);
  write_output(
      o,
      {[&] { return evaluation_to_json(p, assessments, summary, in.lang); },
       [&](std::ostream& out) { write_evaluation_markdown(out, p, assessments, summary, in.lang); },
       [&](std::ostream& out) { write_evaluation_table(out, p, assessments, summary, in.lang); },
       [&](const std::string& path) {
         save_evaluation_workbook(path, p, assessments, summary, in.lang);
       }});
  return report_review(in);
}

}  // namespace

void add_evaluate(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<input_options>();
  auto* cmd = app.add_subcommand("evaluate", "Evaluate a plan's targets against actual values");
  input_help help;
  help.period = "Evaluate only targets of this period (e.g. 2021; default: every target)";
  help.as_of =
      "Evaluate as of this date (YYYY-MM-DD): a target whose period has not ended is "
      "in progress";
  help.format = "table";
  help.workbook = true;
  add_input_options(*cmd, *opts, help);
  cmd->callback([opts, &ctx] { ctx.exit_code = run_evaluate(*opts); });
}

}  // namespace planeval::cli
