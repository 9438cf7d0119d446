// Evaluate the Changning 2021 plan against illustrative actuals through the C++ API.
// Usage: evaluate_plan [DATA_DIR] [zh|en]
#include <iostream>
#include <string>

#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/tables.hpp"

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : PLANEVAL_EXAMPLE_DATA "/changning-2021";
  const auto lang =
      (argc > 2 && std::string(argv[2]) == "en") ? planeval::language::en : planeval::language::zh;
  try {
    // 1. The plan table: indicators with baselines and targets written as published.
    const planeval::plan plan = planeval::load_plan_table(dir + "/indicators.csv");
    // 2. Actual values and the references (quotas) the targets point to.
    const auto actuals = planeval::load_actuals(dir + "/actuals-illustrative.csv", &plan);
    const auto references = planeval::load_references(dir + "/references-illustrative.csv", &plan);
    // 3. Evaluate: a pure function of its inputs.
    const auto assessments = planeval::evaluate(plan, actuals, references);
    for (const auto& a : assessments) {
      const auto* ind = plan.find(a.indicator);
      std::cout << a.indicator << '\t'
                << (lang == planeval::language::zh ? ind->name_zh : ind->name_en) << '\t'
                << planeval::to_string(a.status) << '\t' << a.reason(lang) << '\n';
    }
    // 4. The summary paragraph, in the register of plan reports.
    const auto summary = planeval::summarize(plan, assessments);
    std::cout << '\n' << planeval::narrative(plan, summary, lang) << '\n';
  } catch (const planeval::error& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
