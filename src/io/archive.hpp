#pragma once
// Private: plans as Boost.Serialization text, XML and binary archives (src/io/archive.cpp).

#include <iosfwd>
#include <string>
#include <string_view>

#include "planeval/core/plan.hpp"
#include "planeval/io/plan_file.hpp"

namespace planeval::detail {

/// Writes `p` as an archive of kind `format` (text, xml or binary).
/// Throws model_error for numbers that are not finite, io_error (`io_write`) when `out` fails.
void write_archive(std::ostream& out, const plan& p, plan_format format);

/// Reads a plan from the whole content of an archive of kind `format`.
/// Throws format_error (`archive_corrupt`, `archive_limit`, `format_version`) and the model's
/// parse and model errors, located by `source`, the field's pointer, the indicator id, and the
/// line and column (text, XML) or the byte offset (binary) where reading stopped.
plan read_archive(std::string_view content, plan_format format, const std::string& source);

}  // namespace planeval::detail
