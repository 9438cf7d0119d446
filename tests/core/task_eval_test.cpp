// Tasks as of a date: every state, the exact boundaries (start day, due day, leap years),
// blocked tasks, deliverables, weighted roll-ups, the narrative and the indicator–task view.
#include "planeval/core/task_eval.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace planeval {
// readable failure messages
void PrintTo(task_state s, std::ostream* os) { *os << to_string(s); }
void PrintTo(status s, std::ostream* os) { *os << to_string(s); }
}  // namespace planeval

namespace {

date d(int y, int m, int day) {
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(day));
}

struct fixture {
  plan p;

  task& add(const char* id, const char* parent = "", std::optional<date> start = std::nullopt,
            std::optional<date> due = std::nullopt, task_status st = task_status::in_progress) {
    task t;
    t.id = id;
    t.parent = parent;
    t.start = start;
    t.due = due;
    t.status = st;
    p.tasks.push_back(t);
    return p.tasks.back();
  }
  // a leaf with progress reported on `reported`
  task& leaf(const char* id, const char* parent, date start, date due, double share,
             date reported) {
    task& t = add(id, parent, start, due);
    t.progress = progress_report{share, reported};
    return t;
  }
  task_evaluation eval(date as_of, task_eval_options opt = {}) const {
    return evaluate_tasks(p, as_of, opt);
  }
  task_assessment at(const char* id, date as_of, task_eval_options opt = {}) const {
    const auto e = eval(as_of, opt);
    const auto* a = e.find(id);
    if (!a) throw std::logic_error("no assessment");
    return *a;
  }
  task_state state(const char* id, date as_of, task_eval_options opt = {}) const {
    return at(id, as_of, opt).state;
  }
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(task_state, names_and_labels) {
  for (int k = 0; k < task_state_count; ++k) {
    const auto s = static_cast<task_state>(k);
    EXPECT_EQ(from_string<task_state>(to_string(s)), s);
    EXPECT_STRNE(task_state_label(s, language::zh), task_state_label(s, language::en));
  }
  EXPECT_STREQ(to_string(task_state::done_late), "done_late");
  EXPECT_STREQ(task_state_label(task_state::behind, language::zh), "进度滞后");
  EXPECT_THROW(from_string<task_state>("late"), model_error);
  EXPECT_TRUE(is_done(task_state::done_late));
  EXPECT_FALSE(is_done(task_state::due_soon));
}

// A 100-day task (2021-01-01 … 2021-04-10): on 2021-02-19, day 50, half the time has elapsed.
TEST(task_eval, on_track_and_behind_against_the_elapsed_share) {
  fixture f;
  f.leaf("t", "", d(2021, 1, 1), d(2021, 4, 10), 0.4, d(2021, 2, 15));
  auto a = f.at("t", d(2021, 2, 19));
  EXPECT_DOUBLE_EQ(*a.planned, 0.5);
  EXPECT_EQ(a.state, task_state::on_track);  // exactly the tolerance (10 points) behind
  EXPECT_EQ(*a.days_to_due, 50);
  EXPECT_EQ(*a.progress_date, d(2021, 2, 15));
  EXPECT_TRUE(has(a.reason_zh, "进度40%(2021-02-15报告),时序进度50%,进度正常")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en, "progress 40% (reported 2021-02-15) against 50% of time elapsed"))
      << a.reason_en;

  f.p.tasks[0].progress->share = 0.39;
  a = f.at("t", d(2021, 2, 19));
  EXPECT_EQ(a.state, task_state::behind);
  EXPECT_TRUE(has(a.reason_zh, "低于时序进度50%共11个百分点,进度滞后")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en, "11 percentage points behind the 50% of time elapsed"))
      << a.reason_en;

  task_eval_options strict;
  strict.behind_tolerance = 0;
  f.p.tasks[0].progress->share = 0.49;
  EXPECT_EQ(f.state("t", d(2021, 2, 19), strict), task_state::behind);
  f.p.tasks[0].progress->share = 0.5;
  EXPECT_EQ(f.state("t", d(2021, 2, 19), strict), task_state::on_track);
}

