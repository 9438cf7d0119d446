// planeval batch: many units at once from a long table (unit,indicator,period,value[,flags]),
// read in a stream into the batch store and judged by the batch kernels, texts and the rules the
// kernels do not compute by the per-indicator evaluator (io/long_table.hpp).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/long_table.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/render/batch.hpp"

namespace planeval::cli {
namespace {

struct batch_cli_options {
  std::string plan_file;
  std::string observations;
  std::string references;
  std::string period;
  unsigned threads = 0;
  bool strict = false;
  std::string format = "table";
  std::string output;
  std::string lang = "zh";
};

int run_batch(const batch_cli_options& o) {
  const plan p = load_plan(o.plan_file);
  std::optional<period> target_period;
  if (!o.period.empty()) target_period = period::parse(o.period);
  long_table_options lo;
  lo.strict = o.strict;
  const long_table t = read_long_table(o.observations, p, lo);
  batch_targets targets(p, t.store, target_period, /*defer_unsupported=*/true);
  std::optional<long_table> refs;
  if (!o.references.empty()) {
    refs = read_long_table(o.references, p, lo);
    set_long_references(targets, t, *refs, target_period ? *target_period : p.period);
    for (const auto& problem : refs->problems)
      std::cerr << "planeval batch: reference row not read: [planeval." << to_string(problem.code)
                << "] " << problem.where.file << ":" << problem.where.line << ":"
                << problem.where.column << ": " << problem.message << '\n';
  }
  batch_options bo;
  bo.threads = o.threads;
  const batch_result r =
      evaluate_long_table(t, p, targets, target_period, bo, refs ? &*refs : nullptr);
  const long_table_summary s = summarise_long_table(t, r);
  for (const auto& problem : t.problems)
    std::cerr << "planeval batch: row not read: [planeval." << to_string(problem.code) << "] "
              << problem.where.file << ":" << problem.where.line << ":" << problem.where.column
              << ": " << problem.message << '\n';
  if (t.bad_rows > t.problems.size())
    std::cerr << "planeval batch: " << (t.bad_rows - t.problems.size()) << " more rows not read\n";
  const language lang = language_of(o.lang);
  input_options io;
  io.format = o.format;
  io.output = o.output;
  output_writers w;
  w.json = [&] { return batch_to_json(t, s); };
  w.markdown = [&](std::ostream& out) { write_batch_summary(out, t, s, lang, true); };
  // every other format is written by `table`: csv, or the text summary
  w.table = [&](std::ostream& out) {
    if (o.format == "csv")
      write_batch_csv(out, t, r);
    else
      write_batch_summary(out, t, s, lang, false);
  };
  write_output(io, w);
  return t.bad_rows > 0 || (refs && refs->bad_rows > 0) ? exit_failed : 0;
}

}  // namespace

void add_batch(CLI::App& app, context& ctx) {
  auto o = std::make_shared<batch_cli_options>();
  auto* cmd = app.add_subcommand(
      "batch",
      "Evaluate many units at once from a long table (unit,indicator,period,value[,flags]): "
      "counts by status, unit and indicator, and the units ranked by share met");
  cmd->add_option("--plan", o->plan_file, "Plan (JSON, archive or CSV plan table)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--observations", o->observations,
                  "Long table (CSV): unit, indicator, period, value and optionally flags; a value "
                  "is a number or an observation text (95以上, 增长6.5%, 达标)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--references", o->references,
                  "Each unit's reference values (CSV: unit, indicator, period, value) for the "
                  "targets that name one (全市目标, 市下达指标)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--period", o->period,
                  "The target of each indicator to judge by (default: the plan period's, else "
                  "its first); every period of the table is judged by it");
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--strict", o->strict, "Fail at the first row that cannot be read");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "File to write (atomically); default standard output");
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &ctx] { ctx.exit_code = run_batch(*o); });
}

}  // namespace planeval::cli
