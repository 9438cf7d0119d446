// Fuzz target: a CSV plan table. A table that reads writes (write_plan_table) and reads back to
// equal indicators, and the written table is stable.
#include <sstream>

#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  const auto p = fuzz::attempt([&] {
    std::istringstream in(input);
    return read_plan_table(in, "fuzz.csv");
  });
  if (!p) return 0;
  const std::string written = fuzz::must("write_plan_table", input, [&] {
    std::ostringstream out;
    write_plan_table(out, *p);
    return out.str();
  });
  const std::string context = "input:\n" + input + "\nwritten:\n" + written;
  const plan back = fuzz::must("reading the written table", context, [&] {
    std::istringstream in(written);
    return read_plan_table(in, "fuzz.csv");
  });
  fuzz::require(back.indicators == p->indicators, "the written table reads back equal", context);
  fuzz::require(back.per == p->per && back.id == p->id, "the plan's id and period are kept",
                context);
  std::ostringstream again;
  write_plan_table(again, back);
  fuzz::require(again.str() == written, "writing is stable", context);
  return 0;
}