TEST(task_eval, start_day_boundary) {
  fixture f;
  f.add("t", "", d(2021, 3, 1), d(2021, 12, 31), task_status::not_started);
  auto before = f.at("t", d(2021, 2, 28));
  EXPECT_EQ(before.state, task_state::not_started);
  EXPECT_DOUBLE_EQ(*before.planned, 0.0);
  EXPECT_EQ(before.reason_en, "starts on 2021-03-01");
  EXPECT_EQ(before.reason_zh, "计划于2021-03-01开始");
  // on the start day one day of 306 has elapsed: not started yet is within the tolerance
  const auto first = f.at("t", d(2021, 3, 1));
  EXPECT_DOUBLE_EQ(*first.planned, 1.0 / 306.0);
  EXPECT_EQ(first.state, task_state::on_track);
  EXPECT_DOUBLE_EQ(*first.progress, 0.0);
  // still not started once more than 10% of the time has gone: behind
  EXPECT_EQ(f.state("t", d(2021, 3, 30)), task_state::on_track);  // 30/306
  EXPECT_EQ(f.state("t", d(2021, 3, 31)), task_state::behind);    // 31/306
  // work reported before the start day counts
  f.p.tasks[0].status = task_status::in_progress;
  f.p.tasks[0].progress = progress_report{0.1, d(2021, 2, 20)};
  EXPECT_EQ(f.state("t", d(2021, 2, 28)), task_state::on_track);
}

TEST(task_eval, due_day_boundary_and_overdue) {
  fixture f;
  f.leaf("t", "", d(2021, 1, 1), d(2021, 6, 30), 0.95, d(2021, 6, 29));
  const auto on_due = f.at("t", d(2021, 6, 30));
  EXPECT_EQ(on_due.state, task_state::due_soon);
  EXPECT_DOUBLE_EQ(*on_due.planned, 1.0);
  EXPECT_EQ(*on_due.days_to_due, 0);
  EXPECT_TRUE(has(on_due.reason_en, "due today (2021-06-30)")) << on_due.reason_en;
  EXPECT_TRUE(has(on_due.reason_zh, "今天(2021-06-30)到期")) << on_due.reason_zh;
  const auto after = f.at("t", d(2021, 7, 1));
  EXPECT_EQ(after.state, task_state::overdue);
  EXPECT_EQ(*after.days_to_due, -1);
  EXPECT_TRUE(has(after.reason_en, "overdue by 1 day (due 2021-06-30); progress 95%"))
      << after.reason_en;
  EXPECT_TRUE(has(f.at("t", d(2021, 7, 13)).reason_zh, "已逾期13天(计划完成日期2021-06-30)"));
  // overdue comes before behind
  f.p.tasks[0].progress->share = 0.1;
  EXPECT_EQ(f.state("t", d(2021, 7, 1)), task_state::overdue);
  EXPECT_EQ(f.state("t", d(2021, 6, 30)), task_state::behind);
}

TEST(task_eval, due_soon_window_is_configurable) {
  fixture f;
  f.leaf("t", "", d(2021, 1, 1), d(2021, 12, 31), 0.99, d(2021, 11, 15));
  EXPECT_EQ(f.state("t", d(2021, 12, 16)), task_state::on_track);  // 15 days left
  const auto a = f.at("t", d(2021, 12, 17));                       // 14 days left
  EXPECT_EQ(a.state, task_state::due_soon);
  EXPECT_TRUE(has(a.reason_en, "due in 14 days (2021-12-31)")) << a.reason_en;
  EXPECT_TRUE(has(a.reason_zh, "距计划完成日期2021-12-31还有14天")) << a.reason_zh;
  task_eval_options none;
  none.due_soon_days = 0;
  EXPECT_EQ(f.state("t", d(2021, 12, 30), none), task_state::on_track);
  EXPECT_EQ(f.state("t", d(2021, 12, 31), none), task_state::due_soon);
  task_eval_options month;
  month.due_soon_days = 30;
  EXPECT_EQ(f.state("t", d(2021, 12, 1), month), task_state::due_soon);
  EXPECT_EQ(f.state("t", d(2021, 11, 30), month), task_state::on_track);
}

