#pragma once
// Private: texts shared by the HTML and Markdown reports, and the two writers.

#include <iosfwd>
#include <string>

#include "report/model.hpp"
#include "text/wording.hpp"

namespace planeval::detail {

// The report's texts are worded by the one wording layer.
using text::date_text;
using text::format_gap;
using text::format_points;
using text::format_quantity;
using text::format_share;
using text::period_text;
using text::tr;
using text::unit_name;

/// The plan's title in a language, falling back to the other language, then the id.
std::string plan_title(const plan& p, language lang);

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
