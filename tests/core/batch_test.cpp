#include "planeval/core/batch.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "detail/decimal.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {

struct random_case {
  plan base;
  std::vector<std::string> units;
  std::vector<std::string> ids;
  std::vector<period> periods;
};

rule random_rule(std::mt19937& rng, const unit& u, bool& growth) {
  std::uniform_real_distribution<double> num(1, 100);
  const int kind = static_cast<int>(rng() % 10);
  rule r;
  growth = !u.is_percent() && rng() % 4 == 0;
  const double x = std::round(num(rng) * 4) / 4;
  switch (kind) {
    case 0:
      r.operation = op::reach;
      r.value = x;
      break;
    case 1:
      r.operation = op::about;
      r.value = x;
      break;
    case 2:
      r.operation = op::at_least;
      r.value = x;
      r.strict = rng() % 2;
      break;
    case 3:
      r.operation = op::at_most;
      r.value = x;
      r.strict = rng() % 2;
      break;
    case 4:
    case 5:
      r.operation = op::between;
      r.low = x;
      r.high = x + std::round(num(rng)) / 4;
      break;
    case 6:
      r.operation = op::about;
      r.reference = "全市目标";
      break;
    case 7:
      r.operation = rng() % 2 ? op::reach : op::at_most;
      r.reference = "市下达指标";
      break;
    case 8:
      r.operation = op::qualitative;
      r.description = "达到先进水平";
      growth = false;
      break;
    default:
      r.operation = op::reach;
      r.value = x;
      break;
  }
  if (growth) {
    r.measure.kind = measure_kind::growth;
    r.unit = unit::percent();
    if (r.is_comparison() && !r.has_reference()) {  // growth thresholds around a few percent
      r.value /= 10;
      r.low /= 10;
      r.high /= 10;
    }
  } else if (u.symbol() == "万平方米" && r.is_comparison() && !r.has_reference() && rng() % 2) {
    r.unit = unit::parse("平方米");  // the target in another unit of the same dimension
    r.value *= 10000;
    r.low *= 10000;
    r.high *= 10000;
  }
  return r;
}

random_case make_case(std::mt19937& rng, std::size_t n_units, std::size_t n_indicators,
                      int first_year, int n_periods) {
  random_case c;
  c.base.id = "random";
  c.base.period = period::year(first_year + n_periods - 1);
  auto& tol = c.base.settings.tolerance;
  auto pick = [&](int n) { return static_cast<double>(rng() % static_cast<unsigned>(n)); };
  tol.about_points = pick(3) * 0.25;
  tol.about_relative = pick(3) * 0.025;
  tol.sync_points = pick(3) * 0.5;
  tol.anticipatory_points = pick(2) * 0.2;
  tol.anticipatory_relative = pick(2) * 0.01;
  const char* units[] = {"%", "万平方米", "家", ""};
  for (std::size_t i = 0; i < n_indicators; ++i) {
    indicator ind;
    ind.id = "ind" + std::to_string(i);
    ind.unit = unit::parse(units[rng() % 4]);
    ind.polarity = static_cast<polarity>(rng() % 3);
    ind.attribute = static_cast<attribute>(rng() % 2);
    bool growth = false;
    target t;
    t.period = c.base.period;
    t.rule = random_rule(rng, ind.unit, growth);
    t.text = canonical(t.rule);
    ind.targets.push_back(t);
    c.base.add(ind);
    c.ids.push_back(ind.id);
  }
  for (std::size_t u = 0; u < n_units; ++u) c.units.push_back("unit" + std::to_string(u));
  for (int y = 0; y < n_periods; ++y) c.periods.push_back(period::year(first_year + y));
  return c;
}

}  // namespace

