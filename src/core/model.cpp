// Observations, references, indicators and plans: containers and invariants.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "core/lexicon.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"
#include "text/wording.hpp"

namespace planeval {

// --- observations ------------------------------------------------------------------------

bool operator==(const observation& a, const observation& b) noexcept {
  return a.indicator == b.indicator && a.period == b.period && a.value == b.value &&
         a.measure == b.measure && a.unit == b.unit && a.qualifier == b.qualifier &&
         a.comparable == b.comparable && a.flags == b.flags && a.text == b.text && a.note == b.note;
}

const std::vector<sdmx_flag>& sdmx_flags() {
  static const std::vector<sdmx_flag> flags{
      {'A', "正常值", "normal value"},
      {'B', "时间序列断点", "time series break"},
      {'D', "口径不同", "definition differs"},
      {'E', "估计值", "estimated value"},
      {'F', "预测值", "forecast value"},
      {'G', "试验性数据", "experimental value"},
      {'I', "插补值", "imputed value"},
      {'K', "数据含在其他类别中", "data included in another category"},
      {'M', "缺失值(数据不可能存在)", "missing value; data cannot exist"},
      {'N', "不显著", "not significant"},
      {'O', "缺失值", "missing value"},
      {'P', "初步数", "provisional value"},
      {'Q', "缺失值(不公开)", "missing value; suppressed"},
      {'S', "受罢工等特殊事件影响", "strike and other special events"},
      {'U', "可靠性低", "low reliability"},
      {'V', "未经核实", "unvalidated value"},
  };
  return flags;
}

bool is_sdmx_flag(char c) noexcept {
  const auto& flags = sdmx_flags();
  return std::any_of(flags.begin(), flags.end(), [c](const sdmx_flag& f) { return f.code == c; });
}

void validate_flags(std::string_view flags) {
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const char c = flags[i];
    if (!is_sdmx_flag(c)) {
      location loc;
      loc.column = i + 1;
      loc.fragment = std::string(flags.substr(i));
      throw model_error(
          errc::model_invalid,
          "'" + std::string(1, c) + "' is not an SDMX observation-status code (" +
              [] {
                std::string codes;
                for (const auto& f : sdmx_flags())
                  codes += (codes.empty() ? "" : " ") + std::string(1, f.code);
                return codes;
              }() +
              ")",
          loc);
    }
    if (flags.find(c, i + 1) != std::string_view::npos) {
      location loc;
      loc.column = i + 1;
      throw model_error(errc::model_invalid, "flag '" + std::string(1, c) + "' repeated", loc);
    }
  }
}

std::optional<value_interval> as_interval(const observed& v) noexcept {
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (const auto* p = std::get_if<point_value>(&v)) return value_interval{p->value, p->value};
  if (const auto* b = std::get_if<bound_value>(&v)) {
    if (b->at_least) return value_interval{b->value, inf, b->strict, false};
    return value_interval{-inf, b->value, false, b->strict};
  }
  if (const auto* i = std::get_if<interval_value>(&v)) return value_interval{i->low, i->high};
  return std::nullopt;
}

namespace {
[[noreturn]] void duplicate(const std::string& what, const std::string& indicator_id) {
  location loc;
  loc.indicator = indicator_id;
  throw model_error(errc::model_duplicate, what, loc);
}
}  // namespace

void observation_set::add(observation o) {
  auto& indices = by_indicator_[o.indicator];  // one lookup (an empty entry is harmless)
  for (const auto idx : indices) {
    const auto& e = items_[idx];
    if (e.period == o.period && e.measure.kind == o.measure.kind)
      duplicate("a " + std::string(to_string(o.measure.kind)) + " observation of '" + o.indicator +
                    "' for " + o.period.to_string() + " is already present",
                o.indicator);
  }
  indices.reserve(indices.size() + 1);  // so that the push_back after the item cannot throw
  items_.push_back(std::move(o));
  indices.push_back(items_.size() - 1);
}

void observation_set::put(observation o) {
  auto it = by_indicator_.find(o.indicator);
  if (it != by_indicator_.end()) {
    for (const auto idx : it->second) {
      auto& existing = items_[idx];
      if (existing.period == o.period && existing.measure.kind == o.measure.kind) {
        existing = std::move(o);
        return;
      }
    }
  }
  add(std::move(o));
}

const observation* observation_set::find(std::string_view indicator, const period& p,
                                         measure_kind m) const {
  const auto it = by_indicator_.find(std::string(indicator));
  if (it == by_indicator_.end()) return nullptr;
  for (const auto idx : it->second) {
    const auto& o = items_[idx];
    if (o.period == p && o.measure.kind == m) return &o;
  }
  return nullptr;
}