TEST(task_eval, leap_years_count_february_29) {
  fixture f;
  f.leaf("leap", "", d(2020, 2, 28), d(2020, 3, 1), 0.0, d(2020, 2, 28));
  f.leaf("plain", "", d(2021, 2, 28), d(2021, 3, 1), 0.0, d(2021, 2, 28));
  f.leaf("year", "", d(2020, 1, 1), d(2020, 12, 31), 0.0, d(2020, 1, 1));
  f.leaf("feb29", "", d(2020, 1, 1), d(2020, 2, 29), 0.0, d(2020, 1, 1));
  EXPECT_DOUBLE_EQ(*f.at("leap", d(2020, 2, 29)).planned, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f.at("plain", d(2021, 2, 28)).planned, 0.5);
  EXPECT_DOUBLE_EQ(*f.at("year", d(2020, 2, 29)).planned, 60.0 / 366.0);
  EXPECT_DOUBLE_EQ(*f.at("year", d(2020, 12, 30)).planned, 365.0 / 366.0);
  const auto due = f.at("feb29", d(2020, 2, 29));
  EXPECT_EQ(due.state, task_state::behind);  // the due day itself: everything should be done
  EXPECT_EQ(*due.days_to_due, 0);
  const auto next = f.at("feb29", d(2020, 3, 1));
  EXPECT_EQ(next.state, task_state::overdue);
  EXPECT_EQ(*next.days_to_due, -1);
  EXPECT_EQ(*f.at("feb29", d(2020, 2, 15)).days_to_due, 14);
  EXPECT_EQ(f.state("feb29", d(2020, 2, 15), {}), task_state::behind);
}

TEST(task_eval, done_and_done_late) {
  fixture f;
  task& t = f.add("t", "", d(2021, 1, 1), d(2021, 6, 30), task_status::done);
  t.completed = d(2021, 6, 30);
  auto a = f.at("t", d(2021, 9, 30));
  EXPECT_EQ(a.state, task_state::done);
  EXPECT_DOUBLE_EQ(*a.progress, 1.0);
  EXPECT_EQ(*a.completed, d(2021, 6, 30));
  EXPECT_EQ(a.reason_zh, "已于2021-06-30完成(计划完成日期2021-06-30)");
  EXPECT_EQ(a.reason_en, "done on 2021-06-30 (due 2021-06-30)");
  f.p.tasks[0].completed = d(2021, 7, 1);
  a = f.at("t", d(2021, 9, 30));
  EXPECT_EQ(a.state, task_state::done_late);
  EXPECT_EQ(a.reason_en, "done on 2021-07-01, 1 day after the due day 2021-06-30");
  EXPECT_EQ(a.reason_zh, "已于2021-07-01完成,晚于计划完成日期2021-06-30共1天");
  // as of a day before the completion the task was not done yet (due today, progress unknown)
  a = f.at("t", d(2021, 6, 30));
  EXPECT_EQ(a.state, task_state::due_soon);
  EXPECT_FALSE(a.progress);
  EXPECT_FALSE(a.completed);
  EXPECT_EQ(f.state("t", d(2021, 7, 1)), task_state::done_late);
  // a done task without a completion day
  f.p.tasks[0].completed.reset();
  a = f.at("t", d(2021, 1, 5));
  EXPECT_EQ(a.state, task_state::done);
  EXPECT_EQ(a.reason_en, "done (completion day not recorded)");
}

TEST(task_eval, not_assessable_and_later_reports_unseen) {
  fixture f;
  f.leaf("t", "", d(2021, 1, 1), d(2021, 4, 10), 0.6, d(2021, 3, 1));
  const auto a = f.at("t", d(2021, 2, 19));  // the report is dated later
  EXPECT_EQ(a.state, task_state::not_assessable);
  EXPECT_FALSE(a.progress);
  EXPECT_EQ(a.reason_en, "no progress reported by 2021-02-19, so the pace cannot be judged");
  EXPECT_EQ(f.state("t", d(2021, 3, 1)), task_state::on_track);
  fixture g;
  g.add("nodates");
  g.p.tasks[0].progress = progress_report{0.3, d(2021, 1, 1)};
  const auto b = g.at("nodates", d(2021, 6, 1));
  EXPECT_EQ(b.state, task_state::not_assessable);
  EXPECT_TRUE(has(b.reason_en, "without a start and a due day the pace cannot be judged"));
  EXPECT_TRUE(has(b.reason_zh, "未设定开始日期或计划完成日期"));
  g.add("todo", "", std::nullopt, std::nullopt, task_status::not_started);
  EXPECT_EQ(g.state("todo", d(2021, 6, 1)), task_state::not_started);
  // a due day alone still makes a task due soon and overdue
  g.add("due_only", "", std::nullopt, d(2021, 6, 10));
  EXPECT_EQ(g.state("due_only", d(2021, 6, 1)), task_state::due_soon);
  EXPECT_EQ(g.state("due_only", d(2021, 6, 11)), task_state::overdue);
  EXPECT_EQ(g.state("due_only", d(2021, 5, 1)), task_state::not_assessable);
}

