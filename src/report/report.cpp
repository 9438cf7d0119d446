// Reports: the public entry points, and texts shared by the HTML and Markdown writers.
#include "planeval/report/report.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <sstream>

#include "io/file_util.hpp"
#include "planeval/core/error.hpp"
#include "report/parts.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

struct format_entry {
  report_format format;
  const char* name;
};
constexpr std::array<format_entry, 3> formats{{{report_format::html, "html"},
                                               {report_format::markdown, "markdown"},
                                               {report_format::docx, "docx"}}};

}  // namespace

const char* to_string(report_format f) noexcept {
  for (const auto& e : formats)
    if (e.format == f) return e.name;
  return "html";
}

template <>
std::optional<report_format> try_from_string<report_format>(std::string_view name) noexcept {
  for (const auto& e : formats)
    if (name == e.name) return e.format;
  return std::nullopt;
}

template <>
report_format from_string<report_format>(std::string_view name) {
  if (const auto f = try_from_string<report_format>(name)) return *f;
  location loc;
  loc.fragment = std::string(name);
  throw model_error(
      errc::model_enum,
      "'" + std::string(name) + "' is not a report format (expected html, markdown or docx)", loc);
}

void write_report(std::ostream& out, const report_input& in, report_format format) {
  const detail::report_data d = detail::build_report_data(in);
  switch (format) {
    case report_format::markdown: detail::write_report_markdown(out, d); break;
    case report_format::docx: detail::write_report_docx(out, d); break;
    case report_format::html:
    default: detail::write_report_html(out, d); break;
  }
  out.flush();
  if (!out) throw io_error(errc::io_write, "writing the report failed");
}

std::string report_to_string(const report_input& in, report_format format) {
  std::ostringstream out;
  write_report(out, in, format);
  return out.str();
}

void save_report(const std::string& path, const report_input& in, report_format format) {
  // compute first, so an error in the data never touches the file
  const std::string text = report_to_string(in, format);
  detail::write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

namespace detail {

std::string plan_title(const plan& p, language lang) {
  return text::display_name(p.title_zh, p.title_en, p.id, lang);
}

std::string target_text(const indicator_row& row, language lang) {
  if (!row.tgt) return "-";
  std::string t = row.tgt->text.empty() ? canonical(row.tgt->rule, lang) : row.tgt->text;
  if (lang == language::en && row.tgt->rule.operation != op::unparsed) {
    const std::string en = canonical(row.tgt->rule, language::en);
    if (!en.empty() && en != t) t += " (" + en + ")";
  }
  return t;
}

std::string baseline_text(const indicator& ind, language lang) {
  if (!ind.baseline) return "-";
  const observation& b = *ind.baseline;
  if (!b.text.empty()) return b.text;
  if (const auto* v = std::get_if<point_value>(&b.value))
    return text::format_quantity(v->value, b.unit.empty() ? ind.unit : b.unit, lang);
  return "-";
}

std::string report_byline(const report_data& d) {
  const language l = d.lang;
  std::string s = tr(l, "计划执行情况评估报告", "Plan evaluation report");
  if (!d.p->issuer.empty()) s += std::string(" · ") + tr(l, "发布机关:", "issuer: ") + d.p->issuer;
  s += std::string(" · ") + tr(l, "计划期:", "period: ") + period_text(d.p->period, l);
  s += std::string(" · ") + tr(l, "截至:", "as of: ") + date_text(d.as_of, l);
  return s;
}

const char* attribute_text(attribute a, language lang) {
  return a == attribute::binding ? tr(lang, "约束性", "binding")
                                 : tr(lang, "预期性", "anticipatory");
}

std::string status_text(const assessment& a, language lang) {
  std::string st = std::string(status_symbol(a.status)) + " " + status_label(a.status, lang);
  if (a.within_tolerance) st += tr(lang, "(容差内)", " (within tolerance)");
  if (a.in_progress) st += tr(lang, "(期中)", " (interim)");
  return st;
}

std::string gap_text(const assessment& a, language lang) {
  return a.gap ? format_gap(*a.gap, a.gap_unit, lang) : "-";
}

std::vector<binding_miss> binding_misses(const report_data& d) {
  std::vector<binding_miss> out;
  for (const auto& id : d.summary.binding_not_met) {
    const indicator* ind = d.p->find(id);
    binding_miss m{id, ind ? ind->name(d.lang) : id, {}};
    for (const auto& row : d.rows)
      if (row.ind->id == id && row.a->gap) m.gap = format_gap(*row.a->gap, row.a->gap_unit, d.lang);
    out.push_back(std::move(m));
  }
  return out;
}

const char* binding_misses_intro(language lang) {
  return tr(lang,
            "以下约束性指标未完成目标:", "These binding indicators did not meet their targets:");
}

const char* binding_none_text(const report_data& d) {
  const bool any = std::any_of(d.rows.begin(), d.rows.end(), [](const indicator_row& r) {
    return r.ind->attribute == attribute::binding;
  });
  return any ? tr(d.lang, "约束性指标中没有未完成的。", "No binding indicator missed its target.")
             : tr(d.lang, "本计划未设约束性指标。", "The plan has no binding indicators.");
}

const char* status_symbol(status s) noexcept {
  switch (s) {
    case status::met: return "●";
    case status::exceeded: return "▲";
    case status::not_met: return "✖";
    case status::undetermined: return "◆";
    case status::no_data: return "○";
    case status::needs_reference: return "◇";
    case status::needs_judgment: return "□";
    case status::no_target: return "–";
    case status::needs_review: return "?";
  }
  return "○";
}

}  // namespace detail
}  // namespace planeval
