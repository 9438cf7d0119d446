// planeval validate: check plan files and report every problem found.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "planeval/io/plan_file.hpp"

namespace planeval::cli {

void add_validate(CLI::App& app, context& ctx) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Check plan files (JSON, archives, CSV plan tables) and print every problem with its "
      "location; exit 1 if any file has one");
  cmd->add_option("file", *files, "Plan files to check")->required();
  cmd->callback([files, &ctx] {
    std::size_t bad_files = 0;
    for (const auto& f : *files) {
      const auto problems = check_plan_file(f);
      if (problems.empty()) {
        std::cout << f << ": ok\n";
        continue;
      }
      ++bad_files;
      for (const auto& e : problems) {
        // every problem names its file, even when the location has none
        if (e.where().file.empty()) std::cout << f << ": ";
        std::cout << e.what() << '\n';
      }
      std::cout << f << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
                << '\n';
    }
    ctx.exit_code = bad_files == 0 ? 0 : exit_failed;
  });
}

}  // namespace planeval::cli
