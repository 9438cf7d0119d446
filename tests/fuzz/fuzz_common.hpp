#pragma once
// Shared by the fuzz targets: what counts as a clean failure, and how a broken property is
// reported. A target's first read may fail only with a planeval::error carrying a valid code
// and a message that starts with it; everything it then derives from what it read (writing,
// reading back, printing, parsing again) must succeed and give back an equal value. Anything
// else stops the fuzzer with __builtin_trap(), after printing what went wrong.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "planeval/core/error.hpp"

namespace planeval::fuzz {

/// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The text with control characters (but line ends) written as \\xNN, so NULs and escapes show.
inline std::string escaped(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "\n=== planeval fuzz property broken ===\n%s\n", escaped(what).c_str());
  std::fflush(stderr);
  __builtin_trap();
}

/// A planeval error is a clean failure when its code is one of the enum's and `what()` starts
/// with `[planeval.<code>]`.
inline void check_error(const error& e) {
  const int code = static_cast<int>(e.code());
  if (code < 0 || code >= errc_count) fail(std::string("error with an invalid code: ") + e.what());
  const std::string prefix = std::string("[planeval.") + to_string(e.code()) + "]";
  if (std::string_view(e.what()).substr(0, prefix.size()) != prefix)
    fail(std::string("error message without its code: ") + e.what());
  if (e.message().empty()) fail(std::string("error without a message: ") + e.what());
}

/// Runs a first read of fuzzed input: its result, or nullopt when it failed cleanly.
template <class F>
auto attempt(F f) -> std::optional<decltype(f())> {
  try {
    return f();
  } catch (const error& e) {
    check_error(e);
    return std::nullopt;
  } catch (const std::exception& e) {
    fail(std::string("not a planeval error: ") + e.what());
  } catch (...) {
    fail("an exception that is not a std::exception");
  }
}

/// Runs a step that must succeed (it only handles what an earlier step accepted).
template <class F>
auto must(const char* step, const std::string& context, F f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    fail(std::string(step) + " failed: " + e.what() + "\n--- context ---\n" + context);
  } catch (...) {
    fail(std::string(step) + " failed with an unknown exception\n--- context ---\n" + context);
  }
}

/// Stops when a property does not hold.
inline void require(bool ok, const char* property, const std::string& context) {
  if (!ok) fail(std::string("property: ") + property + "\n--- context ---\n" + context);
}

/// The round trip of a table reader and writer: the fuzzed input is read with `read(istream&)`;
/// what reads is written with `write(ostream&, const T&)`, must read back, pass
/// `check(first, back, context)` (which calls `require`), and write again to the same text.
template <class Read, class Write, class Check>
int table_round_trip(const std::uint8_t* data, std::size_t size, const char* writer, Read read,
                     Write write, Check check) {
  const std::string input(as_text(data, size));
  const auto first = attempt([&] {
    std::istringstream in(input);
    return read(in);
  });
  if (!first) return 0;
  const auto text = [&](const auto& value) {
    std::ostringstream out;
    write(out, value);
    return out.str();
  };
  const std::string written = must(writer, input, [&] { return text(*first); });
  const std::string context = "input:\n" + input + "\nwritten:\n" + written;
  const auto back = must("reading what was written", context, [&] {
    std::istringstream in(written);
    return read(in);
  });
  check(*first, back, context);
  require(text(back) == written, "writing is stable", context);
  return 0;
}

}  // namespace planeval::fuzz
