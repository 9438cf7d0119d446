// Fuzz target: a Boost.Serialization text archive of a plan. An archive that loads re-saves in
// every kind and loads equal, and converts to canonical JSON that loads equal (unless it holds
// what JSON cannot, such as text that is not UTF-8: archives are trusted input).
#include "plan_round_trip.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fuzz::as_text(data, size));
  const auto p = fuzz::attempt([&] { return fuzz::plan_of(input, plan_format::text); });
  if (!p) return 0;
  fuzz::check_plan_round_trips(*p, "(text archive of " + std::to_string(size) + " bytes)",
                               /*json_may_refuse=*/true);
  return 0;
}
