// The outputs of a batch evaluation of a long table (render/batch.hpp).
#include "planeval/render/batch.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

#include "json.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/io/csv.hpp"
#include "text/table.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using render::json;

json counts_json(const status_counts& c) {
  json j = json::object();
  for (int k = 0; k < status_count; ++k)
    if (c.n[static_cast<std::size_t>(k)] != 0)
      j[to_string(static_cast<status>(k))] = c.n[static_cast<std::size_t>(k)];
  return j;
}

std::string gap_text(double gap) {
  return std::isnan(gap) ? std::string() : format_number(std::round(gap * 1e9) / 1e9);
}

}  // namespace

std::vector<unit_rank> rank_units(const long_table_summary& s) {
  std::vector<unit_rank> out;
  for (std::size_t u = 0; u < s.by_unit.size(); ++u) {
    const auto& c = s.by_unit[u];
    const std::size_t judged = c.attained() + c[status::not_met];
    out.push_back({u, c.attained(), judged,
                   judged ? static_cast<double>(c.attained()) / static_cast<double>(judged) : 0.0});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const unit_rank& a, const unit_rank& b) { return a.share > b.share; });
  return out;
}

std::string batch_to_json(const long_table& t, const long_table_summary& s) {
  const auto& store = t.store;
  json j;
  j["observations"] = s.observations;
  j["rows"] = t.rows;
  j["bad_rows"] = t.bad_rows;
  j["units"] = store.units();
  j["indicators"] = store.indicators();
  json periods = json::array();
  for (const auto& per : store.period_list()) periods.push_back(per.to_string());
  j["periods"] = periods;
  j["by_status"] = counts_json(s.by_status);
  json by_unit = json::object();  // ids are distinct: appended without a search
  for (std::size_t u = 0; u < store.units(); ++u)
    render::append_member(by_unit, store.unit_ids()[u], counts_json(s.by_unit[u]));
  j["by_unit"] = std::move(by_unit);
  json by_indicator = json::object();
  for (std::size_t i = 0; i < store.indicators(); ++i)
    render::append_member(by_indicator, store.indicator_ids()[i], counts_json(s.by_indicator[i]));
  j["by_indicator"] = by_indicator;
  json ranked = json::array();
  for (const auto& x : rank_units(s)) {
    json one;
    one["unit"] = store.unit_ids()[x.unit];
    one["attained"] = x.attained;
    one["judged"] = x.judged;
    one["share_met"] = x.share;
    ranked.push_back(one);
  }
  j["ranking"] = ranked;
  json problems = json::array();
  for (const auto& problem : t.problems) {
    json one;
    one["code"] = to_string(problem.code);
    one["message"] = problem.message;
    one["line"] = problem.where.line;
    one["column"] = problem.where.column;
    problems.push_back(one);
  }
  j["problems"] = problems;
  return render::dump(j, 2);
}

void write_batch_csv(std::ostream& out, const long_table& t, const batch_result& r) {
  const auto& store = t.store;
  out << "unit,indicator,period,value,status,gap\n";
  for (std::size_t i = 0; i < store.indicators(); ++i)
    for (std::size_t u = 0; u < store.units(); ++u)
      for (std::size_t k = 0; k < store.periods(); ++k) {
        const std::size_t at = store.offset(u, i, k);
        if (!t.present[at]) continue;
        const double v = store.get(u, i, k);
        const long_table_text* text = t.text_at(at);
        const std::string value =
            text != nullptr ? text->value.text : (std::isnan(v) ? std::string() : format_number(v));
        out << csv_quote(store.unit_ids()[u]) << ',' << csv_quote(store.indicator_ids()[i]) << ','
            << store.period_list()[k].to_string() << ',' << csv_quote(value) << ','
            << to_string(static_cast<status>(r.codes[at])) << ',' << gap_text(r.gap[at]) << '\n';
      }
}

void write_batch_summary(std::ostream& out, const long_table& t, const long_table_summary& s,
                         language lang, bool markdown) {
  const auto& store = t.store;
  const bool zh = lang == language::zh;
  const auto write = [&](const text::table& table) {
    if (markdown)
      text::write_markdown_table(out, table);
    else
      text::write_text_table(out, table);
  };
  out << (markdown ? "# " : "") << (zh ? "批量评估" : "Batch evaluation") << "\n\n";
  out << (zh ? "观测值 " : "observations ") << s.observations << (zh ? ",地区 " : ", units ")
      << store.units() << (zh ? ",指标 " : ", indicators ") << store.indicators()
      << (zh ? ",未读行 " : ", rows not read ") << t.bad_rows << "\n\n";
  text::table counts;
  counts.header = {zh ? "状态" : "Status", zh ? "数量" : "Count"};
  counts.numeric = {false, true};
  for (int k = 0; k < status_count; ++k) {
    const auto st = static_cast<status>(k);
    if (s.by_status[st] != 0)
      counts.rows.push_back({status_label(st, lang), std::to_string(s.by_status[st])});
  }
  write(counts);
  out << '\n'
      << (markdown ? "## " : "") << (zh ? "地区排名(完成比例)" : "Units ranked by share met")
      << "\n\n";
  text::table ranking;
  ranking.header = {"#", zh ? "地区" : "Unit", zh ? "完成/评判" : "Met/judged",
                    zh ? "完成比例" : "Share met"};
  ranking.numeric = {true, false, true, true};
  std::size_t place = 0;
  for (const auto& x : rank_units(s))
    ranking.rows.push_back({std::to_string(++place), store.unit_ids()[x.unit],
                            std::to_string(x.attained) + "/" + std::to_string(x.judged),
                            x.judged ? text::format_share(x.share) : std::string("-")});
  write(ranking);
}

}  // namespace planeval
