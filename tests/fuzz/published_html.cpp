// Fuzz target: a published table as an HTML page (libxml2's HTML parser, rowspan and colspan
// spread) read into grids and imported (published_table.hpp).
#include "planeval/io/grid.hpp"
#include "published_table.hpp"

using namespace planeval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  limits lim;
  lim.max_items = 4096;  // spans are bounded by the limit: keep the grids small
  grid_options options;
  options.input_limits = lim;
  const auto grids = fuzz::attempt([&] { return parse_html_grids(bytes, "fuzz.html", options); });
  if (grids) fuzz::check_grids(*grids, std::string(bytes));
  return 0;
}
