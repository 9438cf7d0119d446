// An evaluation as JSON, an aligned text table and Markdown.
#include "planeval/render/evaluation.hpp"

#include <cmath>
#include <ostream>
#include <string>

#include "json.hpp"
#include "planeval/core/fields.hpp"
#include "text/table.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using render::dump;
using render::json;
using text::tr;

const std::string& name_of(const plan& p, const assessment& a, language lang) {
  const indicator* ind = p.find(a.indicator);
  return ind ? ind->name(lang) : a.indicator;
}

text::table build(const plan& p, const std::vector<assessment>& as, language lang) {
  text::table t;
  t.header =
      lang == language::zh
          ? std::vector<std::string>{"#", "指标", "期间", "目标", "完成值", "状态", "差距", "说明"}
          : std::vector<std::string>{"#",      "indicator", "period", "target",
                                     "actual", "status",    "gap",    "reason"};
  t.numeric = {true};
  for (std::size_t k = 0; k < as.size(); ++k) {
    const auto& a = as[k];
    std::string st = status_label(a.status, lang);
    if (a.within_tolerance) st += tr(lang, "(容差内)", " (tolerance)");
    t.rows.push_back({std::to_string(k + 1), name_of(p, a, lang), a.period.to_string(),
                      a.target_text.empty() ? "-" : a.target_text,
                      a.actual_text.empty() ? "-" : a.actual_text, st,
                      a.gap ? text::format_gap(*a.gap, a.gap_unit, lang) : "", a.reason(lang)});
  }
  return t;
}

}  // namespace

void write_evaluation_table(std::ostream& out, const plan& p, const std::vector<assessment>& as,
                            const plan_summary& summary, language lang) {
  text::write_text_table(out, build(p, as, lang));
  out << '\n' << narrative(p, summary, lang) << '\n';
}

void write_evaluation_markdown(std::ostream& out, const plan& p, const std::vector<assessment>& as,
                               const plan_summary& summary, language lang) {
  const std::string& title = text::display_name(p.title_zh, p.title_en, p.id, lang);
  out << "# " << (title.empty() ? std::string(tr(lang, "计划评估", "Plan evaluation")) : title)
      << "\n\n";
  out << narrative(p, summary, lang) << "\n\n";
  text::write_markdown_table(out, build(p, as, lang));
}

std::string evaluation_to_json(const plan& p, const std::vector<assessment>& assessments,
                               const plan_summary& summary, language lang, int indent) {
  json root;
  root["plan"] = p.id;
  root["language"] = to_string(lang);
  json list = json::array();
  for (const auto& a : assessments) {
    list.push_back(render::to_json(assessment_fields(a, p.find(a.indicator), lang)));
  }
  root["assessments"] = std::move(list);

  auto counts = [](const status_counts& c) {
    json j = json::object();
    for (int k = 0; k < status_count; ++k)
      j[to_string(static_cast<status>(k))] = c.n[static_cast<std::size_t>(k)];
    return j;
  };
  json s;
  s["total"] = summary.total;
  s["indicators"] = summary.indicators;
  s["period"] = summary.period_label;
  s["by_status"] = counts(summary.by_status);
  json cats = json::object();
  for (const auto& [name, c] : summary.by_category) cats[name] = counts(c);
  s["by_category"] = cats;
  s["by_attribute"] = {{"binding", counts(summary.binding)},
                       {"anticipatory", counts(summary.anticipatory)}};
  s["binding_not_met"] = summary.binding_not_met;
  s["not_met"] = summary.not_met;
  s["narrative"] = narrative(p, summary, lang);
  s["narrative_zh"] = narrative(p, summary, language::zh);
  s["narrative_en"] = narrative(p, summary, language::en);
  root["summary"] = std::move(s);
  return dump(root, indent);
}

}  // namespace planeval
