// The bounded JSON reader of planeval's file formats (io/json_reader.hpp).
#include "io/json_reader.hpp"

#include <set>

#include "detail/utf8.hpp"
#include "io/file_util.hpp"

namespace planeval::detail {

// --- JSON pointers ---------------------------------------------------------------------------

namespace {

std::string escape_pointer(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string child(const std::string& ptr, std::string_view key) {
  return ptr + "/" + escape_pointer(key);
}
std::string child(const std::string& ptr, std::size_t index) {
  return ptr + "/" + std::to_string(index);
}

// --- parsing -----------------------------------------------------------------------------------

namespace {

// Parse guard: a SAX pass that rejects duplicate member names and nesting deeper than the limit,
// and tracks the JSON pointer of the value being parsed so those errors can name it. It runs
// before the DOM parse instead of as nlohmann's parser callback, whose end_object/end_array
// rescan the parent container and make long arrays of objects quadratic.
class parse_guard : public nlohmann::json_sax<json> {
 public:
  parse_guard(std::string source, const limits& lim) : source_(std::move(source)), lim_(lim) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t& s) override {
    check_length(s, "a string");
    return value();
  }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    auto& f = frames_.back();
    f.key = name;
    check_length(name, "a member name");
    if (!f.keys.insert(name).second) {
      location loc;
      loc.file = source_;
      loc.pointer = pointer();
      throw format_error(errc::json_duplicate, "member '" + name + "' is given twice", loc);
    }
    return true;
  }
  // a syntax error: stop; the DOM parse then reports it with its position
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  [[noreturn]] void fail(errc code, const std::string& message) const {
    location loc;
    loc.file = source_;
    loc.pointer = pointer();
    throw format_error(code, message, loc);
  }
  void check_length(const std::string& s, const char* what) const {
    if (s.size() > lim_.max_text_bytes)
      fail(errc::limit_text_length, std::string(what) + " of " + std::to_string(s.size()) +
                                        " bytes, more than the limit of " +
                                        std::to_string(lim_.max_text_bytes));
  }
  bool value() {
    if (!frames_.empty() && ++frames_.back().count > lim_.max_items)
      fail(errc::limit_items, std::string(frames_.back().object ? "an object" : "an array") +
                                  " with more than " + std::to_string(lim_.max_items) +
                                  " items (the limit)");
    return true;
  }
  bool open(bool object) {
    if (frames_.size() >= lim_.max_depth)
      fail(errc::limit_depth, "arrays and objects nest deeper than " +
                                  std::to_string(lim_.max_depth) + " levels (the limit)");
    frames_.push_back({object, {}, {}, 0});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }

  struct frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    std::size_t count;
  };
  std::string pointer() const {
    std::string p;
    for (const auto& f : frames_) p = f.object ? child(p, f.key) : child(p, f.count);
    return p;
  }

  std::string source_;
  limits lim_;
  std::vector<frame> frames_;
};

}  // namespace

json parse_json(std::string_view text, const std::string& source, const limits& lim) {
  parse_guard guard(source, lim);
  try {
    json::sax_parse(text.begin(), text.end(), &guard, json::input_format_t::json, true, false);
    return json::parse(text.begin(), text.end(), nullptr, true, false);
  } catch (const json::parse_error& e) {
    location loc;
    loc.file = source;
    detail::set_line_column(text, e.byte == 0 ? 0 : e.byte - 1, loc);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    const auto colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw format_error(errc::json_syntax, what, loc);
  } catch (const json::exception& e) {
    // a number too large for a double ("number overflow parsing '1e400'"): no position is
    // given, so find the token
    location loc;
    loc.file = source;
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    const auto open = what.find('\'');
    const auto close = open == std::string::npos ? open : what.find('\'', open + 1);
    if (close != std::string::npos && close > open + 1) {
      const auto at = text.find(what.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) detail::set_line_column(text, at, loc);
    }
    throw format_error(errc::json_syntax, what, loc);
  }
}

json read_json_document(std::string_view content, const std::string& source, const limits& lim) {
  if (content.size() > lim.max_input_bytes) {
    location loc;
    loc.file = source;
    throw format_error(errc::limit_input_size,
                       "the input has " + std::to_string(content.size()) +
                           " bytes, more than the limit of " + std::to_string(lim.max_input_bytes),
                       loc);
  }
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  const auto bad = find_invalid_utf8(content);
  if (bad != std::string_view::npos) {
    location loc;
    loc.file = source;
    set_line_column(content, bad, loc);
    throw format_error(
        errc::json_encoding,
        "the file is not valid UTF-8: invalid byte at byte offset " + std::to_string(bad), loc);
  }
  return parse_json(content, source, lim);
}

json extensions_object(const std::string& text, const std::string& pointer) {
  location loc;
  loc.pointer = pointer;
  try {
    json j = parse_json(text, {});
    if (j.is_object()) return j;
  } catch (const format_error& e) {
    throw model_error(errc::model_invalid,
                      "the plan's extensions are not a JSON object: " + e.message(), loc);
  }
  throw model_error(errc::model_invalid, "the plan's extensions must be a JSON object", loc);
}

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
  }
  return "something else";
}

