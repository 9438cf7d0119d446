// Fuzz target: a published table as CSV (any bytes: UTF-8, GB18030, any separator) read into a
// grid and imported (published_table.hpp).
#include "planeval/io/grid.hpp"
#include "published_table.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  const auto g = fuzz::attempt([&] { return parse_csv_grid(bytes, "fuzz.csv"); });
  if (!g) return 0;
  for (const auto& row : g->rows)
    fuzz::require(row.size() == g->width(), "rows are padded to the grid's width",
                  std::string(bytes));
  fuzz::check_import(*g, std::string(bytes));
  return 0;
}
