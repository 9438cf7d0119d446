// Composite index: normalisations, weights (PCA on a matrix whose eigenvectors are known),
// aggregation (geometric with a zero), missing data, ranks and the sensitivity analysis.
#include "planeval/analytics/composite.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "planeval/core/error.hpp"

using namespace planeval;

namespace {

const double na = std::numeric_limits<double>::quiet_NaN();

index_indicator col(const char* id, polarity pol = polarity::higher, double weight = 1.0) {
  index_indicator i;
  i.id = id;
  i.polarity = pol;
  i.weight = weight;
  return i;
}

// Three units, x higher-is-better 10/20/30, y lower-is-better 5/1/3.
// min–max: x → 0, 0.5, 1; y → (5 − y)/4 = 0, 1, 0.5.
index_matrix small() {
  index_matrix m;
  m.units = {"a", "b", "c"};
  m.indicators = {col("x"), col("y", polarity::lower)};
  m.values = {10, 5, 20, 1, 30, 3};
  return m;
}

// Eight units built from orthogonal ±1 columns of a Hadamard matrix (each with mean 0):
// x1 = a, x2 = a + b, x3 = c, x4 = c + 2d. corr(x1, x2) = 8/(√8·√16) = 1/√2,
// corr(x3, x4) = 8/(√8·√40) = 1/√5, all other correlations 0. The correlation matrix is block
// diagonal with eigenvalues 1 + 1/√2 = 1.70711, 1 + 1/√5 = 1.44721, 1 − 1/√5 = 0.55279,
// 1 − 1/√2 = 0.29289 and eigenvectors (1,1,0,0)/√2, (0,0,1,1)/√2, (0,0,1,−1)/√2,
// (1,−1,0,0)/√2. Min–max normalisation is affine per column, so it keeps the correlations.
index_matrix hadamard() {
  const double a[] = {1, 1, 1, 1, -1, -1, -1, -1};
  const double b[] = {1, 1, -1, -1, 1, 1, -1, -1};
  const double c[] = {1, -1, 1, -1, 1, -1, 1, -1};
  const double d[] = {1, 1, -1, -1, -1, -1, 1, 1};
  index_matrix m;
  m.indicators = {col("x1"), col("x2"), col("x3"), col("x4")};
  for (int i = 0; i < 8; ++i) {
    m.units.push_back("u" + std::to_string(i));
    m.values.insert(m.values.end(), {a[i], a[i] + b[i], c[i], c[i] + 2 * d[i]});
  }
  return m;
}

// 30 units × 5 indicators with values from a fixed formula (no random numbers).
index_matrix medium() {
  index_matrix m;
  for (int j = 0; j < 5; ++j)
    m.indicators.push_back(
        col(("i" + std::to_string(j)).c_str(), j == 3 ? polarity::lower : polarity::higher));
  for (int i = 0; i < 30; ++i) {
    m.units.push_back("unit" + std::to_string(i));
    for (int j = 0; j < 5; ++j) m.values.push_back(std::fmod(i * (7.0 + j) + j * j * 3.0, 31.0));
  }
  return m;
}

}  // namespace

TEST(normalise, each_method_with_polarity) {
  const auto m = small();
  const auto mm = normalise(m, normalisation::min_max);
  EXPECT_EQ(mm, (std::vector<double>{0, 0, 0.5, 1, 1, 0.5}));
  // z-scores: x mean 20, sd 10 → −1, 0, 1; y mean 3, sd 2, reversed → −1, 1, 0
  const auto z = normalise(m, normalisation::z_score);
  const std::vector<double> z_expected{-1, -1, 0, 1, 1, 0};
  for (std::size_t k = 0; k < z.size(); ++k) EXPECT_NEAR(z[k], z_expected[k], 1e-12);
  // goalposts x 0…40 → 0.25, 0.5, 0.75; y 0…10 reversed → 0.5, 0.9, 0.7
  auto g = m;
  g.indicators[0].goal_low = 0;
  g.indicators[0].goal_high = 40;
  g.indicators[1].goal_low = 0;
  g.indicators[1].goal_high = 10;
  const auto gp = normalise(g, normalisation::goalposts);
  const std::vector<double> gp_expected{0.25, 0.5, 0.5, 0.9, 0.75, 0.7};
  for (std::size_t k = 0; k < gp.size(); ++k) EXPECT_NEAR(gp[k], gp_expected[k], 1e-12);
  // distance to target x 25: 1 − 15/25 = 0.4, 1 − 5/25 = 0.8, 1 (past the target);
  // y at most 2: 1 − 3/2 < 0 → 0, 1 (below the target), 1 − 1/2 = 0.5
  auto t = m;
  t.indicators[0].target = 25;
  t.indicators[1].target = 2;
  const auto dt = normalise(t, normalisation::distance_to_target);
  const std::vector<double> dt_expected{0.4, 0, 0.8, 1, 1, 0.5};
  for (std::size_t k = 0; k < dt.size(); ++k) EXPECT_NEAR(dt[k], dt_expected[k], 1e-12);
  EXPECT_THROW(normalise(m, normalisation::goalposts), model_error);
  EXPECT_THROW(normalise(m, normalisation::distance_to_target), model_error);
}

