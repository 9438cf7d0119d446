#ifndef PLANEVAL_PLANEVAL_H
#define PLANEVAL_PLANEVAL_H
/**
 * @file
 * @brief The planeval C API: load plans, add observations, evaluate, read the results.
 *
 * This header is C99 and the only planeval interface with a stable ABI: within a major version
 * (PLANEVAL_VERSION_MAJOR) functions are only added, never changed or removed, and the values of
 * the enumerations below keep their meaning. The C++ API (`planeval/core/…`) may change between
 * minor versions. See docs/c-api.md.
 *
 * Conventions:
 * - Every function that can fail returns a `planeval_status` and writes its results through
 *   `out_` parameters; pointer outputs are set to NULL first, so they are NULL on failure.
 * - The last error (status, stable code such as `target.syntax`, message and location) is kept in
 *   the `planeval_context` passed as first argument; each call clears it first. The context may
 *   be NULL when only the status matters.
 * - Strings are UTF-8. Strings written to a `char**` parameter belong to the caller and are freed
 *   with `planeval_free`; strings returned as `const char*` belong to the library.
 * - `planeval_*_destroy` functions take the address of a handle, free it and set it to NULL;
 *   destroying NULL, or a handle already destroyed, does nothing.
 * - No C++ exception crosses this interface.
 */

#include <stddef.h>

#define PLANEVAL_VERSION_MAJOR 0 /**< @brief Major version: the ABI is stable within it. */
#define PLANEVAL_VERSION_MINOR 1 /**< @brief Minor version: adds functions. */
#define PLANEVAL_VERSION_PATCH 0 /**< @brief Patch version: fixes only. */

/** @cond INTERNAL */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(PLANEVAL_C_BUILDING)
#define PLANEVAL_API __declspec(dllexport)
#else
#define PLANEVAL_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define PLANEVAL_API __attribute__((visibility("default")))
#else
#define PLANEVAL_API
#endif
/* In C++ the enumerations have the underlying type int, so that any value a C caller passes is a
 * valid value (and is reported as a usage error), not undefined behaviour. */
#ifdef __cplusplus
#define PLANEVAL_ENUM_INT : int
#else
#define PLANEVAL_ENUM_INT
#endif
/** @endcond */

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What a call returned. The values are part of the ABI. */
typedef enum planeval_status PLANEVAL_ENUM_INT {
  PLANEVAL_OK = 0,             /**< success */
  PLANEVAL_ERROR_PARSE = 1,    /**< a target, observation, period, date or unit did not parse */
  PLANEVAL_ERROR_FORMAT = 2,   /**< a CSV, JSON or archive input is malformed */
  PLANEVAL_ERROR_MODEL = 3,    /**< the model is inconsistent (duplicate or unknown ids, …) */
  PLANEVAL_ERROR_IO = 4,       /**< a file could not be opened, read or written */
  PLANEVAL_ERROR_USAGE = 5,    /**< a NULL argument, an index out of range, a bad option */
  PLANEVAL_ERROR_MEMORY = 6,   /**< out of memory */
  PLANEVAL_ERROR_INTERNAL = 7, /**< any other failure (a bug: please report it) */
  PLANEVAL_ERROR_OTHER = 8     /**< another planeval error; its code says which */
} planeval_status;

/** @brief The outcome of assessing one target (docs/evaluation.md). Part of the ABI. */
typedef enum planeval_attainment PLANEVAL_ENUM_INT {
  PLANEVAL_MET = 0,             /**< the value meets the target */
  PLANEVAL_EXCEEDED = 1,        /**< beyond the better end of a target range */
  PLANEVAL_NOT_MET = 2,         /**< the value misses the target */
  PLANEVAL_UNDETERMINED = 3,    /**< a bound that neither proves nor refutes the target */
  PLANEVAL_NO_DATA = 4,         /**< no value, or not the values the measure needs */
  PLANEVAL_NEEDS_REFERENCE = 5, /**< the target names a reference that was not supplied */
  PLANEVAL_NEEDS_JUDGMENT = 6,  /**< a qualitative target without a recorded judgment */
  PLANEVAL_NO_TARGET = 7,       /**< no target was set */
  PLANEVAL_NEEDS_REVIEW = 8     /**< a target or value kept as text: check the source table */
} planeval_attainment;

