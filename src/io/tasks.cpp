// Task tables in CSV, and task evaluations as JSON, text tables and Markdown.
#include "planeval/io/tasks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <unordered_map>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"

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

void check_header(const csv_table& t) {
  for (const auto& h : t.header) {
    const bool known = std::find(required_columns.begin(), required_columns.end(), h.text) !=
                           required_columns.end() ||
                       std::find(optional_columns.begin(), optional_columns.end(), h.text) !=
                           optional_columns.end();
    if (known) continue;
    std::string all = "id";
    for (const auto& c : optional_columns) all += ", " + c;
    location loc;
    loc.file = t.source;
    loc.line = h.line;
    loc.column = h.column;
    throw format_error(errc::csv_header,
                       "unknown column '" + h.text + "' (expected columns: " + all + ")", loc);
  }
  for (const auto& r : required_columns) {
    if (t.column(r) >= 0) continue;
    location loc;
    loc.file = t.source;
    loc.line = t.header.empty() ? 1 : t.header.front().line;
    loc.column = 1;
    throw format_error(errc::csv_header, "missing required column '" + r + "'", loc);
  }
}

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

std::ifstream open_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    location loc;
    loc.file = path;
    throw io_error(errc::io_open, "cannot open file for reading", loc);
  }
  return in;
}

}  // namespace

std::vector<task> read_tasks(std::istream& in, const std::string& source, const plan* known,
                             const limits& lim) {
  const csv_table t = read_csv(in, source, lim);
  check_header(t);
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
      tk.st = r.at(row, "status", 0, [&] { return read_status(status_text); });
    } else if (tk.completed || (share && *share >= 1.0)) {
      tk.st = task_status::done;
    } else if (share && *share > 0.0) {
      tk.st = task_status::in_progress;
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
        const auto parsed = r.at(row, "actual", items[k].offset,
                                 [&] { return parse_observation(items[k].text); });
        observation o;
        o.indicator = id;
        o.per = period::year(static_cast<int>(when->year()));
        o.value = parsed.value;
        o.meas = parsed.meas;
        o.u = parsed.u;
        o.qual = parsed.qual;
        o.comparable = parsed.comparable;
        o.text = items[k].text;
        if (parsed.approximate) o.flags = "E";
        if (!parsed.remark.empty()) o.note = parsed.remark;
        tk.deliverables[k].actual = std::move(o);
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
  auto in = open_input(path);
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
  parsed_observation po;
  po.value = o.value;
  po.meas = o.meas;
  po.u = o.u;
  po.qual = o.qual;
  po.comparable = o.comparable;
  po.approximate = o.approximate();
  return canonical(po);
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
        << ',' << opt_date(t.start) << ',' << opt_date(t.due) << ',' << to_string(t.st) << ','
        << (t.progress ? format_number(t.progress->share) : "") << ','
        << (t.progress ? to_string(t.progress->reported) : "") << ',' << opt_date(t.completed)
        << ',' << csv_quote(join(targets, t.id, "deliverable")) << ','
        << csv_quote(join(actuals, t.id, "actual")) << ','
        << csv_quote(join(t.indicators, t.id, "indicators")) << ','
        << csv_quote(join(t.depends_on, t.id, "depends_on")) << ',' << format_number(t.weight)
        << ',' << csv_quote(t.note) << '\n';
  }
}

// --- reports ------------------------------------------------------------------------------

namespace {

using json = nlohmann::ordered_json;

json share_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return std::round(*v * 1e6) / 1e6;
}

json date_or_null(const std::optional<date>& d) {
  if (!d) return nullptr;
  return to_string(*d);
}

std::string pct(const std::optional<double>& share) {
  if (!share) return "-";
  return format_number(std::round(*share * 10000.0) / 100.0) + "%";
}

json rollup_json(const task_rollup& r) {
  json j;
  j["progress"] = share_or_null(r.progress);
  j["planned"] = share_or_null(r.planned);
  j["tasks"] = r.leaves.total();
  json by = json::object();
  for (int k = 0; k < task_state_count; ++k)
    by[to_string(static_cast<task_state>(k))] = r.leaves.n[static_cast<std::size_t>(k)];
  j["by_status"] = by;
  j["blocked"] = r.blocked;
  j["unreported"] = r.unreported;
  return j;
}

json status_counts_json(const status_counts& c) {
  json j = json::object();
  for (int k = 0; k < status_count; ++k)
    j[to_string(static_cast<status>(k))] = c.n[static_cast<std::size_t>(k)];
  return j;
}

