// planeval pace: the share of each annual target done so far against the share of the year
// elapsed (时序进度).
#include <iostream>
#include <memory>

#include "analytics_options.hpp"
#include "commands.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"

namespace planeval::cli {
namespace {

struct pace_cli_options {
  std::string indicators;
  std::string plan_file;
  std::string actuals;
  std::string references;
  std::string as_of;
  int year = 0;
  std::string basis = "months";
  double tolerance = 2.0;
  std::string values = "automatic";
  std::vector<std::string> growth_rate;
  std::vector<std::string> level;
  std::string format = "table";
  std::string lang = "zh";
};

int run_pace(const pace_cli_options& o) {
  // --plan: any plan format, with its own observations and references
  const plan p = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  observation_set actuals;
  if (!o.actuals.empty()) actuals = load_actuals(o.actuals, &p);
  reference_set refs;
  if (!o.references.empty()) refs = load_references(o.references, &p);
  pace_options opt;
  if (!o.as_of.empty()) opt.as_of = parse_date(o.as_of);
  if (o.year != 0) opt.year = o.year;
  opt.basis = o.basis == "days" ? elapsed_basis::days : elapsed_basis::months;
  opt.tolerance_points = o.tolerance;
  opt.values = from_string<ytd_values>(enum_name(o.values));
  opt.series = series_overrides(p, o.growth_rate, o.level);
  const auto result = assess_pace(p, actuals, refs, opt);
  const language lang = language_of(o.lang);
  if (o.format == "json")
    std::cout << pace_to_json(p, result, lang) << '\n';
  else if (o.format == "markdown")
    write_pace_markdown(std::cout, p, result, lang);
  else
    write_pace_table(std::cout, p, result, lang);
  return 0;
}

}  // namespace

void add_pace(CLI::App& app, context& ctx) {
  auto o = std::make_shared<pace_cli_options>();
  auto* cmd = app.add_subcommand(
      "pace",
      "Pace within the year (时序进度): share of each annual target done so far against "
      "the share of the year elapsed");
  auto* indicators =
      cmd->add_option("--indicators", o->indicators, "Plan table (CSV)")->check(CLI::ExistingFile);
  cmd->add_option("--plan", o->plan_file,
                  "Plan file in any format (.json, .pvt, .pvx, .pvb, .csv) instead of "
                  "--indicators; its own observations and references are used too")
      ->check(CLI::ExistingFile)
      ->excludes(indicators);
  cmd->add_option("--actuals", o->actuals,
                  "Year-to-date values (CSV): monthly 2021-05 or quarterly 2021-Q2 periods; "
                  "累计 marks a cumulative value")
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", o->references, "Reference values and quotas (CSV)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--as-of", o->as_of,
                  "As-of date YYYY-MM-DD (default: the end of each indicator's latest month or "
                  "quarter)");
  cmd->add_option("--year", o->year, "The year assessed (default: the as-of date's)");
  cmd->add_option("--basis", o->basis, "Elapsed share counted in whole months or in days")
      ->check(CLI::IsMember({"months", "days"}))
      ->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance,
                  "Tolerance in percentage points (anticipatory ±, binding + only)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--values", o->values,
                  "How flow values are reported: automatic (累计 = cumulative), per-period, "
                  "cumulative")
      ->check(CLI::IsMember({"automatic", "per-period", "per_period", "cumulative"}))
      ->capture_default_str();
  add_series_options(*cmd, o->growth_rate, o->level);
  add_format_option(*cmd, o->format);
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &ctx] {
    if (o->indicators.empty() && o->plan_file.empty())
      throw CLI::RequiredError("--indicators or --plan");
    ctx.exit_code = run_pace(*o);
  });
}

}  // namespace planeval::cli
