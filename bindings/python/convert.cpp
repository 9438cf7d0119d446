// Conversions between Python values and planeval's: languages, dates, JSON, and the shapes
// actual values may come in (tuples, dicts, pandas DataFrames).
#include <pybind11/stl.h>

#include <cmath>

#include "bindings.hpp"
#include "planeval/core/period.hpp"
#include "planeval/io/tables.hpp"

namespace planeval::python {
namespace {

bool is_missing(const py::handle& v) {
  if (v.is_none()) return true;
  if (PyFloat_Check(v.ptr())) return std::isnan(PyFloat_AsDouble(v.ptr()));
  // pandas.NA and NaT
  const std::string type = py::str(py::type::handle_of(v).attr("__name__"));
  return type == "NAType" || type == "NaTType";
}

bool is_number(const py::handle& v) {
  if (PyBool_Check(v.ptr())) return false;
  return PyFloat_Check(v.ptr()) || PyLong_Check(v.ptr()) || PyIndex_Check(v.ptr()) ||
         py::hasattr(v, "__float__");
}

// The text of a value: a string as given, a number in its shortest form, '' when missing.
std::string value_text(const py::handle& v, const char* what) {
  if (is_missing(v)) return {};
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  if (is_number(v)) {
    const double d = py::float_(py::reinterpret_borrow<py::object>(v));
    return std::isnan(d) ? std::string() : format_number(d);
  }
  throw py::type_error(std::string(what) + " must be a str or a number, not " +
                       std::string(py::str(py::type::handle_of(v).attr("__name__"))));
}

std::string text_of(const py::handle& v, const char* what) {
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  if (PyLong_Check(v.ptr()) || PyIndex_Check(v.ptr()))
    return std::to_string(py::int_(py::reinterpret_borrow<py::object>(v)).cast<long long>());
  throw py::type_error(std::string(what) + " must be a str, not " +
                       std::string(py::str(py::type::handle_of(v).attr("__name__"))));
}

// One row: (indicator, period, value[, flags]).
struct row {
  std::string indicator;
  std::string period;
  py::object value;
  py::object flags;
};

bool is_dataframe(const py::handle& v) {
  return py::hasattr(v, "columns") && py::hasattr(v, "itertuples") && !py::isinstance<py::dict>(v);
}

std::vector<row> rows_of(const py::handle& data, bool references) {
  const char* what = references ? "references" : "actuals";
  std::vector<row> out;
  if (data.is_none()) return out;
  if (is_dataframe(data)) {
    py::list columns(data.attr("columns"));
    auto has = [&](const char* c) { return columns.contains(py::str(c)); };
    for (const char* c : {"indicator", "period", "value"})
      if (!has(c))
        throw error(errc::usage, std::string("the ") + what + " DataFrame has no column '" + c +
                                     "' (it needs indicator, period, value" +
                                     (references ? ")" : " and optionally flags)"));
    py::list ind = data[py::str("indicator")].attr("tolist")();
    py::list per = data[py::str("period")].attr("tolist")();
    py::list val = data[py::str("value")].attr("tolist")();
    py::object flags = !references && has("flags")
                           ? py::object(data[py::str("flags")].attr("tolist")())
                           : py::object(py::none());
    for (std::size_t i = 0; i < ind.size(); ++i)
      out.push_back({text_of(ind[i], "indicator"), text_of(per[i], "period"), val[i],
                     flags.is_none() ? py::object(py::none()) : py::object(flags[py::int_(i)])});
    return out;
  }
  if (py::isinstance<py::dict>(data)) {
    for (auto item : py::reinterpret_borrow<py::dict>(data)) {
      if (!py::isinstance<py::tuple>(item.first) || py::len(item.first) != 2)
        throw py::type_error(std::string("the keys of an ") + what +
                             " dict are (indicator, period) tuples");
      py::tuple key = py::reinterpret_borrow<py::tuple>(item.first);
      row r{text_of(key[0], "indicator"), text_of(key[1], "period"),
            py::reinterpret_borrow<py::object>(item.second), py::none()};
      if (!references && py::isinstance<py::tuple>(item.second)) {
        py::tuple v = py::reinterpret_borrow<py::tuple>(item.second);
        if (v.size() != 2)
          throw py::type_error("a value of an actuals dict is a value or a (value, flags) tuple");
        r.value = v[0];
        r.flags = v[1];
      }
      out.push_back(std::move(r));
    }
    return out;
  }
  if (py::isinstance<py::str>(data) || !py::hasattr(data, "__iter__"))
    throw py::type_error(std::string(what) +
                         " must be an Observations, a list of tuples, a dict or a DataFrame");
  for (auto item : data) {
    if (!py::isinstance<py::sequence>(item) || py::isinstance<py::str>(item))
      throw py::type_error(std::string("each row of ") + what + " is a tuple (indicator, period, " +
                           (references ? "value)" : "value[, flags])"));
    py::sequence s = py::reinterpret_borrow<py::sequence>(item);
    const std::size_t n = py::len(s);
    if (n != 3 && (references || n != 4))
      throw py::type_error(std::string("each row of ") + what + " is a tuple (indicator, period, " +
                           (references ? "value)" : "value[, flags])") + ", not one of " +
                           std::to_string(n) + " items");
    out.push_back({text_of(s[0], "indicator"), text_of(s[1], "period"), s[2],
                   n == 4 ? py::object(s[3]) : py::object(py::none())});
  }
  return out;
}

// Where row `i` of the values given came from: `actuals[3]`.
location row_origin(const char* what, std::size_t i, const std::string& indicator) {
  location loc;
  loc.pointer = std::string(what) + "[" + std::to_string(i) + "]";
  loc.indicator = indicator;
  return loc;
}

// Runs `f` for a row, locating the planeval errors it throws at the row (unless they say more).
template <class F>
void at_row(const location& origin, F f) {
  try {
    f();
  } catch (const error& e) {
    location loc = e.where();
    if (loc.pointer.empty()) loc.pointer = origin.pointer;
    if (loc.indicator.empty()) loc.indicator = origin.indicator;
    raise_at(e, std::move(loc));
  }
}

void add_actuals(py_observations& obs, const py::handle& actuals) {
  if (py::isinstance<py_observations>(actuals)) {
    obs.merge(actuals.cast<const py_observations&>());
    return;
  }
  const auto rows = rows_of(actuals, false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string value = value_text(r.value, "a value");
    const std::string flags = is_missing(r.flags) ? std::string() : text_of(r.flags, "flags");
    const location origin = row_origin("actuals", i, r.indicator);
    at_row(origin, [&] {
      obs.add_actual(observation_from_text(r.indicator, period::parse(r.period), value, flags),
                     origin);
    });
  }
}

void add_references(py_observations& obs, const py::handle& references) {
  if (py::isinstance<py_observations>(references)) {
    input_set only;
    const auto& given = references.cast<const py_observations&>();
    only.references = given.references;
    only.reference_origins = given.reference_origins;
    obs.merge(only);
    return;
  }
  const auto rows = rows_of(references, true);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string value = value_text(r.value, "a reference value");
    const location origin = row_origin("references", i, r.indicator);
    at_row(origin, [&] {
      obs.add_reference(reference_from_text(r.indicator, period::parse(r.period), value), origin);
    });
  }
}

}  // namespace