const std::string& indicator_name(const plan& p, const std::string& id, language lang) {
  const indicator* ind = p.find(id);
  if (!ind) return id;
  const std::string& n = lang == language::zh ? ind->name_zh : ind->name_en;
  return n.empty() ? id : n;
}

const area_view* find_area(const indicator_task_view* view, const std::string& id) {
  if (!view) return nullptr;
  for (const auto& a : view->areas)
    if (a.area == id) return &a;
  return nullptr;
}

// Tasks and assessments by id, so reports stay linear in the number of tasks.
struct lookup {
  std::unordered_map<std::string_view, const task*> tasks;
  std::unordered_map<std::string_view, const task_assessment*> assessments;
  lookup(const plan& p, const task_evaluation& e) {
    for (const auto& t : p.tasks) tasks.emplace(t.id, &t);
    for (const auto& a : e.tasks) assessments.emplace(a.task, &a);
  }
  const task* task_of(const std::string& id) const {
    const auto it = tasks.find(id);
    return it == tasks.end() ? nullptr : it->second;
  }
  const task_assessment* assessment_of(const std::string& id) const {
    const auto it = assessments.find(id);
    return it == assessments.end() ? nullptr : it->second;
  }
};

}  // namespace

std::string task_evaluation_to_json(const plan& p, const task_evaluation& e,
                                    const indicator_task_view* view, language lang, int indent) {
  const lookup by_id(p, e);
  json root;
  root["plan"] = p.id;
  root["as_of"] = to_string(e.as_of);
  root["language"] = to_string(lang);
  root["options"] = {
      {"due_soon_days", e.options.due_soon_days},
      {"behind_tolerance", e.options.behind_tolerance},
      {"period", e.options.only ? json(e.options.only->to_string()) : json(nullptr)}};
  root["overall"] = rollup_json(e.overall);
  root["narrative"] = task_narrative(e, lang);

  json areas = json::array();
  for (const auto& a : e.tasks) {
    if (a.depth != 0) continue;
    const task* t = by_id.task_of(a.task);
    json j;
    j["id"] = a.task;
    j["title"] = t ? t->title(lang) : a.task;
    j["status"] = to_string(a.state);
    j["weight"] = t ? t->weight : 1.0;
    const json r = rollup_json(a.rollup);
    for (auto it = r.begin(); it != r.end(); ++it) j[it.key()] = it.value();
    if (const auto* av = find_area(view, a.task)) {
      j["indicators"] = av->indicators;
      j["attainment"] = status_counts_json(av->attainment);
    }
    areas.push_back(std::move(j));
  }
  root["areas"] = std::move(areas);

  json list = json::array();
  for (const auto& a : e.tasks) {
    const task* t = by_id.task_of(a.task);
    json j;
    j["id"] = a.task;
    j["parent"] = a.parent.empty() ? json(nullptr) : json(a.parent);
    j["depth"] = a.depth;
    j["group"] = a.group;
    j["title"] = t ? t->title(lang) : a.task;
    j["owner"] = t ? t->owner : std::string();
    j["start"] = t ? date_or_null(t->start) : json(nullptr);
    j["due"] = t ? date_or_null(t->due) : json(nullptr);
    j["recorded_status"] = t ? to_string(t->st) : "";
    j["status"] = to_string(a.state);
    j["status_label"] = task_state_label(a.state, lang);
    j["progress"] = share_or_null(a.progress);
    j["progress_date"] = date_or_null(a.progress_date);
    j["planned"] = share_or_null(a.planned);
    j["days_to_due"] = a.days_to_due ? json(*a.days_to_due) : json(nullptr);
    j["completed"] = date_or_null(a.completed);
    j["blocked"] = a.blocked;
    j["blocked_by"] = a.blocked_by;
    j["weight"] = t ? t->weight : 1.0;
    j["indicators"] = t ? t->indicators : std::vector<std::string>{};
    j["depends_on"] = t ? t->depends_on : std::vector<std::string>{};
    json ds = json::array();
    for (const auto& d : a.deliverables) {
      json dj;
      dj["target"] = d.target_text;
      dj["actual"] = d.actual_text.empty() ? json(nullptr) : json(d.actual_text);
      dj["status"] = to_string(d.st);
      dj["gap"] = share_or_null(d.gap);
      dj["unit"] = d.gap_unit.symbol();
      dj["achievement"] = share_or_null(d.achievement);
      dj["reason"] = d.reason(lang);
      ds.push_back(std::move(dj));
    }
    j["deliverables"] = std::move(ds);
    if (a.group) j["rollup"] = rollup_json(a.rollup);
    j["reason"] = a.reason(lang);
    j["reason_zh"] = a.reason_zh;
    j["reason_en"] = a.reason_en;
    list.push_back(std::move(j));
  }
  root["tasks"] = std::move(list);

  if (view) {
    json inds = json::array();
    for (const auto& iv : view->indicators) {
      json j;
      j["id"] = iv.indicator;
      j["name"] = indicator_name(p, iv.indicator, lang);
      j["status"] = iv.latest ? json(to_string(iv.latest->st)) : json(nullptr);
      j["period"] = iv.latest ? json(iv.latest->per.to_string()) : json(nullptr);
      j["reason"] = iv.latest ? json(iv.latest->reason(lang)) : json(nullptr);
      json ts = json::array();
      for (const auto& id : iv.tasks) {
        const auto* a = by_id.assessment_of(id);
        ts.push_back({{"id", id}, {"status", a ? to_string(a->state) : ""}});
      }
      j["tasks"] = std::move(ts);
      j["task_progress"] = share_or_null(iv.progress);
      j["blocked"] = iv.blocked;
      inds.push_back(std::move(j));
    }
    root["indicators"] = std::move(inds);
  }
  return root.dump(indent, ' ', false, json::error_handler_t::replace);
}

