// Task tables in CSV (task evaluations are rendered in src/render/tasks.cpp).
#include "planeval/io/tasks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <ostream>
#include <string_view>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"

#include "io/csv_records.hpp"
#include "io/file_util.hpp"

namespace planeval {
namespace {

// --- reading -----------------------------------------------------------------------------

const std::vector<std::string> required_columns{"id"};
const std::vector<std::string> optional_columns{
    "parent",      "title_zh", "title_en",   "owner",      "cooperating",   "description",
    "start",       "due",      "status",     "progress",   "progress_date", "completed",
    "deliverable", "actual",   "indicators", "depends_on", "weight",        "note"};

// One item of a multi-valued cell: its text and the byte offset where it starts in the cell.
struct item {
  std::string text;
  std::size_t offset = 0;
};

std::vector<item> split_items(const std::string& cell, bool keep_empty) {
  std::vector<item> out;
  std::size_t from = 0;
  while (true) {
    const std::size_t semi = cell.find(';', from);
    const std::string_view raw = std::string_view(cell).substr(
        from, semi == std::string::npos ? std::string::npos : semi - from);
    const std::string_view t = detail::trim(raw);
    const std::size_t offset = t.empty() ? from : static_cast<std::size_t>(t.data() - cell.data());
    if (!t.empty() || keep_empty) out.push_back({std::string(t), offset});
    if (semi == std::string::npos) break;
    from = semi + 1;
  }
  if (keep_empty) {
    // "a;" has no second item; trailing blanks are not items
    while (!out.empty() && out.back().text.empty()) out.pop_back();
  }
  return out;
}

struct reader {
  const csv_table& t;

  const csv_cell* cell(const std::vector<csv_cell>& row, const char* name) const {
    const int k = t.column(name);
    return k < 0 ? nullptr : &row[static_cast<std::size_t>(k)];
  }
  std::string text(const std::vector<csv_cell>& row, const char* name) const {
    const auto* c = cell(row, name);
    return c ? std::string(detail::trim(c->text)) : std::string();
  }
  // where a cell (or, when the column is absent, its row) is
  location where(const std::vector<csv_cell>& row, const char* name, std::size_t byte_offset = 0,
                 std::size_t inner_column = 0) const {
    location loc;
    loc.file = t.source;
    loc.pointer = name;
    loc.task = text(row, "id");
    const auto* c = cell(row, name);
    loc.line = c && c->line != 0 ? c->line : (row.empty() ? 0 : row.front().line);
    if (c && c->column != 0) {
      const std::string_view body(c->text);
      // the cell's column counts from its first non-blank character
      const std::size_t lead = static_cast<std::size_t>(detail::trim(body).data() - body.data());
      const std::size_t at = byte_offset > 0 ? byte_offset : (body.empty() ? 0 : lead);
      loc.column = c->column + detail::column_of_byte(body, at) - 1;
      if (inner_column > 0) loc.column += inner_column - 1;
    }
    return loc;
  }

  // Runs `f` and re-raises a planeval error with the location of a cell (or an item of it); the
  // location names the task, so the message does not.
  template <class F>
  auto at(const std::vector<csv_cell>& row, const char* name, std::size_t byte_offset, F f) const
      -> decltype(f()) {
    try {
      return f();
    } catch (const parse_error& e) {
      auto loc = where(row, name, byte_offset, e.where().column);
      loc.fragment = e.where().fragment;
      throw parse_error(e.code(), e.message(), loc);
    } catch (const model_error& e) {
      throw model_error(e.code(), e.message(), where(row, name, byte_offset));
    } catch (const format_error& e) {
      throw format_error(e.code(), e.message(), where(row, name, byte_offset));
    }
  }

