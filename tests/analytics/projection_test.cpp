// Projection: weighted least squares, prediction intervals and the verdict, against worked
// examples computed by hand (derivations in the comments).
#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/trend.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "planeval/core/error.hpp"

using namespace planeval;

namespace {

std::vector<annual_point> series(int first, std::initializer_list<double> values) {
  std::vector<annual_point> out;
  int y = first;
  for (const double v : values) out.push_back(annual_point{y++, v});
  return out;
}

// Student's t CDF with 3 degrees of freedom in closed form:
// F(t) = 1/2 + (1/π)·(t / (√3·(1 + t²/3)) + atan(t/√3))
double t3_cdf(double t) {
  const double pi = std::acos(-1.0);
  return 0.5 + (t / (std::sqrt(3.0) * (1.0 + t * t / 3.0)) + std::atan(t / std::sqrt(3.0))) / pi;
}

}  // namespace

TEST(student_t, quantiles_match_closed_forms_and_tables) {
  // 1 dof: t = tan(π(p − ½)); p = 0.975 → tan(0.475π) = 12.7062047…
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706204736174696, 1e-9);
  // 2 dof: t = (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875 = 4.30265272…
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.302652729749464, 1e-9);
  // printed tables: t(0.975, 3) = 3.182, t(0.975, 10) = 2.228, t(0.95, 30) = 1.697
  EXPECT_NEAR(student_t_quantile(0.975, 3), 3.182, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.228, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.95, 30), 1.697, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.5, 7), 0.0, 1e-12);
  EXPECT_NEAR(student_t_cdf(-1.6644794391276485, 3), t3_cdf(-1.6644794391276485), 1e-12);
  EXPECT_THROW(student_t_quantile(1.0, 3), error);
  EXPECT_THROW(student_t_quantile(0.5, 0), error);
}

// y = 10, 12, 13, 15, 16 in 2016…2020. With x centred on 2018 (−2…2): Σx = 0, Σx² = 10,
// Σxy = −20 − 12 + 0 + 15 + 32 = 15 → slope 1.5; intercept = mean y = 13.2.
// Fitted 10.2, 11.7, 13.2, 14.7, 16.2; residuals −.2 .3 −.2 .3 −.2; SSE 0.30; s² = 0.30/3 = 0.1.
TEST(fit_weighted_line, ordinary_least_squares) {
  const auto f = fit_weighted_line({2016, 2017, 2018, 2019, 2020}, {10, 12, 13, 15, 16});
  EXPECT_NEAR(f.origin, 2018, 1e-12);
  EXPECT_NEAR(f.intercept, 13.2, 1e-12);
  EXPECT_NEAR(f.slope, 1.5, 1e-12);
  EXPECT_NEAR(f.residual_sd, std::sqrt(0.1), 1e-12);
  EXPECT_DOUBLE_EQ(f.dof, 3);
  // (XᵀX)⁻¹ for the columns (1, x − 2018): diag(1/5, 1/10)
  EXPECT_NEAR(f.xtwx_inverse[0], 0.2, 1e-12);
  EXPECT_NEAR(f.xtwx_inverse[1], 0.0, 1e-12);
  EXPECT_NEAR(f.xtwx_inverse[3], 0.1, 1e-12);
  EXPECT_NEAR(f.at(2025), 23.7, 1e-12);
}