namespace {

struct grid {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::string state_cell(const task_assessment& a, language lang) {
  std::string s = task_state_label(a.state, lang);
  if (a.blocked) s += lang == language::zh ? "(受阻)" : " (blocked)";
  return s;
}

std::vector<grid> build(const plan& p, const task_evaluation& e, const indicator_task_view* view,
                        language lang) {
  const lookup by_id(p, e);
  const bool zh = lang == language::zh;
  std::vector<grid> out;
  auto n = [](std::size_t v) { return std::to_string(v); };

  grid areas;
  areas.title = zh ? "截至" + to_string(e.as_of) + "各领域任务进展"
                   : "Task areas as of " + to_string(e.as_of);
  areas.header =
      zh ? std::vector<std::string>{"#",      "领域",   "状态",     "进度",     "时序进度",
                                    "任务",   "已完成", "正常推进", "临近到期", "进度滞后",
                                    "已逾期", "未开始", "其他",     "受阻"}
         : std::vector<std::string>{"#",       "area",        "state",    "progress", "elapsed",
                                    "tasks",   "done",        "on track", "due soon", "behind",
                                    "overdue", "not started", "other",    "blocked"};
  if (view) areas.header.push_back(zh ? "指标达成" : "indicators met");
  auto counts = [&](const task_rollup& r, std::vector<std::string>& row) {
    const auto& c = r.leaves;
    row.push_back(n(c.total()));
    row.push_back(n(c.done()));
    row.push_back(n(c[task_state::on_track]));
    row.push_back(n(c[task_state::due_soon]));
    row.push_back(n(c[task_state::behind]));
    row.push_back(n(c[task_state::overdue]));
    row.push_back(n(c[task_state::not_started]));
    row.push_back(
        n(c[task_state::suspended] + c[task_state::cancelled] + c[task_state::not_assessable]));
    row.push_back(n(r.blocked));
  };
  std::size_t k = 0;
  status_counts all_attainment;
  std::size_t all_linked = 0;
  for (const auto& a : e.tasks) {
    if (a.depth != 0) continue;
    const task* t = by_id.task_of(a.task);
    std::vector<std::string> row{n(++k), t ? t->title(lang) : a.task, state_cell(a, lang),
                                 pct(a.rollup.progress), pct(a.rollup.planned)};
    counts(a.rollup, row);
    if (view) {
      const auto* av = find_area(view, a.task);
      if (av && !av->indicators.empty()) {
        row.push_back(n(av->attainment.attained()) + "/" + n(av->indicators.size()));
      } else {
        row.push_back("-");
      }
    }
    areas.rows.push_back(std::move(row));
  }
  if (view) {
    for (const auto& iv : view->indicators) {
      if (iv.tasks.empty()) continue;
      ++all_linked;
      if (iv.latest) all_attainment.add(iv.latest->st);
    }
  }
  std::vector<std::string> total{"", zh ? "合计" : "total", "", pct(e.overall.progress),
                                 pct(e.overall.planned)};
  counts(e.overall, total);
  if (view) total.push_back(all_linked ? n(all_attainment.attained()) + "/" + n(all_linked) : "-");
  areas.rows.push_back(std::move(total));
  out.push_back(std::move(areas));

  struct section {
    const char* zh;
    const char* en;
    bool (*pick)(const task_assessment&);
  };
  const section sections[] = {
      {"已逾期任务", "Overdue tasks",
       [](const task_assessment& a) { return a.state == task_state::overdue; }},
      {"进度滞后任务", "Tasks behind schedule",
       [](const task_assessment& a) { return a.state == task_state::behind; }},
      {"临近到期任务", "Tasks due soon",
       [](const task_assessment& a) { return a.state == task_state::due_soon; }},
      {"受阻任务(前置任务未完成)", "Blocked tasks (a dependency not done)",
       [](const task_assessment& a) { return a.blocked; }},
  };
  for (const auto& s : sections) {
    grid g;
    g.title = zh ? s.zh : s.en;
    g.header =
        zh ? std::vector<std::string>{"编号", "任务", "牵头单位", "计划完成",
                                      "进度", "状态", "说明"}
           : std::vector<std::string>{"id", "task", "owner", "due", "progress", "state", "reason"};
    for (const auto& a : e.tasks) {
      if (a.depth == 0 || !s.pick(a)) continue;
      const task* t = by_id.task_of(a.task);
      g.rows.push_back({a.task, t ? t->title(lang) : a.task,
                        t && !t->owner.empty() ? t->owner : "-",
                        t && t->due ? to_string(*t->due) : "-", pct(a.progress),
                        state_cell(a, lang), a.reason(lang)});
    }
    if (!g.rows.empty()) out.push_back(std::move(g));
  }

  if (view) {
    grid g;
    g.title = zh ? "指标与相关任务" : "Indicators and the tasks serving them";
    g.header = zh ? std::vector<std::string>{"指标", "达成情况", "任务进度", "相关任务"}
                  : std::vector<std::string>{"indicator", "attainment", "task progress", "tasks"};
    for (const auto& iv : view->indicators) {
      if (iv.tasks.empty()) continue;
      std::string list;
      for (const auto& id : iv.tasks) {
        const auto* a = by_id.assessment_of(id);
        list += (list.empty() ? "" : (zh ? ";" : "; ")) + id + " " +
                (a ? task_state_label(a->state, lang) : "");
      }
      g.rows.push_back({indicator_name(p, iv.indicator, lang),
                        iv.latest ? status_label(iv.latest->st, lang) : "-", pct(iv.progress),
                        list});
    }
    if (!g.rows.empty()) out.push_back(std::move(g));
  }
  return out;
}

void pad(std::ostream& out, const std::string& s, std::size_t width) {
  out << s;
  for (std::size_t w = detail::display_width(s); w < width; ++w) out << ' ';
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

}  // namespace

void write_task_table(std::ostream& out, const plan& p, const task_evaluation& e,
                      const indicator_task_view* view, language lang) {
  bool first = true;
  for (const auto& g : build(p, e, view, lang)) {
    if (!first) out << '\n';
    first = false;
    out << g.title << '\n';
    const std::size_t n = g.header.size();
    std::vector<std::size_t> width(n, 0);
    for (std::size_t k = 0; k + 1 < n; ++k) {
      width[k] = detail::display_width(g.header[k]);
      for (const auto& row : g.rows) width[k] = std::max(width[k], detail::display_width(row[k]));
    }
    auto line = [&](const std::vector<std::string>& row) {
      for (std::size_t k = 0; k < n; ++k) {
        if (k + 1 < n) {
          pad(out, row[k], width[k]);
          out << "  ";
        } else {
          out << row[k];
        }
      }
      out << '\n';
    };
    line(g.header);
    std::vector<std::string> rule_row;
    for (std::size_t k = 0; k < n; ++k)
      rule_row.push_back(std::string(k + 1 < n ? width[k] : 4, '-'));
    line(rule_row);
    for (const auto& row : g.rows) line(row);
  }
  out << '\n' << task_narrative(e, lang) << '\n';
}

void write_task_markdown(std::ostream& out, const plan& p, const task_evaluation& e,
                         const indicator_task_view* view, language lang) {
  const bool zh = lang == language::zh;
  out << "# " << (zh ? "任务进展" : "Task progress") << "\n\n" << task_narrative(e, lang) << '\n';
  for (const auto& g : build(p, e, view, lang)) {
    out << "\n## " << g.title << "\n\n|";
    for (const auto& h : g.header) out << ' ' << md_escape(h) << " |";
    out << "\n|";
    for (std::size_t k = 0; k < g.header.size(); ++k) out << "---|";
    out << '\n';
    for (const auto& row : g.rows) {
      out << '|';
      for (const auto& cell : row) out << ' ' << md_escape(cell) << " |";
      out << '\n';
    }
  }
}

}  // namespace planeval
