#pragma once
// What every imported grid must satisfy, whatever its cells: a lenient import either reads the
// table (unique ids, every kept cell located, an evaluation that does not throw) or fails with a
// planeval error; a strict import fails where the lenient one kept a cell.
#include <set>
#include <vector>

#include "fuzz_common.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/import/table.hpp"

namespace planeval::fuzz {

inline void check_import(const grid& g, const std::string& input) {
  const auto lenient = attempt([&] { return import_grid(g); });
  if (!lenient) return;
  std::set<std::string> ids;
  for (const auto& i : lenient->plan.indicators)
    require(ids.insert(i.id).second && !i.id.empty(), "ids are unique and not empty", input);
  for (const auto& r : lenient->review)
    require(!r.where.cell.empty(), "a cell kept for review names its cell", input);
  require(lenient->actual_origins.size() == lenient->actuals.size(), "every result has its cell",
          input);
  (void)attempt([&] {
    auto a = evaluate(lenient->plan, lenient->actuals, {});
    apply_review(a, lenient->review);
    return a.size();
  });
  import_options strict;
  strict.strict = true;
  const auto s = attempt([&] { return import_grid(g, strict); });
  if (!lenient->review.empty()) require(!s, "a strict import fails where cells were kept", input);
}

/// Every grid of a page or package: rows padded to the grid's width, then `check_import`.
inline void check_grids(const std::vector<grid>& grids, const std::string& input) {
  for (const auto& g : grids) {
    for (const auto& row : g.rows)
      require(row.size() == g.width(), "rows are padded to the grid's width", input);
    check_import(g, input);
  }
}

}  // namespace planeval::fuzz
