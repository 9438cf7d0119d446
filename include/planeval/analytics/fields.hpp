#pragma once
/// @file
/// @brief The field list of a pace row (`planeval pace --format json`), which Python's
/// `PaceReport.to_dicts` / `to_dataframe` follow (see planeval/core/fields.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/fields.hpp"

namespace planeval {

/// @brief The fields of a pace row, in order: `indicator`, `name`, `period`, `as_of`, `status`,
/// `label`, `method`, `target`, `target_value`, `baseline`, `actual`, `latest`, `unit`,
/// `expected_share`, `done_share`, `gap_points`, `reason` (in `lang`).
/// @param a the row
/// @param name the indicator's display name
/// @param lang language of `label` and `reason`
/// @return the fields, always the same names in the same order
std::vector<field> pace_fields(const pace_assessment& a, const std::string& name, language lang);

/// @brief The names of `pace_fields`, in order.
const std::vector<std::string_view>& pace_field_names();

/// @brief The fields of a trend, in order: `status`, `label`, `kind`, `base_year`,
/// `current_year` (none when no year was used), `base_value`, `current_value`, `observed_cagr`,
/// `required_cagr`, `slope`, `required_slope`, `ratio`, `progress`, `damping`, `reason` (in
/// `lang`), `reason_zh`, `reason_en`. `planeval trend --format json` and Python's
/// `Trend.to_dict` follow it.
std::vector<field> trend_fields(const trend_result& t, language lang);

/// @brief The fields of a projection, in order: `verdict`, `label`, `model`, `year`, `points`,
/// `projected`, `lower`, `upper`, `confidence`, `target`, `probability`, `slope`,
/// `residual_sd` (none without a fitted line), `reason` (in `lang`), `reason_zh`, `reason_en`.
/// `planeval trend --format json` and Python's `Projection.to_dict` follow it.
std::vector<field> projection_fields(const projection_result& p, language lang);

}  // namespace planeval
