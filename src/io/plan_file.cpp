// Plan files: format names and detection, load/save in any format, atomic saves, checks that
// collect every problem.
#include "planeval/io/plan_file.hpp"

#include <algorithm>
#include <cstring>
#include <istream>
#include <ostream>

#include "detail/enum_names.hpp"
#include "io/archive.hpp"
#include "io/file_util.hpp"
#include "io/locate.hpp"
#include "planeval/core/validate.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/tables.hpp"

namespace planeval {
namespace {

constexpr detail::enum_names<plan_format, 4> plan_format_names{"a plan format",
                                                               {{{plan_format::json, "json"},
                                                                 {plan_format::text, "text"},
                                                                 {plan_format::xml, "xml"},
                                                                 {plan_format::binary, "binary"}}}};

std::string lower_extension(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_plan_table(const std::string& path) { return lower_extension(path) == ".csv"; }

// Adds the file name to an error's location, keeping its class.
template <class F>
auto in_file(const std::string& path, F f) -> decltype(f()) {
  return detail::relocated(f, [&](location loc) {
    if (loc.file.empty()) loc.file = path;
    return loc;
  });
}

// Appends the problems of `check_plan`, located in `source`.
void add_plan_problems(const plan& p, const std::string& source, std::vector<error>& out) {
  for (auto& e : check_plan(p)) {
    location loc = e.where();
    loc.file = source;
    out.push_back(error(e.code(), e.message(), loc));
  }
}

plan from_content(std::string_view content, plan_format format, const std::string& source,
                  std::vector<error>* problems = nullptr, const limits& lim = {}) {
  if (format == plan_format::json) return plan_from_json(content, source, problems, lim);
  plan p = detail::read_archive(content, format, source);
  if (problems)
    add_plan_problems(p, source, *problems);
  else
    in_file(source, [&] { p.validate(); });
  return p;
}

plan_format detect(std::string_view content, const std::string& path) {
  if (const auto f = sniff_format(content.substr(0, 256))) return *f;
  location loc;
  loc.file = path;
  throw io_error(errc::io_format,
                 "cannot tell the plan format: name the file .json, .pvt, .pvx, .pvb or .csv, or "
                 "give the format",
                 loc);
}

}  // namespace

PLANEVAL_ENUM_NAMES(plan_format, plan_format_names)

const char* extension(plan_format f) noexcept {
  switch (f) {
    case plan_format::json: return ".json";
    case plan_format::text: return ".pvt";
    case plan_format::xml: return ".pvx";
    case plan_format::binary: return ".pvb";
  }
  return "";
}

std::optional<plan_format> format_from_path(std::string_view path) noexcept {
  try {
    const std::string ext = lower_extension(path);
    for (const auto& n : plan_format_names.names)
      if (ext == extension(n.value)) return n.value;
  } catch (...) {  // allocation failure: no format
  }
  return std::nullopt;
}

std::optional<plan_format> sniff_format(std::string_view head) noexcept {
  std::string_view s = head;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && s[first] == '{') return plan_format::json;
  constexpr std::string_view signature = "serialization::archive";
  if (s.substr(0, 3) == "22 " && s.substr(3, signature.size()) == signature)
    return plan_format::text;
  if (s.substr(0, 5) == "<?xml" && s.find("boost_serialization") != std::string_view::npos)
    return plan_format::xml;
  // binary: the signature's length as a native size_t, then the signature
  const std::size_t length = signature.size();
  char prefix[sizeof(std::size_t)];
  std::memcpy(prefix, &length, sizeof prefix);
  if (head.size() >= sizeof prefix + length &&
      head.substr(0, sizeof prefix) == std::string_view(prefix, sizeof prefix) &&
      head.substr(sizeof prefix, length) == signature)
    return plan_format::binary;
  return std::nullopt;
}

plan read_plan(std::istream& in, plan_format format, const std::string& source, const limits& lim) {
  const std::string content = detail::read_stream(in, source, lim.max_input_bytes);
  return from_content(content, format, source, nullptr, lim);
}

void write_plan(std::ostream& out, const plan& p, plan_format format) {
  if (format == plan_format::json) {
    const std::string text = plan_to_json(p);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) throw io_error(errc::io_write, "writing the plan file failed");
    return;
  }
  detail::write_archive(out, p, format);
}

plan load_plan(const std::string& path, const limits& lim) {
  if (is_plan_table(path)) {
    plan p = load_plan_table(path, lim);
    in_file(path, [&] { p.validate(); });
    return p;
  }
  if (const auto f = format_from_path(path)) return load_plan(path, *f, lim);
  const std::string content = detail::read_file(path, lim.max_input_bytes);
  return from_content(content, detect(content, path), path, nullptr, lim);
}

plan load_plan(const std::string& path, plan_format format, const limits& lim) {
  const std::string content = detail::read_file(path, lim.max_input_bytes);
  return from_content(content, format, path, nullptr, lim);
}

void save_plan(const plan& p, const std::string& path) {
  const auto f = format_from_path(path);
  if (!f) {
    location loc;
    loc.file = path;
    throw io_error(errc::io_format,
                   "the file name does not say which format to write: use .json, .pvt, .pvx or "
                   ".pvb, or give the format" +
                       std::string(is_plan_table(path) ? " (save_plan_table writes CSV)" : ""),
                   loc);
  }
  save_plan(p, path, *f);
}

void save_plan(const plan& p, const std::string& path, plan_format format) {
  in_file(path, [&] {
    if (format == plan_format::json) {
      // build the text first: a plan JSON cannot hold fails before any file is touched
      const std::string text = plan_to_json(p);
      detail::write_file_atomically(path, [&](std::ostream& out) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
      });
    } else {
      detail::write_file_atomically(
          path, [&](std::ostream& out) { detail::write_archive(out, p, format); });
    }
    return 0;
  });
}

void save_plan_table(const plan& p, const std::string& path) {
  detail::write_file_atomically(path, [&](std::ostream& out) { write_plan_table(out, p); });
}

std::vector<error> check_plan(const plan& p) {
  std::vector<error> out;
  problem_sink sink(out);
  validation_options options;
  options.rules_match_texts = true;
  validate_plan(p, sink, options);
  return out;
}

std::vector<error> check_plan_file(const std::string& path) {
  std::vector<error> out;
  try {
    if (is_plan_table(path)) {
      add_plan_problems(load_plan_table(path), path, out);
      return out;
    }
    const std::string content = detail::read_file(path);
    const auto f = format_from_path(path);
    from_content(content, f ? *f : detect(content, path), path, &out);
  } catch (const error& e) {
    out.push_back(e);
  }
  return out;
}

}  // namespace planeval
