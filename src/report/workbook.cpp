// Workbooks written with libxlsxwriter: the results sheets (one column per field of a result's
// field list, the status cell filled with the report's colour), their summary sheet, and the
// data-entry template read back by the actuals reader (io/tables.cpp).
#include "planeval/report/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/analytics/fields.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/render/batch.hpp"
#include "planeval/render/evaluation.hpp"

#include "detail/utf8.hpp"
#include "report/charts.hpp"
#include "report/parts.hpp"
#include "report/workbook_file.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using text::tr;

using detail::text_width;
using detail::workbook_file;

// The kinds of cells a column holds.
enum class cell_kind : std::uint8_t {
  text,     // a text (numbers given as a field are written as numbers all the same)
  number,   // a number (General format)
  percent,  // a share (0.053 shown 5.3%)
  status,   // a status label, filled with the row's colour
};

struct column {
  std::string_view field;  // the field's name in the result's field list
  const char* zh;          // heading in Chinese
  const char* en;          // heading in English
  cell_kind kind;
  double max_width = 40.0;  // wider texts wrap
};

// One row of a results sheet: its fields and the colour of its status.
struct record {
  std::vector<field> fields;
  std::string_view colour;
  const field_value* find(std::string_view name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f.value;
    return nullptr;
  }
};

// Writes a value in a cell as its kind says; a number field is a number whatever the column.
void write_value(workbook_file& wb, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
                 const field_value& v, cell_kind kind, lxw_format* status_fill, language lang,
                 double& width) {
  lxw_format* text_format = kind == cell_kind::status && status_fill ? status_fill : wb.text();
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (s->empty()) {
      worksheet_write_blank(ws, r, c, text_format);
      return;
    }
    worksheet_write_string(ws, r, c, s->c_str(), text_format);
    width = std::max(width, text_width(*s));
  } else if (const auto* d = std::get_if<double>(&v)) {
    worksheet_write_number(ws, r, c, *d, kind == cell_kind::percent ? wb.percent() : wb.number());
    width = std::max(width, 10.0);
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    worksheet_write_number(ws, r, c, static_cast<double>(*i), wb.number());
    width = std::max(width, 8.0);
  } else if (const auto* b = std::get_if<bool>(&v)) {
    worksheet_write_string(ws, r, c, *b ? tr(lang, "是", "yes") : tr(lang, "否", "no"),
                           text_format);
  } else {
    worksheet_write_blank(ws, r, c, text_format);
  }
}

// A results sheet: the heading row (frozen, filtered), then one row per record.
void write_records(workbook_file& wb, lxw_worksheet* ws, const std::vector<column>& columns,
                   const std::vector<record>& records, language lang) {
  std::vector<double> widths(columns.size(), 6.0);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const char* head = tr(lang, columns[c].zh, columns[c].en);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head, wb.header());
    widths[c] = std::max(widths[c], text_width(head));
  }
  lxw_row_t r = 1;
  for (const auto& rec : records) {
    lxw_format* status_fill = rec.colour.empty() ? nullptr : wb.fill(rec.colour);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const field_value* v = rec.find(columns[c].field);
      write_value(wb, ws, r, static_cast<lxw_col_t>(c), v ? *v : field_value{}, columns[c].kind,
                  status_fill, lang, widths[c]);
    }
    ++r;
  }
  for (std::size_t c = 0; c < columns.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         std::min(widths[c], columns[c].max_width) + 2.0, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  if (!columns.empty())
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(records.size()),
                         static_cast<lxw_col_t>(columns.size() - 1));
}

// A label and count per status, filled as in the results sheet: the legend and the totals.
struct status_line {
  std::string label;
  std::string_view colour;
  std::size_t count;
};

// The summary sheet: title, the narrative, the counts by status (the legend), then any further
// tables (category, attribute).
struct count_table {
  const char* zh;
  const char* en;
  std::vector<std::string> headings;  // in the workbook's language
  std::vector<std::vector<field_value>> rows;
};

