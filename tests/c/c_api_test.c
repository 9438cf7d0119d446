/* Tests of the C API, written in C and linked with planeval_c only.
 * Usage: c_api_test GROUP DATA_DIR TMP_DIR   (GROUP: library, context, plans, target,
 *        observations, evaluate, tasks, import, null_context; or all)
 * Compiled as C99 with -Wall -Wextra -Werror -pedantic: it also checks that planeval.h is C99. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planeval/planeval.h"

static int checks = 0;
static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++checks;                                                                  \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

/* A call that must succeed; prints the context's error otherwise. */
#define OK(ctx, call)                                                                 \
  do {                                                                                \
    planeval_status ok_status_ = (call);                                              \
    ++checks;                                                                         \
    if (ok_status_ != PLANEVAL_OK) {                                                  \
      ++failures;                                                                     \
      fprintf(stderr, "%s:%d: %s failed: %s %s\n", __FILE__, __LINE__, #call,         \
              planeval_status_name(ok_status_), planeval_context_error_message(ctx)); \
    }                                                                                 \
  } while (0)

/* A call that must fail with this status and error code. */
#define FAILS(ctx, call, status, code)                                                        \
  do {                                                                                        \
    planeval_status fails_status_ = (call);                                                   \
    checks += 3;                                                                              \
    if (fails_status_ != (status)) {                                                          \
      ++failures;                                                                             \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call, \
              planeval_status_name(fails_status_), planeval_status_name(status),              \
              planeval_context_error_message(ctx));                                           \
    }                                                                                         \
    if (planeval_context_error_status(ctx) != (status)) {                                     \
      ++failures;                                                                             \
      fprintf(stderr, "%s:%d: the context kept status %s\n", __FILE__, __LINE__,              \
              planeval_status_name(planeval_context_error_status(ctx)));                      \
    }                                                                                         \
    if (strcmp(planeval_context_error_code(ctx), (code)) != 0) {                              \
      ++failures;                                                                             \
      fprintf(stderr, "%s:%d: %s gave code '%s', expected '%s'\n", __FILE__, __LINE__, #call, \
              planeval_context_error_code(ctx), (code));                                      \
    }                                                                                         \
  } while (0)

static const char* data_dir;
static const char* tmp_dir;

static void path_in(char* out, size_t size, const char* dir, const char* name) {
  snprintf(out, size, "%s/%s", dir, name);
}

static int contains(const char* text, const char* part) {
  return text != NULL && strstr(text, part) != NULL;
}

static void write_file(const char* path, const char* content) {
  FILE* f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "cannot write %s\n", path);
    exit(2);
  }
  fputs(content, f);
  fclose(f);
}

/* The seed plan table, its actuals and references. */
static planeval_plan* load_seed(planeval_context* ctx) {
  char path[1024];
  planeval_plan* plan = NULL;
  path_in(path, sizeof path, data_dir, "indicators.csv");
  OK(ctx, planeval_plan_load(ctx, path, &plan));
  return plan;
}

static planeval_observations* load_seed_observations(planeval_context* ctx,
                                                     const planeval_plan* plan) {
  char path[1024];
  planeval_observations* obs = NULL;
  OK(ctx, planeval_observations_new(ctx, &obs));
  path_in(path, sizeof path, data_dir, "actuals-illustrative.csv");
  OK(ctx, planeval_observations_load_actuals(ctx, obs, path, plan));
  path_in(path, sizeof path, data_dir, "references-illustrative.csv");
  OK(ctx, planeval_observations_load_references(ctx, obs, path, plan));
  return obs;
}

/* The index of an indicator's first assessment, or (size_t)-1. */
static size_t find_assessment(planeval_context* ctx, const planeval_result* r, const char* id) {
  size_t n = 0, i;
  OK(ctx, planeval_result_count(ctx, r, &n));
  for (i = 0; i < n; ++i) {
    char* got = NULL;
    int same;
    OK(ctx, planeval_result_indicator(ctx, r, i, &got));
    same = got != NULL && strcmp(got, id) == 0;
    planeval_free(got);
    if (same) return i;
  }
  return (size_t)-1;
}

static char* plan_json(planeval_context* ctx, const planeval_plan* plan) {
  char* json = NULL;
  OK(ctx, planeval_plan_write(ctx, plan, "json", &json, NULL));
  return json;
}

/* ---- library ---- */
static void test_error_codes(void);

static void test_library(void) {
  char expected[64];
  test_error_codes();
  snprintf(expected, sizeof expected, "%d.%d.%d", PLANEVAL_VERSION_MAJOR, PLANEVAL_VERSION_MINOR,
           PLANEVAL_VERSION_PATCH);
  CHECK(strcmp(planeval_version(), expected) == 0);
  planeval_free(NULL);
  CHECK(strcmp(planeval_status_name(PLANEVAL_OK), "ok") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_PARSE), "parse") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_FORMAT), "format") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_MODEL), "model") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_IO), "io") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_USAGE), "usage") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_MEMORY), "memory") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_INTERNAL), "internal") == 0);
  CHECK(strcmp(planeval_status_name(PLANEVAL_ERROR_OTHER), "other") == 0);
  CHECK(strcmp(planeval_status_name((planeval_status)99), "unknown") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_MET), "met") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_EXCEEDED), "exceeded") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NOT_MET), "not_met") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_UNDETERMINED), "undetermined") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NO_DATA), "no_data") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NEEDS_REFERENCE), "needs_reference") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NEEDS_JUDGMENT), "needs_judgment") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NO_TARGET), "no_target") == 0);
  CHECK(strcmp(planeval_attainment_name(PLANEVAL_NEEDS_REVIEW), "needs_review") == 0);
  CHECK(strcmp(planeval_attainment_name((planeval_attainment)9), "unknown") == 0);
  CHECK(strcmp(planeval_attainment_name((planeval_attainment)-1), "unknown") == 0);
}

