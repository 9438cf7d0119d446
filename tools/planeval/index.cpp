// planeval index: a composite index over units × indicators with ranks and a sensitivity
// analysis (OECD/JRC Handbook on Constructing Composite Indicators).
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "analytics_options.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/analytics/composite.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/render/analytics.hpp"

namespace planeval::cli {
namespace {

struct index_cli_options {
  std::string matrix;
  std::string normalisation = "min-max";
  std::string weights = "equal";
  std::size_t components = 0;
  std::string aggregation = "arithmetic";
  double floor = 0.0;
  std::string missing = "reweight";
  std::vector<std::string> lower;
  std::size_t replications = 0;
  std::uint64_t seed = 1;
  double spread = 0.5;
  std::vector<std::string> vary;
  unsigned threads = 1;
  std::string format = "table";
  std::string lang = "zh";
};

int run_index(const index_cli_options& o) {
  index_matrix m = load_index_matrix(o.matrix);
  for (const auto& id : o.lower) {
    auto it = std::find_if(m.indicators.begin(), m.indicators.end(),
                           [&](const index_indicator& i) { return i.id == id; });
    if (it == m.indicators.end())
      throw error(errc::usage, "--lower: no indicator '" + id + "' in the matrix");
    it->polarity = polarity::lower;
  }
  index_options opt;
  opt.normalisation = from_string<normalisation>(enum_name(o.normalisation));
  opt.weights = from_string<weighting>(enum_name(o.weights));
  opt.pca_components = o.components;
  opt.aggregation = from_string<aggregation>(enum_name(o.aggregation));
  opt.geometric_floor = o.floor;
  opt.missing = from_string<missing_rule>(enum_name(o.missing));
  const index_result r = compute_index(m, opt);
  sensitivity_options so;
  so.replications = o.replications;
  so.seed = o.seed;
  so.weight_spread = o.spread;
  so.threads = o.threads;
  for (const auto& n : o.vary)
    so.normalisations.push_back(from_string<normalisation>(enum_name(n)));
  std::optional<sensitivity_result> s;
  if (o.replications > 0) s = analyse_sensitivity(m, opt, so);
  const language lang = language_of(o.lang);
  const sensitivity_result* sp = s ? &*s : nullptr;
  write_output(o.format, {[&] { return index_to_json(m, opt, r, sp, so, lang); },
                          [&](std::ostream& out) { write_index_markdown(out, m, r, sp, lang); },
                          [&](std::ostream& out) { write_index_table(out, m, r, sp, lang); },
                          {}});
  return 0;
}

}  // namespace

void add_index(CLI::App& app, context& ctx) {
  auto o = std::make_shared<index_cli_options>();
  auto* cmd = app.add_subcommand(
      "index", "Composite index of units × indicators: scores, ranks and a sensitivity analysis");
  cmd->add_option("--matrix", o->matrix,
                  "Index matrix (CSV): unit column, one column per indicator id; optional rows "
                  "#polarity, #weight, #goal_low, #goal_high, #target, #name_zh, #name_en")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--normalisation", o->normalisation, "Normalisation")
      ->check(CLI::IsMember({"min-max", "z-score", "goalposts", "distance-to-target", "min_max",
                             "z_score", "distance_to_target"}))
      ->capture_default_str();
  cmd->add_option("--weights", o->weights, "Weights: equal, given (#weight row) or pca")
      ->check(CLI::IsMember({"equal", "given", "pca"}))
      ->capture_default_str();
  cmd->add_option("--components", o->components,
                  "Principal components for pca weights (0: eigenvalue > 1)")
      ->capture_default_str();
  cmd->add_option("--aggregation", o->aggregation, "Aggregation")
      ->check(CLI::IsMember({"arithmetic", "geometric"}))
      ->capture_default_str();
  cmd->add_option("--floor", o->floor,
                  "Geometric aggregation: raise normalised values below this floor to it")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--missing", o->missing, "Missing values: reweight or fail")
      ->check(CLI::IsMember({"reweight", "fail"}))
      ->capture_default_str();
  cmd->add_option("--lower", o->lower, "Indicator ids where lower is better (overrides #polarity)")
      ->delimiter(',');
  cmd->add_option("--replications", o->replications,
                  "Sensitivity analysis: number of replications (0: none)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the sensitivity analysis")->capture_default_str();
  cmd->add_option("--spread", o->spread,
                  "Each weight is multiplied by a uniform factor in [1 - spread, 1 + spread)")
      ->check(CLI::Range(0.0, 0.99))
      ->capture_default_str();
  cmd->add_option("--vary-normalisation", o->vary,
                  "Also draw the normalisation from this list in each replication")
      ->delimiter(',')
      ->check(CLI::IsMember({"min-max", "z-score", "goalposts", "distance-to-target", "min_max",
                             "z_score", "distance_to_target"}));
  cmd->add_option("--threads", o->threads, "Threads for the sensitivity analysis (0: all)")
      ->capture_default_str();
  add_format_option(*cmd, o->format);
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &ctx] { ctx.exit_code = run_index(*o); });
}

}  // namespace planeval::cli
