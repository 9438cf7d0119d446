// Batch evaluation from numpy: planeval.evaluate_batch on a (units, indicators, periods) array,
// with the GIL released while the values are laid out and judged (core/batch.hpp,
// io/long_table.hpp for the rules the kernels defer).
#include <algorithm>
#include <memory>
#include <sstream>

#include <pybind11/numpy.h>
#include <pybind11/pytypes.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "planeval/core/batch.hpp"
#include "planeval/io/long_table.hpp"
#include "planeval/report/batch_report.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::python {
namespace {

using float_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

// A batch's result as numpy arrays in the caller's layout (units, indicators, periods).
struct py_batch_result {
  std::vector<std::string> units, indicators, periods;
  py::array_t<std::uint8_t> codes;
  py::array_t<double> gap;
  std::vector<status_counts> by_unit, by_indicator;
  // for the report and the workbook: the plan, the table the kernels read (a view of `values`,
  // kept alive here) and the result
  std::shared_ptr<const plan> p;
  py::object values;
  std::shared_ptr<const array_batch_inputs> inputs;
  std::shared_ptr<batch_result> result;
};

period period_of(const py::handle& h) {
  if (py::isinstance<py::int_>(h)) return period::year(h.cast<int>());
  return period::parse(py::str(h).cast<std::string>());
}

// Units' own targets from Python: a DataFrame with columns unit, indicator, target (and
// optionally period), a dict {(unit, indicator): text} or a sequence of (unit, indicator, text)
// tuples; each located by its position (`unit_targets[3]`) for errors.
std::vector<unit_target_text> unit_targets_of(const py::object& given) {
  std::vector<unit_target_text> out;
  const auto add = [&](const py::handle& unit, const py::handle& indicator, const py::handle& text,
                       const py::handle& per) {
    unit_target_text one;
    one.unit = py::str(unit).cast<std::string>();
    one.indicator = py::str(indicator).cast<std::string>();
    one.text = py::str(text).cast<std::string>();
    if (!per.is_none()) one.period = py::str(per).cast<std::string>();
    one.where.pointer = "unit_targets[" + std::to_string(out.size()) + "]";
    out.push_back(std::move(one));
  };
  if (py::hasattr(given, "columns") && py::hasattr(given, "itertuples")) {
    py::list columns = given.attr("columns").attr("tolist")();
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(py::str(c).cast<std::string>());
    const auto has = [&](const char* n) {
      return std::find(names.begin(), names.end(), n) != names.end();
    };
    for (const char* n : {"unit", "indicator", "target"})
      if (!has(n)) throw error(errc::usage, std::string("unit_targets needs a column '") + n + "'");
    py::list wanted;
    for (const char* n : {"unit", "indicator", "target"}) wanted.append(n);
    if (has("period")) wanted.append("period");
    for (const auto& row : given.attr("__getitem__")(wanted).attr("itertuples")(false, nullptr)) {
      const py::tuple t = row.cast<py::tuple>();
      add(t[0], t[1], t[2], t.size() > 3 ? py::handle(t[3]) : py::handle(py::none()));
    }
  } else if (py::isinstance<py::dict>(given)) {
    for (const auto& [key, text] : given.cast<py::dict>()) {
      const py::tuple k = py::reinterpret_borrow<py::object>(key).cast<py::tuple>();
      if (k.size() != 2) throw error(errc::usage, "unit_targets keys are (unit, indicator)");
      add(k[0], k[1], text, py::none());
    }
  } else {
    for (const auto& item : given.cast<py::sequence>()) {
      const py::sequence t = py::reinterpret_borrow<py::sequence>(item);
      if (t.size() != 3 && t.size() != 4)
        throw error(errc::usage, "unit_targets items are (unit, indicator, target[, period])");
      add(t[0], t[1], t[2], t.size() == 4 ? py::handle(t[3]) : py::handle(py::none()));
    }
  }
  return out;
}

py::object evaluate_numpy(const py_plan& pp, const float_array& values,
                          const std::vector<std::string>& units,
                          const std::vector<std::string>& indicators, const py::sequence& periods,
                          const py::object& unit_targets, const py::object& references,
                          unsigned threads, const py::object& out_given) {
  if (values.ndim() != 3)
    throw error(errc::usage, "values must be a 3-dimensional array (units, indicators, periods)");
  const auto U = static_cast<std::size_t>(values.shape(0));
  const auto I = static_cast<std::size_t>(values.shape(1));
  const auto P = static_cast<std::size_t>(values.shape(2));
  std::vector<period> ps;
  for (const auto& h : periods) ps.push_back(period_of(h));
  if (units.size() != U || indicators.size() != I || ps.size() != P)
    throw error(errc::usage, "values has shape (" + std::to_string(U) + ", " + std::to_string(I) +
                                 ", " + std::to_string(P) + ") but " +
                                 std::to_string(units.size()) + " units, " +
                                 std::to_string(indicators.size()) + " indicators and " +
                                 std::to_string(ps.size()) + " periods were given");
  std::optional<float_array> refs;
  if (!references.is_none()) {
    refs = references.cast<float_array>();
    if (refs->ndim() != 2 || static_cast<std::size_t>(refs->shape(0)) != U ||
        static_cast<std::size_t>(refs->shape(1)) != I)
      throw error(errc::usage,
                  "references must be an array of shape (units, indicators), NaN "
                  "where a unit has none");
  }
  std::optional<std::vector<unit_target_text>> own;
  if (!unit_targets.is_none()) own = unit_targets_of(unit_targets);
  const plan& p = *pp.p;
  py_batch_result out;
  out.units = units;
  out.indicators = indicators;
  for (const auto& per : ps) out.periods.push_back(per.to_string());
  // a previous result of the same shape lends its buffers (and keeps its numpy views)
  py_batch_result* previous = nullptr;
  if (!out_given.is_none()) {
    previous = &out_given.cast<py_batch_result&>();
    const batch_result& r = *previous->result;
    if (r.units != U || r.indicators != I || r.periods != P)
      throw error(errc::usage, "out has the shape (" + std::to_string(r.units) + ", " +
                                   std::to_string(r.indicators) + ", " + std::to_string(r.periods) +
                                   "), the values another");
  }
  batch_result res;
  std::optional<array_batch_inputs> kept;
  {
    py::gil_scoped_release release;
    batch_options options;
    options.threads = threads;
    res = evaluate_array(p, values.data(), units, indicators, ps, refs ? refs->data() : nullptr,
                         options, own ? &*own : nullptr, &kept,
                         previous ? previous->result.get() : nullptr);
  }
  if (previous != nullptr) {
    *previous->result = std::move(res);  // the same buffers: the old views see the new result
    previous->units = units;
    previous->indicators = indicators;
    previous->periods = out.periods;
    previous->by_unit = previous->result->by_unit;
    previous->by_indicator = previous->result->by_indicator;
    previous->p = pp.p;
    previous->values = values;
    previous->inputs = std::make_shared<const array_batch_inputs>(std::move(*kept));
    return out_given;
  }
  // the result's arrays, viewed in the caller's order without a copy, by the strides of the
  // store the kernels read (the caller's array itself: C order)
  auto shared = std::make_shared<batch_result>(std::move(res));
  const batch_result* owner = shared.get();
  py::capsule keep(new std::shared_ptr<batch_result>(shared),
                   [](void* o) { delete static_cast<std::shared_ptr<batch_result>*>(o); });
  out.p = pp.p;
  out.values = values;
  out.inputs = std::make_shared<const array_batch_inputs>(std::move(*kept));
  out.result = shared;
  const auto strides = [&](std::size_t item) {
    return std::vector<py::ssize_t>{static_cast<py::ssize_t>(owner->unit_stride * item),
                                    static_cast<py::ssize_t>(owner->indicator_stride * item),
                                    static_cast<py::ssize_t>(item)};
  };
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(U), static_cast<py::ssize_t>(I),
                                       static_cast<py::ssize_t>(P)};
  out.codes = py::array_t<std::uint8_t>(shape, strides(1), owner->codes.data(), keep);
  out.gap = py::array_t<double>(shape, strides(sizeof(double)), owner->gap.data(), keep);
  out.by_unit = owner->by_unit;
  out.by_indicator = owner->by_indicator;
  return py::cast(std::move(out));
}

