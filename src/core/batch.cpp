// Batch evaluation: compile each (indicator, unit) target into closed bounds once, then judge
// all periods of that unit in a branch-free loop the compiler vectorises.
#include "planeval/core/batch.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <thread>

#include "core/attainment.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void usage(const std::string& message, const std::string& indicator = {}) {
  location loc;
  loc.indicator = indicator;
  throw error(errc::usage, message, loc);
}

}  // namespace

// --- store -----------------------------------------------------------------------------------

batch_store::batch_store(std::vector<std::string> units, std::vector<std::string> indicators,
                         std::vector<period> periods)
    : units_(std::move(units)), indicators_(std::move(indicators)), periods_(std::move(periods)) {
  if (units_.empty() || indicators_.empty() || periods_.empty())
    throw model_error(errc::model_invalid,
                      "a batch store needs at least one unit, indicator and period");
  for (std::size_t k = 0; k < units_.size(); ++k)
    if (!unit_index_.emplace(units_[k], k).second)
      throw model_error(errc::model_duplicate, "unit '" + units_[k] + "' appears twice");
  for (std::size_t k = 0; k < indicators_.size(); ++k)
    if (!indicator_index_.emplace(indicators_[k], k).second)
      throw model_error(errc::model_duplicate, "indicator '" + indicators_[k] + "' appears twice");
  std::set<period> seen(periods_.begin(), periods_.end());
  if (seen.size() != periods_.size())
    throw model_error(errc::model_duplicate, "a period appears twice in the batch store");
  values_.assign(units_.size() * indicators_.size() * periods_.size(), nan);
  unit_stride_ = periods_.size();
  indicator_stride_ = units_.size() * periods_.size();
}

batch_store batch_store::view(std::vector<std::string> units, std::vector<std::string> indicators,
                              std::vector<period> periods, const double* values) {
  if (values == nullptr) usage("a batch store view needs an array of values");
  // the checks of the constructor, on an empty store of one period: no values are made
  std::vector<period> one{periods.empty() ? period::year(2000) : periods.front()};
  if (periods.empty()) one.clear();
  batch_store s(std::move(units), std::move(indicators), std::move(one));
  std::set<period> seen(periods.begin(), periods.end());
  if (seen.size() != periods.size())
    throw model_error(errc::model_duplicate, "a period appears twice in the batch store");
  s.periods_ = std::move(periods);
  s.values_ = {};
  s.values_.shrink_to_fit();
  s.view_ = values;
  s.layout_ = batch_layout::unit_major;
  s.indicator_stride_ = s.periods_.size();
  s.unit_stride_ = s.indicators_.size() * s.periods_.size();
  return s;
}

batch_store::cell batch_store::cell_of(std::size_t offset) const noexcept {
  const std::size_t P = periods_.size();
  const std::size_t outer_stride = std::max(unit_stride_, indicator_stride_);
  const std::size_t outer = offset / outer_stride;
  const std::size_t inner = offset % outer_stride / P;
  const bool unit_major = unit_stride_ > indicator_stride_;
  return {unit_major ? outer : inner, unit_major ? inner : outer, offset % P};
}

double* batch_store::series(std::size_t unit, std::size_t indicator) {
  if (is_view()) usage("a view of a caller's array cannot be written");
  return values_.data() + offset(unit, indicator, 0);
}

