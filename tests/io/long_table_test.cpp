// Long tables of many units: the streaming reader (located errors, leniency, limits) and the
// batch evaluation of a long table, which must give the statuses and gaps of `evaluate`.
#include "planeval/io/long_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/render/batch.hpp"

using namespace planeval;
namespace fs = std::filesystem;

namespace {

const std::string example = PLANEVAL_EXAMPLE_DATA "/changning-2021";

std::string write_temp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "planeval-long-table-test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// The seed plan's 2021 values (illustrative) for `units` districts: the numbers moved by a
// step per district so that statuses differ, the texts (新开工108, 95以上) kept as written.
std::string districts_table(std::size_t units) {
  std::ifstream in(example + "/actuals-illustrative.csv");
  const csv_table t = read_csv(in, "actuals-illustrative.csv");
  std::ostringstream out;
  out << "unit,indicator,period,value\n";
  for (std::size_t u = 0; u < units; ++u)
    for (const auto& row : t.rows) {
      const std::string& value = row[static_cast<std::size_t>(t.column("value"))].text;
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      std::string written = value;
      if (end != nullptr && *end == '\0' && !value.empty()) {
        std::ostringstream moved;
        moved << v * (0.9 + 0.025 * static_cast<double>(u));
        written = moved.str();
      }
      out << "district-" << u << ',' << row[static_cast<std::size_t>(t.column("indicator"))].text
          << ',' << row[static_cast<std::size_t>(t.column("period"))].text << ','
          << csv_quote(written) << '\n';
    }
  return out.str();
}

// One unit's rows of a long table (`district-<u>`) through the per-indicator evaluator, with
// its references (`indicator,period,value` CSV), judging the plan's period.
std::vector<assessment> evaluate_one_unit(const plan& p, const std::string& table, std::size_t u,
                                          const std::string& references_csv) {
  std::ostringstream one;
  std::istringstream all(table);
  std::string line;
  std::getline(all, line);
  one << "indicator,period,value\n";
  const std::string prefix = "district-" + std::to_string(u) + ",";
  while (std::getline(all, line))
    if (line.rfind(prefix, 0) == 0) one << line.substr(prefix.size()) << '\n';
  std::istringstream in(one.str());
  const observation_set actuals = read_actuals(in, "unit.csv", &p);
  std::istringstream refs_in(references_csv);
  const reference_set references = read_references(refs_in, "refs.csv", &p);
  evaluation_options opt;
  opt.only = p.period;
  return evaluate(p, actuals, references, opt);
}

// Expects the batch's status and gap of unit `u` to be those of an assessment of `evaluate`;
// false (nothing checked) when the table has no row for that cell.
bool expect_cell_agrees(const long_table& t, const batch_result& r, std::size_t u,
                        const assessment& a) {
  const auto i = t.store.indicator_index(a.indicator);
  const auto k = t.store.period_index(a.period);
  EXPECT_TRUE(i && k) << a.indicator;
  if (!i || !k) return false;
  const std::size_t at = t.store.offset(u, *i, *k);
  if (!t.present[at]) return false;
  EXPECT_EQ(r.at(u, *i, *k), a.status)
      << "district-" << u << " " << a.indicator << ": " << a.reason_en;
  if (a.gap)
    EXPECT_NEAR(r.gap[at], *a.gap, 1e-9) << a.indicator;
  else
    EXPECT_TRUE(std::isnan(r.gap[at])) << a.indicator << " gap " << r.gap[at];
  return true;
}

}  // namespace