// --- reading -----------------------------------------------------------------------------------

location json_reader::where(const std::string& ptr, const std::string& ind) const {
  location loc;
  loc.file = source_;
  loc.pointer = ptr;
  loc.indicator = ind;
  loc.task = task_;
  return loc;
}

json_object json_reader::as_object(const json& j, const std::string& ptr, const std::string& ind,
                                   const char* what) {
  if (!j.is_object())
    throw format_error(errc::json_type,
                       std::string(what) + " must be an object, not " + type_name(j),
                       where(ptr, ind));
  return {*this, j, ptr, ind};
}

std::string json_reader::id_of(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

location json_object::at(const std::string& key) const { return owner.where(child(ptr, key), ind); }

void json_object::allow(std::initializer_list<const char*> allowed) const {
  for (const auto& item : j.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || item.key() == a;
    if (ok) continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    owner.sink().report(format_error(errc::json_unknown_field,
                                     "unknown member '" + item.key() + "' (expected: " + list + ")",
                                     at(item.key())));
  }
}

const json* json_object::get(const char* key) const {
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

void json_object::wrong_type(const char* key, const json& v, const char* expected) const {
  throw format_error(errc::json_type,
                     "'" + std::string(key) + "' must be " + expected + ", not " + type_name(v),
                     at(key));
}

void json_object::missing(const char* key) const {
  throw format_error(errc::json_missing, "the member '" + std::string(key) + "' is required",
                     at(key));
}

const json& json_object::required(const char* key) const {
  const json* v = get(key);
  if (!v) missing(key);
  return *v;
}

std::string json_object::str(const char* key, bool is_required) const {
  const json* v = get(key);
  if (!v) {
    if (is_required) missing(key);
    return {};
  }
  if (!v->is_string()) wrong_type(key, *v, "a string");
  return v->get<std::string>();
}

double json_object::num(const char* key, double fallback) const {
  const json* v = get(key);
  if (!v) return fallback;
  if (!v->is_number()) wrong_type(key, *v, "a number");
  return v->get<double>();
}

int json_object::integer(const char* key, int lo, int hi, int fallback) const {
  const json* v = get(key);
  if (!v) return fallback;
  if (!v->is_number_integer()) wrong_type(key, *v, "an integer");
  const bool in_range =
      v->is_number_unsigned()
          ? (lo <= 0 || v->get<std::uint64_t>() >= static_cast<std::uint64_t>(lo)) &&
                v->get<std::uint64_t>() <= static_cast<std::uint64_t>(hi)
          : v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi;
  if (!in_range)
    throw format_error(errc::json_type,
                       "'" + std::string(key) + "' must be an integer from " + std::to_string(lo) +
                           " to " + std::to_string(hi),
                       at(key));
  return static_cast<int>(v->get<std::int64_t>());
}

bool json_object::boolean(const char* key) const {
  const json* v = get(key);
  if (!v) return false;
  if (!v->is_boolean()) wrong_type(key, *v, "true or false");
  return v->get<bool>();
}

const json* json_object::array(const char* key) const {
  const json* v = get(key);
  if (v && !v->is_array()) wrong_type(key, *v, "an array");
  return v;
}

json_object json_object::object(const char* key) const {
  const json& v = required(key);
  if (!v.is_object()) wrong_type(key, v, "an object");
  return {owner, v, child(ptr, key), ind};
}

std::vector<std::string> json_object::strings(const char* key) const {
  std::vector<std::string> out;
  const json* v = array(key);
  if (!v) return out;
  for (std::size_t k = 0; k < v->size(); ++k) {
    const json& item = (*v)[k];
    if (!item.is_string())
      throw format_error(
          errc::json_type,
          "the items of '" + std::string(key) + "' must be strings, not " + type_name(item),
          owner.where(child(child(ptr, key), k), ind));
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<date> json_object::day(const char* key, bool is_required) const {
  if (!get(key) && !is_required) return std::nullopt;
  const std::string s = str(key, true);
  return owner.at(child(ptr, key), ind, [&] {
    const date d = parse_date(s);
    check_year_limits(static_cast<int>(d.year()), owner.lim());
    return d;
  });
}

period json_object::per(const char* key) const {
  const std::string s = str(key, true);
  return owner.at(child(ptr, key), ind, [&] {
    const period p = period::parse(s);
    check_limits(p, owner.lim());
    return p;
  });
}

unit json_object::u(const char* key) const {
  const std::string s = str(key);
  return owner.at(child(ptr, key), ind, [&] { return unit::parse(s); });
}

std::string json_object::extensions(const char* key) const {
  const json* ext = get(key);
  if (!ext) return {};
  if (!ext->is_object()) wrong_type(key, *ext, "an object");
  return ext->dump(-1, ' ', false, json::error_handler_t::strict);
}

}  // namespace planeval::detail
