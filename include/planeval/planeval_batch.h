#ifndef PLANEVAL_PLANEVAL_BATCH_H
#define PLANEVAL_PLANEVAL_BATCH_H
/**
 * @file planeval_batch.h
 * @brief The C API's batch evaluation of many units (`planeval_batch_*`), included by
 *        planeval.h: a store from the caller's array, targets, evaluation, codes and counts.
 */
#include "planeval.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- many units at once ------------------------------------------------------------------ */

/** @brief A batch evaluation of units × indicators × periods (`planeval_batch_evaluate`). */
typedef struct planeval_batch planeval_batch;

/**
 * @brief Evaluates many units at once: `values` holds units × indicators × periods doubles in C
 * order (`values[(unit * indicators + indicator) * periods + period]`, NaN for missing), judged
 * by each indicator's target (the plan period's, else its first) for every period, with the
 * statuses and gaps `planeval_plan_evaluate` gives. The array is read during the call only.
 * @param context the context, or NULL
 * @param plan the plan
 * @param values the values (read, not kept)
 * @param units number of units
 * @param indicators number of indicators
 * @param periods number of periods
 * @param unit_ids `units` unit ids
 * @param indicator_ids `indicators` ids of the plan's indicators
 * @param period_texts `periods` periods (`2021`, `2021-09`, `2021-Q3`)
 * @param references each unit's reference values, units × indicators in C order (NaN where
 *        none), or NULL
 * @param threads worker threads (0: all cores)
 * @param out_batch receives the batch (destroy it with `planeval_batch_destroy`)
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE (NULL arrays, no units), PLANEVAL_ERROR_PARSE
 *         (`period.syntax`), PLANEVAL_ERROR_MODEL (`model.unknown_id` for an indicator the plan
 *         does not have, `model.duplicate` for a repeated id or period).
 */
PLANEVAL_API planeval_status planeval_batch_evaluate(
    planeval_context* context, const planeval_plan* plan, const double* values, size_t units,
    size_t indicators, size_t periods, const char* const* unit_ids,
    const char* const* indicator_ids, const char* const* period_texts, const double* references,
    unsigned threads, planeval_batch** out_batch);

/**
 * @brief `planeval_batch_evaluate` with each unit's own targets: `unit_targets` holds units ×
 * indicators target texts in C order (`unit_targets[unit * indicators + indicator]`, e.g.
 * `97以上`, `增长6.5%左右`); NULL or an empty text keeps the plan's target. Each replaces the
 * plan's target of that indicator for that unit, with the statuses `planeval_plan_evaluate`
 * gives on a plan holding it.
 * @param context the context, or NULL
 * @param plan the plan
 * @param values the values (read, not kept)
 * @param units number of units
 * @param indicators number of indicators
 * @param periods number of periods
 * @param unit_ids `units` unit ids
 * @param indicator_ids `indicators` ids of the plan's indicators
 * @param period_texts `periods` periods
 * @param references each unit's reference values (units × indicators), or NULL
 * @param unit_targets units × indicators target texts (UTF-8), or NULL
 * @param threads worker threads (0: all cores)
 * @param out_batch receives the batch (destroy it with `planeval_batch_destroy`)
 * @return as `planeval_batch_evaluate`; PLANEVAL_ERROR_PARSE (`target.*`) for a target text
 *         that does not parse, its location naming the unit and indicator.
 */
PLANEVAL_API planeval_status planeval_batch_evaluate_targets(
    planeval_context* context, const planeval_plan* plan, const double* values, size_t units,
    size_t indicators, size_t periods, const char* const* unit_ids,
    const char* const* indicator_ids, const char* const* period_texts, const double* references,
    const char* const* unit_targets, unsigned threads, planeval_batch** out_batch);

/**
 * @brief Destroys a batch and sets `*batch` to NULL.
 * @param batch address of the handle; NULL or a NULL handle does nothing
 */
PLANEVAL_API void planeval_batch_destroy(planeval_batch** batch);

/**
 * @brief Every status, in the C order of the values (`planeval_attainment` codes, one byte each).
 * @param context the context, or NULL
 * @param batch the batch
 * @param out_codes receives units × indicators × periods bytes
 * @param size the size of `out_codes` in bytes
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE when `size` is not units × indicators × periods.
 */
PLANEVAL_API planeval_status planeval_batch_codes(planeval_context* context,
                                                  const planeval_batch* batch,
                                                  unsigned char* out_codes, size_t size);

/**
 * @brief Every gap (actual − threshold in the comparison unit; NaN where none), in the C order
 * of the values.
 * @param context the context, or NULL
 * @param batch the batch
 * @param out_gaps receives units × indicators × periods doubles
 * @param size the number of doubles `out_gaps` holds
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE when `size` is not units × indicators × periods.
 */
PLANEVAL_API planeval_status planeval_batch_gaps(planeval_context* context,
                                                 const planeval_batch* batch, double* out_gaps,
                                                 size_t size);

/**
 * @brief How many cells of one unit (or of all units) have a status.
 * @param context the context, or NULL
 * @param batch the batch
 * @param unit the unit's index, or `(size_t)-1` for every unit
 * @param status the status counted
 * @param out_count receives the count
 * @return PLANEVAL_OK, PLANEVAL_ERROR_USAGE for a unit or status out of range.
 */
PLANEVAL_API planeval_status planeval_batch_count_status(planeval_context* context,
                                                         const planeval_batch* batch, size_t unit,
                                                         planeval_attainment status,
                                                         size_t* out_count);

#ifdef __cplusplus
}
#endif

#endif /* PLANEVAL_PLANEVAL_BATCH_H */