/* ---- context ---- */
static void test_context(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  CHECK(planeval_context_new(NULL) == PLANEVAL_ERROR_USAGE);
  OK(ctx, planeval_context_new(&ctx));
  CHECK(ctx != NULL);
  CHECK(planeval_context_error_status(ctx) == PLANEVAL_OK);
  CHECK(strcmp(planeval_context_error_code(ctx), "") == 0);
  CHECK(strcmp(planeval_context_error_message(ctx), "") == 0);

  /* an error fills every field of the location it has ... */
  FAILS(ctx, planeval_plan_load(ctx, "/no/such/dir/plan.json", &plan), PLANEVAL_ERROR_IO,
        "io.open");
  CHECK(plan == NULL);
  CHECK(contains(planeval_context_error_message(ctx), "[planeval.io.open]"));
  CHECK(strcmp(planeval_context_error_file(ctx), "/no/such/dir/plan.json") == 0);
  CHECK(planeval_context_error_line(ctx) == 0);
  /* ... and the next successful call clears it */
  FAILS(ctx, planeval_observations_count(ctx, NULL, NULL, NULL), PLANEVAL_ERROR_USAGE, "usage");
  {
    planeval_observations* obs = NULL;
    OK(ctx, planeval_observations_new(ctx, &obs));
    CHECK(planeval_context_error_status(ctx) == PLANEVAL_OK);
    CHECK(strcmp(planeval_context_error_code(ctx), "") == 0);
    CHECK(strcmp(planeval_context_error_message(ctx), "") == 0);
    CHECK(strcmp(planeval_context_error_file(ctx), "") == 0);
    planeval_observations_destroy(&obs);
  }

  /* a NULL context reads as "no error" */
  CHECK(planeval_context_error_status(NULL) == PLANEVAL_OK);
  CHECK(strcmp(planeval_context_error_code(NULL), "") == 0);
  CHECK(strcmp(planeval_context_error_message(NULL), "") == 0);
  CHECK(strcmp(planeval_context_error_file(NULL), "") == 0);
  CHECK(planeval_context_error_line(NULL) == 0);
  CHECK(planeval_context_error_column(NULL) == 0);
  CHECK(strcmp(planeval_context_error_pointer(NULL), "") == 0);
  CHECK(strcmp(planeval_context_error_indicator(NULL), "") == 0);
  CHECK(strcmp(planeval_context_error_fragment(NULL), "") == 0);
  CHECK(strcmp(planeval_context_error_task(NULL), "") == 0);

  /* destroying twice, or NULL, is safe */
  planeval_context_destroy(&ctx);
  CHECK(ctx == NULL);
  planeval_context_destroy(&ctx);
  planeval_context_destroy(NULL);
}

