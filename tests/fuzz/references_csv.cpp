// Fuzz target: a CSV references table. References that read write (write_references) and read
// back equal.
#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::table_round_trip(
      data, size, "write_references",
      [](std::istream& in) { return read_references(in, "fuzz.csv"); },
      [](std::ostream& out, const reference_set& r) { write_references(out, r); },
      [](const reference_set& first, const reference_set& back, const std::string& context) {
        fuzz::require(back == first, "the written references read back equal", context);
      });
}
