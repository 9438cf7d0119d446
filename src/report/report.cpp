// Reports: the public entry points, and texts shared by the HTML and Markdown writers.
#include "planeval/report/report.hpp"

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
constexpr std::array<format_entry, 2> formats{
    {{report_format::html, "html"}, {report_format::markdown, "markdown"}}};

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
      "'" + std::string(name) + "' is not a report format (expected html or markdown)", loc);
}

void write_report(std::ostream& out, const report_input& in, report_format format) {
  const detail::report_data d = detail::build_report_data(in);
  if (format == report_format::markdown)
    detail::write_report_markdown(out, d);
  else
    detail::write_report_html(out, d);
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
