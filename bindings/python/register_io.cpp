// Plan files in every format, CSV actuals and references, task tables, and plan checks.
#include <pybind11/stl.h>

#include <sstream>

#include "bindings.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

namespace planeval::python {
namespace {

// A plan format, or nullopt for a CSV plan table ("csv").
std::optional<plan_format> format_of(const std::string& name) {
  if (name == "csv") return std::nullopt;
  if (const auto f = try_from_string<plan_format>(name)) return *f;
  location loc;
  loc.fragment = name;
  throw model_error(errc::model_enum,
                    "'" + name +
                        "' is not a plan format (expected one of: json, text, xml, "
                        "binary, csv)",
                    loc);
}

py_plan wrap(plan p) { return py_plan{std::make_shared<const plan>(std::move(p))}; }

py_plan load(const std::string& path, const std::optional<std::string>& format) {
  py::gil_scoped_release release;
  if (!format) return wrap(load_plan(path));
  if (const auto f = format_of(*format)) return wrap(load_plan(path, *f));
  plan p = load_plan_table(path);
  p.validate();
  return wrap(std::move(p));
}

void save(const py_plan& p, const std::string& path, const std::optional<std::string>& format) {
  const auto f = format ? format_of(*format) : std::optional<plan_format>();
  py::gil_scoped_release release;
  if (!format)
    save_plan(*p.p, path);
  else if (f)
    save_plan(*p.p, path, *f);
  else
    save_plan_table(*p.p, path);
}

std::string write(const py_plan& p, const std::string& format) {
  const auto f = format_of(format);
  std::ostringstream out(std::ios::out | std::ios::binary);
  if (f)
    write_plan(out, *p.p, *f);
  else
    write_plan_table(out, *p.p);
  return out.str();
}

py_plan read(const std::string& data, const std::string& format) {
  const auto f = format_of(format);
  std::istringstream in(data, std::ios::in | std::ios::binary);
  if (f) return wrap(read_plan(in, *f));
  plan p = read_plan_table(in, "");
  p.validate();
  return wrap(std::move(p));
}

// Runs `f`, naming the file in the model errors it throws.
template <class F>
void in_file(const std::string& path, F f) {
  try {
    f();
  } catch (const model_error& e) {
    location loc = e.where();
    if (loc.file.empty()) loc.file = path;
    throw model_error(e.code(), e.message(), loc);
  }
}

// What planeval.import_table gives: the plan, the results published beside it and the report.
struct py_import {
  py_plan plan;
  py_observations observations;
  import_result result;  // the inferences, the cells kept for review, the notes (plan moved out)
};

py::dict inference_dict(const import_inference& i) {
  py::dict d;
  d["indicator"] = i.indicator;
  d["field"] = i.field;
  d["value"] = i.value;
  d["reason_zh"] = i.reason_zh;
  d["reason_en"] = i.reason_en;
  d["location"] = i.where;
  return d;
}

py::dict review_dict(const review_item& r) {
  py::dict d;
  d["indicator"] = r.indicator;
  d["field"] = r.field;
  d["period"] = r.period.to_string();
  d["text"] = r.text;
  d["code"] = to_string(r.code);
  d["message"] = r.message;
  d["location"] = r.where;
  return d;
}

py_evaluation evaluate_import(const py_import& i, const py::object& references,
                              const py::object& as_of, const py::object& only) {
  py_observations obs = i.observations;
  if (!references.is_none()) {
    const py_observations extra = observations_for(*i.plan.p, py::none(), references);
    obs.references = extra.references;
    obs.reference_origins = extra.reference_origins;
  }
  obs.review = i.result.review;
  return evaluate_inputs(i.plan.p, std::move(obs), as_of, only,
                         [&i](std::vector<assessment>& assessments) {
                           apply_review(assessments, i.result.review);
                           apply_sources(assessments, i.result);
                         });
}

py_import import_file(const std::string& path, const std::optional<int>& table_index,
                      const py::object& sheet, const std::string& encoding, bool strict,
                      const py::object& overrides, const std::string& title,
                      const std::string& issuer, const py::object& per) {
  import_options o;
  if (!per.is_none()) o.period = period::parse(py::str(per).cast<std::string>());
  if (!sheet.is_none()) o.cells.sheet = py::str(sheet).cast<std::string>();
  o.cells.encoding = parse_text_encoding(encoding);
  o.table_index = table_index ? *table_index : -1;
  o.strict = strict;
  o.title = title;
  o.issuer = issuer;
  if (py::isinstance<py::str>(overrides)) {
    o.overrides = load_import_overrides(overrides.cast<std::string>());
  } else if (!overrides.is_none()) {
    for (const auto& item : overrides) {
      const auto t = item.cast<std::tuple<std::string, std::string, std::string>>();
      o.overrides.push_back({std::get<0>(t), std::get<1>(t), std::get<2>(t)});
    }
  }
  import_result r;
  {
    py::gil_scoped_release release;
    r = import_table(path, o);
  }
  py_import out;
  std::size_t k = 0;
  for (const auto& a : r.actuals) out.observations.add_actual(a, r.actual_origins.at(k++));
  out.plan = wrap(std::move(r.plan));
  r.plan = plan{};
  out.result = std::move(r);
  return out;
}

}  // namespace

void register_io(py::module_& m) {
  py::class_<py_import>(m, "ImportResult",
                        "A table as published, imported (docs/importing.md): the plan, the "
                        "results published beside its targets, and the import report.")
      .def_readonly("plan", &py_import::plan, "The plan (planeval.Plan).")
      .def_readonly("observations", &py_import::observations,
                    "The results published in the table (planeval.Observations).")
      .def_property_readonly(
          "inferences",
          [](const py_import& i) {
            py::list out;
            for (const auto& x : i.result.inferences) out.append(inference_dict(x));
            return out;
          },
          "Every inference: dicts with indicator, field, value, reason_zh, reason_en, location.")
      .def_property_readonly(
          "review",
          [](const py_import& i) {
            py::list out;
            for (const auto& x : i.result.review) out.append(review_dict(x));
            return out;
          },
          "The cells kept as text: dicts with indicator, field, period, text, code, message, "
          "location (its cell).")
      .def_property_readonly(
          "notes", [](const py_import& i) { return i.result.notes; },
          "Plan-wide facts: title rows, note rows, columns not read.")
      .def(
          "explain",
          [](const py_import& i, const std::string& lang) {
            import_result r = i.result;
            r.plan = *i.plan.p;
            return explain(r, lang == "en" ? language::en : language::zh);
          },
          py::arg("lang") = "zh",
          "The import report as text (what `planeval import --explain` prints).")
      .def("evaluate", &evaluate_import, py::arg("references") = py::none(),
           py::arg("as_of") = py::none(), py::arg("period") = py::none(),
           "Evaluates the plan on the results published in the table (as `planeval evaluate "
           "--table` does): an assessment fed by a cell kept for review is `needs_review`, and "
           "each assessment names its source cell. references: the shapes Plan.evaluate "
           "accepts. period: evaluate only the targets of this period.")
      .def("__repr__", [](const py_import& i) {
        return "<ImportResult " + std::to_string(i.plan.p->indicators.size()) + " indicators, " +
               std::to_string(i.observations.actuals.size()) + " results, " +
               std::to_string(i.result.review.size()) + " cells to review>";
      });
  m.def("import_table", &import_file, py::arg("path"), py::kw_only(),
        py::arg("table_index") = py::none(), py::arg("sheet") = py::none(),
        py::arg("encoding") = "auto", py::arg("strict") = false, py::arg("overrides") = py::none(),
        py::arg("title") = "", py::arg("issuer") = "", py::arg("period") = py::none(),
        "Imports a table as published (CSV/TSV in UTF-8 or GB18030, HTML, Excel .xlsx/.xls, "
        "Word .docx; told by content): ids, kinds, "
        "polarities and attributes inferred with their reasons; cells that do not parse kept "
        "for review (strict=True raises instead). overrides: a CSV path or (indicator, field, "
        "value) tuples. sheet: a workbook's sheet by name or 1-based number. period: the plan's "
        "period when the table's title and columns name no year ('2018'). Raises "
        "FormatError (table.no_header, html.no_table, csv.encoding, office.*), FileError.");

  py::object plan_cls = m.attr("Plan");
  add_static(plan_cls, "load", &load, py::arg("path"), py::arg("format") = py::none(),
             "Loads a plan file: .json, .pvt, .pvx, .pvb or a .csv plan table (any other name "
             "by its content), or in the format given (json, text, xml, binary, csv). The plan "
             "is checked. Raises FileError, FormatError, ParseError, ModelError with the "
             "location.");
  add_method(plan_cls, "save", &save, py::arg("path"), py::arg("format") = py::none(),
             "Saves the plan atomically in the format its extension names (.json, .pvt, .pvx, "
             ".pvb) or the format given; 'csv' writes a plan table (indicators and targets "
             "only).");
  add_static(
      plan_cls, "read",
      [](const py::bytes& data, const std::string& format) {
        return read(std::string(data), format);
      },
      py::arg("data"), py::arg("format") = "json",
      "Reads a plan from bytes (or use from_json for a str).");
  add_method(
      plan_cls, "write",
      [](const py_plan& p, const std::string& format) { return py::bytes(write(p, format)); },
      py::arg("format") = "json", "The plan file's content as bytes.");
  add_static(
      plan_cls, "from_json", [](const std::string& text) { return read(text, "json"); },
      py::arg("text"), "Reads a JSON plan file's text.");
  add_method(
      plan_cls, "to_json", [](const py_plan& p) { return write(p, "json"); },
      "The canonical JSON plan file (the same plan always gives the same text).");
  add_method(
      plan_cls, "load_tasks",
      [](py_plan& p, const std::string& path) {
        auto changed = std::make_shared<plan>(*p.p);
        changed->tasks = load_tasks(path, p.p.get());
        p.p = std::move(changed);
      },
      py::arg("path"),
      "Replaces the plan's tasks with those of a task table (CSV, docs/tasks.md). Evaluations "
      "made before keep the plan they were made of.");

  py::object obs_cls = m.attr("Observations");
  add_method(
      obs_cls, "load_actuals",
      [](py_observations& o, const std::string& path, const py_plan* known) {
        const observation_set loaded = load_actuals(path, known ? known->p.get() : nullptr);
        observation_set merged = o.actuals;
        in_file(path, [&] {
          for (const auto& x : loaded) merged.add(x);
        });
        o.actuals = std::move(merged);
      },
      py::arg("path"), py::arg("plan") = nullptr,
      "Adds the actuals of a CSV file (indicator,period,value[,flags][,note]); with a plan, "
      "the ids must be its indicators'. All or nothing.");
  add_method(
      obs_cls, "load_references",
      [](py_observations& o, const std::string& path, const py_plan* known) {
        const reference_set loaded = load_references(path, known ? known->p.get() : nullptr);
        reference_set merged = o.references;
        in_file(path, [&] {
          for (const auto& x : loaded) merged.add(x);
        });
        o.references = std::move(merged);
      },
      py::arg("path"), py::arg("plan") = nullptr,
      "Adds the references of a CSV file (indicator,period,value[,note]). All or nothing.");

  m.def(
      "load_observations",
      [](const std::optional<std::string>& actuals, const std::optional<std::string>& references,
         const py_plan* known) {
        py_observations o;
        const plan* p = known ? known->p.get() : nullptr;
        if (actuals) o.actuals = load_actuals(*actuals, p, {}, &o.actual_origins);
        if (references) o.references = load_references(*references, p, {}, &o.reference_origins);
        return o;
      },
      py::arg("actuals") = py::none(), py::arg("references") = py::none(),
      py::arg("plan") = nullptr, "Observations from an actuals CSV and a references CSV.");

  m.def(
      "check_plan_file",
      [](const std::string& path) {
        py::list out;
        for (const auto& e : check_plan_file(path)) out.append(exception_of(e));
        return out;
      },
      py::arg("path"),
      "Every problem of a plan file, as planeval.Error instances (not raised); [] when sound.");
}

}  // namespace planeval::python
