#include "detail/utf8.hpp"

namespace planeval::detail {

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto n = s.size();
  if (i >= n) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const auto len = decode_utf8(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_chars(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

namespace {
bool is_wide(char32_t cp) noexcept {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}
}  // namespace

std::size_t display_width(std::string_view s) noexcept {
  std::size_t w = 0;
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const auto len = decode_utf8(s, i, cp);
    if (len == 0) {
      ++w;
      ++i;
      continue;
    }
    w += is_wide(cp) ? 2 : 1;
    i += len;
  }
  return w;
}

std::size_t column_of_byte(std::string_view s, std::size_t byte) noexcept {
  if (byte > s.size()) byte = s.size();
  return count_chars(s.substr(0, byte)) + 1;
}

std::string_view trim(std::string_view s) noexcept {
  auto is_space_at_front = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    const char c = t.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (t.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
    if (t.substr(0, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
    return 0;
  };
  auto is_space_at_back = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    const char c = t.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE3\x80\x80") return 3;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") return 2;
    return 0;
  };
  for (std::size_t k; (k = is_space_at_front(s)) != 0;) s.remove_prefix(k);
  for (std::size_t k; (k = is_space_at_back(s)) != 0;) s.remove_suffix(k);
  return s;
}

}  // namespace planeval::detail
