// Stable names of the analytics enumerations, their display labels, and from_string.
#include <array>
#include <string>
#include <utility>

#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/series.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

template <class Enum, std::size_t N>
using table = std::array<std::pair<Enum, const char*>, N>;

constexpr table<series_kind, 3> series_kind_names{{{series_kind::automatic, "automatic"},
                                                   {series_kind::level, "level"},
                                                   {series_kind::growth_rate, "growth_rate"}}};
constexpr table<pace_status, 7> pace_status_names{
    {{pace_status::ahead, "ahead"},
     {pace_status::in_line, "in_line"},
     {pace_status::behind, "behind"},
     {pace_status::no_data, "no_data"},
     {pace_status::no_target, "no_target"},
     {pace_status::needs_reference, "needs_reference"},
     {pace_status::not_applicable, "not_applicable"}}};
constexpr table<pace_method, 4> pace_method_names{{{pace_method::none, "none"},
                                                   {pace_method::flow_share, "flow_share"},
                                                   {pace_method::path_share, "path_share"},
                                                   {pace_method::level, "level"}}};
constexpr table<ytd_values, 3> ytd_values_names{{{ytd_values::automatic, "automatic"},
                                                 {ytd_values::per_period, "per_period"},
                                                 {ytd_values::cumulative, "cumulative"}}};
constexpr table<fit_model, 2> fit_model_names{
    {{fit_model::linear, "linear"}, {fit_model::log_linear, "log_linear"}}};
constexpr table<projection_verdict, 5> verdict_names{
    {{projection_verdict::maintain, "maintain"},
     {projection_verdict::accelerate, "accelerate"},
     {projection_verdict::reverse_trend, "reverse_trend"},
     {projection_verdict::insufficient_data, "insufficient_data"},
     {projection_verdict::no_target, "no_target"}}};
constexpr table<trend_status, 12> trend_status_names{
    {{trend_status::achieved, "achieved"},
     {trend_status::on_track, "on_track"},
     {trend_status::acceleration_needed, "acceleration_needed"},
     {trend_status::limited_progress, "limited_progress"},
     {trend_status::deterioration, "deterioration"},
     {trend_status::substantial_progress, "substantial_progress"},
     {trend_status::moderate_progress, "moderate_progress"},
     {trend_status::insufficient_data, "insufficient_data"},
     {trend_status::duplicate_periods, "duplicate_periods"},
     {trend_status::sign_change, "sign_change"},
     {trend_status::zero_value, "zero_value"},
     {trend_status::not_applicable, "not_applicable"}}};
constexpr table<normalisation, 4> normalisation_names{
    {{normalisation::min_max, "min_max"},
     {normalisation::z_score, "z_score"},
     {normalisation::goalposts, "goalposts"},
     {normalisation::distance_to_target, "distance_to_target"}}};
constexpr table<weighting, 3> weighting_names{
    {{weighting::equal, "equal"}, {weighting::given, "given"}, {weighting::pca, "pca"}}};
constexpr table<aggregation, 2> aggregation_names{
    {{aggregation::arithmetic, "arithmetic"}, {aggregation::geometric, "geometric"}}};
constexpr table<missing_rule, 2> missing_rule_names{
    {{missing_rule::reweight, "reweight"}, {missing_rule::fail, "fail"}}};

template <class Enum, std::size_t N>
const char* name_of(const table<Enum, N>& t, Enum e) noexcept {
  for (const auto& [v, n] : t)
    if (v == e) return n;
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const table<Enum, N>& t, std::string_view name) noexcept {
  for (const auto& [v, n] : t)
    if (name == n) return v;
  return std::nullopt;
}

template <class Enum, std::size_t N>
Enum lookup_or_throw(const table<Enum, N>& t, std::string_view name, const char* what) {
  if (auto v = lookup(t, name)) return *v;
  std::string accepted;
  for (const auto& entry : t) {
    if (!accepted.empty()) accepted += ", ";
    accepted += entry.second;
  }
  location loc;
  loc.fragment = std::string(name);
  throw model_error(
      errc::model_enum,
      "'" + std::string(name) + "' is not a " + what + " (expected one of: " + accepted + ")", loc);
}

}  // namespace