TEST(task_eval, suspended_and_cancelled_apply_to_the_subtree) {
  fixture f;
  f.add("area", "", d(2021, 1, 1), d(2021, 12, 31), task_status::suspended);
  f.leaf("t1", "area", d(2021, 1, 1), d(2021, 3, 31), 0.2, d(2021, 3, 1));
  task& done = f.add("t2", "area", d(2021, 1, 1), d(2021, 3, 31), task_status::done);
  done.completed = d(2021, 3, 1);
  const auto e = f.eval(d(2021, 6, 30));
  EXPECT_EQ(e.find("area")->state, task_state::suspended);
  const auto* t1 = e.find("t1");
  EXPECT_EQ(t1->state, task_state::suspended);  // not overdue: on hold
  EXPECT_EQ(t1->reason_en,
            "its parent task 'area' is suspended; its due day 2021-03-31 has passed");
  EXPECT_EQ(t1->reason_zh, "所属任务“area”已暂停,计划完成日期2021-03-31已过");
  EXPECT_EQ(e.find("t2")->state, task_state::done);  // done work stays done
  EXPECT_DOUBLE_EQ(*e.find("area")->progress, 0.6);  // suspended tasks keep their progress

  f.p.tasks[0].status = task_status::cancelled;
  const auto c = f.eval(d(2021, 6, 30));
  EXPECT_EQ(c.find("t1")->state, task_state::cancelled);
  EXPECT_FALSE(c.find("t1")->progress);
  EXPECT_EQ(c.find("area")->reason_en.substr(0, 9), "cancelled");
  EXPECT_EQ(c.overall.leaves[task_state::cancelled], 1u);
  EXPECT_FALSE(c.overall.progress);  // nothing left to roll up
  EXPECT_TRUE(has(task_narrative(c, language::en), "(and 1 cancelled)"));
}

TEST(task_eval, blocked_by_dependencies_not_done) {
  fixture f;
  f.add("area", "", d(2021, 1, 1), d(2021, 12, 31));
  f.leaf("a", "area", d(2021, 1, 1), d(2021, 6, 30), 0.9, d(2021, 6, 1));
  task& b = f.add("b", "area", d(2021, 7, 1), d(2021, 12, 31), task_status::not_started);
  b.depends_on = {"a"};
  task& c = f.add("c", "area", d(2021, 1, 1), d(2021, 12, 31), task_status::done);
  c.completed = d(2021, 8, 1);
  task& x = f.add("x", "area", d(2021, 1, 1), d(2021, 12, 31), task_status::not_started);
  x.depends_on = {"c"};
  auto e = f.eval(d(2021, 7, 10));
  const auto* ba = e.find("b");
  EXPECT_TRUE(ba->blocked);
  EXPECT_EQ(ba->blocked_by, std::vector<std::string>{"a"});
  EXPECT_TRUE(has(ba->reason_en, "; blocked: a (overdue) not done")) << ba->reason_en;
  EXPECT_TRUE(has(ba->reason_zh, ";受阻:前置任务a(已逾期)尚未完成")) << ba->reason_zh;
  EXPECT_TRUE(e.find("x")->blocked);  // c is done only on 2021-08-01
  EXPECT_EQ(e.find("area")->rollup.blocked, 2u);
  EXPECT_EQ(e.overall.blocked, 2u);
  EXPECT_FALSE(e.find("area")->blocked);  // the area itself depends on nothing
  e = f.eval(d(2021, 8, 1));
  EXPECT_FALSE(e.find("x")->blocked);
  // done and cancelled tasks are never blocked; a cancelled dependency blocks
  f.p.tasks[1].status = task_status::cancelled;
  f.p.tasks[1].progress.reset();
  e = f.eval(d(2021, 7, 10));
  EXPECT_TRUE(e.find("b")->blocked);
  EXPECT_TRUE(has(e.find("b")->reason_en, "a (cancelled)"));
  f.p.tasks[2].status = task_status::done;
  e = f.eval(d(2021, 7, 10));
  EXPECT_FALSE(e.find("b")->blocked);
}

