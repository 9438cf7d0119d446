// Fuzz target: a JSON plan file. A file that loads gives canonical JSON that loads equal and
// prints byte-identically, and archives of every kind that load equal. Reading in the mode that
// collects every problem fails only cleanly too.
#include <vector>

#include "plan_round_trip.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  {
    std::vector<error> problems;
    if (fuzz::attempt([&] { return plan_from_json(input, "fuzz.json", &problems); }))
      for (const auto& e : problems) fuzz::check_error(e);
  }
  const auto p = fuzz::attempt([&] { return plan_from_json(input, "fuzz.json"); });
  if (!p) return 0;
  fuzz::check_plan_round_trips(*p, input);
  return 0;
}
