#pragma once
// Private file helpers of the io layer: whole-file reads, positions in a text, and the atomic
// save (temporary file in the same folder, flush, fsync, rename).

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

#include "planeval/core/error.hpp"

namespace planeval::detail {

/// Opens `in` on a file for reading (binary). Throws io_error (`io_open`) naming the file.
/// (Opened in place, not returned: moving a file stream is not safe across the C library's
/// statically linked runtime.)
void open_file(std::ifstream& in, const std::string& path);

/// Reads a whole file. Throws io_error (`io_open`, `io_read`) naming the file, format_error
/// (`limit_input_size`) when it has more than `max_bytes`.
std::string read_file(const std::string& path, std::uint64_t max_bytes = UINT64_MAX);

/// The first `n` bytes of a file (fewer when it is shorter), to tell its format by content.
/// Throws io_error (`io_open`, `io_read`) naming the file.
std::string read_file_head(const std::string& path, std::size_t n);

/// Reads a stream to its end. Throws io_error (`io_read`) naming `source`, format_error
/// (`limit_input_size`) when it has more than `max_bytes` (never holding more than that).
std::string read_stream(std::istream& in, const std::string& source,
                        std::uint64_t max_bytes = UINT64_MAX);

/// Sets `loc.line` and `loc.column` (1-based, columns in characters) of byte `offset` of `text`.
void set_line_column(std::string_view text, std::size_t offset, location& loc);

/// Wraps the temporary file's stream buffer (tests use it to make writes fail after N bytes).
using streambuf_wrapper = std::function<std::unique_ptr<std::streambuf>(std::streambuf*)>;

/// Writes `path` atomically: `write` fills a temporary file created next to `path` (so the
/// rename stays on one file system), which is flushed, fsynced and renamed over `path`; the
/// folder is fsynced after the rename. On any failure (an exception from `write`, a stream
/// error, a failed fsync or rename) the temporary file is removed, `path` is left as it was,
/// and the error is thrown (io_error `io_open` / `io_write` for I/O failures).
/// A process killed midway may leave its temporary file (`.<name>.tmp-<pid>-<n>`) behind,
/// never a half-written `path`.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const streambuf_wrapper& wrap = {});

}  // namespace planeval::detail
