// planeval batch: many units at once from a long table (unit,indicator,period,value[,flags]),
// read in a stream into the batch store and judged by the batch kernels, texts and the rules the
// kernels do not compute by the per-indicator evaluator (io/long_table.hpp).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/long_table.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/render/batch.hpp"
#include "planeval/report/batch_report.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {
namespace {

// A progress line on stderr while the long table is read, for inputs that take more than a
// second: only when stderr is a terminal (`auto`), or always or never; rewritten in place and
// cleared at the end (on a terminal) or ended with a line break.
class progress_line {
 public:
  explicit progress_line(const std::string& mode)
      : terminal_(isatty(STDERR_FILENO) != 0),
        on_(mode == "always" || (mode == "auto" && terminal_)),
        wait_(mode != "always"),
        start_(std::chrono::steady_clock::now()) {}
  progress_line(const progress_line&) = delete;
  progress_line& operator=(const progress_line&) = delete;
  ~progress_line() { finish(); }
  void operator()(std::uint64_t done, std::uint64_t total) {
    if (!on_ || total == 0) return;
    if (wait_ && std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
    const auto percent = static_cast<int>(std::min<std::uint64_t>(100, done * 100 / total));
    if (percent == last_) return;
    last_ = percent;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    std::cerr << "\rplaneval batch: reading [" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << percent
              << "% of " << size_text(total / 2) << std::flush;
    shown_ = true;
  }
  static std::string size_text(std::uint64_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MiB";
    return std::to_string((bytes + 512) / 1024) + " KiB";
  }
  void finish() {
    if (!shown_) return;
    shown_ = false;
    std::cerr << (terminal_ ? "\r\033[K" : "\n") << std::flush;
  }

 private:
  bool terminal_;
  bool on_;
  bool wait_;
  std::chrono::steady_clock::time_point start_;
  int last_ = -1;
  bool shown_ = false;
};

struct batch_cli_options {
  std::string plan_file;
  std::string observations;
  std::string references;
  std::string unit_targets;
  std::string period;
  unsigned threads = 0;
  bool strict = false;
  std::string format = "table";
  std::string output;
  std::string lang = "zh";
  std::string progress = "auto";
};

void report_problem(const char* what, const long_table_problem& problem) {
  std::cerr << "planeval batch: " << what << ": [planeval." << to_string(problem.code) << "] "
            << problem.where.to_string() << ": " << problem.message << '\n';
}

int run_batch(const batch_cli_options& o) {
  const plan p = load_plan(o.plan_file);
  std::optional<period> target_period;
  if (!o.period.empty()) target_period = period::parse(o.period);
  long_table_options lo;
  lo.strict = o.strict;
  progress_line bar(o.progress);
  lo.progress = [&bar](std::uint64_t done, std::uint64_t total) { bar(done, total); };
  const long_table t = read_long_table(o.observations, p, lo);
  bar.finish();
  lo.progress = nullptr;
  batch_targets targets(p, t.store, target_period, /*defer_unsupported=*/true);
  std::optional<long_table> refs;
  if (!o.references.empty()) {
    refs = read_long_table(o.references, p, lo);
    set_long_references(targets, t, *refs, target_period ? *target_period : p.period);
    for (const auto& problem : refs->problems) report_problem("reference row not read", problem);
  }
  std::optional<long_unit_targets> own;
  if (!o.unit_targets.empty()) {
    own = read_long_unit_targets(o.unit_targets, p, t.store,
                                 target_period ? *target_period : p.period, lo);
    set_long_unit_targets(targets, *own);
    for (const auto& problem : own->problems) report_problem("unit target row not read", problem);
  }
  batch_options bo;
  bo.threads = o.threads;
  const batch_result r = evaluate_long_table(t, p, targets, target_period, bo,
                                             refs ? &*refs : nullptr, own ? &*own : nullptr);
  const long_table_summary s = summarise_long_table(t, r);
  for (const auto& problem : t.problems) report_problem("row not read", problem);
  if (t.bad_rows > t.problems.size())
    std::cerr << "planeval batch: " << (t.bad_rows - t.problems.size()) << " more rows not read\n";
  const language lang = language_of(o.lang);
  input_options io;
  io.format = o.format;
  io.output = o.output;
  output_writers w;
  w.json = [&] { return batch_to_json(t, s); };
  w.markdown = [&](std::ostream& out) {
    write_batch_report(out, p, t, r, s, lang, report_format::markdown);
  };
  w.workbook = [&](const std::string& path) { save_batch_workbook(path, p, t, r, s, lang); };
  // every other format is written by `table`: csv, html, or the text summary
  w.table = [&](std::ostream& out) {
    if (o.format == "csv")
      write_batch_csv(out, t, r);
    else if (o.format == "html")
      write_batch_report(out, p, t, r, s, lang, report_format::html);
    else
      write_batch_summary(out, t, s, lang, false);
  };
  write_output(io, w);
  return t.bad_rows > 0 || (refs && refs->bad_rows > 0) || (own && own->bad_rows > 0) ? exit_failed
                                                                                      : 0;
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
  cmd->add_option("--unit-targets", o->unit_targets,
                  "Each unit's own targets (CSV: unit, indicator, target and optionally period), "
                  "texts of the target language (95以上, 增长6.5%左右); each replaces the plan's "
                  "target of that indicator for that unit")
      ->check(CLI::ExistingFile);
  cmd->add_option("--period", o->period,
                  "The target of each indicator to judge by (default: the plan period's, else "
                  "its first); every period of the table is judged by it");
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--strict", o->strict, "Fail at the first row that cannot be read");
  cmd->add_option("--progress", o->progress,
                  "A progress line on stderr while the table is read: auto (when stderr is a "
                  "terminal and reading takes more than a second), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown", "html", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output,
                  "File to write (atomically; needed by xlsx); default standard output");
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &ctx] { ctx.exit_code = run_batch(*o); });
}

}  // namespace planeval::cli
