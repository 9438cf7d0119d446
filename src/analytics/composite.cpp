// Composite indices after the OECD/JRC Handbook on Constructing Composite Indicators (2008):
// normalisation, weighting (equal, given, PCA with Eigen), aggregation, ranks, and an
// uncertainty analysis over seeded replications.
#include "planeval/analytics/composite.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <random>
#include <set>
#include <thread>

#include "planeval/core/error.hpp"

namespace planeval {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void usage(const std::string& what) { throw error(errc::usage, what); }

[[noreturn]] void invalid(errc code, const std::string& what, const std::string& indicator = {},
                          const std::string& unit_name = {}) {
  location loc;
  loc.indicator = indicator;
  loc.fragment = unit_name;
  throw model_error(code, what, loc);
}

// --- normalisation ----------------------------------------------------------------------------

void check_normalisation(const index_matrix& m, normalisation how) {
  for (const auto& ind : m.indicators) {
    if (how == normalisation::goalposts) {
      if (!ind.goal_low || !ind.goal_high)
        invalid(errc::model_invalid, "goalposts normalisation needs goal_low and goal_high",
                ind.id);
      if (!(*ind.goal_low < *ind.goal_high) || !std::isfinite(*ind.goal_low) ||
          !std::isfinite(*ind.goal_high))
        invalid(errc::model_invalid, "goal_low must be below goal_high", ind.id);
    }
    if (how == normalisation::distance_to_target) {
      if (!ind.target)
        invalid(errc::model_invalid, "distance-to-target normalisation needs a target", ind.id);
      if (*ind.target == 0.0 || !std::isfinite(*ind.target))
        invalid(errc::model_invalid, "the target must be a non-zero number", ind.id);
    }
  }
}

std::vector<double> normalise_checked(const index_matrix& m, normalisation how) {
  const std::size_t n = m.rows();
  const std::size_t k = m.cols();
  std::vector<double> out(n * k, nan);
  for (std::size_t j = 0; j < k; ++j) {
    const auto& ind = m.indicators[j];
    const bool lower = ind.polarity == polarity::lower;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = m.values[i * k + j];
      if (std::isnan(x)) continue;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      sum += x;
      ++count;
    }
    const double mean = count ? sum / static_cast<double>(count) : 0.0;
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = m.values[i * k + j];
      if (!std::isnan(x)) ss += (x - mean) * (x - mean);
    }
    const double sd = count > 1 ? std::sqrt(ss / static_cast<double>(count - 1)) : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = m.values[i * k + j];
      if (std::isnan(x)) continue;
      double v = 0.0;
      switch (how) {
        case normalisation::min_max:
          v = hi > lo ? (lower ? (hi - x) : (x - lo)) / (hi - lo) : 0.5;
          break;
        case normalisation::z_score:
          v = sd > 0.0 ? (lower ? (mean - x) : (x - mean)) / sd : 0.0;
          break;
        case normalisation::goalposts: {
          const double a = *ind.goal_low;
          const double b = *ind.goal_high;
          v = std::clamp(lower ? (b - x) / (b - a) : (x - a) / (b - a), 0.0, 1.0);
          break;
        }
        case normalisation::distance_to_target: {
          const double t = *ind.target;
          const double shortfall = lower ? std::max(0.0, x - t) : std::max(0.0, t - x);
          v = std::clamp(1.0 - shortfall / std::fabs(t), 0.0, 1.0);
          break;
        }
      }
      out[i * k + j] = v;
    }
  }
  return out;
}

// --- weights --------------------------------------------------------------------------------

