// Fuzz target: a long table of many units (read through a file, as planeval batch reads it). A
// table that reads evaluates, its counts cover every row read, and every problem kept is located.
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "fuzz_common.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/long_table.hpp"

using namespace planeval;

namespace {

// A plan with a rule of each kind the kernels compute and some they defer.
const plan& fuzz_plan() {
  static const plan p = [] {
    plan out;
    out.id = "fuzz";
    out.period = period::year(2021);
    const std::pair<const char*, const char*> rows[] = {
        {"gdp", "6左右"},     {"rate", "95以上"},          {"jobs", "增长5%"},
        {"up", "进一步提高"}, {"quota", "完成市下达指标"}, {"both", "达100亿元、增长6%"}};
    for (const auto& [id, text] : rows) {
      indicator ind;
      ind.id = id;
      ind.targets.push_back(target{period::year(2021), text, parse_target(text)});
      out.add(ind);
    }
    return out;
  }();
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path =
      "/tmp/planeval-fuzz-long-table-" + std::to_string(getpid()) + ".csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  long_table_options options;
  options.max_units = 1000;
  options.max_periods = 50;
  const auto t = fuzz::attempt([&] { return read_long_table(path, fuzz_plan(), options); });
  if (!t) return 0;
  const std::string context = "input:\n" + std::string(fuzz::as_text(data, size));
  for (const auto& problem : t->problems)
    fuzz::require(problem.where.line >= 2, "a problem names its line", context);
  fuzz::require(t->bad_rows <= t->rows, "bad rows are rows", context);
  const batch_targets targets(fuzz_plan(), t->store, std::nullopt, true);
  const batch_result r = evaluate_long_table(*t, fuzz_plan(), targets, std::nullopt);
  const long_table_summary s = summarise_long_table(*t, r);
  fuzz::require(s.observations == t->rows - t->bad_rows, "every row read is counted", context);
  fuzz::require(s.by_status.total() == s.observations, "the counts add up", context);
  return 0;
}