TEST(normalise, constant_columns) {
  index_matrix m;
  m.units = {"a", "b"};
  m.indicators = {col("flat")};
  m.values = {3, 3};
  EXPECT_EQ(normalise(m, normalisation::min_max), (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(normalise(m, normalisation::z_score), (std::vector<double>{0, 0}));
}

TEST(compute_index, arithmetic_equal_and_given_weights_with_ties) {
  // equal weights: a (0 + 0)/2 = 0, b (0.5 + 1)/2 = 0.75, c (1 + 0.5)/2 = 0.75: b and c tie
  const auto r = compute_index(small());
  EXPECT_EQ(r.weights, (std::vector<double>{0.5, 0.5}));
  EXPECT_NEAR(r.scores[0], 0.0, 1e-12);
  EXPECT_NEAR(r.scores[1], 0.75, 1e-12);
  EXPECT_NEAR(r.scores[2], 0.75, 1e-12);
  EXPECT_EQ(r.ranks, (std::vector<std::size_t>{3, 1, 1}));
  // given weights 3 : 1 → 0.75, 0.25: b 0.375 + 0.25 = 0.625, c 0.75 + 0.125 = 0.875
  auto m = small();
  m.indicators[0].weight = 3;
  index_options o;
  o.weights = weighting::given;
  const auto g = compute_index(m, o);
  EXPECT_NEAR(g.weights[0], 0.75, 1e-15);
  EXPECT_NEAR(g.scores[1], 0.625, 1e-12);
  EXPECT_NEAR(g.scores[2], 0.875, 1e-12);
  EXPECT_EQ(g.ranks, (std::vector<std::size_t>{3, 2, 1}));
  m.indicators[0].weight = 0;
  m.indicators[1].weight = 0;
  EXPECT_THROW(compute_index(m, o), error);
}

TEST(compute_index, geometric_aggregation_with_a_zero) {
  // min–max gives unit a a zero on both indicators: its geometric mean is 0 and it ranks last;
  // b = 0.5^½·1^½ = 0.70711 and c = 1^½·0.5^½ = 0.70711 tie
  index_options o;
  o.aggregation = aggregation::geometric;
  const auto r = compute_index(small(), o);
  EXPECT_DOUBLE_EQ(r.scores[0], 0.0);
  EXPECT_NEAR(r.scores[1], std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(r.scores[2], std::sqrt(0.5), 1e-12);
  EXPECT_EQ(r.ranks, (std::vector<std::size_t>{3, 1, 1}));
  // a floor of 0.01 keeps the zero comparable: a = 0.01^½·0.01^½ = 0.01
  o.geometric_floor = 0.01;
  EXPECT_NEAR(compute_index(small(), o).scores[0], 0.01, 1e-12);
  // one zero among positive values: x = 0 for a only (goalposts x 10…40, y 0…10)
  auto m = small();
  m.indicators[0].goal_low = 10;
  m.indicators[0].goal_high = 40;
  m.indicators[1].goal_low = 0;
  m.indicators[1].goal_high = 10;
  o.normalisation = normalisation::goalposts;
  o.geometric_floor = 0;
  const auto z = compute_index(m, o);
  EXPECT_DOUBLE_EQ(z.scores[0], 0.0);  // 0^½ · 0.5^½
  // b = (1/3)^½·0.9^½ = √0.3 = 0.547723; c = (2/3)^½·0.7^½ = √(1.4/3) = 0.683130
  EXPECT_NEAR(z.scores[1], std::sqrt(0.3), 1e-12);
  EXPECT_NEAR(z.scores[2], std::sqrt(1.4 / 3.0), 1e-12);
  // z-scores can be negative: geometric aggregation refuses them
  o.normalisation = normalisation::z_score;
  EXPECT_THROW(compute_index(small(), o), error);
}

TEST(compute_index, missing_values_reweight_or_fail) {
  // a's y is missing: min–max of y over b and c (1, 3) reversed → b 1, c 0;
  // a = x only = 0; b = (0.5 + 1)/2 = 0.75; c = (1 + 0)/2 = 0.5
  auto m = small();
  m.values[1] = na;
  const auto r = compute_index(m);
  EXPECT_TRUE(std::isnan(r.normalised[1]));
  EXPECT_NEAR(r.scores[0], 0.0, 1e-12);
  EXPECT_NEAR(r.scores[1], 0.75, 1e-12);
  EXPECT_NEAR(r.scores[2], 0.5, 1e-12);
  index_options o;
  o.missing = missing_rule::fail;
  try {
    compute_index(m, o);
    FAIL() << "expected a model_error";
  } catch (const model_error& e) {
    EXPECT_EQ(e.where().indicator, "y");
    EXPECT_EQ(e.where().fragment, "a");
  }
}

TEST(compute_index, pca_weights_from_known_eigenvectors) {
  index_options o;
  o.weights = weighting::pca;
  const auto r = compute_index(hadamard(), o);
  ASSERT_TRUE(r.pca);
  EXPECT_EQ(r.pca->complete_units, 8U);
  const std::vector<double> eig{1.7071067811865475, 1.4472135954999579, 0.5527864045000421,
                                0.29289321881345254};
  ASSERT_EQ(r.pca->eigenvalues.size(), 4U);
  for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(r.pca->eigenvalues[k], eig[k], 1e-12);
  // Kaiser's rule keeps the two eigenvalues above 1. Shares of the kept variance:
  // 1.70711/3.15432 = 0.541196 and 0.458804; squared eigenvector entries are ½ on each pair:
  // w = (0.270598, 0.270598, 0.229402, 0.229402).
  EXPECT_EQ(r.pca->components, 2U);
  EXPECT_NEAR(r.weights[0], 0.27059819189637907, 1e-12);
  EXPECT_NEAR(r.weights[1], 0.27059819189637907, 1e-12);
  EXPECT_NEAR(r.weights[2], 0.2294018081036209, 1e-12);
  EXPECT_NEAR(r.weights[3], 0.2294018081036209, 1e-12);
  EXPECT_NEAR(std::fabs(r.pca->eigenvectors[0 * 2 + 0]), std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(std::fabs(r.pca->eigenvectors[2 * 2 + 1]), std::sqrt(0.5), 1e-12);
  // the first component alone: (½, ½, 0, 0)
  o.pca_components = 1;
  const auto one = compute_index(hadamard(), o);
  EXPECT_NEAR(one.weights[0], 0.5, 1e-12);
  EXPECT_NEAR(one.weights[1], 0.5, 1e-12);
  EXPECT_NEAR(one.weights[2], 0.0, 1e-12);
  EXPECT_NEAR(one.weights[3], 0.0, 1e-12);
  // lower-is-better flips a column's sign, not its squared loadings
  auto flipped = hadamard();
  flipped.indicators[1].polarity = polarity::lower;
  EXPECT_NEAR(compute_index(flipped, o).weights[1], 0.5, 1e-12);
  // fewer than three complete units is refused
  auto gappy = small();
  gappy.values[1] = na;
  EXPECT_THROW(compute_index(gappy, o), error);
}

TEST(compute_index, invalid_matrices_are_refused) {
  auto m = small();
  m.values.pop_back();
  EXPECT_THROW(compute_index(m), model_error);
  m = small();
  m.units[2] = "a";
  EXPECT_THROW(compute_index(m), model_error);
  m = small();
  m.indicators[1].polarity = polarity::band;
  EXPECT_THROW(compute_index(m), model_error);
  m = small();
  m.values[0] = na;
  m.values[1] = na;
  EXPECT_THROW(compute_index(m), model_error);  // unit a has no values
}

TEST(rank_scores, competition_ranks_nan_last) {
  EXPECT_EQ(rank_scores({0.5, 0.9, 0.5, na, 0.1}), (std::vector<std::size_t>{2, 1, 2, 5, 4}));
}

TEST(sensitivity, deterministic_for_a_seed_and_any_thread_count) {
  const auto m = medium();
  sensitivity_options s;
  s.replications = 200;
  s.seed = 42;
  const auto a = analyse_sensitivity(m, {}, s);
  const auto b = analyse_sensitivity(m, {}, s);
  EXPECT_EQ(a.median_rank, b.median_rank);
  EXPECT_EQ(a.p05_rank, b.p05_rank);
  EXPECT_EQ(a.p95_rank, b.p95_rank);
  s.threads = 3;
  const auto c = analyse_sensitivity(m, {}, s);
  EXPECT_EQ(a.median_rank, c.median_rank);
  EXPECT_EQ(a.p05_rank, c.p05_rank);
  EXPECT_EQ(a.p95_rank, c.p95_rank);
  s.seed = 43;
  const auto d = analyse_sensitivity(m, {}, s);
  EXPECT_NE(std::make_pair(a.p05_rank, a.p95_rank), std::make_pair(d.p05_rank, d.p95_rank));
  EXPECT_EQ(a.base_ranks, compute_index(m).ranks);
  for (std::size_t i = 0; i < m.rows(); ++i) {
    EXPECT_LE(a.p05_rank[i], a.median_rank[i]);
    EXPECT_LE(a.median_rank[i], a.p95_rank[i]);
  }
}

TEST(sensitivity, no_spread_reproduces_the_base_ranks) {
  const auto m = medium();
  sensitivity_options s;
  s.replications = 50;
  s.weight_spread = 0;
  const auto r = analyse_sensitivity(m, {}, s);
  for (std::size_t i = 0; i < m.rows(); ++i) {
    EXPECT_DOUBLE_EQ(r.median_rank[i], static_cast<double>(r.base_ranks[i]));
    EXPECT_DOUBLE_EQ(r.p05_rank[i], static_cast<double>(r.base_ranks[i]));
    EXPECT_DOUBLE_EQ(r.p95_rank[i], static_cast<double>(r.base_ranks[i]));
  }
}

TEST(sensitivity, a_dominant_unit_stays_first_and_a_swap_shows) {
  // b is best on every indicator: rank 1 whatever the weights. a and c trade places: a wins on
  // x, c on y, so with equal base weights each comes first in some replications.
  index_matrix m;
  m.units = {"a", "b", "c", "d"};
  m.indicators = {col("x"), col("y")};
  m.values = {8, 2, 10, 10, 2, 8, 0, 0};
  sensitivity_options s;
  s.replications = 400;
  const auto r = analyse_sensitivity(m, {}, s);
  EXPECT_DOUBLE_EQ(r.p05_rank[1], 1);
  EXPECT_DOUBLE_EQ(r.p95_rank[1], 1);
  EXPECT_DOUBLE_EQ(r.p05_rank[0], 2);
  EXPECT_DOUBLE_EQ(r.p95_rank[0], 3);
  EXPECT_DOUBLE_EQ(r.p05_rank[2], 2);
  EXPECT_DOUBLE_EQ(r.p95_rank[2], 3);
  EXPECT_DOUBLE_EQ(r.median_rank[3], 4);
}

TEST(sensitivity, varying_the_normalisation_and_geometric_zeros) {
  const auto m = medium();
  sensitivity_options s;
  s.replications = 100;
  s.normalisations = {normalisation::min_max, normalisation::z_score};
  s.threads = 2;
  const auto a = analyse_sensitivity(m, {}, s);
  s.threads = 1;
  EXPECT_EQ(a.median_rank, analyse_sensitivity(m, {}, s).median_rank);
  // geometric with min–max: units with a zero score 0 in every replication and tie last
  index_options g;
  g.aggregation = aggregation::geometric;
  sensitivity_options t;
  t.replications = 100;
  const auto r = analyse_sensitivity(small(), g, t);
  EXPECT_DOUBLE_EQ(r.p05_rank[0], 3);
  EXPECT_DOUBLE_EQ(r.p95_rank[0], 3);
  // z-scores in the list are refused for geometric aggregation
  t.normalisations = {normalisation::min_max, normalisation::z_score};
  EXPECT_THROW(analyse_sensitivity(small(), g, t), error);
  t.normalisations.clear();
  t.replications = 0;
  EXPECT_THROW(analyse_sensitivity(small(), g, t), error);
  t.replications = 10;
  t.weight_spread = 1.0;
  EXPECT_THROW(analyse_sensitivity(small(), g, t), error);
}

TEST(composite_names, stable_names) {
  EXPECT_EQ(from_string<normalisation>("distance_to_target"), normalisation::distance_to_target);
  EXPECT_EQ(from_string<weighting>("pca"), weighting::pca);
  EXPECT_EQ(from_string<aggregation>("geometric"), aggregation::geometric);
  EXPECT_EQ(from_string<missing_rule>("fail"), missing_rule::fail);
}
