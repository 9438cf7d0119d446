// Tasks: the model, its names, the dependency graph and every invariant validate_tasks checks.
#include "planeval/core/task.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/plan.hpp"

using namespace planeval;

namespace {

task make(const char* id, const char* parent = "", std::vector<std::string> deps = {}) {
  task t;
  t.id = id;
  t.parent = parent;
  t.depends_on = std::move(deps);
  return t;
}

// The error validate_tasks throws, with its code and pointer checked, and the id of the task
// the pointer names.
model_error expect_invalid(const std::vector<task>& ts, errc code, const std::string& pointer,
                           const std::vector<indicator>* inds = nullptr) {
  try {
    validate_tasks(ts, inds);
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.where().pointer, pointer) << e.what();
    const std::size_t index = std::stoul(pointer.substr(std::string("/tasks/").size()));
    EXPECT_EQ(e.where().task, ts.at(index).id) << e.what();
    if (!ts.at(index).id.empty()) {
      EXPECT_NE(std::string(e.what()).find("(task " + ts.at(index).id + ")"), std::string::npos)
          << e.what();
      // named once: by the location, not again by the message
      EXPECT_EQ(e.message().find("task '" + ts.at(index).id + "'"), std::string::npos) << e.what();
    }
    return e;
  }
  ADD_FAILURE() << "no error";
  return model_error(code, "");
}

}  // namespace

TEST(task_status, names_round_trip_and_labels) {
  for (const auto s : {task_status::not_started, task_status::in_progress, task_status::done,
                       task_status::suspended, task_status::cancelled}) {
    EXPECT_EQ(from_string<task_status>(to_string(s)), s);
    EXPECT_EQ(try_from_string<task_status>(to_string(s)), s);
    EXPECT_STRNE(task_status_label(s, language::zh), task_status_label(s, language::en));
  }
  EXPECT_STREQ(task_status_label(task_status::in_progress, language::zh), "推进中");
  EXPECT_FALSE(try_from_string<task_status>("started"));
  try {
    from_string<task_status>("started");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_enum);
    EXPECT_NE(std::string(e.what()).find("not_started, in_progress"), std::string::npos);
  }
}

TEST(task, regular_value_with_title_fallback) {
  task a = make("t1", "a1");
  a.title_zh = "架空线入地";
  a.deliverables.push_back({"新开工39公里", parse_target("新开工39公里"), std::nullopt});
  a.progress = progress_report{0.5, date(2021, 6, 30)};
  task b = a;
  EXPECT_EQ(a, b);
  b.deliverables[0].target = parse_target("新开工40公里");
  EXPECT_NE(a, b);
  b = a;
  b.progress->reported = date(2021, 7, 1);
  EXPECT_NE(a, b);
  b = a;
  b.weight = 2;
  EXPECT_NE(a, b);
  EXPECT_EQ(a.title(language::zh), "架空线入地");
  EXPECT_EQ(a.title(language::en), "架空线入地");  // falls back to the other language
  EXPECT_EQ(make("x").title(language::en), "x");   // then to the id
  EXPECT_FALSE(a.is_area());
  EXPECT_TRUE(make("a1").is_area());
}

TEST(task, find_task_by_id) {
  const std::vector<task> ts{make("a"), make("b", "a")};
  ASSERT_NE(find_task(ts, "b"), nullptr);
  EXPECT_EQ(find_task(ts, "b")->parent, "a");
  EXPECT_EQ(find_task(ts, "c"), nullptr);
}

TEST(task_graph, finds_and_names_a_dependency_cycle) {
  EXPECT_TRUE(find_dependency_cycle({make("t1"), make("t2", "", {"t1"})}).empty());
  const std::vector<task> ts{make("t1"), make("t2", "", {"t1"}), make("t3", "", {"t5"}),
                             make("t4", "", {"t3"}), make("t5", "", {"t4", "t2"})};
  const auto cycle = find_dependency_cycle(ts);
  EXPECT_EQ(cycle, (std::vector<std::string>{"t3", "t5", "t4", "t3"}));
  EXPECT_EQ(cycle_text(cycle), "t3 → t5 → t4 → t3");
  // a diamond is not a cycle
  EXPECT_TRUE(find_dependency_cycle({make("a"), make("b", "", {"a"}), make("c", "", {"a"}),
                                     make("d", "", {"b", "c"})})
                  .empty());
  // unknown ids are ignored here (validate_tasks reports them)
  EXPECT_TRUE(find_dependency_cycle({make("a", "", {"ghost"})}).empty());
}

TEST(task_validate, accepts_a_valid_tree) {
  std::vector<task> ts{make("a"), make("t1", "a"), make("t2", "a", {"t1"}), make("s1", "t2")};
  ts[2].status = task_status::in_progress;
  ts[3].status = task_status::in_progress;
  ts[3].progress = progress_report{0.4, date(2021, 3, 1)};
  EXPECT_NO_THROW(validate_tasks(ts));
}

TEST(task_validate, dependency_cycle_is_named) {
  const std::vector<task> ts{make("t1"), make("t3", "", {"t5"}), make("t5", "", {"t3"})};
  const auto e = expect_invalid(ts, errc::task_cycle, "/tasks/1/depends_on");
  EXPECT_NE(std::string(e.what()).find("dependency cycle: t3 → t5 → t3"), std::string::npos)
      << e.what();
  EXPECT_NE(std::string(e.what()).find("[planeval.task.cycle]"), std::string::npos);
  const auto self =
      expect_invalid({make("t1", "", {"t1"})}, errc::task_cycle, "/tasks/0/depends_on/0");
  EXPECT_NE(self.message().find("t1 → t1"), std::string::npos);
}