// x = 0, 1, 2; y = 1, 2, 4; w = 0.25, 0.5, 1 (discount 0.5).
// Σw = 1.75; x̄w = (0 + 0.5 + 2)/1.75 = 10/7; ȳw = (0.25 + 1 + 4)/1.75 = 3.
// Sxy = Σw(x − x̄)(y − ȳ) = 0.25·(−10/7)(−2) + 0.5·(−3/7)(−1) + 1·(4/7)(1) = 21/14 = 1.5
// Sxx = 0.25·100/49 + 0.5·9/49 + 16/49 = 45.5/49 = 13/14 → slope = 1.5/(13/14) = 21/13.
// At x = 0: 3 − (21/13)(10/7) = 9/13. Residuals 4/13, −4/13, 1/13: Σwr² = (4 + 8 + 1)/169 = 1/13.
TEST(fit_weighted_line, recent_points_weigh_more) {
  const auto f = fit_weighted_line({0, 1, 2}, {1, 2, 4}, {0.25, 0.5, 1});
  EXPECT_NEAR(f.slope, 21.0 / 13.0, 1e-12);
  EXPECT_NEAR(f.at(0), 9.0 / 13.0, 1e-12);
  EXPECT_NEAR(f.origin, 10.0 / 7.0, 1e-12);
  EXPECT_NEAR(f.residual_sd, std::sqrt(1.0 / 13.0), 1e-12);
  // weights are scaled so the largest is 1: 2, 4, 8 give the same fit
  const auto g = fit_weighted_line({0, 1, 2}, {1, 2, 4}, {2, 4, 8});
  EXPECT_NEAR(g.slope, f.slope, 1e-12);
  EXPECT_NEAR(g.residual_sd, f.residual_sd, 1e-12);
  EXPECT_THROW(fit_weighted_line({1, 1}, {1, 2}), error);
  EXPECT_THROW(fit_weighted_line({1, 2}, {1, 2}, {1, 0}), error);
}

// The 2025 projection of the OLS example: 23.7. Prediction s.e. = s·√(1 + 1/5 + 7²/10) =
// √(0.1 · 6.1) = 0.78102…; t(0.975, 3) = 3.1824463 → 23.7 ± 2.48557 = [21.21443, 26.18557].
// P(Y ≥ 25) = F₃((23.7 − 25)/0.78102) = F₃(−1.66448) = 0.09730 (closed form above).
TEST(project, linear_with_interval_probability_and_verdicts) {
  const auto s = series(2016, {10, 12, 13, 15, 16});
  const auto p = project(s, 2025, 25.0, polarity::higher);
  ASSERT_TRUE(p.projected && p.lower && p.upper && p.probability);
  EXPECT_NEAR(*p.projected, 23.7, 1e-9);
  EXPECT_NEAR(*p.lower, 21.214429977556325, 1e-9);
  EXPECT_NEAR(*p.upper, 26.185570022443674, 1e-9);
  EXPECT_NEAR(*p.probability, 0.09730268414556442, 1e-9);
  EXPECT_EQ(p.verdict, projection_verdict::accelerate);  // short of 25 but rising
  EXPECT_NE(p.reason_zh.find("2025年预计为23.7"), std::string::npos) << p.reason_zh;
  EXPECT_NE(p.reason_en.find("accelerate progress"), std::string::npos) << p.reason_en;
  EXPECT_EQ(project(s, 2025, 20.0, polarity::higher).verdict, projection_verdict::maintain);
  EXPECT_EQ(project(series(2016, {16, 15, 13, 12, 10}), 2025, 25.0, polarity::higher).verdict,
            projection_verdict::reverse_trend);
  EXPECT_EQ(project(s, 2025, std::nullopt, polarity::higher).verdict,
            projection_verdict::no_target);
}

TEST(project, lower_is_better_mirrors_the_verdicts) {
  // 16, 15, 13, 12, 10: slope −1.5, mean 13.2 → 2025: 13.2 − 10.5 = 2.7
  const auto s = series(2016, {16, 15, 13, 12, 10});
  EXPECT_NEAR(*project(s, 2025, 5.0, polarity::lower).projected, 2.7, 1e-9);
  EXPECT_EQ(project(s, 2025, 5.0, polarity::lower).verdict, projection_verdict::maintain);
  EXPECT_EQ(project(s, 2025, 2.0, polarity::lower).verdict, projection_verdict::accelerate);
  EXPECT_EQ(project(series(2016, {10, 12, 13, 15, 16}), 2025, 5.0, polarity::lower).verdict,
            projection_verdict::reverse_trend);
}

