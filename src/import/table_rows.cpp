// The rows of a published table: section rows as categories, one indicator per row (or one per
// listed quantity), each value read or kept for review, units and the rest of the facts inferred.
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

bool importer::repeated_header(std::size_t r) const {
  std::size_t same = 0;
  for (std::size_t c = 0; c < g_.rows[r].size(); ++c)
    if (!g_.text(r, c).empty() && g_.text(r, c) == g_.text(first_header_, c)) ++same;
  return same >= 2 || (same >= 1 && names_header(r));
}

void importer::read_rows() {
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
      out_.notes.push_back("row " + std::to_string(r + 1) + " repeats the header: " + join_row(r));
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
      display = ctx.group.empty() || ctx.group == sub_name ? sub_name : ctx.group + "——" + sub_name;
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
    const location name_where = at(r, static_cast<std::size_t>(part.empty() ? name_col : part_col));
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
        n += (cols_[c].label.empty() ? "column " + std::to_string(c + 1) : cols_[c].label) + ": " +
             t;
      }
      ind.note = n;
    }
    for (auto& one : split_listed(std::move(ind), name_where, ids)) {
      infer_rest(one, name_where, unit_source);
      out_.plan.indicators.push_back(std::move(one));
    }
  }
}

std::vector<std::string> importer::listed_names(const std::string& name) {
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
    for (std::size_t begin = 0; begin < item.size() && !done; ++begin) {
      if ((static_cast<unsigned char>(item[begin]) & 0xC0) == 0x80) continue;
      const std::string end = item.substr(begin);
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

std::vector<indicator> importer::split_listed(indicator ind, const location& where,
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

std::string importer::join_row(std::size_t r) const {
  std::string t;
  for (const auto& c : g_.rows[r])
    if (!c.text.empty()) {
      if (!t.empty()) t += " | ";
      t += c.text;
    }
  return t;
}

bool importer::split_number(const std::string& remark) {
  return !remark.empty() && remark[0] >= '0' && remark[0] <= '9';
}

std::string importer::split_number_message(const std::string& text) {
  return "a comma inside the number ('" + text +
         "'): a decimal point or a thousands separator typed wrong? kept as text; correct the "
         "cell";
}

void importer::keep(std::string id, std::string field, period per, std::string text, errc code,
                    std::string message, location where) {
  review(review_item{std::move(id), std::move(field), per, std::move(text), code,
                     std::move(message), std::move(where)});
}

void importer::review(review_item item) {
  if (opt_.strict) raise(item.code, item.message + " ('" + item.text + "')", item.where);
  out_.review.push_back(std::move(item));
}

void importer::read_value(indicator& ind, std::size_t c, std::string text, const location& where) {
  const auto& m = cols_[c].meaning;
  period per = *m.per;
  // a five-year plan's target column: growth and cumulative cells are for the plan's years
  if (m.plan_years && (names_growth_rate(ind.name_zh) || has(ind.name_zh, "五年") ||
                       has(text, "[") || has(text, "〔") || has(text, "累计"))) {
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
  const bool cagr = average && !names_growth_rate(ind.name_zh) && !ind.is_percent();
  // the column says what the cell's number is: `7%` under 年均增速 reads as `年均增长7%`, the
  // text kept with the target so that it reads as its rule
  std::string composed;
  if (cagr) {
    try {
      const std::string with_column = "年均增长" + text;
      const bool is_cagr = m.values == value_role::target
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

void importer::check_units(indicator& ind) {
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

void importer::infer_rest(indicator& ind, const location& where, const std::string& unit_source) {
  const rule* first = ind.targets.empty() ? nullptr : &ind.targets.front().rule;
  if (ind.unit.empty() && first && !first->unit.empty()) ind.unit = first->unit;
  check_units(ind);
  ind.kind = default_kind(ind.unit, first);
  if (ind.unit.empty() && unit_source.empty() && names_growth_rate(ind.name_zh)) {
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

}  // namespace planeval::import_detail