TEST(task_eval, rollup_is_weighted_among_siblings) {
  fixture f;
  f.add("area");  // no dates: its planned share comes from its tasks
  f.leaf("light", "area", d(2021, 1, 1), d(2021, 4, 10), 0.2, d(2021, 2, 1)).weight = 1;
  f.leaf("heavy", "area", d(2021, 1, 1), d(2021, 1, 10), 0.6, d(2021, 2, 1)).weight = 3;
  f.add("other", "", d(2021, 1, 1), d(2021, 4, 10), task_status::not_started).weight = 4;
  const auto e = f.eval(d(2021, 2, 19));
  const auto* area = e.find("area");
  EXPECT_TRUE(area->group);
  EXPECT_DOUBLE_EQ(*area->progress, (0.2 + 3 * 0.6) / 4);
  EXPECT_DOUBLE_EQ(*area->planned, (0.5 + 3 * 1.0) / 4);
  EXPECT_EQ(area->rollup.leaves.total(), 2u);
  EXPECT_EQ(area->rollup.leaves[task_state::overdue], 1u);
  EXPECT_EQ(area->rollup.leaves[task_state::behind], 1u);
  EXPECT_EQ(area->state, task_state::behind);  // 0.5 against 0.875
  EXPECT_TRUE(has(area->reason_en, "2 tasks below: 1 behind, 1 overdue")) << area->reason_en;
  EXPECT_TRUE(has(area->reason_zh, "下设2项任务:进度滞后1项、已逾期1项")) << area->reason_zh;
  // the plan: areas weighted 1 and 4
  EXPECT_DOUBLE_EQ(*e.overall.progress, (1 * 0.5 + 4 * 0.0) / 5);
  EXPECT_DOUBLE_EQ(*e.overall.planned, (1 * 0.875 + 4 * 0.5) / 5);
  EXPECT_EQ(e.overall.leaves.total(), 3u);
  // equal weights by default
  f.p.tasks[1].weight = 1;
  f.p.tasks[2].weight = 1;
  EXPECT_DOUBLE_EQ(*f.at("area", d(2021, 2, 19)).progress, 0.4);
  // a leaf without a report counts as 0 and is counted as unreported
  f.p.tasks[1].progress.reset();
  const auto u = f.eval(d(2021, 2, 19));
  EXPECT_DOUBLE_EQ(*u.find("area")->progress, 0.3);
  EXPECT_EQ(u.find("area")->rollup.unreported, 1u);
  EXPECT_TRUE(has(u.find("area")->reason_en, "1 task without a progress report counted as 0"));
  EXPECT_EQ(u.overall.unreported, 1u);
}

TEST(task_eval, groups_are_judged_on_their_subtree) {
  fixture f;
  f.add("g", "", d(2021, 1, 1), d(2021, 6, 30));
  task& a = f.add("a", "g", d(2021, 1, 1), d(2021, 3, 31), task_status::done);
  a.completed = d(2021, 3, 1);
  task& b = f.add("b", "g", d(2021, 1, 1), d(2021, 6, 30), task_status::done);
  b.completed = d(2021, 7, 5);
  auto e = f.eval(d(2021, 8, 1));
  const auto* g = e.find("g");
  EXPECT_EQ(g->state, task_state::done_late);  // the last sub-task finished after g's due day
  EXPECT_EQ(*g->completed, d(2021, 7, 5));
  EXPECT_TRUE(has(g->reason_en, "done on 2021-07-05, 5 days after the due day 2021-06-30"));
  e = f.eval(d(2021, 7, 1));  // b not done yet: g is overdue
  EXPECT_EQ(e.find("g")->state, task_state::overdue);
  EXPECT_DOUBLE_EQ(*e.find("g")->progress, 0.5);  // b's progress is unknown: counted as 0
  // every sub-task not started
  fixture h;
  h.add("g");
  h.add("x", "g", d(2021, 3, 1), d(2021, 6, 30), task_status::not_started);
  h.add("y", "g", d(2021, 4, 1), d(2021, 6, 30), task_status::not_started);
  const auto hn = h.at("g", d(2021, 2, 1));
  EXPECT_EQ(hn.state, task_state::not_started);
  EXPECT_EQ(hn.reason_en.substr(0, 23), "no sub-task has started");
  // every sub-task cancelled
  h.p.tasks[1].status = task_status::cancelled;
  h.p.tasks[2].status = task_status::cancelled;
  EXPECT_EQ(h.state("g", d(2021, 2, 1)), task_state::cancelled);
}

