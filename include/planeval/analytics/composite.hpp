#pragma once
/// @file
/// @brief Composite indices after the OECD/JRC Handbook on Constructing Composite Indicators:
/// normalisation with polarity, weights (equal, given, principal components), arithmetic or
/// geometric aggregation, a missing-data rule, ranks, and an uncertainty analysis that perturbs
/// the weights (and optionally the normalisation) over seeded replications.
///
/// Pure functions: thread-safe, and deterministic for a given seed whatever the number of
/// threads. Matrices are row-major `std::vector<double>` (units × indicators); Eigen stays inside
/// the library. See docs/analytics.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/indicator.hpp"

namespace planeval {

/// @brief How indicator values are brought to a common scale.
enum class normalisation : std::uint8_t {
  min_max,             ///< (x − min) / (max − min) over the units; 0…1
  z_score,             ///< (x − mean) / standard deviation (n − 1)
  goalposts,           ///< (x − low) / (high − low) with fixed goalposts, clamped to 0…1
  distance_to_target,  ///< 1 − relative shortfall from the target, clamped to 0…1
};

/// @brief How indicator weights are set.
enum class weighting : std::uint8_t {
  equal,  ///< 1/m each
  given,  ///< the indicators' own weights, scaled to sum to 1
  pca,    ///< from the leading principal components of the indicators' correlation matrix
};

/// @brief How normalised values are combined into a score.
enum class aggregation : std::uint8_t {
  arithmetic,  ///< Σ wⱼxⱼ: fully compensatory
  geometric,   ///< Π xⱼ^wⱼ: partly compensatory; a zero makes the score zero
};

/// @brief What to do with missing values.
enum class missing_rule : std::uint8_t {
  reweight,  ///< skip them and scale the unit's remaining weights to sum to 1
  fail,      ///< refuse the matrix (model_error naming the unit and indicator)
};

/// @brief Stable name (`min_max`, `z_score`, `goalposts`, `distance_to_target`).
const char* to_string(normalisation n) noexcept;
/// @brief Stable name (`equal`, `given`, `pca`).
const char* to_string(weighting w) noexcept;
/// @brief Stable name (`arithmetic`, `geometric`).
const char* to_string(aggregation a) noexcept;
/// @brief Stable name (`reweight`, `fail`).
const char* to_string(missing_rule m) noexcept;

/// @brief One column of an index matrix.
struct index_indicator {
  std::string id;       ///< indicator id (column header)
  std::string name_zh;  ///< Chinese name (optional)
  std::string name_en;  ///< English name (optional)
  planeval::polarity polarity =
      planeval::polarity::higher;   ///< higher or lower is better (band is refused)
  double weight = 1.0;              ///< weight for `weighting::given` (≥ 0)
  std::optional<double> goal_low;   ///< lower goalpost (`normalisation::goalposts`)
  std::optional<double> goal_high;  ///< upper goalpost (`normalisation::goalposts`)
  std::optional<double> target;     ///< target (`normalisation::distance_to_target`)
};

/// @brief Units (regions, districts or years) × indicators.
struct index_matrix {
  std::vector<std::string> units;           ///< row names
  std::vector<index_indicator> indicators;  ///< columns
  std::vector<double> values;  ///< row-major, units.size() × indicators.size(); NaN = missing

  /// @brief Number of units (rows).
  std::size_t rows() const noexcept { return units.size(); }
  /// @brief Number of indicators (columns).
  std::size_t cols() const noexcept { return indicators.size(); }
  /// @brief The value of unit `i` for indicator `j` (NaN when missing).
  double at(std::size_t i, std::size_t j) const { return values.at(i * cols() + j); }

