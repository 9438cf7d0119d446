// The CSV file of a composite index (units × indicators with metadata rows).
#include "planeval/io/index_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <ostream>
#include <set>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/csv.hpp"

#include "io/file_util.hpp"

namespace planeval {
namespace {

location at(const csv_table& t, const csv_cell& c, const std::string& indicator = {}) {
  location loc;
  loc.file = t.source;
  loc.line = c.line;
  loc.column = c.column;
  loc.indicator = indicator;
  return loc;
}

bool is_missing(std::string_view s) {
  return s.empty() || s == "-" || s == "—" || s == ".." || s == "NA" || s == "n/a" || s == "N/A";
}

double number(const csv_table& t, const csv_cell& c, const std::string& indicator,
              const char* what) {
  const std::string_view s = detail::trim(c.text);
  double v = 0.0;
  const auto* end = s.data() + s.size();
  const auto res = std::from_chars(s.data(), end, v);
  if (s.empty() || res.ec != std::errc() || res.ptr != end || !std::isfinite(v)) {
    auto loc = at(t, c, indicator);
    loc.fragment = std::string(s);
    throw format_error(errc::csv_syntax,
                       std::string(what) + " '" + std::string(s) + "' is not a number", loc);
  }
  return v;
}

}  // namespace

index_matrix read_index_matrix(std::istream& in, const std::string& source, const limits& lim) {
  const csv_table t = read_csv(in, source, lim);
  index_matrix m;
  if (t.header.size() < 2) {
    location loc;
    loc.file = source;
    loc.line = t.header.empty() ? 1 : t.header.front().line;
    throw format_error(errc::csv_header,
                       "an index matrix needs a unit column and at least one indicator column",
                       loc);
  }
  for (std::size_t j = 1; j < t.header.size(); ++j) {
    index_indicator ind;
    ind.id = std::string(detail::trim(t.header[j].text));
    if (ind.id.empty())
      throw format_error(errc::csv_header, "an indicator column has no id", at(t, t.header[j]));
    for (const auto& other : m.indicators)
      if (other.id == ind.id)
        throw format_error(errc::csv_header, "indicator '" + ind.id + "' appears twice",
                           at(t, t.header[j], ind.id));
    m.indicators.push_back(ind);
  }
  const std::size_t k = m.indicators.size();
  std::set<std::string> meta_seen;
  for (const auto& row : t.rows) {
    const std::string first(detail::trim(row.front().text));
    if (!first.empty() && first[0] == '#') {
      static const std::set<std::string> known{"#polarity", "#weight",  "#goal_low", "#goal_high",
                                               "#target",   "#name_zh", "#name_en"};
      if (known.count(first) == 0)
        throw format_error(errc::csv_syntax,
                           "unknown row '" + first +
                               "' (expected #polarity, #weight, #goal_low, #goal_high, #target, "
                               "#name_zh or #name_en)",
                           at(t, row.front()));
      if (!meta_seen.insert(first).second)
        throw format_error(errc::csv_syntax, "the row '" + first + "' appears twice",
                           at(t, row.front()));
      for (std::size_t j = 0; j < k; ++j) {
        const csv_cell& c = row[j + 1];
        const std::string text(detail::trim(c.text));
        if (text.empty()) continue;
        auto& ind = m.indicators[j];
        if (first == "#polarity") {
          if (text == "higher" || text == "高")
            ind.polarity = polarity::higher;
          else if (text == "lower" || text == "低")
            ind.polarity = polarity::lower;
          else
            throw format_error(errc::csv_syntax,
                               "polarity '" + text + "' is not 'higher' or 'lower'",
                               at(t, c, ind.id));
        } else if (first == "#weight") {
          ind.weight = number(t, c, ind.id, "weight");
        } else if (first == "#goal_low") {
          ind.goal_low = number(t, c, ind.id, "goal_low");
        } else if (first == "#goal_high") {
          ind.goal_high = number(t, c, ind.id, "goal_high");
        } else if (first == "#target") {
          ind.target = number(t, c, ind.id, "target");
        } else if (first == "#name_zh") {
          ind.name_zh = text;
        } else {
          ind.name_en = text;
        }
      }
      continue;
    }
    if (first.empty())
      throw format_error(errc::csv_syntax, "a row without a unit name", at(t, row.front()));
    m.units.push_back(first);
    for (std::size_t j = 0; j < k; ++j) {
      const csv_cell& c = row[j + 1];
      const std::string_view text = detail::trim(c.text);
      m.values.push_back(is_missing(text) ? std::numeric_limits<double>::quiet_NaN()
                                          : number(t, c, m.indicators[j].id, "value"));
    }
  }
  try {
    m.validate();
  } catch (const model_error& e) {
    location loc = e.where();
    loc.file = source;
    throw model_error(e.code(), e.message(), loc);
  }
  return m;
}

index_matrix load_index_matrix(const std::string& path, const limits& lim) {
  std::ifstream in;
  detail::open_file(in, path);
  return read_index_matrix(in, path, lim);
}

void write_index_matrix(std::ostream& out, const index_matrix& m) {
  // the unit column's name: `unit`, unless an indicator has that id (found by fuzzing)
  std::string unit_column = "unit";
  for (int k = 1;; ++k) {
    bool taken = false;
    for (const auto& ind : m.indicators) taken = taken || ind.id == unit_column;
    if (!taken) break;
    unit_column = "unit_" + std::to_string(k);
  }
  out << unit_column;
  for (const auto& ind : m.indicators) out << ',' << csv_quote(ind.id);
  out << '\n';
  auto meta = [&](const char* name, auto has, auto text) {
    bool any = false;
    for (const auto& ind : m.indicators) any = any || has(ind);
    if (!any) return;
    out << name;
    for (const auto& ind : m.indicators) out << ',' << (has(ind) ? csv_quote(text(ind)) : "");
    out << '\n';
  };
  meta(
      "#name_zh", [](const index_indicator& i) { return !i.name_zh.empty(); },
      [](const index_indicator& i) { return i.name_zh; });
  meta(
      "#name_en", [](const index_indicator& i) { return !i.name_en.empty(); },
      [](const index_indicator& i) { return i.name_en; });
  meta(
      "#polarity", [](const index_indicator& i) { return i.polarity != polarity::higher; },
      [](const index_indicator& i) { return std::string(to_string(i.polarity)); });
  meta(
      "#weight", [](const index_indicator& i) { return i.weight != 1.0; },
      [](const index_indicator& i) { return format_number(i.weight); });
  meta(
      "#goal_low", [](const index_indicator& i) { return i.goal_low.has_value(); },
      [](const index_indicator& i) { return format_number(*i.goal_low); });
  meta(
      "#goal_high", [](const index_indicator& i) { return i.goal_high.has_value(); },
      [](const index_indicator& i) { return format_number(*i.goal_high); });
  meta(
      "#target", [](const index_indicator& i) { return i.target.has_value(); },
      [](const index_indicator& i) { return format_number(*i.target); });
  for (std::size_t i = 0; i < m.rows(); ++i) {
    out << csv_quote(m.units[i]);
    for (std::size_t j = 0; j < m.cols(); ++j) {
      const double v = m.values[i * m.cols() + j];
      out << ',' << (std::isnan(v) ? std::string() : format_number(v));
    }
    out << '\n';
  }
}

}  // namespace planeval
