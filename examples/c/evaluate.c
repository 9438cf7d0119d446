/* Evaluate the Changning 2021 plan through the C API.
 * Usage: evaluate DATA_DIR [zh|en]
 * Prints one line per target (indicator, status, reason), then the summary paragraph. */
#include <planeval/planeval.h>
#include <stdio.h>
#include <string.h>

/* Prints the last error and returns 1 when `status` is not PLANEVAL_OK. */
static int failed(planeval_context* ctx, planeval_status status) {
  if (status == PLANEVAL_OK) return 0;
  fprintf(stderr, "%s\n", planeval_context_error_message(ctx));
  return 1;
}

int main(int argc, char** argv) {
  char path[1024];
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_observations* obs = NULL;
  planeval_result* result = NULL;
  planeval_language lang = PLANEVAL_LANG_ZH;
  size_t n = 0, i;
  char* text = NULL;
  int rc = 2;

  if (argc < 2) {
    fprintf(stderr, "usage: evaluate DATA_DIR [zh|en]\n");
    return 2;
  }
  if (argc > 2 && strcmp(argv[2], "en") == 0) lang = PLANEVAL_LANG_EN;
  if (planeval_context_new(&ctx) != PLANEVAL_OK) return 2;

  /* 1. The plan (any format: .csv table, .json, archives), its actuals and references. */
  snprintf(path, sizeof path, "%s/indicators.csv", argv[1]);
  if (failed(ctx, planeval_plan_load(ctx, path, &plan))) goto done;
  if (failed(ctx, planeval_observations_new(ctx, &obs))) goto done;
  snprintf(path, sizeof path, "%s/actuals-illustrative.csv", argv[1]);
  if (failed(ctx, planeval_observations_load_actuals(ctx, obs, path, plan))) goto done;
  snprintf(path, sizeof path, "%s/references-illustrative.csv", argv[1]);
  if (failed(ctx, planeval_observations_load_references(ctx, obs, path, plan))) goto done;

  /* 2. Evaluate (no as-of date, every period). */
  if (failed(ctx, planeval_plan_evaluate(ctx, plan, obs, NULL, NULL, &result))) goto done;

  /* 3. One line per assessment; strings the library returns are freed with planeval_free. */
  if (failed(ctx, planeval_result_count(ctx, result, &n))) goto done;
  for (i = 0; i < n; ++i) {
    planeval_attainment st;
    if (failed(ctx, planeval_result_indicator(ctx, result, i, &text))) goto done;
    printf("%s\t", text);
    planeval_free(text);
    if (failed(ctx, planeval_result_status(ctx, result, i, &st))) goto done;
    if (failed(ctx, planeval_result_reason(ctx, result, i, lang, &text))) goto done;
    printf("%s\t%s\n", planeval_attainment_name(st), text);
    planeval_free(text);
  }

  /* 4. The summary paragraph. */
  if (failed(ctx, planeval_result_narrative(ctx, result, lang, &text))) goto done;
  printf("\n%s\n", text);
  planeval_free(text);
  rc = 0;

done:
  planeval_result_destroy(&result);
  planeval_observations_destroy(&obs);
  planeval_plan_destroy(&plan);
  planeval_context_destroy(&ctx);
  return rc;
}
