// Workbooks written with libxlsxwriter: the results sheets (one column per field of a result's
// field list, the status cell filled with the report's colour), their summary sheet, and the
// data-entry template read back by the actuals reader (io/tables.cpp).
#include "planeval/report/workbook.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
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
#include "io/file_util.hpp"
#include "report/charts.hpp"
#include "report/parts.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using text::tr;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  location loc;
  loc.file = path;
  throw io_error(errc::io_write, "writing the workbook failed: " + what, loc);
}

// `#rrggbb` as libxlsxwriter's colour.
lxw_color_t colour_of(std::string_view hex) {
  if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
  return static_cast<lxw_color_t>(std::strtoul(std::string(hex).c_str(), nullptr, 16));
}

// Text on a fill: white on dark colours, black on light ones (relative luminance).
lxw_color_t text_colour_on(lxw_color_t fill) {
  const double r = (fill >> 16) & 0xFF;
  const double g = (fill >> 8) & 0xFF;
  const double b = fill & 0xFF;
  return 0.299 * r + 0.587 * g + 0.114 * b < 150.0 ? 0xFFFFFF : 0x000000;
}

// Display width in spreadsheet columns: a CJK character takes two.
double display_width(std::string_view s) {
  double w = 0.0;
  std::size_t line = 0;
  double longest = 0.0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 1;
    double cw = 1.0;
    if (c >= 0xF0) {
      n = 4;
      cw = 2.0;
    } else if (c >= 0xE0) {
      n = 3;
      cw = 2.0;  // CJK and full-width forms are three bytes in UTF-8
    } else if (c >= 0xC0) {
      n = 2;
    }
    if (c == '\n') {
      longest = std::max(longest, w);
      w = 0.0;
      ++line;
    } else {
      w += cw;
    }
    i += n;
  }
  return std::max(longest, w);
}

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