TEST(long_table, the_seed_plan_for_many_districts_agrees_with_evaluate) {
  const plan p = load_plan(example + "/plan.json");
  const std::size_t units = 9;
  const std::string text = districts_table(units);
  const std::string path = write_temp("districts.csv", text);
  const long_table t = read_long_table(path, p);
  ASSERT_EQ(t.bad_rows, 0u);
  ASSERT_EQ(t.store.units(), units);
  EXPECT_FALSE(t.texts.empty());  // 新开工108, 95以上 … are kept beside the numbers
  // each unit's references: the illustrative quotas, and its own city target for gdp_growth
  std::ostringstream refs_text;
  refs_text << "unit,indicator,period,value\n";
  for (std::size_t u = 0; u < units; ++u) {
    refs_text << "district-" << u << ",gdp_growth,2021," << 7.5 + 0.2 * static_cast<double>(u)
              << "\n";
    refs_text << "district-" << u << ",energy_intensity_reduction,2021,3.5\n"
              << "district-" << u << ",registered_unemployed,2021,6000\n";
  }
  const long_table refs = read_long_table(write_temp("refs.csv", refs_text.str()), p);
  ASSERT_EQ(refs.bad_rows, 0u);
  batch_targets targets(p, t.store, std::nullopt, true);
  EXPECT_GT(set_long_references(targets, t, refs, p.period), 0u);
  const batch_result r = evaluate_long_table(t, p, targets, std::nullopt, {}, &refs);
  const long_table_summary s = summarise_long_table(t, r);
  EXPECT_EQ(s.observations, t.rows);
  std::size_t compared = 0, attained = 0;
  for (std::size_t u = 0; u < units; ++u) {
    std::ostringstream unit_refs;
    unit_refs << "indicator,period,value\n"
              << "gdp_growth,2021," << 7.5 + 0.2 * static_cast<double>(u) << "\n"
              << "energy_intensity_reduction,2021,3.5\nregistered_unemployed,2021,6000\n";
    for (const auto& a : evaluate_one_unit(p, text, u, unit_refs.str()))
      if (expect_cell_agrees(t, r, u, a)) {
        ++compared;
        attained += is_attained(a.status);
        // the reason of the cell on demand: the one evaluate gives
        const assessment e =
            explain_long_cell(t, p, std::nullopt, u, *t.store.indicator_index(a.indicator),
                              *t.store.period_index(a.period), &refs);
        EXPECT_EQ(e.status, a.status) << a.indicator;
        EXPECT_EQ(e.reason_en, a.reason_en) << a.indicator;
        EXPECT_EQ(e.reason_zh, a.reason_zh) << a.indicator;
      }
  }
  EXPECT_EQ(compared, t.rows);
  EXPECT_GT(attained, 0u);
  EXPECT_EQ(s.by_status[status::needs_reference], units);  // work_safety_deaths: not supplied
  EXPECT_LT(attained, compared);
  // the ranking: every unit, highest share first
  const auto rank = rank_units(s);
  ASSERT_EQ(rank.size(), units);
  for (std::size_t k = 1; k < rank.size(); ++k) EXPECT_GE(rank[k - 1].share, rank[k].share);
}

