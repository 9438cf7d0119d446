// The model (rules, targets, indicators, tasks, plans), observations, and evaluation.
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <sstream>

#include "bindings.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/render/evaluation.hpp"
#include "planeval/render/rule.hpp"
#include "planeval/report/report.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::python {
namespace {

std::string rule_repr(const rule& r) {
  return "Rule(op='" + std::string(to_string(r.operation)) + "', canonical='" + canonical(r) + "')";
}

py::dict assessment_dict(const assessment& a, const plan* p, language lang) {
  return dict_of(assessment_fields(a, p ? p->find(a.indicator) : nullptr, lang));
}

const indicator& indicator_of(const py_plan& p, const std::string& id) {
  const indicator* ind = p.p->find(id);
  if (!ind) throw py::key_error("no indicator '" + id + "' in plan '" + p.p->id + "'");
  return *ind;
}

py_evaluation evaluate_plan(const py_plan& p, const py::object& actuals,
                            const py::object& references, const py::object& as_of,
                            const py::object& only) {
  return evaluate_inputs(p.p, observations_for(*p.p, actuals, references), as_of, only);
}

}  // namespace

py_evaluation evaluate_inputs(std::shared_ptr<const plan> p, py_observations obs,
                              const py::object& as_of, const py::object& only,
                              const std::function<void(std::vector<assessment>&)>& mark) {
  evaluation_options options;
  options.as_of = date_of(as_of);
  if (!only.is_none()) options.only = period::parse(py::str(only).cast<std::string>());
  py_evaluation e;
  e.p = std::move(p);
  e.as_of = options.as_of;
  e.only = options.only;
  {
    py::gil_scoped_release release;
    e.assessments = evaluate(*e.p, obs.actuals, obs.references, options);
    if (mark) mark(e.assessments);
    e.summary = summarize(*e.p, e.assessments);
  }
  e.inputs = std::move(obs);
  return e;
}