TEST(task_eval, every_state_appears_in_counts_and_narrative) {
  fixture f;
  f.add("area", "", d(2021, 1, 1), d(2021, 12, 31));
  const date as_of = d(2021, 7, 1);
  f.add("ns", "area", d(2021, 8, 1), d(2021, 12, 31), task_status::not_started);
  f.leaf("ok", "area", d(2021, 1, 1), d(2021, 12, 31), 0.5, d(2021, 6, 30));
  f.leaf("soon", "area", d(2021, 1, 1), d(2021, 7, 5), 0.95, d(2021, 6, 30));
  f.leaf("slow", "area", d(2021, 1, 1), d(2021, 12, 31), 0.2, d(2021, 6, 30));
  f.leaf("late", "area", d(2021, 1, 1), d(2021, 6, 30), 0.9, d(2021, 6, 30));
  f.add("fin", "area", d(2021, 1, 1), d(2021, 6, 30), task_status::done).completed = d(2021, 6, 1);
  f.add("finlate", "area", d(2021, 1, 1), d(2021, 5, 31), task_status::done).completed =
      d(2021, 6, 1);
  f.add("hold", "area", d(2021, 1, 1), d(2021, 12, 31), task_status::suspended);
  f.add("drop", "area", d(2021, 1, 1), d(2021, 12, 31), task_status::cancelled);
  f.add("unknown", "area", d(2021, 1, 1), d(2021, 12, 31));
  const auto e = f.eval(as_of);
  const std::pair<const char*, task_state> expected[] = {
      {"ns", task_state::not_started},    {"ok", task_state::on_track},
      {"soon", task_state::due_soon},     {"slow", task_state::behind},
      {"late", task_state::overdue},      {"fin", task_state::done},
      {"finlate", task_state::done_late}, {"hold", task_state::suspended},
      {"drop", task_state::cancelled},    {"unknown", task_state::not_assessable}};
  for (const auto& [id, st] : expected) {
    EXPECT_EQ(e.find(id)->state, st) << id << ": " << e.find(id)->reason_en;
    EXPECT_EQ(e.overall.leaves[st], 1u) << id;
  }
  EXPECT_EQ(e.overall.leaves.total(), 10u);
  EXPECT_EQ(e.overall.leaves.done(), 2u);
  EXPECT_EQ(task_narrative(e, language::zh),
            "截至2021年7月1日,共涉及9项任务,其中已完成1项、逾期完成1项、正常推进1项、临近到期1项、"
            "进度滞后1项、已逾期1项、未开始1项、暂停1项、无法判断1项(另有1项已取消)。"
            "按权重计算的总体进度为50.56%,时序进度为49.86%(2项未报告进度的任务按0计)。");
  EXPECT_EQ(task_narrative(e, language::en),
            "As of 2021-07-01 the plan has 9 tasks: 1 done, 1 done late, 1 on track, 1 due soon, "
            "1 behind, 1 overdue, 1 not started, 1 suspended, 1 not assessable (and 1 cancelled). "
            "Weighted progress is 50.56% against 49.86% of time elapsed (2 tasks without a "
            "progress report counted as 0).");
}

TEST(task_eval, deliverables_use_the_attainment_rules) {
  fixture f;
  auto deliver = [](const char* target, const char* actual, int year) {
    deliverable dl;
    dl.text = target;
    dl.target = parse_target(target);
    if (actual) {
      const auto po = parse_observation(actual);
      observation o;
      o.period = period::year(year);
      o.value = po.value;
      o.measure = po.measure;
      o.unit = po.unit;
      o.qualifier = po.qualifier;
      o.text = actual;
      dl.actual = o;
    }
    return dl;
  };
  task& t = f.add("lines", "", d(2020, 1, 1), d(2020, 12, 31), task_status::done);
  t.completed = d(2020, 12, 31);
  t.deliverables = {
      deliver("新开工39公里", "新开工39公里", 2020), deliver("竣工27公里", "竣工25公里", 2020),
      deliver("开工4个", "开工5个", 2020),           deliver("21.3万平方米", "213000平方米", 2020),
      deliver("3.7公里", "基本完成", 2020),          deliver("15项", nullptr, 2020),
      deliver("新开工39公里", "竣工39公里", 2020),   deliver("建成社区治理支持中心", "完成", 2020),
      deliver("建成社区治理支持中心", nullptr, 2020)};
  const auto a = f.at("lines", d(2021, 1, 31));
  ASSERT_EQ(a.deliverables.size(), 9u);
  const status expected[] = {status::met,     status::not_met, status::met,
                             status::met,     status::met,     status::no_data,
                             status::no_data, status::met,     status::needs_judgment};
  for (std::size_t k = 0; k < 9; ++k)
    EXPECT_EQ(a.deliverables[k].status, expected[k]) << k << ": " << a.deliverables[k].reason_en;
  EXPECT_EQ(a.deliverables[0].indicator, "lines");
  EXPECT_EQ(a.deliverables[0].target_text, "新开工39公里");
  EXPECT_DOUBLE_EQ(*a.deliverables[1].gap, -2.0);
  EXPECT_TRUE(has(a.deliverables[1].reason_zh, "未完成目标")) << a.deliverables[1].reason_zh;
  EXPECT_DOUBLE_EQ(*a.deliverables[2].achievement, 1.25);
  EXPECT_DOUBLE_EQ(*a.deliverables[3].actual, 21.3);  // 213000 m² in 万平方米
  EXPECT_TRUE(a.deliverables[4].within_tolerance);    // 基本完成 counts as met
  EXPECT_TRUE(has(a.deliverables[5].reason_en, "no delivered quantity recorded by 2021-01-31"));
  EXPECT_TRUE(has(a.deliverables[6].reason_en, "not comparable"));  // 竣工 vs 新开工
  EXPECT_FALSE(a.deliverables[0].in_progress);
}