void write_summary(workbook_file& wb, lxw_worksheet* ws, const std::string& title,
                   const std::string& subtitle, const std::string& narrative,
                   const std::vector<status_line>& statuses, const std::vector<count_table>& tables,
                   language lang) {
  worksheet_set_column(ws, 0, 0, 28.0, nullptr);
  worksheet_set_column(ws, 1, 5, 12.0, nullptr);
  worksheet_write_string(ws, 0, 0, title.c_str(), wb.title());
  lxw_row_t r = 1;
  if (!subtitle.empty()) worksheet_write_string(ws, r++, 0, subtitle.c_str(), nullptr);
  if (!narrative.empty()) {
    ++r;
    worksheet_write_string(ws, r++, 0, tr(lang, "总体情况", "Overview"), wb.header());
    worksheet_merge_range(ws, r, 0, r, 5, narrative.c_str(), wb.paragraph());
    // about 70 columns of text per line of the merged cell, 15 points per line
    const double lines = std::max(1.0, text_width(narrative) / 70.0 + 1.0);
    worksheet_set_row(ws, r, std::min(409.0, 15.0 * lines), nullptr);
    ++r;
  }
  ++r;
  worksheet_write_string(ws, r, 0, tr(lang, "状态(图例)", "Status (legend)"), wb.header());
  worksheet_write_string(ws, r++, 1, tr(lang, "数量", "Count"), wb.header());
  for (const auto& s : statuses) {
    worksheet_write_string(ws, r, 0, s.label.c_str(), wb.fill(s.colour));
    worksheet_write_number(ws, r++, 1, static_cast<double>(s.count), wb.number());
  }
  for (const auto& t : tables) {
    ++r;
    worksheet_write_string(ws, r++, 0, tr(lang, t.zh, t.en), wb.title());
    for (std::size_t c = 0; c < t.headings.size(); ++c)
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), t.headings[c].c_str(), wb.header());
    ++r;
    for (const auto& row : t.rows) {
      double unused = 0.0;
      for (std::size_t c = 0; c < row.size(); ++c)
        write_value(wb, ws, r, static_cast<lxw_col_t>(c), row[c], cell_kind::text, nullptr, lang,
                    unused);
      ++r;
    }
  }
}

using detail::plan_title;  // the reports' one title (report/parts.hpp)

std::vector<std::string> count_headings(const char* zh, const char* en, language lang) {
  return {tr(lang, zh, en), tr(lang, "合计", "Total"), tr(lang, "完成", "Met"),
          tr(lang, "未完成", "Not met"), tr(lang, "其他", "Other")};
}

// Counts of the rows' statuses by the indicators' category and attribute, one column per
// status that occurs (pace and trend workbooks: their statuses are not an evaluation's).
template <class Status, class Rows, class StatusOf>
std::vector<count_table> breakdowns(const plan& p, const Rows& rows, StatusOf status_of,
                                    language lang) {
  std::map<Status, std::size_t> seen;
  std::map<std::string, std::map<Status, std::size_t>> by_category;
  std::map<attribute, std::map<Status, std::size_t>> by_attribute;
  for (const auto& row : rows) {
    const Status s = status_of(row);
    ++seen[s];
    const indicator* ind = p.find(row.indicator);
    ++by_category[ind ? ind->category : std::string()][s];
    ++by_attribute[ind ? ind->attribute : attribute::anticipatory][s];
  }
  const auto table = [&](const char* zh, const char* en, const char* first_zh,
                         const char* first_en) {
    count_table t{zh, en, {tr(lang, first_zh, first_en), tr(lang, "合计", "Total")}, {}};
    for (const auto& [s, n] : seen) t.headings.push_back(status_label(s, lang));
    return t;
  };
  const auto row_of = [&](const std::string& label, const std::map<Status, std::size_t>& n) {
    std::vector<field_value> out{label};
    std::int64_t total = 0;
    for (const auto& [s, k] : n) total += static_cast<std::int64_t>(k);
    out.push_back(total);
    for (const auto& [s, unused] : seen) {
      const auto found = n.find(s);
      out.push_back(static_cast<std::int64_t>(found == n.end() ? 0 : found->second));
    }
    return out;
  };
  count_table category = table("按类别", "By category", "类别", "Category");
  for (const auto& [name, n] : by_category)
    category.rows.push_back(
        row_of(name.empty() ? std::string(tr(lang, "(未分类)", "(none)")) : name, n));
  count_table attributes = table("按属性", "By attribute", "属性", "Attribute");
  for (const auto& [a, n] : by_attribute)
    attributes.rows.push_back(row_of(a == attribute::binding ? tr(lang, "约束性", "binding")
                                                             : tr(lang, "预期性", "anticipatory"),
                                     n));
  return {category, attributes};
}