std::vector<double> pca_weights(const index_matrix& m, const std::vector<double>& z,
                                std::size_t wanted, pca_summary& summary) {
  const std::size_t n = m.rows();
  const std::size_t k = m.cols();
  std::vector<std::size_t> complete;
  for (std::size_t i = 0; i < n; ++i) {
    bool ok = true;
    for (std::size_t j = 0; j < k && ok; ++j) ok = !std::isnan(z[i * k + j]);
    if (ok) complete.push_back(i);
  }
  summary.complete_units = complete.size();
  if (complete.size() < 3)
    usage("PCA weights need at least 3 units without missing values (" +
          std::to_string(complete.size()) + " found)");
  const auto c = static_cast<Eigen::Index>(complete.size());
  const auto kk = static_cast<Eigen::Index>(k);
  Eigen::MatrixXd x(c, kk);
  for (Eigen::Index r = 0; r < c; ++r)
    for (Eigen::Index j = 0; j < kk; ++j)
      x(r, j) = z[complete[static_cast<std::size_t>(r)] * k + static_cast<std::size_t>(j)];
  const Eigen::RowVectorXd mean = x.colwise().mean();
  x.rowwise() -= mean;
  for (Eigen::Index j = 0; j < kk; ++j) {
    const double sd = std::sqrt(x.col(j).squaredNorm() / static_cast<double>(c - 1));
    if (!(sd > 0.0))
      usage("PCA weights: indicator '" + m.indicators[static_cast<std::size_t>(j)].id +
            "' does not vary over the complete units");
    x.col(j) /= sd;
  }
  const Eigen::MatrixXd corr = (x.transpose() * x) / static_cast<double>(c - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(corr);
  if (es.info() != Eigen::Success) usage("PCA weights: the eigen-decomposition failed");
  // Eigen sorts eigenvalues ascending: take them from the end
  summary.eigenvalues.clear();
  for (Eigen::Index e = kk - 1; e >= 0; --e) summary.eigenvalues.push_back(es.eigenvalues()(e));
  std::size_t keep = wanted;
  if (keep == 0) {
    for (const double l : summary.eigenvalues)
      if (l > 1.0) ++keep;
    keep = std::max<std::size_t>(keep, 1);
  }
  keep = std::min(keep, k);
  summary.components = keep;
  summary.eigenvectors.assign(k * keep, 0.0);
  double kept = 0.0;
  for (std::size_t e = 0; e < keep; ++e) kept += summary.eigenvalues[e];
  std::vector<double> w(k, 0.0);
  for (std::size_t e = 0; e < keep; ++e) {
    const Eigen::Index col = kk - 1 - static_cast<Eigen::Index>(e);
    const double share = summary.eigenvalues[e] / kept;
    for (std::size_t j = 0; j < k; ++j) {
      const double v = es.eigenvectors()(static_cast<Eigen::Index>(j), col);
      summary.eigenvectors[j * keep + e] = v;
      w[j] += share * v * v;
    }
  }
  double total = 0.0;
  for (const double v : w) total += v;
  for (double& v : w) v /= total;
  return w;
}

std::vector<double> base_weights(const index_matrix& m, const std::vector<double>& z,
                                 const index_options& o, std::optional<pca_summary>& pca) {
  const std::size_t k = m.cols();
  std::vector<double> w(k, 1.0 / static_cast<double>(k));
  switch (o.weights) {
    case weighting::equal: break;
    case weighting::given: {
      double total = 0.0;
      for (const auto& ind : m.indicators) {
        if (!(ind.weight >= 0.0) || !std::isfinite(ind.weight))
          invalid(errc::model_invalid, "weights must be numbers ≥ 0", ind.id);
        total += ind.weight;
      }
      if (!(total > 0.0)) usage("the given weights sum to 0");
      for (std::size_t j = 0; j < k; ++j) w[j] = m.indicators[j].weight / total;
      break;
    }
    case weighting::pca: {
      pca_summary s;
      w = pca_weights(m, z, o.pca_components, s);
      pca = std::move(s);
      break;
    }
  }
  return w;
}

void check_options(const index_matrix& m, const index_options& o,
                   const std::vector<normalisation>& used) {
  m.validate();
  for (const normalisation n : used) {
    check_normalisation(m, n);
    if (o.aggregation == aggregation::geometric && n == normalisation::z_score)
      usage(
          "geometric aggregation needs non-negative values: use min_max, goalposts or "
          "distance_to_target, not z_score");
  }
  if (!(o.geometric_floor >= 0.0) || !std::isfinite(o.geometric_floor))
    usage("the geometric floor must be a number ≥ 0");
  if (o.missing == missing_rule::fail) {
    for (std::size_t i = 0; i < m.rows(); ++i)
      for (std::size_t j = 0; j < m.cols(); ++j)
        if (std::isnan(m.values[i * m.cols() + j]))
          invalid(errc::model_invalid,
                  "missing value for unit '" + m.units[i] + "' (the missing-data rule is 'fail')",
                  m.indicators[j].id, m.units[i]);
  }
}

// --- aggregation ----------------------------------------------------------------------------

double aggregate_row(const double* x, const std::vector<double>& w, aggregation agg, double floor) {
  double wsum = 0.0;
  double acc = 0.0;
  bool zero = false;
  for (std::size_t j = 0; j < w.size(); ++j) {
    if (std::isnan(x[j])) continue;
    wsum += w[j];
    if (agg == aggregation::arithmetic) {
      acc += w[j] * x[j];
    } else {
      const double v = std::max(x[j], floor);
      if (v <= 0.0) {
        if (w[j] > 0.0) zero = true;
      } else {
        acc += w[j] * std::log(v);
      }
    }
  }
  if (!(wsum > 0.0)) return nan;
  if (agg == aggregation::arithmetic) return acc / wsum;
  return zero ? 0.0 : std::exp(acc / wsum);
}

// --- random numbers: the same on every standard library ---------------------------------------

std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// uniform in [0, 1) from the top 53 bits
double uniform01(std::mt19937_64& g) noexcept { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

// Percentile by linear interpolation between order statistics (numpy's default, type 7).
double percentile(const std::vector<std::uint32_t>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double a = sorted[lo];
  const double b = sorted[hi];
  return a + (h - static_cast<double>(lo)) * (b - a);
}

// One normalisation prepared for fast scoring: indicator-major columns, so that a score is a
// sum of column × weight taken in the same order for every unit (no reassociation).
struct prepared {
  std::vector<double> cols;   // k × n: value (arithmetic) or log value (geometric); 0 if missing
  std::vector<double> avail;  // k × n: 1 where present, 0 where missing; empty if none missing
  std::vector<unsigned char> zero;  // per unit (geometric): a zero where the base weight is > 0
};

prepared prepare(const index_matrix& m, const std::vector<double>& z, const index_options& o,
                 const std::vector<double>& w) {
  const std::size_t n = m.rows();
  const std::size_t k = m.cols();
  prepared p;
  p.cols.assign(k * n, 0.0);
  p.zero.assign(n, 0);
  bool missing = false;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      const double x = z[i * k + j];
      if (std::isnan(x)) {
        missing = true;
        continue;
      }
      if (o.aggregation == aggregation::arithmetic) {
        p.cols[j * n + i] = x;
      } else {
        const double v = std::max(x, o.geometric_floor);
        if (v > 0.0)
          p.cols[j * n + i] = std::log(v);
        else if (w[j] > 0.0)
          p.zero[i] = 1;
      }
    }
  if (missing) {
    p.avail.assign(k * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < k; ++j)
        if (!std::isnan(z[i * k + j])) p.avail[j * n + i] = 1.0;
  }
  return p;
}

// Scratch space of one thread, allocated once.
struct worker {
  struct item {
    double key;  // the score; −∞ for no score, the lowest finite double for a geometric zero
    std::uint32_t i;  // the unit
  };
  std::vector<double> w;
  std::vector<double> score;
  std::vector<double> denom;
  std::vector<item> items;
};

// Competition ranks from keys (ties share the best rank), contiguous items for a fast sort.
void ranks_from_keys(std::vector<worker::item>& items, std::uint32_t* out) {
  std::sort(items.begin(), items.end(), [](const worker::item& a, const worker::item& b) {
    return a.key > b.key || (a.key == b.key && a.i < b.i);
  });
  std::uint32_t rank = 1;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0 && items[k].key != items[k - 1].key) rank = static_cast<std::uint32_t>(k + 1);
    out[items[k].i] = rank;
  }
}

