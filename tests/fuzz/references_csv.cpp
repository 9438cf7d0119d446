// Fuzz target: a CSV references table. References that read write (write_references) and read
// back equal.
#include <sstream>

#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  const auto refs = fuzz::attempt([&] {
    std::istringstream in(input);
    return read_references(in, "fuzz.csv");
  });
  if (!refs) return 0;
  const std::string written = fuzz::must("write_references", input, [&] {
    std::ostringstream out;
    write_references(out, *refs);
    return out.str();
  });
  const std::string context = "input:\n" + input + "\nwritten:\n" + written;
  const reference_set back = fuzz::must("reading the written references", context, [&] {
    std::istringstream in(written);
    return read_references(in, "fuzz.csv");
  });
  fuzz::require(back == *refs, "the written references read back equal", context);
  std::ostringstream again;
  write_references(again, back);
  fuzz::require(again.str() == written, "writing is stable", context);
  return 0;
}