std::vector<field_value> count_row(const std::string& label, const status_counts& n) {
  return {label, static_cast<std::int64_t>(n.total()), static_cast<std::int64_t>(n.attained()),
          static_cast<std::int64_t>(n[status::not_met]), static_cast<std::int64_t>(n.open())};
}

// Sets a field's value by name (a text made readable, such as an attribute's word).
void set_field(std::vector<field>& fields, std::string_view name, field_value v) {
  for (auto& f : fields)
    if (f.name == name) f.value = std::move(v);
}

// What every results workbook holds: its records on a first sheet, then a summary sheet with
// the title, an optional subtitle and narrative, the status legend with counts and any count
// tables. One writer for the four kinds (evaluation, pace, trend, tasks).
struct results_book {
  using words = std::pair<const char*, const char*>;  // zh, en
  results_book(words subject_words, words sheet_words, const std::vector<column>& record_columns,
               std::vector<record> rows, std::vector<status_line> legend = {})
      : subject(subject_words),
        sheet(sheet_words),
        columns(record_columns),
        records(std::move(rows)),
        statuses(std::move(legend)) {}
  words subject;  // the document's subject property
  words sheet;    // the records sheet's name
  const std::vector<column>& columns;
  std::vector<record> records;
  std::vector<status_line> statuses;
  std::string subtitle;
  std::string narrative;
  std::vector<count_table> tables;
};

void save_results_book(const std::string& path, const plan& p, const results_book& book,
                       language lang) {
  workbook_file wb(path);
  const std::string title = plan_title(p, lang);
  wb.set_properties(title, tr(lang, book.subject.first, book.subject.second));
  write_records(wb, wb.add_sheet(tr(lang, book.sheet.first, book.sheet.second)), book.columns,
                book.records, lang);
  write_summary(wb, wb.add_sheet(tr(lang, "汇总", "Summary")), title, book.subtitle, book.narrative,
                book.statuses, book.tables, lang);
  wb.save();
}

// The legend of statuses that occur, in the enum's order, with their counts.
template <class Status>
std::vector<status_line> legend_of(const std::map<Status, std::size_t>& counts, language lang) {
  std::vector<status_line> out;
  for (const auto& [s, n] : counts)
    out.push_back({status_label(s, lang), detail::style_of(s).colour, n});
  return out;
}

}  // namespace

void save_evaluation_workbook(const std::string& path, const plan& p,
                              const std::vector<assessment>& assessments,
                              const plan_summary& summary, language lang) {
  static const std::vector<column> columns{
      {"indicator", "指标代码", "Indicator", cell_kind::text, 16.0},
      {"name", "指标名称", "Name", cell_kind::text, 36.0},
      {"period", "时期", "Period", cell_kind::text, 12.0},
      {"target", "目标", "Target", cell_kind::text, 30.0},
      {"actual", "完成值", "Actual", cell_kind::number, 16.0},
      {"unit", "单位", "Unit", cell_kind::text, 10.0},
      {"status_label", "状态", "Status", cell_kind::status, 16.0},
      {"gap", "差距", "Gap", cell_kind::number, 12.0},
      {"gap_unit", "差距单位", "Gap unit", cell_kind::text, 10.0},
      {"achievement", "完成度", "Achievement", cell_kind::percent, 12.0},
      {"attribute", "属性", "Attribute", cell_kind::text, 12.0},
      {"category", "类别", "Category", cell_kind::text, 16.0},
      {"reason", "说明", "Reason", cell_kind::text, 60.0},
  };
  std::vector<record> records;
  for (const auto& a : assessments) {
    const indicator* ind = p.find(a.indicator);
    record rec{assessment_fields(a, ind, lang), detail::style_of(a.status).colour};
    // an actual that is not a number (a bound, a judgment) is shown as published
    if (const field_value* v = rec.find("actual"); v && std::holds_alternative<std::monostate>(*v))
      set_field(rec.fields, "actual", a.actual_text);
    if (ind)
      set_field(
          rec.fields, "attribute",
          std::string(ind->attribute == attribute::binding ? tr(lang, "约束性", "binding")
                                                           : tr(lang, "预期性", "anticipatory")));
    records.push_back(std::move(rec));
  }

  results_book book{{"计划执行情况评估结果", "Plan evaluation results"},
                    {"评估结果", "Assessments"},
                    columns,
                    std::move(records)};
  auto& statuses = book.statuses;
  for (int k = 0; k < status_count; ++k) {
    const auto s = static_cast<status>(k);
    statuses.push_back({status_label(s, lang), detail::style_of(s).colour, summary.by_status[s]});
  }
  count_table by_category{"按类别", "By category", count_headings("类别", "Category", lang), {}};
  for (const auto& [category, n] : summary.by_category)
    by_category.rows.push_back(
        count_row(category.empty() ? std::string(tr(lang, "(未分类)", "(none)")) : category, n));
  count_table by_attribute{"按属性", "By attribute", count_headings("属性", "Attribute", lang), {}};
  by_attribute.rows.push_back(count_row(tr(lang, "约束性", "binding"), summary.binding));
  by_attribute.rows.push_back(count_row(tr(lang, "预期性", "anticipatory"), summary.anticipatory));
  book.subtitle = std::string(tr(lang, "评估时期:", "Period assessed: ")) + summary.period_label;
  book.narrative = narrative(p, summary, lang);
  book.tables = {by_category, by_attribute};
  save_results_book(path, p, book, lang);
}

