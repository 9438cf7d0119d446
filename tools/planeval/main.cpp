// planeval: evaluate development-plan indicators from the command line.
#include <iostream>

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
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
