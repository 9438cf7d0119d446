// Plan files: format names and detection, load/save in any format, atomic saves, checks that
// collect every problem.
#include "planeval/io/plan_file.hpp"

#include <algorithm>
#include <cstring>
#include <istream>
#include <map>
#include <ostream>

#include "io/archive.hpp"
#include "io/file_util.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/tables.hpp"

namespace planeval {
namespace {

struct format_entry {
  plan_format format;
  const char* name;
  const char* extension;
};
constexpr format_entry formats[] = {{plan_format::json, "json", ".json"},
                                    {plan_format::text, "text", ".pvt"},
                                    {plan_format::xml, "xml", ".pvx"},
                                    {plan_format::binary, "binary", ".pvb"}};

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
  auto relocate = [&](const error& e) {
    location loc = e.where();
    if (loc.file.empty()) loc.file = path;
    return loc;
  };
  try {
    return f();
  } catch (const parse_error& e) {
    throw parse_error(e.code(), e.message(), relocate(e));
  } catch (const model_error& e) {
    throw model_error(e.code(), e.message(), relocate(e));
  } catch (const format_error& e) {
    throw format_error(e.code(), e.message(), relocate(e));
  } catch (const io_error& e) {
    throw io_error(e.code(), e.message(), relocate(e));
  }
}

plan from_content(std::string_view content, plan_format format, const std::string& source,
                  std::vector<error>* problems = nullptr, const limits& lim = {}) {
  if (format == plan_format::json) return plan_from_json(content, source, problems, lim);
  plan p = detail::read_archive(content, format, source);
  if (problems) {
    for (auto& e : check_plan(p)) {
      location loc = e.where();
      loc.file = source;
      problems->push_back(error(e.code(), e.message(), loc));
    }
  } else {
    in_file(source, [&] {
      p.validate();
      return 0;
    });
  }
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

const char* to_string(plan_format f) noexcept {
  for (const auto& e : formats)
    if (e.format == f) return e.name;
  return "?";
}

template <>
std::optional<plan_format> try_from_string<plan_format>(std::string_view name) noexcept {
  for (const auto& e : formats)
    if (name == e.name) return e.format;
  return std::nullopt;
}

template <>
plan_format from_string<plan_format>(std::string_view name) {
  if (const auto f = try_from_string<plan_format>(name)) return *f;
  location loc;
  loc.fragment = std::string(name);
  throw model_error(
      errc::model_enum,
      "'" + std::string(name) + "' is not a plan format (expected one of: json, text, xml, binary)",
      loc);
}

const char* extension(plan_format f) noexcept {
  for (const auto& e : formats)
    if (e.format == f) return e.extension;
  return "";
}

std::optional<plan_format> format_from_path(std::string_view path) noexcept {
  try {
    const std::string ext = lower_extension(path);
    for (const auto& e : formats)
      if (ext == e.extension) return e.format;
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
    in_file(path, [&] {
      p.validate();
      return 0;
    });
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
  auto at = [](const std::string& pointer, const std::string& indicator) {
    location loc;
    loc.pointer = pointer;
    loc.indicator = indicator;
    return loc;
  };
  auto check_flags = [&](const observation& o, const std::string& pointer) {
    try {
      validate_flags(o.flags);
    } catch (const model_error& e) {
      out.push_back(
          model_error(e.code(), "flags: " + e.message(), at(pointer + "/flags", o.indicator)));
    }
  };

  std::map<std::string, std::size_t> first;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const auto& ind = p.indicators[k];
    const std::string ptr = "/indicators/" + std::to_string(k);
    if (ind.id.empty()) {
      out.push_back(model_error(errc::model_invalid, "an indicator needs a non-empty id",
                                at(ptr + "/id", "")));
      continue;
    }
    if (const auto it = first.find(ind.id); it != first.end()) {
      out.push_back(model_error(errc::model_duplicate,
                                "indicator id '" + ind.id +
                                    "' is used twice (first at /indicators/" +
                                    std::to_string(it->second) + ")",
                                at(ptr + "/id", ind.id)));
    } else {
      first.emplace(ind.id, k);
    }
    // the invariants of one indicator, checked alone so each indicator reports its problem
    plan one;
    one.indicators.push_back(ind);
    try {
      one.validate();
    } catch (const model_error& e) {
      location loc = e.where();
      const std::string own = "/indicators/0";
      if (loc.pointer.compare(0, own.size(), own) == 0)
        loc.pointer = ptr + loc.pointer.substr(own.size());
      out.push_back(model_error(e.code(), e.message(), loc));
    }
    if (ind.baseline) check_flags(*ind.baseline, ptr + "/baseline");
    // a stored rule that its own text no longer reads as
    for (std::size_t t = 0; t < ind.targets.size(); ++t) {
      const auto& tg = ind.targets[t];
      const std::string tptr = ptr + "/targets/" + std::to_string(t);
      if (tg.text.empty() || tg.r.oper == op::unparsed) continue;
      try {
        const rule r = parse_target(tg.text);
        if (r != tg.r)
          out.push_back(model_error(errc::model_invalid,
                                    "the target text '" + tg.text + "' reads as '" + canonical(r) +
                                        "', but the stored rule is '" + canonical(tg.r) + "'",
                                    at(tptr + "/rule", ind.id)));
      } catch (const parse_error& e) {
        location loc = at(tptr + "/text", ind.id);
        loc.column = e.where().column;
        loc.fragment = e.where().fragment;
        out.push_back(parse_error(
            e.code(), "the target text does not parse, yet a rule is stored: " + e.message(), loc));
      }
    }
  }
  std::size_t k = 0;
  for (const auto& o : p.observations) {
    const std::string ptr = "/observations/" + std::to_string(k++);
    if (first.count(o.indicator) == 0)
      out.push_back(model_error(errc::model_unknown_id,
                                "observation of unknown indicator '" + o.indicator + "'",
                                at(ptr + "/indicator", o.indicator)));
    check_flags(o, ptr);
  }
  k = 0;
  for (const auto& r : p.references) {
    const std::string ptr = "/references/" + std::to_string(k++);
    if (first.count(r.indicator) == 0)
      out.push_back(model_error(errc::model_unknown_id,
                                "reference of unknown indicator '" + r.indicator + "'",
                                at(ptr + "/indicator", r.indicator)));
  }
  // the tasks' invariants: the first problem (validate_tasks stops there)
  try {
    validate_tasks(p.tasks, &p.indicators);
  } catch (const model_error& e) {
    out.push_back(e);
  }
  return out;
}

std::vector<error> check_plan_file(const std::string& path) {
  std::vector<error> out;
  try {
    if (is_plan_table(path)) {
      const plan p = load_plan_table(path);
      for (auto& e : check_plan(p)) {
        location loc = e.where();
        loc.file = path;
        out.push_back(error(e.code(), e.message(), loc));
      }
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
