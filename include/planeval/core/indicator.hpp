#pragma once
/// @file
/// @brief Indicators: measured quantities with a kind, unit, polarity, attribute and targets.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/core/unit.hpp"

namespace planeval {

/// @brief What an indicator measures.
enum class indicator_kind : std::uint8_t {
  rate,         ///< a growth rate or a share, in %
  count,        ///< counted things
  area,         ///< floor or land area
  ratio,        ///< a compound unit (`元/平方米`, `人/亿元`)
  amount,       ///< money and other quantities (`亿元`, `万亿斤`, `岁`)
  qualitative,  ///< no number; judged
};

/// @brief Which direction is better.
enum class polarity : std::uint8_t {
  higher,  ///< higher is better
  lower,   ///< lower is better (unemployment, accident deaths)
  band,    ///< within a band around the target is best
};

/// @brief Whether the target must be met.
enum class attribute : std::uint8_t {
  binding,       ///< 约束性: pass/fail
  anticipatory,  ///< 预期性: expected, may be met within the plan's tolerance
};

/// @brief How values of sub-periods combine into a longer period.
enum class accumulation : std::uint8_t {
  stock,  ///< the last value counts (a count of enterprises)
  flow,   ///< values add up (newly started area, new listings)
  rate,   ///< the last period's level counts, never the sum (growth rates, shares)
};

/// @brief Stable name of an indicator kind.
const char* to_string(indicator_kind k) noexcept;
/// @brief Stable name of a polarity (`higher`, `lower`, `band`).
const char* to_string(polarity p) noexcept;
/// @brief Stable name of an attribute (`binding`, `anticipatory`).
const char* to_string(attribute a) noexcept;
/// @brief Stable name of an accumulation (`stock`, `flow`, `rate`).
const char* to_string(accumulation a) noexcept;

/// @brief An indicator of a plan.
struct indicator {
  std::string id;                                ///< unique id within the plan (`gdp_growth`)
  std::string name_zh;                           ///< Chinese name
  std::string name_en;                           ///< English name
  indicator_kind kind = indicator_kind::amount;  ///< what it measures
  planeval::unit unit;                           ///< unit of its values (may be empty)
  planeval::polarity polarity = planeval::polarity::higher;           ///< which direction is better
  planeval::attribute attribute = planeval::attribute::anticipatory;  ///< binding or anticipatory
  std::string category;  ///< grouping used by summaries (`economy`)
  planeval::accumulation accumulation =
      planeval::accumulation::stock;    ///< how sub-period values combine
  std::optional<observation> baseline;  ///< the value the plan starts from
  std::vector<target> targets;          ///< targets, at most one per period
  std::string note;                     ///< choices made when transcribing the source

  /// @brief The target set for exactly `p`, or null.
  const target* find_target(const period& p) const noexcept;
  /// @brief The name every output shows: the name in `lang`, else the name in the other
  /// language, else the id.
  const std::string& name(language lang) const noexcept;
  /// @brief True when values are percentages (unit `%`).
  bool is_percent() const noexcept { return unit.is_percent(); }

  friend bool operator==(const indicator& a, const indicator& b) noexcept;
  friend bool operator!=(const indicator& a, const indicator& b) noexcept { return !(a == b); }
};

/// @brief The accumulation an indicator of this kind and qualifier has unless told otherwise:
/// rates → rate; a flow qualifier (`新增`, `新开工`, `开工`, `竣工`, `新建`) or a name with one of
/// the flow words that start with 新 (`新增上市企业数`, `城镇新增就业`) → flow; otherwise stock.
accumulation default_accumulation(indicator_kind kind, const qualifier& q,
                                  const std::string& name_zh) noexcept;

/// @brief The kind an indicator with this unit (and target rule, may be null) has unless told
/// otherwise: `%`, `‰`, `个百分点` → rate; an area unit → area; a compound unit → ratio; a count
/// unit → count; no unit and a qualitative target → qualitative; otherwise amount.
indicator_kind default_kind(const unit& u, const rule* target_rule) noexcept;

/// @brief True when a bare percentage (unit `u`) given for this indicator is a growth figure:
/// the indicator has a unit and it is not `%` (tables write the target `增速7%左右` and the result
/// `7.05%` for an amount in 亿元). The one rule for every evaluator, series and pace.
bool percent_means_growth(const unit& u, const indicator& ind) noexcept;

}  // namespace planeval
