// Tasks evaluated as of a date: states, roll-ups, the indicators they serve.
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "bindings.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/tasks.hpp"
#include "planeval/render/tasks.hpp"

namespace planeval::python {
namespace {

struct py_task_evaluation {
  std::shared_ptr<const plan> p;
  task_evaluation e;
  indicator_task_view view;
};

py::object opt(const std::optional<double>& v) { return v ? py::cast(*v) : py::none(); }

py::dict task_dict(const task_assessment& a, const plan& p, language lang) {
  py::dict d;
  d["task"] = a.task;
  const task* t = find_task(p.tasks, a.task);
  d["title"] = t ? t->title(lang) : a.task;
  d["parent"] = a.parent;
  d["depth"] = a.depth;
  d["group"] = a.group;
  d["state"] = to_string(a.state);
  d["progress"] = opt(a.progress);
  d["planned"] = opt(a.planned);
  d["days_to_due"] = a.days_to_due ? py::cast(*a.days_to_due) : py::none();
  d["completed"] = to_python(a.completed);
  d["blocked"] = a.blocked;
  d["blocked_by"] = a.blocked_by;
  d["reason"] = a.reason(lang);
  return d;
}

// The text of a cell from Python: None and NaN are blank.
std::string cell_text(const py::handle& v) {
  if (v.is_none()) return {};
  if (py::isinstance<py::float_>(v) && std::isnan(v.cast<double>())) return {};
  return py::str(v).cast<std::string>();
}

// Each unit's progress on the plan's tasks, evaluated as of a day: one row per unit and task,
// the fields of task_dict after the unit.
py::object evaluate_tasks_frame(const py_plan& p, const py::object& frame, const py::object& as_of,
                                int due_soon_days, double behind_tolerance, const py::object& only,
                                const std::string& l) {
  const auto day = date_of(as_of);
  if (!day) throw error(errc::usage, "evaluate_tasks_frame needs an as_of date");
  const language lang = language_of(l);
  std::vector<std::string> names;
  for (const auto& c : frame.attr("columns").attr("tolist")().cast<py::list>())
    names.push_back(py::str(c).cast<std::string>());
  const auto has = [&](const char* n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  for (const char* n : {"unit", "task"})
    if (!has(n))
      throw error(errc::usage, std::string("evaluate_tasks_frame needs a column '") + n + "'");
  // the updates of each unit, units in the order they first appear
  std::vector<std::string> units;
  std::map<std::string, std::vector<task_update>> by_unit;
  const auto column = [&](const char* n) -> py::list {
    if (!has(n)) return py::list();
    return frame.attr("__getitem__")(n).attr("tolist")().cast<py::list>();
  };
  const py::list unit_col = column("unit"), task_col = column("task"), status = column("status"),
                 progress = column("progress"), reported = column("progress_date"),
                 completed = column("completed");
  for (std::size_t r = 0; r < unit_col.size(); ++r) {
    const std::string unit = cell_text(unit_col[r]);
    if (by_unit.find(unit) == by_unit.end()) units.push_back(unit);
    task_update u;
    u.task = cell_text(task_col[r]);
    if (!status.empty()) u.status = cell_text(status[r]);
    if (!progress.empty()) u.progress = cell_text(progress[r]);
    if (!reported.empty()) u.progress_date = cell_text(reported[r]);
    if (!completed.empty()) u.completed = cell_text(completed[r]);
    u.where.pointer = "frame row " + std::to_string(r) + " (unit '" + unit + "')";
    by_unit[unit].push_back(std::move(u));
  }
  task_eval_options o;
  o.due_soon_days = due_soon_days;
  o.behind_tolerance = behind_tolerance;
  o.only =
      only.is_none() ? default_task_period(*p.p) : period::parse(py::str(only).cast<std::string>());
  py::list records;
  for (const auto& unit : units) {
    plan mine = *p.p;
    task_evaluation e;
    {
      py::gil_scoped_release release;
      mine.tasks = apply_task_updates(std::move(mine.tasks), by_unit[unit]);
      e = evaluate_tasks(mine, *day, o);
    }
    for (const auto& a : e.tasks) {
      py::dict d;
      d["unit"] = unit;
      for (const auto& [k, v] : task_dict(a, mine, lang)) d[k] = v;
      records.append(d);
    }
  }
  return dataframe_of(records, "evaluate_tasks_frame");
}

}  // namespace

void register_tasks(py::module_& m) {
  py::class_<py_task_evaluation>(m, "TaskEvaluation",
                                 "A plan's tasks evaluated as of a date (docs/tasks.md).")
      .def_property_readonly("as_of",
                             [](const py_task_evaluation& t) { return to_python(t.e.as_of); })
      .def("__len__", [](const py_task_evaluation& t) { return t.e.tasks.size(); })
      .def_property_readonly(
          "states",
          [](const py_task_evaluation& t) {
            py::dict d;
            for (const auto& a : t.e.tasks) d[py::str(a.task)] = to_string(a.state);
            return d;
          },
          "{task id: state} (on_track, behind, overdue, done, …).")
      .def_property_readonly(
          "progress", [](const py_task_evaluation& t) { return opt(t.e.overall.progress); },
          "Weighted progress of the plan's tasks (0–1), or None.")
      .def_property_readonly(
          "planned", [](const py_task_evaluation& t) { return opt(t.e.overall.planned); },
          "Share of the work planned to be done by the date, or None.")
      .def(
          "narrative",
          [](const py_task_evaluation& t, const std::string& l) {
            return task_narrative(t.e, language_of(l));
          },
          py::arg("lang") = "zh", "The progress paragraph ('截至2021年9月30日,共…项任务,…').")
      .def(
          "to_json",
          [](const py_task_evaluation& t, const std::string& l, int indent) {
            return task_evaluation_to_json(*t.p, t.e, &t.view, language_of(l), indent);
          },
          py::arg("lang") = "zh", py::arg("indent") = 2,
          "The evaluation as JSON, as `planeval tasks --format json` prints it.")
      .def(
          "to_dict",
          [](const py_task_evaluation& t, const std::string& l) {
            return from_json(task_evaluation_to_json(*t.p, t.e, &t.view, language_of(l), -1));
          },
          py::arg("lang") = "zh")
      .def(
          "to_dataframe",
          [](const py_task_evaluation& t, const std::string& l) {
            const language lang = language_of(l);
            py::list records;
            for (const auto& a : t.e.tasks) records.append(task_dict(a, *t.p, lang));
            return dataframe_of(records, "TaskEvaluation");
          },
          py::arg("lang") = "zh", "One row per task (pandas.DataFrame).")
      .def("__repr__", [](const py_task_evaluation& t) {
        return "<TaskEvaluation of " + t.p->id + " as of " + to_string(t.e.as_of) + ": " +
               std::to_string(t.e.tasks.size()) + " tasks>";
      });

  add_method(
      m.attr("Plan"), "evaluate_tasks",
      [](const py_plan& p, const py::object& as_of, const py::object& actuals,
         const py::object& references, int due_soon_days, double behind_tolerance,
         const py::object& only) {
        const auto day = date_of(as_of);
        if (!day) throw error(errc::usage, "evaluate_tasks needs an as_of date");
        const py_observations obs = observations_for(*p.p, actuals, references);
        task_eval_options o;
        o.due_soon_days = due_soon_days;
        o.behind_tolerance = behind_tolerance;
        o.only = only.is_none() ? default_task_period(*p.p)
                                : period::parse(py::str(only).cast<std::string>());
        py_task_evaluation t;
        t.p = p.p;
        py::gil_scoped_release release;
        t.e = evaluate_tasks(*t.p, *day, o);
        evaluation_options eo;
        eo.as_of = *day;
        t.view = link_indicators(*t.p, t.e, evaluate(*t.p, obs.actuals, obs.references, eo));
        return t;
      },
      py::arg("as_of"), py::arg("actuals") = py::none(), py::arg("references") = py::none(),
      py::arg("due_soon_days") = 14, py::arg("behind_tolerance") = 0.1,
      py::arg("period") = py::none(),
      "Evaluates the plan's tasks as of a date ('YYYY-MM-DD' or datetime.date), with the "
      "attainment of the indicators they serve (from actuals and references).");

  add_method(m.attr("Plan"), "evaluate_tasks_frame", &evaluate_tasks_frame, py::arg("frame"),
             py::arg("as_of"), py::arg("due_soon_days") = 14, py::arg("behind_tolerance") = 0.1,
             py::arg("period") = py::none(), py::arg("lang") = "zh",
             "Each unit's progress on the plan's tasks, as of a date: frame has the columns unit "
             "and task and any of status, progress, progress_date and completed (read as in a "
             "task table); every unit's tasks are the plan's with its rows applied. Returns a "
             "DataFrame, one row per unit and task: unit, task, title, state, progress, planned, "
             "days_to_due, reason…");
}

}  // namespace planeval::python