void save_pace_workbook(const std::string& path, const plan& p,
                        const std::vector<pace_assessment>& rows, language lang) {
  static const std::vector<column> columns{
      {"indicator", "指标代码", "Indicator", cell_kind::text, 16.0},
      {"name", "指标名称", "Name", cell_kind::text, 36.0},
      {"period", "时期", "Period", cell_kind::text, 10.0},
      {"as_of", "截至", "As of", cell_kind::text, 12.0},
      {"label", "进度状态", "Pace", cell_kind::status, 16.0},
      {"target", "目标", "Target", cell_kind::text, 24.0},
      {"target_value", "目标值", "Target value", cell_kind::number, 12.0},
      {"actual", "累计完成", "Year to date", cell_kind::number, 12.0},
      {"unit", "单位", "Unit", cell_kind::text, 10.0},
      {"expected_share", "时序进度", "Time share", cell_kind::percent, 12.0},
      {"done_share", "完成进度", "Share done", cell_kind::percent, 12.0},
      {"gap_points", "差距(百分点)", "Gap (points)", cell_kind::number, 12.0},
      {"reason", "说明", "Reason", cell_kind::text, 60.0},
  };
  std::vector<record> records;
  std::map<pace_status, std::size_t> counts;
  for (const auto& a : rows) {
    const indicator* ind = p.find(a.indicator);
    records.push_back({pace_fields(a, ind ? ind->name(lang) : a.indicator, lang),
                       detail::style_of(a.status).colour});
    ++counts[a.status];
  }
  results_book book{{"年度目标完成进度", "Pace against the time share"},
                    {"进度", "Pace"},
                    columns,
                    std::move(records),
                    legend_of(counts, lang)};
  book.tables = breakdowns<pace_status>(
      p, rows, [](const pace_assessment& a) { return a.status; }, lang);
  save_results_book(path, p, book, lang);
}