/** @brief Language of reasons, narratives and reports. Part of the ABI. */
typedef enum planeval_language PLANEVAL_ENUM_INT {
  PLANEVAL_LANG_ZH = 0, /**< Chinese */
  PLANEVAL_LANG_EN = 1  /**< English */
} planeval_language;

/** @brief Holds the last error of the calls made with it. One per thread. */
typedef struct planeval_context planeval_context;
/** @brief A plan: indicators with targets, tasks, and its own observations and references. */
typedef struct planeval_plan planeval_plan;
/** @brief Actual values (observations) and reference values to evaluate a plan with. */
typedef struct planeval_observations planeval_observations;
/** @brief An evaluation: one assessment per target, and the plan it was made of. */
typedef struct planeval_result planeval_result;

/* ---- library ----------------------------------------------------------------------------- */

/**
 * @brief The library's version, e.g. `0.1.0` (of the library loaded, which may differ from the
 * PLANEVAL_VERSION_* macros a program was compiled with).
 * @return a static string.
 */
PLANEVAL_API const char* planeval_version(void);

/**
 * @brief Frees a string (or buffer) the library returned through a `char**` parameter.
 * @param p the string, or NULL (nothing happens)
 */
PLANEVAL_API void planeval_free(void* p);

/**
 * @brief Stable name of a status: `ok`, `parse`, `format`, `model`, `io`, `usage`, `memory`,
 * `internal`, `other`; `unknown` for a value outside the enumeration.
 * @param status the status
 * @return a static string.
 */
PLANEVAL_API const char* planeval_status_name(planeval_status status);

/**
 * @brief The status every function returns for an error code (`target.syntax` gives
 * PLANEVAL_ERROR_PARSE): it follows from the code alone, as Python's exception class does.
 * @param code a stable error code, as `planeval_context_error_code` gives it
 * @return the status; PLANEVAL_ERROR_OTHER for NULL or a code planeval does not define.
 */
PLANEVAL_API planeval_status planeval_error_code_status(const char* code);

/**
 * @brief Stable name of an attainment status: `met`, `exceeded`, `not_met`, `undetermined`,
 * `no_data`, `needs_reference`, `needs_judgment`, `no_target` (as in the JSON output and the
 * CLI); `unknown` for a value outside the enumeration.
 * @param attainment the attainment status
 * @return a static string.
 */
PLANEVAL_API const char* planeval_attainment_name(planeval_attainment attainment);

/* ---- context and errors ------------------------------------------------------------------ */

/**
 * @brief Creates a context.
 * @param out_context receives the context (destroy it with `planeval_context_destroy`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE when `out_context` is NULL, PLANEVAL_ERROR_MEMORY.
 */
PLANEVAL_API planeval_status planeval_context_new(planeval_context** out_context);

/**
 * @brief Destroys a context and sets `*context` to NULL.
 * @param context address of the handle; NULL or a NULL handle does nothing
 */
PLANEVAL_API void planeval_context_destroy(planeval_context** context);

/**
 * @brief Status of the last call made with the context (PLANEVAL_OK when it succeeded).
 * @param context the context, or NULL (gives PLANEVAL_OK)
 */
PLANEVAL_API planeval_status planeval_context_error_status(const planeval_context* context);

/**
 * @brief Stable code of the last error, e.g. `target.syntax`, `io.open`, `usage`
 * (the `errc` names of planeval/core/error.hpp, and `memory`, `internal`); the empty string when
 * the last call succeeded.
 * @param context the context, or NULL (gives the empty string)
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_code(const planeval_context* context);

/**
 * @brief Full message of the last error: `[planeval.<code>] <location>: <message>`; the empty
 * string when the last call succeeded.
 * @param context the context, or NULL (gives the empty string)
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_message(const planeval_context* context);

/**
 * @brief File of the last error's location; the empty string when unknown.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_file(const planeval_context* context);

/**
 * @brief 1-based line of the last error's location; 0 when unknown.
 * @param context the context, or NULL
 */
PLANEVAL_API size_t planeval_context_error_line(const planeval_context* context);

/**
 * @brief 1-based column (in characters) of the last error's location; 0 when unknown.
 * @param context the context, or NULL
 */
PLANEVAL_API size_t planeval_context_error_column(const planeval_context* context);