TEST(task_eval, deliverables_of_unfinished_tasks_are_interim) {
  fixture f;
  task& t = f.leaf("estates", "", d(2021, 1, 1), d(2021, 12, 31), 0.8, d(2021, 9, 25));
  deliverable dl;
  dl.text = "新开工100万平方米";
  dl.target = parse_target(dl.text);
  observation o;
  o.period = period::year(2021);
  o.value = point_value{82};
  o.unit = unit::parse("万平方米");
  o.qualifier.flow = "新开工";
  o.text = "新开工82万平方米";
  dl.actual = o;
  t.deliverables.push_back(dl);
  const auto a = f.at("estates", d(2021, 9, 30));
  ASSERT_EQ(a.deliverables.size(), 1u);
  EXPECT_EQ(a.deliverables[0].status, status::not_met);
  EXPECT_TRUE(a.deliverables[0].in_progress);
  EXPECT_TRUE(has(a.deliverables[0].reason_en, "As of 2021-09-30 (task not done): actual 新开工82"))
      << a.deliverables[0].reason_en;
  EXPECT_TRUE(has(a.deliverables[0].reason_zh, "截至2021-09-30(任务未完成),完成值新开工82"))
      << a.deliverables[0].reason_zh;
  // an actual of a period that starts after the as-of date is not seen
  EXPECT_EQ(f.at("estates", d(2020, 12, 31)).deliverables[0].status, status::no_data);
}

TEST(task_eval, only_keeps_areas_overlapping_the_period) {
  fixture f;
  f.add("w2020", "", d(2020, 1, 1), d(2020, 12, 31), task_status::done);
  f.add("w2020.1", "w2020", d(2020, 1, 1), d(2020, 12, 31), task_status::done);
  f.add("t2021");  // no own dates: its tasks' span counts
  f.leaf("t2021.1", "t2021", d(2021, 1, 1), d(2021, 12, 31), 0.5, d(2021, 6, 30));
  f.add("misc");  // no dates at all: always kept
  f.add("misc.1", "misc", std::nullopt, std::nullopt, task_status::not_started);
  task_eval_options opt;
  opt.only = period::year(2021);
  const auto e = f.eval(d(2021, 6, 30), opt);
  EXPECT_EQ(e.find("w2020"), nullptr);
  EXPECT_EQ(e.find("w2020.1"), nullptr);
  ASSERT_NE(e.find("t2021.1"), nullptr);
  ASSERT_NE(e.find("misc.1"), nullptr);
  EXPECT_EQ(e.overall.leaves.total(), 2u);
  EXPECT_EQ(e.options.only, period::year(2021));
  opt.only = period::year(2020);
  const auto old = f.eval(d(2021, 6, 30), opt);
  EXPECT_NE(old.find("w2020.1"), nullptr);
  EXPECT_EQ(old.find("t2021"), nullptr);
  EXPECT_EQ(f.eval(d(2021, 6, 30)).tasks.size(), 6u);
}

