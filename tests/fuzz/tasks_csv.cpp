// Fuzz target: a CSV task table. Tasks that read write (write_tasks) and read back equal.
#include <sstream>

#include "fuzz_common.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  const auto tasks = fuzz::attempt([&] {
    std::istringstream in(input);
    return read_tasks(in, "fuzz.csv");
  });
  if (!tasks) return 0;
  const std::string written = fuzz::must("write_tasks", input, [&] {
    std::ostringstream out;
    write_tasks(out, *tasks);
    return out.str();
  });
  const std::string context = "input:\n" + input + "\nwritten:\n" + written;
  const std::vector<task> back = fuzz::must("reading the written tasks", context, [&] {
    std::istringstream in(written);
    return read_tasks(in, "fuzz.csv");
  });
  fuzz::require(back == *tasks, "the written tasks read back equal", context);
  std::ostringstream again;
  write_tasks(again, back);
  fuzz::require(again.str() == written, "writing is stable", context);
  return 0;
}
