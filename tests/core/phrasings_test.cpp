// The target language against real-world phrasings: targets and results as plan tables, work
// reports and statistical communiqués write them (Chinese and English), one row each, with the
// rule or observation each must give. Plus a mutation test: corrupted texts are either read
// exactly or rejected with a column.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "support/rule_builders.hpp"

using namespace planeval;
using namespace planeval::test;

namespace {

struct phrasing {
  const char* text;
  rule expected;
};
void PrintTo(const phrasing& p, std::ostream* os) { *os << p.text; }

class target_phrasings : public ::testing::TestWithParam<phrasing> {};

TEST_P(target_phrasings, read_as_documented) {
  const auto& row = GetParam();
  rule r;
  ASSERT_NO_THROW(r = parse_target(row.text)) << row.text;
  EXPECT_EQ(r, row.expected) << row.text << " read as: " << canonical(r) << " / "
                             << canonical(r, language::en);
  for (const auto lang : {language::zh, language::en})
    EXPECT_EQ(parse_target(canonical(r, lang)), r) << canonical(r, lang);
}

rule pct(op o, double v) { return level(o, v, "%"); }
rule in_year(rule r, int year) {
  r.year = year;
  return r;
}

// clang-format off
const phrasing targets[] = {
    // bare numbers with units and unit words
    {"5", level(op::reach, 5)},
    {"38.16", level(op::reach, 38.16)},
    {"+5", level(op::reach, 5)},
    {"-5", level(op::reach, -5)},
    {"−1.96", level(op::reach, -1.96)},
    {"6,000", level(op::reach, 6000)},
    {"2名", level(op::reach, 2, "名")},
    {"3家", level(op::reach, 3, "家")},
    {"600人", level(op::reach, 600, "人")},
    {"42件", level(op::reach, 42, "件")},
    {"3幢", level(op::reach, 3, "幢")},
    {"5000人次", level(op::reach, 5000, "人次")},
    {"15项", level(op::reach, 15, "项")},
    {"10个", level(op::reach, 10, "个")},
    {"95%", pct(op::reach, 95)},
    {"0.5‰", level(op::reach, 0.5, "‰")},
    {"6000元/平方米", level(op::reach, 6000, "元/平方米")},
    {"0.02人/亿元", level(op::reach, 0.02, "人/亿元")},
    {"76件/万人", level(op::reach, 76, "件/万人")},
    {"38.16万平方米", level(op::reach, 38.16, "万平方米")},
    {"2000公顷", level(op::reach, 2000, "公顷")},
    {"3.5平方公里", level(op::reach, 3.5, "平方公里")},
    {"150公里", level(op::reach, 150, "公里")},
    {"1100万人", level(op::reach, 1100, "万人")},
    {"5000万元", level(op::reach, 5000, "万元")},
    {"1.2亿元", level(op::reach, 1.2, "亿元")},
    {"50亿美元", level(op::reach, 50, "亿美元")},
    {"1.3万亿斤", level(op::reach, 1.3, "万亿斤")},
    {"10万", level(op::reach, 10, "万")},
    {"3千", level(op::reach, 3, "千")},
    {"2百万", level(op::reach, 2, "百万")},
    {"81.5岁", level(op::reach, 81.5, "岁")},
    {"１２％", pct(op::reach, 12)},
    {"５．５％", pct(op::reach, 5.5)},
    // ranges
    {"5-10", range(5, 10)},
    {"5～10", range(5, 10)},
    {"5~10", range(5, 10)},
    {"5—10", range(5, 10)},
    {"5至10", range(5, 10)},
    {"5到10", range(5, 10)},
    {"2-3家", range(2, 3, "家")},
    {"6%-6.5%", range(6, 6.5, "%")},
    {"6%至6.5%", range(6, 6.5, "%")},
    {"6-6.5%", range(6, 6.5, "%")},
    {"4.5%～5%", range(4.5, 5, "%")},
    {"-5至-3", range(-5, -3)},
    {"5-10之间", range(5, 10)},
    {"保持在6%-6.5%", range(6, 6.5, "%")},
    // about
    {"3左右", level(op::about, 3)},
    {"3%左右", pct(op::about, 3)},
    {"约3", level(op::about, 3)},
    {"约为3%", pct(op::about, 3)},
    {"大约3", level(op::about, 3)},
    {"3上下", level(op::about, 3)},
    {"保持在4%左右", pct(op::about, 4)},
    {"稳定在5.5%左右", pct(op::about, 5.5)},
    {"控制在3%左右", pct(op::about, 3)},
    {"81.5岁左右", level(op::about, 81.5, "岁")},
    // at least / more than
    {"95以上", level(op::at_least, 95)},
    {"95%以上", pct(op::at_least, 95)},
    {"95及以上", level(op::at_least, 95)},
    {"95或以上", level(op::at_least, 95)},
    {"不低于95%", pct(op::at_least, 95)},
    {"不少于2名", level(op::at_least, 2, "名")},
    {"不小于95", level(op::at_least, 95)},
    {"至少5", level(op::at_least, 5)},
    {"大于等于95", level(op::at_least, 95)},
    {"≥95%", pct(op::at_least, 95)},
    {"≥ 95%", pct(op::at_least, 95)},
    {">=95", level(op::at_least, 95)},
    {"高于6.5%", strict(pct(op::at_least, 6.5))},
    {"超过100万人", strict(level(op::at_least, 100, "万人"))},
    {"大于95", strict(level(op::at_least, 95))},
    {">95", strict(level(op::at_least, 95))},
    {"稳定在95%以上", pct(op::at_least, 95)},
    {"达到1.3万亿斤以上", level(op::at_least, 1.3, "万亿斤")},
    {"保持在1.3万亿斤以上", level(op::at_least, 1.3, "万亿斤")},
    {"300亿元以上", level(op::at_least, 300, "亿元")},
    // at most / less than
    {"4.5以内", level(op::at_most, 4.5)},
    {"5.5%以内", pct(op::at_most, 5.5)},
    {"4.5以下", level(op::at_most, 4.5)},
    {"4.5及以下", level(op::at_most, 4.5)},
    {"4.5之内", level(op::at_most, 4.5)},
    {"3%内", pct(op::at_most, 3)},
    {"不高于5", level(op::at_most, 5)},
    {"不超过3家", level(op::at_most, 3, "家")},
    {"不多于3", level(op::at_most, 3)},
    {"不大于3", level(op::at_most, 3)},
    {"最多3", level(op::at_most, 3)},
    {"≤5.5%", pct(op::at_most, 5.5)},
    {"<=5", level(op::at_most, 5)},
    {"控制在71万人以内", level(op::at_most, 71, "万人")},
    {"控制在5.5%以内", pct(op::at_most, 5.5)},
    {"控制在4.5%", pct(op::at_most, 4.5)},
    {"低于5%", strict(pct(op::at_most, 5))},
    {"小于0.02", strict(level(op::at_most, 0.02))},
    {"<5%", strict(pct(op::at_most, 5))},
    {"0.5‰以下", level(op::at_most, 0.5, "‰")},
    // verbs around a level
    {"达到5", level(op::reach, 5)},
    {"达到95%", pct(op::reach, 95)},
    {"力争5", level(op::reach, 5)},
    {"力争达到8%", pct(op::reach, 8)},
    {"确保完成15项", level(op::reach, 15, "项")},
    {"全面完成15项", level(op::reach, 15, "项")},
    {"100多项", strict(level(op::at_least, 100, "项"))},
    {"300余人", strict(level(op::at_least, 300, "人"))},
    {"开工建设4个", qualified(level(op::reach, 4, "个"), "开工")},
    {"实现5000万元", level(op::reach, 5000, "万元")},
    {"完成15项", level(op::reach, 15, "项")},
    {"提高到65%", pct(op::reach, 65)},
    {"提升至65%", pct(op::reach, 65)},
    {"增加到3000个", level(op::reach, 3000, "个")},
    {"降至5%以下", pct(op::at_most, 5)},
    {"下降到5%", pct(op::reach, 5)},
    {"减少到3000人以下", level(op::at_most, 3000, "人")},
    // growth
    {"增长8%", growth(level(op::reach, 8))},
    {"增长8", growth(level(op::reach, 8))},
    {"增速7%左右", growth(level(op::about, 7))},
    {"增长7%左右", growth(level(op::about, 7))},
    {"增长6%以上", growth(level(op::at_least, 6))},
    {"增长6%-6.5%", growth(range(6, 6.5))},
    {"增长6%至6.5%", growth(range(6, 6.5))},
    {"增速6-6.5%", growth(range(6, 6.5))},
    {"同比增长5%", growth(level(op::reach, 5))},
    {"比上年增长5%", growth(level(op::reach, 5))},
    {"增长率达到5%", growth(level(op::reach, 5))},
    {"增幅3%", growth(level(op::reach, 3))},
    {"增长高于6%", growth(strict(level(op::at_least, 6)))},
    {"增长不低于6%", growth(level(op::at_least, 6))},
    {"增长5%以内", growth(level(op::at_most, 5))},
    {"下降3%左右", growth(level(op::about, -3))},
    {"下降13.5%", growth(level(op::reach, -13.5))},
    {"降低18%", growth(level(op::reach, -18))},
    {"减少5%", growth(level(op::reach, -5))},
    {"回落2%", growth(level(op::reach, -2))},
    {"下降36%以上", growth(level(op::at_most, -36))},
    {"下降3%以内", growth(level(op::at_least, -3))},
    {"下降幅度3%", growth(level(op::reach, -3))},
    {"下降3%-5%", growth(range(-5, -3))},
    {"负增长5%", growth(level(op::reach, -5))},
    {"两位数增长", growth(level(op::at_least, 10))},
    {"实现两位数增长", growth(level(op::at_least, 10))},
    {"增长两位数", growth(level(op::at_least, 10))},
    {"实现正增长", growth(strict(level(op::at_least, 0)))},
    {"翻一番", growth(level(op::reach, 100))},
    {"翻两番", growth(level(op::reach, 300))},
    {"与上年持平", growth(level(op::reach, 0))},
    {"基本持平", growth(level(op::about, 0))},
    // changes in percentage points
    {"提高2个百分点", points(level(op::reach, 2))},
    {"提升4个百分点", points(level(op::reach, 4))},
    {"提高0.5个百分点以上", points(level(op::at_least, 0.5))},
    {"提高3个百分点左右", points(level(op::about, 3))},
    {"下降3个百分点", points(level(op::reach, -3))},
    {"比上年提高1个百分点", points(level(op::reach, 1))},
    {"提高2百分点", points(level(op::reach, 2))},
    // annual averages and base years
    {"年均增长7%以上", cagr(level(op::at_least, 7))},
    {"年均增长7%左右", cagr(level(op::about, 7))},
    {"年均增长5.5%", cagr(level(op::reach, 5.5))},
    {"年平均增长6%", cagr(level(op::reach, 6))},
    {"比2005年下降36%以上", since(level(op::at_most, -36), 2005)},
    {"比2005年下降40%-45%", since(range(-45, -40), 2005)},
    {"较2020年下降13.5%", since(level(op::reach, -13.5), 2020)},
    {"比2010年翻一番", since(level(op::reach, 100), 2010)},
    {"较2020年提高2个百分点", with_measure(points(level(op::reach, 2)), measure_kind::change_points, 2020)},
    // directions
    {"进一步提高", dir(op::increase)},
    {"持续提高", dir(op::increase)},
    {"稳步提高", dir(op::increase)},
    {"稳定增长", dir(op::increase)},
    {"持续增长", dir(op::increase)},
    {"不断提升", dir(op::increase)},
    {"稳中有升", dir(op::increase)},
    {"继续下降", dir(op::decrease)},
    {"逐步下降", dir(op::decrease)},
    {"有所下降", dir(op::decrease)},
    {"稳中有降", dir(op::decrease)},
    {"持续改善", dir(op::improve)},
    {"不断优化", dir(op::improve)},
    // references and quotas
    {"与全市目标基本同步", ref(op::about, "全市目标")},
    {"与市保持同步", ref(op::reach, "市")},
    {"和经济增长同步", ref(op::reach, "经济增长")},
    {"与经济增长基本同步", ref(op::about, "经济增长")},
    {"与经济增长同步增长", ref(op::reach, "经济增长")},
    {"同经济增长保持同步", ref(op::reach, "经济增长")},
    {"高于国内生产总值增长", ref(op::at_least, "国内生产总值增长", true)},
    {"快于经济增长", ref(op::at_least, "经济增长", true)},
    {"不低于全国平均水平", ref(op::at_least, "全国平均水平")},
    {"低于全国平均水平", ref(op::at_most, "全国平均水平", true)},
    {"完成市下达指标", ref(op::reach, "市下达指标")},
    {"完成国家下达目标", ref(op::reach, "国家下达目标")},
    {"完成国家下达任务", ref(op::reach, "国家下达任务")},
    {"确保完成省下达指标", ref(op::reach, "省下达指标")},
    {"完成全年目标", ref(op::reach, "全年目标")},
    {"控制在市下达指标之内", ref(op::at_most, "市下达指标")},
    {"控制在国家下达指标以内", ref(op::at_most, "国家下达指标")},
    {"控制在省政府下达的范围之内", ref(op::at_most, "省政府下达的范围")},
    {"不超过市下达指标", ref(op::at_most, "市下达指标")},
    // issue 17: lead words, passing marks, tails, open references, the quota pattern
    {"达6%左右", pct(op::about, 6)},
    {"在3%左右", pct(op::about, 3)},
    {"突破20万亿元", strict(level(op::at_least, 20, "万亿元"))},
    {"迈上3万亿元新台阶", level(op::at_least, 3, "万亿元")},
    {"突破200万大关", strict(level(op::at_least, 200, "万"))},
    {"继续保持800亿斤以上", level(op::at_least, 800, "亿斤")},
    {"年内控制在4%以内", pct(op::at_most, 4)},
    {"同口径增长6%", growth(pct(op::reach, 6))},
    {"按可比价格计算增长5%", growth(pct(op::reach, 5))},
    {"按增长6.5%安排", growth(pct(op::reach, 6.5))},
    {"拟按4%左右安排", pct(op::about, 4)},
    {"力争增长7%", growth(pct(op::reach, 7))},
    {"均增长12%左右", growth(pct(op::about, 12))},
    {"连续9年稳定在1050万吨以上", level(op::at_least, 1050, "万吨")},
    {"实际增长5.1%", growth(pct(op::reach, 5.1))},
    {"近26亿元", level(op::about, 26, "亿元")},
    {"超1400亿元", strict(level(op::at_least, 1400, "亿元"))},
    {"完成投资120亿元", level(op::reach, 120, "亿元")},
    {"净增100家", qualified(level(op::reach, 100, "家"), "净增")},
    {"30微克/立方米以下", level(op::at_most, 30, "微克/立方米")},
    {"5人/百亿元", level(op::reach, 5, "人/百亿元")},
    {"100万千瓦", level(op::reach, 100, "万千瓦")},
    {"3列", level(op::reach, 3, "列")},
    {"缩小到2.2:1以内", level(op::at_most, 2.2)},
    {"缩小到2.2∶1以内", level(op::at_most, 2.2)},
    {"增长10%以上（可比价）", remark(growth(pct(op::at_least, 10)), "可比价")},
    {"增长8%(依据区人代会目标设置)", remark(growth(pct(op::reach, 8)), "依据区人代会目标设置")},
    {"增速高于全省平均水平", with_measure(ref(op::at_least, "全省平均水平", true), measure_kind::growth)},
    {"增速均显著高于全国平均水平",
     with_measure(ref(op::at_least, "全国平均水平", true), measure_kind::growth)},
    {"增长与经济增长同步", with_measure(ref(op::reach, "经济增长"), measure_kind::growth)},
    {"与全省保持一致", ref(op::reach, "全省")},
    // a name that ends with a bracket is a name, printed in quotes (found by fuzzing)
    {"高于全省平均水平(含)", ref(op::at_least, "全省平均水平(含)", true)},
    {"全面完成市下达的目标任务", ref(op::reach, "市下达的目标任务")},
    {"完成上级下达的约束性指标", ref(op::reach, "上级下达的约束性指标")},
    {"完成国家考核目标", ref(op::reach, "国家考核目标")},
    {"完成省定目标", ref(op::reach, "省定目标")},
    {"确保实现正增长", strict(growth(pct(op::at_least, 0)))},
    {"只升不降", dir(op::increase)},
    {"企稳回升", dir(op::increase)},
    // a target year inside the text
    {"到2030年达到15万元以上", in_year(level(op::at_least, 15, "万元"), 2030)},
    {"力争到2027年突破8万亿元", in_year(strict(level(op::at_least, 8, "万亿元")), 2027)},
    {"到2025年底新增100家", in_year(qualified(level(op::reach, 100, "家"), "新增"), 2025)},
    {"到2030年率先基本实现社会主义现代化",
     in_year(qualitative("率先基本实现社会主义现代化"), 2030)},
    {"by 2030 at least 15 万元", in_year(level(op::at_least, 15, "万元"), 2030)},
    // traditional script folds to simplified (tables from Hong Kong and Macao reprints)
    {"增長6%左右", growth(pct(op::about, 6))},
    {"保持在10.42萬噸以上", level(op::at_least, 10.42, "万吨")},
    {"完成市定目標", ref(op::reach, "市定目标")},
    {"與上年度持平", growth(pct(op::reach, 0))},
    {"Up 7.0 approx.", growth(pct(op::about, 7))},
    {"Over 600.00", strict(level(op::at_least, 600))},
    {"generally in step with economic growth", ref(op::about, "经济增长")},
    {"basically the same as economic growth", ref(op::about, "经济增长")},
    {"continued reductions", dir(op::decrease)},
    {"increased by 2.5 percent", growth(pct(op::reach, 2.5))},
    {"increased by 2.5 percent year-on-year", growth(pct(op::reach, 2.5))},
    {"increased by 8.1 percent in real terms", growth(pct(op::reach, 8.1))},
    // `from`, `over` before the previous year, not a base year: the growth of the year
    {"rise 5 percent from last year", growth(pct(op::reach, 5))},
    {"up 6 percent over last year", growth(pct(op::reach, 6))},
    {"grew 3.1 percent compared with last year", growth(pct(op::reach, 3.1))},
    {"to around 3.2 percent", pct(op::about, 3.2)},
    {"over 650 metric tons", strict(level(op::at_least, 650, "metric tons"))},
    {"surpassed 126 trillion yuan", strict(level(op::at_least, 126, "万亿元"))},
    {"around 700 million tonnes", level(op::about, 700, "百万吨")},
    {"skyrocketed 229 percent", growth(pct(op::reach, 229))},
    {"Sustained steady growth", dir(op::increase)},
    // qualitative
    {"达到发达国家先进水平", qualitative("达到发达国家先进水平")},
    {"国际收支基本平衡", qualitative("国际收支基本平衡")},
    {"保持在合理区间", qualitative("保持在合理区间")},
    {"保持稳定", qualitative("保持稳定")},
    {"实现一网统管全覆盖", qualitative("实现一网统管全覆盖")},
    // qualifiers and cumulation
    {"新开工100", qualified(level(op::reach, 100), "新开工")},
    {"开工3.2", qualified(level(op::reach, 3.2), "开工")},
    {"竣工27公里", qualified(level(op::reach, 27, "公里"), "竣工")},
    {"新开工39公里", qualified(level(op::reach, 39, "公里"), "新开工")},
    {"新增5家", qualified(level(op::reach, 5, "家"), "新增")},
    {"新建3所", qualified(level(op::reach, 3, "所"), "新建")},
    {"新竣工38.16", qualified(level(op::reach, 38.16), "新竣工")},
    {"累计100", qualified(level(op::reach, 100), "", true, 0)},
    {"累计新增100以上", qualified(level(op::at_least, 100), "新增", true, 0)},
    {"五年累计竣工208.9", qualified(level(op::reach, 208.9), "竣工", true, 5)},
    {"三年累计新增120", qualified(level(op::reach, 120), "新增", true, 3)},
    {"〔208.9〕", qualified(level(op::reach, 208.9), "", true, 5)},
    {"〔13.5〕", qualified(level(op::reach, 13.5), "", true, 5)},
    {"[18]", qualified(level(op::reach, 18), "", true, 5)},
    {"【18】", qualified(level(op::reach, 18), "", true, 5)},
    // remarks
    {"4.5%-5%,在实际工作中努力争取更好结果", remark(range(4.5, 5, "%"), "在实际工作中努力争取更好结果")},
    {"增长6%以上，力争更好", remark(growth(level(op::at_least, 6)), "力争更好")},
    {"5;预计", remark(level(op::reach, 5), "预计")},
    {"5、视情况调整", remark(level(op::reach, 5), "视情况调整")},
    {"95以上。", level(op::at_least, 95)},
    // English
    {"at least 5", level(op::at_least, 5)},
    {"at least 95%", pct(op::at_least, 95)},
    {"no less than 2", level(op::at_least, 2)},
    {"not less than 95%", pct(op::at_least, 95)},
    {"95% or more", pct(op::at_least, 95)},
    {"95% or higher", pct(op::at_least, 95)},
    {"more than 6.5%", strict(pct(op::at_least, 6.5))},
    {"above 6.5%", strict(pct(op::at_least, 6.5))},
    {"at most 4.5%", pct(op::at_most, 4.5)},
    {"no more than 4.5%", pct(op::at_most, 4.5)},
    {"not more than 3", level(op::at_most, 3)},
    {"up to 3", level(op::at_most, 3)},
    {"within 5.5%", pct(op::at_most, 5.5)},
    {"5.5% or less", pct(op::at_most, 5.5)},
    {"less than 5%", strict(pct(op::at_most, 5))},
    {"below 5%", strict(pct(op::at_most, 5))},
    {"under 3%", strict(pct(op::at_most, 3))},
    {"about 3", level(op::about, 3)},
    {"about 3%", pct(op::about, 3)},
    {"around 3 percent", pct(op::about, 3)},
    {"approximately 6%", pct(op::about, 6)},
    {"5 to 10", range(5, 10)},
    {"between 3% and 5%", range(3, 5, "%")},
    {"3-5%", range(3, 5, "%")},
    {"reach 5", level(op::reach, 5)},
    {"raise to 65%", pct(op::reach, 65)},
    {"reduce to 5%", pct(op::reach, 5)},
    {"11 million people", level(op::reach, 11, "百万人")},
    {"135.0 billion US$", level(op::reach, 135, "十亿美元")},
    {"Over 550.00 Million metric tons", strict(level(op::at_least, 550, "百万吨"))},
    {"2 billion yuan", level(op::reach, 2, "十亿元")},
    {"up 6%", growth(level(op::reach, 6))},
    {"up by 6%", growth(level(op::reach, 6))},
    {"up about 7%", growth(level(op::about, 7))},
    {"up at least 6%", growth(level(op::at_least, 6))},
    {"growth of 6% to 6.5%", growth(range(6, 6.5))},
    {"growth rate of 5%", growth(level(op::reach, 5))},
    {"down 3%", growth(level(op::reach, -3))},
    {"down about 3%", growth(level(op::about, -3))},
    {"down by 13.5%", growth(level(op::reach, -13.5))},
    {"a decline of 3%", growth(level(op::reach, -3))},
    {"cut by 18%", growth(level(op::reach, -18))},
    {"reduce by 13.5%", growth(level(op::reach, -13.5))},
    {"down at least 36% since 2005", since(level(op::at_most, -36), 2005)},
    {"up 2 percentage points", points(level(op::reach, 2))},
    {"down 3 percentage points", points(level(op::reach, -3))},
    {"an increase of 1 percentage point", points(level(op::reach, 1))},
    {"average annual growth of at least 7%", cagr(level(op::at_least, 7))},
    {"average annual growth above 7%", cagr(strict(level(op::at_least, 7)))},
    {"double-digit growth", growth(level(op::at_least, 10))},
    {"further increase", dir(op::increase)},
    {"steady growth", dir(op::increase)},
    {"continue to decline", dir(op::decrease)},
    {"continued improvement", dir(op::improve)},
    {"in line with the city target", ref(op::reach, "全市目标")},
    {"roughly in line with the city target", ref(op::about, "全市目标")},
    {"in line with economic growth", ref(op::reach, "经济增长")},
    {"above GDP growth", ref(op::at_least, "国内生产总值增长", true)},
    {"not below the national average", ref(op::at_least, "the national average")},
    {"meet the city quota", ref(op::reach, "市下达指标")},
    {"fulfil the national target", ref(op::reach, "国家下达目标")},
    {"within the city quota", ref(op::at_most, "市下达指标")},
    {"reach the level of developed countries", qualitative("reach the level of developed countries")},
    {"newly started 100", qualified(level(op::reach, 100), "新开工")},
    {"5-year cumulative 208.9", qualified(level(op::reach, 208.9), "", true, 5)},
    {"AT LEAST 5", level(op::at_least, 5)},
    // numbers written in words: Chinese numerals before a scale, in percent or points, or with
    // a multiplier; 百分之; a scale alone; English number words before a unit
    {"突破千亿元", strict(level(op::at_least, 1000, "亿元"))},
    {"突破九万元", strict(level(op::at_least, 9, "万元"))},
    {"超亿元", strict(level(op::at_least, 1, "亿元"))},
    {"一千二百万元", level(op::reach, 1200, "万元")},
    {"三点五万亿元", level(op::reach, 3.5, "万亿元")},
    {"两万亿元", level(op::reach, 2, "万亿元")},
    {"二十个", level(op::reach, 20, "个")},
    {"均增长百分之五左右", growth(level(op::about, 5))},
    {"预计增长百分之三", growth(level(op::reach, 3))},
    {"百分之三点五", pct(op::reach, 3.5)},
    {"提高两个百分点", points(level(op::reach, 2))},
    {"提高五个百分点", points(level(op::reach, 5))},
    {"increase by about four percent", growth(level(op::about, 4))},
    {"below five percent", strict(pct(op::at_most, 5))},
    {"at around three percent", pct(op::about, 3)},
    {"Twelve percent", pct(op::reach, 12)},
    // English official style: leads, verbs and tails of translated reports
    {"to 65 percent of the population", pct(op::reach, 65)},
    {"equivalent to around 4.5 percent of its total GDP", pct(op::about, 4.5)},
    {"a robust year-on-year growth of 5.2 percent", growth(level(op::reach, 5.2))},
    {"reached a record of 695 million metric tons", level(op::reach, 695, "百万吨")},
    {"soared to nearly 4.4 trillion yuan", level(op::about, 4.4, "万亿元")},
    {"CNY4.4 trillion", level(op::reach, 4.4, "万亿元")},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(real_world, target_phrasings, ::testing::ValuesIn(targets));

// A numeral that is a word, not a figure: qualitative when the text has no digits, never a
// guessed count (一批 is "a batch", 三所 may name a school).
TEST(phrasings, numerals_that_are_words_stay_words) {
  for (const char* text :
       {"新建一批学校", "十四五时期", "一网统管全覆盖", "千方百计稳就业", "four"})
    EXPECT_EQ(parse_target(text).operation, op::qualitative) << text;
}

TEST(phrasings, there_are_at_least_150_distinct_target_texts) {
  std::set<std::string> texts;
  for (const auto& p : targets) texts.insert(p.text);
  EXPECT_EQ(texts.size(), std::size(targets)) << "duplicate rows";
  EXPECT_GE(texts.size(), 150u);
}

// --- observations ----------------------------------------------------------------------------

struct observed_row {
  const char* text;
  observed value;
  measure_kind measure;
  const char* unit;
  bool approximate;
  const char* flow;
  double comparable;  // NaN when none
};
void PrintTo(const observed_row& r, std::ostream* os) { *os << r.text; }

constexpr double none = std::numeric_limits<double>::quiet_NaN();

class observation_phrasings : public ::testing::TestWithParam<observed_row> {};

TEST_P(observation_phrasings, read_as_documented) {
  const auto& row = GetParam();
  parsed_observation o;
  ASSERT_NO_THROW(o = parse_observation(row.text)) << row.text;
  EXPECT_EQ(o.value, row.value) << row.text << " read as " << canonical(o);
  EXPECT_EQ(o.measure.kind, row.measure) << row.text;
  EXPECT_EQ(o.unit.symbol(), row.unit) << row.text;
  EXPECT_EQ(o.approximate, row.approximate) << row.text;
  EXPECT_EQ(o.qualifier.flow, row.flow) << row.text;
  if (std::isnan(row.comparable))
    EXPECT_FALSE(o.comparable) << row.text;
  else
    EXPECT_EQ(o.comparable, row.comparable) << row.text;
  // the canonical text reads back to the same observation
  for (const auto lang : {language::zh, language::en}) {
    const auto back = parse_observation(canonical(o, lang));
    EXPECT_EQ(back.value, o.value) << canonical(o, lang);
    EXPECT_EQ(back.measure, o.measure) << canonical(o, lang);
    EXPECT_EQ(back.approximate, o.approximate) << canonical(o, lang);
    EXPECT_EQ(back.comparable, o.comparable) << canonical(o, lang);
  }
}

const auto L = measure_kind::level;
const auto G = measure_kind::growth;
const auto P = measure_kind::change_points;

// clang-format off
const observed_row observations[] = {
    {"7.05%", point_value{7.05}, L, "%", false, "", none},
    {"rose just 0.3 percent", point_value{0.3}, G, "%", false, "", none},
    {"CNY4.4 trillion", point_value{4.4}, L, "万亿元", false, "", none},
    {"US$665 billion", point_value{665}, L, "十亿美元", false, "", none},
    {"超亿元", bound_value{1, true, true}, L, "亿元", false, "", none},
    {"十五项", point_value{15}, L, "项", false, "", none},
    {"-5", point_value{-5}, L, "", false, "", none},
    {"−1.96", point_value{-1.96}, L, "", false, "", none},
    {"5907", point_value{5907}, L, "", false, "", none},
    {"6,600", point_value{6600}, L, "", false, "", none},
    {"0.017", point_value{0.017}, L, "", false, "", none},
    {"326家", point_value{326}, L, "家", false, "", none},
    {"21.3万平方米", point_value{21.3}, L, "万平方米", false, "", none},
    {"增长8.1%", point_value{8.1}, G, "%", false, "", none},
    {"同比增长5.2%", point_value{5.2}, G, "%", false, "", none},
    {"下降4%", point_value{-4}, G, "%", false, "", none},
    {"降低5.3%", point_value{-5.3}, G, "%", false, "", none},
    {"负增长5%", point_value{-5}, G, "%", false, "", none},
    {"持平", point_value{0}, G, "%", false, "", none},
    {"提升3.89个百分点", point_value{3.89}, P, "个百分点", false, "", none},
    {"下降0.5个百分点", point_value{-0.5}, P, "个百分点", false, "", none},
    {"8%左右", point_value{8}, L, "%", true, "", none},
    {"约8%", point_value{8}, L, "%", true, "", none},
    {"预计增长8%", point_value{8}, G, "%", true, "", none},
    {"预计8%左右", point_value{8}, L, "%", true, "", none},
    {"77%以上", bound_value{77, true, false}, L, "%", false, "", none},
    {"84以上", bound_value{84, true, false}, L, "", false, "", none},
    {"4.5以内", bound_value{4.5, false, false}, L, "", false, "", none},
    {">=84", bound_value{84, true, false}, L, "", false, "", none},
    {">84", bound_value{84, true, true}, L, "", false, "", none},
    {"<5", bound_value{5, false, true}, L, "", false, "", none},
    {"5-10", interval_value{5, 10}, L, "", false, "", none},
    {"增长5%-6%", interval_value{5, 6}, G, "%", false, "", none},
    {"达标", judgment_value{judgment::met}, L, "", false, "", none},
    // results written as judgments on a quota or on the time share (issue 17)
    {"完成省下达任务", judgment_value{judgment::met}, L, "", false, "", none},
    {"超额完成年度任务", judgment_value{judgment::exceeded}, L, "", false, "", none},
    {"未完成市下达指标", judgment_value{judgment::not_met}, L, "", false, "", none},
    {"达到序时进度", judgment_value{judgment::met}, L, "", false, "", none},
    {"落后于序时进度", judgment_value{judgment::not_met}, L, "", false, "", none},
    {"超130万人", bound_value{130, true, true}, L, "万人", false, "", none},
    {"完成", judgment_value{judgment::met}, L, "", false, "", none},
    {"已完成", judgment_value{judgment::met}, L, "", false, "", none},
    {"基本完成", judgment_value{judgment::basically_met}, L, "", false, "", none},
    {"超额完成", judgment_value{judgment::exceeded}, L, "", false, "", none},
    {"未完成", judgment_value{judgment::not_met}, L, "", false, "", none},
    {"未达标", judgment_value{judgment::not_met}, L, "", false, "", none},
    {"met", judgment_value{judgment::met}, L, "", false, "", none},
    {"not met", judgment_value{judgment::not_met}, L, "", false, "", none},
    {"Exceeded", judgment_value{judgment::exceeded}, L, "", false, "", none},
    {"10.9(可比7.0)", point_value{10.9}, L, "", false, "", 7.0},
    // the real growth beside a nominal one is the figure evaluated (issue 17)
    {"名义增长6%,实际增长5%", point_value{6}, G, "%", false, "", 5.0},
    {"10.9（可比7.0）", point_value{10.9}, L, "", false, "", 7.0},
    {"增长10.9%(可比价增长7%)", point_value{10.9}, G, "%", false, "", 7.0},
    {"新开工116", point_value{116}, L, "", false, "新开工", none},
    {"五年累计竣工208.9", point_value{208.9}, L, "", false, "竣工", none},
    {"开工3.2", point_value{3.2}, L, "", false, "开工", none},
    {"", missing_value{}, L, "", false, "", none},
    {"-", missing_value{}, L, "", false, "", none},
    {"—", missing_value{}, L, "", false, "", none},
    {"n/a", missing_value{}, L, "", false, "", none},
    {"暂无", missing_value{}, L, "", false, "", none},
    {"up 8.1%", point_value{8.1}, G, "%", false, "", none},
    {"about 8%", point_value{8}, L, "%", true, "", none},
    {"at least 77%", bound_value{77, true, false}, L, "%", false, "", none},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(real_world, observation_phrasings, ::testing::ValuesIn(observations));

TEST(phrasings, with_observations_there_are_over_200_distinct_texts) {
  std::set<std::string> texts;
  for (const auto& p : targets) texts.insert(p.text);
  for (const auto& o : observations) texts.insert(std::string("obs:") + o.text);
  EXPECT_GE(texts.size(), 200u);
}

// --- deliberately rejected -------------------------------------------------------------------

TEST(phrasings, texts_with_digits_that_are_not_targets_are_errors) {
  // An indicator name inside the cell, a date, a ratio, a multiplier: never guessed.
  for (const char* text :
       {"城镇调查失业率5.5%以内", "2021年底前完成", "1:1.5", "3倍", "增长8%%", "5-10-15", "第3季度",
        "约5左右以上", "提高2个百分点%", "增长三成", "翻了两倍", "提高五个百分点%"}) {
    EXPECT_THROW(parse_target(text), parse_error) << text;
  }
}

// Official translations write a result as the change and the level reached: two figures, the
// growth first; a bracketed conversion after the level and what follows are the remark.
TEST(phrasings, an_english_change_to_a_level_is_two_figures) {
  const auto o = parse_observation("rose 4.8 percent to CNY13.57 trillion (USD1.89 trillion)");
  EXPECT_EQ(o.value, observed{point_value{4.8}});
  EXPECT_EQ(o.measure.kind, measure_kind::growth);
  ASSERT_EQ(o.also.size(), 1u);
  EXPECT_EQ(o.also[0].value, observed{point_value{13.57}});
  EXPECT_EQ(o.also[0].unit.symbol(), "万亿元");
  EXPECT_EQ(o.remark, "USD1.89 trillion");
  for (const auto lang : {language::zh, language::en}) {
    const auto back = parse_observation(canonical(o, lang));
    ASSERT_EQ(back.also.size(), 1u) << canonical(o, lang);
    EXPECT_EQ(back.also[0].value, o.also[0].value) << canonical(o, lang);
    EXPECT_EQ(back.also[0].unit, o.also[0].unit) << canonical(o, lang);
  }
  const auto lower =
      parse_observation("grew 2.5 percent to CNY4.4 trillion, lower than the predicted 8 percent");
  ASSERT_EQ(lower.also.size(), 1u);
  EXPECT_EQ(lower.remark, "lower than the predicted 8 percent");
  // a change between two percentages is a range, not a change and a level
  const observed range = interval_value{5, 6};
  EXPECT_EQ(parse_observation("up 5% to 6%").value, range);
  EXPECT_TRUE(parse_observation("up 5 percent to 6 percent").also.empty());
}

// --- mutation test -----------------------------------------------------------------------------

// Corrupts valid texts at random (delete, insert, replace, swap, duplicate characters) and
// checks each result is either read exactly — its canonical texts read back to the same rule —
// or rejected with a parse_error whose column lies inside the text.
TEST(phrasings, mutated_texts_are_read_exactly_or_rejected_with_a_column) {
  std::mt19937 rng(12345);
  const std::u32string alphabet =
      U"0123456789.-%~,;、 "
      U"以上下内左右约增长降低提高个百分点万亿元年累计新开工〔〕()可比与同步完成指标ab";
  auto to_u32 = [](const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
      for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      out += cp;
      i += n;
    }
    return out;
  };
  auto to_utf8 = [](const std::u32string& s) {
    std::string out;
    for (const char32_t cp : s) {
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    return out;
  };
  int parsed = 0;
  int rejected = 0;
  for (const auto& row : targets) {
    const std::u32string original = to_u32(row.text);
    for (int k = 0; k < 40; ++k) {
      std::u32string m = original;
      const int edits = 1 + static_cast<int>(rng() % 2);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = m.empty() ? 0 : rng() % (m.size() + 1);
        const char32_t ch = alphabet[rng() % alphabet.size()];
        switch (rng() % 5) {
          case 0:
            if (at < m.size()) m.erase(at, 1);
            break;
          case 1: m.insert(at, 1, ch); break;
          case 2:
            if (at < m.size()) m[at] = ch;
            break;
          case 3:
            if (at + 1 < m.size()) std::swap(m[at], m[at + 1]);
            break;
          default:
            if (at < m.size()) m.insert(at, 1, m[at]);
            break;
        }
      }
      const std::string text = to_utf8(m);
      try {
        const rule r = parse_target(text);
        for (const auto lang : {language::zh, language::en}) {
          const std::string c = canonical(r, lang);
          ASSERT_EQ(parse_target(c), r) << "mutant '" << text << "' printed as '" << c << "'";
        }
        ++parsed;
      } catch (const parse_error& e) {
        const auto len = m.size();
        if (e.code() == errc::target_empty) {
          EXPECT_EQ(e.where().column, 0u);
        } else {
          EXPECT_GE(e.where().column, 1u) << text << ": " << e.what();
          EXPECT_LE(e.where().column, len + 1) << text << ": " << e.what();
        }
        ++rejected;
      }
    }
  }
  EXPECT_GT(parsed, 1000);
  EXPECT_GT(rejected, 1000);
}

}  // namespace

// The names the import and the corpus read as growth-rate indicators.
// A translation cut after its verb (`… expand by 5 percent` → `by 5 percent`) does not say up
// or down: rejected with the reason, never read as growth.
TEST(phrasings, a_change_without_its_verb_is_rejected_with_the_reason) {
  for (const char* text : {"by 5 percent", "by around 3 percent", "by more than 40 percent"}) {
    try {
      parse_target(text);
      ADD_FAILURE() << text << " was read";
    } catch (const parse_error& e) {
      EXPECT_EQ(e.code(), errc::target_syntax) << text;
      EXPECT_NE(std::string(e.what()).find("without its verb"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(parse_target("up by 5 percent").measure.kind, measure_kind::growth);
}

TEST(phrasings, names_of_growth_rates) {
  for (const char* name : {"地区生产总值增速", "固定资产投资增幅", "经济增长", "GDP growth",
                           "Regional GDP year-on-year Growth"})
    EXPECT_TRUE(names_growth_rate(name)) << name;
  for (const char* name : {"GDP", "地区生产总值", "overgrowth of weeds", "growthfund assets"})
    EXPECT_FALSE(names_growth_rate(name)) << name;
}
