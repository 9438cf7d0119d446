#pragma once
// Private: texts shared by the HTML, Markdown and Word reports, and the three writers.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "report/html_writer.hpp"
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

/// The line under the title: `计划执行情况评估报告 · 发布机关:… · 计划期:… · 截至:…`.
std::string report_byline(const report_data& d);

/// An indicator's attribute as a word: 约束性 / 预期性 (binding / anticipatory).
const char* attribute_text(attribute a, language lang);

/// A status for text: symbol and label, then (容差内) and (期中) when they apply.
std::string status_text(const assessment& a, language lang);

/// The gap of an assessment (`-0.4个百分点`), or `-`.
std::string gap_text(const assessment& a, language lang);

/// A binding indicator that did not meet its target.
struct binding_miss {
  std::string id;    ///< indicator id
  std::string name;  ///< display name
  std::string gap;   ///< its gap, empty without one
};

/// The binding indicators not met, in the summary's order.
std::vector<binding_miss> binding_misses(const report_data& d);

/// The sentence above the list of binding indicators not met.
const char* binding_misses_intro(language lang);

/// The sentence when no binding indicator missed its target (or the plan has none).
const char* binding_none_text(const report_data& d);

/// Opens an HTML report page: the doctype, `<html>`, the head (meta, `title`, the reports' style
/// sheet followed by `extra_style`) and `<body>`, left open.
void open_report_page(markup& m, language l, const std::string& title,
                      std::string_view extra_style);

/// A key figure: `<div class="kpi" data-kpi=id data-tone=tone>` with its value and label.
void kpi(markup& m, std::string_view id, std::string_view tone, const std::string& value,
         const std::string& label);

/// A term and its value in the report's byline list (`<div><dt>…</dt><dd>…</dd></div>`).
void meta_item(markup& m, const std::string& term, const std::string& value);

/// Writes the HTML page.
void write_report_html(std::ostream& out, const report_data& d);

/// Writes the Markdown report.
void write_report_markdown(std::ostream& out, const report_data& d);

/// Writes the Word document (.docx, binary): title, narrative, indicator table, binding
/// indicators not met. Throws io_error (`io_write`) when the package cannot be built.
void write_report_docx(std::ostream& out, const report_data& d);

}  // namespace planeval::detail
