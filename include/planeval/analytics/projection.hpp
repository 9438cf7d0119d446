#pragma once
/// @file
/// @brief Projection of an annual series to a target year: weighted least-squares linear and
/// log-linear fits (Eigen), a prediction interval from Student's t, and the verdict
/// `maintain` / `accelerate` / `reverse_trend` (after UN ESCAP's anticipated-progress method).
///
/// Pure functions: thread-safe and deterministic. See docs/analytics.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planeval/analytics/series.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/indicator.hpp"

namespace planeval {

/// @brief The curve fitted to a series.
enum class fit_model : std::uint8_t {
  linear,      ///< value = a + b·(year − origin)
  log_linear,  ///< ln value = a + b·(year − origin): constant growth (values must be > 0)
};

/// @brief What the projection says about reaching the target (ESCAP's dashboard wording).
enum class projection_verdict : std::uint8_t {
  maintain,           ///< the projected value reaches the target: maintain progress
  accelerate,         ///< moving toward the target, too slowly: accelerate progress
  reverse_trend,      ///< moving away from the target (or not moving): reverse the trend
  insufficient_data,  ///< fewer than two years, duplicate years, or values the model cannot take
  no_target,          ///< projected, but there is no target to judge against
};

/// @brief Stable name of a fit model (`linear`, `log_linear`).
const char* to_string(fit_model m) noexcept;
/// @brief Stable name of a verdict (`maintain`, `accelerate`, …).
const char* to_string(projection_verdict v) noexcept;
/// @brief Display label of a verdict (`保持当前进度` / `maintain progress`, …).
const char* status_label(projection_verdict v, language l) noexcept;

/// @brief Options of a projection.
struct projection_options {
  fit_model model = fit_model::linear;  ///< the curve
  /// Recency weighting: the observation `k` years before the latest gets weight `discount^k`
  /// (1 = ordinary least squares; 0.8 counts last year's value 0.8 times the latest one).
  /// Must lie in (0, 1].
  double discount = 1.0;
  /// Explicit weights, one per point in series order, all > 0; overrides `discount` when given.
  std::vector<double> weights;
  /// Coverage of the prediction interval, in (0, 1).
  double confidence = 0.95;
};

/// @brief A weighted least-squares line `y = intercept + slope·(x − origin)`.
struct line_fit {
  double origin = 0.0;       ///< the x the intercept refers to (the weighted mean of x)
  double intercept = 0.0;    ///< fitted y at `origin`
  double slope = 0.0;        ///< change of y per unit of x
  std::size_t n = 0;         ///< number of points
  double dof = 0.0;          ///< residual degrees of freedom, n − 2
  double residual_sd = 0.0;  ///< √(Σ wᵢrᵢ² / (n − 2)); 0 when n = 2
  /// (XᵀWX)⁻¹ row-major 2×2 for the columns (1, x − origin): scaled by residual_sd² it is the
  /// covariance of (intercept, slope).
  std::vector<double> xtwx_inverse;
  std::vector<double> weights;  ///< the weights used, scaled so that the largest is 1

  /// @brief The fitted value at x.
  double at(double x) const noexcept { return intercept + slope * (x - origin); }
};

/// @brief Fits a weighted least-squares line with Eigen (Householder QR of √W·X).
/// @param x abscissae (at least two distinct values)
/// @param y ordinates, same length
/// @param weights one per point, all > 0 (empty: all 1); scaled so the largest is 1
/// @throws error (`errc::usage`) when sizes differ, fewer than two distinct x, a weight ≤ 0 or
///         a value is not finite.
line_fit fit_weighted_line(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<double>& weights = {});

/// @brief Quantile of Student's t distribution (Boost.Math).
/// @param p probability in (0, 1)
/// @param dof degrees of freedom (> 0)
/// @throws error (`errc::usage`) when p or dof is out of range.
double student_t_quantile(double p, double dof);

/// @brief Cumulative distribution function of Student's t (Boost.Math).
/// @throws error (`errc::usage`) when dof ≤ 0.
double student_t_cdf(double t, double dof);

/// @brief A projection to a year.
struct projection_result {
  projection_verdict verdict = projection_verdict::insufficient_data;  ///< the verdict
  fit_model model = fit_model::linear;                                 ///< the curve fitted
  int year = 0;                                                        ///< the year projected to
  std::size_t points = 0;                                              ///< points used
  std::optional<line_fit> fit;      ///< the fit (in log space for log_linear)
  std::optional<double> projected;  ///< projected value at `year`
  std::optional<double> lower;      ///< lower end of the prediction interval
  std::optional<double> upper;      ///< upper end of the prediction interval
  double confidence = 0.95;         ///< coverage of [lower, upper]
  std::optional<double> target;     ///< the target judged against
  /// Probability that the value at `year` reaches the target under the fitted model's
  /// t predictive distribution (needs three points or more).
  std::optional<double> probability;
  std::string reason_zh;  ///< why, in Chinese
  std::string reason_en;  ///< why, in English

  /// @brief The reason in a language.
  const std::string& reason(language l) const noexcept {
    return l == language::zh ? reason_zh : reason_en;
  }
};

/// @brief Projects an annual series to `year` and judges the target.
///
/// The prediction interval at `year` is ŷ ± t(1 − α/2, n − 2) · s · √(1 + x₀ᵀ(XᵀWX)⁻¹x₀): a new
/// observation carrying the weight of the latest year (1). With two points the line is exact and
/// no interval is given. Log-linear intervals are computed in log space and transformed back.
/// The verdict: `maintain` when the projected value reaches the target in the indicator's
/// direction, else `accelerate` when the fitted slope points toward it, else `reverse_trend`.
/// Data problems (fewer than two points, duplicate years, values that are not finite, values
/// ≤ 0 for the log-linear model) give `insufficient_data` with the reason, not an exception.
/// @param series annual points (any order)
/// @param year the year to project to
/// @param target the target value at `year`, if any
/// @param pol which direction is better (band: toward the target from the latest value)
/// @param options model, weights, confidence
/// @throws error (`errc::usage`) when confidence or discount is out of range, or explicit
///         weights do not match the series (count, or a weight ≤ 0).
projection_result project(const std::vector<annual_point>& series, int year,
                          std::optional<double> target, polarity pol,
                          const projection_options& options = {});

}  // namespace planeval
