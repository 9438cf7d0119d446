// Plan, actuals and reference tables in CSV.
#include "planeval/io/tables.hpp"

#include "planeval/core/limits.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"
#include "planeval/io/grid.hpp"
#include "planeval/io/inputs.hpp"

#include "io/csv_records.hpp"
#include "io/file_util.hpp"

namespace planeval {
namespace {

std::string trimmed(const csv_cell& c) { return std::string(detail::trim(c.text)); }

// A cell of a sheet is located by its reference (`F5`), a cell of CSV text by line and column.
void set_position(const csv_table& t, std::size_t line, std::size_t column, location& loc) {
  if (t.sheet.empty()) {
    loc.line = line;
    loc.column = column;
    return;
  }
  loc.sheet = t.sheet;
  if (line > 0) loc.cell = cell_reference(line - 1, column > 0 ? column - 1 : 0);
}

location cell_location(const csv_table& t, const csv_cell& c, const std::string& indicator,
                       const std::string& field, std::size_t inner_column = 0) {
  location loc;
  loc.file = t.source;
  // the column inside the cell counts from the cell's first character
  set_position(
      t, c.line,
      c.column == 0 ? 0 : c.column + (inner_column > 0 && t.sheet.empty() ? inner_column - 1 : 0),
      loc);
  loc.indicator = indicator;
  loc.pointer = field;
  return loc;
}

// Where a row of actuals or references comes from: the file and the row's line.
location origin_of(const csv_table& t, const std::vector<csv_cell>& row, const std::string& id) {
  location loc;
  loc.file = t.source;
  if (!row.empty())
    set_position(t, row.front().line, t.sheet.empty() ? 0 : row.front().column, loc);
  loc.indicator = id;
  return loc;
}

// Runs `f` on a cell and re-raises any planeval error with the cell's location.
template <class F>
auto at_cell(const csv_table& t, const csv_cell& c, const std::string& indicator,
             const std::string& field, F f) -> decltype(f()) {
  try {
    return f();
  } catch (const parse_error& e) {
    auto loc = cell_location(t, c, indicator, field, e.where().column);
    loc.fragment = e.where().fragment;
    throw parse_error(e.code(), field + ": " + e.message(), loc);
  } catch (const model_error& e) {
    throw model_error(e.code(), field + ": " + e.message(),
                      cell_location(t, c, indicator, field, e.where().column));
  } catch (const format_error& e) {
    throw format_error(e.code(), field + ": " + e.message(), cell_location(t, c, indicator, field));
  }
}

[[noreturn]] void fail_cell(const csv_table& t, const csv_cell& c, const std::string& indicator,
                            const std::string& field, errc code, const std::string& message) {
  raise(code, message, cell_location(t, c, indicator, field));
}

struct row_view {
  const csv_table& t;
  const std::vector<csv_cell>& row;
  const csv_cell* cell(const char* name) const {
    const int k = t.column(name);
    return k < 0 ? nullptr : &row[static_cast<std::size_t>(k)];
  }
  std::string text(const char* name) const {
    const auto* c = cell(name);
    return c ? trimmed(*c) : std::string();
  }
  // a cell for locations even when the column is missing
  csv_cell where(const char* name) const {
    if (const auto* c = cell(name)) {
      csv_cell copy = *c;
      if (copy.line == 0) copy.line = row.empty() ? 0 : row.front().line;
      return copy;
    }
    csv_cell c;
    c.line = row.empty() ? 0 : row.front().line;
    return c;
  }
};

std::string stem_of(const std::string& path) {
  auto slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const auto dot = name.find('.');
  if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  return name;
}

period limited(period p, const limits& lim) {
  check_limits(p, lim);
  return p;
}

// The indicator, period and value cells of an actuals or references row, checked.
struct value_row {
  std::string id;
  period per;
  const csv_cell* value;
  parsed_observation parsed;
};

// A lenient read keeps a cell whose text does not parse: its row is reported, not lost.
void keep_for_review(std::vector<review_item>& review, const parse_error& e,
                     const std::string& indicator, const std::string& field, period per,
                     std::string text) {
  review_item item;
  item.indicator = indicator;
  item.field = field;
  item.period = per;
  item.text = std::move(text);
  item.code = e.code();
  item.message = e.message();
  item.where = e.where();
  review.push_back(std::move(item));
}

value_row read_value_row(const csv_table& t, const row_view& r, const plan* known,
                         const limits& lim) {
  value_row out;
  out.id = r.text("indicator");
  const std::string& id = out.id;
  if (id.empty())
    fail_cell(t, r.where("indicator"), "", "indicator", errc::model_invalid,
              "the indicator id is empty");
  if (known) require_indicator(*known, id, cell_location(t, r.where("indicator"), id, "indicator"));
  out.per = at_cell(t, r.where("period"), id, "period",
                    [&] { return limited(period::parse(r.text("period")), lim); });
  out.value = r.cell("value");
  out.parsed = at_cell(t, *out.value, id, "value", [&] {
    auto parsed = parse_observation(out.value->text);
    check_one_quantity(parsed);
    return parsed;
  });
  return out;
}

// The columns of actuals and references tables. `name_zh`, `unit` and `target` are informative
// (the data-entry template repeats them beside each value): accepted and not read.
const std::vector<std::string> actuals_required{"indicator", "period", "value"};
const std::vector<std::string> actuals_optional{"flags", "note", "name_zh", "unit", "target"};
const std::vector<std::string> references_required{"indicator", "period", "value"};
const std::vector<std::string> references_optional{"note", "name_zh", "unit", "target"};

// A sheet of a workbook as a header-first table: the header is the first of its first rows that
// `check_header` accepts (a template's title row above it is skipped); rows below it in which
// nothing was entered (value, flags and note blank) are left out, as a template's rows not
// filled in. Cells keep their row and column, so errors name the sheet and the cell.
std::optional<csv_table> table_of_sheet(const grid& g, const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional,
                                        std::optional<format_error>& first_error) {
  constexpr std::size_t header_rows = 10;  // a header lower than this is not looked for
  for (std::size_t r = 0; r < g.rows.size() && r < header_rows; ++r) {
    const auto& row = g.rows[r];
    csv_table t;
    t.source = g.source;
    t.sheet = g.sheet.empty() ? std::to_string(g.index + 1) : g.sheet;
    std::size_t width = row.size();
    while (width > 0 && row[width - 1].text.empty()) --width;  // trailing blank cells
    if (width < required.size()) continue;
    for (std::size_t c = 0; c < width; ++c) t.header.push_back({row[c].text, r + 1, c + 1});
    try {
      check_header(t, required, optional);
    } catch (const format_error& e) {
      if (!first_error) {
        location loc = e.where();
        const std::size_t line = loc.line;
        const std::size_t column = loc.column;
        loc.line = 0;
        loc.column = 0;
        set_position(t, line, column, loc);
        first_error.emplace(e.code(), e.message(), loc);
      }
      continue;
    }
    for (std::size_t k = r + 1; k < g.rows.size(); ++k) {
      std::vector<csv_cell> cells;
      bool entered = false;
      for (std::size_t c = 0; c < width; ++c) {
        const std::string text = c < g.rows[k].size() ? g.rows[k][c].text : std::string();
        const std::string& name = t.header[c].text;
        if (!text.empty() && (name == "value" || name == "flags" || name == "note")) entered = true;
        cells.push_back({text, k + 1, c + 1});
      }
      if (entered) t.rows.push_back(std::move(cells));
    }
    return t;
  }
  return std::nullopt;
}

// An actuals or references file: CSV text, or a workbook or Word document (told by its
// content), read from the first sheet or table with a header of `required` columns.
csv_table load_value_table(const std::string& path, const limits& lim,
                           const std::vector<std::string>& required,
                           const std::vector<std::string>& optional) {
  if (!is_office_file(detail::read_file_head(path, 8))) {
    std::ifstream in;
    detail::open_file(in, path);
    return read_csv(in, path, lim);
  }
  grid_options options;
  options.input_limits = lim;
  std::optional<format_error> first_error;
  for (const grid& g : load_grids(path, options))
    if (auto t = table_of_sheet(g, required, optional, first_error)) return std::move(*t);
  if (first_error) throw *first_error;
  location loc;
  loc.file = path;
  raise(errc::csv_header,
        "no sheet or table has a header with the columns indicator, period and value (or "
        "指标代码, 时期, 完成值) in its first rows",
        loc);
}

}  // namespace

plan read_plan_table(std::istream& in, const std::string& source, const limits& lim,
                     std::vector<review_item>* review) {
  csv_table t = read_csv(in, source, lim);
  check_header(t, {"id", "target_period", "target"},
               {"name_zh", "name_en", "kind", "unit", "polarity", "attribute", "category",
                "baseline_period", "baseline", "note", "accumulation"});
  plan p;
  p.id = stem_of(source);
  std::map<std::string, std::size_t> first_row;  // id → index in p.indicators
  std::optional<period> latest;

  for (const auto& row : t.rows) {
    const row_view r{t, row};
    const std::string id = r.text("id");
    if (id.empty())
      fail_cell(t, r.where("id"), "", "id", errc::model_invalid, "the indicator id is empty");

    // target
    std::optional<target> tgt;
    const std::string target_text = r.text("target");
    const std::string target_period_text = r.text("target_period");
    if (!target_text.empty()) {
      if (target_period_text.empty())
        fail_cell(t, r.where("target_period"), id, "target_period", errc::model_invalid,
                  "a target needs a target_period (YYYY, YYYY-Qn, YYYY-MM or YYYY/YYYY)");
      target tg;
      tg.period = at_cell(t, r.where("target_period"), id, "target_period",
                          [&] { return limited(period::parse(target_period_text), lim); });
      tg.text = target_text;
      const auto* tc = r.cell("target");
      try {
        tg.rule = at_cell(t, *tc, id, "target", [&] { return parse_target(tc->text); });
      } catch (const parse_error& e) {
        if (!review) throw;
        keep_for_review(*review, e, id, "target", tg.period, target_text);
        tg.rule = rule{};
        tg.rule.operation = op::unparsed;
        tg.rule.description = target_text;
      }
      tgt = std::move(tg);
      if (!latest || latest->last_day() < tgt->period.last_day()) latest = tgt->period;
    }

    if (const auto it = first_row.find(id); it != first_row.end()) {
      // a repeated id adds a target for another period; other columns must agree or be blank
      indicator& ind = p.indicators[it->second];
      for (const char* col : {"name_zh", "name_en", "kind", "unit", "polarity", "attribute",
                              "category", "baseline_period", "baseline", "accumulation"}) {
        const std::string v = r.text(col);
        if (v.empty()) continue;
        std::string existing;
        const std::string c(col);
        if (c == "name_zh")
          existing = ind.name_zh;
        else if (c == "name_en")
          existing = ind.name_en;
        else if (c == "kind")
          existing = to_string(ind.kind);
        else if (c == "unit")
          existing = ind.unit.symbol();
        else if (c == "polarity")
          existing = to_string(ind.polarity);
        else if (c == "attribute")
          existing = to_string(ind.attribute);
        else if (c == "category")
          existing = ind.category;
        else if (c == "accumulation")
          existing = to_string(ind.accumulation);
        else if (c == "baseline_period")
          existing = ind.baseline ? ind.baseline->period.to_string() : "";
        else if (c == "baseline")
          existing = ind.baseline ? ind.baseline->text : "";
        if (v != existing)
          fail_cell(t, r.where(col), id, col, errc::model_duplicate,
                    "indicator '" + id + "' is repeated with a different " + c + " ('" + v +
                        "' vs '" + existing + "')");
      }
      if (tgt) {
        if (ind.find_target(tgt->period))
          fail_cell(t, r.where("target_period"), id, "target_period", errc::model_duplicate,
                    "indicator '" + id + "' has two targets for " + tgt->period.to_string());
        ind.targets.push_back(std::move(*tgt));
      }
      const std::string note = r.text("note");
      if (!note.empty() && note != ind.note) ind.note += (ind.note.empty() ? "" : " ") + note;
      continue;
    }

    indicator ind;
    ind.id = id;
    ind.name_zh = r.text("name_zh");
    ind.name_en = r.text("name_en");
    ind.category = r.text("category");
    ind.note = r.text("note");
    ind.unit = at_cell(t, r.where("unit"), id, "unit", [&] { return unit::parse(r.text("unit")); });
    const std::string kind = r.text("kind");
    ind.kind = kind.empty() ? default_kind(ind.unit, tgt ? &tgt->rule : nullptr)
                            : at_cell(t, r.where("kind"), id, "kind",
                                      [&] { return from_string<indicator_kind>(kind); });
    const std::string pol = r.text("polarity");
    if (!pol.empty())
      ind.polarity = at_cell(t, r.where("polarity"), id, "polarity",
                             [&] { return from_string<polarity>(pol); });
    const std::string attr = r.text("attribute");
    if (!attr.empty())
      ind.attribute = at_cell(t, r.where("attribute"), id, "attribute",
                              [&] { return from_string<attribute>(attr); });

    // baseline
    const std::string base_text = r.text("baseline");
    const std::string base_period_text = r.text("baseline_period");
    std::optional<parsed_observation> base_parsed;
    if (!base_text.empty()) {
      const auto* bc = r.cell("baseline");
      try {
        base_parsed = at_cell(t, *bc, id, "baseline", [&] {
          auto parsed = parse_observation(bc->text);
          check_one_quantity(parsed);
          return parsed;
        });
      } catch (const parse_error& e) {
        if (!review) throw;
        keep_for_review(*review, e, id, "baseline", {}, base_text);
      }
    }
    if (!base_text.empty() && base_parsed) {
      period bp;
      if (!base_period_text.empty()) {
        bp = at_cell(t, r.where("baseline_period"), id, "baseline_period",
                     [&] { return limited(period::parse(base_period_text), lim); });
      } else if (tgt) {
        bp = tgt->period.kind() == period_kind::span ? period::year(tgt->period.first_year() - 1)
                                                     : tgt->period.previous();
      } else {
        fail_cell(t, r.where("baseline_period"), id, "baseline_period", errc::model_invalid,
                  "a baseline needs a baseline_period when the row has no target");
      }
      const auto* bc = r.cell("baseline");
      const parsed_observation& parsed = *base_parsed;
      if (parsed.qualifier.cumulative_years > 1 && bp.kind() == period_kind::year)
        bp = period::span(bp.first_year() - parsed.qualifier.cumulative_years + 1, bp.first_year());
      ind.baseline = to_observation(id, bp, base_text, parsed);
      if (ind.baseline->measure.kind == measure_kind::level && !ind.baseline->unit.is_percent() &&
          !convertible(ind.baseline->unit, ind.unit))
        fail_cell(t, *bc, id, "baseline", errc::unit_incompatible,
                  "baseline unit '" + ind.baseline->unit.symbol() + "' cannot be expressed in '" +
                      ind.unit.symbol() + "'");
    } else if (!base_period_text.empty() && base_text.empty()) {
      fail_cell(t, r.where("baseline"), id, "baseline", errc::model_invalid,
                "baseline_period is given but the baseline is blank");
    }

    const std::string acc = r.text("accumulation");
    if (!acc.empty()) {
      ind.accumulation = at_cell(t, r.where("accumulation"), id, "accumulation",
                                 [&] { return from_string<accumulation>(acc); });
    } else {
      qualifier q;
      if (tgt) q = tgt->rule.qualifier;
      if (q.flow.empty() && ind.baseline) q = ind.baseline->qualifier;
      ind.accumulation = default_accumulation(ind.kind, q, ind.name_zh);
    }

    if (tgt) {
      if (tgt->rule.measure.kind == measure_kind::level && !tgt->rule.unit.is_percent() &&
          !convertible(tgt->rule.unit, ind.unit))
        fail_cell(t, *r.cell("target"), id, "target", errc::unit_incompatible,
                  "target unit '" + tgt->rule.unit.symbol() + "' cannot be expressed in '" +
                      ind.unit.symbol() + "'");
      ind.targets.push_back(std::move(*tgt));
    }
    first_row[id] = p.indicators.size();
    p.indicators.push_back(std::move(ind));
  }
  if (latest) p.period = *latest;
  return p;
}

plan load_plan_table(const std::string& path, const limits& lim, std::vector<review_item>* review) {
  std::ifstream in;
  detail::open_file(in, path);
  return read_plan_table(in, path, lim, review);
}

// The row's values, or nullopt when a lenient read kept the row for review.
std::optional<value_row> lenient_value_row(const csv_table& t, const row_view& r, const plan* known,
                                           const limits& lim, std::vector<review_item>* review,
                                           const char* field) {
  try {
    return read_value_row(t, r, known, lim);
  } catch (const parse_error& e) {
    if (!review) throw;
    const auto per = [&]() -> period {
      try {
        return period::parse(r.text("period"));
      } catch (const error&) {
        return {};
      }
    }();
    keep_for_review(*review, e, r.text("indicator"), field, per, r.text("value"));
    return std::nullopt;
  }
}

namespace {

observation_set actuals_of_table(csv_table t, const plan* known, const limits& lim,
                                 std::vector<location>* origins, std::vector<review_item>* review) {
  check_header(t, actuals_required, actuals_optional);
  observation_set out;
  std::map<std::tuple<std::string, period, measure_kind>, std::size_t> first_line;
  for (const auto& row : t.rows) {
    const row_view r{t, row};
    const auto lenient = lenient_value_row(t, r, known, lim, review, "result");
    if (!lenient) continue;
    const value_row& v = *lenient;
    const std::string& id = v.id;
    const period& per = v.per;
    const auto& parsed = v.parsed;
    observation o = to_observation(id, per, trimmed(*v.value), parsed);
    const std::string flags = r.text("flags");
    at_cell(t, r.where("flags"), id, "flags", [&] {
      validate_flags(flags);
      return 0;
    });
    for (const char c : flags)
      if (o.flags.find(c) == std::string::npos) o.flags += c;
    const std::string note = r.text("note");
    if (!note.empty()) o.note = o.note.empty() ? note : note + "; " + o.note;
    const auto key = std::make_tuple(id, per, o.measure.kind);
    if (const auto first = first_line.find(key); first != first_line.end())
      fail_cell(t, r.where("period"), id, "period", errc::model_duplicate,
                "a second " + std::string(to_string(o.measure.kind)) + " value of '" + id +
                    "' for " + per.to_string() + " (the first is on line " +
                    std::to_string(first->second) + ")");
    first_line[key] = r.where("period").line;
    // further figures of the cell with other measures (1211亿元、增长6.8%: the growth too)
    auto all = to_observations(id, per, o.text, parsed);
    out.add(std::move(o));
    if (origins) origins->push_back(origin_of(t, row, id));
    for (std::size_t k = 1; k < all.size(); ++k) {
      const auto more = std::make_tuple(id, per, all[k].measure.kind);
      if (first_line.count(more) != 0) continue;
      first_line[more] = r.where("period").line;
      all[k].flags = out.find(id, per, std::get<2>(key))->flags;
      all[k].note = out.find(id, per, std::get<2>(key))->note;
      out.add(std::move(all[k]));
      if (origins) origins->push_back(origin_of(t, row, id));
    }
  }
  return out;
}

}  // namespace

observation_set read_actuals(std::istream& in, const std::string& source, const plan* known,
                             const limits& lim, std::vector<location>* origins,
                             std::vector<review_item>* review) {
  return actuals_of_table(read_csv(in, source, lim), known, lim, origins, review);
}

observation_set load_actuals(const std::string& path, const plan* known, const limits& lim,
                             std::vector<location>* origins, std::vector<review_item>* review) {
  return actuals_of_table(load_value_table(path, lim, actuals_required, actuals_optional), known,
                          lim, origins, review);
}

namespace {

reference_set references_of_table(csv_table t, const plan* known, const limits& lim,
                                  std::vector<location>* origins,
                                  std::vector<review_item>* review) {
  check_header(t, references_required, references_optional);
  reference_set out;
  std::map<std::pair<std::string, period>, std::size_t> first_line;
  for (const auto& row : t.rows) {
    const row_view r{t, row};
    const auto lenient = lenient_value_row(t, r, known, lim, review, "reference");
    if (!lenient) continue;
    const value_row& v = *lenient;
    const std::string& id = v.id;
    const period& per = v.per;
    const auto& parsed = v.parsed;
    const auto* pt = std::get_if<point_value>(&parsed.value);
    if (!pt || parsed.approximate)
      fail_cell(t, *v.value, id, "value", errc::model_invalid,
                "a reference value must be a number (with an optional unit), not '" +
                    trimmed(*v.value) + "'");
    if (const auto first = first_line.find({id, per}); first != first_line.end())
      fail_cell(t, r.where("period"), id, "period", errc::model_duplicate,
                "a second reference value of '" + id + "' for " + per.to_string() +
                    " (the first is on line " + std::to_string(first->second) + ")");
    first_line[{id, per}] = r.where("period").line;
    reference_value ref;
    ref.indicator = id;
    ref.period = per;
    ref.value = pt->value;
    ref.unit = parsed.unit;
    ref.note = r.text("note");
    out.add(std::move(ref));
    if (origins) origins->push_back(origin_of(t, row, id));
  }
  return out;
}

}  // namespace

reference_set read_references(std::istream& in, const std::string& source, const plan* known,
                              const limits& lim, std::vector<location>* origins,
                              std::vector<review_item>* review) {
  return references_of_table(read_csv(in, source, lim), known, lim, origins, review);
}

reference_set load_references(const std::string& path, const plan* known, const limits& lim,
                              std::vector<location>* origins, std::vector<review_item>* review) {
  return references_of_table(load_value_table(path, lim, references_required, references_optional),
                             known, lim, origins, review);
}

observation observation_from_text(const std::string& indicator, const period& per,
                                  std::string_view text, std::string_view flags) {
  if (indicator.empty()) throw model_error(errc::model_invalid, "the indicator id is empty");
  validate_flags(flags);
  const std::string value(detail::trim(text));
  observation o = to_observation(indicator, per, value, parse_observation(value));
  for (const char c : flags)
    if (o.flags.find(c) == std::string::npos) o.flags += c;
  return o;
}

reference_value reference_from_text(const std::string& indicator, const period& per,
                                    std::string_view text) {
  if (indicator.empty()) throw model_error(errc::model_invalid, "the indicator id is empty");
  const std::string value(detail::trim(text));
  const auto parsed = parse_observation(value);
  const auto* pt = std::get_if<point_value>(&parsed.value);
  if (!pt || parsed.approximate) {
    location loc;
    loc.indicator = indicator;
    loc.fragment = value;
    throw model_error(
        errc::model_invalid,
        "a reference value must be a number (with an optional unit), not '" + value + "'", loc);
  }
  reference_value ref;
  ref.indicator = indicator;
  ref.period = per;
  ref.value = pt->value;
  ref.unit = parsed.unit;
  return ref;
}

void write_plan_table(std::ostream& out, const plan& p) {
  out << "id,name_zh,name_en,kind,unit,polarity,attribute,category,accumulation,baseline_period,"
         "baseline,"
         "target_period,target,note\n";
  for (const auto& ind : p.indicators) {
    std::string base_period;
    std::string base;
    if (ind.baseline) {
      base_period = ind.baseline->period.to_string();
      base = ind.baseline->text;
      if (base.empty()) {
        parsed_observation po;
        po.value = ind.baseline->value;
        po.measure = ind.baseline->measure;
        po.unit = ind.baseline->unit;
        po.qualifier = ind.baseline->qualifier;
        po.comparable = ind.baseline->comparable;
        po.approximate = ind.baseline->approximate();
        base = canonical(po);
      }
      // the cumulative span is implied by 五年累计; write the span's last year back
      if (ind.baseline->period.kind() == period_kind::span &&
          ind.baseline->qualifier.cumulative_years == ind.baseline->period.years())
        base_period = std::to_string(ind.baseline->period.last_year());
    }
    auto write_row = [&](const target* tg, bool first) {
      out << csv_quote(ind.id) << ',';
      if (first) {
        out << csv_quote(ind.name_zh) << ',' << csv_quote(ind.name_en) << ',' << to_string(ind.kind)
            << ',' << csv_quote(ind.unit.symbol()) << ',' << to_string(ind.polarity) << ','
            << to_string(ind.attribute) << ',' << csv_quote(ind.category) << ','
            << to_string(ind.accumulation) << ',' << base_period << ',' << csv_quote(base) << ',';
      } else {
        out << ",,,,,,,,,,";
      }
      out << (tg ? tg->period.to_string() : "") << ','
          << (tg ? csv_quote(tg->text.empty() ? canonical(tg->rule) : tg->text) : "") << ','
          << (first ? csv_quote(ind.note) : "") << '\n';
    };
    if (ind.targets.empty()) write_row(nullptr, true);
    for (std::size_t k = 0; k < ind.targets.size(); ++k) write_row(&ind.targets[k], k == 0);
  }
}

void write_actuals(std::ostream& out, const observation_set& actuals) {
  out << "indicator,period,value,flags,note\n";
  for (const auto& o : actuals) {
    std::string text = o.text;
    // a missing value without a text stays a blank cell (it reads back the same)
    if (text.empty() && !std::holds_alternative<missing_value>(o.value)) {
      text = canonical(o);
    }
    // reading appends the value's remark (`8;力争更好`) to the note: leave it out here, as the
    // text written keeps it, so that the table reads back to the same note
    std::string note = o.note;
    if (!o.text.empty()) {
      std::string remark;
      try {
        remark = parse_observation(o.text).remark;
      } catch (const error&) {
      }
      const std::string suffix = "; " + remark;
      if (!remark.empty() && note == remark)
        note.clear();
      else if (!remark.empty() && note.size() > suffix.size() &&
               note.compare(note.size() - suffix.size(), suffix.size(), suffix) == 0)
        note.resize(note.size() - suffix.size());
    }
    out << csv_quote(o.indicator) << ',' << o.period.to_string() << ',' << csv_quote(text) << ','
        << o.flags << ',' << csv_quote(note) << '\n';
  }
}

void save_actuals(const observation_set& actuals, const std::string& path) {
  detail::write_file_atomically(path, [&](std::ostream& out) { write_actuals(out, actuals); });
}

void write_references(std::ostream& out, const reference_set& references) {
  out << "indicator,period,value,note\n";
  for (const auto& r : references) {
    parsed_observation po;
    po.value = point_value{r.value};
    po.unit = r.unit;
    out << csv_quote(r.indicator) << ',' << r.period.to_string() << ',' << csv_quote(canonical(po))
        << ',' << csv_quote(r.note) << '\n';
  }
}

}  // namespace planeval
