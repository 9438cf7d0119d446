// The C API: plans (load, save, read, write, tasks) and the target language.
#include <optional>
#include <sstream>
#include <string>

#include "handles.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"
#include "planeval/render/rule.hpp"

using namespace planeval;
using namespace planeval::c_api;

namespace {

// A plan format name, or nullopt for `csv` (a plan table).
std::optional<plan_format> format_of(const char* name) {
  require(name, "format");
  const std::string_view n(name);
  if (n == "csv") return std::nullopt;
  if (const auto f = try_from_string<plan_format>(n)) return *f;
  location loc;
  loc.fragment = std::string(n);
  throw model_error(errc::model_enum,
                    "'" + std::string(n) +
                        "' is not a plan format (expected one of: json, text, xml, binary, csv)",
                    loc);
}

// Checks a plan read from a table, naming the source in model errors.
void validate_table(const plan& p, const std::string& source) {
  try {
    p.validate();
  } catch (const model_error& e) {
    location loc = e.where();
    if (loc.file.empty()) loc.file = source;
    throw model_error(e.code(), e.message(), loc);
  }
}

const plan& plan_of(const planeval_plan* h) {
  require(h, "plan");
  return *h->p;
}

}  // namespace

planeval_plan* planeval::c_api::make_handle(plan p) {
  auto* h = new planeval_plan();
  try {
    h->p = std::make_shared<const plan>(std::move(p));
  } catch (...) {
    delete h;
    throw;
  }
  return h;
}

extern "C" {

planeval_status planeval_plan_load(planeval_context* context, const char* path,
                                   planeval_plan** out_plan) {
  return guarded(context, [&] {
    reset_out(out_plan, "out_plan");
    require(path, "path");
    *out_plan = make_handle(load_plan(path));
  });
}

planeval_status planeval_plan_load_format(planeval_context* context, const char* path,
                                          const char* format, planeval_plan** out_plan) {
  return guarded(context, [&] {
    reset_out(out_plan, "out_plan");
    require(path, "path");
    const auto f = format_of(format);
    if (f) {
      *out_plan = make_handle(load_plan(path, *f));
    } else {
      plan p = load_plan_table(path);
      validate_table(p, path);
      *out_plan = make_handle(std::move(p));
    }
  });
}

planeval_status planeval_plan_read(planeval_context* context, const char* data, size_t size,
                                   const char* format, planeval_plan** out_plan) {
  return guarded(context, [&] {
    reset_out(out_plan, "out_plan");
    if (size > 0) require(data, "data");
    const auto f = format_of(format);
    std::istringstream in(std::string(data ? data : "", size), std::ios::in | std::ios::binary);
    if (f) {
      *out_plan = make_handle(read_plan(in, *f));
    } else {
      plan p = read_plan_table(in, "");
      validate_table(p, "");
      *out_plan = make_handle(std::move(p));
    }
  });
}

planeval_status planeval_plan_save(planeval_context* context, const planeval_plan* plan,
                                   const char* path) {
  return guarded(context, [&] {
    const auto& p = plan_of(plan);
    require(path, "path");
    save_plan(p, path);
  });
}

planeval_status planeval_plan_save_format(planeval_context* context, const planeval_plan* plan,
                                          const char* path, const char* format) {
  return guarded(context, [&] {
    const auto& p = plan_of(plan);
    require(path, "path");
    const auto f = format_of(format);
    if (f)
      save_plan(p, path, *f);
    else
      save_plan_table(p, path);
  });
}

planeval_status planeval_plan_write(planeval_context* context, const planeval_plan* plan,
                                    const char* format, char** out_data, size_t* out_size) {
  return guarded(context, [&] {
    reset_out(out_data, "out_data");
    const auto& p = plan_of(plan);
    const auto f = format_of(format);
    std::ostringstream out(std::ios::out | std::ios::binary);
    if (f)
      write_plan(out, p, *f);
    else
      write_plan_table(out, p);
    const std::string data = out.str();
    *out_data = duplicate(data);
    if (out_size) *out_size = data.size();
  });
}

planeval_status planeval_plan_load_tasks(planeval_context* context, planeval_plan* plan,
                                         const char* path) {
  return guarded(context, [&] {
    const auto& p = plan_of(plan);
    require(path, "path");
    auto changed = std::make_shared<planeval::plan>(p);
    changed->tasks = load_tasks(path, &p);
    plan->p = std::move(changed);
  });
}

void planeval_plan_destroy(planeval_plan** plan) {
  if (!plan) return;
  delete *plan;
  *plan = nullptr;
}

planeval_status planeval_plan_id(planeval_context* context, const planeval_plan* plan,
                                 char** out_id) {
  return guarded(context, [&] {
    reset_out(out_id, "out_id");
    *out_id = duplicate(plan_of(plan).id);
  });
}

planeval_status planeval_plan_indicator_count(planeval_context* context, const planeval_plan* plan,
                                              size_t* out_count) {
  return guarded(context, [&] {
    require(out_count, "out_count");
    *out_count = plan_of(plan).indicators.size();
  });
}

planeval_status planeval_plan_indicator_id(planeval_context* context, const planeval_plan* plan,
                                           size_t index, char** out_id) {
  return guarded(context, [&] {
    reset_out(out_id, "out_id");
    const auto& inds = plan_of(plan).indicators;
    check_index(index, inds.size(), "indicators");
    *out_id = duplicate(inds[index].id);
  });
}

planeval_status planeval_plan_indicator_name(planeval_context* context, const planeval_plan* plan,
                                             size_t index, planeval_language language,
                                             char** out_name) {
  return guarded(context, [&] {
    reset_out(out_name, "out_name");
    const auto& inds = plan_of(plan).indicators;
    const auto lang = language_of(language);
    check_index(index, inds.size(), "indicators");
    const auto& ind = inds[index];
    *out_name = duplicate(ind.name(lang));
  });
}

planeval_status planeval_plan_task_count(planeval_context* context, const planeval_plan* plan,
                                         size_t* out_count) {
  return guarded(context, [&] {
    require(out_count, "out_count");
    *out_count = plan_of(plan).tasks.size();
  });
}

planeval_status planeval_target_parse(planeval_context* context, const char* text,
                                      char** out_json) {
  return guarded(context, [&] {
    reset_out(out_json, "out_json");
    require(text, "text");
    parse_target(text);  // throws the parse error with its column and fragment
    bool ok = false;
    *out_json = duplicate(parse_result_json(text, ok));
  });
}

}  // extern "C"
