// The layout of a published table: header rows found under the title rows, columns recognised
// by meaning, multi-line rows split, note rows read as plan-wide facts and the periods resolved.
#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "detail/utf8.hpp"
#include "import/importer.hpp"
#include "planeval/core/parse.hpp"

namespace planeval::import_detail {

std::size_t importer::nonempty(std::size_t r) const {
  std::size_t n = 0;
  const auto& row = g_.rows[r];
  for (std::size_t k = 0; k < row.size(); ++k)
    if (!row[k].text.empty() && !(row[k].merged && k > 0 && row[k - 1].text == row[k].text)) ++n;
  return n;
}

void importer::infer(const std::string& id, const std::string& field, const std::string& value,
                     std::string zh, std::string en, location where) {
  import_inference i;
  i.indicator = id;
  i.field = field;
  i.value = value;
  i.reason_zh = std::move(zh);
  i.reason_en = std::move(en);
  i.where = std::move(where);
  out_.inferences.push_back(std::move(i));
}

int importer::find_column(column_role role) const {
  for (std::size_t c = 0; c < cols_.size(); ++c)
    if (cols_[c].meaning.role == role) return static_cast<int>(c);
  return -1;
}

location importer::at(std::size_t r, std::size_t c) const {
  return source_.where(r < origin_.size() ? origin_[r] : r, c);
}

std::vector<std::string> importer::lines_of(const std::string& text) {
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

void importer::split_multiline_rows() {
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
        } else if (ls.size() == 1 && (role == column_role::attribute || role == column_role::name ||
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

bool importer::names_header(std::size_t r) const {
  for (const auto& c : g_.rows[r]) {
    const auto m = classify_header(normalise(c.text));
    if (m.role == column_role::name) return true;
  }
  return false;
}

int importer::value_headers(std::size_t r) const {
  int n = 0;
  for (const auto& c : g_.rows[r])
    if (!c.text.empty() && classify_header(normalise(c.text)).role == column_role::value) ++n;
  return n;
}

void importer::find_header() {
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

void importer::classify_columns() {
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
    infer(
        {}, "column", cols_[static_cast<std::size_t>(name)].label,
        "第" + std::to_string(name + 1) + "列作为指标名称列(表头未含“指标”)",
        "column " + std::to_string(name + 1) + " read as the indicator names (no header says 指标)",
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
    if (has(t, "目标") || has(t, "规划") || has(t, "计划") || has(t, "纲要") || has(t, "主要指标"))
      if (!has(t, "完成情况") && !has(t, "实现情况") && !has(t, "执行情况")) plan_table_ = true;
}

void importer::read_facts() {
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

bool importer::is_note_row(std::size_t r) const {
  if (nonempty(r) != 1) return false;
  std::string t;
  for (const auto& c : g_.rows[r])
    if (!c.text.empty()) t = c.text;
  return t.rfind("注", 0) == 0 || t.rfind("说明", 0) == 0 || t.rfind("备注", 0) == 0 ||
         t.rfind("Note", 0) == 0 || t.rfind("资料来源", 0) == 0 || t.rfind("[^", 0) == 0;
}

void importer::note_fact(const std::string& t, location where) {
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

void importer::resolve_periods() {
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
          "列“" + cols_[k].label + "”作为" + (m.values == value_role::target ? "目标" : "完成值") +
              ":" + zh,
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

}  // namespace planeval::import_detail
