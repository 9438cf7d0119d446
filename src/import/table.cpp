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
#include "import/importer.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"

namespace planeval {
namespace import_detail {

void importer::finish_plan() {
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

void importer::apply_overrides() {
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
      infer(ind.id, "kind", to_string(ind.kind), "由覆盖文件设定的单位“" + ind.unit.symbol() + "”",
            "from the unit '" + ind.unit.symbol() + "' set by the overrides");
    }
    if (!set_fields.count({&ind, "accumulation"}))
      ind.accumulation =
          default_accumulation(ind.kind, first ? first->qualifier : qualifier{}, ind.name_zh);
  }
}

void importer::rename(const std::string& from, const std::string& to) {
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

}  // namespace import_detail

using import_detail::importer;

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
