// The compiled part of the planeval Python package: `planeval._planeval`.
// Each area registers its classes and functions in its own file (register_*.cpp).
#include "bindings.hpp"

PYBIND11_MODULE(_planeval, m) {
  m.doc() = "planeval: model development-plan indicators and tasks and evaluate them";
  m.attr("__version__") = PLANEVAL_PYTHON_VERSION;
  planeval::python::register_errors(m);
  planeval::python::register_core(m);
  planeval::python::register_io(m);
  planeval::python::register_analytics(m);
  planeval::python::register_tasks(m);
  planeval::python::register_batch(m);
}