void ranks_into(const std::vector<double>& score, std::vector<std::uint32_t>& order,
                std::uint32_t* out) {
  const std::size_t n = score.size();
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    const bool na = std::isnan(score[a]);
    const bool nb = std::isnan(score[b]);
    if (na != nb) return nb;
    if (!na && score[a] != score[b]) return score[a] > score[b];
    return a < b;
  };
  std::sort(order.begin(), order.end(), before);
  std::uint32_t rank = 1;
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t u = order[k];
    if (k > 0) {
      const std::uint32_t prev = order[k - 1];
      const bool same =
          (std::isnan(score[u]) && std::isnan(score[prev])) || score[u] == score[prev];
      if (!same) rank = static_cast<std::uint32_t>(k + 1);
    }
    out[u] = rank;
  }
}

// Runs fn(t, begin, end) on `threads` contiguous chunks of [0, count) and rethrows the first
// exception. Chunk t is [count·t/threads, count·(t+1)/threads).
template <class Fn>
void parallel(unsigned threads, std::size_t count, Fn fn) {
  if (threads <= 1 || count <= 1) {
    fn(0U, std::size_t{0}, count);
    return;
  }
  std::vector<std::thread> pool;
  std::vector<std::exception_ptr> errors(threads);
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t b = count * t / threads;
    const std::size_t e = count * (t + 1) / threads;
    pool.emplace_back([&fn, &errors, t, b, e] {
      try {
        fn(t, b, e);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace

void index_matrix::validate() const {
  const std::size_t n = rows();
  const std::size_t k = cols();
  if (n == 0) invalid(errc::model_invalid, "an index needs at least one unit");
  if (k == 0) invalid(errc::model_invalid, "an index needs at least one indicator");
  if (values.size() != n * k)
    invalid(errc::model_invalid, "the matrix has " + std::to_string(values.size()) + " values; " +
                                     std::to_string(n) + " units × " + std::to_string(k) +
                                     " indicators need " + std::to_string(n * k));
  std::set<std::string> seen;
  for (const auto& u : units)
    if (!seen.insert(u).second)
      invalid(errc::model_duplicate, "unit '" + u + "' appears twice", {}, u);
  seen.clear();
  for (const auto& ind : indicators) {
    if (ind.id.empty()) invalid(errc::model_invalid, "an indicator has an empty id");
    if (!seen.insert(ind.id).second)
      invalid(errc::model_duplicate, "indicator '" + ind.id + "' appears twice", ind.id);
    if (ind.polarity == polarity::band)
      invalid(errc::model_invalid,
              "a composite index needs higher- or lower-is-better indicators, not band", ind.id);
  }
  std::vector<bool> col_has(k, false);
  for (std::size_t i = 0; i < n; ++i) {
    bool row_has = false;
    for (std::size_t j = 0; j < k; ++j) {
      const double x = values[i * k + j];
      if (std::isnan(x)) continue;
      if (!std::isfinite(x))
        invalid(errc::model_invalid, "an infinite value for unit '" + units[i] + "'",
                indicators[j].id, units[i]);
      row_has = true;
      col_has[j] = true;
    }
    if (!row_has)
      invalid(errc::model_invalid, "unit '" + units[i] + "' has no values", {}, units[i]);
  }
  for (std::size_t j = 0; j < k; ++j)
    if (!col_has[j])
      invalid(errc::model_invalid, "indicator '" + indicators[j].id + "' has no values",
              indicators[j].id);
}

std::vector<double> normalise(const index_matrix& m, normalisation how) {
  m.validate();
  check_normalisation(m, how);
  return normalise_checked(m, how);
}

std::vector<std::size_t> rank_scores(const std::vector<double>& scores) {
  std::vector<std::uint32_t> order(scores.size());
  std::vector<std::uint32_t> r(scores.size());
  ranks_into(scores, order, r.data());
  return {r.begin(), r.end()};
}

index_result compute_index(const index_matrix& m, const index_options& o) {
  check_options(m, o, {o.normalisation});
  index_result res;
  res.normalised = normalise_checked(m, o.normalisation);
  res.weights = base_weights(m, res.normalised, o, res.pca);
  const std::size_t n = m.rows();
  const std::size_t k = m.cols();
  res.scores.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    res.scores[i] =
        aggregate_row(&res.normalised[i * k], res.weights, o.aggregation, o.geometric_floor);
  res.ranks = rank_scores(res.scores);
  return res;
}

sensitivity_result analyse_sensitivity(const index_matrix& m, const index_options& o,
                                       const sensitivity_options& s) {
  if (s.replications == 0) usage("sensitivity: at least one replication is needed");
  if (!(s.weight_spread >= 0.0 && s.weight_spread < 1.0))
    usage("sensitivity: the weight spread must lie in [0, 1)");
  const std::vector<normalisation> norms =
      s.normalisations.empty() ? std::vector<normalisation>{o.normalisation} : s.normalisations;
  check_options(m, o, norms);

  const index_result base = compute_index(m, o);
  const std::size_t n = m.rows();
  const std::size_t k = m.cols();
  const std::size_t reps = s.replications;
  std::vector<prepared> prep;
  prep.reserve(norms.size());
  for (const normalisation nm : norms)
    prep.push_back(prepare(m, nm == o.normalisation ? base.normalised : normalise_checked(m, nm), o,
                           base.weights));

  // ranks[r * n + i]: each replication writes its own row
  std::vector<std::uint32_t> ranks(reps * n);
  unsigned threads = s.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : s.threads;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, reps));
  std::vector<worker> workers(threads);
  for (auto& wk : workers) {
    wk.w.resize(k);
    wk.score.resize(n);
    wk.denom.resize(n);
    wk.items.resize(n);
  }
  const bool vary = norms.size() > 1;
  const double spread = s.weight_spread;
  const bool geometric = o.aggregation == aggregation::geometric;

  auto run = [&](worker& wk, std::size_t r0, std::size_t r1) {
    for (std::size_t r = r0; r < r1; ++r) {
      std::mt19937_64 gen(splitmix64(s.seed ^ splitmix64(static_cast<std::uint64_t>(r))));
      std::size_t which = 0;
      if (vary)
        which =
            std::min(norms.size() - 1,
                     static_cast<std::size_t>(uniform01(gen) * static_cast<double>(norms.size())));
      double total = 0.0;
      for (std::size_t j = 0; j < k; ++j) {
        wk.w[j] = base.weights[j] * (1.0 - spread + 2.0 * spread * uniform01(gen));
        total += wk.w[j];
      }
      for (std::size_t j = 0; j < k; ++j) wk.w[j] /= total;
      const prepared& p = prep[which];
      double* score = wk.score.data();
      std::fill(wk.score.begin(), wk.score.end(), 0.0);
      for (std::size_t j = 0; j < k; ++j) {
        const double wj = wk.w[j];
        const double* col = &p.cols[j * n];
        for (std::size_t i = 0; i < n; ++i) score[i] += wj * col[i];
      }
      if (!p.avail.empty()) {
        double* den = wk.denom.data();
        std::fill(wk.denom.begin(), wk.denom.end(), 0.0);
        for (std::size_t j = 0; j < k; ++j) {
          const double wj = wk.w[j];
          const double* col = &p.avail[j * n];
          for (std::size_t i = 0; i < n; ++i) den[i] += wj * col[i];
        }
        for (std::size_t i = 0; i < n; ++i) score[i] = den[i] > 0.0 ? score[i] / den[i] : nan;
      }
      for (std::size_t i = 0; i < n; ++i) {
        double key = score[i];
        if (std::isnan(key))
          key = -std::numeric_limits<double>::infinity();
        else if (geometric && p.zero[i])
          key = std::numeric_limits<double>::lowest();
        wk.items[i] = worker::item{key, static_cast<std::uint32_t>(i)};
      }
      ranks_from_keys(wk.items, &ranks[r * n]);
    }
  };

  // each chunk of replications has its own scratch space
  parallel(threads, reps,
           [&](unsigned t, std::size_t r0, std::size_t r1) { run(workers[t], r0, r1); });

  sensitivity_result out;
  out.replications = reps;
  out.seed = s.seed;
  out.base_ranks = base.ranks;
  out.median_rank.resize(n);
  out.p05_rank.resize(n);
  out.p95_rank.resize(n);
  // per unit: gather its ranks (blocks of units, so each row of `ranks` is read a cache line at
  // a time), sort, read the percentiles
  auto stats = [&](unsigned /*chunk*/, std::size_t u0, std::size_t u1) {
    constexpr std::size_t block = 16;
    std::vector<std::uint32_t> buf(block * reps);
    std::vector<std::uint32_t> one(reps);
    for (std::size_t b0 = u0; b0 < u1; b0 += block) {
      const std::size_t b1 = std::min(b0 + block, u1);
      for (std::size_t r = 0; r < reps; ++r)
        for (std::size_t i = b0; i < b1; ++i) buf[(i - b0) * reps + r] = ranks[r * n + i];
      for (std::size_t i = b0; i < b1; ++i) {
        std::copy_n(&buf[(i - b0) * reps], reps, one.begin());
        std::sort(one.begin(), one.end());
        out.median_rank[i] = percentile(one, 0.5);
        out.p05_rank[i] = percentile(one, 0.05);
        out.p95_rank[i] = percentile(one, 0.95);
      }
    }
  };
  parallel(std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(n))), n, stats);
  return out;
}

}  // namespace planeval
