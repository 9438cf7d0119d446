// Tasks: names of the task enums, lookups, the dependency graph and the invariants.
#include "planeval/core/task.hpp"

#include <array>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/enum_names.hpp"
#include "planeval/core/error.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

constexpr detail::enum_names<task_status, 5> task_status_names{
    "a task status",
    {{{task_status::not_started, "not_started", "未开始", "not started"},
      {task_status::in_progress, "in_progress", "推进中", "in progress"},
      {task_status::done, "done", "已完成", "done"},
      {task_status::suspended, "suspended", "暂停", "suspended"},
      {task_status::cancelled, "cancelled", "取消", "cancelled"}}}};

// Where a problem is: the pointer `/tasks/<k>/<field>[/<item>]` and the task's id.
location where_in(const std::vector<task>& tasks, std::size_t k, const char* field) {
  location loc;
  loc.pointer = "/tasks/" + std::to_string(k) + "/" + field;
  loc.task = tasks[k].id;
  return loc;
}
location where_in(const std::vector<task>& tasks, std::size_t k, const char* field,
                  std::size_t item) {
  location loc = where_in(tasks, k, field);
  loc.pointer += "/" + std::to_string(item);
  return loc;
}

[[noreturn]] void fail(errc code, location loc, const std::string& message) {
  throw model_error(code, message, std::move(loc));
}

using index_map = std::unordered_map<std::string_view, std::size_t>;

}  // namespace

PLANEVAL_ENUM_NAMES(task_status, task_status_names)

const char* task_status_label(task_status s, language l) noexcept {
  return task_status_names.label(s, l);
}

const std::string& task::title(language l) const noexcept {
  return text::display_name(title_zh, title_en, id, l);
}

bool operator==(const task& a, const task& b) noexcept {
  return a.id == b.id && a.parent == b.parent && a.title_zh == b.title_zh &&
         a.title_en == b.title_en && a.description == b.description && a.owner == b.owner &&
         a.cooperating == b.cooperating && a.start == b.start && a.due == b.due &&
         a.status == b.status && a.progress == b.progress && a.completed == b.completed &&
         a.deliverables == b.deliverables && a.indicators == b.indicators &&
         a.depends_on == b.depends_on && a.weight == b.weight && a.note == b.note;
}

const task* find_task(const std::vector<task>& tasks, std::string_view id) noexcept {
  for (const auto& t : tasks)
    if (t.id == id) return &t;
  return nullptr;
}

std::string cycle_text(const std::vector<std::string>& cycle) {
  std::string out;
  for (const auto& id : cycle) {
    if (!out.empty()) out += " → ";
    out += id;
  }
  return out;
}

std::vector<std::string> find_dependency_cycle(const std::vector<task>& tasks) {
  index_map index;
  for (std::size_t k = 0; k < tasks.size(); ++k) index.emplace(tasks[k].id, k);
  enum class color : std::uint8_t { white, gray, black };
  std::vector<color> colors(tasks.size(), color::white);
  // iterative depth-first search; the stack holds (task, next dependency to visit)
  std::vector<std::pair<std::size_t, std::size_t>> stack;
  for (std::size_t root = 0; root < tasks.size(); ++root) {
    if (colors[root] != color::white) continue;
    stack.emplace_back(root, 0);
    colors[root] = color::gray;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const auto& deps = tasks[node].depends_on;
      if (next == deps.size()) {
        colors[node] = color::black;
        stack.pop_back();
        continue;
      }
      const auto it = index.find(deps[next++]);
      if (it == index.end()) continue;
      const std::size_t d = it->second;
      if (colors[d] == color::gray) {
        std::vector<std::string> cycle;
        std::size_t from = 0;
        while (stack[from].first != d) ++from;
        for (std::size_t s = from; s < stack.size(); ++s) cycle.push_back(tasks[stack[s].first].id);
        cycle.push_back(tasks[d].id);
        return cycle;
      }
      if (colors[d] == color::white) {
        colors[d] = color::gray;
        stack.emplace_back(d, 0);
      }
    }
  }
  return {};
}

