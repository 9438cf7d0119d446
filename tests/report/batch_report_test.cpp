// The report of a batch of many units: every unit × indicator in the heat map with the status the
// batch gave, the ranking in order, each indicator's distribution; Markdown with the same content;
// docx refused.
#include "planeval/report/batch_report.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "planeval/core/error.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/render/batch.hpp"

using namespace planeval;
namespace fs = std::filesystem;

namespace {

// A long table of `units` districts (and one with markup in its name), written to a file.
std::string districts(std::size_t units) {
  std::ostringstream text;
  text << "unit,indicator,period,value\n";
  for (std::size_t u = 0; u < units; ++u) {
    const double k = static_cast<double>(u);
    text << "区县" << u << ",budget_revenue_growth,2021," << 3.0 + 0.5 * k << '\n'
         << "区县" << u << ",one_network_access_rate,2021," << 90.0 + k << '\n'
         << "区县" << u << ",one_network_access_rate,2020," << 80.0 + k << '\n'
         << "区县" << u << ",quality_estates_area,2021,新开工" << 95 + u << '\n';
  }
  // a name with markup characters stays text
  text << "\"<b>|x</b>\",budget_revenue_growth,2021,9\n";
  const fs::path path =
      fs::temp_directory_path() / ("planeval-batch-report-" + std::to_string(units) + ".csv");
  std::ofstream(path, std::ios::binary) << text.str();
  return path.string();
}

struct batch_fixture {
  plan p;
  long_table t;
  batch_result r;
  long_table_summary s;
  explicit batch_fixture(std::size_t units)
      : p(load_plan(PLANEVAL_EXAMPLE_DATA "/changning-2021/plan.json")),
        t(read_long_table(districts(units), p)) {
    batch_targets targets(p, t.store, std::nullopt, true);
    r = evaluate_long_table(t, p, targets, std::nullopt);
    s = summarise_long_table(t, r);
  }
  std::string write(language lang, report_format f) const {
    std::ostringstream out;
    write_batch_report(out, p, t, r, s, lang, f);
    return out.str();
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(batch_report, the_heat_map_has_every_unit_and_indicator_with_its_status) {
  const batch_fixture b(12);
  const std::string html = b.write(language::zh, report_format::html);
  ASSERT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  const std::size_t U = b.t.store.units(), I = b.t.store.indicators();
  EXPECT_EQ(U, 13u);
  EXPECT_EQ(count(html, "class=\"cell\"") + count(html, "class=\"cell empty\""), U * I);
  // each cell's status is the batch's, at the unit's latest period (2021 for the access rate)
  const std::regex cell(
      "class=\"cell\" [^>]*data-unit=\"([^\"]*)\" data-indicator=\"([^\"]*)\" "
      "data-status=\"([a-z_]*)\"");
  std::size_t checked = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), cell), end; it != end; ++it) {
    const auto u = b.t.store.unit_index(
        (*it)[1].str() == "&lt;b&gt;|x&lt;/b&gt;" ? std::string("<b>|x</b>") : (*it)[1].str());
    const auto i = b.t.store.indicator_index((*it)[2].str());
    ASSERT_TRUE(u && i) << (*it)[0];
    const auto k = b.t.store.period_index(period::year(2021));
    EXPECT_EQ((*it)[3].str(), to_string(b.r.at(*u, *i, *k))) << (*it)[0];
    ++checked;
  }
  EXPECT_EQ(checked, 12u * 3 + 1);
  EXPECT_NE(html.find("&lt;b&gt;|x&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>|x"), std::string::npos);
  // the ranking: all units (30 or fewer), highest share first
  const auto rank = rank_units(b.s);
  const auto escaped = [](const std::string& id) {
    return id == "<b>|x</b>" ? std::string("&lt;b&gt;|x&lt;/b&gt;") : id;
  };
  const auto table = html.find("id=\"ranking\"");
  const auto first =
      html.find("data-unit=\"" + escaped(b.t.store.unit_ids()[rank.front().unit]) + "\"", table);
  const auto last =
      html.find("data-unit=\"" + escaped(b.t.store.unit_ids()[rank.back().unit]) + "\"", table);
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, last);
  EXPECT_EQ(html.find("ranking-all"), std::string::npos);
  // one distribution per indicator, the value dots of the numbers
  EXPECT_EQ(count(html, "class=\"distribution\""), I);
  EXPECT_EQ(count(html, "class=\"dot\""), 12u * 2 + 1);
}

TEST(batch_report, many_units_show_the_extremes_and_the_whole_ranking_folded) {
  const batch_fixture b(300);
  const std::string html = b.write(language::en, report_format::html);
  EXPECT_NE(html.find("id=\"ranking-extremes\""), std::string::npos);
  EXPECT_NE(html.find("<details id=\"ranking-all\">"), std::string::npos);
  // the whole ranking: 301 rows in the folded table, 20 in the extremes
  const std::string all = html.substr(html.find("id=\"ranking\""));
  EXPECT_EQ(count(all.substr(0, all.find("</table>")), "<tr data-unit="), 301u);
  // column numbers again every 50 units
  EXPECT_EQ(count(html, ">25</text>"), 7u);
  EXPECT_NE(html.find("Units ranked by share met"), std::string::npos);
}

TEST(batch_report, markdown_has_the_counts_ranking_heat_map_and_distributions) {
  const batch_fixture b(5);
  const std::string md = b.write(language::zh, report_format::markdown);
  EXPECT_EQ(md.rfind("# 批量评估", 0), 0u);
  EXPECT_NE(md.find("## 地区排名"), std::string::npos);
  const auto heat = md.find("## 状态热力图");
  const auto spread = md.find("## 各指标在各地区的分布");
  ASSERT_NE(heat, std::string::npos);
  ASSERT_NE(spread, std::string::npos);
  // a heat-map row per unit, with 25 indicator columns; the | of a name is escaped
  const std::string map = md.substr(heat, spread - heat);
  EXPECT_EQ(count(map, "\n| 区县"), 5u);
  EXPECT_NE(map.find("<b>\\|x</b>"), std::string::npos);
  EXPECT_EQ(count(md.substr(spread), "\n| "), b.t.store.indicators() + 1);
  EXPECT_NE(md.find("| " + b.p.indicators[1].name_zh + " |"), std::string::npos);
  EXPECT_THROW(b.write(language::zh, report_format::docx), error);
}