void register_core(py::module_& m) {
  // every class first, so signatures name the Python classes
  py::class_<rule> rule_cls(
      m, "Rule",
      "A parsed target: a comparison (`op`) applied to a measure, against a number, "
      "a range or a named reference. Compare rules with ==.");
  py::class_<target> target_cls(m, "Target",
                                "A target of an indicator for a period: the text and its rule.");
  py::class_<indicator> indicator_cls(m, "Indicator", "An indicator of a plan (read-only).");
  py::class_<task> task_cls(m, "Task",
                            "A work item of a plan: an area, a task or a sub-task (read-only).");
  py::class_<py_plan> plan_cls(
      m, "Plan",
      "A plan: metadata, indicators with targets, tasks, and its own observations "
      "and references. Load one with Plan.load(path).");
  py::class_<py_observations> observations_cls(
      m, "Observations", "Actual values and reference values to evaluate a plan with.");
  py::class_<assessment> assessment_cls(m, "Assessment",
                                        "The assessment of one indicator's target for a period.");
  py::class_<py_evaluation> evaluation_cls(
      m, "Evaluation",
      "An evaluation: one Assessment per target, in indicator order, and "
      "the summary.");

  // ---- rules and targets ----
  rule_cls
      .def_property_readonly(
          "op", [](const rule& r) { return to_string(r.operation); },
          "reach, at_least, at_most, between, about, increase, decrease, "
          "improve, qualitative, unparsed or compound.")
      .def_property_readonly(
          "measure", [](const rule& r) { return to_string(r.measure.kind); },
          "level, growth, change_points, cagr or change_since.")
      .def_property_readonly(
          "base_year", [](const rule& r) { return r.measure.base_year; },
          "Base year of change_since (and dated change_points) rules, else 0.")
      .def_readonly("value", &rule::value, "Threshold of reach, about, at_least and at_most.")
      .def_readonly("low", &rule::low, "Lower end of between.")
      .def_readonly("high", &rule::high, "Upper end of between.")
      .def_readonly("strict", &rule::strict, "at_least/at_most exclude the bound.")
      .def_readonly("reference", &rule::reference,
                    "Named reference ('全市目标', '市下达指标') instead of a number, or ''.")
      .def_property_readonly(
          "unit", [](const rule& r) { return r.unit.symbol(); },
          "Unit as written in the text, or ''.")
      .def_property_readonly(
          "flow", [](const rule& r) { return r.qualifier.flow; },
          "What is counted: '新开工', '开工', '竣工', '新增', '新建', or ''.")
      .def_property_readonly(
          "cumulative", [](const rule& r) { return r.qualifier.cumulative; },
          "True for cumulative targets ('五年累计').")
      .def_property_readonly(
          "cumulative_years", [](const rule& r) { return r.qualifier.cumulative_years; },
          "Years a cumulative target covers (5 for '五年累计'), 0 if unstated.")
      .def_readonly("remark", &rule::remark, "Trailing clause kept verbatim.")
      .def_readonly("year", &rule::year,
                    "A target year written in the text (到2030年…), or 0 when none.")
      .def_readonly("description", &rule::description,
                    "The text qualitative and unparsed rules stand for.")
      .def_readonly("parts", &rule::parts,
                    "A compound rule's parts ('达1211亿元、增长6.8%': the level and the growth), "
                    "each a Rule; [] for other rules.")
      .def_readonly("respectively", &rule::respectively,
                    "A compound rule's parts are for as many quantities (分别, respectively).")
      .def(
          "canonical",
          [](const rule& r, const std::string& lang) { return canonical(r, language_of(lang)); },
          py::arg("lang") = "zh",
          "Canonical text ('95以上' / 'at least 95'); the Chinese one parses back to an equal "
          "rule.")
      .def(
          "to_dict", [](const rule& r) { return from_json(rule_to_json(r)); },
          "The rule as a dict (the JSON of `planeval parse-target`).")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", &rule_repr)
      .def(py::pickle(
          [](const rule& r) {
            return py::make_tuple(canonical(r, language::zh), r.operation == op::unparsed);
          },
          [](const py::tuple& t) {
            parse_options o;
            o.keep_unparsed = t[1].cast<bool>();
            return parse_target(t[0].cast<std::string>(), o);
          }));

  m.def(
      "parse_target",
      [](const std::string& text, bool keep_unparsed) {
        parse_options o;
        o.keep_unparsed = keep_unparsed;
        return parse_target(text, o);
      },
      py::arg("text"), py::arg("keep_unparsed") = false,
      "Parses a target text ('5-10', '3左右', '完成市下达指标') into a Rule. Raises ParseError "
      "(with `location.column`) unless keep_unparsed is true, which keeps the text as an "
      "'unparsed' rule.");

  target_cls
      .def_property_readonly(
          "period", [](const target& t) { return t.period.to_string(); },
          "The period ('2021', '2016/2020').")
      .def_readonly("text", &target::text, "The text as published, verbatim.")
      .def_readonly("rule", &target::rule, "The parsed Rule.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const target& t) {
        return "Target(period='" + t.period.to_string() + "', text='" + t.text + "')";
      });

  // ---- indicators and tasks ----
  indicator_cls.def_readonly("id", &indicator::id)
      .def_readonly("name_zh", &indicator::name_zh)
      .def_readonly("name_en", &indicator::name_en)
      .def(
          "name",
          [](const indicator& i, const std::string& lang) { return i.name(language_of(lang)); },
          py::arg("lang") = "zh", "The name in a language, else the other one, else the id.")
      .def_property_readonly(
          "kind", [](const indicator& i) { return to_string(i.kind); },
          "rate, count, area, ratio, amount or qualitative.")
      .def_property_readonly("unit", [](const indicator& i) { return i.unit.symbol(); })
      .def_property_readonly(
          "polarity", [](const indicator& i) { return to_string(i.polarity); },
          "higher, lower or band.")
      .def_property_readonly(
          "attribute", [](const indicator& i) { return to_string(i.attribute); },
          "binding or anticipatory.")
      .def_readonly("category", &indicator::category)
      .def_property_readonly(
          "accumulation", [](const indicator& i) { return to_string(i.accumulation); },
          "stock, flow or rate.")
      .def_property_readonly(
          "baseline",
          [](const indicator& i) -> py::object {
            if (!i.baseline) return py::none();
            return py::str(i.baseline->text);
          },
          "The baseline as written ('-5', '五年累计竣工208.9'), or None.")
      .def_property_readonly(
          "baseline_period",
          [](const indicator& i) -> py::object {
            if (!i.baseline) return py::none();
            return py::str(i.baseline->period.to_string());
          },
          "The baseline's period, or None.")
      .def_readonly("targets", &indicator::targets, "The targets, at most one per period.")
      .def(
          "target",
          [](const indicator& i, const std::string& per) -> py::object {
            const target* t = i.find_target(period::parse(per));
            return t ? py::cast(*t) : py::object(py::none());
          },
          py::arg("period"), "The target for exactly this period, or None.")
      .def_readonly("note", &indicator::note)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__",
           [](const indicator& i) { return "<Indicator " + i.id + ": " + i.name_zh + ">"; });

  task_cls.def_readonly("id", &task::id)
      .def_readonly("parent", &task::parent, "The parent's id, '' for an area.")
      .def_readonly("title_zh", &task::title_zh)
      .def_readonly("title_en", &task::title_en)
      .def_readonly("owner", &task::owner)
      .def_property_readonly(
          "status", [](const task& t) { return to_string(t.status); },
          "The recorded status: not_started, in_progress, done, suspended, "
          "cancelled.")
      .def_property_readonly("start", [](const task& t) { return to_python(t.start); })
      .def_property_readonly("due", [](const task& t) { return to_python(t.due); })
      .def_property_readonly("completed", [](const task& t) { return to_python(t.completed); })
      .def_property_readonly(
          "progress",
          [](const task& t) -> py::object {
            return t.progress ? py::cast(t.progress->share) : py::object(py::none());
          },
          "The latest recorded share done (0–1), or None.")
      .def_readonly("indicators", &task::indicators, "Ids of the indicators it serves.")
      .def_readonly("depends_on", &task::depends_on, "Ids of the tasks that must be done first.")
      .def_readonly("weight", &task::weight)
      .def("__repr__", [](const task& t) { return "<Task " + t.id + ": " + t.title_zh + ">"; });

  // ---- plans ----
  plan_cls.def_property_readonly("id", [](const py_plan& p) { return p.p->id; })
      .def_property_readonly("title_zh", [](const py_plan& p) { return p.p->title_zh; })
      .def_property_readonly("title_en", [](const py_plan& p) { return p.p->title_en; })
      .def_property_readonly("issuer", [](const py_plan& p) { return p.p->issuer; })
      .def_property_readonly("period", [](const py_plan& p) { return p.p->period.to_string(); })
      .def_property_readonly("published",
                             [](const py_plan& p) { return to_python(p.p->published); })
      .def_property_readonly("approved", [](const py_plan& p) { return to_python(p.p->approved); })
      .def_property_readonly(
          "indicators", [](const py_plan& p) { return p.p->indicators; },
          "The indicators in document order (a copy).")
      .def("indicator", &indicator_of, py::arg("id"),
           "The indicator with this id; KeyError when there is none.")
      .def_property_readonly(
          "tasks", [](const py_plan& p) { return p.p->tasks; }, "The tasks in plan order (a copy).")
      .def_property_readonly(
          "observation_count", [](const py_plan& p) { return p.p->observations.size(); },
          "Number of actual values stored with the plan.")
      .def_property_readonly(
          "reference_count", [](const py_plan& p) { return p.p->references.size(); },
          "Number of reference values stored with the plan.")
      .def("__len__", [](const py_plan& p) { return p.p->indicators.size(); })
      .def("__eq__", [](const py_plan& a, const py_plan& b) { return *a.p == *b.p; })
      .def("__repr__",
           [](const py_plan& p) {
             return "<Plan " + p.p->id + ": " + std::to_string(p.p->indicators.size()) +
                    " indicators, " + std::to_string(p.p->tasks.size()) + " tasks>";
           })
      .def("evaluate", &evaluate_plan, py::arg("actuals") = py::none(),
           py::arg("references") = py::none(), py::arg("as_of") = py::none(),
           py::arg("period") = py::none(),
           "Evaluates every target. actuals: None, Observations, a list of (indicator, period, "
           "value[, flags]) tuples, a dict {(indicator, period): value or (value, flags)}, or a "
           "pandas DataFrame with indicator, period, value[, flags] columns; values are numbers or "
           "texts in the target language ('7.05%', '84以上', '达标'). references: the same shapes "
           "with (indicator, period, value). as_of: 'YYYY-MM-DD' or a datetime.date. period: "
           "evaluate only the targets of this period.")
      .def(py::pickle(
          [](const py_plan& p) {
            std::ostringstream out;
            write_plan(out, *p.p, plan_format::json);
            return py::bytes(out.str());
          },
          [](const py::bytes& state) {
            std::istringstream in(std::string(state), std::ios::in | std::ios::binary);
            return py_plan{std::make_shared<const plan>(read_plan(in, plan_format::json))};
          }));

  // ---- observations ----
  observations_cls.def(py::init<>())
      .def(py::init([](const py::object& actuals, const py::object& references) {
             return observations_of(actuals, references);
           }),
           py::arg("actuals"), py::arg("references") = py::none(),
           "From the shapes Plan.evaluate accepts.")
      .def(
          "add",
          [](py_observations& o, const std::string& indicator, const py::object& per,
             const py::object& value, const std::string& flags) {
            py::list row;
            row.append(py::make_tuple(indicator, per, value, flags));
            const py_observations one = observations_of(row, py::none());
            o.add_actual(one.actuals.items().front());
          },
          py::arg("indicator"), py::arg("period"), py::arg("value"), py::arg("flags") = "",
          "Adds an actual value: a number, or a text in the target language ('7.05%', "
          "'增长8.1%', '84以上', '8%左右', '达标'); None or NaN is missing. ModelError "
          "(model.duplicate) when the indicator has a value of that measure for the period.")
      .def(
          "add_reference",
          [](py_observations& o, const std::string& indicator, const py::object& per,
             const py::object& value) {
            py::list row;
            row.append(py::make_tuple(indicator, per, value));
            const py_observations one = observations_of(py::none(), row);
            o.add_reference(one.references.items().front());
          },
          py::arg("indicator"), py::arg("period"), py::arg("value"),
          "Adds a reference value (a number, or a number with its unit: '3.5%').")
      .def_property_readonly("actual_count",
                             [](const py_observations& o) { return o.actuals.size(); })
      .def_property_readonly("reference_count",
                             [](const py_observations& o) { return o.references.size(); })
      .def(
          "actuals",
          [](const py_observations& o) {
            py::list out;
            for (const auto& a : o.actuals)
              out.append(py::make_tuple(a.indicator, a.period.to_string(), a.text, a.flags));
            return out;
          },
          "The actual values as (indicator, period, text, flags) tuples.")
      .def(
          "references",
          [](const py_observations& o) {
            py::list out;
            for (const auto& r : o.references)
              out.append(
                  py::make_tuple(r.indicator, r.period.to_string(), r.value, r.unit.symbol()));
            return out;
          },
          "The references as (indicator, period, value, unit) tuples.")
      .def("__len__", [](const py_observations& o) { return o.actuals.size(); })
      .def("__repr__", [](const py_observations& o) {
        return "<Observations: " + std::to_string(o.actuals.size()) + " actual values, " +
               std::to_string(o.references.size()) + " references>";
      });

  // ---- evaluation ----
  assessment_cls.def_readonly("indicator", &assessment::indicator)
      .def_property_readonly("period", [](const assessment& a) { return a.period.to_string(); })
      .def_property_readonly(
          "status", [](const assessment& a) { return to_string(a.status); },
          "met, exceeded, not_met, undetermined, no_data, needs_reference, "
          "needs_judgment, no_target or needs_review.")
      .def_readonly("target_text", &assessment::target_text, "The target as published.")
      .def_readonly("target_canonical", &assessment::target_canonical)
      .def_property_readonly("measure",
                             [](const assessment& a) { return to_string(a.measure.kind); })
      .def_readonly("actual_text", &assessment::actual_text)
      .def_readonly("actual", &assessment::actual, "Value compared, in value_unit, or None.")
      .def_readonly("target_value", &assessment::target_value,
                    "Threshold compared with, in value_unit, or None.")
      .def_property_readonly("value_unit",
                             [](const assessment& a) { return a.value_unit.symbol(); })
      .def_readonly("gap", &assessment::gap, "actual − threshold in gap_unit, or None.")
      .def_property_readonly("gap_unit",
                             [](const assessment& a) { return a.gap ? a.gap_unit.symbol() : ""; })
      .def_readonly("achievement", &assessment::achievement,
                    "Achievement degree (1 = exactly the target), or None.")
      .def_readonly("within_tolerance", &assessment::within_tolerance)
      .def_readonly("in_progress", &assessment::in_progress)
      .def_readonly("reason_zh", &assessment::reason_zh)
      .def_readonly("reason_en", &assessment::reason_en)
      .def(
          "reason",
          [](const assessment& a, const std::string& l) { return a.reason(language_of(l)); },
          py::arg("lang") = "zh")
      .def(
          "to_dict",
          [](const assessment& a, const std::string& l) {
            return assessment_dict(a, nullptr, language_of(l));
          },
          py::arg("lang") = "zh")
      .def("__repr__", [](const assessment& a) {
        return "<Assessment " + a.indicator + " " + a.period.to_string() + ": " +
               to_string(a.status) + ">";
      });

  evaluation_cls.def("__len__", [](const py_evaluation& e) { return e.assessments.size(); })
      .def("__getitem__",
           [](const py_evaluation& e, long i) {
             const long n = static_cast<long>(e.assessments.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("assessment index out of range");
             return e.assessments[static_cast<std::size_t>(i)];
           })
      .def(
          "__iter__",
          [](const py_evaluation& e) {
            return py::make_iterator(e.assessments.begin(), e.assessments.end());
          },
          py::keep_alive<0, 1>())
      .def_property_readonly("assessments", [](const py_evaluation& e) { return e.assessments; })
      .def_property_readonly(
          "plan", [](const py_evaluation& e) { return py_plan{e.p}; },
          "The plan evaluated (as it was then).")
      .def_property_readonly("as_of", [](const py_evaluation& e) { return to_python(e.as_of); })
      .def_property_readonly(
          "counts",
          [](const py_evaluation& e) {
            py::dict d;
            for (int s = 0; s < status_count; ++s)
              d[to_string(static_cast<status>(s))] =
                  e.summary.by_status.n[static_cast<std::size_t>(s)];
            return d;
          },
          "Number of assessments per status (every status, zeros included).")
      .def_property_readonly("binding_not_met",
                             [](const py_evaluation& e) { return e.summary.binding_not_met; })
      .def_property_readonly("not_met", [](const py_evaluation& e) { return e.summary.not_met; })
      .def(
          "status",
          [](const py_evaluation& e, const std::string& id) {
            for (auto it = e.assessments.rbegin(); it != e.assessments.rend(); ++it)
              if (it->indicator == id) return to_string(it->status);
            throw py::key_error("no assessment of '" + id + "'");
          },
          py::arg("indicator"), "The status of an indicator's latest assessed period.")
      .def(
          "narrative",
          [](const py_evaluation& e, const std::string& l) {
            return narrative(*e.p, e.summary, language_of(l));
          },
          py::arg("lang") = "zh", "The summary paragraph ('2021年共涉及25个指标,…').")
      .def(
          "to_json",
          [](const py_evaluation& e, const std::string& l, int indent) {
            return evaluation_to_json(*e.p, e.assessments, e.summary, language_of(l), indent);
          },
          py::arg("lang") = "zh", py::arg("indent") = 2,
          "The evaluation as JSON, as `planeval evaluate --format json` prints it.")
      .def(
          "to_dict",
          [](const py_evaluation& e, const std::string& l) {
            return from_json(
                evaluation_to_json(*e.p, e.assessments, e.summary, language_of(l), -1));
          },
          py::arg("lang") = "zh", "The JSON of to_json as a dict.")
      .def(
          "to_dataframe",
          [](const py_evaluation& e, const std::string& l) {
            const language lang = language_of(l);
            py::list records;
            for (const auto& a : e.assessments) records.append(assessment_dict(a, e.p.get(), lang));
            return dataframe_of(records, "Evaluation");
          },
          py::arg("lang") = "zh",
          "One row per assessment (pandas.DataFrame); ImportError when pandas is missing.")
      .def(
          "to_excel",
          [](const py_evaluation& e, const std::string& path, const std::string& l) {
            const language lang = language_of(l);
            py::gil_scoped_release release;
            save_evaluation_workbook(path, *e.p, e.assessments, e.summary, lang);
          },
          py::arg("path"), py::arg("lang") = "zh",
          "Saves the evaluation as an Excel workbook (.xlsx), as `planeval evaluate --format "
          "xlsx -o` writes it: an assessments sheet (statuses filled with the report's colours, "
          "numbers as numbers) and a summary sheet; atomically. Raises FileError.")
      .def(
          "report",
          [](const py_evaluation& e, const py::object& path, const py::object& format,
             const std::string& l) -> py::object {
            const std::string file =
                path.is_none() ? std::string() : py::str(path).cast<std::string>();
            const report_format f = report_format_of(format, file);
            report_input in;
            in.plan = *e.p;
            in.actuals = e.inputs.actuals;
            in.references = e.inputs.references;
            in.as_of = e.as_of;
            in.lang = language_of(l);
            in.options.target_period = e.only;
            if (!file.empty()) {
              py::gil_scoped_release release;
              save_report(file, in, f);
              return py::none();
            }
            std::string text;
            {
              py::gil_scoped_release release;
              text = report_to_string(in, f);
            }
            if (f == report_format::docx) return py::bytes(text);
            return py::str(text);
          },
          py::arg("path") = py::none(), py::arg("format") = py::none(), py::arg("lang") = "zh",
          "Writes the report of this evaluation, as `planeval report` does: format 'html', "
          "'markdown' or 'docx' (default: from the file's suffix, else html), in lang; to path "
          "atomically, or returned (str; bytes for docx) when path is None. The same actuals, "
          "references, as-of date and period; pace, trends and tasks where the plan has them.")
      .def("__repr__", [](const py_evaluation& e) {
        return "<Evaluation of " + e.p->id + ": " + std::to_string(e.assessments.size()) +
               " assessments>";
      });
}

}  // namespace planeval::python
