// The one validator of plans (planeval/core/validate.hpp) and plan::validate built on it.
#include "planeval/core/validate.hpp"

#include <set>
#include <string>
#include <unordered_map>

#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"

namespace planeval {
namespace {

location at(std::string pointer, std::string indicator) {
  location loc;
  loc.pointer = std::move(pointer);
  loc.indicator = std::move(indicator);
  return loc;
}

std::string item(const char* collection, std::size_t k) {
  return std::string("/") + collection + "/" + std::to_string(k);
}

void check_flags(const observation& o, const std::string& pointer, problem_sink& sink) {
  try {
    validate_flags(o.flags);
  } catch (const model_error& e) {
    sink.report(
        model_error(e.code(), "flags: " + e.message(), at(pointer + "/flags", o.indicator)));
  }
}

// A level in a unit that cannot be expressed in the indicator's unit (percentages are rates
// whatever the indicator's unit).
bool incompatible(const measure& m, const unit& u, const indicator& ind) {
  return m.kind == measure_kind::level && !u.is_percent() && !convertible(u, ind.unit);
}

// A stored rule that its own text no longer reads as.
void check_rule_text(const target& tg, const std::string& pointer, const std::string& id,
                     problem_sink& sink) {
  if (tg.text.empty() || tg.rule.operation == op::unparsed) return;
  try {
    const rule r = parse_target(tg.text);
    if (r != tg.rule)
      sink.report(model_error(errc::model_invalid,
                              "the target text '" + tg.text + "' reads as '" + canonical(r) +
                                  "', but the stored rule is '" + canonical(tg.rule) + "'",
                              at(pointer + "/rule", id)));
  } catch (const parse_error& e) {
    location loc = at(pointer + "/text", id);
    loc.column = e.where().column;
    loc.fragment = e.where().fragment;
    sink.report(parse_error(
        e.code(), "the target text does not parse, yet a rule is stored: " + e.message(), loc));
  }
}

void check_indicator(const indicator& ind, const std::string& ptr,
                     const validation_options& options, problem_sink& sink) {
  std::set<period> periods;
  for (std::size_t t = 0; t < ind.targets.size(); ++t) {
    const auto& tg = ind.targets[t];
    const std::string tptr = ptr + "/targets/" + std::to_string(t);
    if (!periods.insert(tg.period).second)
      sink.report(model_error(errc::model_duplicate,
                              "two targets for period " + tg.period.to_string(), at(tptr, ind.id)));
    if (incompatible(tg.rule.measure, tg.rule.unit, ind))
      sink.report(model_error(errc::unit_incompatible,
                              "target unit '" + tg.rule.unit.symbol() +
                                  "' cannot be expressed in the indicator's unit '" +
                                  ind.unit.symbol() + "'",
                              at(tptr, ind.id)));
    if (options.rules_match_texts) check_rule_text(tg, tptr, ind.id, sink);
  }
  if (!ind.baseline) return;
  const std::string bptr = ptr + "/baseline";
  if (incompatible(ind.baseline->measure, ind.baseline->unit, ind))
    sink.report(model_error(errc::unit_incompatible,
                            "baseline unit '" + ind.baseline->unit.symbol() +
                                "' cannot be expressed in the indicator's unit '" +
                                ind.unit.symbol() + "'",
                            at(bptr, ind.id)));
  check_flags(*ind.baseline, bptr, sink);
}

}  // namespace

void validate_plan(const plan& p, problem_sink& sink, const validation_options& options) {
  std::unordered_map<std::string_view, std::size_t> first;  // id -> index of its indicator
  first.reserve(p.indicators.size());
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const auto& ind = p.indicators[k];
    const std::string ptr = item("indicators", k);
    if (ind.id.empty()) {
      sink.report(model_error(errc::model_invalid, "an indicator needs a non-empty id",
                              at(ptr + "/id", "")));
      continue;
    }
    const auto [it, fresh] = first.emplace(ind.id, k);
    if (!fresh)
      sink.report(model_error(errc::model_duplicate,
                              "indicator id '" + ind.id + "' is used twice (first at " +
                                  item("indicators", it->second) + ")",
                              at(ptr + "/id", ind.id)));
    check_indicator(ind, ptr, options, sink);
  }
  const auto& observations = p.observations.items();
  for (std::size_t k = 0; k < observations.size(); ++k) {
    const auto& o = observations[k];
    const std::string ptr = item("observations", k);
    if (first.count(o.indicator) == 0)
      sink.report(model_error(errc::model_unknown_id,
                              "observation of unknown indicator '" + o.indicator + "'",
                              at(ptr + "/indicator", o.indicator)));
    check_flags(o, ptr, sink);
  }
  const auto& references = p.references.items();
  for (std::size_t k = 0; k < references.size(); ++k) {
    const auto& r = references[k];
    if (first.count(r.indicator) == 0)
      sink.report(model_error(errc::model_unknown_id,
                              "reference of unknown indicator '" + r.indicator + "'",
                              at(item("references", k) + "/indicator", r.indicator)));
  }
  // the tasks' invariants: the first problem (validate_tasks stops there)
  sink.guard([&] { validate_tasks(p.tasks, &p.indicators); });
}

void plan::validate() const {
  problem_sink sink;
  validate_plan(*this, sink);
}

}  // namespace planeval
