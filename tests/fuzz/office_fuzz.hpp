#pragma once
// Shared by the office fuzz targets: the fuzzed bytes are either a whole package (a zip, when
// they start with `PK`) or the XML parts the reader parses, separated by NUL bytes, which are
// packed into a well-formed zip with libzip so that mutations reach the XML readers instead of
// stopping at the zip's checksums. Every grid read is then imported (published_table.hpp).
#include <zip.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "planeval/io/grid.hpp"
#include "published_table.hpp"

namespace planeval::fuzz {

using package_parts = std::vector<std::pair<std::string, std::string>>;

/// A zip holding `parts` (name, bytes), built in memory; empty when libzip refuses.
inline std::string zip_of(const package_parts& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer) return {};
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  std::string out;
  if (archive) {
    for (const auto& [name, bytes] : parts) {
      zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      if (s && zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE) < 0) zip_source_free(s);
    }
    if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
      char chunk[65536];
      for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;)
        out.append(chunk, static_cast<std::size_t>(n));
      zip_source_close(buffer);
    } else if (zip_get_error(archive)) {
      zip_discard(archive);
    }
  }
  zip_source_free(buffer);
  zip_error_fini(&err);
  return out;
}

/// The NUL-separated pieces of `bytes`, at most `count` (the last keeps any further NULs).
inline std::vector<std::string> split_parts(std::string_view bytes, std::size_t count) {
  std::vector<std::string> out;
  while (out.size() + 1 < count) {
    const auto nul = bytes.find('\0');
    if (nul == std::string_view::npos) break;
    out.emplace_back(bytes.substr(0, nul));
    bytes.remove_prefix(nul + 1);
  }
  out.emplace_back(bytes);
  out.resize(count);
  return out;
}

/// The package the fuzzed bytes stand for: themselves when they are a zip, else `fixed` plus
/// the NUL-separated pieces named by `fuzzed` (empty pieces are left out of the package).
inline std::string package_of(std::string_view bytes, const package_parts& fixed,
                              const std::vector<std::string>& fuzzed) {
  if (bytes.substr(0, 2) == "PK") return std::string(bytes);
  package_parts parts = fixed;
  const auto pieces = split_parts(bytes, fuzzed.size());
  for (std::size_t k = 0; k < fuzzed.size(); ++k)
    if (!pieces[k].empty()) parts.emplace_back(fuzzed[k], pieces[k]);
  return zip_of(parts);
}

/// Limits that keep one run small, as in the HTML target.
inline grid_options small_grids() {
  limits lim;
  lim.max_items = 4096;
  grid_options options;
  options.input_limits = lim;
  return options;
}

/// Reads the package with `read(bytes, source, options)` and checks every grid it gives.
template <class Read>
int check_office(const std::string& package, Read read) {
  if (package.empty()) return 0;
  const auto grids = attempt([&] { return read(package, "fuzz", small_grids()); });
  if (grids) check_grids(*grids, package);
  return 0;
}

}  // namespace planeval::fuzz