const observation* observation_set::find_any(std::string_view indicator, const period& p) const {
  for (const auto m : {measure_kind::level, measure_kind::growth, measure_kind::change_points,
                       measure_kind::cagr, measure_kind::change_since}) {
    if (const auto* o = find(indicator, p, m)) return o;
  }
  return nullptr;
}

std::vector<const observation*> observation_set::series(std::string_view indicator) const {
  std::vector<const observation*> out;
  const auto it = by_indicator_.find(std::string(indicator));
  if (it == by_indicator_.end()) return out;
  for (const auto idx : it->second) out.push_back(&items_[idx]);
  std::stable_sort(out.begin(), out.end(), [](const observation* a, const observation* b) {
    return a->period < b->period;
  });
  return out;
}

void reference_set::add(reference_value r) {
  if (find(r.indicator, r.period) != nullptr) {
    duplicate("a reference value of '" + r.indicator + "' for " + r.period.to_string() +
                  " is already present",
              r.indicator);
  }
  items_.push_back(std::move(r));
}

void reference_set::put(reference_value r) {
  for (auto& existing : items_) {
    if (existing.indicator == r.indicator && existing.period == r.period) {
      existing = std::move(r);
      return;
    }
  }
  items_.push_back(std::move(r));
}

const reference_value* reference_set::find(std::string_view indicator, const period& p) const {
  for (const auto& r : items_)
    if (r.indicator == indicator && r.period == p) return &r;
  return nullptr;
}

// --- indicators ----------------------------------------------------------------------------

const target* indicator::find_target(const period& p) const noexcept {
  for (const auto& t : targets)
    if (t.period == p) return &t;
  return nullptr;
}

const std::string& indicator::name(language lang) const noexcept {
  return text::display_name(name_zh, name_en, id, lang);
}

bool operator==(const indicator& a, const indicator& b) noexcept {
  return a.id == b.id && a.name_zh == b.name_zh && a.name_en == b.name_en && a.kind == b.kind &&
         a.unit == b.unit && a.polarity == b.polarity && a.attribute == b.attribute &&
         a.category == b.category && a.accumulation == b.accumulation && a.baseline == b.baseline &&
         a.targets == b.targets && a.note == b.note;
}

accumulation default_accumulation(indicator_kind kind, const qualifier& q,
                                  const std::string& name_zh) noexcept {
  if (kind == indicator_kind::rate) return accumulation::rate;
  if (detail::is_flow(q.flow) || detail::names_a_flow(name_zh)) return accumulation::flow;
  return accumulation::stock;
}

bool percent_means_growth(const unit& u, const indicator& ind) noexcept {
  return u.is_percent() && !ind.unit.empty() && !ind.unit.is_percent();
}

indicator_kind default_kind(const unit& u, const rule* r) noexcept {
  switch (u.dim()) {
    case dimension::percent: return indicator_kind::rate;
    case dimension::area: return indicator_kind::area;
    case dimension::ratio: return indicator_kind::ratio;
    case dimension::count: return indicator_kind::count;
    case dimension::none:
      if (r && r->operation == op::qualitative) return indicator_kind::qualitative;
      return indicator_kind::amount;
    case dimension::percentage_point: return indicator_kind::rate;
    case dimension::length:
    case dimension::mass:
    case dimension::money:
    case dimension::energy:
    case dimension::power:
    case dimension::volume:
    case dimension::time:
    case dimension::other: break;
  }
  return indicator_kind::amount;
}

// --- plans ----------------------------------------------------------------------------------

const indicator* plan::find(std::string_view indicator_id) const noexcept {
  for (const auto& i : indicators)
    if (i.id == indicator_id) return &i;
  return nullptr;
}

indicator* plan::find(std::string_view indicator_id) noexcept {
  for (auto& i : indicators)
    if (i.id == indicator_id) return &i;
  return nullptr;
}

void plan::add(indicator ind) {
  if (ind.id.empty()) throw model_error(errc::model_invalid, "an indicator needs a non-empty id");
  if (find(ind.id) != nullptr) duplicate("indicator id '" + ind.id + "' is used twice", ind.id);
  indicators.push_back(std::move(ind));
}

bool operator==(const plan& a, const plan& b) noexcept {
  return a.id == b.id && a.title_zh == b.title_zh && a.title_en == b.title_en &&
         a.issuer == b.issuer && a.period == b.period && a.published == b.published &&
         a.approved == b.approved && a.settings == b.settings && a.indicators == b.indicators &&
         a.observations == b.observations && a.references == b.references && a.tasks == b.tasks &&
         a.extensions == b.extensions;
}

}  // namespace planeval