/**
 * @brief JSON pointer or field path of the last error (`/indicators/3/target`, `/tasks/2/due`);
 * the empty string when unknown.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_pointer(const planeval_context* context);

/**
 * @brief Indicator id the last error concerns; the empty string when none.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_indicator(const planeval_context* context);

/**
 * @brief Task id the last error concerns; the empty string when none.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_task(const planeval_context* context);

/**
 * @brief The offending piece of text of the last error; the empty string when none.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_fragment(const planeval_context* context);

/**
 * @brief Sheet name or table number of the last error in a table; the empty string when none.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_sheet(const planeval_context* context);

/**
 * @brief Spreadsheet reference (`C7`) of the table cell of the last error; the empty string
 * when none.
 * @param context the context, or NULL
 * @return a string owned by the context, valid until its next call.
 */
PLANEVAL_API const char* planeval_context_error_cell(const planeval_context* context);

/* ---- plans ------------------------------------------------------------------------------- */

/**
 * @brief Imports a plan table as published (CSV/TSV in UTF-8 or GB18030, HTML; docs/importing.md):
 * ids, kinds, polarities and attributes inferred, each with its reason; a cell that does not
 * parse is kept as text for review (its target evaluates to PLANEVAL_NEEDS_REVIEW) unless
 * `strict`.
 * @param context the context, or NULL
 * @param path the table file
 * @param overrides_path a CSV of corrections (`indicator,field,value`), or NULL
 * @param strict nonzero: fail at the first cell that does not parse (its cell in the location)
 * @param out_plan receives the plan (destroy it with `planeval_plan_destroy`)
 * @param results when not NULL, receives the results published in the table (all or nothing)
 * @param out_review_count when not NULL, receives the number of cells kept for review
 * @param lang `zh` or `en` (NULL: `zh`): the language of `out_report`
 * @param out_report when not NULL, receives the import report, one inference or cell per line
 *        (free it with `planeval_free`)
 * @return PLANEVAL_OK, or PLANEVAL_ERROR_IO, _FORMAT (`table.no_header`, `html.no_table`,
 *         `csv.encoding`), _PARSE (with `strict`), _USAGE (an override of an unknown field or
 *         indicator) with the location (file, sheet, cell).
 */
PLANEVAL_API planeval_status planeval_table_import(planeval_context* context, const char* path,
                                                   const char* overrides_path, int strict,
                                                   planeval_plan** out_plan,
                                                   planeval_observations* results,
                                                   size_t* out_review_count, const char* lang,
                                                   char** out_report);

/**
 * @brief Loads a plan file: `.json`, `.pvt`, `.pvx`, `.pvb` or a `.csv` plan table; any other
 * name is recognised by its content. The plan is checked.
 * @param context the context, or NULL
 * @param path the file
 * @param out_plan receives the plan (destroy it with `planeval_plan_destroy`)
 * @return PLANEVAL_OK, or PLANEVAL_ERROR_IO, _FORMAT, _PARSE, _MODEL with the location.
 */
PLANEVAL_API planeval_status planeval_plan_load(planeval_context* context, const char* path,
                                                planeval_plan** out_plan);

/**
 * @brief Loads a plan file in the given format, whatever its name.
 * @param context the context, or NULL
 * @param path the file
 * @param format `json`, `text`, `xml`, `binary` (archives) or `csv` (plan table)
 * @param out_plan receives the plan
 * @return as `planeval_plan_load`; PLANEVAL_ERROR_MODEL (`model.enum`) for an unknown format.
 */
PLANEVAL_API planeval_status planeval_plan_load_format(planeval_context* context, const char* path,
                                                       const char* format,
                                                       planeval_plan** out_plan);

/**
 * @brief Reads a plan from memory.
 * @param context the context, or NULL
 * @param data the content (a JSON plan file, an archive, or a CSV plan table)
 * @param size its size in bytes
 * @param format `json`, `text`, `xml`, `binary` or `csv`
 * @param out_plan receives the plan
 * @return as `planeval_plan_load_format`.
 */
PLANEVAL_API planeval_status planeval_plan_read(planeval_context* context, const char* data,
                                                size_t size, const char* format,
                                                planeval_plan** out_plan);

/**
 * @brief Saves a plan in the format its extension names (`.json`, `.pvt`, `.pvx`, `.pvb`),
 * atomically: a failed save leaves the previous file untouched.
 * @param context the context, or NULL
 * @param plan the plan
 * @param path the file
 * @return PLANEVAL_OK, PLANEVAL_ERROR_IO (`io.format` for another extension, `.csv` included:
 *         use `planeval_plan_save_format` with `csv`, which drops what a table cannot hold).
 */
