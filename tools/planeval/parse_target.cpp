// planeval parse-target: show how the target language reads texts.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "planeval/render/rule.hpp"

namespace planeval::cli {

void add_parse_target(CLI::App& app, context& ctx) {
  auto texts = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("parse-target",
                                 "Parse target texts (arguments, or one per line on stdin) and "
                                 "print one JSON object per text");
  cmd->add_option("text", *texts, "Target texts, e.g. 5-10 3左右 95以上 完成市下达指标");
  cmd->callback([texts, &ctx] {
    bool all_ok = true;
    auto one = [&](const std::string& t) {
      bool ok = false;
      std::cout << parse_result_json(t, ok) << '\n';
      all_ok = all_ok && ok;
    };
    if (texts->empty()) {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        one(line);
      }
    } else {
      for (const auto& t : *texts) one(t);
    }
    ctx.exit_code = all_ok ? 0 : exit_failed;
  });
}

}  // namespace planeval::cli
