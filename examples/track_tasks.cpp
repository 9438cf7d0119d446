// Track the Changning 2021 plan's tasks as of a date through the C++ API.
// Usage: track_tasks [DATA_DIR] [zh|en]
#include <iostream>
#include <string>

#include "planeval/core/error.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

int main(int argc, char** argv) {
  using namespace planeval;
  const std::string dir = argc > 1 ? argv[1] : PLANEVAL_EXAMPLE_DATA "/changning-2021";
  const language lang = (argc > 2 && std::string(argv[2]) == "en") ? language::en : language::zh;
  try {
    // 1. The plan table, and its tasks (areas, tasks, sub-tasks) linked to its indicators.
    plan p = load_plan_table(dir + "/indicators.csv");
    p.tasks = load_tasks(dir + "/tasks.csv", &p);

    // 2. The 2021 tasks as of 30 September: a pure function of the plan, the date and options.
    task_eval_options options;
    options.only = period::year(2021);
    const task_evaluation e = evaluate_tasks(p, parse_date("2021-09-30"), options);
    for (const auto& a : e.tasks) {
      const task& t = *find_task(p.tasks, a.task);
      const bool problem = a.state == task_state::overdue || a.state == task_state::behind;
      if (a.depth == 0 || problem || a.blocked)
        std::cout << std::string(a.depth * 2, ' ') << a.task << '\t' << t.title(lang) << '\t'
                  << to_string(a.state) << (a.blocked ? " (blocked)" : "") << '\t' << a.reason(lang)
                  << '\n';
    }
    std::cout << '\n' << task_narrative(e, lang) << "\n\n";

    // 3. Deliverables are judged with the indicators' attainment rules: in 2021 so far, and the
    //    2020 work as reported.
    auto deliverables = [&](const task_evaluation& ev) {
      for (const auto& a : ev.tasks)
        for (const auto& d : a.deliverables)
          std::cout << a.task << '\t' << d.target_text << '\t' << to_string(d.status) << '\t'
                    << d.reason(lang) << '\n';
    };
    deliverables(e);
    options.only = period::year(2020);
    deliverables(evaluate_tasks(p, parse_date("2020-12-31"), options));
  } catch (const error& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
