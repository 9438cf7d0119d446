#pragma once
/// @file
/// @brief Batch evaluation: many units (regions) × indicators × periods in contiguous arrays.
///
/// A `batch_store` holds values as one array of doubles (NaN = missing: 8 bytes per
/// observation, no per-observation heap objects). `batch_targets` compiles each indicator's
/// target from a plan and lets each unit have its own numbers (each district its own target) and
/// reference values. `evaluate_batch` applies the rules in tight loops, optionally on several
/// threads, and gives the same statuses and gaps as `evaluate` on the same data (its gaps are the
/// plain differences; `evaluate` rounds a gap to the decimals of the two figures, so that 12.6
/// against 10 is 2.6 rather than 2.5999999999999996: round on output as it does).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/summary.hpp"

namespace planeval {

/// @brief An allocator that leaves new elements uninitialised (`resize` does not zero-fill):
/// the batch result's buffers are written in full by the kernels, so filling them first would
/// only touch every page twice.
template <class T>
struct batch_allocator : std::allocator<T> {
  /// @brief The allocator of another type.
  template <class U>
  struct rebind {
    using other = batch_allocator<U>;  ///< the allocator of U
  };
  batch_allocator() noexcept = default;
  /// @brief Converts from the allocator of another type.
  template <class U>
  batch_allocator(const batch_allocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  /// @brief Value-initialises when given arguments; default-initialises (nothing) otherwise.
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0)
      ::new (static_cast<void*>(p)) U;
    else
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

/// @brief A buffer of the batch result: a vector whose `resize` leaves new elements as they are.
template <class T>
using batch_buffer = std::vector<T, batch_allocator<T>>;

/// @brief How the values of a store are laid out.
enum class batch_layout : std::uint8_t {
  indicator_major,  ///< `[indicator][unit][period]`: the store's own array
  unit_major,  ///< `[unit][indicator][period]`: C order of a (units, indicators, periods) array
};

/// @brief Values of units × indicators × periods: its own array, laid out
/// `[indicator][unit][period]`, or a read-only view of a caller's array in C order
/// (`batch_store::view`). In both a unit's periods of one indicator are contiguous.
class batch_store {
 public:
  /// @brief A store with every value missing.
  /// @throws model_error (`model_duplicate`) when an id or period repeats, (`model_invalid`)
  ///         when a dimension is empty.
  batch_store(std::vector<std::string> units, std::vector<std::string> indicators,
              std::vector<period> periods);

  /// @brief A store that reads `values`, (units, indicators, periods) doubles in C order (NaN:
  /// missing), without copying them: the array must outlive the store and is never written
  /// (`set` and the mutable `series` are refused).
  /// @throws as the constructor; error (`usage`) for a null array.
  static batch_store view(std::vector<std::string> units, std::vector<std::string> indicators,
                          std::vector<period> periods, const double* values);

  /// @brief How the values are laid out.
  batch_layout layout() const noexcept { return layout_; }
  /// @brief True for a view of a caller's array.
  bool is_view() const noexcept { return layout_ == batch_layout::unit_major; }

  /// @brief Number of units.
  std::size_t units() const noexcept { return units_.size(); }
  /// @brief Number of indicators.
  std::size_t indicators() const noexcept { return indicators_.size(); }
  /// @brief Number of periods.
  std::size_t periods() const noexcept { return periods_.size(); }
  /// @brief units × indicators × periods.
  std::size_t size() const noexcept { return units_.size() * indicators_.size() * periods_.size(); }
  /// @brief The value array (the store's own, or the viewed one).
  const double* values() const noexcept { return view_ != nullptr ? view_ : values_.data(); }

  /// @brief Unit ids in index order.
  const std::vector<std::string>& unit_ids() const noexcept { return units_; }
  /// @brief Indicator ids in index order.
  const std::vector<std::string>& indicator_ids() const noexcept { return indicators_; }
  /// @brief Periods in index order.
  const std::vector<period>& period_list() const noexcept { return periods_; }

