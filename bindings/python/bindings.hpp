// Shared declarations of the Python module's registration files (private to bindings/python).
#pragma once

#include <pybind11/pybind11.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/inputs.hpp"
#include "planeval/report/report.hpp"

namespace planeval::python {

namespace py = pybind11;

/// A plan as Python sees it: shared with the evaluations made from it. Changing the plan
/// (`load_tasks`) swaps in a new copy, so evaluations keep the plan they were made of.
struct py_plan {
  std::shared_ptr<const plan> p;
};

/// Actual values and references (`planeval.Observations`), each with its origin (`actuals[3]`,
/// or a file and line).
struct py_observations : input_set {};

/// An evaluation (`planeval.Evaluation`): the assessments, their summary and the plan.
struct py_evaluation {
  std::shared_ptr<const plan> p;
  std::vector<assessment> assessments;
  plan_summary summary;
  std::optional<date> as_of;
  input_set inputs;            // the actuals and references evaluated (for a report)
  std::optional<period> only;  // the period evaluated, when one was given
};

/// Evaluates a plan on observations (`Plan.evaluate`, `ImportResult.evaluate`); `mark`, when
/// given, changes the assessments before they are summarised (the GIL is released meanwhile).
py_evaluation evaluate_inputs(std::shared_ptr<const plan> p, py_observations obs,
                              const py::object& as_of, const py::object& only,
                              const std::function<void(std::vector<assessment>&)>& mark = {});

/// `zh` or `en`; anything else is a usage error.
language language_of(const std::string& name);

/// A report's format: the one named (`html`, `markdown`, `docx`), else the file's suffix (`.md`,
/// `.docx`), else HTML.
report_format report_format_of(const py::object& format, const std::string& file);

/// None, a `YYYY-MM-DD` string or a `datetime.date`; other values raise TypeError.
std::optional<date> date_of(const py::handle& value);

/// A `datetime.date`, or None.
py::object to_python(const std::optional<date>& d);

/// A dict of a result's fields (`assessment_fields`): the keys and order of the JSON output.
py::dict dict_of(const std::vector<field>& fields);

/// The Python value of a JSON text (`json.loads`).
py::object from_json(const std::string& text);

/// A pandas DataFrame of records (dicts); ImportError naming `what` when pandas is missing.
py::object dataframe_of(const py::list& records, const char* what);

/// Actual values and references from the shapes `Plan.evaluate` accepts: None, an
/// `Observations`, a list of `(indicator, period, value[, flags])` tuples, a dict
/// `{(indicator, period): value | (value, flags)}`, or a pandas DataFrame with the columns
/// `indicator`, `period`, `value` (and optionally `flags`). References take the same shapes with
/// 3-tuples.
py_observations observations_of(const py::handle& actuals, const py::handle& references);

/// `observations_of`, the ids checked against the plan: ModelError (`model.unknown_id`) located
/// at the row (`actuals[3]`) for an indicator the plan does not have.
py_observations observations_for(const plan& p, const py::handle& actuals,
                                 const py::handle& references);

/// The Python exception for a planeval error (an instance of planeval.Error or a subclass,
/// with `code`, `message` and `location`), not raised.
py::object exception_of(const error& e);

/// Adds methods to a class registered in another file.
template <class F, class... Extra>
void add_method(py::object cls, const char* name, F&& f, const Extra&... extra) {
  cls.attr(name) = py::cpp_function(std::forward<F>(f), py::name(name), py::is_method(cls),
                                    py::sibling(py::getattr(cls, name, py::none())), extra...);
}

/// Adds a static method to a class registered in another file.
template <class F, class... Extra>
void add_static(py::object cls, const char* name, F&& f, const Extra&... extra) {
  cls.attr(name) =
      py::staticmethod(py::cpp_function(std::forward<F>(f), py::name(name), py::scope(cls),
                                        py::sibling(py::getattr(cls, name, py::none())), extra...));
}

void register_errors(py::module_& m);
void register_core(py::module_& m);
void register_io(py::module_& m);
void register_analytics(py::module_& m);
void register_tasks(py::module_& m);
void register_batch(py::module_& m);

}  // namespace planeval::python
