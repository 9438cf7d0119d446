// planeval trend: will each target be reached on time? The SDG progress method (ratio of
// observed to required growth) and a projection to the target year.
#include <iostream>
#include <memory>

#include "analytics_options.hpp"
#include "commands.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/error.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"

namespace planeval::cli {
namespace {

struct trend_cli_options {
  std::string indicators;
  std::string plan_file;
  std::string actuals;
  std::string references;
  int base_year = 0;
  std::string target_period;
  std::string model = "linear";
  double discount = 1.0;
  double confidence = 0.95;
  std::vector<std::string> limits;
  std::vector<std::string> growth_rate;
  std::vector<std::string> level;
  std::string format = "table";
  std::string lang = "zh";
};

int run_trend(const trend_cli_options& o) {
  // --plan: any plan format, with its own observations and references
  const plan p = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  observation_set actuals;
  if (!o.actuals.empty()) actuals = load_actuals(o.actuals, &p);
  reference_set refs;
  if (!o.references.empty()) refs = load_references(o.references, &p);
  plan_trend_options opt;
  if (o.base_year != 0) opt.trend.base_year = o.base_year;
  if (!o.target_period.empty()) opt.target_period = period::parse(o.target_period);
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
  const auto result = assess_trends(p, actuals, refs, opt);
  const language lang = language_of(o.lang);
  if (o.format == "json")
    std::cout << trends_to_json(p, result, lang) << '\n';
  else if (o.format == "markdown")
    write_trend_markdown(std::cout, p, result, lang);
  else
    write_trend_table(std::cout, p, result, lang);
  return 0;
}

}  // namespace

void add_trend(CLI::App& app, context& ctx) {
  auto o = std::make_shared<trend_cli_options>();
  auto* cmd = app.add_subcommand(
      "trend", "Trend toward each target (SDG progress method) and a projection to its year");
  auto* indicators =
      cmd->add_option("--indicators", o->indicators, "Plan table (CSV)")->check(CLI::ExistingFile);
  cmd->add_option("--plan", o->plan_file,
                  "Plan file in any format (.json, .pvt, .pvx, .pvb, .csv) instead of "
                  "--indicators; its own observations and references are used too")
      ->check(CLI::ExistingFile)
      ->excludes(indicators);
  cmd->add_option("--actuals", o->actuals, "Annual values (CSV): indicator,period,value")
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", o->references, "Reference values and quotas (CSV)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--base-year", o->base_year, "Base year (default: the first year with a value)");
  cmd->add_option("--target-period", o->target_period,
                  "Judge the targets of this period (default: each indicator's latest)");
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
  add_format_option(*cmd, o->format);
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &ctx] {
    if (o->indicators.empty() && o->plan_file.empty())
      throw CLI::RequiredError("--indicators or --plan");
    ctx.exit_code = run_trend(*o);
  });
}

}  // namespace planeval::cli
