// Fuzz target: an observation text. What parses prints (zh and en) to a text that parses back
// to an equal observation.
#include "fuzz_common.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {
bool same(const parsed_observation& a, const parsed_observation& b) {
  return a.value == b.value && a.measure == b.measure && a.unit == b.unit &&
         a.qualifier == b.qualifier && a.comparable == b.comparable &&
         a.approximate == b.approximate && a.remark == b.remark;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const std::string input(text);
  const auto o = fuzz::attempt([&] { return parse_observation(text); });
  if (!o) return 0;
  for (const auto lang : {language::zh, language::en}) {
    const std::string printed = fuzz::must("canonical", input, [&] { return canonical(*o, lang); });
    const std::string context =
        "input: " + input + "\nprinted (" + to_string(lang) + "): " + printed;
    const parsed_observation back = fuzz::must("parsing the canonical text", context,
                                               [&] { return parse_observation(printed); });
    fuzz::require(same(back, *o), "the canonical text parses back to an equal observation",
                  context);
    fuzz::require(canonical(back, lang) == printed, "printing is stable", context);
  }
  return 0;
}
