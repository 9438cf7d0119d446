// Real published tables (tests/data/published, sources in its README): every table imports in
// one call, every cell is read or kept for review, and where results are published beside the
// targets the statuses are what an analyst reading the table would give.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "detail/utf8.hpp"
#include "import/recognise.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/grid.hpp"

namespace planeval {
namespace {

const std::string published = std::string(PLANEVAL_TEST_DATA) + "/published";

std::vector<std::string> table_files() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(published)) {
    const auto ext = e.path().extension().string();
    if (ext == ".csv" || ext == ".html") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Everything the import kept, as one text to look cells up in.
std::string kept_text(const import_result& r) {
  std::string all;
  auto add = [&](const std::string& s) {
    all += s;
    all += '\x1f';
  };
  for (const auto& i : r.plan.indicators) {
    add(i.name_zh);
    add(i.note);
    add(i.category);
    add(i.unit.symbol());
    add(i.attribute == attribute::binding ? "约束性" : "预期性");  // the 属性 cell, as read
    if (i.baseline) add(i.baseline->text);
    for (const auto& t : i.targets) add(t.text);
  }
  for (const auto& o : r.actuals) {
    add(o.text);
    add(o.note);
  }
  for (const auto& v : r.review) add(v.text);
  for (const auto& n : r.notes) add(n);
  for (const auto& i : r.inferences) add(i.value);
  add(r.plan.title_zh);
  return all;
}

bool found_line(const std::string& all, const std::string& cell);

// a cell of several printed lines is found line by line
bool found(const std::string& all, const std::string& cell) {
  if (cell.find('\n') == std::string::npos) return found_line(all, cell);
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = cell.find('\n', start);
    const std::string line(detail::trim(cell.substr(start, nl - start)));
    if (!import_detail::is_placeholder(line) && !found_line(all, line)) return false;
    if (nl == std::string::npos) return true;
    start = nl + 1;
  }
}

bool found_line(const std::string& all, const std::string& cell) {
  using namespace import_detail;
  std::string number, unit;
  std::string bare = cell;
  for (const char* mark : {"（*）", "(*)", "*", "＊"}) {
    const std::string m(mark);
    for (auto at = bare.find(m); at != std::string::npos; at = bare.find(m))
      bare.erase(at, m.size());
  }
  bare = std::string(detail::trim(bare));
  // an attribute cell in any of its words (`Anticipatory`) is read as the attribute
  if (const auto a = attribute_in_cell(bare))
    return all.find(*a == attribute::binding ? "约束性" : "预期性") != std::string::npos;
  std::string of_which;
  const std::string candidates[] = {cell, bare, split_name(bare, number, unit), section_name(cell),
                                    without_of_which(split_name(bare, number, unit), of_which)};
  for (const auto& c : candidates)
    if (!c.empty() && all.find(c) != std::string::npos) return true;
  return false;
}

class PublishedTable : public testing::TestWithParam<std::string> {};

TEST_P(PublishedTable, EveryCellIsReadOrKeptForReview) {
  const std::string path = published + "/" + GetParam();
  const import_result r = import_table(path);
  EXPECT_FALSE(r.plan.indicators.empty());
  const auto grids = load_grids(path);
  const grid& g = grids.at(r.table_index);
  const std::string all = kept_text(r);
  std::size_t cells = 0;
  for (std::size_t row = 0; row < g.rows.size(); ++row)
    for (std::size_t col = 0; col < g.rows[row].size(); ++col) {
      const std::string& text = g.rows[row][col].text;
      if (import_detail::is_placeholder(text) || g.rows[row][col].merged) continue;
      if (row <= r.header_row) continue;  // titles and headers: the inferences name them
      ++cells;
      EXPECT_TRUE(found(all, text)) << GetParam() << " " << cell_reference(row, col) << " '" << text
                                    << "' is neither read nor kept for review";
    }
  EXPECT_GT(cells, 0U);
  // every indicator is assessed (or reported as needing review) in one call
  auto a = evaluate(r.plan, r.actuals, {});
  apply_review(a, r.review);
  std::set<std::string> assessed;
  for (const auto& x : a) assessed.insert(x.indicator);
  for (const auto& i : r.plan.indicators) {
    if (!i.targets.empty()) {
      EXPECT_TRUE(assessed.count(i.id)) << GetParam() << " " << i.id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Real, PublishedTable, testing::ValuesIn(table_files()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string n = param.param;
                           for (auto& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

status status_of(const import_result& r, const std::vector<assessment>& a, const std::string& name,
                 const std::string& per) {
  for (const auto& i : r.plan.indicators)
    if (i.name_zh == name)
      for (const auto& x : a)
        if (x.indicator == i.id && x.period.to_string() == per) return x.status;
  ADD_FAILURE() << "no assessment of " << name << " for " << per;
  return status::no_target;
}

std::vector<assessment> evaluated(const import_result& r) {
  auto a = evaluate(r.plan, r.actuals, {});
  apply_review(a, r.review);
  return a;
}

// 越城区 “十三五” execution table: the yearbook says 完成 for all three rows.
TEST(PublishedStatuses, YuechengExecution2020) {
  const auto r = import_table(published + "/02-yuecheng-2020-execution.csv");
  const auto a = evaluated(r);
  EXPECT_TRUE(is_attained(status_of(r, a, "全区生产总值", "2020")));
  EXPECT_TRUE(is_attained(status_of(r, a, "人均生产总值", "2020")));
  EXPECT_TRUE(is_attained(status_of(r, a, "公共财政预算收入", "2020")));
  for (const auto& i : r.plan.indicators) EXPECT_NE(i.note.find("完成"), std::string::npos);
}

// The national 12th FYP outcome box (13th FYP outline, 专栏1): targets beside results.
TEST(PublishedStatuses, China2015Execution) {
  const auto r = import_table(published + "/08-china-2015-execution.csv");
  const auto a = evaluated(r);
  EXPECT_EQ(r.plan.period.to_string(), "2011/2015");
  // GDP grew 7.8% a year against 7%; the service share reached 50.5 against 47
  EXPECT_TRUE(is_attained(status_of(r, a, "国内生产总值（GDP）", "2011/2015")));
  EXPECT_TRUE(is_attained(status_of(r, a, "服务业增加值比重", "2015")));
  EXPECT_TRUE(is_attained(status_of(r, a, "常住人口城镇化率", "2015")));
}

// The 11th FYP outcome box: GDP 11.2% a year against 7.5%; urbanisation 47.5 against 47.
TEST(PublishedStatuses, China2010Execution) {
  const auto r = import_table(published + "/10-china-2010-execution.csv");
  const auto a = evaluated(r);
  EXPECT_TRUE(is_attained(status_of(r, a, "国内生产总值", "2006/2010")));
  EXPECT_TRUE(is_attained(status_of(r, a, "城镇化率", "2010")));
  EXPECT_TRUE(is_attained(status_of(r, a, "全国总人口", "2010")));  // 134100 under 136000
  EXPECT_TRUE(is_attained(status_of(r, a, "研究与试验发展经费支出占国内生产总值比重", "2010")) ==
              false);  // 1.75 against 2: not met
}

// The 10th FYP outcome box: registered unemployment 4.2% against a 5% ceiling (lower is
// better: the name says 失业).
TEST(PublishedStatuses, China2005Execution) {
  const auto r = import_table(published + "/12-china-2005-execution.csv");
  const auto a = evaluated(r);
  EXPECT_TRUE(is_attained(status_of(r, a, "城镇登记失业率", "2005")));
  EXPECT_TRUE(is_attained(status_of(r, a, "货物进出口总额", "2005")));
  // the “十五”计划目标 column: growth and cumulative cells are for the plan's five years
  EXPECT_TRUE(is_attained(status_of(r, a, "国内生产总值年均增长", "2001/2005")));
  EXPECT_TRUE(is_attained(status_of(r, a, "五年城镇新增就业", "2001/2005")));
  EXPECT_TRUE(is_attained(status_of(r, a, "农村居民人均纯收入年均增长", "2001/2005")));
  // a population target is a ceiling: 130756 against 133000 is met
  EXPECT_TRUE(is_attained(status_of(r, a, "全国总人口", "2005")));
  EXPECT_EQ(status_of(r, a, "高中阶段教育毛入学率", "2005"), status::not_met);  // 53 against 60
}

// NDRC's English table of the 2018 plan's results (file 19): the table names no year, so the
// period is given. Statuses as a careful analyst gives them; where the published `Performance`
// says otherwise, the comment says why.
TEST(PublishedStatuses, China2018ExecutionInEnglish) {
  import_options o;
  o.period = period::year(2018);
  const auto r = import_table(published + "/19-china-2018-execution-en.csv", o);
  EXPECT_EQ(r.plan.period.to_string(), "2018");
  ASSERT_EQ(r.plan.indicators.size(), 20U);
  const auto a = evaluated(r);
  auto of = [&](const std::string& name) { return status_of(r, a, name, "2018"); };
  EXPECT_EQ(of("GDP"), status::met);           // up 6.6 against about 6.5
  EXPECT_EQ(of("grain output"), status::met);  // 657.89 over 550 (`Includes:` dropped)
  EXPECT_EQ(of("electricity generated"), status::met);
  EXPECT_EQ(of("Secondary Industry"), status::met);  // exactly on target
  // up 9.0 against about 10: the table says "As projected"; 1 point under is not met here
  EXPECT_EQ(of("Total retail sales of consumer goods"), status::not_met);
  // a rise, read from the year's growth (up 9.7)
  EXPECT_EQ(of("Total import and export volume of goods"), status::met);
  EXPECT_EQ(of("Total import and export volume of services"), status::met);
  EXPECT_EQ(of("Foreign direct investment"), status::needs_judgment);  // `Overall stability`
  // debt is lower-is-better: 209.3 within the 210.0 planned
  EXPECT_EQ(of("Long- and medium-term foreign debt"), status::met);
  EXPECT_EQ(of("Percentage of registered urban residents"), status::met);
  EXPECT_EQ(of("General government expenditures"), status::met);
  EXPECT_EQ(of("Fiscal deficit"), status::met);
  // `Basically the same as 2017 real growth rate`: a reference with a year in its name is not
  // read yet, so the cell is kept for review
  EXPECT_EQ(of("M2 money supply growth rate"), status::needs_review);
  // the sections, the English attribute and the English names
  for (const auto& i : r.plan.indicators) {
    EXPECT_EQ(i.name_en, i.name_zh);
    EXPECT_EQ(i.attribute, attribute::anticipatory);
  }
  EXPECT_EQ(r.plan.indicators.front().category, "Economic Development");
  EXPECT_EQ(r.plan.indicators.back().category, "Fiscal & Financial Targets");
  std::size_t english_names = 0;
  for (const auto& inf : r.inferences) {
    EXPECT_FALSE(inf.field == "attribute" && inf.reason_en.find("no attribute") == 0)
        << inf.indicator;
    if (inf.field == "name_en") ++english_names;  // recorded, with its reason
  }
  EXPECT_EQ(english_names, 20U);
  // without the period the year-less columns are not read, and the import says how to mend it
  const auto bare = import_table(published + "/19-china-2018-execution-en.csv");
  EXPECT_TRUE(bare.actuals.empty());
  bool told = false;
  for (const auto& inf : bare.inferences)
    if (inf.field == "period" && inf.reason_en.find("--table-period") != std::string::npos)
      told = true;
  EXPECT_TRUE(told);
}

TEST(PublishedRecognition, EnglishAttributesSectionsAndParts) {
  using namespace import_detail;
  EXPECT_EQ(attribute_in_cell("Binding"), attribute::binding);
  EXPECT_EQ(attribute_in_cell("obligatory"), attribute::binding);
  EXPECT_EQ(attribute_in_cell("约束性"), attribute::binding);
  EXPECT_EQ(attribute_in_cell("Anticipatory"), attribute::anticipatory);
  EXPECT_EQ(attribute_in_cell("预期性"), attribute::anticipatory);
  EXPECT_FALSE(attribute_in_cell("Type A").has_value());
  EXPECT_EQ(section_name("I. Economic Development"), "Economic Development");
  EXPECT_EQ(section_name("IV. Ecology"), "Ecology");
  EXPECT_EQ(section_name("Ⅲ、民生福祉"), "民生福祉");
  EXPECT_EQ(section_name("Market Consumption and Price Levels"),
            "Market Consumption and Price Levels");
  std::string prefix;
  EXPECT_EQ(without_of_which("Includes: grain output", prefix), "grain output");
  EXPECT_EQ(prefix, "Includes: ");
  EXPECT_EQ(without_of_which("其中：粮食产量", prefix), "粮食产量");
  EXPECT_EQ(without_of_which("Including", prefix), "Including");
  EXPECT_EQ(without_of_which("Income per person", prefix), "Income per person");
  EXPECT_TRUE(prefix.empty());
  EXPECT_TRUE(introduces_parts("其中:"));
  EXPECT_TRUE(introduces_parts("Of which:"));
  EXPECT_TRUE(introduces_parts("包括"));
  EXPECT_FALSE(introduces_parts("Economic Development"));
  std::string word;
  EXPECT_TRUE(lower_is_better("Fiscal deficit", word));
  EXPECT_EQ(word, "deficit");
  EXPECT_TRUE(lower_is_better("Surveyed Urban Unemployment Rate", word));
  EXPECT_FALSE(lower_is_better("Reduction in energy consumption per unit of GDP", word));
  EXPECT_FALSE(lower_is_better("GDP", word));
}

// Tables whose years are in their titles or that sum five years beside the last one.
TEST(PublishedPeriods, TitlesAndFiveYearColumns) {
  const auto wuxi = import_table(published + "/18-wuxi-2017-review.csv");
  EXPECT_EQ(wuxi.plan.period.to_string(), "2012/2016");
  for (const auto& item : wuxi.review) EXPECT_NE(item.code, errc::model_duplicate) << item.text;
  const auto taicang = import_table(published + "/03-taicang-2019-annual.csv");
  EXPECT_EQ(taicang.plan.period.to_string(), "2019");
  ASSERT_EQ(taicang.plan.indicators.size(), 8U);
  EXPECT_EQ(taicang.plan.indicators[0].targets.at(0).period.to_string(), "2019");
  const auto first_plan = import_table(published + "/16-china-1955-fyp.csv");
  EXPECT_EQ(first_plan.plan.period.to_string(), "1953/1957");  // （一九五三—一九五七）
  // `304,5万吨`: a comma inside a number is kept for review, not read as 304 and a remark
  const auto products = import_table(published + "/13-china-1955-fyp.csv");
  bool comma = false;
  for (const auto& item : products.review)
    if (item.text == "304,5万吨") comma = item.code == errc::target_number;  // 1957年计划产量
  EXPECT_TRUE(comma);
}

}  // namespace
}  // namespace planeval
