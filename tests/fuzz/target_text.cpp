// Fuzz target: a target text. What parses prints (zh and en) to a text that parses back to an
// equal rule; with keep_unparsed nothing but a limit is an error.
#include "fuzz_common.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const std::string input(text);

  parse_options keep;
  keep.keep_unparsed = true;
  const auto kept = fuzz::attempt([&] { return parse_target(text, keep); });
  const auto r = fuzz::attempt([&] { return parse_target(text); });
  if (!r) {
    if (kept)
      fuzz::require(kept->operation == op::unparsed, "keep_unparsed keeps what fails", input);
    return 0;
  }
  fuzz::require(kept && *kept == *r, "keep_unparsed changes nothing for a text that parses", input);
  fuzz::require(r->operation != op::unparsed, "parse_target never gives unparsed by itself", input);
  for (const auto lang : {language::zh, language::en}) {
    const std::string printed = fuzz::must("canonical", input, [&] { return canonical(*r, lang); });
    const std::string context =
        "input: " + input + "\nprinted (" + to_string(lang) + "): " + printed;
    const rule back =
        fuzz::must("parsing the canonical text", context, [&] { return parse_target(printed); });
    fuzz::require(back == *r, "the canonical text parses back to an equal rule", context);
    fuzz::require(canonical(back, lang) == printed, "printing is stable", context);
  }
  return 0;
}