/* ---- plans ---- */
static void test_plans(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_plan* again = NULL;
  char path[1024], path2[1024];
  char* text = NULL;
  char* json = NULL;
  char* json2 = NULL;
  size_t n = 0, size = 0;
  static const char* formats[] = {"json", "text", "xml", "binary", "csv"};
  static const char* extensions[] = {"plan.json", "plan.pvt", "plan.pvx", "plan.pvb"};
  size_t k;

  OK(ctx, planeval_context_new(&ctx));
  plan = load_seed(ctx);
  CHECK(plan != NULL);
  OK(ctx, planeval_plan_id(ctx, plan, &text));
  CHECK(strcmp(text, "indicators") == 0); /* a table's id is its file's stem */
  planeval_free(text);
  OK(ctx, planeval_plan_indicator_count(ctx, plan, &n));
  CHECK(n == 25);
  OK(ctx, planeval_plan_indicator_id(ctx, plan, 0, &text));
  CHECK(strcmp(text, "gdp_growth") == 0);
  planeval_free(text);
  OK(ctx, planeval_plan_indicator_id(ctx, plan, 24, &text));
  CHECK(strcmp(text, "social_worker_cert_rate") == 0);
  planeval_free(text);
  OK(ctx, planeval_plan_indicator_name(ctx, plan, 0, PLANEVAL_LANG_ZH, &text));
  CHECK(strcmp(text, "全区生产总值(GDP)增速") == 0);
  planeval_free(text);
  OK(ctx, planeval_plan_indicator_name(ctx, plan, 0, PLANEVAL_LANG_EN, &text));
  CHECK(strcmp(text, "Growth of district GDP") == 0);
  planeval_free(text);
  OK(ctx, planeval_plan_task_count(ctx, plan, &n));
  CHECK(n == 0);

  /* index out of range, bad language, NULL arguments */
  text = (char*)"not reset";
  FAILS(ctx, planeval_plan_indicator_id(ctx, plan, 25, &text), PLANEVAL_ERROR_USAGE, "usage");
  CHECK(text == NULL);
  CHECK(contains(planeval_context_error_message(ctx), "index 25 is out of range (25 indicators)"));
  FAILS(ctx, planeval_plan_indicator_name(ctx, plan, 25, PLANEVAL_LANG_EN, &text),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_indicator_name(ctx, plan, 0, (planeval_language)7, &text),
        PLANEVAL_ERROR_USAGE, "usage");
  CHECK(contains(planeval_context_error_message(ctx), "language 7"));
  FAILS(ctx, planeval_plan_indicator_count(ctx, NULL, &n), PLANEVAL_ERROR_USAGE, "usage");
  CHECK(contains(planeval_context_error_message(ctx), "argument 'plan' is NULL"));
  FAILS(ctx, planeval_plan_indicator_count(ctx, plan, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_indicator_id(ctx, plan, 0, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_id(ctx, NULL, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_task_count(ctx, NULL, &n), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_load(ctx, NULL, &again), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_load(ctx, "x.json", NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_save(ctx, NULL, "x.json"), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_save(ctx, plan, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_load_format(ctx, "x", NULL, &again), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_write(ctx, plan, "json", NULL, &size), PLANEVAL_ERROR_USAGE, "usage");

  /* every format round-trips through a file and through memory */
  json = plan_json(ctx, plan);
  CHECK(contains(json, "\"format\": \"planeval.plan\""));
  for (k = 0; k < sizeof extensions / sizeof *extensions; ++k) {
    path_in(path, sizeof path, tmp_dir, extensions[k]);
    OK(ctx, planeval_plan_save(ctx, plan, path));
    OK(ctx, planeval_plan_load(ctx, path, &again));
    json2 = plan_json(ctx, again);
    CHECK(json != NULL && json2 != NULL && strcmp(json, json2) == 0);
    planeval_free(json2);
    planeval_plan_destroy(&again);
    OK(ctx, planeval_plan_load_format(ctx, path, formats[k], &again));
    CHECK(again != NULL);
    planeval_plan_destroy(&again);
  }
  for (k = 0; k < sizeof formats / sizeof *formats; ++k) {
    char* data = NULL;
    OK(ctx, planeval_plan_write(ctx, plan, formats[k], &data, &size));
    CHECK(data != NULL && size > 0);
    OK(ctx, planeval_plan_read(ctx, data, size, formats[k], &again));
    json2 = plan_json(ctx, again);
    if (k < 4) CHECK(json != NULL && json2 != NULL && strcmp(json, json2) == 0);
    planeval_free(json2);
    planeval_free(data);
    planeval_plan_destroy(&again);
  }
  /* the plan table: written on request only (it cannot hold everything) */
  path_in(path, sizeof path, tmp_dir, "plan.csv");
  FAILS(ctx, planeval_plan_save(ctx, plan, path), PLANEVAL_ERROR_IO, "io.format");
  CHECK(strcmp(planeval_context_error_file(ctx), path) == 0);
  OK(ctx, planeval_plan_save_format(ctx, plan, path, "csv"));
  OK(ctx, planeval_plan_load(ctx, path, &again));
  OK(ctx, planeval_plan_indicator_count(ctx, again, &n));
  CHECK(n == 25);
  planeval_plan_destroy(&again);
  OK(ctx, planeval_plan_load_format(ctx, path, "csv", &again));
  planeval_plan_destroy(&again);
  path_in(path2, sizeof path2, tmp_dir, "plan-as-xml.data");
  OK(ctx, planeval_plan_save_format(ctx, plan, path2, "xml"));
  OK(ctx, planeval_plan_load(ctx, path2, &again)); /* recognised by its content */
  planeval_plan_destroy(&again);

  /* bad format names, bad paths, bad content */
  FAILS(ctx, planeval_plan_save_format(ctx, plan, path, "yaml"), PLANEVAL_ERROR_MODEL,
        "model.enum");
  CHECK(strcmp(planeval_context_error_fragment(ctx), "yaml") == 0);
  FAILS(ctx, planeval_plan_load_format(ctx, path, "pdf", &again), PLANEVAL_ERROR_MODEL,
        "model.enum");
  FAILS(ctx, planeval_plan_write(ctx, plan, "", &text, NULL), PLANEVAL_ERROR_MODEL, "model.enum");
  CHECK(text == NULL);
  FAILS(ctx, planeval_plan_read(ctx, "{}", 2, "toml", &again), PLANEVAL_ERROR_MODEL, "model.enum");
  FAILS(ctx, planeval_plan_read(ctx, NULL, 4, "json", &again), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_read(ctx, NULL, 0, "json", &again), PLANEVAL_ERROR_FORMAT,
        "json.syntax");
  FAILS(ctx, planeval_plan_load(ctx, "/no/such/plan.pvb", &again), PLANEVAL_ERROR_IO, "io.open");
  CHECK(again == NULL);
  path_in(path, sizeof path, tmp_dir, "no-dir/plan.json");
  FAILS(ctx, planeval_plan_save(ctx, plan, path), PLANEVAL_ERROR_IO, "io.open");
  path_in(path, sizeof path, tmp_dir, "broken.json");
  write_file(path, "{\n  \"format\": \"planeval.plan\",\n  \"version\": 1,\n  \"id\": \n}\n");
  FAILS(ctx, planeval_plan_load(ctx, path, &again), PLANEVAL_ERROR_FORMAT, "json.syntax");
  CHECK(strcmp(planeval_context_error_file(ctx), path) == 0);
  CHECK(planeval_context_error_line(ctx) == 5);
  CHECK(planeval_context_error_column(ctx) > 0);
  path_in(path, sizeof path, tmp_dir, "unknown-field.json");
  write_file(path,
             "{\"format\": \"planeval.plan\", \"version\": 1, \"id\": \"x\", \"period\": "
             "\"2021\", \"indicators\": [{\"id\": \"a\", \"colour\": \"red\"}]}");
  FAILS(ctx, planeval_plan_load(ctx, path, &again), PLANEVAL_ERROR_FORMAT, "json.unknown_field");
  CHECK(strcmp(planeval_context_error_pointer(ctx), "/indicators/0/colour") == 0);
  path_in(path, sizeof path, tmp_dir, "bad-target.csv");
  write_file(path, "id,target_period,target\ngdp,2021,5%%\n");
  FAILS(ctx, planeval_plan_load(ctx, path, &again), PLANEVAL_ERROR_PARSE, "target.syntax");
  CHECK(strcmp(planeval_context_error_indicator(ctx), "gdp") == 0);
  CHECK(planeval_context_error_line(ctx) == 2);
  path_in(path, sizeof path, tmp_dir, "garbage.pvb");
  write_file(path, "this is not an archive");
  FAILS(ctx, planeval_plan_load(ctx, path, &again), PLANEVAL_ERROR_FORMAT, "archive.corrupt");
  path_in(path, sizeof path, tmp_dir, "garbage.data");
  write_file(path, "neither JSON nor an archive");
  FAILS(ctx, planeval_plan_load(ctx, path, &again), PLANEVAL_ERROR_IO, "io.format");

  /* tasks: loaded into the plan, all or nothing */
  path_in(path, sizeof path, data_dir, "tasks.csv");
  OK(ctx, planeval_plan_load_tasks(ctx, plan, path));
  OK(ctx, planeval_plan_task_count(ctx, plan, &n));
  CHECK(n == 89);
  path_in(path, sizeof path, tmp_dir, "cycle.csv");
  write_file(path, "id,parent,depends_on\na,,\na.1,a,a.2\na.2,a,a.1\n");
  FAILS(ctx, planeval_plan_load_tasks(ctx, plan, path), PLANEVAL_ERROR_MODEL, "task.cycle");
  CHECK(strcmp(planeval_context_error_task(ctx), "") != 0);
  CHECK(strcmp(planeval_context_error_file(ctx), path) == 0);
  OK(ctx, planeval_plan_task_count(ctx, plan, &n));
  CHECK(n == 89);
  FAILS(ctx, planeval_plan_load_tasks(ctx, plan, "/no/such/tasks.csv"), PLANEVAL_ERROR_IO,
        "io.open");
  FAILS(ctx, planeval_plan_load_tasks(ctx, NULL, path), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_load_tasks(ctx, plan, NULL), PLANEVAL_ERROR_USAGE, "usage");
  /* tasks travel with the plan in every format */
  for (k = 0; k < sizeof extensions / sizeof *extensions; ++k) {
    path_in(path, sizeof path, tmp_dir, extensions[k]);
    OK(ctx, planeval_plan_save(ctx, plan, path));
    OK(ctx, planeval_plan_load(ctx, path, &again));
    OK(ctx, planeval_plan_task_count(ctx, again, &n));
    CHECK(n == 89);
    planeval_plan_destroy(&again);
  }

  planeval_free(json);
  planeval_plan_destroy(&plan);
  CHECK(plan == NULL);
  planeval_plan_destroy(&plan);
  planeval_plan_destroy(NULL);
  planeval_context_destroy(&ctx);
}

/* ---- target language ---- */
static void test_target(void) {
  planeval_context* ctx = NULL;
  char* json = NULL;
  OK(ctx, planeval_context_new(&ctx));
  OK(ctx, planeval_target_parse(ctx, "3左右", &json));
  CHECK(contains(json, "\"op\":\"about\""));
  CHECK(contains(json, "\"canonical_en\":\"about 3\""));
  planeval_free(json);
  OK(ctx, planeval_target_parse(ctx, "完成市下达指标", &json));
  CHECK(contains(json, "\"reference\":\"市下达指标\""));
  planeval_free(json);
  json = (char*)"not reset";
  FAILS(ctx, planeval_target_parse(ctx, "5-", &json), PLANEVAL_ERROR_PARSE, "target.syntax");
  CHECK(json == NULL);
  CHECK(planeval_context_error_column(ctx) == 3); /* expected a number after the '-' */
  CHECK(contains(planeval_context_error_message(ctx), "expected a number"));
  FAILS(ctx, planeval_target_parse(ctx, "  ", &json), PLANEVAL_ERROR_PARSE, "target.empty");
  FAILS(ctx, planeval_target_parse(ctx, "\xff\xfe", &json), PLANEVAL_ERROR_PARSE,
        "target.encoding");
  FAILS(ctx, planeval_target_parse(ctx, NULL, &json), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_target_parse(ctx, "5", NULL), PLANEVAL_ERROR_USAGE, "usage");
  planeval_context_destroy(&ctx);
}

/* ---- error codes: the status follows from the code ---- */
static void test_error_codes(void) {
  CHECK(planeval_error_code_status("target.syntax") == PLANEVAL_ERROR_PARSE);
  CHECK(planeval_error_code_status("limit.text_length") == PLANEVAL_ERROR_FORMAT);
  CHECK(planeval_error_code_status("limit.period") == PLANEVAL_ERROR_FORMAT);
  CHECK(planeval_error_code_status("model.unknown_id") == PLANEVAL_ERROR_MODEL);
  CHECK(planeval_error_code_status("task.cycle") == PLANEVAL_ERROR_MODEL);
  CHECK(planeval_error_code_status("io.open") == PLANEVAL_ERROR_IO);
  CHECK(planeval_error_code_status("usage") == PLANEVAL_ERROR_USAGE);
  CHECK(planeval_error_code_status("no.such_code") == PLANEVAL_ERROR_OTHER);
  CHECK(planeval_error_code_status(NULL) == PLANEVAL_ERROR_OTHER);
}

/* ---- observations and references ---- */
static void test_observations(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_observations* obs = NULL;
  size_t actuals = 0, references = 0;
  char path[1024];

  OK(ctx, planeval_context_new(&ctx));
  plan = load_seed(ctx);
  OK(ctx, planeval_observations_new(ctx, &obs));
  FAILS(ctx, planeval_observations_new(ctx, NULL), PLANEVAL_ERROR_USAGE, "usage");
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, &references));
  CHECK(actuals == 0 && references == 0);

  OK(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2021", "8.5", NULL));
  OK(ctx, planeval_observations_add(ctx, obs, "retail_sales_growth", "2021", "3%左右", ""));
  OK(ctx, planeval_observations_add(ctx, obs, "budget_revenue_growth", "2021-Q3", "增长5.8%", "P"));
  OK(ctx, planeval_observations_add(ctx, obs, "life_expectancy", "2021", "84以上", "E"));
  OK(ctx, planeval_observations_add(ctx, obs, "new_listed_companies", "2021", "", NULL));
  OK(ctx, planeval_observations_add_reference(ctx, obs, "gdp_growth", "2021", "6%"));
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, &references));
  CHECK(actuals == 5 && references == 1);
  OK(ctx, planeval_observations_count(ctx, obs, NULL, &references));
  CHECK(references == 1);

  /* bad period, value, flags, duplicates, NULL arguments */
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2021-Q5", "8", NULL),
        PLANEVAL_ERROR_PARSE, "period.range");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "last year", "8", NULL),
        PLANEVAL_ERROR_PARSE, "period.syntax");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2022", "8x%", NULL),
        PLANEVAL_ERROR_PARSE, "observation.syntax");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2022", "8", "Z"),
        PLANEVAL_ERROR_MODEL, "model.invalid");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2021", "9", NULL),
        PLANEVAL_ERROR_MODEL, "model.duplicate");
  CHECK(strcmp(planeval_context_error_indicator(ctx), "gdp_growth") == 0);
  FAILS(ctx, planeval_observations_add(ctx, obs, "", "2021", "9", NULL), PLANEVAL_ERROR_MODEL,
        "model.invalid");
  FAILS(ctx, planeval_observations_add(ctx, NULL, "gdp_growth", "2021", "9", NULL),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_observations_add(ctx, obs, NULL, "2021", "9", NULL), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", NULL, "9", NULL),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_observations_add(ctx, obs, "gdp_growth", "2021", NULL, NULL),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_observations_add_reference(ctx, obs, "gdp_growth", "2021", "84以上"),
        PLANEVAL_ERROR_MODEL, "model.invalid");
  FAILS(ctx, planeval_observations_add_reference(ctx, obs, "gdp_growth", "2021", "7"),
        PLANEVAL_ERROR_MODEL, "model.duplicate");
  FAILS(ctx, planeval_observations_add_reference(ctx, obs, "gdp_growth", "20x1", "7"),
        PLANEVAL_ERROR_PARSE, "period.syntax");
  FAILS(ctx, planeval_observations_add_reference(ctx, obs, "gdp_growth", "2022", "seven"),
        PLANEVAL_ERROR_PARSE, "observation.syntax");
  FAILS(ctx, planeval_observations_add_reference(ctx, NULL, "a", "2021", "7"), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_observations_add_reference(ctx, obs, "a", "2021", NULL), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_observations_count(ctx, NULL, &actuals, NULL), PLANEVAL_ERROR_USAGE, "usage");
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, &references));
  CHECK(actuals == 5 && references == 1); /* failed calls changed nothing */

  /* files: all or nothing */
  path_in(path, sizeof path, data_dir, "actuals-illustrative.csv");
  FAILS(ctx, planeval_observations_load_actuals(ctx, obs, path, plan), PLANEVAL_ERROR_MODEL,
        "model.duplicate");
  CHECK(strcmp(planeval_context_error_file(ctx), path) == 0);
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, NULL));
  CHECK(actuals == 5);
  planeval_observations_destroy(&obs);
  OK(ctx, planeval_observations_new(ctx, &obs));
  OK(ctx, planeval_observations_load_actuals(ctx, obs, path, plan));
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, NULL));
  CHECK(actuals == 24);
  path_in(path, sizeof path, data_dir, "references-illustrative.csv");
  OK(ctx, planeval_observations_load_references(ctx, obs, path, NULL));
  FAILS(ctx, planeval_observations_load_references(ctx, obs, path, plan), PLANEVAL_ERROR_MODEL,
        "model.duplicate");
  OK(ctx, planeval_observations_count(ctx, obs, NULL, &references));
  CHECK(references == 3);
  path_in(path, sizeof path, tmp_dir, "unknown-indicator.csv");
  write_file(path, "indicator,period,value\nno_such_indicator,2021,5\n");
  FAILS(ctx, planeval_observations_load_actuals(ctx, obs, path, plan), PLANEVAL_ERROR_MODEL,
        "model.unknown_id");
  CHECK(planeval_context_error_line(ctx) == 2);
  path_in(path, sizeof path, tmp_dir, "bad-header.csv");
  write_file(path, "indicator,when,value\na,2021,5\n");
  FAILS(ctx, planeval_observations_load_actuals(ctx, obs, path, NULL), PLANEVAL_ERROR_FORMAT,
        "csv.header");
  FAILS(ctx, planeval_observations_load_references(ctx, obs, path, NULL), PLANEVAL_ERROR_FORMAT,
        "csv.header");
  path_in(path, sizeof path, tmp_dir, "bad-value.csv");
  write_file(path, "indicator,period,value\ngdp_growth,2022,5x%\n");
  FAILS(ctx, planeval_observations_load_actuals(ctx, obs, path, plan), PLANEVAL_ERROR_PARSE,
        "observation.syntax");
  CHECK(strcmp(planeval_context_error_indicator(ctx), "gdp_growth") == 0);
  CHECK(planeval_context_error_column(ctx) > 0);
  FAILS(ctx, planeval_observations_load_actuals(ctx, obs, "/no/such.csv", NULL), PLANEVAL_ERROR_IO,
        "io.open");
  FAILS(ctx, planeval_observations_load_references(ctx, obs, "/no/such.csv", NULL),
        PLANEVAL_ERROR_IO, "io.open");
  FAILS(ctx, planeval_observations_load_actuals(ctx, NULL, path, NULL), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_observations_load_references(ctx, obs, NULL, NULL), PLANEVAL_ERROR_USAGE,
        "usage");
  OK(ctx, planeval_observations_count(ctx, obs, &actuals, &references));
  CHECK(actuals == 24 && references == 3);

  /* a misspelled id is rejected when the values meet the plan, located at its position */
  {
    static const char* const misspelled[] = {"gpd_growth", "GDP_GROWTH", "gdp_growth "};
    size_t k;
    for (k = 0; k < sizeof misspelled / sizeof misspelled[0]; ++k) {
      planeval_observations* typo = NULL;
      planeval_result* result = NULL;
      OK(ctx, planeval_observations_new(ctx, &typo));
      OK(ctx, planeval_observations_add(ctx, typo, "budget_revenue_growth", "2021", "5.8", NULL));
      OK(ctx, planeval_observations_add(ctx, typo, misspelled[k], "2021", "8.5", NULL));
      FAILS(ctx, planeval_plan_evaluate(ctx, plan, typo, NULL, NULL, &result), PLANEVAL_ERROR_MODEL,
            "model.unknown_id");
      CHECK(result == NULL);
      CHECK(strcmp(planeval_context_error_pointer(ctx), "actuals[1]") == 0);
      CHECK(strcmp(planeval_context_error_indicator(ctx), misspelled[k]) == 0);
      planeval_observations_destroy(&typo);
    }
  }
  {
    planeval_observations* typo = NULL;
    char* json = NULL;
    OK(ctx, planeval_observations_new(ctx, &typo));
    OK(ctx, planeval_observations_add_reference(ctx, typo, "work_safety_death", "2021", "0.015"));
    FAILS(ctx, planeval_plan_evaluate_tasks(ctx, plan, typo, "2021-09-30", PLANEVAL_LANG_EN, &json),
          PLANEVAL_ERROR_MODEL, "model.unknown_id");
    CHECK(strcmp(planeval_context_error_pointer(ctx), "references[0]") == 0);
    planeval_observations_destroy(&typo);
  }

  planeval_observations_destroy(&obs);
  CHECK(obs == NULL);
  planeval_observations_destroy(&obs);
  planeval_observations_destroy(NULL);
  planeval_plan_destroy(&plan);
  planeval_context_destroy(&ctx);
}