void validate_tasks(const std::vector<task>& tasks, const std::vector<indicator>* indicators) {
  index_map index;
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const auto& t = tasks[k];
    if (t.id.empty())
      fail(errc::model_invalid, where_in(tasks, k, "id"), "a task needs a non-empty id");
    if (!index.emplace(t.id, k).second)
      fail(errc::model_duplicate, where_in(tasks, k, "id"), "task id '" + t.id + "' is used twice");
  }
  std::set<std::string_view> indicator_ids;
  if (indicators)
    for (const auto& ind : *indicators) indicator_ids.insert(ind.id);

  std::vector<bool> has_children(tasks.size(), false);
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const auto& t = tasks[k];
    if (!std::isfinite(t.weight) || t.weight <= 0)
      fail(errc::model_invalid, where_in(tasks, k, "weight"),
           "the weight must be a number above 0, not " + format_number(t.weight));
    if (t.progress) {
      const double s = t.progress->share;
      if (!std::isfinite(s) || s < 0 || s > 1)
        fail(errc::model_invalid, where_in(tasks, k, "progress"),
             "progress must be a share from 0 to 1 (0%–100%), not " + format_number(s));
      if (t.status == task_status::not_started && s > 0)
        fail(errc::model_invalid, where_in(tasks, k, "progress"),
             "the status is not_started but progress " + format_number(s) + " is recorded");
      if (t.status == task_status::done && s < 1)
        fail(errc::model_invalid, where_in(tasks, k, "progress"),
             "the status is done but progress " + format_number(s) + " (below 1) is recorded");
    }
    if (t.start && t.due && *t.due < *t.start)
      fail(errc::model_invalid, where_in(tasks, k, "due"),
           "the due day " + to_string(*t.due) + " is before the start day " + to_string(*t.start));
    if (t.completed && t.status != task_status::done)
      fail(errc::model_invalid, where_in(tasks, k, "completed"),
           std::string("a completion day is given but the status is ") + to_string(t.status) +
               ", not done");
    for (std::size_t j = 0; j < t.deliverables.size(); ++j)
      if (t.deliverables[j].text.empty())
        fail(errc::model_invalid, where_in(tasks, k, "deliverables", j),
             "a deliverable needs its target text");
    if (!t.parent.empty()) {
      const auto it = index.find(t.parent);
      if (it == index.end())
        fail(errc::model_unknown_id, where_in(tasks, k, "parent"),
             "the parent '" + t.parent + "' is not a task");
      has_children[it->second] = true;
    }
    std::set<std::string_view> seen;
    for (std::size_t j = 0; j < t.depends_on.size(); ++j) {
      const auto& d = t.depends_on[j];
      if (index.find(d) == index.end())
        fail(errc::model_unknown_id, where_in(tasks, k, "depends_on", j),
             "the dependency '" + d + "' is not a task");
      if (d == t.id)
        fail(errc::task_cycle, where_in(tasks, k, "depends_on", j),
             "dependency cycle: " + t.id + " → " + t.id + " (a task cannot depend on itself)");
      if (!seen.insert(d).second)
        fail(errc::model_duplicate, where_in(tasks, k, "depends_on", j),
             "the dependency '" + d + "' is listed twice");
    }
    seen.clear();
    for (std::size_t j = 0; j < t.indicators.size(); ++j) {
      const auto& i = t.indicators[j];
      if (indicators && indicator_ids.count(i) == 0)
        fail(errc::model_unknown_id, where_in(tasks, k, "indicators", j),
             "the indicator '" + i + "' is not in the plan");
      if (!seen.insert(i).second)
        fail(errc::model_duplicate, where_in(tasks, k, "indicators", j),
             "the indicator '" + i + "' is linked twice");
    }
  }

  // parent chains end at an area
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    std::vector<std::size_t> chain{k};
    std::size_t at = k;
    while (!tasks[at].parent.empty()) {
      at = index.at(tasks[at].parent);
      for (std::size_t c = 0; c < chain.size(); ++c) {
        if (chain[c] != at) continue;
        std::vector<std::string> cycle;
        for (std::size_t s = c; s < chain.size(); ++s) cycle.push_back(tasks[chain[s]].id);
        cycle.push_back(tasks[at].id);
        fail(errc::task_cycle, where_in(tasks, chain[c], "parent"),
             "parent cycle: " + cycle_text(cycle) + " (each task's parent is the next)");
      }
      chain.push_back(at);
    }
  }

  // a task cannot wait for one of its ancestors: the ancestor is done only when the task is
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const auto& t = tasks[k];
    for (std::size_t j = 0; j < t.depends_on.size(); ++j) {
      for (std::string_view a = t.parent; !a.empty(); a = tasks[index.at(a)].parent) {
        if (a != t.depends_on[j]) continue;
        fail(errc::task_cycle, where_in(tasks, k, "depends_on", j),
             "dependency cycle: " + t.id + " → " + std::string(a) + " → " + t.id + " ('" +
                 std::string(a) + "' is an ancestor of '" + t.id + "' and is done only when '" +
                 t.id + "' is)");
      }
    }
  }

  const auto cycle = find_dependency_cycle(tasks);
  if (!cycle.empty())
    fail(errc::task_cycle, where_in(tasks, index.at(cycle.front()), "depends_on"),
         "dependency cycle: " + cycle_text(cycle));

  // groups take progress and done-ness from their sub-tasks
  std::vector<std::vector<std::size_t>> children(tasks.size());
  for (std::size_t k = 0; k < tasks.size(); ++k)
    if (!tasks[k].parent.empty()) children[index.at(tasks[k].parent)].push_back(k);
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const auto& t = tasks[k];
    if (!has_children[k]) continue;
    if (t.progress)
      fail(errc::model_invalid, where_in(tasks, k, "progress"),
           "the task has sub-tasks: its progress is rolled up from them and cannot be "
           "recorded");
    if (t.status != task_status::done) continue;
    // every leaf below, outside cancelled branches, must be done
    std::vector<std::size_t> todo = children[k];
    while (!todo.empty()) {
      const std::size_t c = todo.back();
      todo.pop_back();
      if (tasks[c].status == task_status::cancelled) continue;
      if (!children[c].empty()) {
        todo.insert(todo.end(), children[c].begin(), children[c].end());
        continue;
      }
      if (tasks[c].status != task_status::done)
        fail(errc::model_invalid, where_in(tasks, k, "status"),
             "the status is done but the sub-task '" + tasks[c].id + "' is " +
                 to_string(tasks[c].status));
    }
  }
}

}  // namespace planeval
