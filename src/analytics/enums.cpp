// Stable names of the analytics enumerations, their display labels, and from_string.
#include <array>
#include <string>

#include "detail/enum_names.hpp"
#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/series.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

constexpr detail::enum_names<series_kind, 3> series_kind_names{
    "a series kind",
    {{{series_kind::automatic, "automatic"},
      {series_kind::level, "level"},
      {series_kind::growth_rate, "growth_rate"}}}};
constexpr detail::enum_names<pace_status, 7> pace_status_names{
    "a pace status",
    {{{pace_status::ahead, "ahead", "快于预期", "ahead of schedule"},
      {pace_status::in_line, "in_line", "基本符合预期", "on schedule"},
      {pace_status::behind, "behind", "滞后", "behind schedule"},
      {pace_status::no_data, "no_data", "无数据", "no data"},
      {pace_status::no_target, "no_target", "未设目标", "no target"},
      {pace_status::needs_reference, "needs_reference", "待参照值", "needs reference"},
      {pace_status::not_applicable, "not_applicable", "不适用", "not applicable"}}}};
constexpr detail::enum_names<pace_method, 4> pace_method_names{
    "a pace method",
    {{{pace_method::none, "none"},
      {pace_method::flow_share, "flow_share"},
      {pace_method::path_share, "path_share"},
      {pace_method::level, "level"}}}};
constexpr detail::enum_names<ytd_values, 3> ytd_values_names{
    "a year-to-date reporting mode",
    {{{ytd_values::automatic, "automatic"},
      {ytd_values::per_period, "per_period"},
      {ytd_values::cumulative, "cumulative"}}}};
constexpr detail::enum_names<fit_model, 2> fit_model_names{
    "a fit model", {{{fit_model::linear, "linear"}, {fit_model::log_linear, "log_linear"}}}};
constexpr detail::enum_names<projection_verdict, 5> verdict_names{
    "a projection verdict",
    // worded as what the projection says, so that beside a trend status (`需加快进度`) no label
    // repeats the other's words
    {{{projection_verdict::maintain, "maintain", "预计可实现", "maintain progress"},
      {projection_verdict::accelerate, "accelerate", "预计未实现,需提速", "accelerate progress"},
      {projection_verdict::reverse_trend, "reverse_trend", "预计偏离,需扭转", "reverse the trend"},
      {projection_verdict::insufficient_data, "insufficient_data", "无法预测", "insufficient data"},
      {projection_verdict::no_target, "no_target", "无目标可比", "no target"}}}};
constexpr detail::enum_names<trend_status, 12> trend_status_names{
    "a trend status",
    {{{trend_status::achieved, "achieved", "已实现目标", "achieved"},
      {trend_status::on_track, "on_track", "进展顺利", "on track"},
      {trend_status::acceleration_needed, "acceleration_needed", "需加快进度",
       "acceleration needed"},
      {trend_status::limited_progress, "limited_progress", "进展有限", "limited progress"},
      {trend_status::deterioration, "deterioration", "出现倒退", "deterioration"},
      {trend_status::substantial_progress, "substantial_progress", "显著进展",
       "substantial progress"},
      {trend_status::moderate_progress, "moderate_progress", "一定进展", "moderate progress"},
      {trend_status::insufficient_data, "insufficient_data", "数据不足", "insufficient data"},
      {trend_status::duplicate_periods, "duplicate_periods", "年份重复", "duplicate periods"},
      {trend_status::sign_change, "sign_change", "正负号变化", "sign change"},
      {trend_status::zero_value, "zero_value", "基期为零", "zero base value"},
      {trend_status::not_applicable, "not_applicable", "不适用", "not applicable"}}}};
constexpr detail::enum_names<normalisation, 4> normalisation_names{
    "a normalisation",
    {{{normalisation::min_max, "min_max"},
      {normalisation::z_score, "z_score"},
      {normalisation::goalposts, "goalposts"},
      {normalisation::distance_to_target, "distance_to_target"}}}};
constexpr detail::enum_names<weighting, 3> weighting_names{
    "a weighting",
    {{{weighting::equal, "equal"}, {weighting::given, "given"}, {weighting::pca, "pca"}}}};
constexpr detail::enum_names<aggregation, 2> aggregation_names{
    "an aggregation",
    {{{aggregation::arithmetic, "arithmetic"}, {aggregation::geometric, "geometric"}}}};
constexpr detail::enum_names<missing_rule, 2> missing_rule_names{
    "a missing-data rule", {{{missing_rule::reweight, "reweight"}, {missing_rule::fail, "fail"}}}};

}  // namespace

PLANEVAL_ENUM_NAMES(series_kind, series_kind_names)
PLANEVAL_ENUM_NAMES(pace_status, pace_status_names)
PLANEVAL_ENUM_NAMES(pace_method, pace_method_names)
PLANEVAL_ENUM_NAMES(ytd_values, ytd_values_names)
PLANEVAL_ENUM_NAMES(fit_model, fit_model_names)
PLANEVAL_ENUM_NAMES(projection_verdict, verdict_names)
PLANEVAL_ENUM_NAMES(trend_status, trend_status_names)
PLANEVAL_ENUM_NAMES(normalisation, normalisation_names)
PLANEVAL_ENUM_NAMES(weighting, weighting_names)
PLANEVAL_ENUM_NAMES(aggregation, aggregation_names)
PLANEVAL_ENUM_NAMES(missing_rule, missing_rule_names)

const char* status_label(pace_status s, language l) noexcept {
  return pace_status_names.label(s, l);
}

const char* status_label(projection_verdict v, language l) noexcept {
  return verdict_names.label(v, l);
}

const char* status_label(trend_status s, language l) noexcept {
  return trend_status_names.label(s, l);
}

}  // namespace planeval
