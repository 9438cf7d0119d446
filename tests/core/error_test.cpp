#include "planeval/core/error.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace planeval;

TEST(error, message_starts_with_code_and_location) {
  location loc;
  loc.file = "plan.csv";
  loc.line = 3;
  loc.column = 7;
  loc.indicator = "gdp_growth";
  const parse_error e(errc::target_syntax, "expected a number", loc);
  EXPECT_STREQ(e.what(),
               "[planeval.target.syntax] plan.csv:3:7 (indicator gdp_growth): expected a number");
  EXPECT_EQ(e.code(), errc::target_syntax);
  EXPECT_EQ(e.message(), "expected a number");
  EXPECT_EQ(e.where().line, 3u);
}

TEST(error, task_location_is_printed_like_the_indicator) {
  location loc;
  loc.file = "tasks.csv";
  loc.line = 3;
  loc.column = 4;
  loc.pointer = "depends_on";
  loc.task = "t3";
  EXPECT_EQ(loc.to_string(), "tasks.csv:3:4 depends_on (task t3)");
  EXPECT_FALSE(loc.empty());
  location only;
  only.task = "t2021.5.6";
  EXPECT_FALSE(only.empty());
  EXPECT_STREQ(model_error(errc::task_cycle, "dependency cycle: t3 → t5 → t3", only).what(),
               "[planeval.task.cycle] (task t2021.5.6): dependency cycle: t3 → t5 → t3");
}

TEST(error, without_location_has_only_code_and_message) {
  const model_error e(errc::model_duplicate, "id used twice");
  EXPECT_STREQ(e.what(), "[planeval.model.duplicate] id used twice");
  EXPECT_TRUE(e.where().empty());
}

TEST(error, column_only_location) {
  location loc;
  loc.column = 4;
  EXPECT_EQ(loc.to_string(), "column 4");
}

TEST(error, hierarchy_is_catchable_as_invalid_argument) {
  try {
    throw format_error(errc::csv_syntax, "bad quote");
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("csv.syntax"), std::string::npos);
    return;
  }
  FAIL() << "not caught";
}

TEST(error, every_code_has_a_distinct_name) {
  std::set<std::string> names;
  for (int k = 0; k < errc_count; ++k) {
    const std::string n = to_string(static_cast<errc>(k));
    EXPECT_NE(n, "unknown") << k;
    EXPECT_TRUE(names.insert(n).second) << n;
  }
}

TEST(error, every_code_is_documented_in_errors_md) {
  std::ifstream in(std::string(PLANEVAL_DOCS_DIR) + "/errors.md");
  ASSERT_TRUE(in.good()) << "docs/errors.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  for (int k = 0; k < errc_count; ++k) {
    const std::string row = std::string("| `") + to_string(static_cast<errc>(k)) + "` |";
    EXPECT_NE(text.str().find(row), std::string::npos) << row << " is not in docs/errors.md";
  }
}