TEST(task_eval, options_and_invalid_tasks_are_errors) {
  fixture f;
  f.add("a");
  task_eval_options bad;
  bad.due_soon_days = -1;
  EXPECT_THROW(f.eval(d(2021, 1, 1), bad), error);
  bad = {};
  bad.behind_tolerance = 1.5;
  try {
    f.eval(d(2021, 1, 1), bad);
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::usage);
  }
  f.add("b").depends_on = {"c"};
  f.add("c").depends_on = {"b"};
  try {
    f.eval(d(2021, 1, 1));
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::task_cycle);
    EXPECT_TRUE(has(e.message(), "b → c → b"));
  }
}

TEST(task_eval, pure_deterministic_and_thread_safe) {
  fixture f;
  f.add("area", "", d(2021, 1, 1), d(2021, 12, 31));
  for (int k = 0; k < 20; ++k) {
    const std::string id = "t" + std::to_string(k);
    task& t = f.leaf(("t" + std::to_string(k)).c_str(), "area", d(2021, 1, 1),
                     d(2021, 1 + k % 12, 28), 0.05 * k, d(2021, 5, 1));
    t.id = id;
    if (k > 0) t.depends_on = {"t" + std::to_string(k - 1)};
  }
  const plan copy = f.p;
  const auto first = f.eval(d(2021, 6, 15));
  std::vector<task_evaluation> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = evaluate_tasks(f.p, d(2021, 6, 15)); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.tasks.size(), first.tasks.size());
    for (std::size_t k = 0; k < r.tasks.size(); ++k) {
      EXPECT_EQ(r.tasks[k].state, first.tasks[k].state);
      EXPECT_EQ(r.tasks[k].reason_zh, first.tasks[k].reason_zh);
    }
    EXPECT_EQ(r.overall.leaves, first.overall.leaves);
  }
  EXPECT_EQ(f.p, copy);  // the plan is not changed
}

TEST(task_view, indicators_with_their_tasks_and_areas_with_attainment) {
  fixture f;
  for (const char* id : {"gdp_growth", "retail_sales_growth", "green_coverage"}) {
    indicator ind;
    ind.id = id;
    f.p.add(ind);
  }
  f.add("area", "", d(2021, 1, 1), d(2021, 12, 31));
  f.leaf("a", "area", d(2021, 1, 1), d(2021, 12, 31), 0.6, d(2021, 6, 30)).indicators = {
      "gdp_growth", "retail_sales_growth"};
  f.leaf("b", "area", d(2021, 1, 1), d(2021, 3, 31), 0.2, d(2021, 3, 1)).indicators = {
      "gdp_growth"};
  f.add("other", "", d(2021, 1, 1), d(2021, 12, 31));
  f.leaf("c", "other", d(2021, 1, 1), d(2021, 12, 31), 0.5, d(2021, 6, 30));
  const auto e = f.eval(d(2021, 6, 30));
  std::vector<assessment> as(3);
  as[0].indicator = "gdp_growth";
  as[0].period = period::year(2020);
  as[0].status = status::not_met;
  as[1].indicator = "gdp_growth";
  as[1].period = period::year(2021);
  as[1].status = status::met;
  as[2].indicator = "retail_sales_growth";
  as[2].period = period::year(2021);
  as[2].status = status::no_data;
  const auto v = link_indicators(f.p, e, as);
  ASSERT_EQ(v.indicators.size(), 3u);
  const auto& gdp = v.indicators[0];
  EXPECT_EQ(gdp.tasks, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(gdp.latest->status, status::met);  // the latest period
  EXPECT_EQ(gdp.states[task_state::on_track], 1u);
  EXPECT_EQ(gdp.states[task_state::overdue], 1u);
  EXPECT_DOUBLE_EQ(*gdp.progress, 0.4);
  EXPECT_TRUE(v.indicators[2].tasks.empty());
  EXPECT_FALSE(v.indicators[2].latest);
  EXPECT_FALSE(v.indicators[2].progress);
  ASSERT_EQ(v.areas.size(), 2u);
  EXPECT_EQ(v.areas[0].area, "area");
  EXPECT_EQ(v.areas[0].indicators, (std::vector<std::string>{"gdp_growth", "retail_sales_growth"}));
  EXPECT_EQ(v.areas[0].attainment[status::met], 1u);
  EXPECT_EQ(v.areas[0].attainment[status::no_data], 1u);
  EXPECT_DOUBLE_EQ(*v.areas[0].tasks.progress, 0.4);
  EXPECT_TRUE(v.areas[1].indicators.empty());
}
