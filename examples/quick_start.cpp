// The C++ example of README.md, compiled and run by the tests (keep the two identical).
#include <iostream>
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/tables.hpp"

int main() {
  const std::string dir = "examples/data/changning-2021/";
  const planeval::plan plan = planeval::load_plan_table(dir + "indicators.csv");
  const auto actuals = planeval::load_actuals(dir + "actuals-illustrative.csv", &plan);
  const auto refs = planeval::load_references(dir + "references-illustrative.csv", &plan);

  const auto assessments = planeval::evaluate(plan, actuals, refs);  // pure, thread-safe
  for (const auto& a : assessments)
    std::cout << a.indicator << ": " << planeval::to_string(a.status) << " — " << a.reason_en
              << '\n';

  const auto summary = planeval::summarize(plan, assessments);
  std::cout << planeval::narrative(plan, summary, planeval::language::zh) << '\n';

  const planeval::rule r = planeval::parse_target("增长6%以上");        // growth, at least 6 %
  std::cout << planeval::canonical(r, planeval::language::en) << '\n';  // "up at least 6%"
}
