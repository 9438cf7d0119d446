#pragma once
// Private UTF-8 helpers shared by the core and io layers.

#include <cstddef>
#include <string>
#include <string_view>

namespace planeval::detail {

/// Decodes one code point at `i`; returns the number of bytes (0 on invalid input).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) noexcept;

/// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s) noexcept;

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points.
std::size_t count_chars(std::string_view s) noexcept;

/// Display width in a terminal: 2 for East Asian wide/full-width characters, 1 otherwise.
std::size_t display_width(std::string_view s) noexcept;

/// 1-based character column of byte offset `byte` in `s`.
std::size_t column_of_byte(std::string_view s, std::size_t byte) noexcept;

/// Text with leading and trailing ASCII and ideographic whitespace removed.
std::string_view trim(std::string_view s) noexcept;

}  // namespace planeval::detail