void save_trend_workbook(const std::string& path, const plan& p,
                         const std::vector<indicator_trend>& trends, language lang) {
  static const std::vector<column> columns{
      {"indicator", "指标代码", "Indicator", cell_kind::text, 16.0},
      {"name", "指标名称", "Name", cell_kind::text, 36.0},
      {"target", "目标", "Target", cell_kind::text, 24.0},
      {"target_period", "目标期", "Target period", cell_kind::text, 12.0},
      {"label", "趋势", "Trend", cell_kind::status, 16.0},
      {"base_year", "基期", "Base year", cell_kind::number, 8.0},
      {"base_value", "基期值", "Base value", cell_kind::number, 12.0},
      {"current_year", "最新年份", "Latest year", cell_kind::number, 8.0},
      {"current_value", "最新值", "Latest value", cell_kind::number, 12.0},
      {"observed_cagr", "实际年均增速", "Observed growth", cell_kind::percent, 12.0},
      {"required_cagr", "所需年均增速", "Required growth", cell_kind::percent, 12.0},
      {"ratio", "进展比", "Progress ratio", cell_kind::number, 10.0},
      {"projection", "预测", "Projection", cell_kind::text, 16.0},
      {"projected", "预测值", "Projected", cell_kind::number, 12.0},
      {"reason", "说明", "Reason", cell_kind::text, 60.0},
  };
  std::vector<record> records;
  std::map<trend_status, std::size_t> counts;
  for (const auto& t : trends) {
    const indicator* ind = p.find(t.indicator);
    record rec{{{"indicator", t.indicator},
                {"name", ind ? ind->name(lang) : t.indicator},
                {"target", t.target_text},
                {"target_period", t.target_period ? t.target_period->to_string() : std::string()}},
               detail::style_of(t.trend.status).colour};
    for (auto& f : trend_fields(t.trend, lang)) rec.fields.push_back(std::move(f));
    if (t.projection) {
      for (auto& f : projection_fields(*t.projection, lang)) {
        if (f.name == "label") rec.fields.push_back({"projection", std::move(f.value)});
        if (f.name == "projected") rec.fields.push_back(std::move(f));
      }
    }
    records.push_back(std::move(rec));
    ++counts[t.trend.status];
  }
  results_book book{{"指标趋势", "Indicator trends"},
                    {"趋势", "Trends"},
                    columns,
                    std::move(records),
                    legend_of(counts, lang)};
  book.tables = breakdowns<trend_status>(
      p, trends, [](const indicator_trend& t) { return t.trend.status; }, lang);
  save_results_book(path, p, book, lang);
}

void save_task_workbook(const std::string& path, const plan& p, const task_evaluation& e,
                        language lang) {
  static const std::vector<column> columns{
      {"id", "任务编号", "Task", cell_kind::text, 12.0},
      {"title", "任务", "Title", cell_kind::text, 40.0},
      {"owner", "责任单位", "Owner", cell_kind::text, 20.0},
      {"due", "完成时限", "Due", cell_kind::text, 12.0},
      {"status_label", "状态", "State", cell_kind::status, 14.0},
      {"progress", "进度", "Progress", cell_kind::percent, 10.0},
      {"planned", "时序进度", "Planned", cell_kind::percent, 10.0},
      {"days_to_due", "距时限天数", "Days to due", cell_kind::number, 10.0},
      {"reason", "说明", "Reason", cell_kind::text, 60.0},
  };
  std::vector<record> records;
  task_counts counts;
  for (const auto& a : e.tasks) {
    const auto found =
        std::find_if(p.tasks.begin(), p.tasks.end(), [&](const task& x) { return x.id == a.task; });
    const task* t = found == p.tasks.end() ? nullptr : &*found;
    std::string title = t ? t->title(lang) : a.task;
    if (a.depth > 0) title = std::string(2 * a.depth, ' ') + title;  // the outline, indented
    record rec{
        {{"id", a.task},
         {"title", title},
         {"owner", t ? t->owner : std::string()},
         {"due", t && t->due ? to_string(*t->due) : std::string()},
         {"status_label", std::string(task_state_label(a.state, lang))},
         {"progress", a.progress ? field_value(*a.progress) : field_value{}},
         {"planned", a.planned ? field_value(*a.planned) : field_value{}},
         {"days_to_due",
          a.days_to_due ? field_value(static_cast<std::int64_t>(*a.days_to_due)) : field_value{}},
         {"reason", a.reason(lang)}},
        detail::style_of(a.state).colour};
    records.push_back(std::move(rec));
    if (!a.group) counts.add(a.state);
  }
  results_book book{{"任务进展", "Task progress"}, {"任务", "Tasks"}, columns, std::move(records)};
  for (int k = 0; k < task_state_count; ++k) {
    const auto s = static_cast<task_state>(k);
    book.statuses.push_back({task_state_label(s, lang), detail::style_of(s).colour, counts[s]});
  }
  book.subtitle = std::string(tr(lang, "截至:", "As of: ")) + text::date_text(e.as_of, lang);
  book.narrative = task_narrative(e, lang);
  save_results_book(path, p, book, lang);
}

}  // namespace planeval
