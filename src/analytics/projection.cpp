// Projection to a target year: weighted least squares with Eigen, Student's t from Boost.Math.
#include "planeval/analytics/projection.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>
#include <set>

#include "planeval/core/error.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using text::format_rounded;
using text::format_value;

[[noreturn]] void usage(const std::string& what) { throw error(errc::usage, what); }

}  // namespace

line_fit fit_weighted_line(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<double>& weights) {
  const std::size_t n = x.size();
  if (y.size() != n) usage("fit_weighted_line: x and y differ in length");
  if (!weights.empty() && weights.size() != n)
    usage("fit_weighted_line: there must be one weight per point");
  std::set<double> distinct;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      usage("fit_weighted_line: point " + std::to_string(i + 1) + " is not finite");
    if (!weights.empty() && !(weights[i] > 0.0 && std::isfinite(weights[i])))
      usage("fit_weighted_line: weight " + std::to_string(i + 1) + " is not a positive number");
    distinct.insert(x[i]);
  }
  if (distinct.size() < 2) usage("fit_weighted_line: needs at least two distinct x values");

  line_fit f;
  f.n = n;
  f.dof = static_cast<double>(n) - 2.0;
  f.weights = weights.empty() ? std::vector<double>(n, 1.0) : weights;
  const double wmax = *std::max_element(f.weights.begin(), f.weights.end());
  for (double& w : f.weights) w /= wmax;

  const Eigen::Map<const Eigen::VectorXd> xv(x.data(), static_cast<Eigen::Index>(n));
  const Eigen::Map<const Eigen::VectorXd> yv(y.data(), static_cast<Eigen::Index>(n));
  const Eigen::Map<const Eigen::VectorXd> wv(f.weights.data(), static_cast<Eigen::Index>(n));
  f.origin = wv.dot(xv) / wv.sum();  // centring keeps the normal matrix well conditioned

  const Eigen::VectorXd sw = wv.cwiseSqrt();
  Eigen::MatrixXd a(static_cast<Eigen::Index>(n), 2);
  a.col(0) = sw;
  a.col(1) = sw.cwiseProduct((xv.array() - f.origin).matrix());
  const Eigen::VectorXd b = sw.cwiseProduct(yv);
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  const Eigen::Vector2d beta = qr.solve(b);
  f.intercept = beta(0);
  f.slope = beta(1);

  // (XᵀWX)⁻¹ = (RᵀR)⁻¹ = R⁻¹R⁻ᵀ
  const Eigen::Matrix2d r = qr.matrixQR().topLeftCorner(2, 2).triangularView<Eigen::Upper>();
  const Eigen::Matrix2d r_inv = r.triangularView<Eigen::Upper>().solve(Eigen::Matrix2d::Identity());
  const Eigen::Matrix2d inv = r_inv * r_inv.transpose();
  f.xtwx_inverse = {inv(0, 0), inv(0, 1), inv(1, 0), inv(1, 1)};

  if (n > 2) {
    const Eigen::VectorXd resid = b - a * beta;  // √w·(y − ŷ)
    f.residual_sd = std::sqrt(resid.squaredNorm() / f.dof);
  }
  return f;
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0)) usage("student_t_quantile: p must lie in (0, 1)");
  if (!(dof > 0.0) || !std::isfinite(dof)) usage("student_t_quantile: dof must be > 0");
  const boost::math::students_t dist(dof);
  return boost::math::quantile(dist, p);
}

double student_t_cdf(double t, double dof) {
  if (!(dof > 0.0) || !std::isfinite(dof)) usage("student_t_cdf: dof must be > 0");
  if (std::isnan(t)) usage("student_t_cdf: t is not a number");
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  const boost::math::students_t dist(dof);
  return boost::math::cdf(dist, t);
}

