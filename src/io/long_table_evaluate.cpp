// Evaluating long tables (io/long_table.hpp): references and targets per unit, the batch pass
// over the store, the cells kept as text judged as `evaluate` judges them, and the counts.
#include "planeval/io/long_table.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <string_view>

#include "detail/utf8.hpp"
#include "io/csv_records.hpp"
#include "planeval/core/parse.hpp"

namespace planeval {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

namespace {

// The reference values of one unit (by id) from a long table of references, every period.
reference_set unit_references(const long_table* references, const std::string& unit) {
  reference_set out;
  if (references == nullptr) return out;
  const batch_store& r = references->store;
  const auto u = r.unit_index(unit);
  if (!u) return out;
  for (std::size_t i = 0; i < r.indicators(); ++i)
    for (std::size_t k = 0; k < r.periods(); ++k) {
      const double v = r.get(*u, i, k);
      if (std::isnan(v)) continue;
      reference_value one;
      one.indicator = r.indicator_ids()[i];
      one.period = r.period_list()[k];
      one.value = v;
      out.put(std::move(one));
    }
  return out;
}

}  // namespace

std::size_t set_long_references(batch_targets& targets, const long_table& observations,
                                const long_table& references, const period& judged) {
  const batch_store& s = observations.store;
  const batch_store& r = references.store;
  const auto k_judged = r.period_index(judged);
  std::size_t set = 0;
  for (std::size_t u = 0; u < s.units(); ++u) {
    const auto ru = r.unit_index(s.unit_ids()[u]);
    if (!ru) continue;
    for (std::size_t i = 0; i < s.indicators(); ++i) {
      const auto& rule = targets.rules()[i];
      if (!rule.present || rule.deferred || !rule.rule.has_reference()) continue;
      const auto ri = r.indicator_index(s.indicator_ids()[i]);
      if (!ri) continue;
      double v = k_judged ? r.get(*ru, *ri, *k_judged) : nan;
      if (std::isnan(v)) {  // else the only value given
        std::size_t found = 0;
        for (std::size_t k = 0; k < r.periods(); ++k)
          if (!std::isnan(r.get(*ru, *ri, k))) {
            v = r.get(*ru, *ri, k);
            ++found;
          }
        if (found != 1) continue;
      }
      targets.set_reference(u, i, v);
      ++set;
    }
  }
  return set;
}

const long_table_text* long_table::text_at(std::size_t offset) const noexcept {
  const auto it =
      std::lower_bound(texts.begin(), texts.end(), offset,
                       [](const long_table_text& x, std::size_t at) { return x.offset < at; });
  return it != texts.end() && it->offset == offset ? &*it : nullptr;
}

const long_unit_target* long_unit_targets::find(std::size_t unit,
                                                std::size_t indicator) const noexcept {
  const auto it =
      std::lower_bound(items.begin(), items.end(), std::make_pair(indicator, unit),
                       [](const long_unit_target& t, std::pair<std::size_t, std::size_t> k) {
                         return std::make_pair(t.indicator, t.unit) < k;
                       });
  if (it == items.end() || it->indicator != indicator || it->unit != unit) return nullptr;
  return &*it;
}

long_unit_targets compile_unit_targets(const std::vector<unit_target_text>& rows, const plan& p,
                                       const batch_store& store, const period& judged,
                                       const long_table_options& options) {
  long_unit_targets out;
  const auto keep = [&](const error& e) {
    if (options.strict) throw;
    ++out.bad_rows;
    if (out.problems.size() < options.max_problems)
      out.problems.push_back(long_table_problem{e.code(), e.message(), e.where()});
  };
  std::unordered_map<std::size_t, std::size_t> first;  // indicator × units + unit → row
  for (std::size_t n = 0; n < rows.size(); ++n) {
    const unit_target_text& row = rows[n];
    ++out.rows;
    location where = row.where;
    try {
      const std::string indicator(detail::trim(row.indicator));
      const auto i = store.indicator_index(indicator);
      if (!i || !p.find(indicator))
        raise(errc::model_unknown_id, "no indicator '" + indicator + "' in the plan", where);
      where.indicator = indicator;
      const std::string_view text = detail::trim(row.text);
      if (text.empty()) {  // a blank cell: the plan's target stays
        ++out.unused_rows;
        continue;
      }
      if (!detail::trim(row.period).empty()) {
        period per;
        try {
          per = period::parse(detail::trim(row.period));
        } catch (const error& e) {
          raise_at(e, where);
        }
        if (per != judged) {
          ++out.unused_rows;
          continue;
        }
      }
      const auto u = store.unit_index(std::string(detail::trim(row.unit)));
      if (!u) {
        ++out.unused_rows;
        continue;
      }
      const std::size_t key = *i * store.units() + *u;
      if (const auto seen = first.find(key); seen != first.end()) {
        const location& at = rows[seen->second].where;
        raise(errc::model_duplicate,
              "a second target of '" + indicator + "' for unit '" + store.unit_ids()[*u] + "'" +
                  (at.line > 0 ? " (the first at line " + std::to_string(at.line) + ")" : ""),
              where);
      }
      first.emplace(key, n);
      long_unit_target t;
      t.unit = *u;
      t.indicator = *i;
      t.value.period = judged;
      t.value.text = std::string(text);
      t.where = where;
      try {
        t.value.rule = parse_target(text);
      } catch (const error& e) {
        location at = where;
        if (e.where().column > 0 && at.column > 0) at.column += e.where().column - 1;
        at.fragment = e.where().fragment;
        try {
          raise_at(e, at);
        } catch (const error& located) {
          keep(located);
        }
        // kept for review: the unit's cells are needs_review, not judged by the plan's target
        t.value.rule = rule{};
        t.value.rule.operation = op::unparsed;
        t.value.rule.description = t.value.text;
      }
      out.items.push_back(std::move(t));
    } catch (const error& e) {
      keep(e);
    }
  }
  std::sort(out.items.begin(), out.items.end(),
            [](const long_unit_target& a, const long_unit_target& b) {
              return std::make_pair(a.indicator, a.unit) < std::make_pair(b.indicator, b.unit);
            });
  return out;
}

long_unit_targets read_long_unit_targets(const std::string& path, const plan& p,
                                         const batch_store& store, const period& judged,
                                         const long_table_options& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(errc::io_open, "cannot open '" + path + "'");
  limits lim;
  lim.max_items = std::max(lim.max_items, store.units() * store.indicators() * 4);
  csv_table t = read_csv(in, path, lim);
  name_long_table_unit_column(t);
  check_header(t, {"unit", "indicator", "target"}, {"period", "note"});
  const int cu = t.column("unit"), ci = t.column("indicator"), ct = t.column("target"),
            cp = t.column("period");
  std::vector<unit_target_text> rows;
  rows.reserve(t.rows.size());
  for (const auto& r : t.rows) {
    unit_target_text one;
    one.unit = r[static_cast<std::size_t>(cu)].text;
    one.indicator = r[static_cast<std::size_t>(ci)].text;
    if (cp >= 0) one.period = r[static_cast<std::size_t>(cp)].text;
    const csv_cell& cell = r[static_cast<std::size_t>(ct)];
    one.text = cell.text;
    one.where.file = path;
    one.where.line = cell.line;
    one.where.column = cell.column;
    rows.push_back(std::move(one));
  }
  return compile_unit_targets(rows, p, store, judged, options);
}

std::size_t set_long_unit_targets(batch_targets& targets, long_unit_targets& unit_targets) {
  std::size_t given = 0;
  for (auto& t : unit_targets.items) {
    t.in_kernels = false;
    const auto& k = targets.rules()[t.indicator];
    const rule& r = t.value.rule;
    // the kernels judge the plan's form with the unit's number; any other form goes to the
    // per-indicator evaluator
    if (!k.present || k.deferred || !r.is_comparison() || r.has_reference() || r.year != 0 ||
        k.rule.has_reference() || r.operation != k.rule.operation || r.strict != k.rule.strict ||
        r.measure != k.rule.measure || r.unit != k.rule.unit || r.qualifier != k.rule.qualifier)
      continue;
    if (r.operation == op::between)
      targets.set_range(t.unit, t.indicator, r.low, r.high);
    else
      targets.set_value(t.unit, t.indicator, r.value);
    t.in_kernels = true;
    ++given;
  }
  return given;
}

namespace {

// The target judged for a unit: its own, else the indicator's for `target_period`, else (none
// given) the plan period's, else the first; null when there is none.
const target* judged_target(const plan& p, const indicator& ind,
                            std::optional<period> target_period, const long_unit_target* own) {
  if (own != nullptr) return &own->value;
  const target* tg = target_period ? ind.find_target(*target_period) : ind.find_target(p.period);
  if (!tg && !target_period && !ind.targets.empty()) tg = &ind.targets.front();
  return tg;
}

// The observations of one unit's series of an indicator: its numbers and its texts (whatever the
// store's layout: a series is contiguous); `is_text` (when given) marks the periods of texts.
observation_set series_observations(const long_table& table, const indicator& ind, std::size_t u,
                                    std::size_t i, std::vector<bool>* is_text) {
  const batch_store& s = table.store;
  const std::size_t P = s.periods();
  const std::size_t base = s.offset(u, i, 0);
  observation_set values;
  if (is_text != nullptr) is_text->assign(P, false);
  auto text = std::lower_bound(
      table.texts.begin(), table.texts.end(), base,
      [](const long_table_text& t, std::size_t offset) { return t.offset < offset; });
  for (; text != table.texts.end() && text->offset < base + P; ++text) {
    if (is_text != nullptr) (*is_text)[text->offset - base] = true;
    values.put(text->value);
  }
  for (std::size_t k = 0; k < P; ++k) {
    const double v = s.get(u, i, k);
    if (std::isnan(v)) continue;
    observation o;
    o.indicator = ind.id;
    o.period = s.period_list()[k];
    o.value = point_value{v};
    values.put(std::move(o));
  }
  return values;
}

// The assessment of one period of a series by the per-indicator evaluator.
assessment assess_period(const plan& p, const indicator& ind, const target& tg,
                         const observation_set& values, const reference_set& refs,
                         const period& per) {
  target judged = tg;
  judged.period = per;  // every period of the store is judged by the one target
  judged.rule.year = 0;
  return evaluate_target(p, ind, judged, values, refs, {});
}

}  // namespace

namespace {

// evaluate_long_table into `res`, whose buffers are reused when the shape is unchanged
void evaluate_long_table_into(const long_table& table, const plan& p, const batch_targets& targets,
                              std::optional<period> target_period, const batch_options& options,
                              const long_table* references, const long_unit_targets* unit_targets,
                              batch_result& res) {
  evaluate_batch(table.store, targets, res, options);
  const batch_store& s = table.store;
  const std::size_t P = s.periods();
  // the series judged by the per-indicator evaluator: those of indicators the kernels defer,
  // those with a cell that is a text, and those of units' own targets the kernels do not take
  std::vector<std::size_t> series;  // series index: indicator * units + unit
  for (std::size_t i = 0; i < s.indicators(); ++i)
    if (targets.rules()[i].deferred)
      for (std::size_t u = 0; u < s.units(); ++u) series.push_back(i * s.units() + u);
  for (const auto& t : table.texts) {
    const auto cell = s.cell_of(t.offset);
    series.push_back(cell.indicator * s.units() + cell.unit);
  }
  if (unit_targets != nullptr)
    for (const auto& t : unit_targets->items)
      if (!t.in_kernels) series.push_back(t.indicator * s.units() + t.unit);
  std::sort(series.begin(), series.end());
  series.erase(std::unique(series.begin(), series.end()), series.end());
  std::vector<bool> is_text;
  for (const std::size_t one : series) {
    const std::size_t i = one / s.units();
    const std::size_t u = one % s.units();
    const indicator& ind = p.indicators[i];
    const long_unit_target* own = unit_targets ? unit_targets->find(u, i) : nullptr;
    const target* tg = judged_target(p, ind, target_period, own);
    if (!tg) continue;  // no_target, as the kernels said
    const observation_set values = series_observations(table, ind, u, i, &is_text);
    const reference_set refs = unit_references(references, s.unit_ids()[u]);
    const bool all = targets.rules()[i].deferred || (own != nullptr && !own->in_kernels);
    for (std::size_t k = 0; k < P; ++k) {
      if (!all && !is_text[k]) continue;
      const assessment a = assess_period(p, ind, *tg, values, refs, s.period_list()[k]);
      const std::size_t at = s.offset(u, i, k);
      const auto old = static_cast<std::size_t>(res.codes[at]);
      res.codes[at] = static_cast<std::uint8_t>(a.status);
      res.gap[at] = a.gap ? *a.gap : nan;
      res.within_tolerance[at] = a.within_tolerance ? 1 : 0;
      --res.by_unit[u].n[old];
      res.by_unit[u].add(a.status);
      --res.by_indicator[i].n[old];
      res.by_indicator[i].add(a.status);
    }
  }
}

}  // namespace

batch_result evaluate_long_table(const long_table& table, const plan& p,
                                 const batch_targets& targets, std::optional<period> target_period,
                                 const batch_options& options, const long_table* references,
                                 const long_unit_targets* unit_targets) {
  batch_result res;
  evaluate_long_table_into(table, p, targets, target_period, options, references, unit_targets,
                           res);
  return res;
}

assessment explain_long_cell(const long_table& table, const plan& p,
                             std::optional<period> target_period, std::size_t unit,
                             std::size_t indicator_index, std::size_t period_index,
                             const long_table* references, const long_unit_targets* unit_targets) {
  const batch_store& s = table.store;
  if (unit >= s.units() || indicator_index >= s.indicators() || period_index >= s.periods())
    throw error(errc::usage, "explain_long_cell: a cell outside the table");
  const indicator& ind = p.indicators[indicator_index];
  const long_unit_target* own = unit_targets ? unit_targets->find(unit, indicator_index) : nullptr;
  const target* tg = judged_target(p, ind, target_period, own);
  const period& per = s.period_list()[period_index];
  if (!tg) return no_target_assessment(ind, per);
  const observation_set values = series_observations(table, ind, unit, indicator_index, nullptr);
  return assess_period(p, ind, *tg, values, unit_references(references, s.unit_ids()[unit]), per);
}

batch_result evaluate_array(const plan& p, const double* values, std::vector<std::string> units,
                            std::vector<std::string> indicators, std::vector<period> periods,
                            const double* references, const batch_options& options,
                            const std::vector<unit_target_text>* unit_targets,
                            std::optional<array_batch_inputs>* kept, batch_result* reuse) {
  const std::size_t U = units.size(), I = indicators.size(), P = periods.size();
  // the kernels read the caller's array where it is (a view: nothing copied)
  long_table table{
      batch_store::view(std::move(units), std::move(indicators), std::move(periods), values),
      {},
      {},
      U * I * P,
      0,
      {}};
  const batch_store& store = table.store;
  table.present.assign(store.size(), true);
  batch_targets targets(p, store, std::nullopt, /*defer_unsupported=*/true);
  std::optional<long_table> refs;
  if (references != nullptr) {
    // the kernels take them per unit; the evaluator (deferred rules) from a store of them
    refs.emplace(long_table{
        batch_store(store.unit_ids(), store.indicator_ids(), {p.period}), {}, {}, 0, 0, {}});
    for (std::size_t u = 0; u < U; ++u)
      for (std::size_t i = 0; i < I; ++i) {
        const double x = references[u * I + i];
        if (std::isnan(x)) continue;
        refs->store.set(u, i, 0, x);
        const auto& rule = targets.rules()[i];
        if (rule.present && !rule.deferred && rule.rule.has_reference())
          targets.set_reference(u, i, x);
      }
  }
  std::optional<long_unit_targets> own;
  if (unit_targets != nullptr) {
    long_table_options strict;
    strict.strict = true;
    own = compile_unit_targets(*unit_targets, p, store, p.period, strict);
    set_long_unit_targets(targets, *own);
  }
  batch_result result = reuse != nullptr ? std::move(*reuse) : batch_result{};
  evaluate_long_table_into(table, p, targets, std::nullopt, options, refs ? &*refs : nullptr,
                           own ? &*own : nullptr, result);
  if (kept != nullptr)
    kept->emplace(array_batch_inputs{std::move(table), std::move(refs), std::move(own)});
  return result;
}

long_table_summary summarise_long_table(const long_table& table, const batch_result& result) {
  const batch_store& s = table.store;
  long_table_summary out;
  out.by_unit.resize(s.units());
  out.by_indicator.resize(s.indicators());
  for (std::size_t i = 0; i < s.indicators(); ++i)
    for (std::size_t u = 0; u < s.units(); ++u)
      for (std::size_t k = 0; k < s.periods(); ++k) {
        const std::size_t at = s.offset(u, i, k);
        if (!table.present[at]) continue;
        const auto st = static_cast<status>(result.codes[at]);
        ++out.observations;
        out.by_status.add(st);
        out.by_unit[u].add(st);
        out.by_indicator[i].add(st);
      }
  return out;
}

}  // namespace planeval