  /// @brief Checks the shape: at least one unit and one indicator, `values` of the right size,
  /// unique unit names and indicator ids, values finite or NaN, polarity higher or lower, every
  /// unit and every indicator with at least one value.
  /// @throws model_error (`model_invalid`, `model_duplicate`) naming the unit or indicator.
  void validate() const;
};

/// @brief Options of an index.
struct index_options {
  planeval::normalisation normalisation = planeval::normalisation::min_max;  ///< normalisation
  weighting weights = weighting::equal;                                      ///< weights
  planeval::aggregation aggregation = planeval::aggregation::arithmetic;     ///< aggregation
  missing_rule missing = missing_rule::reweight;                             ///< missing values
  /// Principal components kept for `weighting::pca`; 0 keeps those with eigenvalue > 1
  /// (Kaiser's rule), at least one.
  std::size_t pca_components = 0;
  /// Geometric aggregation: normalised values below this floor are raised to it first. 0 (the
  /// default) keeps zeros, so a unit with a zero scores 0; e.g. 0.01 keeps them comparable.
  double geometric_floor = 0.0;
};

/// @brief The principal components behind PCA weights.
struct pca_summary {
  std::size_t complete_units = 0;   ///< units without missing values (the sample used)
  std::size_t components = 0;       ///< components kept
  std::vector<double> eigenvalues;  ///< all eigenvalues of the correlation matrix, descending
  /// Eigenvectors of the kept components, row-major indicators × components (unit length; the
  /// sign is arbitrary).
  std::vector<double> eigenvectors;
};

/// @brief A computed index.
struct index_result {
  std::vector<double> normalised;  ///< row-major units × indicators; NaN where missing
  std::vector<double> weights;     ///< per indicator, summing to 1
  std::vector<double> scores;      ///< per unit
  std::vector<std::size_t> ranks;  ///< per unit, 1 = best; ties share the best rank (1, 2, 2, 4)
  std::optional<pca_summary> pca;  ///< set for `weighting::pca`
};

/// @brief Normalises every column of a matrix.
/// @return row-major units × indicators, NaN where missing. For lower-is-better indicators the
/// scale is reversed so that higher is always better. A constant column gives 0.5 (min–max) or
/// 0 (z-score).
/// @throws model_error naming the indicator when goalposts or a target are missing or invalid.
std::vector<double> normalise(const index_matrix& m, normalisation how);

/// @brief Competition ranks of scores, highest first: equal scores share the best rank.
/// NaN scores rank last.
std::vector<std::size_t> rank_scores(const std::vector<double>& scores);

/// @brief Computes an index: normalisation, weights, aggregation, scores and ranks.
///
/// PCA weights: eigen-decomposition (Eigen's self-adjoint solver) of the correlation matrix of
/// the normalised indicators over the complete units; with k kept components of eigenvalues λ
/// and unit eigenvectors v, wⱼ = Σₖ (λₖ / Σλ) · vⱼₖ² (squared loadings scaled to unit sum, each
/// component weighted by its share of the variance kept).
/// @throws model_error for an invalid matrix or missing values under `missing_rule::fail`;
///         error (`errc::usage`) for options that do not fit (given weights summing to 0,
///         geometric aggregation of z-scores, PCA on fewer than 3 complete units or on a
///         constant indicator).
index_result compute_index(const index_matrix& m, const index_options& options = {});

/// @brief Options of the uncertainty analysis.
struct sensitivity_options {
  std::size_t replications = 1000;  ///< number of replications (≥ 1)
  std::uint64_t seed = 1;           ///< seed: the same seed gives the same result
  /// Each weight is multiplied by a uniform draw from [1 − spread, 1 + spread), then the weights
  /// are scaled to sum to 1. In [0, 1).
  double weight_spread = 0.5;
  /// When not empty, each replication also draws one of these normalisations uniformly.
  std::vector<normalisation> normalisations;
  /// Threads to run replications on (0: the hardware's). Results do not depend on it.
  unsigned threads = 1;
};

/// @brief The distribution of each unit's rank over the replications.
struct sensitivity_result {
  std::size_t replications = 0;         ///< replications run
  std::uint64_t seed = 0;               ///< the seed
  std::vector<std::size_t> base_ranks;  ///< ranks of the unperturbed index
  std::vector<double> median_rank;      ///< per unit: median rank
  std::vector<double> p05_rank;         ///< per unit: 5th percentile of the rank
  std::vector<double> p95_rank;         ///< per unit: 95th percentile of the rank
};

/// @brief Uncertainty analysis: ranks under perturbed weights (and normalisations).
///
/// Replication r draws from its own `std::mt19937_64` seeded from (seed, r) and turns each
/// 64-bit output into a uniform number with its top 53 bits, so results are the same on every
/// standard library and for any number of threads. Percentiles interpolate linearly between
/// order statistics (numpy's default). Complexity: O(replications × units × (indicators +
/// log units)); the normalised matrices are computed once.
/// @throws as `compute_index`; error (`errc::usage`) for replications = 0 or a spread outside
///         [0, 1).
sensitivity_result analyse_sensitivity(const index_matrix& m, const index_options& options,
                                       const sensitivity_options& sensitivity);

}  // namespace planeval
