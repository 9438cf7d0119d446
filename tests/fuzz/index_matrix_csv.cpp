// Fuzz target: an index-matrix CSV. A matrix that reads writes (write_index_matrix) and reads
// back equal (missing values stay missing).
#include <cmath>

#include "fuzz_common.hpp"
#include "planeval/io/index_table.hpp"

using namespace planeval;

namespace {
bool same(const index_matrix& a, const index_matrix& b) {
  if (a.units != b.units || a.indicators.size() != b.indicators.size() ||
      a.values.size() != b.values.size())
    return false;
  for (std::size_t j = 0; j < a.indicators.size(); ++j) {
    const auto& x = a.indicators[j];
    const auto& y = b.indicators[j];
    if (x.id != y.id || x.name_zh != y.name_zh || x.name_en != y.name_en ||
        x.polarity != y.polarity || x.weight != y.weight || x.goal_low != y.goal_low ||
        x.goal_high != y.goal_high || x.target != y.target)
      return false;
  }
  for (std::size_t k = 0; k < a.values.size(); ++k) {
    if (std::isnan(a.values[k]) != std::isnan(b.values[k])) return false;
    if (!std::isnan(a.values[k]) && a.values[k] != b.values[k]) return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::table_round_trip(
      data, size, "write_index_matrix",
      [](std::istream& in) { return read_index_matrix(in, "fuzz.csv"); },
      [](std::ostream& out, const index_matrix& m) { write_index_matrix(out, m); },
      [](const index_matrix& first, const index_matrix& back, const std::string& context) {
        fuzz::require(same(back, first), "the written matrix reads back equal", context);
      });
}
