// The C API: observations (actual values) and references.
#include "handles.hpp"
#include "planeval/io/tables.hpp"

using namespace planeval;
using namespace planeval::c_api;

namespace {

const plan* known_plan(const planeval_plan* h) { return h ? h->p.get() : nullptr; }

// Loads a file into a set of its own (`load`), then merges it into `observations`: all or
// nothing, a duplicate named with both files.
template <class Load>
planeval_status load_into(planeval_context* context, planeval_observations* observations,
                          const char* path, Load load) {
  return guarded(context, [&] {
    require(observations, "observations");
    require(path, "path");
    input_set loaded;
    load(loaded);
    observations->merge(loaded);
  });
}

}  // namespace

extern "C" {

planeval_status planeval_observations_new(planeval_context* context,
                                          planeval_observations** out_observations) {
  return guarded(context, [&] {
    reset_out(out_observations, "out_observations");
    *out_observations = new planeval_observations();
  });
}

void planeval_observations_destroy(planeval_observations** observations) {
  if (!observations) return;
  delete *observations;
  *observations = nullptr;
}

planeval_status planeval_observations_add(planeval_context* context,
                                          planeval_observations* observations,
                                          const char* indicator, const char* per, const char* value,
                                          const char* flags) {
  return guarded(context, [&] {
    require(observations, "observations");
    require(indicator, "indicator");
    require(per, "period");
    require(value, "value");
    observations->add_actual(
        observation_from_text(indicator, period::parse(per), value, flags ? flags : ""));
  });
}

planeval_status planeval_observations_add_reference(planeval_context* context,
                                                    planeval_observations* observations,
                                                    const char* indicator, const char* per,
                                                    const char* value) {
  return guarded(context, [&] {
    require(observations, "observations");
    require(indicator, "indicator");
    require(per, "period");
    require(value, "value");
    observations->add_reference(reference_from_text(indicator, period::parse(per), value));
  });
}

planeval_status planeval_observations_load_actuals(planeval_context* context,
                                                   planeval_observations* observations,
                                                   const char* path, const planeval_plan* plan) {
  return load_into(context, observations, path, [&](input_set& loaded) {
    loaded.actuals = load_actuals(path, known_plan(plan), {}, &loaded.actual_origins);
  });
}

planeval_status planeval_observations_load_references(planeval_context* context,
                                                      planeval_observations* observations,
                                                      const char* path, const planeval_plan* plan) {
  return load_into(context, observations, path, [&](input_set& loaded) {
    loaded.references = load_references(path, known_plan(plan), {}, &loaded.reference_origins);
  });
}

planeval_status planeval_observations_count(planeval_context* context,
                                            const planeval_observations* observations,
                                            size_t* out_actuals, size_t* out_references) {
  return guarded(context, [&] {
    require(observations, "observations");
    if (out_actuals) *out_actuals = observations->actuals.size();
    if (out_references) *out_references = observations->references.size();
  });
}

}  // extern "C"
