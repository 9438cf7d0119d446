// Importing a published table: header rows found under the title rows, columns recognised by
// meaning, section and note rows read as categories and plan-wide facts, then one indicator per
// row with every inference recorded and every cell that does not parse kept for review.
#include "planeval/import/table.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "detail/utf8.hpp"
#include "import/recognise.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"

namespace planeval {
namespace {

using namespace import_detail;

bool has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

struct column {
  column_meaning meaning;
  std::string label;  // the combined header text as published
};

struct facts {
  bool star_binding = false;   // 带*为约束性指标
  bool star_estimate = false;  // *为预计数
  std::string star_text;       // the note that explains `*`
  bool brackets_cumulative = false;
};

class importer {
 public:
  importer(const grid& g, const import_options& o) : source_(g), g_(g), opt_(o) {
    for (std::size_t r = 0; r < g.rows.size(); ++r) origin_.push_back(r);
  }

  import_result run() {
    out_.table_index = g_.index;
    find_header();
    classify_columns();
    split_multiline_rows();
    read_facts();
    resolve_periods();
    read_rows();
    finish_plan();
    apply_overrides();
    return std::move(out_);
  }

 private:
  const grid& source_;               // the grid as read: cell references point into it
  grid g_;                           // the grid with multi-line rows split into one row per line
  std::vector<std::size_t> origin_;  // the source row of each row of g_
  const import_options& opt_;
  import_result out_;
  std::size_t first_header_ = 0;
  std::size_t last_header_ = 0;
  std::vector<column> cols_;
  std::vector<std::string> titles_;
  facts facts_;
  bool plan_table_ = false;
  std::optional<period> plan_span_;
  std::vector<location> target_cells_;  // the cell of each target of the row being read
  int target_year_ = 0;

  // ---- helpers ----------------------------------------------------------------------------

  // Cells with text in a row; a copy of its left neighbour spread by a merged cell (a title or
  // note merged across the table, a colspan) is the same cell and counts once.
  std::size_t nonempty(std::size_t r) const {
    std::size_t n = 0;
    const auto& row = g_.rows[r];
    for (std::size_t k = 0; k < row.size(); ++k)
      if (!row[k].text.empty() && !(row[k].merged && k > 0 && row[k - 1].text == row[k].text)) ++n;
    return n;
  }

  void infer(const std::string& id, const std::string& field, const std::string& value,
             std::string zh, std::string en, location where = {}) {
    import_inference i;
    i.indicator = id;
    i.field = field;
    i.value = value;
    i.reason_zh = std::move(zh);
    i.reason_en = std::move(en);
    i.where = std::move(where);
    out_.inferences.push_back(std::move(i));
  }

  int find_column(column_role role) const {
    for (std::size_t c = 0; c < cols_.size(); ++c)
      if (cols_[c].meaning.role == role) return static_cast<int>(c);
    return -1;
  }

  location at(std::size_t r, std::size_t c) const {
    return source_.where(r < origin_.size() ? origin_[r] : r, c);
  }

  static std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
      const std::size_t nl = text.find('\n', start);
      out.push_back(std::string(detail::trim(text.substr(start, nl - start))));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  }

  // A printed row that lists the parts of an indicator on separate lines of one cell, the
  // values lined up beside them (`主要污染物排放总量减少` / `化学需氧量` / `氨氮` …), becomes one
  // row per line. A cell with as many lines as the names is split; a one-line cell goes to every
  // line when it is an attribute or a name, else to the first; any other cell stays whole on
  // the first line (and is kept for review if it does not parse).
  void split_multiline_rows() {
    const int name_col = find_column(column_role::name);
    const int part_col = find_column(column_role::name_part);
    if (name_col < 0) return;
    grid out = g_;
    out.rows.resize(last_header_ + 1);
    std::vector<std::size_t> origin(origin_.begin(),
                                    origin_.begin() + static_cast<long>(last_header_ + 1));
    for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r) {
      const auto& row = g_.rows[r];
      const std::size_t nc = static_cast<std::size_t>(name_col);
      std::size_t key = nc;
      if (part_col >= 0 && lines_of(g_.text(r, static_cast<std::size_t>(part_col))).size() > 1)
        key = static_cast<std::size_t>(part_col);
      const auto names = lines_of(g_.text(r, key));
      const std::size_t n = names.size();
      if (n <= 1 || is_note_row(r)) {
        out.rows.push_back(row);
        origin.push_back(origin_[r]);
        continue;
      }
      // names in the name column: the first line names the group, the others its parts
      bool group_line = key == nc;
      if (group_line)
        for (std::size_t c = 0; c < row.size(); ++c)
          if (c != nc && lines_of(row[c].text).size() == n && !lines_of(row[c].text)[0].empty())
            group_line = false;
      std::string group_number, group_unit, group_name;
      if (group_line) group_name = split_name(names[0], group_number, group_unit);
      bool first = true;
      for (std::size_t k = group_line ? 1 : 0; k < n; ++k) {
        std::vector<grid_cell> sub = row;
        for (std::size_t c = 0; c < row.size(); ++c) {
          const auto ls = lines_of(row[c].text);
          const auto role = cols_[c].meaning.role;
          if (c == key && group_line) {
            std::string part_number, part_unit;
            const std::string part = split_name(names[k], part_number, part_unit);
            const std::string u = part_unit.empty() ? group_unit : part_unit;
            sub[c].text = (group_number.empty() ? "" : "（" + group_number + "）") + group_name +
                          "——" + part + (u.empty() ? "" : "（" + u + "）");
          } else if (ls.size() == n) {
            sub[c].text = ls[k];
          } else if (ls.size() == 1 &&
                     (role == column_role::attribute || role == column_role::name ||
                      role == column_role::category || role == column_role::unit)) {
            // the same for every part
          } else if (!first) {
            sub[c].text.clear();
          }
        }
        out.rows.push_back(std::move(sub));
        origin.push_back(origin_[r]);
        first = false;
      }
      infer({}, "row", std::to_string(n) + " lines",
            "第" + std::to_string(origin_[r] + 1) + "行的单元格分行列出" + std::to_string(n) +
                "项,按行拆分",
            "row " + std::to_string(origin_[r] + 1) + " lists " + std::to_string(n) +
                " items on separate lines of its cells: one row per line",
            at(r, key));
    }
    g_ = std::move(out);
    origin_ = std::move(origin);
  }

  // ---- header -----------------------------------------------------------------------------

  bool names_header(std::size_t r) const {
    for (const auto& c : g_.rows[r]) {
      const auto m = classify_header(normalise(c.text));
      if (m.role == column_role::name) return true;
    }
    return false;
  }

  int value_headers(std::size_t r) const {
    int n = 0;
    for (const auto& c : g_.rows[r])
      if (!c.text.empty() && classify_header(normalise(c.text)).role == column_role::value) ++n;
    return n;
  }