// A workbook being built in a temporary file; `save` renames it over the target.
class workbook_file {
 public:
  // `constant_memory`: libxlsxwriter writes each row out when the next begins, so memory does
  // not grow with the rows (cells must then be written row by row, strings are inline)
  explicit workbook_file(std::string path, bool constant_memory = false) : path_(std::move(path)) {
    std::string pattern = temp_folder() + "/planeval-xlsx-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) fail(path_, "cannot create a temporary file in " + temp_folder());
    ::close(fd);
    temp_ = pattern;
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    const std::string tmpdir = temp_folder();
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    wb_ = workbook_new_opt(temp_.c_str(), &options);
    if (!wb_) {
      std::remove(temp_.c_str());
      fail(path_, "libxlsxwriter cannot start a workbook");
    }
    header_ = add_format();
    format_set_bold(header_);
    format_set_bg_color(header_, 0xF2F2F2);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    text_ = add_format();
    format_set_border(text_, LXW_BORDER_THIN);
    format_set_text_wrap(text_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    number_ = add_format();
    format_set_border(number_, LXW_BORDER_THIN);
    format_set_align(number_, LXW_ALIGN_VERTICAL_TOP);
    percent_ = add_format();
    format_set_border(percent_, LXW_BORDER_THIN);
    format_set_align(percent_, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(percent_, "0.0%");
    title_ = add_format();
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    paragraph_ = add_format();
    format_set_text_wrap(paragraph_);
    format_set_align(paragraph_, LXW_ALIGN_VERTICAL_TOP);
  }
  workbook_file(const workbook_file&) = delete;
  workbook_file& operator=(const workbook_file&) = delete;
  ~workbook_file() {
    if (wb_) workbook_close(wb_);  // an unsaved workbook: written to the temporary file only
    if (!temp_.empty()) std::remove(temp_.c_str());
  }

  lxw_workbook* get() const noexcept { return wb_; }
  lxw_format* add_format() { return workbook_add_format(wb_); }
  lxw_format* header() const noexcept { return header_; }
  lxw_format* text() const noexcept { return text_; }
  lxw_format* number() const noexcept { return number_; }
  lxw_format* percent() const noexcept { return percent_; }
  lxw_format* title() const noexcept { return title_; }
  lxw_format* paragraph() const noexcept { return paragraph_; }

  // The fill of a status colour (one format per colour).
  lxw_format* fill(std::string_view colour) {
    const std::string key(colour);
    if (const auto it = fills_.find(key); it != fills_.end()) return it->second;
    lxw_format* f = add_format();
    const lxw_color_t c = colour_of(colour);
    format_set_bg_color(f, c);
    format_set_font_color(f, text_colour_on(c));
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    fills_[key] = f;
    return f;
  }

  lxw_worksheet* add_sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    if (!ws) fail(path_, std::string("cannot add the sheet '") + name + "'");
    return ws;
  }

  void set_properties(const std::string& title, const std::string& subject) {
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(subject.c_str());
    props.author = const_cast<char*>("planeval");
    check(workbook_set_properties(wb_, &props), "cannot set the document properties");
  }

  void check(lxw_error e, const char* what) const {
    if (e != LXW_NO_ERROR) fail(path_, std::string(what) + ": " + lxw_strerror(e));
  }

  // Closes the workbook and moves its bytes to `path`, atomically.
  void save() {
    const lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) fail(path_, lxw_strerror(e));
    const std::string bytes = detail::read_file(temp_);
    detail::write_file_atomically(path_, [&](std::ostream& out) {
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
  }

 private:
  static std::string temp_folder() {
    const char* t = std::getenv("TMPDIR");
    return t && *t ? std::string(t) : std::string("/tmp");
  }

  std::string path_;
  std::string temp_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* number_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* paragraph_ = nullptr;
  std::map<std::string, lxw_format*> fills_;
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
    width = std::max(width, display_width(*s));
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
    widths[c] = std::max(widths[c], display_width(head));
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
    const double lines = std::max(1.0, display_width(narrative) / 70.0 + 1.0);
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

// The columns of the data-entry template. The actuals reader knows each heading as an alias of
// its column (io/csv.cpp); name, unit and target are informative and not read back.
struct entry_column {
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<entry_column, 8> entry_columns{{{"指标代码", "indicator"},
                                                     {"指标名称", "name"},
                                                     {"单位", "unit"},
                                                     {"时期", "period"},
                                                     {"目标", "target"},
                                                     {"完成值", "value"},
                                                     {"标志", "flags"},
                                                     {"备注", "note"}}};

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

void save_entry_template(const std::string& path, const plan& p, const period& per, language lang) {
  workbook_file wb(path);
  const std::string title = plan_title(p, lang);
  wb.set_properties(title, tr(lang, "指标完成值填报表", "Data entry of indicator values"));
  lxw_worksheet* ws = wb.add_sheet(tr(lang, "填报", "Entry"));
  const auto& cols = entry_columns;
  const auto last_col = static_cast<lxw_col_t>(cols.size() - 1);

  lxw_format* fixed = wb.add_format();  // the plan's cells: locked, grey
  format_set_border(fixed, LXW_BORDER_THIN);
  format_set_text_wrap(fixed);
  format_set_bg_color(fixed, 0xF2F2F2);
  format_set_align(fixed, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* input = wb.add_format();        // the cells to fill: unlocked, text (a value such as
  format_set_border(input, LXW_BORDER_THIN);  // `8.1%` or `95以上` is kept as written)
  format_set_unlocked(input);
  format_set_num_format(input, "@");
  format_set_bg_color(input, 0xFFF2CC);

  const std::string heading = title + " " + text::period_text(per, lang) +
                              tr(lang, " 指标完成值填报表", " — indicator values to fill in");
  worksheet_merge_range(ws, 0, 0, 0, last_col, heading.c_str(), wb.title());
  std::vector<double> widths(cols.size(), 8.0);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::string_view head = lang == language::zh ? cols[c].zh : cols[c].en;
    worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), std::string(head).c_str(),
                           wb.header());
    widths[c] = std::max(widths[c], display_width(head));
  }
  lxw_row_t r = 2;
  for (const auto& ind : p.indicators) {
    const target* t = ind.find_target(per);
    const std::string name = ind.name(lang);
    const std::string unit = ind.unit.symbol();
    const std::string target_text = t ? (t->text.empty() ? canonical(t->rule) : t->text) : "";
    const std::string period_text = per.to_string();
    const std::array<const std::string*, 5> fixed_cells{&ind.id, &name, &unit, &period_text,
                                                        &target_text};
    for (std::size_t c = 0; c < fixed_cells.size(); ++c) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), fixed_cells[c]->c_str(), fixed);
      widths[c] = std::max(widths[c], display_width(*fixed_cells[c]));
    }
    for (std::size_t c = fixed_cells.size(); c < cols.size(); ++c)
      worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c), input);
    ++r;
  }
  widths[5] = std::max(widths[5], 14.0);
  widths[7] = std::max(widths[7], 30.0);
  for (std::size_t c = 0; c < cols.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         std::min(widths[c], 40.0) + 2.0, nullptr);
  worksheet_freeze_panes(ws, 2, 0);

  // the flags column: a drop-down of the SDMX codes (a warning, so that `EP` can be typed)
  if (r > 2) {
    std::vector<std::string> codes;
    for (const auto& f : sdmx_flags()) codes.emplace_back(1, f.code);
    std::vector<char*> list;
    for (auto& c : codes) list.push_back(c.data());
    list.push_back(nullptr);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list.data();
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    const std::string input_title = tr(lang, "标志", "Flags");
    const std::string input_message =
        tr(lang, "SDMX观测状态代码,可不填;E估计值,P初步数,见“说明”表",
           "SDMX observation status, optional: E estimated, P provisional; see Instructions");
    dv.input_title = const_cast<char*>(input_title.c_str());
    dv.input_message = const_cast<char*>(input_message.c_str());
    wb.check(worksheet_data_validation_range(ws, 2, 6, r - 1, 6, &dv),
             "cannot add the flags drop-down");
  }
  lxw_protection protection{};
  protection.format_columns = 1;  // columns may be widened
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);

  lxw_worksheet* help = wb.add_sheet(tr(lang, "说明", "Instructions"));
  worksheet_set_column(help, 0, 0, 12.0, nullptr);
  worksheet_set_column(help, 1, 1, 90.0, nullptr);
  worksheet_write_string(help, 0, 0, tr(lang, "填报说明", "How to fill in the sheet"), wb.title());
  const std::vector<std::string> lines{
      tr(lang, "只填写“完成值”“标志”“备注”三列(黄色),其余各列由计划生成,已锁定。",
         "Fill in only the columns value, flags and note (yellow); the others come from the "
         "plan and are locked."),
      tr(lang, "完成值按目标的写法填写:8.1%、增长6.5%、95以上、达标;未填的行不读入。",
         "Write a value as targets are written: 8.1%, 增长6.5% (growth 6.5%), 95以上 (95 or "
         "more), 达标 (met); rows left blank are not read."),
      tr(lang, "标志为SDMX观测状态代码,可选,可组合(如EP);常用E估计值、P初步数。",
         "Flags are SDMX observation-status codes, optional and combinable (EP); E estimated "
         "and P provisional are the common ones."),
      tr(lang, "填好后:planeval evaluate --plan 计划文件 --actuals 本表.xlsx",
         "Then: planeval evaluate --plan PLAN --actuals this-file.xlsx"),
  };
  lxw_row_t hr = 2;
  for (const auto& line : lines) {
    worksheet_write_string(help, hr, 0, std::to_string(hr - 1).c_str(), nullptr);
    worksheet_write_string(help, hr++, 1, line.c_str(), wb.paragraph());
  }
  ++hr;
  worksheet_write_string(help, hr, 0, tr(lang, "代码", "Code"), wb.header());
  worksheet_write_string(help, hr++, 1, tr(lang, "含义", "Meaning"), wb.header());
  for (const auto& f : sdmx_flags()) {
    worksheet_write_string(help, hr, 0, std::string(1, f.code).c_str(), wb.text());
    worksheet_write_string(help, hr++, 1, tr(lang, f.zh, f.en), wb.text());
  }
  worksheet_activate(ws);
  wb.save();
}

}  // namespace planeval