const char* to_string(series_kind k) noexcept { return name_of(series_kind_names, k); }
const char* to_string(pace_status s) noexcept { return name_of(pace_status_names, s); }
const char* to_string(pace_method m) noexcept { return name_of(pace_method_names, m); }
const char* to_string(ytd_values v) noexcept { return name_of(ytd_values_names, v); }
const char* to_string(fit_model m) noexcept { return name_of(fit_model_names, m); }
const char* to_string(projection_verdict v) noexcept { return name_of(verdict_names, v); }
const char* to_string(trend_status s) noexcept { return name_of(trend_status_names, s); }
const char* to_string(normalisation n) noexcept { return name_of(normalisation_names, n); }
const char* to_string(weighting w) noexcept { return name_of(weighting_names, w); }
const char* to_string(aggregation a) noexcept { return name_of(aggregation_names, a); }
const char* to_string(missing_rule m) noexcept { return name_of(missing_rule_names, m); }

const char* status_label(pace_status s, language l) noexcept {
  const bool zh = l == language::zh;
  switch (s) {
    case pace_status::ahead: return zh ? "快于预期" : "ahead of schedule";
    case pace_status::in_line: return zh ? "基本符合预期" : "on schedule";
    case pace_status::behind: return zh ? "滞后" : "behind schedule";
    case pace_status::no_data: return zh ? "无数据" : "no data";
    case pace_status::no_target: return zh ? "未设目标" : "no target";
    case pace_status::needs_reference: return zh ? "待参照值" : "needs reference";
    case pace_status::not_applicable: return zh ? "不适用" : "not applicable";
  }
  return "?";
}

const char* status_label(projection_verdict v, language l) noexcept {
  const bool zh = l == language::zh;
  switch (v) {
    case projection_verdict::maintain: return zh ? "保持当前进度" : "maintain progress";
    case projection_verdict::accelerate: return zh ? "需加快进度" : "accelerate progress";
    case projection_verdict::reverse_trend: return zh ? "需扭转趋势" : "reverse the trend";
    case projection_verdict::insufficient_data: return zh ? "数据不足" : "insufficient data";
    case projection_verdict::no_target: return zh ? "未设目标" : "no target";
  }
  return "?";
}

const char* status_label(trend_status s, language l) noexcept {
  const bool zh = l == language::zh;
  switch (s) {
    case trend_status::achieved: return zh ? "已实现目标" : "achieved";
    case trend_status::on_track: return zh ? "进展顺利" : "on track";
    case trend_status::acceleration_needed: return zh ? "需加快进度" : "acceleration needed";
    case trend_status::limited_progress: return zh ? "进展有限" : "limited progress";
    case trend_status::deterioration: return zh ? "出现倒退" : "deterioration";
    case trend_status::substantial_progress: return zh ? "显著进展" : "substantial progress";
    case trend_status::moderate_progress: return zh ? "一定进展" : "moderate progress";
    case trend_status::insufficient_data: return zh ? "数据不足" : "insufficient data";
    case trend_status::duplicate_periods: return zh ? "年份重复" : "duplicate periods";
    case trend_status::sign_change: return zh ? "正负号变化" : "sign change";
    case trend_status::zero_value: return zh ? "基期为零" : "zero base value";
    case trend_status::not_applicable: return zh ? "不适用" : "not applicable";
  }
  return "?";
}

#define PLANEVAL_ENUM_NAMES(Enum, tbl, what)                                  \
  template <>                                                                 \
  Enum from_string<Enum>(std::string_view name) {                             \
    return lookup_or_throw(tbl, name, what);                                  \
  }                                                                           \
  template <>                                                                 \
  std::optional<Enum> try_from_string<Enum>(std::string_view name) noexcept { \
    return lookup(tbl, name);                                                 \
  }

PLANEVAL_ENUM_NAMES(series_kind, series_kind_names, "series kind")
PLANEVAL_ENUM_NAMES(pace_status, pace_status_names, "pace status")
PLANEVAL_ENUM_NAMES(pace_method, pace_method_names, "pace method")
PLANEVAL_ENUM_NAMES(ytd_values, ytd_values_names, "year-to-date reporting mode")
PLANEVAL_ENUM_NAMES(fit_model, fit_model_names, "fit model")
PLANEVAL_ENUM_NAMES(projection_verdict, verdict_names, "projection verdict")
PLANEVAL_ENUM_NAMES(trend_status, trend_status_names, "trend status")
PLANEVAL_ENUM_NAMES(normalisation, normalisation_names, "normalisation")
PLANEVAL_ENUM_NAMES(weighting, weighting_names, "weighting")
PLANEVAL_ENUM_NAMES(aggregation, aggregation_names, "aggregation")
PLANEVAL_ENUM_NAMES(missing_rule, missing_rule_names, "missing-data rule")
#undef PLANEVAL_ENUM_NAMES

}  // namespace planeval
