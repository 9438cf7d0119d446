#pragma once
// Private: the one mechanism for the stable names of planeval's enumerations.
//
// Each enumeration has one table (`enum_names`) that lists its values with their stable names
// and says what a value is, with its article, for messages ("an indicator kind"). The table
// gives `to_string`, `from_string` (a `model_enum` error that lists the accepted names),
// `try_from_string`, the list of accepted names and, for statuses, the labels people read
// (Chinese and English); `PLANEVAL_ENUM_NAMES` defines the public functions of an enumeration
// from its table. Adding an enumerator is one line in its table.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"

namespace planeval::detail {

/// One value of an enumeration, its stable name and, for the enumerations shown to people
/// (statuses), its label in Chinese and English.
template <class Enum>
struct enum_name {
  Enum value;
  const char* name;
  const char* zh = nullptr;
  const char* en = nullptr;
};

/// The stable names of an enumeration with `N` values.
template <class Enum, std::size_t N>
struct enum_names {
  /// What a value is, with its article: "an indicator kind", "a status".
  const char* what;
  std::array<enum_name<Enum>, N> names;

  /// The stable name of `e`, "?" for a value not in the table.
  constexpr const char* to_string(Enum e) const noexcept {
    for (const auto& n : names)
      if (n.value == e) return n.name;
    return "?";
  }

  /// The label of `e` in `lang` ("?" for a value not in the table or without labels).
  constexpr const char* label(Enum e, language lang) const noexcept {
    for (const auto& n : names)
      if (n.value == e && n.zh) return lang == language::zh ? n.zh : n.en;
    return "?";
  }

  /// The value named `name`, or nullopt.
  constexpr std::optional<Enum> try_from_string(std::string_view name) const noexcept {
    for (const auto& n : names)
      if (name == n.name) return n.value;
    return std::nullopt;
  }

  /// The accepted names, comma-separated: "higher, lower, band".
  std::string accepted() const {
    std::string out;
    for (const auto& n : names) {
      if (!out.empty()) out += ", ";
      out += n.name;
    }
    return out;
  }

  /// The value named `name`. Throws model_error (`model_enum`) naming the text (location
  /// fragment) and listing the accepted names.
  Enum from_string(std::string_view name) const {
    if (const auto v = try_from_string(name)) return *v;
    location loc;
    loc.fragment = std::string(name);
    throw model_error(
        errc::model_enum,
        "'" + std::string(name) + "' is not " + what + " (expected one of: " + accepted() + ")",
        loc);
  }
};

}  // namespace planeval::detail

/// Defines `to_string(Enum)`, `from_string<Enum>` and `try_from_string<Enum>` from a table
/// (a `detail::enum_names`). Use inside `namespace planeval`.
#define PLANEVAL_ENUM_NAMES(Enum, table)                                      \
  const char* to_string(Enum e) noexcept { return (table).to_string(e); }     \
  template <>                                                                 \
  Enum from_string<Enum>(std::string_view name) {                             \
    return (table).from_string(name);                                         \
  }                                                                           \
  template <>                                                                 \
  std::optional<Enum> try_from_string<Enum>(std::string_view name) noexcept { \
    return (table).try_from_string(name);                                     \
  }