  void find_header() {
    const std::size_t scan = std::min<std::size_t>(g_.rows.size(), 20);
    std::optional<std::size_t> header;
    for (std::size_t r = 0; r < scan && !header; ++r)
      if (nonempty(r) >= 2 && names_header(r)) header = r;
    // a table whose name column has another header (`类别`, `产品名称`): the first row with
    // two or more value headers
    for (std::size_t r = 0; r < scan && !header; ++r)
      if (nonempty(r) >= 2 && value_headers(r) >= 1 && nonempty(r) >= 2) header = r;
    if (!header) {
      // an empty header row above rows of two or more cells: names, then values of unknown
      // columns (kept for review)
      for (std::size_t r = 0; r + 1 < scan && !header; ++r)
        if (nonempty(r) == 0 && g_.width() >= 2 && nonempty(r + 1) >= 2) header = r;
    }
    if (!header) {
      location where;
      where.file = g_.source;
      where.sheet = g_.sheet;
      raise(errc::table_no_header,
            "no header row was found in the first " + std::to_string(scan) +
                " rows: planeval looks for a row naming the indicator column (指标, 指标名称, "
                "名称, 项目, Indicator) beside year columns (2020年, 2021年目标值, 2025 Target); "
                "add such a header row, or choose another table with --table-index",
            std::move(where));
    }
    first_header_ = last_header_ = *header;
    // the caption (HTML) or the paragraph before the table (Word) is its first title
    for (const auto& c : g_.captions) titles_.push_back(c);
    for (std::size_t r = 0; r < first_header_; ++r)
      for (const auto& c : g_.rows[r])
        if (!c.text.empty()) titles_.push_back(c.text);
    // header rows below: no name, value headers, no number that is a value
    for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r) {
      const auto& row = g_.rows[r];
      bool header_like = value_headers(r) >= 1;
      for (const auto& c : row)
        if (!c.text.empty() && classify_header(normalise(c.text)).role == column_role::unknown &&
            !is_placeholder(c.text))
          header_like = false;
      if (!header_like) break;
      last_header_ = r;
    }
    out_.header_row = last_header_;
  }

  void classify_columns() {
    const std::size_t w = g_.width();
    cols_.assign(w, {});
    // combine the header rows: an upper label spreads right over empty cells whose lower
    // cell is labelled (a CSV writes a colspan once)
    std::vector<std::vector<std::string>> labels(last_header_ - first_header_ + 1,
                                                 std::vector<std::string>(w));
    for (std::size_t r = first_header_; r <= last_header_; ++r)
      for (std::size_t c = 0; c < w; ++c) labels[r - first_header_][c] = g_.text(r, c);
    for (std::size_t k = 0; k + 1 < labels.size(); ++k)
      for (std::size_t c = 1; c < w; ++c)
        if (labels[k][c].empty() && !labels[k + 1][c].empty() && !labels[k][c - 1].empty() &&
            !labels[k + 1][c - 1].empty())
          labels[k][c] = labels[k][c - 1];
    for (std::size_t c = 0; c < w; ++c) {
      std::string combined;
      for (std::size_t k = 0; k < labels.size(); ++k) {
        const std::string& t = labels[k][c];
        if (t.empty() || (k > 0 && t == labels[k - 1][c])) continue;
        if (!combined.empty()) combined += ' ';
        combined += t;
      }
      cols_[c].label = combined;
      cols_[c].meaning = classify_header(normalise(combined));
      if (labels.size() > 1 && cols_[c].meaning.role == column_role::value) {
        // the group label decides the role when the lower one does not
        const auto upper = classify_header(normalise(labels[0][c]));
        if (cols_[c].meaning.values == value_role::unstated) cols_[c].meaning.values = upper.values;
      }
    }
    int name = find_column(column_role::name);
    if (name < 0) {
      // the first column of texts under a category-like or empty header names the rows
      const int category = find_column(column_role::category);
      name = category >= 0 ? category : 0;
      cols_[static_cast<std::size_t>(name)].meaning.role = column_role::name;
      infer({}, "column", cols_[static_cast<std::size_t>(name)].label,
            "第" + std::to_string(name + 1) + "列作为指标名称列(表头未含“指标”)",
            "column " + std::to_string(name + 1) +
                " read as the indicator names (no header says 指标)",
            at(first_header_, static_cast<std::size_t>(name)));
    }
    // an unlabelled column right of the name column: the names of grouped indicators
    const std::size_t n = static_cast<std::size_t>(name);
    // (a colspan header: unlabelled in a CSV, the same label in HTML), holding texts, and rows
    // that name only the part (the group's name merged above them)
    if (n + 1 < w && (cols_[n + 1].label.empty() || cols_[n + 1].label == cols_[n].label)) {
      bool has_text = false;
      bool parts_only = false;
      for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r) {
        if (g_.text(r, n).empty() && !g_.text(r, n + 1).empty()) parts_only = true;
        if (!g_.rows[r].empty() && n < g_.rows[r].size() && g_.rows[r][n].merged &&
            !g_.text(r, n + 1).empty())
          parts_only = true;
      }
      for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r) {
        const auto& t = g_.text(r, n + 1);
        if (!t.empty() && !is_placeholder(t)) {
          // a number here is a value, not a name
          try {
            (void)parse_observation(t);
          } catch (const error&) {
            has_text = true;
          }
        }
      }
      if (has_text && parts_only) {
        cols_[n + 1].meaning.role = column_role::name_part;
      } else if (cols_[n + 1].label == cols_[n].label) {
        cols_[n + 1].meaning.role = column_role::unknown;  // a copy of the name header
      }
    }
    for (const auto& c : cols_)
      if (c.meaning.role == column_role::attribute) plan_table_ = true;
    for (const auto& t : titles_)
      if (has(t, "目标") || has(t, "规划") || has(t, "计划") || has(t, "纲要") ||
          has(t, "主要指标"))
        if (!has(t, "完成情况") && !has(t, "实现情况") && !has(t, "执行情况")) plan_table_ = true;
  }

  void read_facts() {
    if (opt_.period) {
      plan_span_ = opt_.period;
      infer({}, "period", plan_span_->to_string(), "导入时给定的规划期",
            "the plan's period given with the import (--table-period)");
    }
    for (const auto& t : titles_) {
      if (!plan_span_) plan_span_ = five_year_plan_in(t);
    }
    if (!plan_span_)
      for (const auto& c : cols_)
        if (!plan_span_) plan_span_ = five_year_plan_in(c.label);
    if (!plan_span_)
      for (const auto& t : titles_)
        if (const auto y = year_in_text(t); !plan_span_ && y && y->kind() == period_kind::span)
          plan_span_ = y;
    // notes are read where they stand (below the table); the facts they state apply to it all
    for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r)
      if (is_note_row(r)) {
        for (const auto& c : g_.rows[r])
          if (!c.text.empty()) {
            note_fact(c.text, at(r, 0));
            break;  // one note, however many cells it is merged over
          }
      }
  }

  bool is_note_row(std::size_t r) const {
    if (nonempty(r) != 1) return false;
    std::string t;
    for (const auto& c : g_.rows[r])
      if (!c.text.empty()) t = c.text;
    return t.rfind("注", 0) == 0 || t.rfind("说明", 0) == 0 || t.rfind("备注", 0) == 0 ||
           t.rfind("Note", 0) == 0 || t.rfind("资料来源", 0) == 0 || t.rfind("[^", 0) == 0;
  }

  void note_fact(const std::string& t, location where) {
    out_.notes.push_back(t);
    const bool star = has(t, "*") || has(t, "＊") || has(t, "★");
    if (star && has(t, "约束性")) {
      facts_.star_binding = true;
      infer({}, "attribute", "binding", "注中说明带*为约束性指标:带*的行定为约束性",
            "a note says * marks binding indicators: rows with * are binding", where);
    } else if (star && (has(t, "预计") || has(t, "数据") || has(t, "年"))) {
      facts_.star_estimate = has(t, "预计");
      facts_.star_text = t;
      infer({}, "flags", facts_.star_estimate ? "E" : "*",
            "注中说明*的含义:" + t + "(带*的数值保留原文并记入备注)",
            "a note explains *: " + t + " (values with * keep it in their note)", where);
    }
    if ((has(t, "〔") || has(t, "[")) && has(t, "累计")) {
      facts_.brackets_cumulative = true;
      infer({}, "qualifier", "cumulative", "注中说明括号内为累计数:括号中的数值按累计读取",
            "a note says bracketed values are cumulative: they are read as cumulative", where);
    }
  }

  void resolve_periods() {
    // the role of value columns that do not say it: as the columns that do, else targets for
    // later years of a plan table and results for the first year
    std::set<value_role> stated;
    std::vector<int> bare_years;
    for (auto& c : cols_)
      if (c.meaning.role == column_role::value) {
        if (c.meaning.values != value_role::unstated) stated.insert(c.meaning.values);
        if (c.meaning.values == value_role::unstated && c.meaning.per &&
            c.meaning.span == value_span::year)
          bare_years.push_back(c.meaning.per->first_year());
      }
    const int first_bare =
        bare_years.empty() ? 0 : *std::min_element(bare_years.begin(), bare_years.end());
    for (std::size_t k = 0; k < cols_.size(); ++k) {
      auto& m = cols_[k].meaning;
      if (m.role != column_role::value || m.values != value_role::unstated) continue;
      std::string zh, en;
      if (!stated.empty()) {
        // the table labels its targets (or its results): an unlabelled year is a result
        m.values = value_role::result;
        zh = "表中已标明目标或完成值列,未标明的年份列为完成值";
        en = "the table labels its target or result columns: an unlabelled one holds results";
      } else if (m.span == value_span::year && m.per && m.per->first_year() == first_bare &&
                 bare_years.size() > 1) {
        m.values = value_role::result;
        zh = "最早年份列为基期完成值";
        en = "the earliest year column holds the base-year results";
      } else if (plan_table_) {
        m.values = value_role::target;
        zh = "规划表(有属性列或标题含“目标/规划/计划”)中较晚年份或五年列为目标";
        en = "a later year or five-year column of a plan table (with 属性 or a title naming a "
             "plan) holds targets";
      } else {
        m.values = value_role::result;
        zh = "表中无目标列,数值作为完成值";
        en = "the table names no targets: its values are results";
      }
      infer({}, "column",
            cols_[k].label + ": " + (m.values == value_role::target ? "target" : "result"),
            "列“" + cols_[k].label + "”作为" +
                (m.values == value_role::target ? "目标" : "完成值") + ":" + zh,
            "column '" + cols_[k].label + "' read as " +
                (m.values == value_role::target ? "targets" : "results") + ": " + en,
            at(first_header_, k));
    }
    for (const auto& c : cols_)
      if (c.meaning.role == column_role::value && c.meaning.values == value_role::target &&
          c.meaning.per)
        target_year_ = std::max(target_year_, c.meaning.per->last_year());
    if (!plan_span_) {
      int lo = 0, hi = 0;
      for (const auto& c : cols_)
        if (c.meaning.role == column_role::value && c.meaning.per) {
          if (c.meaning.values == value_role::target) {
            const int a = c.meaning.per->first_year(), b = c.meaning.per->last_year();
            lo = lo == 0 ? a : std::min(lo, a);
            hi = std::max(hi, b);
          }
        }
      int base = 0;
      for (const auto& c : cols_)
        if (c.meaning.role == column_role::value && c.meaning.per &&
            c.meaning.values == value_role::result && c.meaning.per->last_year() < lo)
          base = std::max(base, c.meaning.per->last_year());
      if (hi > 0) {
        if (base > 0 && base + 1 < lo) lo = base + 1;
        plan_span_ = period::span(lo, hi);
      } else {
        for (const auto& c : cols_)
          if (c.meaning.role == column_role::value && c.meaning.per)
            hi = std::max(hi, c.meaning.per->last_year());
        if (hi > 0) plan_span_ = period::year(hi);
      }
      // `五年累计`, `五年平均增长` beside a last year: the five years that end there
      if (plan_span_ && plan_span_->kind() != period_kind::span)
        for (const auto& c : cols_)
          if (c.meaning.role == column_role::value && !c.meaning.per &&
              c.meaning.span != value_span::year && has(c.label, "五年")) {
            const int last = plan_span_->last_year();
            plan_span_ = period::span(last - 4, last);
            infer({}, "period", plan_span_->to_string(),
                  "列“" + c.label + "”为五年数,截至最后一个年份列" + std::to_string(last),
                  "the column '" + c.label +
                      "' holds five-year figures ending with the last "
                      "year column, " +
                      std::to_string(last),
                  at(first_header_, static_cast<std::size_t>(&c - cols_.data())));
            break;
          }
      // no year in the columns: the year of the title (`2019年度…目标分解表`)
      if (!plan_span_)
        for (const auto& t : titles_)
          if (!plan_span_) plan_span_ = year_in_text(t);
    }
    for (std::size_t k = 0; k < cols_.size(); ++k) {
      auto& m = cols_[k].meaning;
      if (m.role != column_role::value || m.per) continue;
      if (m.span != value_span::year && plan_span_) {
        m.per = plan_span_;
      } else if (plan_span_ && m.values == value_role::target) {
        m.per = period::year(plan_span_->last_year());
      } else if (plan_span_ && plan_span_->kind() == period_kind::year &&
                 m.values == value_role::result) {
        m.per = plan_span_;  // a one-year report: its results are for that year (Actual Figure)
      } else {
        m.role = column_role::unknown;
        continue;
      }
      infer({}, "column", cols_[k].label + ": " + m.per->to_string(),
            "列“" + cols_[k].label + "”未写年份,按规划期" + m.per->to_string() + "读取",
            "column '" + cols_[k].label + "' names no year: read for the plan's period " +
                m.per->to_string(),
            at(first_header_, k));
    }
    for (std::size_t k = 0; k < cols_.size(); ++k)
      if (cols_[k].meaning.role == column_role::unknown && !cols_[k].label.empty())
        out_.notes.push_back("column " + cell_reference(first_header_, k).substr(0, 1) + " '" +
                             cols_[k].label +
                             "' is not read as targets or results: its cells are kept in each "
                             "indicator's note");
  }

  // ---- rows -------------------------------------------------------------------------------

  struct row_context {
    std::string category;
    std::string group;       // the name of a grouped indicator (its sub-rows name its parts)
    std::string group_unit;  // the unit written with the group's name
    std::string attribute;   // a merged 属性 cell of the group
    std::string group_number;
    char sub = 'a';
  };

  bool repeated_header(std::size_t r) const {
    std::size_t same = 0;
    for (std::size_t c = 0; c < g_.rows[r].size(); ++c)
      if (!g_.text(r, c).empty() && g_.text(r, c) == g_.text(first_header_, c)) ++same;
    return same >= 2 || (same >= 1 && names_header(r));
  }

  void read_rows() {
    const int name_col = find_column(column_role::name);
    const int part_col = find_column(column_role::name_part);
    const int number_col = find_column(column_role::number);
    const int unit_col = find_column(column_role::unit);
    const int attr_col = find_column(column_role::attribute);
    const int cat_col = find_column(column_role::category);
    row_context ctx;
    std::size_t order = 0;
    std::set<std::string> ids;
    for (std::size_t r = last_header_ + 1; r < g_.rows.size(); ++r) {
      const std::size_t filled = nonempty(r);
      if (filled == 0) continue;
      if (is_note_row(r)) continue;  // read by read_facts
      if (repeated_header(r)) {
        // a table printed in parts repeats its header; skip it and any header rows under it
        out_.notes.push_back("row " + std::to_string(r + 1) +
                             " repeats the header: " + join_row(r));
        while (r + 1 < g_.rows.size() && value_headers(r + 1) >= 1 && nonempty(r + 1) <= 4 &&
               g_.text(r + 1, static_cast<std::size_t>(name_col)).empty())
          ++r;
        continue;
      }
      const std::string name = g_.text(r, static_cast<std::size_t>(name_col));
      const std::string part = part_col >= 0 ? g_.text(r, static_cast<std::size_t>(part_col)) : "";
      if (cat_col >= 0 && cat_col != name_col &&
          !g_.text(r, static_cast<std::size_t>(cat_col)).empty())
        ctx.category = section_name(g_.text(r, static_cast<std::size_t>(cat_col)));
      // a section row: one text, no values
      bool values = false;
      for (std::size_t c = 0; c < cols_.size(); ++c)
        if (cols_[c].meaning.role == column_role::value && !g_.text(r, c).empty()) values = true;
      // a section written in the number column (`I. Economic Development` under `No.`)
      std::string lone = name;
      std::size_t lone_col = static_cast<std::size_t>(name_col);
      if (lone.empty() && filled == 1 && !values && part.empty() && number_col >= 0) {
        const std::string& t = g_.text(r, static_cast<std::size_t>(number_col));
        if (!t.empty() && !std::isdigit(static_cast<unsigned char>(t.front()))) {
          lone = t;
          lone_col = static_cast<std::size_t>(number_col);
        }
      }
      if (filled == 1 && !values && !lone.empty() && part.empty()) {
        const bool title_like = has(lone, "表") && (has(lone, "（") || has(lone, "("));
        // `其中:` introduces the parts of the row above; it is not a category
        const bool of_which = introduces_parts(normalise(lone));
        if (title_like) {
          titles_.push_back(lone);
        } else if (of_which) {
          out_.notes.push_back("row " + std::to_string(origin_[r] + 1) + " '" + lone +
                               "' introduces the rows under it (of which): kept as a note");
        } else {
          ctx.category = section_name(lone);
          ctx.group.clear();
          infer({}, "category", ctx.category, "分节行“" + lone + "”作为其下指标的类别",
                "the section row '" + lone + "' is the category of the rows under it",
                at(r, lone_col));
        }
        continue;
      }
      if (filled == 1 && !values && name.empty() && part.empty()) {
        // a lone text outside the name column: a note or a caption, kept
        for (const auto& c : g_.rows[r])
          if (!c.text.empty()) out_.notes.push_back(c.text);
        continue;
      }
      std::string number, unit_text;
      std::string display;
      if (!name.empty()) {
        display = split_name(name, number, unit_text);
        if (!part.empty()) {
          ctx.group = display;
          ctx.group_unit = unit_text;
          ctx.group_number = number;
          ctx.sub = 'a';
        } else {
          ctx.group.clear();
        }
      }
      if (!part.empty()) {
        std::string sub_number, sub_unit;
        const std::string sub_name = split_name(part, sub_number, sub_unit);
        if (name.empty() && ctx.group.empty()) ctx.group = sub_name;
        display =
            ctx.group.empty() || ctx.group == sub_name ? sub_name : ctx.group + "——" + sub_name;
        unit_text = sub_unit.empty() ? ctx.group_unit : sub_unit;
        number = ctx.group_number;
      } else if (name.empty()) {
        // a continuation row (a second unit of the row above) or a row without a name
        keep({}, "row", {}, join_row(r), errc::table_column,
             "a row without an indicator name (a continuation of the row above?): "
             "kept as text; give it a name or merge it into the row above",
             at(r, static_cast<std::size_t>(name_col)));
        continue;
      }
      // the row's star mark
      bool starred = false;
      for (const char* mark : {"*", "＊", "★"}) {
        const std::string m(mark);
        if (display.size() > m.size() &&
            display.compare(display.size() - m.size(), m.size(), m) == 0) {
          display.erase(display.size() - m.size());
          starred = true;
        }
        if (display.rfind(m, 0) == 0) {
          display.erase(0, m.size());
          starred = true;
        }
      }
      // `其中:粮食产量`, `Includes: grain output`: a part of the row above, named without the mark
      std::string of_which;
      display = without_of_which(display, of_which);
      indicator ind;
      target_cells_.clear();
      ind.name_zh = display;
      ind.category = ctx.category;
      ++order;
      // id
      std::string id_number =
          number_col >= 0 ? g_.text(r, static_cast<std::size_t>(number_col)) : std::string();
      if (id_number.empty()) id_number = number;
      bool numeric = !id_number.empty() && std::all_of(id_number.begin(), id_number.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
      std::string id = "i" + (numeric ? (id_number.size() < 2 ? "0" + id_number : id_number)
                                      : (order < 10 ? "0" : "") + std::to_string(order));
      if (!part.empty() && !ctx.group.empty()) id += ctx.sub++;
      const std::string latin = latin_words(display);
      if (!latin.empty()) id += "_" + latin;
      std::string unique = id;
      for (int k = 2; ids.count(unique); ++k) unique = id + "_" + std::to_string(k);
      id = unique;
      ids.insert(id);
      ind.id = id;
      const location name_where =
          at(r, static_cast<std::size_t>(part.empty() ? name_col : part_col));
      infer(id, "id", id,
            std::string(numeric ? "由序号" : "由行序") + id_number +
                (latin.empty() ? "" : "与名称中的拉丁字母") + "生成",
            std::string("from the row's ") + (numeric ? "number " + id_number : "order") +
                (latin.empty() ? "" : " and the Latin letters of its name"),
            name_where);
      // a table in English names it in English
      if (std::all_of(display.begin(), display.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        ind.name_en = display;
        infer(id, "name_en", display, "名称不含汉字:同时作为英文名称",
              "the name has no Chinese characters: it is the English name too", name_where);
      }
      if (!of_which.empty())
        infer(id, "name", display, "名称前的“" + of_which + "”表示其上一行的一部分,名称不含此词",
              "'" + of_which +
                  "' before the name marks a part of the row above: the name is "
                  "read without it",
              name_where);
      // unit
      std::string unit_source;
      if (unit_col >= 0 && !g_.text(r, static_cast<std::size_t>(unit_col)).empty()) {
        unit_text = g_.text(r, static_cast<std::size_t>(unit_col));
        unit_source = "unit column";
      } else if (!unit_text.empty()) {
        unit_source = "name";
        infer(id, "unit", unit_text, "单位取自名称中的括号",
              "unit taken from the brackets in the name", name_where);
      }
      if (!unit_text.empty()) {
        try {
          ind.unit = unit::parse(unit_text);
        } catch (const error& e) {
          keep(id, "unit", {}, unit_text, e.code(), e.message(), name_where);
        }
      }
      // attribute
      std::string attr = attr_col >= 0 ? g_.text(r, static_cast<std::size_t>(attr_col)) : "";
      if (attr.empty() && !part.empty() && name.empty()) attr = ctx.attribute;
      if (!part.empty()) ctx.attribute = attr.empty() ? ctx.attribute : attr;
      if (const auto named = attribute_in_cell(attr)) {
        ind.attribute = *named;
      } else if (starred && (facts_.star_binding || attr_col < 0)) {
        ind.attribute = attribute::binding;
        infer(id, "attribute", "binding", "名称带*标记", "the name carries the * mark", name_where);
      } else if (!attr.empty()) {
        infer(id, "attribute", "anticipatory", "属性“" + attr + "”不是已知的写法,按预期性",
              "the attribute '" + attr + "' is not a known word: anticipatory", name_where);
      } else {
        infer(id, "attribute", "anticipatory", "表中未写属性,按预期性",
              "no attribute in the table: anticipatory", name_where);
      }
      // cells of the value columns
      std::vector<std::pair<std::size_t, std::string>> notes;
      for (std::size_t c = 0; c < cols_.size(); ++c) {
        const auto& m = cols_[c].meaning;
        const std::string& text = g_.text(r, c);
        if (m.role == column_role::remark || m.role == column_role::verdict ||
            (m.role == column_role::unknown && !text.empty() && !cols_[c].label.empty())) {
          if (!text.empty()) notes.push_back({c, text});
          continue;
        }
        if (m.role == column_role::unknown && !text.empty() && static_cast<int>(c) != name_col) {
          keep(id, "cell", {}, text, errc::table_column,
               "a value in a column without a header: its period and role are "
               "unknown; add a header such as 2025年目标",
               at(r, c));
          continue;
        }
        if (m.role != column_role::value || is_placeholder(text)) continue;
        read_value(ind, c, text, at(r, c));
      }
      if (!notes.empty()) {
        std::string n = ind.note;
        for (const auto& [c, t] : notes) {
          if (!n.empty()) n += "; ";
          n += (cols_[c].label.empty() ? "column " + std::to_string(c + 1) : cols_[c].label) +
               ": " + t;
        }
        ind.note = n;
      }
      for (auto& one : split_listed(std::move(ind), name_where, ids)) {
        infer_rest(one, name_where, unit_source);
        out_.plan.indicators.push_back(std::move(one));
      }
    }
  }

  // The quantities a name lists (城镇、农村居民人均可支配收入: 城镇居民人均可支配收入 and
  // 农村居民人均可支配收入): an earlier, shorter item takes the last item's words after as many
  // characters as it has. Empty unless the name lists two or more.
  static std::vector<std::string> listed_names(const std::string& name) {
    std::vector<std::string> items;
    std::size_t from = 0;
    for (std::size_t i = 0; i < name.size();) {
      std::size_t len = 0;
      for (const char* sep : {"、", "和", "及"})
        if (name.compare(i, std::strlen(sep), sep) == 0) len = std::strlen(sep);
      if (len == 0) {
        ++i;
        continue;
      }
      items.push_back(name.substr(from, i - from));
      i += len;
      from = i;
    }
    items.push_back(name.substr(from));
    if (items.size() < 2) return {};
    const std::string& last = items.back();
    const auto chars = [](const std::string& t) {
      std::size_t n = 0;
      for (const char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      return n;
    };
    const auto tail_after = [&](std::size_t n) {  // the last item after its first n characters
      std::size_t at = 0;
      for (std::size_t seen = 0; at < last.size(); ++at)
        if ((static_cast<unsigned char>(last[at]) & 0xC0) != 0x80 && seen++ == n) break;
      return last.substr(at);
    };
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
      std::string& item = items[k];
      if (item.empty()) return {};
      // the longest end of the item that the last one has (高技术制造业、装备制造业增加值: 制造业,
      // so 高技术制造业增加值)
      bool done = false;
      for (std::size_t from = 0; from < item.size() && !done; ++from) {
        if ((static_cast<unsigned char>(item[from]) & 0xC0) == 0x80) continue;
        const std::string end = item.substr(from);
        if (const auto at = last.find(end); at != std::string::npos) {
          item += last.substr(at + end.size());
          done = true;
        }
      }
      // none: as many characters replaced (城镇、农村居民人均可支配收入: 城镇居民人均可支配收入);
      // an item as long as the last one cannot be completed so (金融机构存、贷款余额): no split
      if (!done && chars(item) >= chars(last)) return {};
      if (!done) item += tail_after(chars(item));
    }
    return items;
  }

  // A row whose target is a 分别 list for as many quantities as its name lists becomes one
  // indicator per quantity, each with its part as its target; the split is recorded. A row with
  // results of its own, or whose name lists another count, stays whole (needs review).
  std::vector<indicator> split_listed(indicator ind, const location& where,
                                      std::set<std::string>& ids) {
    std::vector<indicator> out;
    std::size_t n = 0;
    for (const auto& t : ind.targets)
      if (t.rule.operation == op::compound && t.rule.respectively) n = t.rule.parts.size();
    const auto names = n >= 2 ? listed_names(ind.name_zh) : std::vector<std::string>();
    bool results = false;
    for (const auto& o : out_.actuals) results = results || o.indicator == ind.id;
    bool same = names.size() == n;
    for (const auto& t : ind.targets)
      if (t.rule.operation == op::compound && t.rule.parts.size() != n) same = false;
    if (!same || results || names.empty()) {
      out.push_back(std::move(ind));
      return out;
    }
    const std::string old_id = ind.id;
    for (std::size_t k = 0; k < n; ++k) {
      indicator one = ind;
      std::string id = old_id + "_" + std::to_string(k + 1);
      for (int m = 2; ids.count(id); ++m)
        id = old_id + "_" + std::to_string(k + 1) + "_" + std::to_string(m);
      ids.insert(id);
      one.id = id;
      one.name_zh = names[k];
      if (!ind.name_en.empty()) one.name_en = ind.name_en + " (" + std::to_string(k + 1) + ")";
      for (auto& t : one.targets)
        if (t.rule.operation == op::compound) {
          rule part = t.rule.parts[k];
          part.year = t.rule.year;
          part.remark = t.rule.remark;
          t.rule = std::move(part);
        }
      infer(id, "name_zh", names[k],
            "名称列出" + std::to_string(n) + "项,目标“分别”给出" + std::to_string(n) +
                "个数值:拆分为第" + std::to_string(k + 1) + "项",
            "the name lists " + std::to_string(n) + " quantities and the target gives " +
                std::to_string(n) + " figures (respectively): split, quantity " +
                std::to_string(k + 1),
            where);
      out.push_back(std::move(one));
    }
    // what was decided for the row holds for each quantity; its targets are each quantity's
    std::vector<import_inference> copies;
    for (const auto& i : out_.inferences)
      if (i.indicator == old_id)
        for (const auto& one : out) {
          import_inference c = i;
          c.indicator = one.id;
          if (c.field == "id") c.value = one.id;
          copies.push_back(std::move(c));
        }
    out_.inferences.erase(
        std::remove_if(out_.inferences.begin(), out_.inferences.end(),
                       [&](const import_inference& i) { return i.indicator == old_id; }),
        out_.inferences.end());
    out_.inferences.insert(out_.inferences.end(), copies.begin(), copies.end());
    const std::size_t keys = out_.target_keys.size();
    for (std::size_t k = 0; k < keys; ++k)
      if (out_.target_keys[k].first == old_id)
        for (const auto& one : out) {
          out_.target_keys.push_back({one.id, out_.target_keys[k].second});
          out_.target_origins.push_back(out_.target_origins[k]);
        }
    ids.erase(old_id);
    return out;
  }

  std::string join_row(std::size_t r) const {
    std::string t;
    for (const auto& c : g_.rows[r])
      if (!c.text.empty()) {
        if (!t.empty()) t += " | ";
        t += c.text;
      }
    return t;
  }

  // `304,5万吨`: a comma the parser reads as the start of a remark, followed by digits
  static bool split_number(const std::string& remark) {
    return !remark.empty() && remark[0] >= '0' && remark[0] <= '9';
  }

  static std::string split_number_message(const std::string& text) {
    return "a comma inside the number ('" + text +
           "'): a decimal point or a thousands separator typed wrong? kept as text; correct the "
           "cell";
  }

  void keep(std::string id, std::string field, period per, std::string text, errc code,
            std::string message, location where) {
    review(review_item{std::move(id), std::move(field), per, std::move(text), code,
                       std::move(message), std::move(where)});
  }

  void review(review_item item) {
    if (opt_.strict) raise(item.code, item.message + " ('" + item.text + "')", item.where);
    out_.review.push_back(std::move(item));
  }

  void read_value(indicator& ind, std::size_t c, std::string text, const location& where) {
    const auto& m = cols_[c].meaning;
    period per = *m.per;
    // a five-year plan's target column: growth and cumulative cells are for the plan's years
    if (m.plan_years && (names_growth(ind.name_zh) || has(ind.name_zh, "五年") || has(text, "[") ||
                         has(text, "〔") || has(text, "累计"))) {
      per = *m.plan_years;
      infer(ind.id, "period", per.to_string(),
            "“" + cols_[c].label + "”列中的增速或累计值按规划期" + per.to_string() + "读取",
            "a growth or cumulative value in the column '" + cols_[c].label +
                "' is for the plan's years " + per.to_string(),
            where);
    }
    std::string star_note;
    for (const char* mark : {"（*）", "(*)", "（＊）", "*", "＊"}) {
      const std::string s(mark);
      const std::size_t at = text.find(s);
      if (at != std::string::npos && at > 0) {
        text.erase(at, s.size());
        star_note = facts_.star_text.empty() ? "*" : facts_.star_text;
      }
    }
    text = std::string(detail::trim(text));
    const bool average =
        m.span == value_span::average ||
        (m.span == value_span::average_or_cumulative && !has(text, "[") && !has(text, "〔"));
    // `年均增长` of a level indicator is a compound growth rate; of a growth indicator its level
    const bool cagr = average && !names_growth(ind.name_zh) && !ind.is_percent();
    // the column says what the cell's number is: `7%` under 年均增速 reads as `年均增长7%`, the
    // text kept with the target so that it reads as its rule
    std::string composed;
    if (cagr) {
      try {
        const std::string with_column = "年均增长" + text;
        const bool is_cagr =
            m.values == value_role::target
                ? parse_target(with_column).measure.kind == measure_kind::cagr
                : parse_observation(with_column).measure.kind == measure_kind::cagr;
        if (is_cagr) {
          composed = with_column;
          infer(ind.id, "measure", "cagr",
                "“" + cols_[c].label + "”列中的“" + text + "”为年均增长率,读作“" + composed + "”",
                "'" + text + "' in the column '" + cols_[c].label +
                    "' is an average annual growth rate, read as '" + composed + "'",
                where);
        }
      } catch (const error&) {
        // read as written below
      }
    }
    if (!composed.empty()) text = composed;
    if (m.values == value_role::target) {
      target t;
      t.period = per;
      t.text = text;
      try {
        t.rule = parse_target(text);
        if (split_number(t.rule.remark)) {
          keep(ind.id, "target", per, text, errc::target_number, split_number_message(text), where);
          t.rule = rule{};
          t.rule.operation = op::unparsed;
          t.rule.description = text;
        }
      } catch (const error& e) {
        t.rule = rule{};
        t.rule.operation = op::unparsed;
        t.rule.description = text;
        keep(ind.id, "target", per, text, e.code(), e.message(), where);
      }
      if (ind.find_target(per)) {
        keep(ind.id, "target", per, text, errc::model_duplicate,
             "a second target for " + per.to_string() + " in one row: kept as text", where);
        return;
      }
      out_.target_keys.push_back({ind.id, t.period});
      out_.target_origins.push_back(where);
      ind.targets.push_back(std::move(t));
      target_cells_.push_back(where);
      return;
    }
    try {
      const auto parsed = parse_observation(text);
      check_one_quantity(parsed);
      if (split_number(parsed.remark)) {
        keep(ind.id, "result", per, text, errc::observation_number, split_number_message(text),
             where);
        return;
      }
      observation o = to_observation(ind.id, per, text, parsed);
      if (!star_note.empty()) {
        if (facts_.star_estimate && o.flags.find('E') == std::string::npos) o.flags += 'E';
        o.note = o.note.empty() ? star_note : o.note + "; " + star_note;
      }
      const bool base = m.span == value_span::year && o.measure.kind == measure_kind::level &&
                        target_year_ > 0 && per.last_year() < target_year_ && !ind.baseline;
      if (base) {
        ind.baseline = std::move(o);
        return;
      }
      if (out_.actuals.find(ind.id, per, o.measure.kind)) {
        keep(ind.id, "result", per, text, errc::model_duplicate,
             "a second result for " + per.to_string() + " in one row: kept as text", where);
        return;
      }
      // further figures of the cell with other measures (1211亿元、增长6.8%: the growth too)
      auto all = to_observations(ind.id, per, text, parsed);
      const observation main = o;
      out_.actuals.add(std::move(o));
      out_.actual_origins.push_back(where);
      for (std::size_t k = 1; k < all.size(); ++k) {
        if (out_.actuals.find(ind.id, per, all[k].measure.kind)) continue;
        all[k].flags = main.flags;
        all[k].note = main.note;
        out_.actuals.add(std::move(all[k]));
        out_.actual_origins.push_back(where);
      }
    } catch (const error& e) {
      keep(ind.id, "result", per, text, e.code(), e.message(), where);
    }
  }

  // A target or value whose unit cannot be expressed in the indicator's: kept for review.
  void check_units(indicator& ind) {
    if (ind.unit.empty()) return;
    for (auto& t : ind.targets) {
      // as the validator: a level in a unit that cannot be expressed in the indicator's
      if (t.rule.operation == op::unparsed || t.rule.unit.empty() ||
          t.rule.measure.kind != measure_kind::level || t.rule.unit.is_percent() ||
          convertible(t.rule.unit, ind.unit))
        continue;
      keep(ind.id, "target", t.period, t.text, errc::unit_incompatible,
           "the unit '" + t.rule.unit.symbol() +
               "' cannot be expressed in the "
               "indicator's unit '" +
               ind.unit.symbol() + "'",
           target_cells_[&t - ind.targets.data()]);
      const std::string text = t.text;
      t.rule = rule{};
      t.rule.operation = op::unparsed;
      t.rule.description = text;
    }
  }

  void infer_rest(indicator& ind, const location& where, const std::string& unit_source) {
    const rule* first = ind.targets.empty() ? nullptr : &ind.targets.front().rule;
    if (ind.unit.empty() && first && !first->unit.empty()) ind.unit = first->unit;
    check_units(ind);
    ind.kind = default_kind(ind.unit, first);
    if (ind.unit.empty() && unit_source.empty() && names_growth(ind.name_zh)) {
      ind.kind = indicator_kind::rate;
      ind.unit = unit::percent();
      infer(ind.id, "unit", "%", "名称含“增长/增速”,数值为百分比增速",
            "the name says growth: values are percentage growth rates", where);
    }
    infer(ind.id, "kind", to_string(ind.kind),
          ind.unit.empty() ? "无单位" : "由单位“" + ind.unit.symbol() + "”",
          ind.unit.empty() ? "no unit"
                           : "from the unit '" + ind.unit.symbol() + "'" +
                                 (unit_source.empty() ? "" : " (" + unit_source + ")"),
          where);
    std::string word;
    if (lower_is_better(ind.name_zh, word)) {
      ind.polarity = polarity::lower;
      infer(ind.id, "polarity", "lower", "名称含“" + word + "”,越低越好",
            "the name has '" + word + "': lower is better", where);
    } else if (!word.empty()) {
      infer(ind.id, "polarity", "higher", "名称含“" + word + "”,数值为降低量,越高越好",
            "the name has '" + word + "': the value is the reduction, higher is better", where);
    } else {
      infer(ind.id, "polarity", "higher", "名称中没有“越低越好”的词(失业、能耗、排放等),按越高越好",
            "no lower-is-better word (unemployment, energy use, emissions, …) in the name: higher "
            "is better",
            where);
    }
    // the flow word of a target, else of the base-year value (`五年累计竣工208.9`)
    qualifier q;
    std::string in_zh = "目标", in_en = "target";
    for (const auto& t : ind.targets)
      if (!t.rule.qualifier.flow.empty()) q = t.rule.qualifier;
    if (q.flow.empty() && ind.baseline && !ind.baseline->qualifier.flow.empty()) {
      q = ind.baseline->qualifier;
      in_zh = "基期值";
      in_en = "base-year value";
    }
    ind.accumulation = default_accumulation(ind.kind, q, ind.name_zh);
    if (ind.accumulation == accumulation::rate)
      infer(ind.id, "accumulation", "rate", "比率类指标:取最后一期的值,不累加",
            "a rate: the last period's value counts, never a sum", where);
    else if (ind.accumulation == accumulation::stock)
      infer(ind.id, "accumulation", "stock", "无流量词(新增、新开工等):取最后一期的值",
            "no flow word (新增, 新开工, …): the last period's value counts", where);
    if (ind.accumulation == accumulation::flow)
      infer(ind.id, "accumulation", "flow",
            q.flow.empty() ? "名称表示新增量" : in_zh + "含流量词“" + q.flow + "”",
            q.flow.empty() ? "the name names a flow"
                           : "the " + in_en + " has the flow word '" + q.flow + "'",
            where);
  }

  // ---- plan -------------------------------------------------------------------------------

  void finish_plan() {
    plan& p = out_.plan;
    std::string stem = g_.source;
    if (const auto slash = stem.find_last_of("/\\"); slash != std::string::npos)
      stem = stem.substr(slash + 1);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem = stem.substr(0, dot);
    p.id = opt_.plan_id.empty() ? stem : opt_.plan_id;
    if (!opt_.title.empty()) {
      p.title_zh = opt_.title;
    } else {
      // the most specific title row: the last one that is not a `表1` label
      for (const auto& t : titles_)
        if (!(t.size() <= 6 && t.rfind("表", 0) == 0)) p.title_zh = t;
      if (!p.title_zh.empty())
        infer({}, "title", p.title_zh, "取自表格上方的标题行",
              "taken from the title rows above the table");
    }
    p.issuer = opt_.issuer;
    if (plan_span_) {
      p.period = *plan_span_;
      if (!opt_.period)
        infer({}, "period", p.period.to_string(), "由标题或年份列确定规划期",
              "the plan's period, from the title or the year columns");
    } else if (target_year_ > 0) {
      p.period = period::year(target_year_);
      infer({}, "period", p.period.to_string(), "由目标列的年份确定规划期",
            "the plan's period, from the year of the target columns");
    } else {
      // nothing names a year: the plan needs one, and it must not pass for the table's
      p.period = period::year(2000);
      infer({}, "period", p.period.to_string(),
            "标题和列均未写年份:以2000年占位,未写年份的目标和完成值列未读取;请用--table-"
            "period给出规划期",
            "neither the title nor the columns name a year: 2000 stands in, and the target and "
            "result columns that name no year are not read; give the plan's period with "
            "--table-period");
    }
    for (const auto& t : titles_) out_.notes.insert(out_.notes.begin(), "title: " + t);
    if (p.indicators.empty()) out_.notes.push_back("the table has no indicator rows");
  }

  void apply_overrides() {
    plan& p = out_.plan;
    std::set<std::pair<const indicator*, std::string>> set_fields;
    for (const auto& o : opt_.overrides) {
      indicator* ind = p.find(o.indicator);
      if (!ind)
        for (auto& i : p.indicators)
          if (i.name_zh == o.indicator || i.name_en == o.indicator) ind = &i;
      if (!ind) {
        std::string known;
        for (std::size_t k = 0; k < p.indicators.size() && k < 3; ++k)
          known += (k ? ", " : "") + p.indicators[k].id;
        raise(errc::usage, "the override of " + o.field + " for '" + o.indicator +
                               "' matches no indicator: name one by its id (" + known +
                               ", …; `planeval import --explain` lists them) or by its name "
                               "as published");
      }
      const std::string old_id = ind->id;
      set_field(*ind, o.field, o.value);
      set_fields.insert({ind, o.field});
      infer(ind->id, o.field, o.value, "按覆盖文件设定", "set by the overrides");
      if (ind->id != old_id) rename(old_id, ind->id);
    }
    // a unit set by hand decides the kind and the accumulation unless they are set too
    for (auto& ind : p.indicators) {
      if (!set_fields.count({&ind, "unit"})) continue;
      const rule* first = ind.targets.empty() ? nullptr : &ind.targets.front().rule;
      if (!set_fields.count({&ind, "kind"})) {
        ind.kind = default_kind(ind.unit, first);
        infer(ind.id, "kind", to_string(ind.kind),
              "由覆盖文件设定的单位“" + ind.unit.symbol() + "”",
              "from the unit '" + ind.unit.symbol() + "' set by the overrides");
      }
      if (!set_fields.count({&ind, "accumulation"}))
        ind.accumulation =
            default_accumulation(ind.kind, first ? first->qualifier : qualifier{}, ind.name_zh);
    }
  }

  void rename(const std::string& from, const std::string& to) {
    observation_set renamed;
    for (auto o : out_.actuals) {
      if (o.indicator == from) o.indicator = to;
      renamed.add(std::move(o));
    }
    out_.actuals = std::move(renamed);
    for (auto& i : out_.inferences)
      if (i.indicator == from) i.indicator = to;
    for (auto& r : out_.review)
      if (r.indicator == from) r.indicator = to;
    for (auto& k : out_.target_keys)
      if (k.first == from) k.first = to;
    for (auto& ind : out_.plan.indicators)
      if (ind.id == to && ind.baseline) ind.baseline->indicator = to;
  }

  static void set_field(indicator& ind, const std::string& field, const std::string& value);
};

void importer::set_field(indicator& ind, const std::string& field, const std::string& value) {
  if (field == "id") {
    ind.id = value;
  } else if (field == "name_zh") {
    ind.name_zh = value;
  } else if (field == "name_en") {
    ind.name_en = value;
  } else if (field == "kind") {
    ind.kind = from_string<indicator_kind>(value);
  } else if (field == "unit") {
    ind.unit = unit::parse(value);
  } else if (field == "polarity") {
    ind.polarity = from_string<polarity>(value);
  } else if (field == "attribute") {
    ind.attribute = from_string<attribute>(value);
  } else if (field == "accumulation") {
    ind.accumulation = from_string<accumulation>(value);
  } else if (field == "category") {
    ind.category = value;
  } else {
    raise(errc::usage, "unknown override field '" + field +
                           "' (accepted: id, name_zh, name_en, kind, unit, polarity, attribute, "
                           "accumulation, category)");
  }
}

}  // namespace