TEST(batch, identical_to_the_per_indicator_evaluator_on_random_plans) {
  std::mt19937 rng(20211231);
  std::size_t compared = 0;
  std::map<status, std::size_t> seen;
  for (int trial = 0; trial < 25; ++trial) {
    auto c = make_case(rng, 6, 14, 2011, 10);
    batch_store store(c.units, c.ids, c.periods);
    batch_targets targets(c.base, store);
    std::uniform_real_distribution<double> jitter(-15, 15);

    // values near the thresholds, some exactly on them, some missing
    for (std::size_t i = 0; i < c.ids.size(); ++i) {
      const rule& r = c.base.indicators[i].targets[0].rule;
      for (std::size_t u = 0; u < c.units.size(); ++u) {
        // per-unit targets and references
        if (r.is_comparison() && !r.has_reference() && rng() % 2) {
          if (r.operation == op::between)
            targets.set_range(u, i, r.low + 1, r.high + 2);
          else
            targets.set_value(u, i, r.value + 1);
        }
        if (r.has_reference() && rng() % 4 != 0)
          targets.set_reference(u, i, std::round(jitter(rng) + 50));
        double level = 50 + jitter(rng);
        for (std::size_t p = 0; p < c.periods.size(); ++p) {
          double v = std::round((r.value != 0 ? r.value : 50) + jitter(rng));
          if (r.measure.kind == measure_kind::growth) {
            level *= 1 + (jitter(rng) / 100);
            v = std::round(level * 100) / 100;
          }
          if (r.unit.symbol() == "平方米") v = std::round(r.value / 10000 + jitter(rng) / 10);
          if (rng() % 8 == 0) v = std::numeric_limits<double>::quiet_NaN();
          if (rng() % 10 == 0 && r.is_comparison() && !r.has_reference())
            v = r.operation == op::between ? r.high : r.value;  // exactly on the threshold
          store.set(u, i, p, v);
        }
      }
    }
    const auto res = evaluate_batch(store, targets, batch_options{1});
    const auto res4 = evaluate_batch(store, targets, batch_options{4});
    ASSERT_EQ(res.codes, res4.codes);  // threads do not change anything
    ASSERT_EQ(res.within_tolerance, res4.within_tolerance);
    // the summaries count the codes, whatever the number of threads
    std::vector<status_counts> by_unit(store.units()), by_indicator(store.indicators());
    for (std::size_t u = 0; u < store.units(); ++u)
      for (std::size_t i = 0; i < store.indicators(); ++i)
        for (std::size_t p = 0; p < store.periods(); ++p) {
          by_unit[u].add(res.at(u, i, p));
          by_indicator[i].add(res.at(u, i, p));
        }
    for (const auto* r : {&res, &res4}) {
      for (std::size_t u = 0; u < store.units(); ++u) ASSERT_EQ(r->by_unit[u].n, by_unit[u].n);
      for (std::size_t i = 0; i < store.indicators(); ++i)
        ASSERT_EQ(r->by_indicator[i].n, by_indicator[i].n);
    }

    // the same data through the per-indicator evaluator, one plan per unit
    for (std::size_t u = 0; u < c.units.size(); ++u) {
      plan pu = c.base;
      observation_set obs;
      reference_set refs;
      for (std::size_t i = 0; i < c.ids.size(); ++i) {
        auto& ind = pu.indicators[i];
        const auto& rr = targets.rules()[i];
        rule r = ind.targets[0].rule;
        if (!std::isnan(rr.value[u])) r.value = rr.value[u];
        if (!std::isnan(rr.low[u])) r.low = rr.low[u];
        if (!std::isnan(rr.high[u])) r.high = rr.high[u];
        ind.targets.clear();
        for (std::size_t p = 0; p < c.periods.size(); ++p) {
          ind.targets.push_back(target{c.periods[p], canonical(r), r});
          const double v = store.get(u, i, p);
          if (!std::isnan(v)) {
            observation o;
            o.indicator = ind.id;
            o.period = c.periods[p];
            o.value = point_value{v};
            obs.add(o);
          }
          if (r.has_reference() && !std::isnan(rr.reference[u]))
            refs.add(reference_value{ind.id, c.periods[p], rr.reference[u], unit(), ""});
        }
      }
      const auto as = evaluate(pu, obs, refs);
      ASSERT_EQ(as.size(), c.ids.size() * c.periods.size());
      for (std::size_t i = 0; i < c.ids.size(); ++i) {
        for (std::size_t p = 0; p < c.periods.size(); ++p) {
          const auto& a = as[i * c.periods.size() + p];
          ASSERT_EQ(a.indicator, c.ids[i]);
          ASSERT_EQ(a.period, c.periods[p]);
          const auto off = res.offset(u, i, p);
          const auto st = static_cast<status>(res.codes[off]);
          ASSERT_EQ(st, a.status) << "trial " << trial << " unit " << u << " " << c.ids[i] << " "
                                  << a.period.to_string() << ": " << a.reason_en << " (batch "
                                  << to_string(st) << ")";
          ASSERT_EQ(res.within_tolerance[off] != 0, a.within_tolerance) << a.reason_en;
          if (a.gap) {
            // the same difference of the same figures; evaluate rounds it to their decimals
            ASSERT_TRUE(a.actual && a.target_value) << a.reason_en;
            ASSERT_EQ(res.gap[off], *a.actual - *a.target_value) << a.reason_en;
            ASSERT_EQ(*a.gap, detail::difference(*a.actual, *a.target_value)) << a.reason_en;
          } else {
            ASSERT_TRUE(std::isnan(res.gap[off])) << a.reason_en;
          }
          ++seen[a.status];
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 20000u);
  // the random plans reach every status the batch can give
  for (const auto s : {status::met, status::exceeded, status::not_met, status::no_data,
                       status::needs_reference, status::needs_judgment})
    EXPECT_GT(seen[s], 0u) << to_string(s);
}

TEST(batch, summaries_and_memory) {
  plan p;
  indicator ind;
  ind.id = "rate";
  ind.unit = unit::percent();
  ind.targets.push_back(target{period::year(2021), "95以上", parse_target("95以上")});
  p.add(ind);
  indicator none;
  none.id = "none";
  p.add(none);
  p.period = period::year(2021);
  batch_store store({"a", "b"}, {"rate", "none"}, {period::year(2020), period::year(2021)});
  EXPECT_EQ(store.value_bytes(), 8u * 8u);
  store.set(0, 0, 0, 96);
  store.set(0, 0, 1, 94);
  store.set(1, 0, 1, 95);
  batch_targets targets(p, store);
  const auto res = evaluate_batch(store, targets);
  EXPECT_EQ(res.at(0, 0, 0), status::met);
  EXPECT_EQ(res.at(0, 0, 1), status::not_met);
  EXPECT_EQ(res.at(1, 0, 0), status::no_data);
  EXPECT_EQ(res.at(1, 0, 1), status::met);
  EXPECT_EQ(res.at(0, 1, 0), status::no_target);
  EXPECT_EQ(res.by_unit[0][status::met], 1u);
  EXPECT_EQ(res.by_unit[0][status::no_target], 2u);
  EXPECT_EQ(res.by_indicator[0].attained(), 2u);
  EXPECT_EQ(res.by_indicator[1][status::no_target], 4u);
  EXPECT_DOUBLE_EQ(res.gap[res.offset(0, 0, 1)], -1.0);
}

TEST(batch, errors) {
  EXPECT_THROW(batch_store({"a", "a"}, {"x"}, {period::year(2021)}), model_error);
  EXPECT_THROW(batch_store({}, {"x"}, {period::year(2021)}), model_error);
  plan p;
  indicator ind;
  ind.id = "x";
  ind.targets.push_back(target{period::year(2021), "进一步提高", parse_target("进一步提高")});
  p.add(ind);
  batch_store store({"a"}, {"x"}, {period::year(2021)});
  EXPECT_THROW(batch_targets(p, store), error);
  batch_store other({"a"}, {"y"}, {period::year(2021)});
  EXPECT_THROW(batch_targets(p, other), model_error);
}

// A store's own layout and a view of a C-order array: offset and cell_of are inverses, a view
// reads the caller's values where they are and refuses to be written.
TEST(batch, both_layouts_map_offsets_to_cells_and_back) {
  const std::vector<std::string> units{"a", "b", "c"}, indicators{"x", "y"};
  const std::vector<period> periods{period::year(2020), period::year(2021), period::year(2022),
                                    period::year(2023)};
  std::vector<double> values(units.size() * indicators.size() * periods.size());
  for (std::size_t n = 0; n < values.size(); ++n) values[n] = static_cast<double>(n);
  const batch_store own(units, indicators, periods);
  const batch_store view = batch_store::view(units, indicators, periods, values.data());
  EXPECT_FALSE(own.is_view());
  EXPECT_TRUE(view.is_view());
  EXPECT_EQ(view.size(), values.size());
  EXPECT_EQ(view.value_bytes(), 0u);
  for (const batch_store* s : {&own, &view})
    for (std::size_t u = 0; u < 3; ++u)
      for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t k = 0; k < 4; ++k) {
          const auto c = s->cell_of(s->offset(u, i, k));
          EXPECT_EQ(c.unit, u);
          EXPECT_EQ(c.indicator, i);
          EXPECT_EQ(c.period, k);
        }
  // the view's (u, i, k) is the C-order element of the caller's array
  EXPECT_EQ(view.get(2, 1, 3), values[(2 * 2 + 1) * 4 + 3]);
  batch_store copy = view;
  EXPECT_THROW(copy.set(0, 0, 0, 1.0), error);
}
