// A program outside the planeval tree, built against the installed package.
#include <iostream>

#include "planeval/analytics/composite.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/version.hpp"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const planeval::plan p = planeval::load_plan_table(argv[1]);
  const auto r = planeval::parse_target("95以上");
  std::cout << "planeval " PLANEVAL_VERSION_STRING ": " << p.indicators.size()
            << " indicators; '95以上' is " << planeval::to_string(r.operation) << '\n';
  // the analytics layer links too (Eigen and threads stay private to it)
  planeval::index_matrix m;
  m.units = {"a", "b"};
  m.indicators.resize(1);
  m.indicators[0].id = "x";
  m.values = {1, 2};
  const auto index = planeval::compute_index(m);
  return r.operation == planeval::op::at_least && index.ranks[1] == 1 ? 0 : 1;
}