namespace planeval {

void save_batch_workbook(const std::string& path, const plan& p, const long_table& table,
                         const batch_result& result, const long_table_summary& summary,
                         language lang, std::size_t max_rows) {
  const batch_store& store = table.store;
  workbook_file wb(path, /*constant_memory=*/true);
  const std::string title = plan_title(p, lang);
  wb.set_properties(title, tr(lang, "多地区批量评估结果", "Batch evaluation of many units"));
  std::vector<status> shown;  // the statuses that occur, in the enum's order
  for (int k = 0; k < status_count; ++k)
    if (summary.by_status[static_cast<status>(k)] != 0) shown.push_back(static_cast<status>(k));
  const auto heading_row = [&](lxw_worksheet* ws, const std::vector<std::string>& headings,
                               const std::vector<double>& widths) {
    for (std::size_t c = 0; c < headings.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::max(widths[c], display_width(headings[c])) + 2.0, nullptr);
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headings[c].c_str(), wb.header());
    }
    worksheet_freeze_panes(ws, 1, 0);
  };
  const auto number = [&](lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
    worksheet_write_number(ws, r, c, v, wb.number());
  };
  const auto share_of = [](const status_counts& n) {
    const std::size_t judged = n.attained() + n[status::not_met];
    return judged ? static_cast<double>(n.attained()) / static_cast<double>(judged) : 0.0;
  };

  // the ranking: one row per unit, highest share met first
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "排名", "Ranking"));
    std::vector<std::string> headings{tr(lang, "名次", "Place"), tr(lang, "地区", "Unit"),
                                      tr(lang, "完成比例", "Share met"),
                                      tr(lang, "完成", "Attained"), tr(lang, "评判", "Judged")};
    double unit_width = 8.0;
    for (const auto& id : store.unit_ids()) unit_width = std::max(unit_width, display_width(id));
    std::vector<double> widths{6.0, std::min(unit_width, 30.0), 10.0, 8.0, 8.0};
    for (const status s : shown) {
      headings.emplace_back(status_label(s, lang));
      widths.push_back(8.0);
    }
    heading_row(ws, headings, widths);
    lxw_row_t r = 1;
    for (const auto& x : rank_units(summary)) {
      number(ws, r, 0, static_cast<double>(r));
      worksheet_write_string(ws, r, 1, store.unit_ids()[x.unit].c_str(), wb.text());
      worksheet_write_number(ws, r, 2, x.share, wb.percent());
      number(ws, r, 3, static_cast<double>(x.attained));
      number(ws, r, 4, static_cast<double>(x.judged));
      for (std::size_t c = 0; c < shown.size(); ++c)
        number(ws, r, static_cast<lxw_col_t>(5 + c),
               static_cast<double>(summary.by_unit[x.unit][shown[c]]));
      ++r;
    }
    worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(headings.size() - 1));
  }

  // by indicator: the counts of each status over the units
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "按指标", "By indicator"));
    std::vector<std::string> headings{tr(lang, "指标代码", "Indicator"),
                                      tr(lang, "指标名称", "Name"),
                                      tr(lang, "完成比例", "Share met")};
    std::vector<double> widths{16.0, 36.0, 10.0};
    for (const status s : shown) {
      headings.emplace_back(status_label(s, lang));
      widths.push_back(8.0);
    }
    heading_row(ws, headings, widths);
    lxw_row_t r = 1;
    for (std::size_t i = 0; i < store.indicators(); ++i, ++r) {
      const indicator& ind = p.indicators[i];
      worksheet_write_string(ws, r, 0, ind.id.c_str(), wb.text());
      worksheet_write_string(
          ws, r, 1, text::display_name(ind.name_zh, ind.name_en, ind.id, lang).c_str(), wb.text());
      worksheet_write_number(ws, r, 2, share_of(summary.by_indicator[i]), wb.percent());
      for (std::size_t c = 0; c < shown.size(); ++c)
        number(ws, r, static_cast<lxw_col_t>(3 + c),
               static_cast<double>(summary.by_indicator[i][shown[c]]));
    }
    worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(headings.size() - 1));
  }

  // every observation: unit, indicator, period, value, status (filled), gap
  std::size_t written = 0;
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "明细", "Observations"));
    heading_row(
        ws,
        {tr(lang, "地区", "Unit"), tr(lang, "指标代码", "Indicator"), tr(lang, "时期", "Period"),
         tr(lang, "完成值", "Value"), tr(lang, "状态", "Status"), tr(lang, "差距", "Gap")},
        {14.0, 16.0, 10.0, 14.0, 12.0, 10.0});
    std::array<lxw_format*, status_count> fills{};
    for (int k = 0; k < status_count; ++k)
      fills[static_cast<std::size_t>(k)] = wb.fill(detail::style_of(static_cast<status>(k)).colour);
    std::vector<std::string> periods;
    for (const auto& per : store.period_list()) periods.push_back(per.to_string());
    lxw_row_t r = 1;
    for (std::size_t i = 0; i < store.indicators() && written < max_rows; ++i)
      for (std::size_t u = 0; u < store.units() && written < max_rows; ++u)
        for (std::size_t k = 0; k < store.periods() && written < max_rows; ++k) {
          const std::size_t at = store.offset(u, i, k);
          if (!table.present[at]) continue;
          worksheet_write_string(ws, r, 0, store.unit_ids()[u].c_str(), wb.text());
          worksheet_write_string(ws, r, 1, store.indicator_ids()[i].c_str(), wb.text());
          worksheet_write_string(ws, r, 2, periods[k].c_str(), wb.text());
          const double v = store.get(u, i, k);
          if (const long_table_text* text = table.text_at(at))
            worksheet_write_string(ws, r, 3, text->value.text.c_str(), wb.text());
          else if (!std::isnan(v))
            number(ws, r, 3, v);
          else
            worksheet_write_blank(ws, r, 3, wb.text());
          const auto st = static_cast<std::size_t>(result.codes[at]);
          worksheet_write_string(ws, r, 4, status_label(static_cast<status>(st), lang), fills[st]);
          if (!std::isnan(result.gap[at]))
            number(ws, r, 5, std::round(result.gap[at] * 1e9) / 1e9);
          else
            worksheet_write_blank(ws, r, 5, wb.text());
          ++r;
          ++written;
        }
    worksheet_autofilter(ws, 0, 0, r - 1, 5);
  }

  // the summary: counts by status (the legend), what was read
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "汇总", "Summary"));
    worksheet_set_column(ws, 0, 0, 34.0, nullptr);
    worksheet_set_column(ws, 1, 1, 14.0, nullptr);
    lxw_row_t r = 0;
    worksheet_write_string(ws, r++, 0, title.c_str(), wb.title());
    const auto line = [&](const char* zh, const char* en, double v) {
      worksheet_write_string(ws, r, 0, tr(lang, zh, en), wb.text());
      number(ws, r++, 1, v);
    };
    ++r;
    line("观测值", "Observations", static_cast<double>(summary.observations));
    line("地区", "Units", static_cast<double>(store.units()));
    line("指标", "Indicators", static_cast<double>(store.indicators()));
    line("时期", "Periods", static_cast<double>(store.periods()));
    line("未能读取的行", "Rows not read", static_cast<double>(table.bad_rows));
    if (written < summary.observations) {
      const std::string note =
          lang == language::zh
              ? "明细表列出前" + std::to_string(written) + "个观测值(共" +
                    std::to_string(summary.observations) + "个);全部观测值请用 --format csv 输出。"
              : "The observations sheet lists the first " + std::to_string(written) + " of " +
                    std::to_string(summary.observations) +
                    " observations; --format csv writes them all.";
      worksheet_write_string(ws, r++, 0, note.c_str(), wb.paragraph());
    }
    ++r;
    worksheet_write_string(ws, r, 0, tr(lang, "状态(图例)", "Status (legend)"), wb.header());
    worksheet_write_string(ws, r++, 1, tr(lang, "数量", "Count"), wb.header());
    for (int k = 0; k < status_count; ++k) {
      const auto s = static_cast<status>(k);
      worksheet_write_string(ws, r, 0, status_label(s, lang), wb.fill(detail::style_of(s).colour));
      number(ws, r++, 1, static_cast<double>(summary.by_status[s]));
    }
  }
  wb.save();
}

}  // namespace planeval
