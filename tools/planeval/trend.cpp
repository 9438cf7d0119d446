// planeval trend: will each target be reached on time? The SDG progress method (ratio of
// observed to required growth) and a projection to the target year.
#include <iostream>
#include <memory>

#include "analytics_options.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/error.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {
namespace {

struct trend_cli_options {
  input_options in;
  int base_year = 0;
  std::string model = "linear";
  double discount = 1.0;
  double confidence = 0.95;
  std::vector<std::string> limits;
  std::vector<std::string> growth_rate;
  std::vector<std::string> level;
};

int run_trend(const trend_cli_options& o) {
  const inputs in = read_inputs(o.in);
  const plan& p = in.plan;
  plan_trend_options opt;
  if (o.base_year != 0) opt.trend.base_year = o.base_year;
  opt.target_period = in.period;
  opt.projection.model = from_string<fit_model>(enum_name(o.model));
  opt.projection.discount = o.discount;
  opt.projection.confidence = o.confidence;
  opt.series = series_overrides(p, o.growth_rate, o.level);
  for (const auto& l : o.limits) {
    const auto eq = l.find('=');
    if (eq == std::string::npos || eq == 0)
      throw error(errc::usage, "--limit takes ID=VALUE, e.g. one_network_access_rate=100");
    const std::string id = l.substr(0, eq);
    if (!p.find(id)) throw error(errc::usage, "--limit: no indicator '" + id + "' in the plan");
    try {
      opt.limits[id] = std::stod(l.substr(eq + 1));
    } catch (const std::exception&) {
      throw error(errc::usage, "--limit: '" + l.substr(eq + 1) + "' is not a number");
    }
  }
  const auto result = assess_trends(p, in.values.actuals, in.values.references, opt);
  write_output(o.in,
               {[&] { return trends_to_json(p, result, in.lang); },
                [&](std::ostream& out) { write_trend_markdown(out, p, result, in.lang); },
                [&](std::ostream& out) { write_trend_table(out, p, result, in.lang); },
                [&](const std::string& path) { save_trend_workbook(path, p, result, in.lang); }});
  return report_review(in);
}

}  // namespace

void add_trend(CLI::App& app, context& ctx) {
  auto o = std::make_shared<trend_cli_options>();
  auto* cmd = app.add_subcommand(
      "trend", "Trend toward each target (SDG progress method) and a projection to its year");
  input_help help;
  help.period = "Judge the targets of this period (default: each indicator's latest)";
  help.period_alias = "--target-period";
  help.format = "table";
  help.workbook = true;
  add_input_options(*cmd, o->in, help);
  cmd->add_option("--base-year", o->base_year, "Base year (default: the first year with a value)");
  cmd->add_option("--model", o->model, "Projection model")
      ->check(CLI::IsMember({"linear", "log-linear", "log_linear"}))
      ->capture_default_str();
  cmd->add_option("--discount", o->discount,
                  "Recency weighting: a year k years before the latest weighs discount^k")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--confidence", o->confidence, "Coverage of the prediction interval")
      ->check(CLI::Range(0.5, 0.999))
      ->capture_default_str();
  cmd->add_option("--limit", o->limits,
                  "Natural limit of an indicator for the no-target method, ID=VALUE (repeatable)");
  add_series_options(*cmd, o->growth_rate, o->level);
  cmd->callback([o, &ctx] { ctx.exit_code = run_trend(*o); });
}

}  // namespace planeval::cli