  /// @brief Index of a unit id, or nullopt.
  std::optional<std::size_t> unit_index(std::string_view id) const;
  /// @brief Index of an indicator id, or nullopt.
  std::optional<std::size_t> indicator_index(std::string_view id) const;
  /// @brief Index of a period, or nullopt.
  std::optional<std::size_t> period_index(const period& p) const;

  /// @brief The value at (unit, indicator, period); NaN when missing. No bounds check.
  double get(std::size_t unit, std::size_t indicator, std::size_t period) const noexcept {
    return values()[offset(unit, indicator, period)];
  }
  /// @brief Sets a value (NaN marks it missing). No bounds check.
  /// @throws error (`usage`) on a view.
  void set(std::size_t unit, std::size_t indicator, std::size_t period, double v) {
    series(unit, indicator)[period] = v;
  }
  /// @brief The `periods()` contiguous values of one unit and indicator.
  /// @throws error (`usage`) on a view.
  double* series(std::size_t unit, std::size_t indicator);
  /// @brief Read-only `series`.
  const double* series(std::size_t unit, std::size_t indicator) const noexcept {
    return values() + offset(unit, indicator, 0);
  }
  /// @brief Offset of (unit, indicator, period) in the value array (the layout's).
  std::size_t offset(std::size_t unit, std::size_t indicator, std::size_t period) const noexcept {
    return unit * unit_stride_ + indicator * indicator_stride_ + period;
  }
  /// @brief The unit, indicator and period of an offset (the inverse of `offset`).
  struct cell {
    std::size_t unit;       ///< unit index
    std::size_t indicator;  ///< indicator index
    std::size_t period;     ///< period index
  };
  /// @brief The cell at an offset of the value array.
  cell cell_of(std::size_t offset) const noexcept;
  /// @brief Distance between two units' values of one indicator and period.
  std::size_t unit_stride() const noexcept { return unit_stride_; }
  /// @brief Distance between two indicators' values of one unit and period.
  std::size_t indicator_stride() const noexcept { return indicator_stride_; }

  /// @brief Bytes held by the value array (8 per observation; 0 for a view).
  std::size_t value_bytes() const noexcept { return values_.size() * sizeof(double); }
  /// @brief Bytes held by the store, ids and indexes included (approximate).
  std::size_t memory_bytes() const noexcept;

 private:
  std::vector<std::string> units_;
  std::vector<std::string> indicators_;
  std::vector<period> periods_;
  std::unordered_map<std::string, std::size_t> unit_index_;
  std::unordered_map<std::string, std::size_t> indicator_index_;
  std::vector<double> values_;    // empty for a view
  const double* view_ = nullptr;  // the viewed array
  batch_layout layout_ = batch_layout::indicator_major;
  std::size_t unit_stride_ = 0;
  std::size_t indicator_stride_ = 0;
};

/// @brief The rules a batch is judged by: each store indicator's target from a plan, with
/// per-unit numbers and reference values.
///
/// Supported: comparison targets (reach, about, at_least, at_most, between) on the level or on
/// growth (computed from the previous period in the store), with or without a named reference;
/// qualitative and unparsed targets (→ needs_judgment); indicators without a target
/// (→ no_target). Other measures (change in points, CAGR, change since a base year), direction
/// and compound targets are rejected with `usage`, or, with `defer_unsupported`, left to the
/// caller: `evaluate_long_table` and `evaluate_array` (io/long_table.hpp) judge them by the
/// per-indicator evaluator, so every rule `evaluate` accepts goes through a batch.
class batch_targets {
 public:
  /// @brief Compiles the targets of the store's indicators from a plan.
  /// @param p the plan (its settings give the tolerances)
  /// @param store the store the targets will judge
  /// @param target_period which target of each indicator to use; default: the indicator's
  ///        target for the plan's period, else its first target
  /// @param defer_unsupported mark a target the kernels do not compute (a direction, a
  ///        compound, change in points, CAGR, change since a base year) `deferred` instead of
  ///        rejecting it: `evaluate_batch` gives its cells `no_data` and the caller judges them
  ///        (`evaluate_long_table` does, with the per-indicator evaluator)
  /// @throws model_error (`model_unknown_id`) for a store indicator missing from the plan,
  ///         error (`usage`) for an unsupported target unless `defer_unsupported`.
  batch_targets(const plan& p, const batch_store& store,
                std::optional<period> target_period = std::nullopt, bool defer_unsupported = false);

