#pragma once
/// @file
/// @brief The outputs of a batch evaluation of a long table: JSON counts and ranking, one CSV row
/// per observation, and a summary as text or Markdown.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/io/long_table.hpp"

namespace planeval {

/// @brief A unit's place in the ranking of a batch: the share of its judged cells (met,
/// exceeded, not met) that are attained.
struct unit_rank {
  std::size_t unit = 0;      ///< index in the store
  std::size_t attained = 0;  ///< met and exceeded
  std::size_t judged = 0;    ///< met, exceeded and not met
  double share = 0.0;        ///< attained / judged (0 when none is judged)
};

/// @brief The units ranked by share attained, highest first (ties in store order).
std::vector<unit_rank> rank_units(const long_table_summary& summary);

/// @brief The JSON document of a batch: `observations`, `rows`, `bad_rows`, `units`,
/// `indicators`, `periods`, `by_status`, `by_unit` and `by_indicator` counts (statuses with a
/// count only), `ranking` and the `problems` kept.
std::string batch_to_json(const long_table& table, const long_table_summary& summary);

/// @brief One row per observation of the table: `unit,indicator,period,value,status,gap` (the
/// gap in the comparison unit, rounded to 9 decimals; empty when none).
void write_batch_csv(std::ostream& out, const long_table& table, const batch_result& result);

/// @brief The counts by status and the ranking, as text or Markdown.
void write_batch_summary(std::ostream& out, const long_table& table,
                         const long_table_summary& summary, language lang, bool markdown);

}  // namespace planeval
