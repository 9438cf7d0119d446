// The C API of batch evaluation: a caller's units × indicators × periods array judged by the
// batch kernels (io/long_table.hpp: evaluate_array), its codes, gaps and counts.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "handles.hpp"
#include "planeval/io/long_table.hpp"

struct planeval_batch {
  planeval::batch_result r;
};

using namespace planeval;
using namespace planeval::c_api;

namespace {

const planeval_batch& batch_of(const planeval_batch* b) {
  require(b, "batch");
  return *b;
}

std::vector<std::string> ids_of(const char* const* ids, std::size_t n, const char* name) {
  require(ids, name);
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    require(ids[k], name);
    out.emplace_back(ids[k]);
  }
  return out;
}

// Copies one of the result's arrays from the kernels' layout into the caller's C order.
template <class T>
void to_c_order(const batch_result& r, const batch_buffer<T>& from, T* out, std::size_t size) {
  const std::size_t U = r.units, I = r.indicators, P = r.periods;
  if (size != U * I * P)
    throw error(errc::usage, "the output holds " + std::to_string(size) + " values, the batch " +
                                 std::to_string(U * I * P) + " (units × indicators × periods)");
  for (std::size_t u = 0; u < U; ++u)
    for (std::size_t i = 0; i < I; ++i)
      std::copy_n(from.data() + r.offset(u, i, 0), P, out + (u * I + i) * P);
}

}  // namespace

planeval_status planeval_batch_evaluate(planeval_context* context, const planeval_plan* plan,
                                        const double* values, size_t units, size_t indicators,
                                        size_t periods, const char* const* unit_ids,
                                        const char* const* indicator_ids,
                                        const char* const* period_texts, const double* references,
                                        unsigned threads, planeval_batch** out_batch) {
  return planeval_batch_evaluate_targets(context, plan, values, units, indicators, periods,
                                         unit_ids, indicator_ids, period_texts, references, nullptr,
                                         threads, out_batch);
}

planeval_status planeval_batch_evaluate_targets(
    planeval_context* context, const planeval_plan* plan, const double* values, size_t units,
    size_t indicators, size_t periods, const char* const* unit_ids,
    const char* const* indicator_ids, const char* const* period_texts, const double* references,
    const char* const* unit_targets, unsigned threads, planeval_batch** out_batch) {
  return guarded(context, [&] {
    reset_out(out_batch, "out_batch");
    require(plan, "plan");
    require(values, "values");
    std::vector<period> ps;
    for (const auto& text : ids_of(period_texts, periods, "period_texts"))
      ps.push_back(period::parse(text));
    std::vector<std::string> unit_names = ids_of(unit_ids, units, "unit_ids");
    std::vector<std::string> indicator_names = ids_of(indicator_ids, indicators, "indicator_ids");
    std::optional<std::vector<unit_target_text>> own;
    if (unit_targets != nullptr) {
      own.emplace();
      for (std::size_t u = 0; u < units; ++u)
        for (std::size_t i = 0; i < indicators; ++i) {
          const char* text = unit_targets[u * indicators + i];
          if (text == nullptr || *text == '\0') continue;
          unit_target_text one;
          one.unit = unit_names[u];
          one.indicator = indicator_names[i];
          one.text = text;
          one.where.pointer = "unit_targets[" + std::to_string(u * indicators + i) + "]";
          own->push_back(std::move(one));
        }
    }
    batch_options options;
    options.threads = threads;
    auto b = std::make_unique<planeval_batch>();
    b->r = evaluate_array(*plan->p, values, std::move(unit_names), std::move(indicator_names),
                          std::move(ps), references, options, own ? &*own : nullptr);
    *out_batch = b.release();
  });
}

void planeval_batch_destroy(planeval_batch** batch) {
  if (!batch) return;
  delete *batch;
  *batch = nullptr;
}

planeval_status planeval_batch_codes(planeval_context* context, const planeval_batch* batch,
                                     unsigned char* out_codes, size_t size) {
  return guarded(context, [&] {
    require(out_codes, "out_codes");
    const auto& r = batch_of(batch).r;
    to_c_order(r, r.codes, out_codes, size);
  });
}

planeval_status planeval_batch_gaps(planeval_context* context, const planeval_batch* batch,
                                    double* out_gaps, size_t size) {
  return guarded(context, [&] {
    require(out_gaps, "out_gaps");
    const auto& r = batch_of(batch).r;
    to_c_order(r, r.gap, out_gaps, size);
  });
}

planeval_status planeval_batch_count_status(planeval_context* context, const planeval_batch* batch,
                                            size_t unit, planeval_attainment st,
                                            size_t* out_count) {
  return guarded(context, [&] {
    require(out_count, "out_count");
    const auto& r = batch_of(batch).r;
    const int v = static_cast<int>(st);
    if (v < 0 || v >= status_count)
      throw error(errc::usage, "status " + std::to_string(v) + " is not a planeval_attainment");
    const auto s = static_cast<status>(v);
    if (unit == static_cast<size_t>(-1)) {
      std::size_t n = 0;
      for (const auto& c : r.by_unit) n += c[s];
      *out_count = n;
      return;
    }
    check_index(unit, r.units, "unit");
    *out_count = r.by_unit[unit][s];
  });
}
