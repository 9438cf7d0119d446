// planeval convert: a plan from any format to any format.
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tasks.hpp"

namespace planeval::cli {
namespace {

struct convert_options {
  std::string in;
  std::string out;
  std::string from;
  std::string format;
  std::string tasks;
};

bool is_csv_name(const std::string& path) {
  return path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                              path.compare(path.size() - 4, 4, ".CSV") == 0);
}

// What a CSV plan table cannot hold, said out loud instead of dropped silently.
void warn_table_losses(const plan& p) {
  std::string lost;
  auto add = [&](bool has, const std::string& what) {
    if (has) lost += (lost.empty() ? "" : ", ") + what;
  };
  add(!p.title_zh.empty() || !p.title_en.empty() || !p.issuer.empty() || p.published ||
          p.approved || !(p.settings == plan_settings{}),
      "the plan's metadata and settings");
  add(!p.observations.empty(), std::to_string(p.observations.size()) + " observations");
  add(!p.references.empty(), std::to_string(p.references.size()) + " references");
  add(!p.tasks.empty(), std::to_string(p.tasks.size()) + " tasks");
  add(!p.extensions.empty(), "the extensions");
  if (!lost.empty())
    std::cerr << "planeval convert: note: a CSV plan table holds indicators and targets only; "
                 "not written: "
              << lost << '\n';
}

int run_convert(const convert_options& o) {
  plan p = o.from.empty() || o.from == "csv" ? load_plan(o.in)
                                             : load_plan(o.in, from_string<plan_format>(o.from));
  // --tasks: the task table replaces the plan's own tasks; its indicator ids are checked
  if (!o.tasks.empty()) p.tasks = load_tasks(o.tasks, &p);
  if (o.format == "csv" || (o.format.empty() && is_csv_name(o.out))) {
    warn_table_losses(p);
    save_plan_table(p, o.out);
  } else if (o.format.empty()) {
    save_plan(p, o.out);
  } else {
    save_plan(p, o.out, from_string<plan_format>(o.format));
  }
  return 0;
}

}  // namespace

void add_convert(CLI::App& app, context& ctx) {
  auto opts = std::make_shared<convert_options>();
  auto* cmd = app.add_subcommand(
      "convert",
      "Convert a plan between formats: JSON (.json), Boost.Serialization text (.pvt), XML (.pvx) "
      "and binary (.pvb) archives, and the CSV plan table (.csv)");
  cmd->add_option("in", opts->in, "Plan to read (format from its extension, else its content)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("out", opts->out,
                  "File to write (replaced atomically; format from its extension)")
      ->required();
  cmd->add_option("--from", opts->from, "Format of IN when its extension does not say")
      ->check(CLI::IsMember({"json", "text", "xml", "binary", "csv"}));
  cmd->add_option("--format", opts->format, "Format of OUT when its extension does not say")
      ->check(CLI::IsMember({"json", "text", "xml", "binary", "csv"}));
  cmd->add_option("--tasks", opts->tasks,
                  "Task table (CSV) to attach to the plan, replacing the tasks it has (see "
                  "docs/tasks.md)")
      ->check(CLI::ExistingFile);
  cmd->callback([opts, &ctx] { ctx.exit_code = run_convert(*opts); });
}

}  // namespace planeval::cli
