#pragma once
/// @file
/// @brief Plan summary: totals by status, category and attribute, and a narrative paragraph.

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "planeval/core/evaluate.hpp"

namespace planeval {

/// @brief Counts of assessments per status.
struct status_counts {
  std::array<std::size_t, status_count> n{};  ///< count per status, indexed by the enum

  /// @brief Count of one status.
  std::size_t operator[](status s) const noexcept { return n[static_cast<std::size_t>(s)]; }
  /// @brief Adds one assessment of status `s`.
  void add(status s) noexcept { ++n[static_cast<std::size_t>(s)]; }
  /// @brief Sum over all statuses.
  std::size_t total() const noexcept;
  /// @brief met + exceeded.
  std::size_t attained() const noexcept { return (*this)[status::met] + (*this)[status::exceeded]; }
  /// @brief The statuses that are neither attained nor not met: undetermined and every
  /// not-assessable status (`is_not_assessable`).
  std::size_t open() const noexcept;
};

/// @brief The summary of an evaluation.
struct plan_summary {
  std::size_t total = 0;                             ///< number of assessments
  std::size_t indicators = 0;                        ///< number of distinct indicators assessed
  status_counts by_status;                           ///< counts per status
  std::map<std::string, status_counts> by_category;  ///< counts per category (sorted)
  status_counts binding;                             ///< counts over binding indicators
  status_counts anticipatory;                        ///< counts over anticipatory indicators
  std::vector<std::string> binding_not_met;          ///< ids of binding indicators not met
  std::vector<std::string> not_met;                  ///< ids of all indicators not met
  std::string period_label;                          ///< the period(s) assessed, e.g. `2021`
};

/// @brief Totals an evaluation of `p`.
plan_summary summarize(const plan& p, const std::vector<assessment>& assessments);

/// @brief A paragraph in the register of plan reports:
/// "2021年共涉及25个指标,其中16个指标完成年度目标(含1个超额完成),…".
std::string narrative(const plan& p, const plan_summary& s, language lang);

}  // namespace planeval
