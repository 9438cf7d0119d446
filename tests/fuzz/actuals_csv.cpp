// Fuzz target: a CSV actuals table. Actuals that read write (write_actuals) and read back equal.
#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::table_round_trip(
      data, size, "write_actuals", [](std::istream& in) { return read_actuals(in, "fuzz.csv"); },
      [](std::ostream& out, const observation_set& o) { write_actuals(out, o); },
      [](const observation_set& first, const observation_set& back, const std::string& context) {
        fuzz::require(back == first, "the written actuals read back equal", context);
      });
}
