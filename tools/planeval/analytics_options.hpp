#pragma once
// Options shared by the analytics commands (pace, trend, index).
#include <CLI/CLI.hpp>
#include <map>
#include <string>
#include <vector>

#include "planeval/analytics/series.hpp"
#include "planeval/core/plan.hpp"

namespace planeval::cli {

/// Adds `--format table|json|markdown`.
void add_format_option(CLI::App& cmd, std::string& format);

/// Adds `--growth-rate IDS` and `--level IDS` (comma-separated indicator ids).
void add_series_options(CLI::App& cmd, std::vector<std::string>& growth_rate,
                        std::vector<std::string>& level);

/// The series kinds the two options set; throws a usage error for an id not in the plan.
std::map<std::string, series_kind> series_overrides(const plan& p,
                                                    const std::vector<std::string>& growth_rate,
                                                    const std::vector<std::string>& level);

/// A command-line spelling of an enumerator (`min-max`, `per-period`) as its stable name.
std::string enum_name(std::string text);

}  // namespace planeval::cli
