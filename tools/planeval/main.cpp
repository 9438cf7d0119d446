// planeval: evaluate development-plan indicators from the command line.
#include <algorithm>
#include <iostream>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "planeval/core/error.hpp"
#include "planeval/version.hpp"

namespace planeval::cli {

void add_lang_option(CLI::App& cmd, std::string& lang) {
  cmd.add_option("--lang", lang, "Language of reasons and summaries")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
}

language language_of(const std::string& name) { return name == "en" ? language::en : language::zh; }

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

// For each `--word` of the command line the chosen command does not know: the nearest option
// name, when it is close (a typo, not another word).
void suggest_options(const CLI::App& app, int argc, char** argv) {
  const auto chosen = app.get_subcommands();
  if (chosen.empty()) return;
  const CLI::App& cmd = *chosen.front();
  std::vector<std::string> names;
  for (const CLI::Option* opt : cmd.get_options())
    for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
  for (int k = 1; k < argc; ++k) {
    std::string_view arg(argv[k]);
    if (arg.size() < 3 || arg.substr(0, 2) != "--") continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), arg) != names.end()) continue;
    const std::string* best = nullptr;
    std::size_t best_distance = 0;
    for (const auto& n : names) {
      const std::size_t d = edit_distance(arg, n);
      if (!best || d < best_distance) {
        best = &n;
        best_distance = d;
      }
    }
    if (best && best_distance <= std::max<std::size_t>(2, arg.size() / 4))
      std::cerr << "planeval " << cmd.get_name() << ": unknown option " << arg << "; did you mean "
                << *best << "?\n";
  }
}

}  // namespace planeval::cli

int main(int argc, char** argv) {
  using namespace planeval;
  CLI::App app{
      "planeval: model development-plan indicators and evaluate them against their targets"};
  app.set_version_flag("--version", "planeval " PLANEVAL_VERSION_STRING);
  app.require_subcommand(1);
  cli::context ctx;
  cli::add_evaluate(app, ctx);
  cli::add_parse_target(app, ctx);
  cli::add_tasks(app, ctx);
  cli::add_pace(app, ctx);
  cli::add_trend(app, ctx);
  cli::add_index(app, ctx);
  cli::add_convert(app, ctx);
  cli::add_validate(app, ctx);
  cli::add_report(app, ctx);
  cli::add_import(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) cli::suggest_options(app, argc, argv);
    return rc == 0 ? 0 : cli::exit_usage;
  } catch (const planeval::error& e) {
    std::cerr << "planeval: " << e.what() << '\n';
    return cli::exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "planeval: " << e.what() << '\n';
    return cli::exit_usage;
  }
  return ctx.exit_code;
}
