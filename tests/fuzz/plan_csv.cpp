// Fuzz target: a CSV plan table. A table that reads writes (write_plan_table) and reads back to
// equal indicators, and the written table is stable.
#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::table_round_trip(
      data, size, "write_plan_table",
      [](std::istream& in) { return read_plan_table(in, "fuzz.csv"); },
      [](std::ostream& out, const plan& p) { write_plan_table(out, p); },
      [](const plan& first, const plan& back, const std::string& context) {
        fuzz::require(back.indicators == first.indicators, "the written table reads back equal",
                      context);
        fuzz::require(back.period == first.period && back.id == first.id,
                      "the plan's id and period are kept", context);
      });
}
