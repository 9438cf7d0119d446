// planeval import: a plan table as published (CSV/TSV, HTML) to a plan file, its results to an
// actuals table, and the import report (docs/importing.md).
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"

namespace planeval::cli {
namespace {

struct import_command_options {
  std::string table;
  std::string out;
  std::string actuals_out;
  bool explain = false;
  std::string lang = "zh";
  input_options block;  // --table-index, --encoding, --overrides, --strict, --title, --issuer
};

int run_import(const import_command_options& o) {
  const import_result r = import_table(o.table, import_options_of(o.block));
  if (o.explain) std::cout << explain(r, language_of(o.lang));
  if (!o.out.empty()) {
    plan p = r.plan;
    if (o.actuals_out.empty())  // the results travel with the plan when not written apart
      for (const auto& a : r.actuals) p.observations.add(a);
    save_plan(p, o.out);
  }
  if (!o.actuals_out.empty()) save_actuals(r.actuals, o.actuals_out);
  std::cerr << "planeval import: " << r.plan.indicators.size() << " indicators, "
            << r.actuals.size() << " results, " << r.review.size() << " cells to review, "
            << r.inferences.size() << " inferences (--explain lists them)\n";
  return report_review(r.review, r.plan);
}

}  // namespace

void add_import(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<import_command_options>();
  auto* cmd = app.add_subcommand(
      "import", "Import a plan table as published (CSV/TSV in UTF-8 or GB18030, HTML) into a plan");
  cmd->add_option("table", opts->table, "The table file")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->out,
                  "Plan file to write (.json, .pvt, .pvx, .pvb; with the results unless "
                  "--actuals-out)");
  cmd->add_option("--actuals-out", opts->actuals_out,
                  "Write the published results as an actuals table (CSV)");
  cmd->add_flag("--explain", opts->explain,
                "Print every inference with its reason and every cell kept for review");
  add_lang_option(*cmd, opts->lang);
  add_table_options(*cmd, opts->block);
  cmd->add_option("--title", opts->block.title, "Plan title (instead of the table's title rows)");
  cmd->add_option("--issuer", opts->block.issuer, "Issuing body");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_import(*opts); });
}

}  // namespace planeval::cli