import_result import_grid(const grid& table, const import_options& options) {
  importer imp(table, options);
  import_result r = imp.run();
  // what the reader noticed (hidden rows and sheets, formulas without a saved value) is said
  r.notes.insert(r.notes.end(), table.notes.begin(), table.notes.end());
  return r;
}

import_result import_table(const std::string& path, const import_options& options) {
  const auto grids = load_grids(path, options.cells);
  if (options.table_index >= 0) {
    if (static_cast<std::size_t>(options.table_index) >= grids.size()) {
      location where;
      where.file = path;
      raise(errc::html_no_table,
            "there is no table " + std::to_string(options.table_index) + ": the file has " +
                std::to_string(grids.size()) + " (--table-index counts from 0)",
            std::move(where));
    }
    return import_grid(grids[static_cast<std::size_t>(options.table_index)], options);
  }
  // the first table with a header and indicator rows
  std::optional<error> first_error;
  for (const auto& g : grids) {
    try {
      auto r = import_grid(g, options);
      if (!r.plan.indicators.empty()) return r;
    } catch (const error& e) {
      if (e.code() != errc::table_no_header) throw;
      if (!first_error) first_error = e;
    }
  }
  if (first_error) raise_at(*first_error, first_error->where());
  return import_grid(grids.front(), options);
}

