// The C API: importing a plan table as published (docs/importing.md).
#include <memory>

#include "handles.hpp"
#include "planeval/import/table.hpp"

using namespace planeval;
using namespace planeval::c_api;

extern "C" {

planeval_status planeval_table_import(planeval_context* context, const char* path,
                                      const char* overrides_path, int strict,
                                      planeval_plan** out_plan, planeval_observations* results,
                                      size_t* out_review_count, const char* lang,
                                      char** out_report) {
  return guarded(context, [&] {
    reset_out(out_plan, "out_plan");
    if (out_report) *out_report = nullptr;
    require(path, "path");
    import_options options;
    options.strict = strict != 0;
    if (overrides_path) options.overrides = load_import_overrides(overrides_path);
    import_result r = import_table(path, options);
    input_set loaded;
    for (std::size_t k = 0; k < r.actuals.size(); ++k)
      loaded.add_actual(*(r.actuals.begin() + static_cast<std::ptrdiff_t>(k)),
                        r.actual_origins.at(k));
    std::unique_ptr<char, void (*)(void*)> report(nullptr, planeval_free);
    if (out_report)
      report.reset(
          duplicate(explain(r, lang && std::string(lang) == "en" ? language::en : language::zh)));
    planeval_plan* handle = make_handle(std::move(r.plan));
    if (results) {
      try {
        results->merge(loaded);
      } catch (...) {
        planeval_plan_destroy(&handle);
        throw;
      }
    }
    if (out_review_count) *out_review_count = r.review.size();
    if (out_report) *out_report = report.release();
    *out_plan = handle;
  });
}

}  // extern "C"
