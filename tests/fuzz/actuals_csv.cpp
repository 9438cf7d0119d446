// Fuzz target: a CSV actuals table. Actuals that read write (write_actuals) and read back equal.
#include <sstream>

#include "fuzz_common.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  const auto obs = fuzz::attempt([&] {
    std::istringstream in(input);
    return read_actuals(in, "fuzz.csv");
  });
  if (!obs) return 0;
  const std::string written = fuzz::must("write_actuals", input, [&] {
    std::ostringstream out;
    write_actuals(out, *obs);
    return out.str();
  });
  const std::string context = "input:\n" + input + "\nwritten:\n" + written;
  const observation_set back = fuzz::must("reading the written actuals", context, [&] {
    std::istringstream in(written);
    return read_actuals(in, "fuzz.csv");
  });
  fuzz::require(back == *obs, "the written actuals read back equal", context);
  std::ostringstream again;
  write_actuals(again, back);
  fuzz::require(again.str() == written, "writing is stable", context);
  return 0;
}