/* ---- evaluation ---- */
static void test_evaluate(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_observations* obs = NULL;
  planeval_result* result = NULL;
  planeval_result* other = NULL;
  planeval_attainment st;
  size_t n = 0, i, total = 0, count = 0;
  double value = -1.0;
  int has = -1;
  char* text = NULL;
  int s;

  OK(ctx, planeval_context_new(&ctx));
  plan = load_seed(ctx);
  obs = load_seed_observations(ctx, plan);
  OK(ctx, planeval_plan_evaluate(ctx, plan, obs, NULL, NULL, &result));
  OK(ctx, planeval_result_count(ctx, result, &n));
  CHECK(n == 25);

  /* by index: budget revenue growth 5.8 against 5 is met, 0.8 points above */
  i = find_assessment(ctx, result, "budget_revenue_growth");
  CHECK(i == 1);
  OK(ctx, planeval_result_status(ctx, result, i, &st));
  CHECK(st == PLANEVAL_MET);
  OK(ctx, planeval_result_period(ctx, result, i, &text));
  CHECK(strcmp(text, "2021") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_target(ctx, result, i, &text));
  CHECK(strcmp(text, "5") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_actual(ctx, result, i, &text));
  CHECK(strcmp(text, "5.8") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_gap(ctx, result, i, &value, &has));
  CHECK(has == 1 && fabs(value - 0.8) < 1e-9);
  OK(ctx, planeval_result_gap_unit(ctx, result, i, &text));
  CHECK(strcmp(text, "个百分点") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_achievement(ctx, result, i, &value, &has));
  CHECK(has == 0); /* growth rates are judged by the gap in points, not a ratio */
  OK(ctx, planeval_result_reason(ctx, result, i, PLANEVAL_LANG_EN, &text));
  CHECK(contains(text, "actual 5.8 meets the target '5'"));
  planeval_free(text);
  OK(ctx, planeval_result_reason(ctx, result, i, PLANEVAL_LANG_ZH, &text));
  CHECK(contains(text, "5.8"));
  planeval_free(text);

  /* the fields of the JSON output, by name, in its order */
  CHECK(planeval_assessment_field_count() == 23);
  CHECK(strcmp(planeval_assessment_field_name(0), "indicator") == 0);
  CHECK(strcmp(planeval_assessment_field_name(13), "unit") == 0);
  CHECK(strcmp(planeval_assessment_field_name(22), "source") == 0);
  CHECK(planeval_assessment_field_name(23) == NULL);
  OK(ctx, planeval_result_field(ctx, result, i, "unit", PLANEVAL_LANG_EN, &text, &has));
  CHECK(has == 1 && strcmp(text, "%") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_field(ctx, result, i, "gap", PLANEVAL_LANG_EN, &text, &has));
  CHECK(has == 1 && fabs(strtod(text, NULL) - 0.8) < 1e-9);
  planeval_free(text);
  OK(ctx, planeval_result_field(ctx, result, i, "achievement", PLANEVAL_LANG_EN, &text, &has));
  CHECK(has == 0 && text == NULL);
  OK(ctx, planeval_result_field(ctx, result, i, "in_progress", PLANEVAL_LANG_EN, &text, &has));
  CHECK(has == 1 && strcmp(text, "false") == 0);
  planeval_free(text);
  OK(ctx, planeval_result_field(ctx, result, i, "status_label", PLANEVAL_LANG_EN, &text, &has));
  CHECK(has == 1 && strlen(text) > 0);
  planeval_free(text);
  FAILS(ctx, planeval_result_field(ctx, result, i, "value_unit", PLANEVAL_LANG_EN, &text, &has),
        PLANEVAL_ERROR_USAGE, "usage");

  /* a level: 6120 yuan/m² against 6000 is an achievement of 1.02 */
  i = find_assessment(ctx, result, "building_tax_per_m2");
  OK(ctx, planeval_result_achievement(ctx, result, i, &value, &has));
  CHECK(has == 1 && fabs(value - 6120.0 / 6000.0) < 1e-9);
  OK(ctx, planeval_result_gap(ctx, result, i, &value, &has));
  CHECK(has == 1 && fabs(value - 120.0) < 1e-9);
  OK(ctx, planeval_result_gap_unit(ctx, result, i, &text));
  CHECK(strcmp(text, "元/平方米") == 0);
  planeval_free(text);

  /* a status without numbers: no gap, no achievement */
  i = find_assessment(ctx, result, "household_waste_reduction");
  OK(ctx, planeval_result_status(ctx, result, i, &st));
  CHECK(st == PLANEVAL_NO_TARGET);
  value = 42.0;
  OK(ctx, planeval_result_gap(ctx, result, i, &value, &has));
  CHECK(has == 0 && value == 42.0);
  OK(ctx, planeval_result_achievement(ctx, result, i, &value, &has));
  CHECK(has == 0);
  OK(ctx, planeval_result_gap_unit(ctx, result, i, &text));
  CHECK(strcmp(text, "") == 0);
  planeval_free(text);
  i = find_assessment(ctx, result, "energy_intensity_reduction");
  OK(ctx, planeval_result_status(ctx, result, i, &st));
  CHECK(st == PLANEVAL_NOT_MET); /* against the quota among the references */

  /* counts by status add up */
  for (s = PLANEVAL_MET; s <= PLANEVAL_NO_TARGET; ++s) {
    OK(ctx, planeval_result_count_status(ctx, result, (planeval_attainment)s, &count));
    total += count;
  }
  CHECK(total == n);
  OK(ctx, planeval_result_count_status(ctx, result, PLANEVAL_NOT_MET, &count));
  CHECK(count == 5);
  FAILS(ctx, planeval_result_count_status(ctx, result, (planeval_attainment)9, &count),
        PLANEVAL_ERROR_USAGE, "usage");

  /* the summary and the whole evaluation */
  OK(ctx, planeval_result_narrative(ctx, result, PLANEVAL_LANG_ZH, &text));
  CHECK(contains(text, "2021年共涉及25个指标"));
  planeval_free(text);
  OK(ctx, planeval_result_narrative(ctx, result, PLANEVAL_LANG_EN, &text));
  CHECK(contains(text, "In 2021 the plan covered 25 indicators"));
  planeval_free(text);
  OK(ctx, planeval_result_to_json(ctx, result, PLANEVAL_LANG_EN, &text));
  CHECK(contains(text, "\"assessments\""));
  CHECK(contains(text, "\"language\": \"en\""));
  planeval_free(text);
  FAILS(ctx, planeval_result_to_json(ctx, result, (planeval_language)2, &text),
        PLANEVAL_ERROR_USAGE, "usage");

  /* the workbook: a zip package on disk; a folder that does not exist is an I/O error */
  {
    char book[1024];
    char head[4] = {0};
    FILE* f;
    path_in(book, sizeof book, tmp_dir, "evaluation.xlsx");
    OK(ctx, planeval_result_save_workbook(ctx, result, PLANEVAL_LANG_ZH, book));
    f = fopen(book, "rb");
    CHECK(f != NULL);
    if (f) {
      CHECK(fread(head, 1, 4, f) == 4 && memcmp(head, "PK\3\4", 4) == 0);
      fclose(f);
    }
    path_in(book, sizeof book, tmp_dir, "no-such-folder/evaluation.xlsx");
    FAILS(ctx, planeval_result_save_workbook(ctx, result, PLANEVAL_LANG_ZH, book),
          PLANEVAL_ERROR_IO, "io.open");
    FAILS(ctx, planeval_result_save_workbook(ctx, result, PLANEVAL_LANG_ZH, NULL),
          PLANEVAL_ERROR_USAGE, "usage");
  }
  FAILS(ctx, planeval_result_narrative(ctx, result, (planeval_language)-1, &text),
        PLANEVAL_ERROR_USAGE, "usage");

  /* every accessor checks its index and arguments */
  FAILS(ctx, planeval_result_indicator(ctx, result, n, &text), PLANEVAL_ERROR_USAGE, "usage");
  CHECK(contains(planeval_context_error_message(ctx), "(25 assessments)"));
  FAILS(ctx, planeval_result_period(ctx, result, n, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_status(ctx, result, n, &st), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_target(ctx, result, n, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_actual(ctx, result, n, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_gap(ctx, result, n, &value, &has), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_gap_unit(ctx, result, n, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_achievement(ctx, result, n, &value, &has), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_result_reason(ctx, result, n, PLANEVAL_LANG_EN, &text), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_result_reason(ctx, result, 0, (planeval_language)3, &text),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_gap(ctx, result, 0, NULL, &has), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_gap(ctx, result, 0, &value, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_status(ctx, result, 0, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_count(ctx, NULL, &n), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_count(ctx, result, NULL), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_indicator(ctx, NULL, 0, &text), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_result_narrative(ctx, NULL, PLANEVAL_LANG_EN, &text), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_result_to_json(ctx, result, PLANEVAL_LANG_EN, NULL), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_result_count_status(ctx, NULL, PLANEVAL_MET, &count), PLANEVAL_ERROR_USAGE,
        "usage");

  /* as of a date, one period, the plan's own values only */
  OK(ctx, planeval_plan_evaluate(ctx, plan, obs, "2021-06-30", "2021", &other));
  OK(ctx, planeval_result_to_json(ctx, other, PLANEVAL_LANG_EN, &text));
  CHECK(contains(text, "\"in_progress\": true"));
  planeval_free(text);
  planeval_result_destroy(&other);
  OK(ctx, planeval_plan_evaluate(ctx, plan, obs, NULL, "2019", &other));
  OK(ctx, planeval_result_count(ctx, other, &n));
  OK(ctx, planeval_result_count_status(ctx, other, PLANEVAL_NO_TARGET, &count));
  CHECK(n == 25 && count == 25); /* no target is set for 2019 */
  OK(ctx, planeval_result_period(ctx, other, 0, &text));
  CHECK(strcmp(text, "2019") == 0);
  planeval_free(text);
  planeval_result_destroy(&other);
  OK(ctx, planeval_plan_evaluate(ctx, plan, NULL, NULL, NULL, &other));
  OK(ctx, planeval_result_count_status(ctx, other, PLANEVAL_NO_DATA, &count));
  CHECK(count > 5);
  planeval_result_destroy(&other);
  other = (planeval_result*)&n;
  FAILS(ctx, planeval_plan_evaluate(ctx, plan, obs, "2021-13-01", NULL, &other),
        PLANEVAL_ERROR_PARSE, "date.syntax");
  CHECK(other == NULL);
  FAILS(ctx, planeval_plan_evaluate(ctx, plan, obs, "30/06/2021", NULL, &other),
        PLANEVAL_ERROR_PARSE, "date.syntax");
  FAILS(ctx, planeval_plan_evaluate(ctx, plan, obs, NULL, "2021-Q9", &other), PLANEVAL_ERROR_PARSE,
        "period.range");
  FAILS(ctx, planeval_plan_evaluate(ctx, NULL, obs, NULL, NULL, &other), PLANEVAL_ERROR_USAGE,
        "usage");
  FAILS(ctx, planeval_plan_evaluate(ctx, plan, obs, NULL, NULL, NULL), PLANEVAL_ERROR_USAGE,
        "usage");

  /* a result keeps its plan: it outlives the plan and observations handles */
  planeval_plan_destroy(&plan);
  planeval_observations_destroy(&obs);
  OK(ctx, planeval_result_narrative(ctx, result, PLANEVAL_LANG_EN, &text));
  CHECK(contains(text, "25 indicators"));
  planeval_free(text);

  planeval_result_destroy(&result);
  CHECK(result == NULL);
  planeval_result_destroy(&result);
  planeval_result_destroy(NULL);
  planeval_context_destroy(&ctx);
}

/* ---- tasks ---- */
static void test_tasks(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_observations* obs = NULL;
  char path[1024];
  char* json = NULL;

  OK(ctx, planeval_context_new(&ctx));
  plan = load_seed(ctx);
  obs = load_seed_observations(ctx, plan);
  OK(ctx, planeval_plan_evaluate_tasks(ctx, plan, obs, "2021-09-30", PLANEVAL_LANG_EN, &json));
  CHECK(contains(json, "\"tasks\": []"));
  planeval_free(json);
  path_in(path, sizeof path, data_dir, "tasks.csv");
  OK(ctx, planeval_plan_load_tasks(ctx, plan, path));
  OK(ctx, planeval_plan_evaluate_tasks(ctx, plan, obs, "2021-09-30", PLANEVAL_LANG_EN, &json));
  CHECK(contains(json, "\"as_of\": \"2021-09-30\""));
  /* the areas overlapping the plan's period (2021), as planeval tasks and report */
  CHECK(contains(json, "\"id\": \"t2021.1\""));
  CHECK(!contains(json, "\"id\": \"w2020.1\""));
  CHECK(contains(json, "\"narrative\": \"As of 2021-09-30 the plan has 44 tasks"));
  CHECK(contains(json, "\"indicators\""));
  planeval_free(json);
  OK(ctx, planeval_plan_evaluate_tasks(ctx, plan, NULL, "2021-09-30", PLANEVAL_LANG_ZH, &json));
  CHECK(contains(json, "截至2021年9月30日"));
  planeval_free(json);
  json = (char*)"not reset";
  FAILS(ctx, planeval_plan_evaluate_tasks(ctx, plan, obs, NULL, PLANEVAL_LANG_EN, &json),
        PLANEVAL_ERROR_USAGE, "usage");
  CHECK(json == NULL);
  FAILS(ctx, planeval_plan_evaluate_tasks(ctx, plan, obs, "2021-02-30", PLANEVAL_LANG_EN, &json),
        PLANEVAL_ERROR_PARSE, "date.syntax");
  FAILS(ctx,
        planeval_plan_evaluate_tasks(ctx, plan, obs, "2021-09-30", (planeval_language)5, &json),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_evaluate_tasks(ctx, NULL, obs, "2021-09-30", PLANEVAL_LANG_EN, &json),
        PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_plan_evaluate_tasks(ctx, plan, obs, "2021-09-30", PLANEVAL_LANG_EN, NULL),
        PLANEVAL_ERROR_USAGE, "usage");
  planeval_observations_destroy(&obs);
  planeval_plan_destroy(&plan);
  planeval_context_destroy(&ctx);
}

/* ---- every function works without a context: only the status tells ---- */
static void test_null_context(void) {
  planeval_plan* plan = NULL;
  planeval_observations* obs = NULL;
  planeval_result* result = NULL;
  char path[1024];
  char* text = NULL;
  size_t n = 0;
  path_in(path, sizeof path, data_dir, "indicators.csv");
  CHECK(planeval_plan_load(NULL, "/no/such.json", &plan) == PLANEVAL_ERROR_IO && plan == NULL);
  CHECK(planeval_plan_load(NULL, path, &plan) == PLANEVAL_OK);
  CHECK(planeval_observations_new(NULL, &obs) == PLANEVAL_OK);
  CHECK(planeval_observations_add(NULL, obs, "gdp_growth", "2021", "bad%", NULL) ==
        PLANEVAL_ERROR_PARSE);
  CHECK(planeval_plan_evaluate(NULL, plan, obs, NULL, NULL, &result) == PLANEVAL_OK);
  CHECK(planeval_result_count(NULL, result, &n) == PLANEVAL_OK && n == 25);
  CHECK(planeval_result_indicator(NULL, result, n, &text) == PLANEVAL_ERROR_USAGE);
  CHECK(planeval_target_parse(NULL, "5-", &text) == PLANEVAL_ERROR_PARSE && text == NULL);
  planeval_result_destroy(&result);
  planeval_observations_destroy(&obs);
  planeval_plan_destroy(&plan);
}

/* A table as published: the seed's own (25 rows, every cell read), its overrides, and a table
 * with one odd cell (kept for review, or an error at its cell with strict). */
static void test_import(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_observations* results = NULL;
  planeval_result* result = NULL;
  planeval_attainment st = PLANEVAL_MET;
  char path[1024], overrides[1024];
  char* text = NULL;
  size_t n = 0, review = 99;

  OK(ctx, planeval_context_new(&ctx));
  path_in(path, sizeof path, data_dir, "published.csv");
  OK(ctx, planeval_table_import(ctx, path, NULL, 0, &plan, NULL, &review, "en", &text));
  CHECK(review == 0);
  CHECK(text != NULL && strstr(text, "i01_gdp id = i01_gdp") != NULL);
  planeval_free(text);
  OK(ctx, planeval_plan_indicator_count(ctx, plan, &n));
  CHECK(n == 25);
  planeval_plan_destroy(&plan);

  path_in(overrides, sizeof overrides, data_dir, "published-overrides.csv");
  OK(ctx, planeval_table_import(ctx, path, overrides, 0, &plan, NULL, NULL, NULL, NULL));
  OK(ctx, planeval_plan_indicator_id(ctx, plan, 0, &text));
  CHECK(strcmp(text, "gdp_growth") == 0);
  planeval_free(text);
  planeval_plan_destroy(&plan);

  path_in(path, sizeof path, tmp_dir, "odd.csv");
  write_file(path,
             "序号,指标名称,2020年目标值,2020年完成值\n1,生产总值(亿元),1000,1008.5\n"
             "2,城镇调查失业率(%),5.5%%以内,4.5\n");
  OK(ctx, planeval_observations_new(ctx, &results));
  OK(ctx, planeval_table_import(ctx, path, NULL, 0, &plan, results, &review, NULL, NULL));
  CHECK(review == 1);
  OK(ctx, planeval_observations_count(ctx, results, &n, NULL));
  CHECK(n == 2);
  OK(ctx, planeval_plan_evaluate(ctx, plan, results, NULL, NULL, &result));
  OK(ctx, planeval_result_status(ctx, result, 0, &st));
  CHECK(st == PLANEVAL_MET);
  OK(ctx, planeval_result_status(ctx, result, 1, &st));
  CHECK(st == PLANEVAL_NEEDS_REVIEW);
  planeval_result_destroy(&result);
  planeval_plan_destroy(&plan);
  FAILS(ctx, planeval_table_import(ctx, path, NULL, 1, &plan, NULL, NULL, NULL, NULL),
        PLANEVAL_ERROR_PARSE, "target.syntax");
  CHECK(plan == NULL);
  CHECK(strcmp(planeval_context_error_cell(ctx), "C3") == 0);
  FAILS(ctx, planeval_table_import(ctx, NULL, NULL, 0, &plan, NULL, NULL, NULL, NULL),
        PLANEVAL_ERROR_USAGE, "usage");
  planeval_observations_destroy(&results);
  planeval_context_destroy(&ctx);
}

/* Many units at once: a units × indicators × periods array, C order. */
static void test_batch(void) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  planeval_batch* batch = NULL;
  const char* units[] = {"a", "b", "c"};
  const char* ids[] = {"budget_revenue_growth", "gdp_growth"};
  const char* bad_ids[] = {"budget_revenue_growth", "gpd_growth"};
  const char* periods[] = {"2021"};
  /* budget revenue growth (target 5): 5.8, 4, missing; gdp growth (about the city's target) */
  double values[6];
  double refs[6];
  unsigned char codes[6];
  double gaps[6];
  size_t n = 0;
  values[0] = 5.8;
  values[1] = 8.5;
  values[2] = 4.0;
  values[3] = 5.1;
  values[4] = NAN;
  values[5] = 7.0;
  refs[0] = NAN;
  refs[1] = 8.1;
  refs[2] = NAN;
  refs[3] = 6.0;
  refs[4] = NAN;
  refs[5] = NAN;

  OK(ctx, planeval_context_new(&ctx));
  plan = load_seed(ctx);
  OK(ctx,
     planeval_batch_evaluate(ctx, plan, values, 3, 2, 1, units, ids, periods, refs, 0, &batch));
  OK(ctx, planeval_batch_codes(ctx, batch, codes, sizeof codes));
  CHECK(codes[0] == PLANEVAL_MET);
  CHECK(codes[1] == PLANEVAL_MET); /* 8.5 about 8.1 */
  CHECK(codes[2] == PLANEVAL_NOT_MET);
  CHECK(codes[3] == PLANEVAL_NOT_MET); /* 5.1 against about 6 */
  CHECK(codes[4] == PLANEVAL_NO_DATA);
  CHECK(codes[5] == PLANEVAL_NEEDS_REFERENCE);
  OK(ctx, planeval_batch_gaps(ctx, batch, gaps, 6));
  CHECK(fabs(gaps[0] - 0.8) < 1e-9);
  CHECK(fabs(gaps[2] + 1.0) < 1e-9);
  CHECK(gaps[4] != gaps[4]); /* NaN: no gap */
  OK(ctx, planeval_batch_count_status(ctx, batch, (size_t)-1, PLANEVAL_MET, &n));
  CHECK(n == 2);
  OK(ctx, planeval_batch_count_status(ctx, batch, 1, PLANEVAL_NOT_MET, &n));
  CHECK(n == 2);
  FAILS(ctx, planeval_batch_codes(ctx, batch, codes, 5), PLANEVAL_ERROR_USAGE, "usage");
  FAILS(ctx, planeval_batch_count_status(ctx, batch, 3, PLANEVAL_MET, &n), PLANEVAL_ERROR_USAGE,
        "usage");
  planeval_batch_destroy(&batch);
  CHECK(batch == NULL);
  FAILS(
      ctx,
      planeval_batch_evaluate(ctx, plan, values, 3, 2, 1, units, bad_ids, periods, NULL, 0, &batch),
      PLANEVAL_ERROR_MODEL, "model.unknown_id");
  CHECK(batch == NULL);
  FAILS(ctx,
        planeval_batch_evaluate(ctx, plan, NULL, 3, 2, 1, units, ids, periods, NULL, 0, &batch),
        PLANEVAL_ERROR_USAGE, "usage");
  /* each unit's own targets: the second unit's revenue growth judged against 3, the first's
     gdp growth at least 9 without a reference; NULL keeps the plan's */
  {
    const char* own[6];
    const char* bad[6];
    own[0] = NULL;
    own[1] = "9以上";
    own[2] = "3";
    own[3] = "";
    own[4] = NULL;
    own[5] = NULL;
    OK(ctx, planeval_batch_evaluate_targets(ctx, plan, values, 3, 2, 1, units, ids, periods, refs,
                                            own, 0, &batch));
    OK(ctx, planeval_batch_codes(ctx, batch, codes, sizeof codes));
    CHECK(codes[0] == PLANEVAL_MET);
    CHECK(codes[1] == PLANEVAL_NOT_MET); /* 8.5 against at least 9 */
    CHECK(codes[2] == PLANEVAL_MET);     /* 4 against its own 3 */
    CHECK(codes[3] == PLANEVAL_NOT_MET); /* the plan's: 5.1 against about 6 */
    planeval_batch_destroy(&batch);
    memcpy(bad, own, sizeof bad);
    bad[2] = "约8.x";
    FAILS(ctx,
          planeval_batch_evaluate_targets(ctx, plan, values, 3, 2, 1, units, ids, periods, refs,
                                          bad, 0, &batch),
          PLANEVAL_ERROR_PARSE, "target.syntax");
    CHECK(batch == NULL);
  }
  planeval_plan_destroy(&plan);
  planeval_context_destroy(&ctx);
}

int main(int argc, char** argv) {
  static const struct {
    const char* name;
    void (*run)(void);
  } groups[] = {{"library", test_library},
                {"context", test_context},
                {"plans", test_plans},
                {"target", test_target},
                {"observations", test_observations},
                {"evaluate", test_evaluate},
                {"tasks", test_tasks},
                {"batch", test_batch},
                {"import", test_import},
                {"null_context", test_null_context}};
  size_t k;
  int ran = 0;
  if (argc != 4) {
    fprintf(stderr, "usage: c_api_test GROUP|all DATA_DIR TMP_DIR\n");
    return 2;
  }
  data_dir = argv[2];
  tmp_dir = argv[3];
  for (k = 0; k < sizeof groups / sizeof *groups; ++k) {
    if (strcmp(argv[1], "all") == 0 || strcmp(argv[1], groups[k].name) == 0) {
      groups[k].run();
      ++ran;
    }
  }
  if (ran == 0) {
    fprintf(stderr, "no test group '%s'\n", argv[1]);
    return 2;
  }
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
