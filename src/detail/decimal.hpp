#pragma once
// Private: numbers computed from published figures without binary noise. A difference of two
// figures is rounded to the decimals the figures are written with (12.6 − 10 is 2.6, not
// 2.5999999999999996); a quotient or another computed value to 15 significant digits, the
// precision a double carries, so that every output prints what an analyst would write.

namespace planeval::detail {

/// Decimals of `v` as its shortest 15-digit form writes it (12.6 → 1, 10 → 0); −1 for a number
/// written with an exponent or not finite.
int decimals_of(double v) noexcept;

/// `a − b` rounded to the larger number of decimals of `a` and `b` (at most 12); the plain
/// difference when either has no such form.
double difference(double a, double b) noexcept;

/// `v` rounded to 15 significant digits (1.2599999999999998 → 1.26); `v` itself when not finite.
double significant(double v) noexcept;

}  // namespace planeval::detail