PLANEVAL_API planeval_status planeval_plan_save(planeval_context* context,
                                                const planeval_plan* plan, const char* path);

/**
 * @brief Saves a plan in the given format, whatever the file's name, atomically.
 * @param context the context, or NULL
 * @param plan the plan
 * @param path the file
 * @param format `json`, `text`, `xml`, `binary`, or `csv` (a plan table: indicators and targets
 *        only)
 * @return as `planeval_plan_save`; PLANEVAL_ERROR_MODEL (`model.enum`) for an unknown format.
 */
PLANEVAL_API planeval_status planeval_plan_save_format(planeval_context* context,
                                                       const planeval_plan* plan, const char* path,
                                                       const char* format);

/**
 * @brief Writes a plan to memory.
 * @param context the context, or NULL
 * @param plan the plan
 * @param format `json` (canonical), `text`, `xml`, `binary` or `csv`
 * @param out_data receives the content, NUL-terminated (free it with `planeval_free`); binary
 *        archives contain NUL bytes, so use `out_size`
 * @param out_size receives the size in bytes without the final NUL; may be NULL
 * @return PLANEVAL_OK, PLANEVAL_ERROR_MODEL for what the format cannot hold or an unknown format.
 */
PLANEVAL_API planeval_status planeval_plan_write(planeval_context* context,
                                                 const planeval_plan* plan, const char* format,
                                                 char** out_data, size_t* out_size);

/**
 * @brief Replaces the plan's tasks with those of a task table (CSV, docs/tasks.md); linked
 * indicators must exist in the plan. On failure the plan is unchanged.
 * @param context the context, or NULL
 * @param plan the plan
 * @param path the task table
 * @return PLANEVAL_OK, or PLANEVAL_ERROR_IO, _FORMAT, _PARSE, _MODEL (`task.cycle` included).
 */
PLANEVAL_API planeval_status planeval_plan_load_tasks(planeval_context* context,
                                                      planeval_plan* plan, const char* path);

/**
 * @brief Destroys a plan and sets `*plan` to NULL. Results made from it stay valid.
 * @param plan address of the handle; NULL or a NULL handle does nothing
 */
PLANEVAL_API void planeval_plan_destroy(planeval_plan** plan);

/**
 * @brief The plan's id (`changning-2021`).
 * @param context the context, or NULL
 * @param plan the plan
 * @param out_id receives the id (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_plan_id(planeval_context* context, const planeval_plan* plan,
                                              char** out_id);

/**
 * @brief Number of indicators of the plan.
 * @param context the context, or NULL
 * @param plan the plan
 * @param out_count receives the count
 */
PLANEVAL_API planeval_status planeval_plan_indicator_count(planeval_context* context,
                                                           const planeval_plan* plan,
                                                           size_t* out_count);

/**
 * @brief The id of the indicator at `index` (document order).
 * @param context the context, or NULL
 * @param plan the plan
 * @param index 0 … count − 1
 * @param out_id receives the id (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE when the index is out of range.
 */
PLANEVAL_API planeval_status planeval_plan_indicator_id(planeval_context* context,
                                                        const planeval_plan* plan, size_t index,
                                                        char** out_id);

/**
 * @brief The name of the indicator at `index` in a language (falling back to the other
 * language, then to its id).
 * @param context the context, or NULL
 * @param plan the plan
 * @param index 0 … count − 1
 * @param language PLANEVAL_LANG_ZH or PLANEVAL_LANG_EN
 * @param out_name receives the name (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE for an index out of range or a bad language.
 */
PLANEVAL_API planeval_status planeval_plan_indicator_name(planeval_context* context,
                                                          const planeval_plan* plan, size_t index,
                                                          planeval_language language,
                                                          char** out_name);

/**
 * @brief Number of tasks of the plan (areas, tasks and sub-tasks).
 * @param context the context, or NULL
 * @param plan the plan
 * @param out_count receives the count
 */
PLANEVAL_API planeval_status planeval_plan_task_count(planeval_context* context,
                                                      const planeval_plan* plan, size_t* out_count);

/* ---- target language --------------------------------------------------------------------- */

/**
 * @brief Parses a target text and gives what `planeval parse-target` prints: `{"text",
 * "canonical", "canonical_en", "rule": {"op", "measure", …}}` on one line.
 * @param context the context, or NULL
 * @param text the target text (`5-10`, `3左右`, `完成市下达指标`)
 * @param out_json receives the JSON (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_PARSE with the column and fragment.
 */
