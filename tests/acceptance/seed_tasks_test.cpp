// The seed plan's tasks: the 2020 work and the 2021 task areas transcribed in
// examples/data/changning-2021/tasks.csv, checked against the source and evaluated.
#include <gtest/gtest.h>

#include <set>

#include "planeval/core/task_eval.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

namespace {

const std::string data_dir = PLANEVAL_EXAMPLE_DATA "/changning-2021";

const plan& seed() {
  static const plan p = [] {
    plan q = load_plan_table(data_dir + "/indicators.csv");
    q.tasks = load_tasks(data_dir + "/tasks.csv", &q);
    return q;
  }();
  return p;
}

}  // namespace

TEST(seed_tasks, six_areas_of_2020_work_and_seven_of_2021_tasks) {
  const plan& p = seed();
  EXPECT_NO_THROW(p.validate());
  std::vector<std::string> areas;
  for (const auto& t : p.tasks)
    if (t.is_area()) areas.push_back(t.id);
  EXPECT_EQ(areas, (std::vector<std::string>{"w2020.1", "w2020.2", "w2020.3", "w2020.4", "w2020.5",
                                             "w2020.6", "t2021.1", "t2021.2", "t2021.3", "t2021.4",
                                             "t2021.5", "t2021.6", "t2021.7"}));
  // the headings as published
  EXPECT_EQ(find_task(p.tasks, "w2020.4")->title_zh, "加快推进城市更新,显著提升城区品质");
  EXPECT_EQ(find_task(p.tasks, "t2021.1")->title_zh, "服务新发展格局,全力提升城区能级和核心竞争力");
  EXPECT_EQ(find_task(p.tasks, "t2021.6")->title_zh,
            "聚焦“两张网”建设,以数字化转型提升城区治理现代化水平");
  EXPECT_EQ(find_task(p.tasks, "t2021.7")->title_zh, "持续优化公共服务供给,努力创造高品质生活");
  for (const auto& t : p.tasks) {
    EXPECT_FALSE(t.title_zh.empty()) << t.id;
    EXPECT_FALSE(t.title_en.empty()) << t.id;
    EXPECT_FALSE(t.owner.empty()) << t.id;
    EXPECT_NE(t.note.find("illustrative"), std::string::npos) << t.id;  // clearly labelled
  }
  // every area has work items
  for (const auto& id : areas) {
    std::size_t children = 0;
    for (const auto& t : p.tasks) children += t.parent == id ? 1 : 0;
    EXPECT_GE(children, 3u) << id;
  }
}

TEST(seed_tasks, the_2020_deliverables_as_stated_are_met) {
  const plan& p = seed();
  const std::pair<const char*, std::vector<std::string>> stated[] = {
      {"w2020.4.3.1", {"新开工39公里", "竣工27公里"}},
      {"w2020.4.3.2", {"开工4个", "21.3万平方米"}},
      {"w2020.5.1.1", {"55项"}},
      {"w2020.5.1.2", {"15项"}},
  };
  for (const auto& [id, texts] : stated) {
    const task* t = find_task(p.tasks, id);
    ASSERT_NE(t, nullptr) << id;
    ASSERT_EQ(t->deliverables.size(), texts.size()) << id;
    for (std::size_t k = 0; k < texts.size(); ++k) {
      EXPECT_EQ(t->deliverables[k].text, texts[k]);
      ASSERT_TRUE(t->deliverables[k].actual) << id;
      EXPECT_EQ(t->deliverables[k].actual->text, texts[k]);
    }
  }
  task_eval_options opt;
  opt.only = period::year(2020);
  const auto e = evaluate_tasks(p, date(2020, 12, 31), opt);
  EXPECT_EQ(e.overall.leaves.total(), e.overall.leaves.done());
  EXPECT_DOUBLE_EQ(*e.overall.progress, 1.0);
  std::size_t deliverables = 0;
  for (const auto& a : e.tasks) {
    EXPECT_EQ(a.depth == 0 ? a.task.substr(0, 5) : "w2020", "w2020");
    for (const auto& d : a.deliverables) {
      ++deliverables;
      EXPECT_EQ(d.status, status::met) << a.task << ": " << d.reason_en;
    }
  }
  EXPECT_EQ(deliverables, 13u);
}

TEST(seed_tasks, the_2021_tasks_as_of_september) {
  const plan& p = seed();
  task_eval_options opt;
  opt.only = period::year(2021);
  const auto e = evaluate_tasks(p, date(2021, 9, 30), opt);
  const auto& c = e.overall.leaves;
  EXPECT_EQ(c.total(), 44u);
  EXPECT_EQ(c[task_state::overdue], 2u);
  EXPECT_EQ(c[task_state::behind], 5u);
  EXPECT_EQ(c[task_state::due_soon], 2u);
  EXPECT_EQ(c[task_state::done_late], 1u);
  EXPECT_EQ(e.overall.blocked, 2u);
  EXPECT_EQ(e.find("t2021.7.4.2")->state, task_state::overdue);
  EXPECT_EQ(e.find("t2021.7.4.4")->blocked_by,
            (std::vector<std::string>{"t2021.7.4.2", "t2021.7.4.3"}));
  // the indicators the 2021 tasks serve
  std::set<std::string> served;
  for (const auto& t : p.tasks)
    if (t.id.rfind("t2021", 0) == 0) served.insert(t.indicators.begin(), t.indicators.end());
  for (const char* id :
       {"gdp_growth", "fixed_investment_growth", "retail_sales_growth", "quality_estates_area",
        "one_network_access_rate", "registered_unemployed"})
    EXPECT_EQ(served.count(id), 1u) << id;
}
