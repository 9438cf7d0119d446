#pragma once
/// @file
/// @brief The one validator of plans, with two sinks: throw at the first problem, or collect
/// every problem with its location. `plan::validate`, `check_plan`, the plan file readers and
/// `planeval validate` all run it.

#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief Where checks report their problems: thrown at the first one (the default) or
/// appended to a list so that checking goes on.
class problem_sink {
 public:
  /// @brief A sink that throws each problem as it is reported.
  problem_sink() noexcept = default;

  /// @brief A sink that appends every problem to `out` and lets the checks go on.
  explicit problem_sink(std::vector<error>& out) noexcept : out_(&out) {}

  /// @brief True when problems are collected, false when they are thrown.
  bool collecting() const noexcept { return out_ != nullptr; }

  /// @brief Reports a problem.
  /// @throws E (the problem itself, keeping its class) when the sink throws.
  template <class E>
  void report(const E& problem) {
    if (!out_) throw problem;
    out_->push_back(problem);
  }

  /// @brief Runs `check`. When collecting, a planeval error it throws is appended and false
  /// is returned; otherwise the error goes on to the caller.
  /// @return true when `check` returned normally.
  template <class F>
  bool guard(F&& check) {
    if (!out_) {
      check();
      return true;
    }
    try {
      check();
      return true;
    } catch (const error& e) {
      out_->push_back(e);
      return false;
    }
  }

 private:
  std::vector<error>* out_ = nullptr;
};

/// @brief Which checks `validate_plan` runs besides the model's invariants.
struct validation_options {
  /// Also check that each target's text still reads as its stored rule. Loading does not (a
  /// rule may be edited by hand or written by another release); `check_plan` does.
  bool rules_match_texts = false;
};

/// @brief Checks a plan's invariants and reports each problem to `sink` with its location:
/// the JSON pointer of the field (`/indicators/3/id`, `/indicators/3/targets/0`,
/// `/observations/7/indicator`, `/tasks/2/parent`), the indicator or task id.
///
/// Indicators: a non-empty id (`model_invalid`), used once (`model_duplicate`, naming the first
/// use), one target per period (`model_duplicate`), target and baseline units expressible in
/// the indicator's unit (`unit_incompatible`), a baseline with valid SDMX flags. Observations
/// and references: of an indicator of the plan (`model_unknown_id`); observations with valid
/// flags. Tasks: the first problem `validate_tasks` finds. With `rules_match_texts`: every target
/// text parses (`parse_error`) and reads as its stored rule (`model_invalid`).
/// Complexity: linear in the size of the plan (and the texts' lengths with `rules_match_texts`).
/// @throws model_error (parse_error with `rules_match_texts`) at the first problem when the
///         sink throws.
void validate_plan(const plan& p, problem_sink& sink, const validation_options& options = {});

}  // namespace planeval
