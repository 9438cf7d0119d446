#pragma once
/// @file
/// @brief Output of the analytics: pace, trends and composite indices as JSON (the machine
/// interface), aligned text tables and Markdown.

#include <iosfwd>
#include <string>
#include <vector>

#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief Pace assessments as JSON: `{"plan", "assessments": [{"indicator", "name", "period",
/// "as_of", "status", "label", "method", "target", "target_value", "baseline", "actual",
/// "latest", "unit", "expected_share", "done_share", "gap_points", "reason"}]}`; shares are
/// fractions (0.1285), gaps percentage points, missing numbers null.
/// @param p the plan (names)
/// @param assessments the pace assessments
/// @param lang language of names, labels and reasons
/// @param indent spaces per level, or -1 for one line
std::string pace_to_json(const plan& p, const std::vector<pace_assessment>& assessments,
                         language lang, int indent = 2);

/// @brief Pace assessments as an aligned text table (East Asian wide characters count two).
void write_pace_table(std::ostream& out, const plan& p,
                      const std::vector<pace_assessment>& assessments, language lang);

/// @brief Pace assessments as a Markdown table.
void write_pace_markdown(std::ostream& out, const plan& p,
                         const std::vector<pace_assessment>& assessments, language lang);

/// @brief Trends as JSON: `{"plan", "trends": [{"indicator", "name", "target", "target_period",
/// "series": [{"year", "value"}], "kind", "status", "label", "base_year", "current_year",
/// "observed_cagr", "required_cagr", "slope", "required_slope", "ratio", "progress", "damping",
/// "reason", "projection": {"model", "year", "projected", "lower", "upper", "confidence",
/// "target", "probability", "verdict", "label", "reason"} | null}]}`.
std::string trends_to_json(const plan& p, const std::vector<indicator_trend>& trends, language lang,
                           int indent = 2);

/// @brief Trends as an aligned text table.
void write_trend_table(std::ostream& out, const plan& p, const std::vector<indicator_trend>& trends,
                       language lang);

/// @brief Trends as a Markdown table.
void write_trend_markdown(std::ostream& out, const plan& p,
                          const std::vector<indicator_trend>& trends, language lang);

/// @brief A composite index as JSON: `{"options", "weights": [{"indicator", "name", "weight"}],
/// "units": [{"unit", "score", "rank", "median_rank", "p05_rank", "p95_rank"}], "pca",
/// "sensitivity": {"replications", "seed", "weight_spread", "normalisations"} | null}`, units in
/// input order.
/// @param m the matrix
/// @param options the options the index was computed with
/// @param result the index
/// @param sensitivity the uncertainty analysis, or null
/// @param sensitivity_opts its options (ignored when `sensitivity` is null)
/// @param lang language of indicator names
/// @param indent spaces per level, or -1 for one line
std::string index_to_json(const index_matrix& m, const index_options& options,
                          const index_result& result, const sensitivity_result* sensitivity,
                          const sensitivity_options& sensitivity_opts, language lang,
                          int indent = 2);

/// @brief A composite index as an aligned text table, units by rank, preceded by the weights.
void write_index_table(std::ostream& out, const index_matrix& m, const index_result& result,
                       const sensitivity_result* sensitivity, language lang);

/// @brief A composite index as Markdown: the weights, then a table of units by rank.
void write_index_markdown(std::ostream& out, const index_matrix& m, const index_result& result,
                          const sensitivity_result* sensitivity, language lang);

}  // namespace planeval
