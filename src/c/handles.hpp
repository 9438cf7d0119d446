// The C API's handles and its one catch-all wrapper (private to src/c/).
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/inputs.hpp"
#include "planeval/planeval.h"

struct planeval_context {
  planeval_status status = PLANEVAL_OK;
  std::string code;
  std::string message;
  planeval::location where;

  void clear() noexcept {
    status = PLANEVAL_OK;
    code.clear();
    message.clear();
    where = planeval::location{};
  }
};

// A plan is shared with the results made from it; changing a plan (load_tasks) swaps in a new
// copy, so results keep the plan they were made of.
struct planeval_plan {
  std::shared_ptr<const planeval::plan> p;
};

// Actual values and references, each with its origin (`actuals[3]`, or a file and line).
struct planeval_observations : planeval::input_set {};

struct planeval_result {
  std::shared_ptr<const planeval::plan> p;
  std::vector<planeval::assessment> assessments;
  planeval::plan_summary summary;
};

namespace planeval::c_api {

// Records an error in the context (when there is one) and returns its status. Never throws.
planeval_status record(planeval_context* ctx, planeval_status status, const char* code,
                       const char* message, const location* where = nullptr) noexcept;

// The status of an error code: from its category (`category_of`), never from the C++ class.
planeval_status status_of(errc code) noexcept;

// Runs `f`, translating every exception into a status and the context's last error: the one
// place where exceptions stop at the C boundary (GEOS `execute`).
template <class F>
planeval_status guarded(planeval_context* ctx, F&& f) noexcept {
  if (ctx) ctx->clear();
  try {
    f();
    return PLANEVAL_OK;
  } catch (const error& e) {
    return record(ctx, status_of(e.code()), to_string(e.code()), e.what(), &e.where());
  } catch (const std::bad_alloc&) {
    return record(ctx, PLANEVAL_ERROR_MEMORY, "memory", "[planeval.memory] out of memory");
  } catch (const std::exception& e) {
    return record(ctx, PLANEVAL_ERROR_INTERNAL, "internal", e.what());
  } catch (...) {
    return record(ctx, PLANEVAL_ERROR_INTERNAL, "internal",
                  "[planeval.internal] an unknown exception reached the C API");
  }
}

// Throws a usage error naming the argument when `p` is null.
void require(const void* p, const char* name);

// Sets a pointer output to null first (so it is null on failure); throws when it is null.
template <class T>
void reset_out(T** out, const char* name) {
  require(out, name);
  *out = nullptr;
}

// A copy of `s` in memory the caller frees with planeval_free. Throws std::bad_alloc.
char* duplicate(const std::string& s);

// A new plan handle owning `p` (destroyed with planeval_plan_destroy).
planeval_plan* make_handle(plan p);

// The language, or a usage error.
language language_of(planeval_language l);

// Throws a usage error when `index >= size`.
void check_index(std::size_t index, std::size_t size, const char* what);

}  // namespace planeval::c_api