// Each unit's own targets: the plan's form with the unit's number goes to the kernels, any other
// form (another comparison, a target the plan lacks, a reference target) to the evaluator, a
// text that does not parse makes the unit's cells needs_review; statuses and gaps are those of
// `evaluate` on a plan whose target is the unit's own.
TEST(long_table, units_own_targets_replace_the_plans_and_agree_with_evaluate) {
  const plan p = load_plan(example + "/plan.json");
  const std::size_t units = 7;
  const std::string text = districts_table(units);
  const long_table t = read_long_table(write_temp("districts-own.csv", text), p);
  ASSERT_EQ(t.bad_rows, 0u);
  const std::string own_csv =
      "地区,指标,年份,目标\n"
      "district-0,one_network_access_rate,2021,97以上\n"   // kernels: at_least
      "district-1,fixed_investment_growth,2021,6-8\n"      // kernels: between
      "district-2,retail_sales_growth,2021,4以上\n"        // evaluator: another comparison
      "district-3,household_waste_reduction,2021,5以上\n"  // evaluator: the plan has none
      "district-4,gdp_growth,2021,6左右\n"                 // evaluator: plan names a reference
      "district-5,budget_revenue_growth,2021,约8.x\n"      // does not parse: needs_review
      "district-6,gpd,2021,5\n"                            // unknown indicator
      "district-99,gdp_growth,2021,6\n"                    // no such unit: not used
      "district-6,gdp_growth,2022,6\n"                     // another period: not used
      "district-0,one_network_access_rate,,98以上\n";      // a second target of one cell
  const std::string own_path = write_temp("own.csv", own_csv);
  long_unit_targets own = read_long_unit_targets(own_path, p, t.store, p.period);
  EXPECT_EQ(own.rows, 10u);
  EXPECT_EQ(own.unused_rows, 2u);
  ASSERT_EQ(own.bad_rows, 3u);
  ASSERT_EQ(own.problems.size(), 3u);
  EXPECT_EQ(own.problems[0].code, errc::target_syntax) << own.problems[0].message;
  EXPECT_EQ(own.problems[0].where.line, 7u);
  EXPECT_EQ(own.problems[0].where.indicator, "budget_revenue_growth");
  EXPECT_EQ(own.problems[1].code, errc::model_unknown_id);
  EXPECT_EQ(own.problems[1].where.line, 8u);
  EXPECT_EQ(own.problems[2].code, errc::model_duplicate);
  EXPECT_NE(own.problems[2].message.find("line 2"), std::string::npos) << own.problems[2].message;
  ASSERT_EQ(own.items.size(), 6u);  // the unparsed one is kept, for review

  batch_targets targets(p, t.store, std::nullopt, true);
  EXPECT_EQ(set_long_unit_targets(targets, own), 2u);
  const batch_result r = evaluate_long_table(t, p, targets, std::nullopt, {}, nullptr, &own);
  std::size_t compared = 0;
  for (std::size_t u = 0; u < units; ++u) {
    plan mine = p;  // the plan as this unit has it: its own targets in place of the plan's
    for (const auto& item : own.items) {
      if (item.unit != u) continue;
      indicator& ind = mine.indicators[item.indicator];
      ind.targets.erase(std::remove_if(ind.targets.begin(), ind.targets.end(),
                                       [&](const target& x) { return x.period == p.period; }),
                        ind.targets.end());
      ind.targets.push_back(item.value);
    }
    for (const auto& a : evaluate_one_unit(mine, text, u, "indicator,period,value\n"))
      if (expect_cell_agrees(t, r, u, a)) {
        ++compared;
        const assessment e =
            explain_long_cell(t, p, std::nullopt, u, *t.store.indicator_index(a.indicator),
                              *t.store.period_index(a.period), nullptr, &own);
        EXPECT_EQ(e.reason_en, a.reason_en) << "district-" << u << " " << a.indicator;
      }
  }
  EXPECT_EQ(compared, t.rows);
  const auto cell = [&](std::size_t u, const char* id) {
    return r.at(u, *t.store.indicator_index(id), *t.store.period_index(p.period));
  };
  EXPECT_EQ(cell(5, "budget_revenue_growth"), status::needs_review);
  EXPECT_NE(cell(3, "household_waste_reduction"), status::no_target);
  EXPECT_EQ(cell(6, "household_waste_reduction"), status::no_target);
  EXPECT_NE(cell(4, "gdp_growth"), status::needs_reference);
  EXPECT_EQ(cell(6, "gdp_growth"), status::needs_reference);

  // strict: the first bad row, located
  long_table_options strict;
  strict.strict = true;
  try {
    (void)read_long_unit_targets(own_path, p, t.store, p.period, strict);
    FAIL() << "a strict read passed a bad row";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::target_syntax);
    EXPECT_EQ(e.where().line, 7u);
  }
}