  [[noreturn]] void fail(const std::vector<csv_cell>& row, const char* name, errc code,
                         const std::string& message, std::size_t byte_offset = 0) const {
    throw model_error(code, message, where(row, name, byte_offset));
  }
};

double read_number(const std::string& text, const char* what) {
  double v = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (!text.empty() && *first == '+') ++first;
  const auto res = std::from_chars(first, last, v);
  if (text.empty() || res.ec != std::errc() || res.ptr != last || !std::isfinite(v))
    throw model_error(errc::model_invalid,
                      std::string(what) + " must be a number, not '" + text + "'");
  return v;
}

double read_share(const std::string& text) {
  if (!text.empty() && text.back() == '%')
    return read_number(std::string(detail::trim(text.substr(0, text.size() - 1))), "progress") /
           100.0;
  if (text.size() >= 3 && text.compare(text.size() - 3, 3, "％") == 0)
    return read_number(std::string(detail::trim(text.substr(0, text.size() - 3))), "progress") /
           100.0;
  return read_number(text, "progress");
}

task_status read_status(const std::string& text) {
  if (const auto s = try_from_string<task_status>(text)) return *s;
  static const std::vector<std::pair<const char*, task_status>> zh{
      {"未开始", task_status::not_started}, {"推进中", task_status::in_progress},
      {"进行中", task_status::in_progress}, {"已完成", task_status::done},
      {"完成", task_status::done},          {"暂停", task_status::suspended},
      {"已暂停", task_status::suspended},   {"取消", task_status::cancelled},
      {"已取消", task_status::cancelled}};
  for (const auto& [name, s] : zh)
    if (text == name) return s;
  return from_string<task_status>(text);  // throws, listing the stable names
}

std::vector<std::string> texts(const std::vector<item>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& i : items) out.push_back(i.text);
  return out;
}

// The field of a validation pointer `/tasks/<k>/<field>[/<item>]` as a column name, and the item.
struct pointer_parts {
  std::size_t task = 0;
  std::string column;
  std::optional<std::size_t> item;
};

std::optional<pointer_parts> parse_pointer(const std::string& p) {
  const std::string prefix = "/tasks/";
  if (p.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  pointer_parts out;
  std::size_t at = prefix.size();
  const std::size_t slash = p.find('/', at);
  if (slash == std::string::npos) return std::nullopt;
  out.task = static_cast<std::size_t>(std::stoul(p.substr(at, slash - at)));
  at = slash + 1;
  const std::size_t slash2 = p.find('/', at);
  std::string field = p.substr(at, slash2 == std::string::npos ? std::string::npos : slash2 - at);
  if (slash2 != std::string::npos)
    out.item = static_cast<std::size_t>(std::stoul(p.substr(slash2 + 1)));
  if (field == "deliverables") field = "deliverable";
  out.column = field;
  return out;
}

}  // namespace

std::vector<task> apply_task_updates(std::vector<task> tasks,
                                     const std::vector<task_update>& updates) {
  for (const auto& u : updates) {
    location at = u.where;
    at.task = u.task;
    try {
      const auto it =
          std::find_if(tasks.begin(), tasks.end(), [&](const task& t) { return t.id == u.task; });
      if (it == tasks.end()) raise(errc::model_unknown_id, "no task '" + u.task + "' in the plan");
      task& tk = *it;
      const auto day = [](const std::string& text) -> std::optional<date> {
        const std::string_view v = detail::trim(text);
        if (v.empty()) return std::nullopt;
        return parse_date(std::string(v));
      };
      const std::optional<date> completed = day(u.completed);
      const std::optional<date> reported = day(u.progress_date);
      std::optional<double> share;
      const std::string progress(detail::trim(u.progress));
      if (!progress.empty()) {
        share = read_share(progress);
        if (!reported)
          raise(errc::model_invalid, "a progress needs the day it was reported (progress_date)");
        tk.progress = progress_report{*share, *reported};
      } else if (reported) {
        raise(errc::model_invalid, "progress_date is given but the progress is blank");
      }
      if (completed) tk.completed = completed;
      const std::string status(detail::trim(u.status));
      if (!status.empty())
        tk.status = read_status(status);
      else if (completed || (share && *share >= 1.0))
        tk.status = task_status::done;
      else if (share)
        tk.status = *share > 0.0 ? task_status::in_progress : task_status::not_started;
    } catch (const error& e) {
      raise_at(e, at);
    }
  }
  try {
    validate_tasks(tasks, nullptr);
  } catch (const error& e) {
    // at the update of the task it names, when there is one
    for (const auto& u : updates)
      if (e.where().pointer.rfind("/tasks/", 0) == 0) {
        const auto k = static_cast<std::size_t>(std::stoul(e.where().pointer.substr(7)));
        if (k < tasks.size() && tasks[k].id == u.task) {
          location at = u.where;
          at.task = u.task;
          raise_at(e, at);
        }
      }
    throw;
  }
  return tasks;
}

std::vector<task> read_tasks(std::istream& in, const std::string& source, const plan* known,
                             const limits& lim) {
  csv_table t = read_csv(in, source, lim);
  check_header(t, required_columns, optional_columns);
  const reader r{t};
  std::vector<task> out;
  out.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    task tk;
    tk.id = r.text(row, "id");
    if (tk.id.empty()) r.fail(row, "id", errc::model_invalid, "the task id is empty");
    const std::string& id = tk.id;
    tk.parent = r.text(row, "parent");
    tk.title_zh = r.text(row, "title_zh");
    tk.title_en = r.text(row, "title_en");
    tk.owner = r.text(row, "owner");
    tk.description = r.text(row, "description");
    tk.note = r.text(row, "note");
    auto date_of = [&](const char* col) -> std::optional<date> {
      const std::string v = r.text(row, col);
      if (v.empty()) return std::nullopt;
      return r.at(row, col, 0, [&] {
        const date d = parse_date(v);
        check_year_limits(static_cast<int>(d.year()), lim);
        return d;
      });
    };
    tk.start = date_of("start");
    tk.due = date_of("due");
    tk.completed = date_of("completed");
    const std::optional<date> progress_date = date_of("progress_date");

    const std::string progress_text = r.text(row, "progress");
    std::optional<double> share;
    if (!progress_text.empty()) {
      share = r.at(row, "progress", 0, [&] { return read_share(progress_text); });
      if (!progress_date)
        r.fail(row, "progress_date", errc::model_invalid,
               "a progress needs the day it was reported (progress_date)");
      tk.progress = progress_report{*share, *progress_date};
    } else if (progress_date) {
      r.fail(row, "progress", errc::model_invalid,
             "progress_date is given but the progress is blank");
    }

    const std::string status_text = r.text(row, "status");
    if (!status_text.empty()) {
      tk.status = r.at(row, "status", 0, [&] { return read_status(status_text); });
    } else if (tk.completed || (share && *share >= 1.0)) {
      tk.status = task_status::done;
    } else if (share && *share > 0.0) {
      tk.status = task_status::in_progress;
    }

    const std::string weight_text = r.text(row, "weight");
    if (!weight_text.empty())
      tk.weight = r.at(row, "weight", 0, [&] { return read_number(weight_text, "weight"); });

    if (const auto* c = r.cell(row, "cooperating"))
      tk.cooperating = texts(split_items(c->text, false));
    if (const auto* c = r.cell(row, "indicators"))
      tk.indicators = texts(split_items(c->text, false));
    if (const auto* c = r.cell(row, "depends_on"))
      tk.depends_on = texts(split_items(c->text, false));

    if (const auto* c = r.cell(row, "deliverable")) {
      for (const auto& i : split_items(c->text, false)) {
        deliverable d;
        d.text = i.text;
        d.target = r.at(row, "deliverable", i.offset, [&] { return parse_target(i.text); });
        tk.deliverables.push_back(std::move(d));
      }
    }
    if (const auto* c = r.cell(row, "actual")) {
      const auto items = split_items(c->text, true);
      if (items.size() > tk.deliverables.size())
        r.fail(row, "actual", errc::model_invalid,
               std::to_string(items.size()) + " actual values for " +
                   std::to_string(tk.deliverables.size()) + " deliverables",
               items[tk.deliverables.size()].offset);
      for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].text.empty()) continue;
        const std::optional<date> when =
            tk.completed ? tk.completed
                         : (progress_date ? progress_date : (tk.due ? tk.due : tk.start));
        if (!when)
          r.fail(row, "actual", errc::model_invalid,
                 "an actual value needs a day to date it by (completed, progress_date, due or "
                 "start)",
                 items[k].offset);
        const auto parsed = r.at(row, "actual", items[k].offset, [&] {
          auto one = parse_observation(items[k].text);
          check_one_quantity(one);
          return one;
        });
        tk.deliverables[k].actual =
            to_observation(id, period::year(static_cast<int>(when->year())), items[k].text, parsed);
      }
    }
    out.push_back(std::move(tk));
  }

  try {
    validate_tasks(out, known ? &known->indicators : nullptr);
  } catch (const model_error& e) {
    const auto parts = parse_pointer(e.where().pointer);
    if (!parts || parts->task >= t.rows.size()) throw;
    const auto& row = t.rows[parts->task];
    std::size_t offset = 0;
    if (parts->item) {
      if (const auto* c = r.cell(row, parts->column.c_str())) {
        const auto items = split_items(c->text, false);
        if (*parts->item < items.size()) offset = items[*parts->item].offset;
      }
    }
    throw model_error(e.code(), e.message(), r.where(row, parts->column.c_str(), offset));
  }
  return out;
}