PLANEVAL_API planeval_status planeval_target_parse(planeval_context* context, const char* text,
                                                   char** out_json);

/* ---- observations and references --------------------------------------------------------- */

/**
 * @brief Creates an empty set of observations and references.
 * @param context the context, or NULL
 * @param out_observations receives the set (destroy it with `planeval_observations_destroy`)
 */
PLANEVAL_API planeval_status planeval_observations_new(planeval_context* context,
                                                       planeval_observations** out_observations);

/**
 * @brief Destroys a set of observations and sets `*observations` to NULL.
 * @param observations address of the handle; NULL or a NULL handle does nothing
 */
PLANEVAL_API void planeval_observations_destroy(planeval_observations** observations);

/**
 * @brief Adds an actual value written in the target language, as a row of an actuals CSV.
 * @param context the context, or NULL
 * @param observations the set
 * @param indicator indicator id
 * @param period `2021`, `2021-Q3`, `2021-09`, `2016/2020`
 * @param value `7.05%`, `增长8.1%`, `84以上`, `8%左右` (flag E), `达标`, `新开工116`; blank is
 *        missing
 * @param flags SDMX observation-status codes (`E`, `P`, `EP`), or NULL / empty
 * @return PLANEVAL_OK, PLANEVAL_ERROR_PARSE (period, value), PLANEVAL_ERROR_MODEL (a bad flag,
 *         `model.duplicate` when the indicator already has a value of that measure for the
 *         period).
 */
PLANEVAL_API planeval_status planeval_observations_add(planeval_context* context,
                                                       planeval_observations* observations,
                                                       const char* indicator, const char* period,
                                                       const char* value, const char* flags);

/**
 * @brief Adds a reference value (the city target, an assigned quota) a target may name.
 * @param context the context, or NULL
 * @param observations the set
 * @param indicator indicator id
 * @param period the period it applies to
 * @param value a number with an optional unit (`6`, `3.5%`, `6000人`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_PARSE, PLANEVAL_ERROR_MODEL (not a number, or
 *         `model.duplicate`).
 */
PLANEVAL_API planeval_status
planeval_observations_add_reference(planeval_context* context, planeval_observations* observations,
                                    const char* indicator, const char* period, const char* value);

/**
 * @brief Adds the actuals of a CSV file (`indicator,period,value[,flags][,note]`). All or
 * nothing: on failure the set is unchanged.
 * @param context the context, or NULL
 * @param observations the set
 * @param path the file
 * @param plan when not NULL, indicator ids must exist in this plan
 * @return PLANEVAL_OK, or PLANEVAL_ERROR_IO, _FORMAT, _PARSE, _MODEL (`model.duplicate` for a
 *         value the set already has) with file, line and column.
 */
PLANEVAL_API planeval_status planeval_observations_load_actuals(planeval_context* context,
                                                                planeval_observations* observations,
                                                                const char* path,
                                                                const planeval_plan* plan);

/**
 * @brief Adds the references of a CSV file (`indicator,period,value[,note]`). All or nothing.
 * @param context the context, or NULL
 * @param observations the set
 * @param path the file
 * @param plan when not NULL, indicator ids must exist in this plan
 * @return as `planeval_observations_load_actuals`.
 */
PLANEVAL_API planeval_status planeval_observations_load_references(
    planeval_context* context, planeval_observations* observations, const char* path,
    const planeval_plan* plan);

/**
 * @brief Number of actual values and of references in the set.
 * @param context the context, or NULL
 * @param observations the set
 * @param out_actuals receives the number of actual values; may be NULL
 * @param out_references receives the number of references; may be NULL
 */
PLANEVAL_API planeval_status planeval_observations_count(planeval_context* context,
                                                         const planeval_observations* observations,
                                                         size_t* out_actuals,
                                                         size_t* out_references);

/* ---- evaluation -------------------------------------------------------------------------- */

/**
 * @brief Evaluates every target of the plan (docs/evaluation.md). Values and references are
 * looked up in `observations` first, then in the plan's own.
 * @param context the context, or NULL
 * @param plan the plan (the result keeps its own reference to it)
 * @param observations actual and reference values, or NULL for the plan's own only
 * @param as_of `YYYY-MM-DD`: ignore observations of later periods and mark targets whose period
 *        has not ended as in progress; NULL for no cut-off
 * @param period evaluate only the targets of this period (`2021`); NULL for all
 * @param out_result receives the evaluation (destroy it with `planeval_result_destroy`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_PARSE (`date.syntax`, `period.syntax`),
 *         PLANEVAL_ERROR_MODEL (a unit that does not convert; `model.unknown_id` at the value's
 *         position, e.g. `actuals[3]`, for an indicator id the plan does not have).
 */