TEST(project, discount_weights_and_explicit_weights) {
  // 2018…2020 = 1, 2, 4 with discount 0.5: the weighted example above; 2022 = 9/13 + 4·21/13
  const auto s = series(2018, {1, 2, 4});
  projection_options o;
  o.discount = 0.5;
  const auto p = project(s, 2022, std::nullopt, polarity::higher, o);
  EXPECT_NEAR(*p.projected, 93.0 / 13.0, 1e-9);
  EXPECT_NE(p.reason_en.find("recent years weighted more"), std::string::npos);
  projection_options e;
  e.weights = {0.25, 0.5, 1};
  EXPECT_NEAR(*project(s, 2022, std::nullopt, polarity::higher, e).projected, 93.0 / 13.0, 1e-9);
  e.weights = {1, 1};
  EXPECT_THROW(project(s, 2022, std::nullopt, polarity::higher, e), error);
  projection_options bad;
  bad.discount = 0;
  EXPECT_THROW(project(s, 2022, std::nullopt, polarity::higher, bad), error);
}

// Exactly 10 % growth a year: 100, 110, 121, 133.1 (2017…2020). The log-linear fit has slope
// ln 1.1 and no residual: 2025 = 100·1.1⁸ = 214.358881, with a zero-width interval.
TEST(project, log_linear_constant_growth) {
  projection_options o;
  o.model = fit_model::log_linear;
  const auto p = project(series(2017, {100, 110, 121, 133.1}), 2025, 200.0, polarity::higher, o);
  EXPECT_NEAR(p.fit->slope, std::log(1.1), 1e-12);
  EXPECT_NEAR(*p.projected, 214.358881, 1e-6);
  EXPECT_NEAR(*p.lower, *p.projected, 1e-6);
  EXPECT_NEAR(*p.upper, *p.projected, 1e-6);
  EXPECT_EQ(p.verdict, projection_verdict::maintain);
  EXPECT_DOUBLE_EQ(*p.probability, 1.0);
  const auto z = project(series(2017, {100, 0, 121}), 2025, 200.0, polarity::higher, o);
  EXPECT_EQ(z.verdict, projection_verdict::insufficient_data);
  EXPECT_NE(z.reason_en.find("positive values"), std::string::npos) << z.reason_en;
}

TEST(project, too_little_data_is_a_verdict_not_a_guess) {
  EXPECT_EQ(project(series(2020, {5}), 2025, 8.0, polarity::higher).verdict,
            projection_verdict::insufficient_data);
  const std::vector<annual_point> dup{{2019, 1}, {2020, 2}, {2020, 3}};
  const auto d = project(dup, 2025, 8.0, polarity::higher);
  EXPECT_EQ(d.verdict, projection_verdict::insufficient_data);
  EXPECT_NE(d.reason_en.find("2020 appears twice"), std::string::npos) << d.reason_en;
  // two points: an exact line, no interval and no probability
  const auto two = project(series(2019, {4, 5}), 2025, 8.0, polarity::higher);
  EXPECT_NEAR(*two.projected, 10.0, 1e-12);
  EXPECT_FALSE(two.lower);
  EXPECT_FALSE(two.probability);
  EXPECT_EQ(two.verdict, projection_verdict::maintain);
}

TEST(project, names) {
  EXPECT_EQ(from_string<projection_verdict>("reverse_trend"), projection_verdict::reverse_trend);
  EXPECT_EQ(from_string<fit_model>("log_linear"), fit_model::log_linear);
  EXPECT_STREQ(status_label(projection_verdict::accelerate, language::zh), "预计未实现,需提速");
  // no verdict repeats a trend status's words (issue 17: `需加快进度 · 需加快进度`)
  for (int v = 0; v < 5; ++v)
    for (int t = 0; t < 12; ++t)
      EXPECT_STRNE(status_label(static_cast<projection_verdict>(v), language::zh),
                   status_label(static_cast<trend_status>(t), language::zh));
}
