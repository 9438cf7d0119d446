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

// The class of an error follows from its code: raise throws the class category_of names, and
// every code has a category with a stable name.
TEST(error_category, raise_throws_the_class_of_the_code_s_category) {
  for (int k = 0; k < errc_count; ++k) {
    const auto code = static_cast<errc>(k);
    try {
      raise(code, "m");
      FAIL() << "raise returned";
    } catch (const error& e) {
      EXPECT_EQ(e.code(), code);
      const bool parse = dynamic_cast<const parse_error*>(&e) != nullptr;
      const bool format = dynamic_cast<const format_error*>(&e) != nullptr;
      const bool model = dynamic_cast<const model_error*>(&e) != nullptr;
      const bool io = dynamic_cast<const io_error*>(&e) != nullptr;
      switch (category_of(code)) {
        case error_category::parse: EXPECT_TRUE(parse) << to_string(code); break;
        case error_category::format: EXPECT_TRUE(format) << to_string(code); break;
        case error_category::model: EXPECT_TRUE(model) << to_string(code); break;
        case error_category::io: EXPECT_TRUE(io) << to_string(code); break;
        case error_category::usage:
          EXPECT_FALSE(parse || format || model || io) << to_string(code);
          break;
      }
    }
  }
  EXPECT_EQ(category_of(errc::limit_text_length), error_category::format);
  EXPECT_EQ(category_of(errc::limit_period), error_category::format);
  EXPECT_EQ(category_of(errc::unit_incompatible), error_category::model);
  EXPECT_STREQ(to_string(error_category::io), "io");
}

TEST(error_category, raise_at_keeps_code_message_and_class) {
  location loc;
  loc.pointer = "actuals[3]";
  try {
    raise_at(model_error(errc::model_unknown_id, "no indicator 'gpd'"), loc);
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_unknown_id);
    EXPECT_EQ(e.message(), "no indicator 'gpd'");
    EXPECT_EQ(e.where().pointer, "actuals[3]");
    return;
  }
  FAIL() << "not a model_error";
}
