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
    const std::string best = nearest_name(arg, names, std::max<std::size_t>(2, arg.size() / 4));
    if (!best.empty())
      std::cerr << "planeval " << cmd.get_name() << ": unknown option " << arg << "; did you mean "
                << best << "?\n";
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
  // the commands, in the order `planeval --help` lists them
  for (const auto add :
       {&cli::add_evaluate, &cli::add_parse_target, &cli::add_tasks, &cli::add_pace,
        &cli::add_trend, &cli::add_index, &cli::add_convert, &cli::add_validate, &cli::add_report,
        &cli::add_template, &cli::add_batch, &cli::add_import})
    add(app, ctx);
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
