/* Loads a plan table through the installed C API and prints its number of indicators. */
#include <planeval/planeval.h>
#include <stdio.h>

int main(int argc, char** argv) {
  planeval_context* ctx = NULL;
  planeval_plan* plan = NULL;
  size_t n = 0;
  int rc = 0;
  if (argc != 2) return 2;
  if (planeval_context_new(&ctx) != PLANEVAL_OK) return 1;
  if (planeval_plan_load(ctx, argv[1], &plan) == PLANEVAL_OK &&
      planeval_plan_indicator_count(ctx, plan, &n) == PLANEVAL_OK) {
    printf("planeval %s: %lu indicators\n", planeval_version(), (unsigned long)n);
  } else {
    fprintf(stderr, "%s\n", planeval_context_error_message(ctx));
    rc = 1;
  }
  planeval_plan_destroy(&plan);
  planeval_context_destroy(&ctx);
  return rc;
}