TEST(long_table, a_bad_row_is_counted_and_located_and_strict_fails_on_it) {
  const plan p = load_plan(example + "/plan.json");
  const std::string path = write_temp("bad.csv",
                                      "地区,指标,年份,完成值\n"
                                      "a,gdp_growth,2021,8.5\n"
                                      "a,gpd_growth,2021,8.5\n"  // unknown id
                                      "b,gdp_growth,2021年,7\n"
                                      "b,gdp_growth,2021,7.1\n"  // repeated cell
                                      "c,gdp_growth,2021,8%%\n");
  const long_table t = read_long_table(path, p);
  EXPECT_EQ(t.rows, 5u);
  EXPECT_EQ(t.bad_rows, 3u);
  ASSERT_EQ(t.problems.size(), 3u);
  EXPECT_EQ(t.problems[0].code, errc::model_unknown_id);
  EXPECT_EQ(t.problems[0].where.line, 3u);
  EXPECT_EQ(t.problems[0].where.column, 3u);
  EXPECT_EQ(t.problems[1].code, errc::model_duplicate);
  EXPECT_EQ(t.problems[1].where.line, 5u);
  EXPECT_EQ(t.problems[2].where.line, 6u);
  EXPECT_EQ(t.problems[2].where.indicator, "gdp_growth");
  EXPECT_EQ(t.store.get(*t.store.unit_index("b"), *t.store.indicator_index("gdp_growth"), 0), 7.0);
  long_table_options strict;
  strict.strict = true;
  try {
    (void)read_long_table(path, p, strict);
    FAIL() << "strict read a bad row";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::model_unknown_id);
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_NE(e.where().file.find("bad.csv"), std::string::npos);
  }
}

TEST(long_table, limits_and_header_errors) {
  const plan p = load_plan(example + "/plan.json");
  long_table_options few;
  few.max_units = 2;
  const std::string path = write_temp("units.csv",
                                      "unit,indicator,period,value\n"
                                      "a,gdp_growth,2021,1\nb,gdp_growth,2021,2\n"
                                      "c,gdp_growth,2021,3\n");
  try {
    (void)read_long_table(path, p, few);
    FAIL() << "a fourth unit passed a limit of two";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::limit_items);
    EXPECT_EQ(e.where().line, 4u);
  }
  try {
    (void)read_long_table(write_temp("header.csv", "unit,indicator,value\na,gdp_growth,1\n"), p);
    FAIL() << "a table without a period column was read";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::csv_header);
    EXPECT_NE(e.message().find("period"), std::string::npos) << e.message();
  }
}

TEST(long_table, line_ends_a_missing_last_line_end_and_the_line_limit) {
  const plan p = load_plan(example + "/plan.json");
  // CRLF, a BOM, a quoted value with a doubled quote, no line end after the last row
  const long_table t = read_long_table(
      write_temp("crlf.csv",
                 "\xEF\xBB\xBFunit,indicator,period,value,note\r\n"
                 "a,gdp_growth,2021,8.5,\"say \"\"hi\"\"\"\r\nb,gdp_growth,2021,\"6.1\""),
      p);
  EXPECT_EQ(t.rows, 2u);
  EXPECT_EQ(t.bad_rows, 0u);
  EXPECT_EQ(t.store.get(*t.store.unit_index("b"), *t.store.indicator_index("gdp_growth"), 0), 6.1);
  long_table_options narrow;
  narrow.max_line_bytes = 40;
  try {
    (void)read_long_table(
        write_temp("long-line.csv", "unit,indicator,period,value\na,gdp_growth,2021," +
                                        std::string(100, '9') + "\n"),
        p, narrow);
    FAIL() << "a line past the limit was read";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::limit_text_length);
    EXPECT_EQ(e.where().line, 2u);
  }
}

