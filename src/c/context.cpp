// The C API: the library, contexts and errors.
#include <cstdlib>
#include <cstring>
#include <new>

#include "handles.hpp"

namespace planeval::c_api {

planeval_status record(planeval_context* ctx, planeval_status status, const char* code,
                       const char* message, const location* where) noexcept {
  if (!ctx) return status;
  ctx->clear();
  ctx->status = status;
  try {
    ctx->code = code;
    ctx->message = message;
    if (where) ctx->where = *where;
  } catch (...) {
    // out of memory while copying the error: keep the status, drop the text
    ctx->clear();
    ctx->status = status;
  }
  return status;
}

planeval_status status_of(errc code) noexcept {
  switch (category_of(code)) {
    case error_category::parse: return PLANEVAL_ERROR_PARSE;
    case error_category::format: return PLANEVAL_ERROR_FORMAT;
    case error_category::model: return PLANEVAL_ERROR_MODEL;
    case error_category::io: return PLANEVAL_ERROR_IO;
    case error_category::usage: return PLANEVAL_ERROR_USAGE;
  }
  return PLANEVAL_ERROR_OTHER;
}

void require(const void* p, const char* name) {
  if (!p) throw error(errc::usage, std::string("argument '") + name + "' is NULL");
}

char* duplicate(const std::string& s) {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) throw std::bad_alloc();
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

language language_of(planeval_language l) {
  switch (l) {
    case PLANEVAL_LANG_ZH: return language::zh;
    case PLANEVAL_LANG_EN: return language::en;
  }
  throw error(errc::usage, "language " + std::to_string(static_cast<int>(l)) +
                               " is not PLANEVAL_LANG_ZH (0) or PLANEVAL_LANG_EN (1)");
}

void check_index(std::size_t index, std::size_t size, const char* what) {
  if (index >= size)
    throw error(errc::usage, "index " + std::to_string(index) + " is out of range (" +
                                 std::to_string(size) + " " + what + ")");
}

}  // namespace planeval::c_api

using namespace planeval::c_api;

extern "C" {

#define PLANEVAL_C_STR2(x) #x
#define PLANEVAL_C_STR(x) PLANEVAL_C_STR2(x)

const char* planeval_version(void) {
  return PLANEVAL_C_STR(PLANEVAL_VERSION_MAJOR) "." PLANEVAL_C_STR(
      PLANEVAL_VERSION_MINOR) "." PLANEVAL_C_STR(PLANEVAL_VERSION_PATCH);
}

void planeval_free(void* p) { std::free(p); }

const char* planeval_status_name(planeval_status status) {
  switch (status) {
    case PLANEVAL_OK: return "ok";
    case PLANEVAL_ERROR_PARSE: return "parse";
    case PLANEVAL_ERROR_FORMAT: return "format";
    case PLANEVAL_ERROR_MODEL: return "model";
    case PLANEVAL_ERROR_IO: return "io";
    case PLANEVAL_ERROR_USAGE: return "usage";
    case PLANEVAL_ERROR_MEMORY: return "memory";
    case PLANEVAL_ERROR_INTERNAL: return "internal";
    case PLANEVAL_ERROR_OTHER: return "other";
  }
  return "unknown";
}

planeval_status planeval_error_code_status(const char* code) {
  if (!code) return PLANEVAL_ERROR_OTHER;
  for (int k = 0; k < planeval::errc_count; ++k) {
    const auto c = static_cast<planeval::errc>(k);
    if (std::strcmp(planeval::to_string(c), code) == 0) return status_of(c);
  }
  return PLANEVAL_ERROR_OTHER;
}

planeval_status planeval_context_new(planeval_context** out_context) {
  return guarded(nullptr, [&] {
    reset_out(out_context, "out_context");
    *out_context = new planeval_context();
  });
}

void planeval_context_destroy(planeval_context** context) {
  if (!context) return;
  delete *context;
  *context = nullptr;
}

planeval_status planeval_context_error_status(const planeval_context* context) {
  return context ? context->status : PLANEVAL_OK;
}

const char* planeval_context_error_code(const planeval_context* context) {
  return context ? context->code.c_str() : "";
}

const char* planeval_context_error_message(const planeval_context* context) {
  return context ? context->message.c_str() : "";
}

const char* planeval_context_error_file(const planeval_context* context) {
  return context ? context->where.file.c_str() : "";
}

size_t planeval_context_error_line(const planeval_context* context) {
  return context ? context->where.line : 0;
}

size_t planeval_context_error_column(const planeval_context* context) {
  return context ? context->where.column : 0;
}

const char* planeval_context_error_pointer(const planeval_context* context) {
  return context ? context->where.pointer.c_str() : "";
}

const char* planeval_context_error_indicator(const planeval_context* context) {
  return context ? context->where.indicator.c_str() : "";
}

const char* planeval_context_error_task(const planeval_context* context) {
  return context ? context->where.task.c_str() : "";
}

const char* planeval_context_error_fragment(const planeval_context* context) {
  return context ? context->where.fragment.c_str() : "";
}

const char* planeval_context_error_sheet(const planeval_context* context) {
  return context ? context->where.sheet.c_str() : "";
}

const char* planeval_context_error_cell(const planeval_context* context) {
  return context ? context->where.cell.c_str() : "";
}

}  // extern "C"
