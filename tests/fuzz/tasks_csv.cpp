// Fuzz target: a CSV task table. Tasks that read write (write_tasks) and read back equal.
#include "fuzz_common.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz::table_round_trip(
      data, size, "write_tasks", [](std::istream& in) { return read_tasks(in, "fuzz.csv"); },
      [](std::ostream& out, const std::vector<task>& t) { write_tasks(out, t); },
      [](const std::vector<task>& first, const std::vector<task>& back,
         const std::string& context) {
        fuzz::require(back == first, "the written tasks read back equal", context);
      });
}