std::optional<std::size_t> batch_store::unit_index(std::string_view id) const {
  const auto it = unit_index_.find(std::string(id));
  if (it == unit_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> batch_store::indicator_index(std::string_view id) const {
  const auto it = indicator_index_.find(std::string(id));
  if (it == indicator_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> batch_store::period_index(const period& p) const {
  for (std::size_t k = 0; k < periods_.size(); ++k)
    if (periods_[k] == p) return k;
  return std::nullopt;
}

std::size_t batch_store::memory_bytes() const noexcept {
  std::size_t bytes = sizeof(*this) + value_bytes() + periods_.capacity() * sizeof(period);
  for (const auto& s : units_) bytes += sizeof(s) + s.capacity() + 2 * sizeof(std::size_t);
  for (const auto& s : indicators_) bytes += sizeof(s) + s.capacity() + 2 * sizeof(std::size_t);
  return bytes;
}

// --- targets ---------------------------------------------------------------------------------

batch_targets::batch_targets(const plan& p, const batch_store& store,
                             std::optional<period> target_period, bool defer_unsupported)
    : units_(store.units()), tol_(p.settings.tolerance) {
  rules_.resize(store.indicators());
  for (std::size_t i = 0; i < store.indicators(); ++i) {
    const std::string& id = store.indicator_ids()[i];
    const indicator* ind = p.find(id);
    if (!ind) {
      location loc;
      loc.indicator = id;
      throw model_error(errc::model_unknown_id,
                        "indicator '" + id + "' of the batch store is not in the plan", loc);
    }
    auto& out = rules_[i];
    out.value.assign(units_, nan);
    out.low.assign(units_, nan);
    out.high.assign(units_, nan);
    out.reference.assign(units_, nan);
    out.polarity = ind->polarity;
    // as the per-indicator evaluator's implausibility check (evaluate.cpp)
    out.fraction_check = ind->is_percent() && (!ind->baseline || !ind->baseline->single_number() ||
                                               std::fabs(*ind->baseline->single_number()) >= 1.0);
    out.attribute = ind->attribute;
    out.ind_unit = ind->unit;
    const target* t = target_period ? ind->find_target(*target_period) : ind->find_target(p.period);
    if (!t && !target_period && !ind->targets.empty()) t = &ind->targets.front();
    if (!t) continue;
    out.present = true;
    const detail::judged_rule judged = detail::judged_rule_of(*ind, t->rule);
    out.rule = judged.rule;
    const rule& r = out.rule;
    // a rule the kernels do not compute: left to the caller, or rejected
    const auto unsupported = [&](const std::string& why) {
      if (!defer_unsupported) usage(why, id);
      out.deferred = true;
    };
    switch (r.operation) {
      case op::increase:
      case op::decrease:
      case op::improve:
        unsupported("direction targets ('" + t->text + "') are not supported in batch evaluation");
        continue;
      case op::compound:
        unsupported("compound targets ('" + t->text + "') are not supported in batch evaluation");
        continue;
      case op::qualitative:
      case op::unparsed: continue;
      case op::reach:
      case op::about:
      case op::at_least:
      case op::at_most:
      case op::between: break;
    }
    // the measure, as the per-indicator evaluator reads it
    out.measure = judged.measure().kind;
    if (out.measure != measure_kind::level && out.measure != measure_kind::growth) {
      unsupported(std::string("the measure '") + to_string(out.measure) +
                  "' is not supported in batch evaluation");
      continue;
    }
    out.cmp_unit = out.measure == measure_kind::growth ? unit::percent()
                                                       : (ind->unit.empty() ? r.unit : ind->unit);
    const unit& cmp = out.cmp_unit;
    out.percent_like = cmp.dim() == dimension::percent || cmp.dim() == dimension::percentage_point;
    if (out.measure == measure_kind::level && !r.has_reference() && !r.unit.empty() &&
        !cmp.empty() && !convertible(r.unit, cmp)) {
      location loc;
      loc.indicator = id;
      throw model_error(
          errc::unit_incompatible,
          "target unit '" + r.unit.symbol() + "' cannot be expressed in '" + cmp.symbol() + "'",
          loc);
    }
  }
}

void batch_targets::set_value(std::size_t unit, std::size_t indicator, double value) {
  auto& r = rules_.at(indicator);
  if (!r.present || r.rule.operation == op::between || r.rule.has_reference() ||
      !r.rule.is_comparison())
    usage("set_value needs a reach, about, at_least or at_most target with a number");
  r.value.at(unit) = value;
}

void batch_targets::set_range(std::size_t unit, std::size_t indicator, double low, double high) {
  auto& r = rules_.at(indicator);
  if (!r.present || r.rule.operation != op::between || r.rule.has_reference())
    usage("set_range needs a between target");
  if (low > high) usage("set_range: low > high");
  r.low.at(unit) = low;
  r.high.at(unit) = high;
}

void batch_targets::set_reference(std::size_t unit, std::size_t indicator, double value) {
  auto& r = rules_.at(indicator);
  if (!r.present || !r.rule.has_reference())
    usage("set_reference needs a target that names a reference");
  r.reference.at(unit) = value;
}

// --- evaluation ------------------------------------------------------------------------------

namespace {

// An acceptance set as closed double bounds (open ends moved to the next double).
struct bounds {
  double lo;
  double hi;
};
bounds closed(const detail::ival& v) {
  bounds b{v.lo, v.hi};
  if (v.lo_open) b.lo = std::nextafter(v.lo, detail::inf);
  if (v.hi_open) b.hi = std::nextafter(v.hi, -detail::inf);
  return b;
}

struct compiled {
  bounds met;
  bounds exceeded;  // empty (lo > hi) when none
  bounds exact;
  bounds grace;
  double required;
  double low;
  double high;
  bool between;
  bool about_tol;  // about with a positive tolerance: met outside `exact` is within tolerance
  // implausible levels to look at (the evaluator's check): |x| at or above `huge`, or inside
  // (fraction_low, fraction_high), where a percentage typed as a fraction lands
  double huge = detail::inf;
  double fraction_low = 0.0;
  double fraction_high = 0.0;
};

double convert_threshold(double x, const unit& from, const unit& to) {
  if (from.empty() || to.empty()) return x;
  return convert(x, from, to);
}

// x86-64 builds get an AVX2 clone of the kernels next to the baseline (SSE2) one, chosen once
// at load time (GNU ifunc): SSE2 lacks the blends the vectoriser needs for the selects below.
// Off under sanitizers, whose runtimes may not be ready when ifunc resolvers run.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define PLANEVAL_NO_CLONES 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PLANEVAL_NO_CLONES 1
#endif
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) && !defined(PLANEVAL_NO_CLONES)
#define PLANEVAL_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define PLANEVAL_KERNEL
#endif

// Status counts of one series: met, exceeded, not_met and no_data (the only statuses a
// comparison gives per observation).
struct series_counts {
  std::size_t met = 0;
  std::size_t exceeded = 0;
  std::size_t not_met = 0;
  std::size_t no_data = 0;
  std::size_t suspects = 0;  // values that may be implausible (compiled::huge, ::fractions)
};

// Judges the values v[0..n) against c; writes status, tolerance flag and gap, and counts the
// statuses. Branch-free (bitwise tests and selects) so that the compiler vectorises it and
// random data costs no mispredictions.
PLANEVAL_KERNEL
series_counts judge_series(const compiled& c, const double* __restrict v, std::size_t n,
                           std::uint8_t* __restrict st, std::uint8_t* __restrict tol,
                           double* __restrict gap) {
  constexpr std::uint8_t met = static_cast<std::uint8_t>(status::met);
  constexpr std::uint8_t exceeded = static_cast<std::uint8_t>(status::exceeded);
  constexpr std::uint8_t not_met = static_cast<std::uint8_t>(status::not_met);
  constexpr std::uint8_t no_data = static_cast<std::uint8_t>(status::no_data);
  const double ex_lo = c.exceeded.lo, ex_hi = c.exceeded.hi;
  const double met_lo = c.met.lo, met_hi = c.met.hi;
  const double gr_lo = c.grace.lo, gr_hi = c.grace.hi;
  const double xa_lo = c.exact.lo, xa_hi = c.exact.hi;
  const double required = c.required;
  // outside a range the gap is measured from the nearer end; other targets use `required`
  const double low = c.between ? c.low : -detail::inf;
  const double high = c.between ? c.high : detail::inf;
  const std::uint8_t about_tol = c.about_tol ? 1 : 0;
  const double huge = c.huge;
  const double fraction_low = c.fraction_low, fraction_high = c.fraction_high;
  std::size_t n_miss = 0, n_ex = 0, n_met = 0, n_suspect = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double x = v[k];
    const std::uint8_t miss = x != x;
    const std::uint8_t in_ex = (x >= ex_lo) & (x <= ex_hi);
    const std::uint8_t in_met = (x >= met_lo) & (x <= met_hi);
    const std::uint8_t in_grace = (x >= gr_lo) & (x <= gr_hi);
    const std::uint8_t in_exact = (x >= xa_lo) & (x <= xa_hi);
    const std::uint8_t ok = in_met | in_grace;
    std::uint8_t code = ok ? met : not_met;
    code = in_ex ? exceeded : code;
    code = miss ? no_data : code;
    st[k] = code;
    tol[k] = static_cast<std::uint8_t>(
        (in_ex ^ 1) & ((in_met & about_tol & (in_exact ^ 1)) | ((in_met ^ 1) & in_grace)));
    double compared = x < low ? low : required;
    compared = x > high ? high : compared;
    gap[k] = x - compared;  // NaN when x is
    n_miss += miss;
    n_ex += in_ex;
    n_met += ok & (in_ex ^ 1);
    const double ax = x < 0 ? -x : x;
    n_suspect +=
        static_cast<std::uint8_t>((ax >= huge) | ((ax > fraction_low) & (ax < fraction_high)));
  }
  series_counts out;
  out.no_data = n_miss;
  out.exceeded = n_ex;
  out.met = n_met;
  out.not_met = n - n_miss - n_ex - n_met;
  out.suspects = n_suspect;
  return out;
}

// growth[k] = percent change from the previous period (NaN without both values or from 0).
PLANEVAL_KERNEL
void growth_series(const double* __restrict values, const std::ptrdiff_t* __restrict prev,
                   std::size_t n, double* __restrict growth) {
  for (std::size_t k = 0; k < n; ++k) {
    const double cur = values[k];
    const double before = prev[k] < 0 ? nan : values[static_cast<std::size_t>(prev[k])];
    const bool bad = (cur != cur) | (before != before) | (before == 0.0);
    growth[k] = bad ? nan : (cur / before - 1.0) * 100.0;
  }
}

void fill(std::uint8_t* st, std::uint8_t* tol, double* gap, std::size_t n, status s) {
  std::fill(st, st + n, static_cast<std::uint8_t>(s));
  std::fill(tol, tol + n, std::uint8_t{0});
  std::fill(gap, gap + n, std::numeric_limits<double>::quiet_NaN());
}

}  // namespace

batch_result evaluate_batch(const batch_store& store, const batch_targets& targets,
                            const batch_options& options) {
  batch_result res;
  evaluate_batch(store, targets, res, options);
  return res;
}

void evaluate_batch(const batch_store& store, const batch_targets& targets, batch_result& res,
                    const batch_options& options) {
  if (targets.units() != store.units() || targets.rules().size() != store.indicators())
    usage("batch targets were compiled for a store of another shape");
  res.units = store.units();
  res.indicators = store.indicators();
  res.periods = store.periods();
  res.unit_stride = store.unit_stride();
  res.indicator_stride = store.indicator_stride();
  const std::size_t n = store.size();
  // resize keeps existing buffers: a repeated evaluation allocates and zero-fills nothing
  res.codes.resize(n);
  res.within_tolerance.resize(n);
  res.gap.resize(n);

  // previous period of each period, for growth
  std::vector<std::ptrdiff_t> prev(store.periods(), -1);
  for (std::size_t k = 0; k < store.periods(); ++k) {
    std::optional<period> before;
    try {
      before = store.period_list()[k].previous();
    } catch (const error&) {
      continue;  // the first year periods can hold (1400) has no previous one
    }
    if (auto j = store.period_index(*before)) prev[k] = static_cast<std::ptrdiff_t>(*j);
  }

  const std::size_t P = store.periods();
  const std::size_t pairs = store.indicators() * store.units();
  // Each worker counts statuses per unit and per indicator into its own tables.
  using count_table = std::vector<status_counts>;
  auto work = [&](std::size_t first, std::size_t last, count_table& by_unit, count_table& by_ind) {
    std::vector<double> growth(P);
    const auto add = [&](std::size_t u, std::size_t i, status s, std::size_t count) {
      by_unit[u].n[static_cast<std::size_t>(s)] += count;
      by_ind[i].n[static_cast<std::size_t>(s)] += count;
    };
    for (std::size_t pair = first; pair < last; ++pair) {
      const std::size_t i = pair / store.units();
      const std::size_t u = pair % store.units();
      const std::size_t off = store.offset(u, i, 0);
      std::uint8_t* st = res.codes.data() + off;
      std::uint8_t* tol = res.within_tolerance.data() + off;
      double* gap = res.gap.data() + off;
      const auto& rr = targets.rules()[i];
      if (rr.deferred) {  // judged by the caller (evaluate_long_table)
        fill(st, tol, gap, P, status::no_data);
        add(u, i, status::no_data, P);
        continue;
      }
      if (!rr.present) {
        fill(st, tol, gap, P, status::no_target);
        add(u, i, status::no_target, P);
        continue;
      }
      const rule& r = rr.rule;
      if (!r.is_comparison()) {
        const status s =
            r.operation == op::unparsed ? status::needs_review : status::needs_judgment;
        fill(st, tol, gap, P, s);
        add(u, i, s, P);
        continue;
      }
      const unit& cmp = rr.cmp_unit;
      double x = r.value;
      double lo = r.low;
      double hi = r.high;
      if (r.has_reference()) {
        x = rr.reference[u];
        if (std::isnan(x)) {
          fill(st, tol, gap, P, status::needs_reference);
          add(u, i, status::needs_reference, P);
          continue;
        }
      } else {
        if (!std::isnan(rr.value[u])) x = rr.value[u];
        if (!std::isnan(rr.low[u])) lo = rr.low[u];
        if (!std::isnan(rr.high[u])) hi = rr.high[u];
        if (rr.measure == measure_kind::level && !r.unit.empty() && !cmp.empty()) {
          x = convert_threshold(x, r.unit, cmp);
          lo = convert_threshold(lo, r.unit, cmp);
          hi = convert_threshold(hi, r.unit, cmp);
        }
      }
      const bool sync = r.has_reference() && r.operation == op::about;
      const auto acc =
          detail::make_acceptance(r.operation, r.strict, rr.polarity, rr.attribute,
                                  targets.tolerances(), rr.percent_like, sync, x, lo, hi);
      compiled c;
      c.met = closed(acc.met);
      c.exceeded = acc.exceeded ? closed(*acc.exceeded) : bounds{detail::inf, -detail::inf};
      c.exact = closed(acc.exact);
      c.grace = closed(acc.grace);
      c.required = acc.required;
      c.low = lo;
      c.high = hi;
      c.between = r.operation == op::between;
      c.about_tol = acc.about && acc.tol_abs > 0;
      const double* values = store.series(u, i);
      if (rr.measure == measure_kind::growth) {
        growth_series(values, prev.data(), P, growth.data());
        values = growth.data();
      }
      const double target = std::fabs(c.between ? hi : x);
      if (rr.measure == measure_kind::level && target != 0.0) {
        c.huge = 1e6 * target;
        // |100v − T| < (T − v) / 2 with 0 < v < 1 ≤ T holds for v in (0.5T/99.5, 1.5T/100.5):
        // that interval, widened a little (the loop below applies the exact test)
        if (rr.fraction_check && target >= 1.0) {
          c.fraction_low = 0.999 * 0.5 * target / 99.5;
          c.fraction_high = std::min(1.0, 1.001 * 1.5 * target / 100.5);
        }
      }
      series_counts sc = judge_series(c, values, P, st, tol, gap);
      // implausible levels, as the per-indicator evaluator flags them: a percentage typed as a
      // fraction (0.051 against 5.5), a value a million times the target; the kernel counted
      // the values worth a look
      const std::size_t suspects = sc.suspects;
      if (suspects != 0) {
        std::size_t review = 0;
        for (std::size_t k = 0; k < P; ++k) {
          const double v = std::fabs(values[k]);
          if (!std::isfinite(v)) continue;
          const bool fraction = rr.fraction_check && v > 0 && v < 1.0 && target >= 1.0 &&
                                std::fabs(v * 100 - target) < std::fabs(v - target) / 2;
          if (!fraction && v < 1e6 * target) continue;
          const auto was = static_cast<status>(st[k]);
          (was == status::met ? sc.met : was == status::exceeded ? sc.exceeded : sc.not_met) -= 1;
          st[k] = static_cast<std::uint8_t>(status::needs_review);
          tol[k] = 0;
          gap[k] = std::numeric_limits<double>::quiet_NaN();
          ++review;
        }
        add(u, i, status::needs_review, review);
      }
      add(u, i, status::met, sc.met);
      add(u, i, status::exceeded, sc.exceeded);
      add(u, i, status::not_met, sc.not_met);
      add(u, i, status::no_data, sc.no_data);
    }
  };

  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, pairs)));
  res.by_unit.assign(store.units(), status_counts{});
  res.by_indicator.assign(store.indicators(), status_counts{});
  if (threads <= 1) {
    work(0, pairs, res.by_unit, res.by_indicator);
    return;
  }
  std::vector<count_table> unit_tables(threads, count_table(store.units()));
  std::vector<count_table> ind_tables(threads, count_table(store.indicators()));
  std::vector<std::thread> pool;
  const std::size_t chunk = (pairs + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t first = t * chunk;
    const std::size_t last = std::min(pairs, first + chunk);
    if (first >= last) break;
    pool.emplace_back(work, first, last, std::ref(unit_tables[t]), std::ref(ind_tables[t]));
  }
  for (auto& th : pool) th.join();
  for (unsigned t = 0; t < threads; ++t) {
    for (std::size_t u = 0; u < store.units(); ++u)
      for (std::size_t s = 0; s < status_count; ++s) res.by_unit[u].n[s] += unit_tables[t][u].n[s];
    for (std::size_t i = 0; i < store.indicators(); ++i)
      for (std::size_t s = 0; s < status_count; ++s)
        res.by_indicator[i].n[s] += ind_tables[t][i].n[s];
  }
}

}  // namespace planeval
