#pragma once
// Shared benchmark workloads.
#include <random>
#include <string>
#include <vector>

#include "planeval/core/batch.hpp"
#include "planeval/core/parse.hpp"

namespace planeval::bench {

/// Target texts of every common shape, as plan tables write them.
inline const std::vector<std::string>& target_corpus() {
  static const std::vector<std::string> texts{"5",
                                              "5-10",
                                              "3左右",
                                              "95以上",
                                              "4.5以内",
                                              "6000",
                                              "2-3家",
                                              "38.16",
                                              "新开工100",
                                              "开工3.2",
                                              "完成市下达指标",
                                              "与全市目标基本同步",
                                              "控制在市下达指标之内",
                                              "达到发达国家先进水平",
                                              "增长8%",
                                              "增速7%左右",
                                              "增长6%以上",
                                              "下降3%左右",
                                              "两位数增长",
                                              "提高2个百分点",
                                              "年均增长7%以上",
                                              "比2005年下降36%以上",
                                              "进一步提高",
                                              "继续下降",
                                              "和经济增长同步",
                                              "高于国内生产总值增长",
                                              "五年累计竣工208.9",
                                              "1100万人",
                                              "0.02人/亿元",
                                              "1.3万亿斤",
                                              "控制在71万人以内",
                                              "保持在4%左右",
                                              "不低于95%",
                                              "≥95",
                                              "6%至6.5%",
                                              "增长6%-6.5%",
                                              "4.5%-5%,在实际工作中努力争取更好结果",
                                              "at least 5",
                                              "5 to 10",
                                              "about 3%",
                                              "no more than 4.5%",
                                              "up 6%",
                                              "down 3 percentage points",
                                              "in line with the city target"};
  return texts;
}

/// A plan of `indicators` indicators with mixed rule kinds and polarities, for `year`.
inline plan mixed_plan(std::size_t indicators, int year) {
  static const char* texts[] = {"5",
                                "3左右",
                                "95以上",
                                "4.5以内",
                                "5-10",
                                "增长6%以上",
                                "完成市下达指标",
                                "高于6.5",
                                "与全市目标基本同步",
                                "6000左右"};
  static const char* units[] = {"%", "%", "%", "%", "%", "亿元", "%", "%", "%", "元/平方米"};
  plan p;
  p.id = "bench";
  p.period = period::year(year);
  for (std::size_t i = 0; i < indicators; ++i) {
    indicator ind;
    ind.id = "ind" + std::to_string(i);
    ind.unit = unit::parse(units[i % 10]);
    ind.polarity = static_cast<polarity>(i % 3);
    ind.attribute = i % 4 == 0 ? attribute::binding : attribute::anticipatory;
    ind.targets.push_back(target{p.period, texts[i % 10], parse_target(texts[i % 10])});
    p.indicators.push_back(
        std::move(ind));  // ids are unique by construction (plan::add checks linearly)
  }
  return p;
}

/// A store of units × indicators × years with values around the targets (5% missing).
struct batch_workload {
  plan p;
  batch_store store;
  batch_targets targets;
};

inline batch_workload make_batch(std::size_t units, std::size_t indicators, std::size_t periods) {
  plan p = mixed_plan(indicators, 2020);
  std::vector<std::string> unit_ids;
  std::vector<std::string> ids;
  std::vector<period> years;
  for (std::size_t u = 0; u < units; ++u) unit_ids.push_back("unit" + std::to_string(u));
  for (const auto& ind : p.indicators) ids.push_back(ind.id);
  for (std::size_t k = 0; k < periods; ++k)
    years.push_back(period::year(2021 - static_cast<int>(periods) + static_cast<int>(k)));
  batch_store store(unit_ids, ids, years);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> value(0, 12);
  for (std::size_t i = 0; i < indicators; ++i) {
    for (std::size_t u = 0; u < units; ++u) {
      double* s = store.series(u, i);
      double level = 100;
      for (std::size_t k = 0; k < periods; ++k) {
        level *= 1.0 + (value(rng) - 4) / 100;
        s[k] = i % 10 == 5 ? level
                           : (i % 10 == 2 ? 90 + value(rng)
                                          : (i % 10 == 9 ? 5500 + 100 * value(rng) : value(rng)));
        if (rng() % 20 == 0) s[k] = std::numeric_limits<double>::quiet_NaN();
      }
    }
  }
  batch_targets targets(p, store);
  for (std::size_t i = 0; i < indicators; ++i) {
    const rule& r = p.indicators[i].targets[0].rule;
    for (std::size_t u = 0; u < units; ++u) {
      if (r.has_reference())
        targets.set_reference(u, i, 4 + static_cast<double>(u % 5));
      else if (r.operation == op::between)
        targets.set_range(u, i, r.low + static_cast<double>(u % 3),
                          r.high + static_cast<double>(u % 3));
      else if (r.is_comparison())
        targets.set_value(u, i, r.value + static_cast<double>(u % 4) / 2);
    }
  }
  return {std::move(p), std::move(store), std::move(targets)};
}

}  // namespace planeval::bench
