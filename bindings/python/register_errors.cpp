// planeval errors as Python exceptions: planeval.Error (a ValueError) and one subclass per
// category, each carrying the stable code, the message and the location.
#include <pybind11/stl.h>

#include <array>
#include <iterator>

#include "bindings.hpp"

namespace planeval::python {
namespace {

// The exception class of each category: its name, its docstring and whether it is also an
// OSError. Each is a subclass of planeval.Error.
struct category_class {
  error_category category;
  const char* name;
  const char* doc;
  bool os_error;
};
constexpr category_class category_classes[] = {
    {error_category::parse, "ParseError",
     "A target, observation, unit, period or date did not parse.", false},
    {error_category::format, "FormatError", "A CSV, JSON or archive input is malformed.", false},
    {error_category::model, "ModelError",
     "The model is inconsistent (duplicate or unknown ids, units that do not convert, a bad "
     "name).",
     false},
    {error_category::io, "FileError",
     "A file could not be opened, read or written (also an OSError).", true},
    {error_category::usage, "UsageError", "A function was called with arguments that do not fit.",
     false},
};

// The classes, created once and kept for the life of the process: planeval.Error and one per
// category, indexed by the category.
PyObject* error_class = nullptr;
std::array<PyObject*, std::size(category_classes)> classes{};
static_assert(static_cast<std::size_t>(error_category::usage) + 1 == std::size(category_classes),
              "one class per error category");

PyObject* new_class(py::module_& m, const char* name, PyObject* bases, const char* doc) {
  const std::string qualified = std::string("planeval.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
  if (!cls) throw py::error_already_set();
  m.add_object(name, py::handle(cls));  // add_object takes a new reference; `cls` stays ours
  return cls;
}

// The class of an error follows its code (`category_of`), not the C++ class thrown.
PyObject* class_of(errc code) { return classes[static_cast<std::size_t>(category_of(code))]; }

}  // namespace

py::object exception_of(const error& e) {
  py::handle cls = class_of(e.code());
  py::object inst = cls(e.what());
  inst.attr("code") = to_string(e.code());
  inst.attr("message") = e.message();
  inst.attr("location") = py::cast(e.where());
  return inst;
}

void register_errors(py::module_& m) {
  py::class_<location>(m, "Location", "Where an error happened; every field is optional.")
      .def_readonly("file", &location::file, "File name as given, or ''.")
      .def_readonly("line", &location::line, "1-based line, 0 when unknown.")
      .def_readonly("column", &location::column,
                    "1-based column in characters (not bytes), 0 when unknown.")
      .def_readonly("pointer", &location::pointer,
                    "JSON pointer or field path (`/indicators/3/target`), or ''.")
      .def_readonly("indicator", &location::indicator, "Indicator id the error concerns, or ''.")
      .def_readonly("task", &location::task, "Task id the error concerns, or ''.")
      .def_readonly("fragment", &location::fragment, "The offending piece of text, or ''.")
      .def_readonly("sheet", &location::sheet, "Sheet name or table number of a table, or ''.")
      .def_readonly("cell", &location::cell, "Spreadsheet reference of a table cell (`C7`), or ''.")
      .def("__bool__", [](const location& l) { return !l.empty(); })
      .def("__str__", &location::to_string)
      .def("__repr__", [](const location& l) { return "<Location " + l.to_string() + ">"; });

  py::tuple value_error = py::make_tuple(py::handle(PyExc_ValueError));
  error_class = new_class(
      m, "Error", value_error.ptr(),
      "Base of every planeval error: a ValueError with `code` (stable, e.g. 'target.syntax'), "
      "`message` and `location` (planeval.Location).");
  const py::tuple base = py::make_tuple(py::handle(error_class));
  const py::tuple os_bases = py::make_tuple(py::handle(error_class), py::handle(PyExc_OSError));
  for (const auto& c : category_classes)
    classes[static_cast<std::size_t>(c.category)] =
        new_class(m, c.name, (c.os_error ? os_bases : base).ptr(), c.doc);

  m.def(
      "error_classes",
      [] {
        py::dict out;
        for (int k = 0; k < errc_count; ++k) {
          const auto code = static_cast<errc>(k);
          out[to_string(code)] = py::handle(class_of(code));
        }
        return out;
      },
      "Every error code with the exception class it raises ({'target.syntax': ParseError, "
      "…}): the class follows from the code alone, as the C API's status does.");

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const error& e) {
      py::object inst = exception_of(e);
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(inst.ptr())), inst.ptr());
    }
  });
}

}  // namespace planeval::python
