#pragma once
// The round trips every plan that was read must survive: canonical JSON (reads back equal,
// prints byte-identically) and each archive kind (reads back equal).

#include <sstream>
#include <string>

#include "fuzz_common.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/plan_file.hpp"

namespace planeval::fuzz {

inline std::string bytes_of(const plan& p, plan_format f) {
  std::ostringstream out(std::ios::binary);
  write_plan(out, p, f);
  return out.str();
}

inline plan plan_of(const std::string& bytes, plan_format f) {
  std::istringstream in(bytes, std::ios::binary);
  return read_plan(in, f, "fuzz");
}

/// Limits as wide as the model allows: a plan already read is written and read back whatever
/// limits its first reader applied (archives are trusted input and apply fewer).
inline limits widest_limits() {
  limits lim;
  lim.min_year = 1400;
  lim.max_year = 9999;
  lim.max_span_years = 9999;
  return lim;
}

/// Checks that `p` (read from `input`) goes through JSON and every archive kind unchanged.
/// With `json_may_refuse` (a plan from an archive, which is not checked for what JSON cannot
/// hold, such as text that is not UTF-8), writing JSON may fail with `model_invalid`.
inline void check_plan_round_trips(const plan& p, const std::string& input,
                                   bool json_may_refuse = false) {
  std::string json;
  try {
    json = plan_to_json(p);
  } catch (const error& e) {
    check_error(e);
    if (!json_may_refuse || e.code() != errc::model_invalid)
      fail(std::string("plan_to_json failed: ") + e.what() + "\n--- input ---\n" + input);
  } catch (const std::exception& e) {
    fail(std::string("plan_to_json failed: ") + e.what() + "\n--- input ---\n" + input);
  }
  const std::string context = "input:\n" + input + "\ncanonical JSON:\n" + json;
  if (!json.empty()) {
    const plan from_json = must("reading the canonical JSON", context, [&] {
      return plan_from_json(json, "fuzz", nullptr, widest_limits());
    });
    require(from_json == p, "the canonical JSON reads back equal", context);
    require(plan_to_json(from_json) == json, "the canonical JSON prints byte-identically", context);
  }
  for (const auto f : {plan_format::text, plan_format::xml, plan_format::binary}) {
    const std::string bytes = must("writing an archive", context + "\nkind: " + to_string(f),
                                   [&] { return bytes_of(p, f); });
    const plan back = must("reading the archive back", context + "\nkind: " + to_string(f),
                           [&] { return plan_of(bytes, f); });
    require(back == p, "an archive reads back equal", context + "\nkind: " + to_string(f));
  }
}

}  // namespace planeval::fuzz