TEST(task_validate, parent_cycle_and_waiting_for_an_ancestor_are_cycles) {
  const auto e =
      expect_invalid({make("a", "b"), make("b", "a")}, errc::task_cycle, "/tasks/0/parent");
  EXPECT_NE(e.message().find("parent cycle: a → b → a"), std::string::npos) << e.what();
  const auto up = expect_invalid({make("area"), make("t", "area"), make("s", "t", {"area"})},
                                 errc::task_cycle, "/tasks/2/depends_on/0");
  EXPECT_NE(up.message().find("s → area → s"), std::string::npos) << up.what();
  // depending on a sibling or another branch is fine
  EXPECT_NO_THROW(validate_tasks({make("area"), make("t", "area"), make("s", "area", {"t"})}));
}

TEST(task_validate, ids_parents_dependencies_and_indicators_must_exist) {
  expect_invalid({make("")}, errc::model_invalid, "/tasks/0/id");
  expect_invalid({make("a"), make("a")}, errc::model_duplicate, "/tasks/1/id");
  expect_invalid({make("a"), make("b", "ghost")}, errc::model_unknown_id, "/tasks/1/parent");
  expect_invalid({make("a"), make("b", "", {"a", "ghost"})}, errc::model_unknown_id,
                 "/tasks/1/depends_on/1");
  expect_invalid({make("a"), make("b", "", {"a", "a"})}, errc::model_duplicate,
                 "/tasks/1/depends_on/1");
  std::vector<indicator> inds(1);
  inds[0].id = "gdp_growth";
  task t = make("a");
  t.indicators = {"gdp_growth", "ghost"};
  EXPECT_NO_THROW(validate_tasks({t}));  // without a plan, indicator ids are not checked
  expect_invalid({t}, errc::model_unknown_id, "/tasks/0/indicators/1", &inds);
  t.indicators = {"gdp_growth", "gdp_growth"};
  expect_invalid({t}, errc::model_duplicate, "/tasks/0/indicators/1", &inds);
}

TEST(task_validate, values_and_statuses_must_agree) {
  task t = make("a");
  t.weight = 0;
  expect_invalid({t}, errc::model_invalid, "/tasks/0/weight");
  t.weight = std::nan("");
  expect_invalid({t}, errc::model_invalid, "/tasks/0/weight");
  t = make("a");
  t.status = task_status::in_progress;
  t.progress = progress_report{1.2, date(2021, 1, 1)};
  expect_invalid({t}, errc::model_invalid, "/tasks/0/progress");
  t.status = task_status::not_started;
  t.progress = progress_report{0.2, date(2021, 1, 1)};
  expect_invalid({t}, errc::model_invalid, "/tasks/0/progress");
  t.status = task_status::done;
  expect_invalid({t}, errc::model_invalid, "/tasks/0/progress");
  t = make("a");
  t.start = date(2021, 5, 1);
  t.due = date(2021, 4, 30);
  expect_invalid({t}, errc::model_invalid, "/tasks/0/due");
  t.due = t.start;  // a one-day task
  EXPECT_NO_THROW(validate_tasks({t}));
  t.completed = date(2021, 5, 1);
  expect_invalid({t}, errc::model_invalid, "/tasks/0/completed");
  t = make("a");
  t.deliverables.emplace_back();
  expect_invalid({t}, errc::model_invalid, "/tasks/0/deliverables/0");
}

TEST(task_validate, groups_take_progress_and_done_from_sub_tasks) {
  std::vector<task> ts{make("a"), make("t1", "a"), make("t2", "a")};
  ts[0].status = task_status::in_progress;
  ts[0].progress = progress_report{0.5, date(2021, 6, 30)};
  expect_invalid(ts, errc::model_invalid, "/tasks/0/progress");
  ts[0].progress.reset();
  ts[0].status = task_status::done;
  ts[1].status = task_status::done;
  const auto e = expect_invalid(ts, errc::model_invalid, "/tasks/0/status");
  EXPECT_NE(e.message().find("'t2' is not_started"), std::string::npos) << e.what();
  ts[2].status = task_status::cancelled;  // cancelled branches do not count
  EXPECT_NO_THROW(validate_tasks(ts));
}

TEST(plan_tasks, validate_and_equality_cover_tasks) {
  plan p;
  indicator ind;
  ind.id = "gdp_growth";
  p.add(ind);
  task t = make("a");
  t.indicators = {"gdp_growth"};
  p.tasks.push_back(t);
  EXPECT_NO_THROW(p.validate());
  plan q = p;
  EXPECT_EQ(p, q);
  q.tasks[0].owner = "区发展改革委";
  EXPECT_NE(p, q);
  p.tasks.push_back(make("b", "", {"c"}));
  p.tasks.push_back(make("c", "", {"b"}));
  try {
    p.validate();
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::task_cycle);
    EXPECT_NE(e.message().find("b → c → b"), std::string::npos);
  }
  p.tasks.pop_back();
  p.tasks.pop_back();
  p.tasks[0].indicators = {"ghost"};
  try {
    p.validate();
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_unknown_id);
  }
}