// Batch and per-indicator evaluation agree on every status and gap, on random plans whose
// targets cover every rule kind (the kernels' and those they defer), for every period.
TEST(long_table, evaluate_array_agrees_with_evaluate_on_every_rule_kind) {
  const char* texts[] = {"5-10",
                         "30左右",
                         "95以上",
                         "4.5以内",
                         "增长8%",
                         "下降3%左右",
                         "提高2个百分点",
                         "年均增长7%以上",
                         "比2012年下降10%",
                         "进一步提高",
                         "持续改善",
                         "继续下降",
                         "达60、增长6.8%",
                         "与全市目标基本同步",
                         "完成市下达指标",
                         "达到先进水平"};
  const char* units_of[] = {"%", "家", ""};
  std::mt19937 rng(20261203);
  std::uniform_real_distribution<double> value(0, 120);
  std::size_t compared = 0;
  std::map<status, std::size_t> seen;
  for (int trial = 0; trial < 12; ++trial) {
    plan p;
    p.id = "random";
    p.period = period::year(2020);
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < std::size(texts); ++k) {
      indicator ind;
      ind.id = "i" + std::to_string(k);
      ind.unit = unit::parse(units_of[rng() % 3]);
      ind.polarity = static_cast<polarity>(rng() % 3);
      ind.attribute = static_cast<attribute>(rng() % 2);
      ind.targets.push_back(target{period::year(2020), texts[k], parse_target(texts[k])});
      p.add(ind);
      ids.push_back(ind.id);
    }
    const std::vector<std::string> units = {"u0", "u1", "u2", "u3"};
    std::vector<period> periods;
    for (int y = 2011; y <= 2020; ++y) periods.push_back(period::year(y));
    const std::size_t U = units.size(), I = ids.size(), P = periods.size();
    std::vector<double> values(U * I * P), refs(U * I);
    for (auto& v : values) v = rng() % 8 == 0 ? std::nan("") : std::round(value(rng) * 4) / 4;
    for (auto& r : refs) r = rng() % 3 == 0 ? std::nan("") : std::round(value(rng) * 4) / 4;
    const batch_result r = evaluate_array(p, values.data(), units, ids, periods, refs.data());
    for (std::size_t u = 0; u < U; ++u) {
      observation_set actuals;
      reference_set references;
      for (std::size_t i = 0; i < I; ++i) {
        for (std::size_t k = 0; k < P; ++k) {
          const double v = values[(u * I + i) * P + k];
          if (std::isnan(v)) continue;
          observation o;
          o.indicator = ids[i];
          o.period = periods[k];
          o.value = point_value{v};
          actuals.add(o);
        }
        if (!std::isnan(refs[u * I + i]))
          references.add(reference_value{ids[i], p.period, refs[u * I + i], {}, {}});
      }
      for (std::size_t i = 0; i < I; ++i)
        for (std::size_t k = 0; k < P; ++k) {
          const indicator& ind = p.indicators[i];
          target judged = ind.targets.front();
          judged.period = periods[k];
          // the batch gives each unit one reference value for every period it judges
          reference_set for_period;
          if (const auto* ref = references.find(ind.id, p.period))
            for_period.add(reference_value{ind.id, periods[k], ref->value, {}, {}});
          const assessment a = evaluate_target(p, ind, judged, actuals, for_period, {});
          const std::size_t at = r.offset(u, i, k);
          ++compared;
          ++seen[a.status];
          ASSERT_EQ(static_cast<status>(r.codes[at]), a.status)
              << texts[i] << " unit " << u << " " << periods[k].to_string() << ": " << a.reason_en;
          if (a.gap)
            ASSERT_NEAR(r.gap[at], *a.gap, 1e-6) << texts[i];
          else
            ASSERT_TRUE(std::isnan(r.gap[at])) << texts[i] << " gap " << r.gap[at];
        }
    }
  }
  EXPECT_GT(compared, 7000u);
  for (const status s : {status::met, status::not_met, status::no_data, status::needs_reference,
                         status::needs_judgment})
    EXPECT_GT(seen[s], 0u) << to_string(s);
}