PLANEVAL_API planeval_status planeval_plan_evaluate(planeval_context* context,
                                                    const planeval_plan* plan,
                                                    const planeval_observations* observations,
                                                    const char* as_of, const char* period,
                                                    planeval_result** out_result);

/**
 * @brief Destroys an evaluation and sets `*result` to NULL.
 * @param result address of the handle; NULL or a NULL handle does nothing
 */
PLANEVAL_API void planeval_result_destroy(planeval_result** result);

/**
 * @brief Number of assessments (one per target, in indicator order, then target order).
 * @param context the context, or NULL
 * @param result the evaluation
 * @param out_count receives the count
 */
PLANEVAL_API planeval_status planeval_result_count(planeval_context* context,
                                                   const planeval_result* result,
                                                   size_t* out_count);

/**
 * @brief The indicator id of an assessment.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_indicator receives the id (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE when the index is out of range.
 */
PLANEVAL_API planeval_status planeval_result_indicator(planeval_context* context,
                                                       const planeval_result* result, size_t index,
                                                       char** out_indicator);

/**
 * @brief The period of an assessment (`2021`).
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_period receives the period (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_period(planeval_context* context,
                                                    const planeval_result* result, size_t index,
                                                    char** out_period);

/**
 * @brief The status of an assessment.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_status receives the status
 */
PLANEVAL_API planeval_status planeval_result_status(planeval_context* context,
                                                    const planeval_result* result, size_t index,
                                                    planeval_attainment* out_status);

/**
 * @brief The target of an assessment as published (`3左右`); empty when there is none.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_target receives the text (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_target(planeval_context* context,
                                                    const planeval_result* result, size_t index,
                                                    char** out_target);

/**
 * @brief The actual value of an assessment as written (`7.05%`, `84以上`); empty when none.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_actual receives the text (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_actual(planeval_context* context,
                                                    const planeval_result* result, size_t index,
                                                    char** out_actual);

/**
 * @brief The gap of an assessment: actual − threshold, in the gap's unit (percentage points for
 * percents), positive or negative as the numbers fall.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_gap receives the gap (unchanged when there is none)
 * @param out_has_gap receives 1 when the assessment has a gap, 0 otherwise
 */
PLANEVAL_API planeval_status planeval_result_gap(planeval_context* context,
                                                 const planeval_result* result, size_t index,
                                                 double* out_gap, int* out_has_gap);

/**
 * @brief The unit of an assessment's gap (`个百分点`, `万平方米`); empty when there is none.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_unit receives the unit (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_gap_unit(planeval_context* context,
                                                      const planeval_result* result, size_t index,
                                                      char** out_unit);

/**
 * @brief The achievement degree of an assessment (1 = exactly the target, docs/evaluation.md).
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param out_achievement receives the degree (unchanged when there is none)
 * @param out_has_achievement receives 1 when there is one, 0 otherwise
 */
PLANEVAL_API planeval_status planeval_result_achievement(planeval_context* context,
                                                         const planeval_result* result,
                                                         size_t index, double* out_achievement,
                                                         int* out_has_achievement);

/**
 * @brief Why an assessment has its status, in a language.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param language PLANEVAL_LANG_ZH or PLANEVAL_LANG_EN
 * @param out_reason receives the reason (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE for an index out of range or a bad language.
 */
PLANEVAL_API planeval_status planeval_result_reason(planeval_context* context,
                                                    const planeval_result* result, size_t index,
                                                    planeval_language language, char** out_reason);

/**
 * @brief Number of fields of an assessment: the keys of an assessment in the JSON output
 * (`planeval_result_to_json`), which Python's `to_dict` has too.
 * @return the number of fields (the same for every assessment).
 */
PLANEVAL_API size_t planeval_assessment_field_count(void);

/**
 * @brief Name of a field of an assessment, in the order of the JSON output: `indicator`, `name`,
 * `period`, `status`, `status_label`, `target`, … `reason_en`.
 * @param field 0 … `planeval_assessment_field_count()` − 1
 * @return a static string, or NULL when `field` is out of range.
 */
