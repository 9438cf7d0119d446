// Plans as Boost.Serialization archives (text, XML, binary).
//
// Every class is serialized non-intrusively and versioned with BOOST_CLASS_VERSION. Loading is
// written for damaged input: collections are read element by element (room reserved for at most
// archive_reserve_cap elements, whatever the count in the file says) and bounded by
// archive_max_elements; strings are bounded by
// archive_max_string_bytes and by the bytes left in the archive (the bounded input archives of
// io/bounded_archive.hpp override Boost's string loading for that); booleans and enumerations
// are stored as checked bytes and names, so a corrupted archive cannot produce an invalid value.
// This file is the plan's layout: one serialize function per class.
//
// How to change a layout: bump the class's version below, write the new fields only in the
// save function, and in the load function read them only `if (version >= N)`, so archives of
// every earlier version keep loading (their golden files stay in tests/data/golden/).
#include "io/archive.hpp"

#include <algorithm>
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <istream>
#include <ostream>
#include <streambuf>
#include <type_traits>

#include "io/bounded_archive.hpp"
#include "io/file_util.hpp"
#include "io/locate.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"

// Class versions. Bump one when its layout changes, and keep loading the old layout.
#define PLANEVAL_ARCHIVE_CLASS(T, V) \
  BOOST_CLASS_VERSION(T, V)          \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)
PLANEVAL_ARCHIVE_CLASS(planeval::plan, 2)  // 2: tasks
PLANEVAL_ARCHIVE_CLASS(planeval::plan_settings, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::tolerance_settings, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::indicator, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::target, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::rule, 3)  // 2: year; 3: compound parts
PLANEVAL_ARCHIVE_CLASS(planeval::measure, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::qualifier, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::observation, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::reference_value, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::unit, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::period, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::task, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::deliverable, 1)
PLANEVAL_ARCHIVE_CLASS(planeval::progress_report, 1)
#undef PLANEVAL_ARCHIVE_CLASS

