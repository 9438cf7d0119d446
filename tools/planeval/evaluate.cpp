// planeval evaluate: assess a plan's targets against actual values.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/render/evaluation.hpp"

namespace planeval::cli {
namespace {

struct evaluate_options {
  std::string indicators;
  std::string plan_file;
  std::string actuals;
  std::string references;
  std::string as_of;
  std::string period;
  std::string format = "table";
  std::string lang = "zh";
};

int run_evaluate(const evaluate_options& o) {
  // --plan: any plan format, with its own observations and references (--actuals and
  // --references are looked up first)
  const plan p = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  observation_set actuals;
  if (!o.actuals.empty()) actuals = load_actuals(o.actuals, &p);
  reference_set refs;
  if (!o.references.empty()) refs = load_references(o.references, &p);
  evaluation_options opt;
  if (!o.as_of.empty()) opt.as_of = parse_date(o.as_of);
  if (!o.period.empty()) opt.only = period::parse(o.period);
  const auto assessments = evaluate(p, actuals, refs, opt);
  const auto summary = summarize(p, assessments);
  const language lang = language_of(o.lang);
  if (o.format == "json") {
    std::cout << evaluation_to_json(p, assessments, summary, lang) << '\n';
  } else if (o.format == "markdown") {
    write_evaluation_markdown(std::cout, p, assessments, summary, lang);
  } else {
    write_evaluation_table(std::cout, p, assessments, summary, lang);
  }
  return 0;
}

}  // namespace

void add_evaluate(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<evaluate_options>();
  auto* cmd = app.add_subcommand("evaluate", "Evaluate a plan's targets against actual values");
  auto* indicators = cmd->add_option("--indicators", opts->indicators,
                                     "Plan table (CSV): id,name_zh,…,target_period,target,note")
                         ->check(CLI::ExistingFile);
  cmd->add_option("--plan", opts->plan_file,
                  "Plan file in any format (.json, .pvt, .pvx, .pvb, .csv) instead of "
                  "--indicators; its own observations and references are used too")
      ->check(CLI::ExistingFile)
      ->excludes(indicators);
  cmd->add_option("--actuals", opts->actuals,
                  "Actual values (CSV): indicator,period,value[,flags][,note]")
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", opts->references,
                  "Reference values and quotas (CSV): indicator,period,value[,note]")
      ->check(CLI::ExistingFile);
  cmd->add_option("--as-of", opts->as_of, "Evaluate as of this date (YYYY-MM-DD)");
  cmd->add_option("--period", opts->period, "Evaluate only targets of this period (e.g. 2021)");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}))
      ->capture_default_str();
  add_lang_option(*cmd, opts->lang);
  cmd->callback([opts, &ctx] {
    if (opts->indicators.empty() && opts->plan_file.empty())
      throw CLI::RequiredError("--indicators or --plan");
    ctx.exit_code = run_evaluate(*opts);
  });
}

}  // namespace planeval::cli