projection_result project(const std::vector<annual_point>& series, int year,
                          std::optional<double> target, polarity pol,
                          const projection_options& options) {
  if (!(options.confidence > 0.0 && options.confidence < 1.0))
    usage("project: confidence must lie in (0, 1)");
  if (!(options.discount > 0.0 && options.discount <= 1.0))
    usage("project: discount must lie in (0, 1]");
  if (!options.weights.empty()) {
    if (options.weights.size() != series.size())
      usage("project: " + std::to_string(options.weights.size()) + " weights for " +
            std::to_string(series.size()) + " points");
    for (const double w : options.weights)
      if (!(w > 0.0 && std::isfinite(w))) usage("project: weights must be positive numbers");
  }

  projection_result out;
  out.model = options.model;
  out.year = year;
  out.confidence = options.confidence;
  out.target = target;
  out.points = series.size();
  const bool log = options.model == fit_model::log_linear;
  const std::string model_zh = log ? "对数线性" : "线性";
  const std::string model_en = log ? "log-linear" : "linear";
  auto insufficient = [&](const std::string& zh, const std::string& en) {
    out.verdict = projection_verdict::insufficient_data;
    out.reason_zh = "数据不足以预测:" + zh;
    out.reason_en = "insufficient data to project: " + en;
    return out;
  };

  // order by year, keeping each point's weight
  std::vector<std::size_t> idx(series.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return series[a].year < series[b].year; });
  if (series.size() < 2)
    return insufficient(
        "至少需要2个年度数据,现有" + std::to_string(series.size()) + "个",
        "at least two years are needed, " + std::to_string(series.size()) + " given");
  for (std::size_t k = 1; k < idx.size(); ++k)
    if (series[idx[k]].year == series[idx[k - 1]].year)
      return insufficient(std::to_string(series[idx[k]].year) + "年有重复数值",
                          "the year " + std::to_string(series[idx[k]].year) + " appears twice");
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> w;
  const int latest = series[idx.back()].year;
  for (const std::size_t i : idx) {
    const double v = series[i].value;
    if (!std::isfinite(v))
      return insufficient(std::to_string(series[i].year) + "年数值无效",
                          "the value for " + std::to_string(series[i].year) + " is not finite");
    if (log && v <= 0.0)
      return insufficient(
          "对数线性模型要求数值为正," + std::to_string(series[i].year) + "年为" + format_value(v),
          "the log-linear model needs positive values; " + std::to_string(series[i].year) +
              " has " + format_value(v));
    x.push_back(series[i].year);
    y.push_back(log ? std::log(v) : v);
    w.push_back(options.weights.empty() ? std::pow(options.discount, latest - series[i].year)
                                        : options.weights[i]);
  }
  const line_fit f = fit_weighted_line(x, y, w);
  out.fit = f;
  const double y0 = f.at(year);
  auto back = [&](double v) { return log ? std::exp(v) : v; };
  out.projected = back(y0);
  double se = 0.0;
  if (f.n > 2) {
    const double d = year - f.origin;
    const auto& m = f.xtwx_inverse;
    const double h = m[0] + 2.0 * d * m[1] + d * d * m[3];
    se = f.residual_sd * std::sqrt(1.0 + h);
    const double tq = student_t_quantile(1.0 - (1.0 - options.confidence) / 2.0, f.dof);
    out.lower = back(y0 - tq * se);
    out.upper = back(y0 + tq * se);
  }

  const bool weighted = !options.weights.empty() || options.discount < 1.0;
  std::string zh = "按" + model_zh + "趋势(" + std::to_string(f.n) + "个年度数据" +
                   (weighted ? ",近年权重较高" : "") + ")," + std::to_string(year) + "年预计为" +
                   format_value(*out.projected);
  std::string en = "On the " + model_en + " trend of " + std::to_string(f.n) + " years" +
                   (weighted ? " (recent years weighted more)" : "") + ", " + std::to_string(year) +
                   " is projected at " + format_value(*out.projected);
  const std::string conf = format_rounded(options.confidence * 100.0) + "%";
  if (out.lower) {
    zh +=
        "(" + conf + "预测区间" + format_value(*out.lower) + "至" + format_value(*out.upper) + ")";
    en += " (" + conf + " prediction interval " + format_value(*out.lower) + " to " +
          format_value(*out.upper) + ")";
  }
  if (!target) {
    out.verdict = projection_verdict::no_target;
    out.reason_zh = zh + ";未设目标值";
    out.reason_en = en + "; there is no target to judge against";
    return out;
  }

  // direction toward the target: from the polarity, or for a band from the latest value
  const double last = series[idx.back()].value;
  double dir = pol == polarity::higher ? 1.0 : pol == polarity::lower ? -1.0 : 0.0;
  if (pol == polarity::band) dir = *target > last ? 1.0 : (*target < last ? -1.0 : 0.0);
  // within rounding of the target is reaching it (99.99999999999997 against 100)
  const double diff = *out.projected - *target;
  const double eps = 1e-9 * std::max(1.0, std::fabs(*target));
  const bool reaches = dir == 0.0 ? std::fabs(diff) <= eps : dir * diff >= -eps;
  const double slope = f.slope;
  if (pol != polarity::band && (!log || *target > 0.0)) {
    const double t_model = log ? std::log(*target) : *target;
    if (f.n > 2 && se > 0.0)
      out.probability = student_t_cdf(dir * (y0 - t_model) / se, f.dof);
    else if (f.n > 2)
      out.probability = reaches ? 1.0 : 0.0;
  }
  zh += std::string(reaches ? ",达到" : ",未达到") + "目标" + format_value(*target);
  en += std::string(reaches ? ", reaching" : ", short of") + " the target " + format_value(*target);
  if (out.probability) {
    zh += ",达到目标的概率约" + format_rounded(*out.probability * 100.0, 0) + "%";
    en += "; probability of reaching it about " + format_rounded(*out.probability * 100.0, 0) + "%";
  }
  if (reaches) {
    out.verdict = projection_verdict::maintain;
    zh += ";保持当前进度即可实现目标";
    en += ": maintain progress";
  } else if (dir * slope > 0.0) {
    out.verdict = projection_verdict::accelerate;
    zh += ";趋势向目标推进但速度不足,需加快进度";
    en += ": moving toward the target too slowly, accelerate progress";
  } else {
    out.verdict = projection_verdict::reverse_trend;
    zh += ";趋势背离目标,需扭转当前趋势";
    en += ": moving away from the target, reverse the trend";
  }
  out.reason_zh = zh;
  out.reason_en = en;
  return out;
}

}  // namespace planeval
