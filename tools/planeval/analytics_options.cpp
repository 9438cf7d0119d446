// Options shared by the analytics commands.
#include "analytics_options.hpp"

#include <algorithm>

#include "planeval/core/error.hpp"

namespace planeval::cli {

void add_format_option(CLI::App& cmd, std::string& format) {
  cmd.add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}))
      ->capture_default_str();
}

void add_series_options(CLI::App& cmd, std::vector<std::string>& growth_rate,
                        std::vector<std::string>& level) {
  cmd.add_option("--rate,--growth-rate", growth_rate,
                 "Indicator ids whose values are rates judged on their level (trend: level and "
                 "slope, never CAGR); default: change rates by name (增速, 增长率, 降低率 …), and "
                 "in pace every rate or share in %. --growth-rate is the former name")
      ->delimiter(',');
  cmd.add_option("--level", level,
                 "Indicator ids whose values are levels: trend by CAGR, pace by the share of the "
                 "way from the baseline to the target (overrides the inference)")
      ->delimiter(',');
}

std::map<std::string, series_kind> series_overrides(const plan& p,
                                                    const std::vector<std::string>& growth_rate,
                                                    const std::vector<std::string>& level) {
  std::map<std::string, series_kind> out;
  auto put = [&](const std::vector<std::string>& ids, series_kind k, const char* option) {
    for (const auto& id : ids) {
      if (!p.find(id))
        throw error(errc::usage, std::string(option) + ": no indicator '" + id + "' in the plan");
      out[id] = k;
    }
  };
  put(growth_rate, series_kind::growth_rate, "--rate");
  put(level, series_kind::level, "--level");
  return out;
}

std::string enum_name(std::string text) {
  std::replace(text.begin(), text.end(), '-', '_');
  return text;
}

}  // namespace planeval::cli
