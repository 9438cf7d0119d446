// Batch evaluation: the seed plan's 25 indicators judged for many districts at once, each
// district with its own numbers where it has them. The values are ILLUSTRATIVE: generated from a
// fixed seed around each target, not statistics of any district.
// Usage: batch_districts [PLAN_FILE] [DISTRICTS]
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "planeval/core/batch.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/plan_file.hpp"

namespace {

// A small deterministic generator (splitmix64), so the output is the same on every platform.
struct generator {
  std::uint64_t state;
  double next() {  // uniform in [0, 1)
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : PLANEVAL_EXAMPLE_DATA "/changning-2021/plan.json";
  const std::size_t districts = argc > 2 ? std::stoul(argv[2]) : 16;
  try {
    const planeval::plan p = planeval::load_plan(file);

    // 1. The store: districts × the plan's indicators × one period, every value missing (NaN).
    std::vector<std::string> units;
    for (std::size_t u = 0; u < districts; ++u)
      units.push_back("district-" + std::to_string(u + 1));
    std::vector<std::string> ids;
    for (const auto& ind : p.indicators) ids.push_back(ind.id);
    planeval::batch_store store(units, ids, {p.period});

    // 2. The targets: compiled once from the plan; each district gets its own reference values
    //    (the city's growth target, its quotas) and, for the budget revenue, its own target.
    planeval::batch_targets targets(p, store);
    generator g{2021};
    for (std::size_t i = 0; i < store.indicators(); ++i) {
      const auto& rr = targets.rules()[i];
      for (std::size_t u = 0; u < store.units(); ++u) {
        if (!rr.present || !rr.rule.is_comparison()) continue;
        const planeval::rule& r = rr.rule;
        double centre = r.operation == planeval::op::between ? (r.low + r.high) / 2 : r.value;
        if (r.has_reference()) {
          centre = 4 + std::round(g.next() * 40) / 10;  // the district's reference, 4.0–8.0
          targets.set_reference(u, i, centre);
        } else if (ids[i] == "budget_revenue_growth") {
          centre = 3 + static_cast<double>(u % 4);  // 3, 4, 5 or 6 per cent
          targets.set_value(u, i, centre);
        }
        // a value within ±15% of the target; one in twelve districts has not reported
        const double v = centre * (0.85 + 0.3 * g.next());
        if (g.next() >= 1.0 / 12) store.set(u, i, 0, std::round(v * 100) / 100);
      }
    }

    // 3. Evaluate: statuses, tolerance flags and gaps in arrays, counts per unit and indicator.
    planeval::batch_options options;
    options.threads = 2;  // the results do not depend on the number of threads
    const planeval::batch_result res = planeval::evaluate_batch(store, targets, options);

    std::cout << store.units() << " districts x " << store.indicators() << " indicators x "
              << store.periods() << " period = " << store.size() << " observations, "
              << store.value_bytes() / store.size() << " bytes each (ILLUSTRATIVE values)\n\n";
    std::cout << "indicator                        met  exceeded  not_met  no_data  other\n";
    for (std::size_t i = 0; i < store.indicators(); ++i) {
      const auto& c = res.by_indicator[i];
      const std::size_t other = c.total() - c[planeval::status::met] -
                                c[planeval::status::exceeded] - c[planeval::status::not_met] -
                                c[planeval::status::no_data];
      char line[160];
      std::snprintf(line, sizeof line, "%-30s %5zu %9zu %8zu %8zu %6zu\n", ids[i].c_str(),
                    c[planeval::status::met], c[planeval::status::exceeded],
                    c[planeval::status::not_met], c[planeval::status::no_data], other);
      std::cout << line;
    }
    std::cout << "\ndistrict     attained  not_met  (of " << store.indicators() << ")\n";
    for (std::size_t u = 0; u < store.units(); ++u) {
      char line[96];
      std::snprintf(line, sizeof line, "%-12s %8zu %8zu\n", units[u].c_str(),
                    res.by_unit[u].attained(), res.by_unit[u][planeval::status::not_met]);
      std::cout << line;
    }

    // 4. One cell in detail: the first district's retail sales growth (target "3左右").
    if (const auto i = store.indicator_index("retail_sales_growth")) {
      const std::size_t k = res.offset(0, *i, 0);
      std::printf("\n%s, retail_sales_growth: value %.2f, status %s, gap %+.2f%s\n",
                  units[0].c_str(), store.get(0, *i, 0), planeval::to_string(res.at(0, *i, 0)),
                  res.gap[k], res.within_tolerance[k] ? " (within tolerance)" : "");
    }
  } catch (const planeval::error& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