// Counts per row (unit or indicator) as a DataFrame, one column per status.
py::object counts_frame(const std::vector<status_counts>& counts,
                        const std::vector<std::string>& names, const char* index) {
  py::list records;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    py::dict row;
    row[index] = names[k];
    for (int s = 0; s < status_count; ++s)
      row[to_string(static_cast<status>(s))] = counts[k].n[static_cast<std::size_t>(s)];
    records.append(row);
  }
  return dataframe_of(records, "BatchResult frames").attr("set_index")(index);
}

}  // namespace

void register_batch(py::module_& m) {
  py::class_<py_batch_result>(m, "BatchResult",
                              "Statuses and gaps of a batch evaluation, in the shape of its "
                              "values: (units, indicators, periods).")
      .def_readonly("codes", &py_batch_result::codes,
                    "Status codes (numpy uint8), indexes into status_names.")
      .def_readonly("gap", &py_batch_result::gap,
                    "Actual − threshold in the comparison unit (numpy float64, NaN where none).")
      .def_readonly("units", &py_batch_result::units, "Unit ids, in order.")
      .def_readonly("indicators", &py_batch_result::indicators, "Indicator ids, in order.")
      .def_readonly("periods", &py_batch_result::periods, "Periods, in order.")
      .def_property_readonly_static(
          "status_names",
          [](const py::object&) {
            std::vector<std::string> names;
            for (int s = 0; s < status_count; ++s)
              names.push_back(to_string(static_cast<status>(s)));
            return names;
          },
          "The status of each code: status_names[code].")
      .def(
          "by_unit",
          [](const py_batch_result& r) { return counts_frame(r.by_unit, r.units, "unit"); },
          "Counts per unit and status (DataFrame indexed by unit).")
      .def(
          "by_indicator",
          [](const py_batch_result& r) {
            return counts_frame(r.by_indicator, r.indicators, "indicator");
          },
          "Counts per indicator and status (DataFrame indexed by indicator).")
      .def(
          "report",
          [](const py_batch_result& r, const py::object& path, const py::object& format,
             const std::string& l) -> py::object {
            const std::string file =
                path.is_none() ? std::string() : py::str(path).cast<std::string>();
            const report_format f = report_format_of(format, file);
            const language lang = language_of(l);
            std::string text;
            {
              py::gil_scoped_release release;
              const long_table_summary s = summarise_long_table(r.inputs->table, *r.result);
              if (!file.empty()) {
                save_batch_report(file, *r.p, r.inputs->table, *r.result, s, lang, f);
              } else {
                std::ostringstream out;
                write_batch_report(out, *r.p, r.inputs->table, *r.result, s, lang, f);
                text = out.str();
              }
            }
            if (!file.empty()) return py::none();
            return py::str(text);
          },
          py::arg("path") = py::none(), py::arg("format") = py::none(), py::arg("lang") = "zh",
          "The report for many units, as `planeval batch --format html` writes it (ranking, "
          "status heat map, each indicator's distribution): format 'html' or 'markdown' "
          "(default: from the file's suffix, else html); to path atomically, or returned.")
      .def(
          "explain",
          [](const py_batch_result& r, const std::string& unit, const std::string& indicator,
             const py::object& per) {
            const batch_store& s = r.inputs->table.store;
            const auto u = s.unit_index(unit);
            const auto i = s.indicator_index(indicator);
            const auto k = s.period_index(period_of(per));
            if (!u || !i || !k)
              throw py::key_error("no cell (" + unit + ", " + indicator + ", " +
                                  py::str(per).cast<std::string>() + ") in the batch");
            const auto& in = *r.inputs;
            return explain_long_cell(in.table, *r.p, std::nullopt, *u, *i, *k,
                                     in.references ? &*in.references : nullptr,
                                     in.unit_targets ? &*in.unit_targets : nullptr);
          },
          py::arg("unit"), py::arg("indicator"), py::arg("period"),
          "The assessment of one cell with its reasons (reason_zh, reason_en), as Plan.evaluate "
          "gives it: the reason of any cell on demand.")
      .def(
          "to_excel",
          [](const py_batch_result& r, const std::string& path, const std::string& l) {
            const language lang = language_of(l);
            py::gil_scoped_release release;
            const long_table_summary s = summarise_long_table(r.inputs->table, *r.result);
            save_batch_workbook(path, *r.p, r.inputs->table, *r.result, s, lang);
          },
          py::arg("path"), py::arg("lang") = "zh",
          "Saves the batch as `planeval batch --format xlsx` does: ranking, by indicator, one "
          "row per cell and a summary; atomically.");

  m.def("evaluate_batch", &evaluate_numpy, py::arg("plan"), py::arg("values"), py::arg("units"),
        py::arg("indicators"), py::arg("periods"), py::arg("unit_targets") = py::none(),
        py::arg("references") = py::none(), py::arg("threads") = 0u, py::arg("out") = py::none(),
        "Evaluates a (units, indicators, periods) float array (NaN: missing) with the plan's "
        "target of each indicator, judging every period by it. unit_targets: each unit's own "
        "targets, texts of the target language ('97以上'), as a DataFrame (unit, indicator, "
        "target[, period]), a dict {(unit, indicator): text} or (unit, indicator, text) tuples; "
        "each replaces the plan's target for that unit (a text that does not parse raises "
        "ParseError naming unit_targets[n]). out: a previous BatchResult of the same shape, "
        "evaluated into (its buffers and numpy views reused, no new memory) and returned. "
        "references is an optional "
        "(units, indicators) array of each unit's reference values. The values are laid out "
        "once for the kernels, with the GIL released; the rules the kernels do not compute are "
        "judged by the per-indicator evaluator, so every status is the one Plan.evaluate gives.");
}

}  // namespace planeval::python
