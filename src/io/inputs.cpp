// Actual values and references from several sources: merged, located, checked against the plan.
#include "planeval/io/inputs.hpp"

#include <algorithm>

#include "planeval/io/tables.hpp"

namespace planeval {
namespace {

location positioned(location origin, const char* what, std::size_t k, const std::string& id) {
  if (origin.empty()) origin.pointer = std::string(what) + "[" + std::to_string(k) + "]";
  if (origin.indicator.empty()) origin.indicator = id;
  return origin;
}

[[noreturn]] void duplicate(const std::string& what, const location& first, location second) {
  throw model_error(errc::model_duplicate,
                    what + " is given again (first at " + first.to_string() + ")",
                    std::move(second));
}

}  // namespace

void input_set::add_actual(observation o, location origin) {
  origin = positioned(std::move(origin), "actuals", actuals.size(), o.indicator);
  if (const observation* seen = actuals.find(o.indicator, o.period, o.measure.kind))
    duplicate("a " + std::string(to_string(o.measure.kind)) + " value of '" + o.indicator +
                  "' for " + o.period.to_string(),
              actual_origins[static_cast<std::size_t>(seen - actuals.items().data())],
              std::move(origin));
  actuals.add(std::move(o));
  actual_origins.push_back(std::move(origin));
}

void input_set::add_reference(reference_value r, location origin) {
  origin = positioned(std::move(origin), "references", references.size(), r.indicator);
  if (const reference_value* seen = references.find(r.indicator, r.period))
    duplicate("a reference value of '" + r.indicator + "' for " + r.period.to_string(),
              reference_origins[static_cast<std::size_t>(seen - references.items().data())],
              std::move(origin));
  references.add(std::move(r));
  reference_origins.push_back(std::move(origin));
}

void input_set::merge(const input_set& more) {
  input_set out = *this;  // all or nothing
  for (std::size_t k = 0; k < more.actuals.size(); ++k)
    out.add_actual(more.actuals.items()[k],
                   k < more.actual_origins.size() ? more.actual_origins[k] : location{});
  for (std::size_t k = 0; k < more.references.size(); ++k)
    out.add_reference(more.references.items()[k],
                      k < more.reference_origins.size() ? more.reference_origins[k] : location{});
  out.review.insert(out.review.end(), more.review.begin(), more.review.end());
  *this = std::move(out);
}

input_set merge_inputs(const std::vector<input_set>& parts) {
  input_set out;
  for (const auto& part : parts) out.merge(part);
  return out;
}

void require_indicator(const plan& p, std::string_view id, location where) {
  if (p.find(id)) return;
  if (where.indicator.empty()) where.indicator = std::string(id);
  throw model_error(errc::model_unknown_id,
                    "no indicator '" + std::string(id) + "' in plan '" + p.id + "'",
                    std::move(where));
}

void check_input_ids(const plan& p, const input_set& in) {
  for (std::size_t k = 0; k < in.actuals.size(); ++k) {
    const auto& id = in.actuals.items()[k].indicator;
    if (!p.find(id))
      require_indicator(p, id,
                        positioned(k < in.actual_origins.size() ? in.actual_origins[k] : location{},
                                   "actuals", k, id));
  }
  for (std::size_t k = 0; k < in.references.size(); ++k) {
    const auto& id = in.references.items()[k].indicator;
    if (!p.find(id))
      require_indicator(
          p, id,
          positioned(k < in.reference_origins.size() ? in.reference_origins[k] : location{},
                     "references", k, id));
  }
}

input_set load_inputs(const plan& p, const std::vector<std::string>& actuals,
                      const std::vector<std::string>& references, const limits& lim, bool lenient) {
  input_set out;
  for (const auto& path : actuals) {
    input_set one;
    one.actuals = load_actuals(path, &p, lim, &one.actual_origins, lenient ? &one.review : nullptr);
    out.merge(one);
  }
  for (const auto& path : references) {
    input_set one;
    one.references =
        load_references(path, &p, lim, &one.reference_origins, lenient ? &one.review : nullptr);
    out.merge(one);
  }
  return out;
}

void apply_review(std::vector<assessment>& assessments, const std::vector<review_item>& review) {
  for (auto& a : assessments) {
    for (const auto& r : review) {
      if (r.indicator != a.indicator) continue;
      const bool result_cell =
          (r.field == "result" && r.period == a.period) ||
          (r.field == "reference" && r.period == a.period && a.status == status::needs_reference);
      const bool base_cell =
          (r.field == "result" || r.field == "baseline") && a.status == status::no_data;
      if (!result_cell && !base_cell) continue;
      if (a.status != status::no_data && !result_cell) continue;
      a.status = status::needs_review;
      const std::string cell = r.where.cell.empty() ? r.where.to_string() : r.where.cell;
      a.reason_zh = "单元格" + cell + "“" + r.text + "”未能读取(" + to_string(r.code) +
                    "),请核对原表;" + a.reason_zh;
      a.reason_en = "the cell " + cell + " '" + r.text + "' could not be read (" +
                    to_string(r.code) + "); check the source table. " + a.reason_en;
      break;
    }
  }
}

date default_as_of(const plan& p, const date& today) {
  return std::min(today, p.period.last_day());
}

period default_task_period(const plan& p) { return p.period; }

}  // namespace planeval
