// planeval pace: the share of each annual target done so far against the share of the year
// elapsed (时序进度).
#include <iostream>
#include <memory>

#include "analytics_options.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/core/error.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {
namespace {

struct pace_cli_options {
  input_options in;
  int year = 0;
  std::string basis = "months";
  double tolerance = 2.0;
  std::string values = "automatic";
  std::vector<std::string> growth_rate;
  std::vector<std::string> level;
};

int run_pace(const pace_cli_options& o) {
  const inputs in = read_inputs(o.in);
  const plan& p = in.plan;
  pace_options opt;
  opt.as_of = in.as_of;
  if (in.period) {
    if (in.period->kind() != period_kind::year)
      throw error(errc::usage,
                  "--period: pace is assessed for a year, not " + in.period->to_string());
    opt.year = in.period->first_year();
  }
  if (o.year != 0) opt.year = o.year;
  opt.basis = o.basis == "days" ? elapsed_basis::days : elapsed_basis::months;
  opt.tolerance_points = o.tolerance;
  opt.values = from_string<ytd_values>(enum_name(o.values));
  opt.series = series_overrides(p, o.growth_rate, o.level);
  const auto result = assess_pace(p, in.values.actuals, in.values.references, opt);
  write_output(o.in,
               {[&] { return pace_to_json(p, result, in.lang); },
                [&](std::ostream& out) { write_pace_markdown(out, p, result, in.lang); },
                [&](std::ostream& out) { write_pace_table(out, p, result, in.lang); },
                [&](const std::string& path) { save_pace_workbook(path, p, result, in.lang); }});
  return report_review(in);
}

}  // namespace

void add_pace(CLI::App& app, context& ctx) {
  auto o = std::make_shared<pace_cli_options>();
  auto* cmd = app.add_subcommand(
      "pace",
      "Pace within the year (时序进度): share of each annual target done so far against "
      "the share of the year elapsed");
  input_help help;
  help.period = "The year assessed, e.g. 2021 (default: the as-of date's)";
  help.as_of =
      "As-of date YYYY-MM-DD (default: the end of each indicator's latest month or "
      "quarter)";
  help.format = "table";
  help.workbook = true;
  add_input_options(*cmd, o->in, help);
  cmd->add_option("--year", o->year, "The year assessed, as a number (as --period)");
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
  cmd->callback([o, &ctx] { ctx.exit_code = run_pace(*o); });
}

}  // namespace planeval::cli