  /// @brief Gives one unit its own threshold (reach, about, at_least, at_most), in the unit
  /// written in the plan's target. @throws error (`usage`) for a range or reference target.
  void set_value(std::size_t unit, std::size_t indicator, double value);
  /// @brief Gives one unit its own range (between). @throws error (`usage`) otherwise.
  void set_range(std::size_t unit, std::size_t indicator, double low, double high);
  /// @brief Supplies a unit's reference value for a reference target, in the indicator's unit.
  void set_reference(std::size_t unit, std::size_t indicator, double value);

  /// @cond INTERNAL
  struct indicator_rule {
    bool present = false;
    bool deferred = false;        // left to the caller (defer_unsupported)
    bool fraction_check = false;  // a % indicator whose base is percent-sized: 0.051 is suspect
    planeval::rule rule;
    planeval::polarity polarity = planeval::polarity::higher;
    planeval::attribute attribute = planeval::attribute::anticipatory;
    unit ind_unit;
    unit cmp_unit;
    measure_kind measure = measure_kind::level;
    bool percent_like = false;
    std::vector<double> value;  // per unit; NaN: the rule's own
    std::vector<double> low;
    std::vector<double> high;
    std::vector<double> reference;  // per unit; NaN: not supplied
  };
  const std::vector<indicator_rule>& rules() const noexcept { return rules_; }
  const tolerance_settings& tolerances() const noexcept { return tol_; }
  std::size_t units() const noexcept { return units_; }
  /// @endcond

 private:
  std::size_t units_ = 0;
  tolerance_settings tol_;
  std::vector<indicator_rule> rules_;
};

/// @brief Options of a batch evaluation.
struct batch_options {
  /// Worker threads; 0 means `std::thread::hardware_concurrency()`. Results do not depend on it.
  unsigned threads = 0;
};

/// @brief Statuses and gaps of a batch, in the store's layout.
struct batch_result {
  std::size_t units = 0;                        ///< number of units
  std::size_t indicators = 0;                   ///< number of indicators
  std::size_t periods = 0;                      ///< number of periods
  std::size_t unit_stride = 0;                  ///< the store's `unit_stride()`
  std::size_t indicator_stride = 0;             ///< the store's `indicator_stride()`
  batch_buffer<std::uint8_t> codes;             ///< `planeval::status` per observation
  batch_buffer<std::uint8_t> within_tolerance;  ///< 1 where met only thanks to a tolerance
  batch_buffer<double> gap;  ///< actual − threshold (comparison unit), unrounded; NaN when none
  std::vector<status_counts> by_unit;       ///< counts per unit
  std::vector<status_counts> by_indicator;  ///< counts per indicator

  /// @brief Offset of (unit, indicator, period), as in the store evaluated.
  std::size_t offset(std::size_t unit, std::size_t indicator, std::size_t period) const noexcept {
    return unit * unit_stride + indicator * indicator_stride + period;
  }
  /// @brief Status at (unit, indicator, period).
  status at(std::size_t unit, std::size_t indicator, std::size_t period) const noexcept {
    return static_cast<status>(codes[offset(unit, indicator, period)]);
  }
};

/// @brief Evaluates every observation of the store. Pure and deterministic; the same result for
/// any number of threads.
/// @throws error (`usage`) when the targets were compiled for another store shape.
batch_result evaluate_batch(const batch_store& store, const batch_targets& targets,
                            const batch_options& options = {});

/// @brief Evaluates into an existing result, reusing its buffers (the result arrays are not
/// reallocated when the store's shape is unchanged: the form for repeated evaluation, e.g.
/// every month).
/// @throws error (`usage`) when the targets were compiled for another store shape.
void evaluate_batch(const batch_store& store, const batch_targets& targets, batch_result& out,
                    const batch_options& options = {});

}  // namespace planeval
