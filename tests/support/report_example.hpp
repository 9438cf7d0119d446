#pragma once
// Shared by the report tests (HTML/Markdown and Word): the example plan with every example file,
// as `./build.sh demo` reports it, and the small text checks they make on what was written.
#include <optional>
#include <string>

#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/report/report.hpp"

namespace planeval::test {

inline const std::string report_example_data = PLANEVAL_EXAMPLE_DATA "/changning-2021/";

/// The example plan (with its tasks), its actuals, year-to-date figures, series and references.
inline report_input report_example(language lang,
                                   std::optional<date> as_of = parse_date("2021-09-30")) {
  report_input in;
  in.plan = load_plan(report_example_data + "plan.json");
  for (const char* f : {"actuals-illustrative.csv", "actuals-2021-ytd-illustrative.csv",
                        "series-2016-2020-illustrative.csv"})
    for (const auto& o : load_actuals(report_example_data + f, &in.plan)) in.actuals.add(o);
  in.references = load_references(report_example_data + "references-illustrative.csv", &in.plan);
  in.as_of = as_of;
  in.lang = lang;
  return in;
}

/// How many times `what` occurs in `text` (overlapping occurrences counted).
inline std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

/// True when `text` contains `what`.
inline bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace planeval::test
