#pragma once
// The planeval command-line tool: one register function per command.
#include <CLI/CLI.hpp>
#include <string>

#include "planeval/core/common.hpp"

namespace planeval::cli {

/// Shared state of one run: the exit code the chosen command sets.
struct context {
  int exit_code = 0;
};

/// Exit codes: 0 success, 1 some input did not pass (parse-target, validate), 2 bad usage or input.
inline constexpr int exit_failed = 1;
inline constexpr int exit_usage = 2;

void add_evaluate(CLI::App& app, context& ctx);
void add_parse_target(CLI::App& app, context& ctx);
void add_tasks(CLI::App& app, context& ctx);
void add_pace(CLI::App& app, context& ctx);
void add_trend(CLI::App& app, context& ctx);
void add_index(CLI::App& app, context& ctx);
void add_convert(CLI::App& app, context& ctx);
void add_validate(CLI::App& app, context& ctx);
void add_report(CLI::App& app, context& ctx);
void add_import(CLI::App& app, context& ctx);
void add_template(CLI::App& app, context& ctx);
void add_batch(CLI::App& app, context& ctx);

/// Adds `--lang zh|en` to a command.
void add_lang_option(CLI::App& cmd, std::string& lang);
/// Reads `zh` or `en`.
language language_of(const std::string& name);

}  // namespace planeval::cli
