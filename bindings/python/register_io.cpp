// Plan files in every format, CSV actuals and references, task tables, and plan checks.
#include <pybind11/stl.h>

#include <sstream>

#include "bindings.hpp"
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

}  // namespace

void register_io(py::module_& m) {
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