PLANEVAL_API const char* planeval_assessment_field_name(size_t field);

/**
 * @brief A field of an assessment by its name, as text: a text as is, a number in its shortest
 * form (`6120`, `0.8`), a boolean as `true` or `false`; the value JSON has for that key.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param index 0 … count − 1
 * @param field a name from `planeval_assessment_field_name`
 * @param language PLANEVAL_LANG_ZH or PLANEVAL_LANG_EN (of `name`, `status_label`, `reason`)
 * @param out_text receives the text (free it with `planeval_free`); NULL when the field is null
 * @param out_present receives 1 when the field has a value, 0 when it is null (JSON `null`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE for an index out of range, an unknown field or a bad
 *         language.
 */
PLANEVAL_API planeval_status planeval_result_field(planeval_context* context,
                                                   const planeval_result* result, size_t index,
                                                   const char* field, planeval_language language,
                                                   char** out_text, int* out_present);

/**
 * @brief How many assessments have a status.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param status the status counted
 * @param out_count receives the count
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE for a status outside the enumeration.
 */
PLANEVAL_API planeval_status planeval_result_count_status(planeval_context* context,
                                                          const planeval_result* result,
                                                          planeval_attainment status,
                                                          size_t* out_count);

/**
 * @brief The summary paragraph in the register of plan reports ("2021年共涉及25个指标,…").
 * @param context the context, or NULL
 * @param result the evaluation
 * @param language PLANEVAL_LANG_ZH or PLANEVAL_LANG_EN
 * @param out_narrative receives the paragraph (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_narrative(planeval_context* context,
                                                       const planeval_result* result,
                                                       planeval_language language,
                                                       char** out_narrative);

/**
 * @brief The whole evaluation as JSON, as `planeval evaluate --format json` prints it:
 * `{"plan", "as_of", "assessments": [...], "summary": {...}}`.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param language language of names, reasons and the narrative
 * @param out_json receives the JSON (free it with `planeval_free`)
 */
PLANEVAL_API planeval_status planeval_result_to_json(planeval_context* context,
                                                     const planeval_result* result,
                                                     planeval_language language, char** out_json);

/**
 * @brief Saves the evaluation as an Excel workbook (.xlsx), as `planeval evaluate --format xlsx
 * -o` writes it: an assessments sheet (statuses filled with the report's colours, numbers as
 * numbers, the header frozen) and a summary sheet (counts by status, category and attribute;
 * the narrative). The file is replaced atomically: a failure leaves it as it was.
 * @param context the context, or NULL
 * @param result the evaluation
 * @param language language of headings, names, labels and reasons
 * @param path the file written (UTF-8)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE (NULL path), PLANEVAL_ERROR_IO (`io.open`,
 *         `io.write`).
 */
PLANEVAL_API planeval_status planeval_result_save_workbook(planeval_context* context,
                                                           const planeval_result* result,
                                                           planeval_language language,
                                                           const char* path);

/* ---- tasks ------------------------------------------------------------------------------- */

/**
 * @brief Evaluates the plan's tasks as of a date and gives the JSON `planeval tasks --format
 * json` prints: each task's state, areas rolled up, deliverables, the indicators the tasks serve
 * with their attainment, and the narrative (docs/tasks.md), for the areas whose dates overlap the
 * plan's period (as `planeval tasks` and `planeval report` without `--period`).
 * @param context the context, or NULL
 * @param plan the plan (with tasks: from its file or `planeval_plan_load_tasks`)
 * @param observations actual and reference values for the indicators, or NULL
 * @param as_of `YYYY-MM-DD` (required)
 * @param language language of titles, reasons and the narrative
 * @param out_json receives the JSON (free it with `planeval_free`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE (NULL date), PLANEVAL_ERROR_PARSE (`date.syntax`),
 *         PLANEVAL_ERROR_MODEL (the tasks break an invariant; `model.unknown_id` for a value
 *         whose indicator the plan does not have).
 */
PLANEVAL_API planeval_status planeval_plan_evaluate_tasks(
    planeval_context* context, const planeval_plan* plan, const planeval_observations* observations,
    const char* as_of, planeval_language language, char** out_json);

#ifdef __cplusplus
}
#endif

/* many units at once: planeval_batch_* */
#include "planeval_batch.h"

#endif /* PLANEVAL_PLANEVAL_H */