std::vector<task> load_tasks(const std::string& path, const plan* known, const limits& lim) {
  std::ifstream in;
  detail::open_file(in, path);
  return read_tasks(in, path, known, lim);
}

namespace {

std::string join(const std::vector<std::string>& items, const std::string& task_id,
                 const char* column) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (items[k].find(';') != std::string::npos) {
      location loc;
      loc.pointer = std::string(column);
      loc.task = task_id;
      throw model_error(errc::model_invalid,
                        std::string("the ") + column + " item '" + items[k] +
                            "' contains ';', which separates items in a task table",
                        loc);
    }
    if (k > 0) out += ';';
    out += items[k];
  }
  return out;
}

std::string actual_text(const observation& o) {
  if (!o.text.empty()) return o.text;
  return canonical(o);
}

std::string opt_date(const std::optional<date>& d) { return d ? to_string(*d) : std::string(); }

}  // namespace

void write_tasks(std::ostream& out, const std::vector<task>& tasks) {
  out << "id,parent,title_zh,title_en,owner,cooperating,description,start,due,status,progress,"
         "progress_date,completed,deliverable,actual,indicators,depends_on,weight,note\n";
  for (const auto& t : tasks) {
    std::vector<std::string> targets;
    std::vector<std::string> actuals;
    for (const auto& d : t.deliverables) {
      targets.push_back(d.text.empty() ? canonical(d.target) : d.text);
      actuals.push_back(d.actual ? actual_text(*d.actual) : std::string());
    }
    while (!actuals.empty() && actuals.back().empty()) actuals.pop_back();
    out << csv_quote(t.id) << ',' << csv_quote(t.parent) << ',' << csv_quote(t.title_zh) << ','
        << csv_quote(t.title_en) << ',' << csv_quote(t.owner) << ','
        << csv_quote(join(t.cooperating, t.id, "cooperating")) << ',' << csv_quote(t.description)
        << ',' << opt_date(t.start) << ',' << opt_date(t.due) << ',' << to_string(t.status) << ','
        << (t.progress ? format_number(t.progress->share) : "") << ','
        << (t.progress ? to_string(t.progress->reported) : "") << ',' << opt_date(t.completed)
        << ',' << csv_quote(join(targets, t.id, "deliverable")) << ','
        << csv_quote(join(actuals, t.id, "actual")) << ','
        << csv_quote(join(t.indicators, t.id, "indicators")) << ','
        << csv_quote(join(t.depends_on, t.id, "depends_on")) << ',' << format_number(t.weight)
        << ',' << csv_quote(t.note) << '\n';
  }
}

}  // namespace planeval
