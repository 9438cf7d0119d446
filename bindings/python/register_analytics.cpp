// Analytics: annual series as numpy arrays, trends toward targets, projections, pace.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "bindings.hpp"
#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/fields.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/series.hpp"
#include "planeval/analytics/trend.hpp"

namespace planeval::python {
namespace {

using float_array = py::array_t<double, py::array::c_style | py::array::forcecast>;
using int_array = py::array_t<long long, py::array::c_style | py::array::forcecast>;

// Annual points from two array-likes of the same length.
std::vector<annual_point> points_of(const float_array& years, const float_array& values) {
  if (years.ndim() != 1 || values.ndim() != 1 || years.size() != values.size())
    throw error(errc::usage, "years and values must be one-dimensional and of the same length (" +
                                 std::to_string(years.size()) + " and " +
                                 std::to_string(values.size()) + ")");
  std::vector<annual_point> out;
  const auto y = years.unchecked<1>();
  const auto v = values.unchecked<1>();
  for (py::ssize_t i = 0; i < years.size(); ++i) {
    if (!std::isfinite(y(i)) || y(i) != std::floor(y(i)))
      throw error(errc::usage, "year " + format_number(y(i)) + " is not a whole number");
    out.push_back({static_cast<int>(y(i)), v(i)});
  }
  return out;
}

// The years and values of points as numpy arrays.
py::tuple arrays_of(const std::vector<annual_point>& points) {
  int_array years(static_cast<py::ssize_t>(points.size()));
  float_array values(static_cast<py::ssize_t>(points.size()));
  auto y = years.mutable_unchecked<1>();
  auto v = values.mutable_unchecked<1>();
  for (std::size_t i = 0; i < points.size(); ++i) {
    y(static_cast<py::ssize_t>(i)) = points[i].year;
    v(static_cast<py::ssize_t>(i)) = points[i].value;
  }
  return py::make_tuple(years, values);
}

// One value per item, NaN where there is none.
template <class T, class F>
float_array column(const std::vector<T>& items, F get) {
  float_array out(static_cast<py::ssize_t>(items.size()));
  auto o = out.mutable_unchecked<1>();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::optional<double> v = get(items[i]);
    o(static_cast<py::ssize_t>(i)) = v ? *v : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

py::dict trend_dict(const trend_result& t, const std::string& lang) {
  return dict_of(trend_fields(t, language_of(lang)));
}

py::dict projection_dict(const projection_result& p, const std::string& lang) {
  return dict_of(projection_fields(p, language_of(lang)));
}

struct pace_report {
  std::shared_ptr<const plan> p;
  std::vector<pace_assessment> items;
};

// A pace row with the fields of `planeval pace --format json` (pace_fields).
py::dict pace_dict(const pace_report& r, const pace_assessment& a, language lang) {
  const indicator* ind = r.p->find(a.indicator);
  return dict_of(pace_fields(a, ind ? ind->name(lang) : a.indicator, lang));
}

elapsed_basis basis_of(const std::string& name) {
  if (name == "months") return elapsed_basis::months;
  if (name == "days") return elapsed_basis::days;
  throw error(errc::usage, "basis '" + name + "' is not 'months' or 'days'");
}

// One value per indicator from a sequence of floats (NaN: none).
std::optional<double> item(const std::vector<double>& v, std::size_t i) {
  if (i >= v.size() || std::isnan(v[i])) return std::nullopt;
  return v[i];
}

// A composite index of a (units, indicators) array and its sensitivity analysis, as numpy
// arrays; planeval.index (planeval/__init__.py) makes the DataFrames.
py::dict composite_index(const float_array& values, const std::vector<std::string>& units,
                         const std::vector<std::string>& indicators,
                         const std::vector<std::string>& polarities,
                         const std::vector<double>& weights, const std::vector<double>& goal_low,
                         const std::vector<double>& goal_high, const std::vector<double>& targets,
                         const std::string& how, const std::string& weighting_name,
                         const std::string& aggregation_name, const std::string& missing,
                         std::size_t components, double floor, std::size_t replications,
                         std::uint64_t seed, double spread, const std::vector<std::string>& vary,
                         unsigned threads) {
  if (values.ndim() != 2 || static_cast<std::size_t>(values.shape(0)) != units.size() ||
      static_cast<std::size_t>(values.shape(1)) != indicators.size())
    throw error(errc::usage, "values must be an array of shape (units, indicators): (" +
                                 std::to_string(units.size()) + ", " +
                                 std::to_string(indicators.size()) + ")");
  index_matrix m;
  m.units = units;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    index_indicator ind;
    ind.id = indicators[i];
    if (i < polarities.size()) ind.polarity = from_string<polarity>(polarities[i]);
    if (i < weights.size()) ind.weight = weights[i];
    ind.goal_low = item(goal_low, i);
    ind.goal_high = item(goal_high, i);
    ind.target = item(targets, i);
    m.indicators.push_back(std::move(ind));
  }
  m.values.assign(values.data(), values.data() + values.size());
  index_options o;
  o.normalisation = from_string<normalisation>(how);
  o.weights = from_string<weighting>(weighting_name);
  o.aggregation = from_string<aggregation>(aggregation_name);
  o.missing = from_string<missing_rule>(missing);
  o.pca_components = components;
  o.geometric_floor = floor;
  sensitivity_options so;
  so.replications = replications;
  so.seed = seed;
  so.weight_spread = spread;
  so.threads = threads;
  for (const auto& n : vary) so.normalisations.push_back(from_string<normalisation>(n));
  index_result r;
  std::optional<sensitivity_result> sens;
  {
    py::gil_scoped_release release;
    m.validate();
    r = compute_index(m, o);
    if (replications > 0) sens = analyse_sensitivity(m, o, so);
  }
  const auto array = [](const std::vector<double>& v) {
    float_array a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  const auto ranks = [](const std::vector<std::size_t>& v) {
    int_array a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  py::dict out;
  float_array normalised = array(r.normalised);
  out["normalised"] = normalised.reshape(
      {static_cast<py::ssize_t>(units.size()), static_cast<py::ssize_t>(indicators.size())});
  out["weights"] = array(r.weights);
  out["scores"] = array(r.scores);
  out["ranks"] = ranks(r.ranks);
  if (r.pca) {
    py::dict pca;
    pca["complete_units"] = r.pca->complete_units;
    pca["components"] = r.pca->components;
    pca["eigenvalues"] = array(r.pca->eigenvalues);
    float_array loadings = array(r.pca->eigenvectors);
    pca["loadings"] = loadings.reshape(
        {static_cast<py::ssize_t>(indicators.size()), static_cast<py::ssize_t>(r.pca->components)});
    out["pca"] = pca;
  } else {
    out["pca"] = py::none();
  }
  if (sens) {
    out["median_rank"] = array(sens->median_rank);
    out["p05_rank"] = array(sens->p05_rank);
    out["p95_rank"] = array(sens->p95_rank);
  }
  return out;
}

}  // namespace

void register_analytics(py::module_& m) {
  m.def("_composite_index", &composite_index, py::arg("values"), py::arg("units"),
        py::arg("indicators"), py::arg("polarities"), py::arg("weights"), py::arg("goal_low"),
        py::arg("goal_high"), py::arg("targets"), py::arg("normalisation"), py::arg("weighting"),
        py::arg("aggregation"), py::arg("missing"), py::arg("components"), py::arg("floor"),
        py::arg("replications"), py::arg("seed"), py::arg("spread"), py::arg("vary"),
        py::arg("threads"),
        "The composite index behind planeval.index: numpy arrays of the normalised values, "
        "weights, scores, ranks, the principal components and the sensitivity ranks.");
  py::class_<trend_result>(m, "Trend",
                           "The trend of an annual series toward a target (SDG progress method).")
      .def_property_readonly(
          "status", [](const trend_result& t) { return to_string(t.status); },
          "achieved, on_track, acceleration_needed, limited_progress, "
          "deterioration, substantial_progress, moderate_progress, "
          "insufficient_data, duplicate_periods, sign_change, zero_value or "
          "not_applicable.")
      .def_property_readonly("kind", [](const trend_result& t) { return to_string(t.kind); })
      .def_readonly("base_year", &trend_result::base_year)
      .def_readonly("current_year", &trend_result::current_year)
      .def_readonly("base_value", &trend_result::base_value)
      .def_readonly("current_value", &trend_result::current_value)
      .def_readonly("observed_cagr", &trend_result::observed_cagr)
      .def_readonly("required_cagr", &trend_result::required_cagr)
      .def_readonly("slope", &trend_result::slope)
      .def_readonly("required_slope", &trend_result::required_slope)
      .def_readonly("ratio", &trend_result::ratio)
      .def_readonly("progress", &trend_result::progress)
      .def_readonly("reason_zh", &trend_result::reason_zh)
      .def_readonly("reason_en", &trend_result::reason_en)
      .def(
          "reason",
          [](const trend_result& t, const std::string& l) { return t.reason(language_of(l)); },
          py::arg("lang") = "zh")
      .def("to_dict", &trend_dict, py::arg("lang") = "zh",
           "The fields of `planeval trend --format json` (trend_fields).")
      .def("__repr__", [](const trend_result& t) {
        return "<Trend " + std::string(to_string(t.status)) + ">";
      });

  py::class_<projection_result>(m, "Projection",
                                "A least-squares projection of an annual series to a year.")
      .def_property_readonly(
          "verdict", [](const projection_result& p) { return to_string(p.verdict); },
          "maintain, accelerate, reverse_trend, insufficient_data or "
          "no_target.")
      .def_property_readonly("model", [](const projection_result& p) { return to_string(p.model); })
      .def_readonly("year", &projection_result::year)
      .def_readonly("points", &projection_result::points)
      .def_readonly("projected", &projection_result::projected)
      .def_readonly("lower", &projection_result::lower)
      .def_readonly("upper", &projection_result::upper)
      .def_readonly("confidence", &projection_result::confidence)
      .def_readonly("target", &projection_result::target)
      .def_readonly("probability", &projection_result::probability)
      .def_property_readonly(
          "slope",
          [](const projection_result& p) { return p.fit ? py::cast(p.fit->slope) : py::none(); })
      .def_readonly("reason_zh", &projection_result::reason_zh)
      .def_readonly("reason_en", &projection_result::reason_en)
      .def(
          "reason",
          [](const projection_result& p, const std::string& l) { return p.reason(language_of(l)); },
          py::arg("lang") = "zh")
      .def("to_dict", &projection_dict, py::arg("lang") = "zh",
           "The fields of a projection in `planeval trend --format json` (projection_fields).")
      .def("__repr__", [](const projection_result& p) {
        return "<Projection " + std::string(to_string(p.verdict)) + ">";
      });

  m.def(
      "trend",
      [](const float_array& years, const float_array& values, std::optional<double> target,
         std::optional<int> target_year, const std::string& polarity_name, const std::string& kind,
         const std::string& target_kind, std::optional<int> base_year,
         std::optional<double> limit) {
        const auto points = points_of(years, values);
        std::optional<trend_target> t;
        if (target) {
          if (!target_year) throw error(errc::usage, "a target needs its target_year");
          t = trend_target{*target, *target_year, from_string<measure_kind>(target_kind)};
        }
        trend_options o;
        o.base_year = base_year;
        o.limit = limit;
        o.kind = from_string<series_kind>(kind);
        return assess_trend(points, t, from_string<polarity>(polarity_name), o);
      },
      py::arg("years"), py::arg("values"), py::arg("target") = py::none(),
      py::arg("target_year") = py::none(), py::arg("polarity") = "higher",
      py::arg("kind") = "level", py::arg("target_kind") = "level",
      py::arg("base_year") = py::none(), py::arg("limit") = py::none(),
      "The trend of an annual series (array-likes of years and values) toward a target: a level "
      "to reach by target_year, or with target_kind='growth' a required annual growth in %. "
      "kind='growth_rate' judges change-rate series on level and slope.");

  m.def(
      "project",
      [](const float_array& years, const float_array& values, int year,
         std::optional<double> target, const std::string& polarity_name, const std::string& model,
         double discount, double confidence) {
        projection_options o;
        o.model = from_string<fit_model>(model);
        o.discount = discount;
        o.confidence = confidence;
        return project(points_of(years, values), year, target, from_string<polarity>(polarity_name),
                       o);
      },
      py::arg("years"), py::arg("values"), py::arg("year"), py::arg("target") = py::none(),
      py::arg("polarity") = "higher", py::arg("model") = "linear", py::arg("discount") = 1.0,
      py::arg("confidence") = 0.95,
      "Projects an annual series to `year` by weighted least squares (model 'linear' or "
      "'log_linear'; discount < 1 weights recent years more) and judges the target.");

  py::class_<pace_report>(m, "PaceReport",
                          "The pace (时序进度) of every indicator's annual target as of a date.")
      .def("__len__", [](const pace_report& r) { return r.items.size(); })
      .def("__getitem__",
           [](const pace_report& r, long i) {
             const long n = static_cast<long>(r.items.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("pace index out of range");
             return pace_dict(r, r.items[static_cast<std::size_t>(i)], language::zh);
           })
      .def_property_readonly("indicators",
                             [](const pace_report& r) {
                               std::vector<std::string> out;
                               for (const auto& a : r.items) out.push_back(a.indicator);
                               return out;
                             })
      .def_property_readonly("statuses",
                             [](const pace_report& r) {
                               std::vector<std::string> out;
                               for (const auto& a : r.items) out.push_back(to_string(a.status));
                               return out;
                             })
      .def_property_readonly(
          "expected_share",
          [](const pace_report& r) {
            return column(r.items, [](const pace_assessment& a) {
              return std::optional<double>(a.expected_share);
            });
          },
          "Share of the year elapsed per indicator (numpy array).")
      .def_property_readonly(
          "done_share",
          [](const pace_report& r) {
            return column(r.items, [](const pace_assessment& a) { return a.done_share; });
          },
          "Share of the target done per indicator (numpy array, NaN where unknown).")
      .def_property_readonly(
          "gap_points",
          [](const pace_report& r) {
            return column(r.items, [](const pace_assessment& a) { return a.gap_points; });
          },
          "Done − expected in percentage points (numpy array, NaN where unknown).")
      .def(
          "to_dicts",
          [](const pace_report& r, const std::string& l) {
            py::list out;
            for (const auto& a : r.items) out.append(pace_dict(r, a, language_of(l)));
            return out;
          },
          py::arg("lang") = "zh",
          "One dict per indicator, with the keys of `planeval pace --format json`.")
      .def(
          "to_dataframe",
          [](const pace_report& r, const std::string& l) {
            py::list out;
            for (const auto& a : r.items) out.append(pace_dict(r, a, language_of(l)));
            return dataframe_of(out, "PaceReport");
          },
          py::arg("lang") = "zh", "One row per indicator (pandas.DataFrame).");

  py::object plan_cls = m.attr("Plan");
  add_method(
      plan_cls, "annual_series",
      [](const py_plan& p, const std::string& id, const py::object& actuals,
         const std::string& kind) {
        const indicator* ind = p.p->find(id);
        if (!ind) throw py::key_error("no indicator '" + id + "' in plan '" + p.p->id + "'");
        const py_observations obs = observations_for(*p.p, actuals, py::none());
        return arrays_of(annual_series(*p.p, *ind, obs.actuals, from_string<series_kind>(kind)));
      },
      py::arg("indicator"), py::arg("actuals") = py::none(), py::arg("kind") = "automatic",
      "The annual series of an indicator as (years, values) numpy arrays: actuals first, then "
      "the plan's observations and baseline.");
  add_method(
      plan_cls, "trends",
      [](const py_plan& p, const py::object& actuals, const py::object& references) {
        const py_observations obs = observations_for(*p.p, actuals, references);
        std::vector<indicator_trend> trends;
        {
          py::gil_scoped_release release;
          trends = assess_trends(*p.p, obs.actuals, obs.references);
        }
        py::list out;
        for (const auto& t : trends) {
          py::dict d;
          d["indicator"] = t.indicator;
          d["target"] = t.target_text;
          d["target_period"] =
              t.target_period ? py::cast(t.target_period->to_string()) : py::none();
          const py::tuple arrays = arrays_of(t.series);
          d["years"] = arrays[0];
          d["values"] = arrays[1];
          d["trend"] = py::cast(t.trend);
          d["status"] = to_string(t.trend.status);
          d["projection"] = t.projection ? py::cast(*t.projection) : py::none();
          out.append(d);
        }
        return out;
      },
      py::arg("actuals") = py::none(), py::arg("references") = py::none(),
      "The trend of every indicator toward its latest target, with its projection: a list of "
      "dicts {indicator, target, target_period, years, values (numpy arrays), trend (Trend), "
      "status, projection (Projection or None)}.");
  add_method(
      plan_cls, "pace",
      [](const py_plan& p, const py::object& actuals, const py::object& references,
         const py::object& as_of, std::optional<int> year, double tolerance_points,
         const std::string& basis, const std::string& values) {
        const py_observations obs = observations_for(*p.p, actuals, references);
        pace_options o;
        o.as_of = date_of(as_of);
        o.year = year;
        o.tolerance_points = tolerance_points;
        o.basis = basis_of(basis);
        o.values = from_string<ytd_values>(values);
        pace_report r;
        r.p = p.p;
        py::gil_scoped_release release;
        r.items = assess_pace(*p.p, obs.actuals, obs.references, o);
        return r;
      },
      py::arg("actuals") = py::none(), py::arg("references") = py::none(),
      py::arg("as_of") = py::none(), py::arg("year") = py::none(),
      py::arg("tolerance_points") = 2.0, py::arg("basis") = "months",
      py::arg("values") = "automatic",
      "The pace (时序进度) of every indicator's annual target: year-to-date actuals (months or "
      "quarters) against the share of the year elapsed as of a date.");
}

}  // namespace planeval::python