language language_of(const std::string& name) {
  if (name == "zh") return language::zh;
  if (name == "en") return language::en;
  throw error(errc::usage, "language '" + name + "' is not 'zh' or 'en'");
}

report_format report_format_of(const py::object& format, const std::string& file) {
  if (!format.is_none()) return from_string<report_format>(py::str(format).cast<std::string>());
  const auto dot = file.rfind('.');
  const std::string suffix = dot == std::string::npos ? std::string() : file.substr(dot + 1);
  if (suffix == "md") return report_format::markdown;
  if (suffix == "docx") return report_format::docx;
  return report_format::html;
}

std::optional<date> date_of(const py::handle& value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(value)) return parse_date(value.cast<std::string>());
  if (py::hasattr(value, "isoformat") && py::hasattr(value, "year")) {
    // datetime.date, datetime.datetime, pandas.Timestamp: the calendar day
    const auto y = value.attr("year").cast<int>();
    const auto mo = value.attr("month").cast<int>();
    const auto d = value.attr("day").cast<int>();
    try {
      return date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                  static_cast<unsigned short>(d));
    } catch (const std::exception&) {
      throw parse_error(errc::date_syntax, "the date " + std::string(py::str(value)) +
                                               " is outside the years 1400-9999");
    }
  }
  throw py::type_error("a date is a 'YYYY-MM-DD' str or a datetime.date, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

py::object to_python(const std::optional<date>& d) {
  if (!d) return py::none();
  return py::module_::import("datetime")
      .attr("date")(static_cast<int>(d->year()), static_cast<int>(d->month()),
                    static_cast<int>(d->day()));
}

py::object dataframe_of(const py::list& records, const char* what) {
  py::module_ pandas;
  try {
    pandas = py::module_::import("pandas");
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ImportError)) throw;
    throw py::import_error(std::string(what) +
                           ".to_dataframe() needs pandas (pip install pandas, or apt install "
                           "python3-pandas)");
  }
  return pandas.attr("DataFrame").attr("from_records")(records);
}

py::dict dict_of(const std::vector<field>& fields) {
  py::dict d;
  for (const auto& f : fields) {
    const py::str key(f.name.data(), f.name.size());
    d[key] = std::visit(
        [](const auto& x) -> py::object {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            return py::none();
          else
            return py::cast(x);
        },
        f.value);
  }
  return d;
}

py::object from_json(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

py_observations observations_of(const py::handle& actuals, const py::handle& references) {
  py_observations obs;
  add_actuals(obs, actuals);
  add_references(obs, references);
  return obs;
}

py_observations observations_for(const plan& p, const py::handle& actuals,
                                 const py::handle& references) {
  py_observations obs = observations_of(actuals, references);
  check_input_ids(p, obs);
  return obs;
}

}  // namespace planeval::python