namespace planeval {
namespace {

using boost::serialization::make_nvp;

const char* const archive_magic = "planeval.plan";
const char* const archive_trailer = "planeval.end";

// --- locating errors ---------------------------------------------------------------------------

location prefixed(const error& e, const std::string& prefix, const std::string& indicator,
                  const std::string& task) {
  location loc = e.where();
  loc.pointer = prefix + loc.pointer;
  if (loc.indicator.empty()) loc.indicator = indicator;
  if (loc.task.empty()) loc.task = task;
  // a deliverable's actual holds the task id as its indicator: the error is about the task
  if (!task.empty() && loc.indicator == task) loc.indicator.clear();
  return loc;
}

// Runs `f`; errors leave it with `prefix` in front of their pointer (and the indicator or task
// id when they have none). Boost's exceptions become planeval errors: on loading
// `archive_corrupt` (`format_version` for an archive of a newer Boost), on saving `io_write`.
template <class Archive, class F>
void within(const std::string& prefix, const std::string& indicator, F f,
            const std::string& task = {}) {
  try {
    f();
  } catch (const error& e) {
    detail::rethrow_located(e, e.message(), prefixed(e, prefix, indicator, task));
  } catch (const boost::archive::archive_exception& e) {
    location loc;
    loc.pointer = prefix;
    loc.indicator = indicator;
    loc.task = task;
    if constexpr (Archive::is_saving::value) {
      throw io_error(errc::io_write, std::string("writing the archive failed: ") + e.what(), loc);
    } else {
      if (e.code == boost::archive::archive_exception::unsupported_version)
        throw format_error(
            errc::format_version,
            "the archive was written by a newer Boost.Serialization "
            "(library version above " +
                std::to_string(detail::version_number(boost::archive::BOOST_ARCHIVE_VERSION())) +
                ")",
            loc);
      throw format_error(errc::archive_corrupt, std::string("the archive is damaged: ") + e.what(),
                         loc);
    }
  }
}

// `within` for the hot paths (every field of every element): runs `f`, and builds the pointer
// prefix with `prefix()` only when an error needs it.
template <class Archive, class Prefix, class F>
void within_lazy(Prefix prefix, F f) {
  try {
    f();
  } catch (...) {
    within<Archive>(prefix(), {}, [] { throw; });
  }
}

// --- fields ---------------------------------------------------------------------------------

template <class Archive>
constexpr bool saving() {
  return Archive::is_saving::value;
}

// A field of a primitive or class type, located by its name.
template <class Archive, class T>
void field(Archive& ar, const char* name, T& v) {
  within_lazy<Archive>([name] { return std::string("/") + name; }, [&] { ar& make_nvp(name, v); });
}

template <class Archive>
void text_field(Archive& ar, const char* name, std::string& s) {
  field(ar, name, s);
}

template <class Archive>
void number_field(Archive& ar, const char* name, double& v) {
  if (saving<Archive>() && !std::isfinite(v)) {
    location loc;
    loc.pointer = std::string("/") + name;
    throw model_error(errc::model_invalid, "an archive cannot hold the number " + format_number(v),
                      loc);
  }
  field(ar, name, v);
  if (!saving<Archive>() && !std::isfinite(v)) {
    location loc;
    loc.pointer = std::string("/") + name;
    throw format_error(errc::archive_corrupt, "a number that is not finite", loc);
  }
}

template <class Archive>
void int_field(Archive& ar, const char* name, int& v) {
  std::int32_t i = static_cast<std::int32_t>(v);
  field(ar, name, i);
  if (!saving<Archive>()) v = static_cast<int>(i);
}

// Booleans are bytes 0 or 1 (a corrupted byte is an error, never an invalid bool).
template <class Archive>
void bool_field(Archive& ar, const char* name, bool& b) {
  std::uint8_t byte = b ? 1 : 0;
  field(ar, name, byte);
  if (!saving<Archive>()) {
    if (byte > 1) {
      location loc;
      loc.pointer = std::string("/") + name;
      throw format_error(errc::archive_corrupt, "a boolean is " + std::to_string(byte), loc);
    }
    b = byte == 1;
  }
}

// Enumerations are stored by their stable names, so archives survive new enumerators.
template <class Archive, class Enum>
void enum_field(Archive& ar, const char* name, Enum& e) {
  std::string s = saving<Archive>() ? to_string(e) : "";
  field(ar, name, s);
  if (!saving<Archive>()) {
    const auto v = try_from_string<Enum>(s);
    if (!v) {
      location loc;
      loc.pointer = std::string("/") + name;
      loc.fragment = s;
      throw format_error(errc::archive_corrupt, "'" + s + "' is not a valid " + name, loc);
    }
    e = *v;
  }
}

template <class Archive>
void date_field(Archive& ar, const char* name, std::optional<date>& d) {
  std::string s = saving<Archive>() && d ? to_string(*d) : "";
  field(ar, name, s);
  if (!saving<Archive>()) {
    if (s.empty())
      d.reset();
    else
      within<Archive>(std::string("/") + name, {}, [&] { d = parse_date(s); });
  }
}

// Room reserved up front for a collection read from an archive: the stated count, but never
// more than this many elements, so a corrupted count cannot make a large allocation (beyond it
// the vector grows as elements actually arrive).
constexpr std::uint64_t archive_reserve_cap = 1u << 17;

// A collection: its size, then each element, read one by one. `reserve(n)` is called with the
// count, capped by `archive_reserve_cap`.
template <class Archive, class T, class Add, class Reserve>
void items_field(Archive& ar, const char* count_name, const char* item_name,
                 const std::string& pointer, const std::vector<T>& items, Add add,
                 Reserve reserve) {
  std::uint64_t n = items.size();
  field(ar, count_name, n);
  if constexpr (saving<Archive>()) {
    for (std::size_t k = 0; k < items.size(); ++k)
      within_lazy<Archive>([&] { return pointer + "/" + std::to_string(k); },
                           [&] { ar << make_nvp(item_name, items[k]); });
  } else {
    if (n > archive_max_elements) {
      location loc;
      loc.pointer = pointer;
      throw format_error(errc::archive_limit,
                         "a collection of " + std::to_string(n) + " elements (the limit is " +
                             std::to_string(archive_max_elements) + ")",
                         loc);
    }
    reserve(static_cast<std::size_t>(std::min(n, archive_reserve_cap)));
    for (std::uint64_t k = 0; k < n; ++k) {
      within_lazy<Archive>([&] { return pointer + "/" + std::to_string(k); },
                           [&] {
                             T item;
                             ar >> make_nvp(item_name, item);
                             add(std::move(item));
                           });
    }
  }
}

template <class Archive, class T, class Add>
void items_field(Archive& ar, const char* count_name, const char* item_name,
                 const std::string& pointer, const std::vector<T>& items, Add add) {
  items_field(ar, count_name, item_name, pointer, items, add, [](std::size_t) {});
}

// A vector: its size, then each element (read into a new vector that replaces `items`).
template <class Archive, class T>
void vector_field(Archive& ar, const char* count_name, const char* item_name,
                  const std::string& pointer, std::vector<T>& items) {
  std::vector<T> loaded;
  items_field(ar, count_name, item_name, pointer, items,
              [&](T item) { loaded.push_back(std::move(item)); });
  if (!saving<Archive>()) items = std::move(loaded);
}

// An optional member: the boolean `has_name`, then the value when there is one.
template <class Archive, class T>
void optional_field(Archive& ar, const char* has_name, const char* name, std::optional<T>& v) {
  bool has = v.has_value();
  bool_field(ar, has_name, has);
  if (!saving<Archive>()) {
    if (has)
      v.emplace();
    else
      v.reset();
  }
  if (has) field(ar, name, *v);
}

// Checks the version of a class in the archive against what this release reads.
template <class T>
void check_version(unsigned version, const char* name) {
  constexpr unsigned current = boost::serialization::version<T>::value;
  if (version > current)
    throw format_error(errc::format_version,
                       std::string("the archive holds ") + name + " version " +
                           std::to_string(version) + ", written by a newer planeval; this " +
                           "release reads up to version " + std::to_string(current));
  if (version == 0)
    throw format_error(errc::archive_corrupt, std::string("the archive holds ") + name +
                                                  " version 0, which never existed");
}

}  // namespace

// --- the model, one function per class --------------------------------------------------------

namespace {
// The last text a period or unit was read from and what it gave (valid and canonical), so runs
// of the same text are parsed once. One per thread and archive kind.
template <class T>
struct last_parsed {
  std::string text;
  T value{};
  bool set = false;
  bool matches(const std::string& s) const noexcept { return set && s == text; }
  void remember(const std::string& s, const T& v) {
    text = s;
    value = v;
    set = true;
  }
};
}  // namespace

template <class Archive>
void serialize(Archive& ar, period& p, const unsigned version) {
  check_version<period>(version, "period");
  std::string s = saving<Archive>() ? p.to_string() : "";
  field(ar, "text", s);
  if (!saving<Archive>()) {
    thread_local last_parsed<period> last;  // observations come in runs of one period or unit
    if (last.matches(s)) {
      p = last.value;
      return;
    }
    within<Archive>("/text", {}, [&] { p = period::parse(s); });
    if (p.to_string() != s) detail::corrupt("the period '" + s + "' is not in canonical form");
    last.remember(s, p);
  }
}

template <class Archive>
void serialize(Archive& ar, unit& u, const unsigned version) {
  check_version<unit>(version, "unit");
  std::string s = saving<Archive>() ? u.symbol() : "";
  field(ar, "symbol", s);
  if (!saving<Archive>()) {
    thread_local last_parsed<unit> last;
    if (last.matches(s)) {
      u = last.value;
      return;
    }
    within<Archive>("/symbol", {}, [&] { u = unit::parse(s); });
    if (u.symbol() != s) detail::corrupt("the unit symbol '" + s + "' has surrounding blanks");
    last.remember(s, u);
  }
}

template <class Archive>
void serialize(Archive& ar, measure& m, const unsigned version) {
  check_version<measure>(version, "measure");
  enum_field(ar, "kind", m.kind);
  int_field(ar, "base_year", m.base_year);
  // the bounds the JSON plan file checks, so that every loaded plan converts to JSON and back
  if (!saving<Archive>() && (m.base_year < 0 || m.base_year > 9999))
    detail::corrupt("a base year of " + std::to_string(m.base_year) + " (expected 0 to 9999)");
}

template <class Archive>
void serialize(Archive& ar, qualifier& q, const unsigned version) {
  check_version<qualifier>(version, "qualifier");
  text_field(ar, "flow", q.flow);
  bool_field(ar, "cumulative", q.cumulative);
  int_field(ar, "years", q.cumulative_years);
  if (!saving<Archive>() && (q.cumulative_years < 0 || q.cumulative_years > 1000))
    detail::corrupt("a cumulation of " + std::to_string(q.cumulative_years) +
                    " years (expected 0 to 1000)");
}

template <class Archive>
void serialize(Archive& ar, rule& r, const unsigned version) {
  check_version<rule>(version, "rule");
  enum_field(ar, "op", r.operation);
  field(ar, "measure", r.measure);
  number_field(ar, "value", r.value);
  number_field(ar, "low", r.low);
  number_field(ar, "high", r.high);
  bool_field(ar, "strict", r.strict);
  text_field(ar, "reference", r.reference);
  field(ar, "unit", r.unit);
  field(ar, "qualifier", r.qualifier);
  text_field(ar, "remark", r.remark);
  text_field(ar, "description", r.description);
  if (version >= 2) {
    int_field(ar, "year", r.year);
    if (!saving<Archive>() && r.year != 0 && (r.year < 1 || r.year > 9999))
      detail::corrupt("a rule's year " + std::to_string(r.year) + " (expected 1 to 9999)");
  }
  if (version >= 3) {
    // a part is a plain comparison: only a compound's own parts are read (no deeper nesting)
    static thread_local int depth = 0;
    if (!saving<Archive>() && depth > 0 && r.operation == op::compound)
      detail::corrupt("a compound rule inside a compound rule");
    ++depth;
    try {
      vector_field(ar, "part_count", "part", "/parts", r.parts);
    } catch (...) {
      --depth;
      throw;
    }
    --depth;
    bool_field(ar, "respectively", r.respectively);
    if (!saving<Archive>() && (r.operation == op::compound) != !r.parts.empty())
      detail::corrupt(r.parts.empty() ? "a compound rule without parts"
                                      : "parts in a rule that is not compound");
  }
  if (!saving<Archive>() && r.operation == op::between && !r.has_reference() && r.low > r.high)
    detail::corrupt("a 'between' rule with low > high");
}

template <class Archive>
void serialize(Archive& ar, target& t, const unsigned version) {
  check_version<target>(version, "target");
  field(ar, "period", t.period);
  text_field(ar, "text", t.text);
  field(ar, "rule", t.rule);
}

namespace {
// The alternatives of an observed value, by name.
const char* value_kind(const observed& v) {
  switch (v.index()) {
    case 0: return "missing";
    case 1: return "point";
    case 2: return "bound";
    case 3: return "interval";
    default: return "judgment";
  }
}

template <class Archive>
void value_field(Archive& ar, observed& v) {
  std::string kind = saving<Archive>() ? value_kind(v) : "";
  field(ar, "value_kind", kind);
  if (kind == "missing") {
    if (!saving<Archive>()) v = missing_value{};
  } else if (kind == "point") {
    point_value p = saving<Archive>() ? std::get<point_value>(v) : point_value{};
    number_field(ar, "value", p.value);
    if (!saving<Archive>()) v = p;
  } else if (kind == "bound") {
    bound_value b = saving<Archive>() ? std::get<bound_value>(v) : bound_value{};
    number_field(ar, "value", b.value);
    bool_field(ar, "at_least", b.at_least);
    bool_field(ar, "strict", b.strict);
    if (!saving<Archive>()) v = b;
  } else if (kind == "interval") {
    interval_value i = saving<Archive>() ? std::get<interval_value>(v) : interval_value{};
    number_field(ar, "low", i.low);
    number_field(ar, "high", i.high);
    if (!saving<Archive>()) v = i;
  } else if (kind == "judgment") {
    judgment_value j = saving<Archive>() ? std::get<judgment_value>(v) : judgment_value{};
    enum_field(ar, "judgment", j.verdict);
    if (!saving<Archive>()) v = j;
  } else {
    location loc;
    loc.pointer = "/value_kind";
    loc.fragment = kind;
    throw format_error(errc::archive_corrupt, "'" + kind + "' is not a kind of value", loc);
  }
}
}  // namespace

template <class Archive>
void serialize(Archive& ar, observation& o, const unsigned version) {
  check_version<observation>(version, "observation");
  text_field(ar, "indicator", o.indicator);
  within<Archive>({}, o.indicator, [&] {
    field(ar, "period", o.period);
    value_field(ar, o.value);
    field(ar, "measure", o.measure);
    field(ar, "unit", o.unit);
    field(ar, "qualifier", o.qualifier);
    bool has_comparable = o.comparable.has_value();
    bool_field(ar, "has_comparable", has_comparable);
    double comparable = o.comparable.value_or(0.0);
    if (has_comparable) number_field(ar, "comparable", comparable);
    if (!saving<Archive>()) {
      if (has_comparable)
        o.comparable = comparable;
      else
        o.comparable.reset();
    }
    text_field(ar, "flags", o.flags);
    if (!saving<Archive>()) within<Archive>("/flags", {}, [&] { validate_flags(o.flags); });
    text_field(ar, "text", o.text);
    text_field(ar, "note", o.note);
  });
}

template <class Archive>
void serialize(Archive& ar, reference_value& r, const unsigned version) {
  check_version<reference_value>(version, "reference");
  text_field(ar, "indicator", r.indicator);
  within<Archive>({}, r.indicator, [&] {
    field(ar, "period", r.period);
    number_field(ar, "value", r.value);
    field(ar, "unit", r.unit);
    text_field(ar, "note", r.note);
  });
}

template <class Archive>
void serialize(Archive& ar, indicator& ind, const unsigned version) {
  check_version<indicator>(version, "indicator");
  text_field(ar, "id", ind.id);
  within<Archive>({}, ind.id, [&] {
    text_field(ar, "name_zh", ind.name_zh);
    text_field(ar, "name_en", ind.name_en);
    enum_field(ar, "kind", ind.kind);
    field(ar, "unit", ind.unit);
    enum_field(ar, "polarity", ind.polarity);
    enum_field(ar, "attribute", ind.attribute);
    text_field(ar, "category", ind.category);
    enum_field(ar, "accumulation", ind.accumulation);
    optional_field(ar, "has_baseline", "baseline", ind.baseline);
    vector_field(ar, "target_count", "target", "/targets", ind.targets);
    text_field(ar, "note", ind.note);
  });
}

template <class Archive>
void serialize(Archive& ar, tolerance_settings& t, const unsigned version) {
  check_version<tolerance_settings>(version, "tolerance settings");
  number_field(ar, "about_points", t.about_points);
  number_field(ar, "about_relative", t.about_relative);
  number_field(ar, "sync_points", t.sync_points);
  number_field(ar, "sync_relative", t.sync_relative);
  number_field(ar, "anticipatory_points", t.anticipatory_points);
  number_field(ar, "anticipatory_relative", t.anticipatory_relative);
}

template <class Archive>
void serialize(Archive& ar, plan_settings& s, const unsigned version) {
  check_version<plan_settings>(version, "plan settings");
  field(ar, "tolerance", s.tolerance);
  enum_field(ar, "language", s.lang);
}

template <class Archive>
void serialize(Archive& ar, progress_report& r, const unsigned version) {
  check_version<progress_report>(version, "progress report");
  number_field(ar, "share", r.share);
  std::optional<date> reported = r.reported;
  date_field(ar, "reported", reported);
  if (!saving<Archive>()) {
    if (!reported) {
      location loc;
      loc.pointer = "/reported";
      throw format_error(errc::archive_corrupt, "a progress report without its day", loc);
    }
    r.reported = *reported;
  }
}

template <class Archive>
void serialize(Archive& ar, deliverable& d, const unsigned version) {
  check_version<deliverable>(version, "deliverable");
  text_field(ar, "text", d.text);
  field(ar, "target", d.target);
  optional_field(ar, "has_actual", "actual", d.actual);
}

template <class Archive>
void serialize(Archive& ar, task& t, const unsigned version) {
  check_version<task>(version, "task");
  text_field(ar, "id", t.id);
  within<Archive>(
      {}, {},
      [&] {
        text_field(ar, "parent", t.parent);
        text_field(ar, "title_zh", t.title_zh);
        text_field(ar, "title_en", t.title_en);
        text_field(ar, "description", t.description);
        text_field(ar, "owner", t.owner);
        vector_field(ar, "cooperating_count", "item", "/cooperating", t.cooperating);
        date_field(ar, "start", t.start);
        date_field(ar, "due", t.due);
        enum_field(ar, "status", t.status);
        optional_field(ar, "has_progress", "progress", t.progress);
        date_field(ar, "completed", t.completed);
        vector_field(ar, "deliverable_count", "deliverable", "/deliverables", t.deliverables);
        vector_field(ar, "indicator_count", "item", "/indicators", t.indicators);
        vector_field(ar, "depends_on_count", "item", "/depends_on", t.depends_on);
        number_field(ar, "weight", t.weight);
        text_field(ar, "note", t.note);
      },
      t.id);
}

// Version 1: metadata, settings, indicators, observations, references, extensions.
// Version 2: the tasks after the references.
template <class Archive>
void serialize(Archive& ar, plan& p, const unsigned version) {
  check_version<plan>(version, "plan");
  text_field(ar, "id", p.id);
  text_field(ar, "title_zh", p.title_zh);
  text_field(ar, "title_en", p.title_en);
  text_field(ar, "issuer", p.issuer);
  field(ar, "period", p.period);
  date_field(ar, "published", p.published);
  date_field(ar, "approved", p.approved);
  field(ar, "settings", p.settings);
  std::vector<indicator> indicators;
  items_field(
      ar, "indicator_count", "indicator", "/indicators", p.indicators,
      [&](indicator i) { indicators.push_back(std::move(i)); },
      [&](std::size_t n) { indicators.reserve(n); });
  observation_set observations;
  items_field(
      ar, "observation_count", "observation", "/observations", p.observations.items(),
      [&](observation o) { observations.add(std::move(o)); },
      [&](std::size_t n) { observations.reserve(n); });
  reference_set references;
  items_field(
      ar, "reference_count", "reference", "/references", p.references.items(),
      [&](reference_value r) { references.add(std::move(r)); },
      [&](std::size_t n) { references.reserve(n); });
  if (version >= 2) vector_field(ar, "task_count", "task", "/tasks", p.tasks);
  text_field(ar, "extensions", p.extensions);
  if (!saving<Archive>()) {
    p.indicators = std::move(indicators);
    p.observations = std::move(observations);
    p.references = std::move(references);
  }
}

namespace detail {
namespace {

template <class Archive>
void save_root(Archive& ar, const plan& p) {
  std::string magic = archive_magic;
  std::string trailer = archive_trailer;
  ar << make_nvp("format", magic);
  ar << make_nvp("plan", p);
  ar << make_nvp("end", trailer);
}

template <class Archive>
plan load_root(Archive& ar) {
  const auto library_version = version_number(ar.get_library_version());
  const unsigned newest = version_number(boost::archive::BOOST_ARCHIVE_VERSION());
  if (library_version > newest)
    throw format_error(errc::format_version,
                       "the archive was written by a newer Boost.Serialization (library version " +
                           std::to_string(library_version) + "; this Boost reads up to " +
                           std::to_string(newest) + ")");
  if (library_version < oldest_library_version)
    corrupt("the archive's Boost library version " + std::to_string(library_version) +
            " is older than any planeval archive");
  std::string magic;
  ar >> make_nvp("format", magic);
  if (magic != archive_magic) corrupt("not a planeval plan archive");
  plan p;
  ar >> make_nvp("plan", p);
  std::string trailer;
  within<Archive>("/end", {}, [&] { ar >> make_nvp("end", trailer); });
  if (trailer != archive_trailer) corrupt("the archive does not end with its end mark");
  return p;
}

}  // namespace

void write_archive(std::ostream& out, const plan& p, plan_format format) {
  // saving needs no tracking of addresses: every class is track_never
  auto run = [&](auto make) {
    try {
      {
        auto ar = make();
        save_root(*ar, p);
      }  // the archive writes its end when destroyed
    } catch (const boost::archive::archive_exception& e) {
      throw io_error(errc::io_write, std::string("writing the archive failed: ") + e.what());
    }
    out.flush();
    if (!out) throw io_error(errc::io_write, "writing the archive failed");
  };
  switch (format) {
    case plan_format::text:
      run([&] { return std::make_unique<boost::archive::text_oarchive>(out); });
      return;
    case plan_format::xml:
      run([&] { return std::make_unique<boost::archive::xml_oarchive>(out); });
      return;
    case plan_format::binary:
      run([&] { return std::make_unique<boost::archive::binary_oarchive>(out); });
      return;
    case plan_format::json: break;
  }
  throw error(errc::usage, "write_archive: JSON is not an archive kind");
}

plan read_archive(std::string_view content, plan_format format, const std::string& source) {
  memory_buf buf(content);
  std::istream in(&buf);
  auto locate = [&](location loc) {
    loc.file = source;
    if (format != plan_format::binary && loc.line == 0) set_line_column(content, buf.offset(), loc);
    return loc;
  };
  // binary archives have no lines: say where reading stopped in the message
  auto at_byte = [&](const std::string& message) {
    return format == plan_format::binary
               ? message + " (reading stopped at byte " + std::to_string(buf.offset()) + ")"
               : message;
  };
  auto relocate = [&](const auto& run) -> plan {
    try {
      return run();
    } catch (const error& e) {
      rethrow_located(e, at_byte(e.message()), locate(e.where()));
    } catch (const boost::archive::archive_exception& e) {
      // thrown while reading the archive's header
      if (e.code == boost::archive::archive_exception::unsupported_version)
        throw format_error(
            errc::format_version,
            at_byte("the archive was written by a newer Boost.Serialization (library version "
                    "above " +
                    std::to_string(version_number(boost::archive::BOOST_ARCHIVE_VERSION())) + ")"),
            locate({}));
      throw format_error(
          errc::archive_corrupt,
          at_byte(std::string("not a readable ") + to_string(format) + " archive: " + e.what()),
          locate({}));
    } catch (const std::exception& e) {
      throw format_error(errc::archive_corrupt,
                         at_byte(std::string("the archive could not be read: ") + e.what()),
                         locate({}));
    }
  };
  switch (format) {
    case plan_format::text:
      return relocate([&] {
        check_header(content, format);
        bounded_text_iarchive ar(in);
        return load_root(ar);
      });
    case plan_format::xml:
      return relocate([&] {
        check_header(content, format);
        checked_xml_iarchive ar(in);
        plan p = load_root(ar);
        ar.finish();
        return p;
      });
    case plan_format::binary:
      return relocate([&] {
        check_header(content, format);
        bounded_binary_iarchive ar(buf);
        return load_root(ar);
      });
    case plan_format::json: break;
  }
  throw error(errc::usage, "read_archive: JSON is not an archive kind");
}

}  // namespace detail
}  // namespace planeval