void apply_sources(std::vector<assessment>& assessments, const import_result& result) {
  std::map<std::pair<std::string, period>, const location*> cells;
  for (std::size_t k = 0; k < result.target_keys.size() && k < result.target_origins.size(); ++k)
    cells[result.target_keys[k]] = &result.target_origins[k];
  for (auto& a : assessments)
    if (const auto it = cells.find({a.indicator, a.period}); it != cells.end())
      a.source = it->second->to_string();
}

std::vector<import_override> load_import_overrides(const std::string& path) {
  std::ifstream in;
  std::ostringstream text;
  {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      location where;
      where.file = path;
      raise(errc::io_open, "cannot open the overrides file", std::move(where));
    }
    std::string line;
    while (std::getline(f, line))
      if (detail::trim(line).rfind("#", 0) != 0) text << line << '\n';
  }
  const csv_table t = parse_csv(text.str(), path);
  const int ci = t.column("indicator"), cf = t.column("field"), cv = t.column("value");
  if (ci < 0 || cf < 0 || cv < 0) {
    location where;
    where.file = path;
    where.line = 1;
    raise(errc::csv_header, "an overrides table needs the columns indicator,field,value",
          std::move(where));
  }
  std::vector<import_override> out;
  for (const auto& row : t.rows) {
    import_override o;
    o.indicator = row[static_cast<std::size_t>(ci)].text;
    o.field = row[static_cast<std::size_t>(cf)].text;
    o.value = row[static_cast<std::size_t>(cv)].text;
    out.push_back(std::move(o));
  }
  return out;
}

std::string explain(const import_result& result, language lang) {
  std::ostringstream out;
  const bool zh = lang == language::zh;
  out << (zh ? "导入: " : "import: ") << result.plan.indicators.size()
      << (zh ? " 个指标, " : " indicators, ") << result.actuals.size()
      << (zh ? " 个完成值, " : " results, ") << result.review.size()
      << (zh ? " 个单元格待核对\n" : " cells to review\n");
  for (const auto& i : result.inferences) {
    out << "  " << (i.indicator.empty() ? std::string(zh ? "(全表)" : "(table)") : i.indicator)
        << ' ' << i.field << " = " << i.value << ": " << (zh ? i.reason_zh : i.reason_en);
    if (!i.where.cell.empty()) out << " [" << i.where.cell << ']';
    out << '\n';
  }
  for (const auto& r : result.review)
    out << (zh ? "  待核对 " : "  review ") << r.where.to_string() << ' '
        << (r.indicator.empty() ? "" : r.indicator + " ") << r.field << " '" << r.text << "': ["
        << to_string(r.code) << "] " << r.message << '\n';
  for (const auto& n : result.notes) out << (zh ? "  注: " : "  note: ") << n << '\n';
  return out.str();
}

}  // namespace planeval
