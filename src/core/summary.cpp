#include "planeval/core/summary.hpp"

#include <set>
#include <string>

namespace planeval {

std::size_t status_counts::total() const noexcept {
  std::size_t t = 0;
  for (const auto v : n) t += v;
  return t;
}

std::size_t status_counts::open() const noexcept {
  std::size_t sum = 0;
  for (int k = 0; k < status_count; ++k) {
    const auto s = static_cast<status>(k);
    if (s == status::undetermined || is_not_assessable(s)) sum += (*this)[s];
  }
  return sum;
}

plan_summary summarize(const plan& p, const std::vector<assessment>& assessments) {
  plan_summary s;
  std::set<std::string> ids;
  std::set<period> periods;
  for (const auto& a : assessments) {
    ++s.total;
    ids.insert(a.indicator);
    periods.insert(a.period);
    s.by_status.add(a.status);
    const indicator* ind = p.find(a.indicator);
    const std::string category = ind && !ind->category.empty() ? ind->category : "other";
    s.by_category[category].add(a.status);
    const bool binding = ind && ind->attribute == attribute::binding;
    (binding ? s.binding : s.anticipatory).add(a.status);
    if (a.status == status::not_met) {
      s.not_met.push_back(a.indicator);
      if (binding) s.binding_not_met.push_back(a.indicator);
    }
  }
  s.indicators = ids.size();
  for (const auto& per : periods) {
    if (!s.period_label.empty()) s.period_label += ",";
    s.period_label += per.to_string();
  }
  return s;
}

namespace {

std::string period_zh(const std::string& label) {
  // `2021` → `2021年`; `2016/2020` → `2016—2020年`; others as they are
  if (label.size() == 4) return label + "年";
  if (label.size() == 9 && label[4] == '/')
    return label.substr(0, 4) + "—" + label.substr(5) + "年";
  return label;
}

const std::string& name_of(const plan& p, const std::string& id, language lang) {
  const indicator* ind = p.find(id);
  return ind ? ind->name(lang) : id;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep,
                 const std::string& last_sep) {
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k != 0) out += (k + 1 == parts.size()) ? last_sep : sep;
    out += parts[k];
  }
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string narrative(const plan& p, const plan_summary& s, language lang) {
  const auto& c = s.by_status;
  const std::size_t attained = c.attained();
  const std::size_t not_met = c[status::not_met];
  const std::size_t undetermined = c[status::undetermined];
  const std::size_t no_data = c[status::no_data];
  const std::size_t needs_ref = c[status::needs_reference];
  const std::size_t needs_judgment = c[status::needs_judgment];
  const std::size_t no_target = c[status::no_target];
  const std::size_t needs_review = c[status::needs_review];
  const std::size_t not_assessable = c.open() - undetermined;
  const bool annual = s.period_label.size() == 4;

  if (lang == language::zh) {
    const std::string goal = annual ? "年度目标" : "目标";
    std::string out =
        period_zh(s.period_label) + "共涉及" + std::to_string(s.indicators) + "个指标";
    if (s.total != s.indicators) out += "、" + std::to_string(s.total) + "项目标";
    std::vector<std::string> parts;
    if (attained > 0) {
      std::string part = std::to_string(attained) + "个指标完成" + goal;
      if (c[status::exceeded] > 0)
        part += "(其中" + std::to_string(c[status::exceeded]) + "个超额完成)";
      parts.push_back(part);
    }
    if (not_met > 0) parts.push_back(std::to_string(not_met) + "个指标未完成" + goal);
    if (undetermined > 0) parts.push_back(std::to_string(undetermined) + "个指标完成情况待确定");
    if (not_assessable > 0) {
      std::vector<std::string> why;
      if (no_data > 0) why.push_back("缺少完成值" + std::to_string(no_data) + "个");
      if (needs_ref > 0) why.push_back("待提供参照值或下达指标" + std::to_string(needs_ref) + "个");
      if (needs_judgment > 0) why.push_back("待定性评价" + std::to_string(needs_judgment) + "个");
      if (no_target > 0) why.push_back("未设定目标" + std::to_string(no_target) + "个");
      if (needs_review > 0) why.push_back("待核对原表" + std::to_string(needs_review) + "个");
      parts.push_back(std::to_string(not_assessable) + "个指标暂无法评估(" + join(why, "、", "、") +
                      ")");
    }
    if (!parts.empty()) out += ",其中" + join(parts, ",", ",");
    out += "。";
    if (!s.binding_not_met.empty()) {
      std::vector<std::string> names;
      for (const auto& id : s.binding_not_met) names.push_back(name_of(p, id, lang));
      out += "约束性指标中," + join(names, "、", "、") + "未完成目标。";
    } else if (s.binding.total() > 0 && s.binding.attained() == s.binding.total()) {
      out += std::to_string(s.binding.total()) + "个约束性指标全部完成。";
    }
    return out;
  }

  std::string out = "In " + s.period_label + " the plan covered " +
                    plural(s.indicators, "indicator", "indicators");
  if (s.total != s.indicators) out += " with " + plural(s.total, "target", "targets");
  std::vector<std::string> parts;
  const std::string goal = annual ? "annual target" : "target";
  if (attained > 0) {
    std::string part = std::to_string(attained) + " met " +
                       (attained == 1 ? "its " + goal : "their " + goal + "s");
    if (c[status::exceeded] > 0) part += " (" + std::to_string(c[status::exceeded]) + " exceeded)";
    parts.push_back(part);
  }
  if (not_met > 0) parts.push_back(std::to_string(not_met) + " did not");
  if (undetermined > 0)
    parts.push_back(std::to_string(undetermined) +
                    " could not be determined from the values given");
  if (not_assessable > 0) {
    std::vector<std::string> why;
    if (no_data > 0) why.push_back(std::to_string(no_data) + " without data");
    if (needs_ref > 0)
      why.push_back(std::to_string(needs_ref) + " awaiting a reference value or quota");
    if (needs_judgment > 0) why.push_back(std::to_string(needs_judgment) + " awaiting a judgment");
    if (no_target > 0) why.push_back(std::to_string(no_target) + " without a target");
    if (needs_review > 0)
      why.push_back(std::to_string(needs_review) + " with a cell to check in the source table");
    parts.push_back(std::to_string(not_assessable) + " could not be assessed (" +
                    join(why, ", ", ", ") + ")");
  }
  if (!parts.empty()) out += ": " + join(parts, ", ", " and ");
  out += ".";
  if (!s.binding_not_met.empty()) {
    std::vector<std::string> names;
    for (const auto& id : s.binding_not_met) names.push_back(name_of(p, id, lang));
    out += " Among binding indicators, " + join(names, ", ", " and ") +
           (names.size() == 1 ? " did not meet its target." : " did not meet their targets.");
  } else if (s.binding.total() > 0 && s.binding.attained() == s.binding.total()) {
    out += " All " + plural(s.binding.total(), "binding indicator", "binding indicators") +
           " met their targets.";
  }
  return out;
}

}  // namespace planeval
