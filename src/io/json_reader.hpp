#pragma once
// Private: a bounded JSON reader for planeval's file formats.
//
// `read_json_document` checks a document's size, encoding, nesting depth, string lengths,
// collection sizes and repeated member names (each a located error) before nlohmann builds the
// DOM. A `json_reader` then reads it: `json_object` is a view of one object at its JSON pointer
// with typed member access (strings, numbers, integers in a range, booleans, arrays, dates,
// periods, units, enumerations), unknown-member errors that name the pointer and list the
// members the format defines, and `extensions` kept verbatim as compact JSON. Errors name the
// file, the JSON pointer and the indicator or task they concern, and go to a `problem_sink`
// (thrown at the first, or collected).

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/locate.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/unit.hpp"
#include "planeval/core/validate.hpp"

namespace planeval::detail {

using json = nlohmann::ordered_json;

/// `ptr` + "/" + `key`, the key escaped as RFC 6901 says (`~0`, `~1`).
std::string child(const std::string& ptr, std::string_view key);
/// `ptr` + "/" + `index`.
std::string child(const std::string& ptr, std::size_t index);

/// "an object", "a string", "an integer", … for messages.
const char* type_name(const json& j);

/// Parses JSON text, rejecting repeated member names (`json_duplicate`), nesting deeper than
/// `lim.max_depth` (`limit_depth`), strings longer than `lim.max_text_bytes`
/// (`limit_text_length`) and collections of more than `lim.max_items` (`limit_items`), each
/// with the JSON pointer; a syntax error is `json_syntax` with line and column.
json parse_json(std::string_view text, const std::string& source, const limits& lim = {});

/// `parse_json` for a whole file: also checks its size (`limit_input_size`) and that it is
/// UTF-8 (`json_encoding` with the byte offset), and skips a BOM.
json read_json_document(std::string_view content, const std::string& source, const limits& lim);

/// The JSON object an `extensions` text holds (for writing it back).
/// Throws model_error (`model_invalid`) at `pointer` when the text is not a JSON object.
json extensions_object(const std::string& text, const std::string& pointer);

class json_reader;

/// A view of one JSON object at its pointer, inside an indicator (`ind`) or not.
struct json_object {
  json_reader& owner;
  const json& j;
  std::string ptr;
  std::string ind;

  /// Where the member `key` is.
  location at(const std::string& key) const;
  /// Reports every member that is not in `allowed` (`json_unknown_field`).
  void allow(std::initializer_list<const char*> allowed) const;
  /// The member, or null.
  const json* get(const char* key) const;
  [[noreturn]] void wrong_type(const char* key, const json& v, const char* expected) const;
  [[noreturn]] void missing(const char* key) const;
  const json& required(const char* key) const;
  std::string str(const char* key, bool is_required = false) const;
  double num(const char* key, double fallback = 0.0) const;
  int integer(const char* key, int lo, int hi, int fallback = 0) const;
  bool boolean(const char* key) const;
  /// The member if it is an array, null when absent.
  const json* array(const char* key) const;
  /// The member as an object (required).
  json_object object(const char* key) const;
  /// An array of strings; empty when absent.
  std::vector<std::string> strings(const char* key) const;
  /// A date `YYYY-MM-DD` within the limits' years, or none when the member is absent.
  std::optional<date> day(const char* key, bool is_required = false) const;
  /// A period (required) within the limits.
  period per(const char* key) const;
  /// A unit symbol; the empty unit when absent.
  unit u(const char* key) const;
  /// An enumeration by its stable name, `fallback` when absent.
  template <class Enum>
  Enum enumeration(const char* key, Enum fallback) const;
  /// The member (an object) as compact JSON text; empty when absent.
  std::string extensions(const char* key) const;
};

/// What reading one JSON document needs: its source name, the sink for problems, the limits,
/// and the task being read (named by every location inside it).
class json_reader {
 public:
  json_reader(std::string source, problem_sink& sink, const limits& lim)
      : source_(std::move(source)), sink_(sink), lim_(lim) {}

  const std::string& source() const noexcept { return source_; }
  const limits& lim() const noexcept { return lim_; }
  problem_sink& sink() noexcept { return sink_; }

  /// The location of `ptr` in the file, concerning indicator `ind` and the current task.
  location where(const std::string& ptr, const std::string& ind) const;

  /// Runs `f`; a planeval error leaving it gets the file, and the pointer, indicator and task
  /// when it has none (keeping its class, code, column and fragment).
  template <class F>
  auto at(const std::string& ptr, const std::string& ind, F f) -> decltype(f()) {
    return relocated(f, [&](location loc) {
      loc.file = source_;
      if (loc.pointer.empty()) loc.pointer = ptr;
      if (loc.indicator.empty()) loc.indicator = ind;
      if (loc.task.empty()) loc.task = task_;
      return loc;
    });
  }

  /// `j` as an object, or a `json_type` error saying what it should be ("an indicator").
  json_object as_object(const json& j, const std::string& ptr, const std::string& ind,
                        const char* what);

  /// The string member `key` of `j` when `j` is an object that has one, else empty (an id to
  /// name in locations before the object is checked).
  static std::string id_of(const json& j, const char* key);

 protected:
  std::string task_;  // the id of the task being read

 private:
  std::string source_;
  problem_sink& sink_;
  limits lim_;
};

template <class Enum>
Enum json_object::enumeration(const char* key, Enum fallback) const {
  const json* v = get(key);
  if (!v) return fallback;
  if (!v->is_string()) wrong_type(key, *v, "a string");
  return owner.at(child(ptr, key), ind, [&] { return from_string<Enum>(v->get<std::string>()); });
}

}  // namespace planeval::detail
