#pragma once
// Private: texts shared by the HTML and Markdown reports, and the two writers.

#include <iosfwd>
#include <string>

#include "io/report_model.hpp"

namespace planeval::detail {

/// The plan's title in a language, falling back to the other language, then the id.
std::string plan_title(const plan& p, language lang);

/// A period as the reports print it: `2021年`, `2016—2020年`; English `2021`, `2016–2020`.
std::string period_text(const period& per, language lang);

/// A date: `2021年9月30日` / `2021-09-30`.
std::string date_text(const date& d, language lang);

/// A row's target as published; in English followed by the canonical English text when it
/// differs (`3左右 (about 3)`); `-` without a target.
std::string target_text(const indicator_row& row, language lang);

/// The indicator's baseline as published (`五年累计竣工208.9`), or `-`.
std::string baseline_text(const indicator& ind, language lang);

/// A one-character symbol of a status for plain text (● ▲ ✖ ◆ ○ ◇ □ –).
const char* status_symbol(status s) noexcept;

/// Writes the HTML page.
void write_report_html(std::ostream& out, const report_data& d);

/// Writes the Markdown report.
void write_report_markdown(std::ostream& out, const report_data& d);

}  // namespace planeval::detail
