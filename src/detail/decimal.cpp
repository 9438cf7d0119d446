#include "detail/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace planeval::detail {

int decimals_of(double v) noexcept {
  if (!std::isfinite(v)) return -1;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  if (std::strchr(buf, 'e') != nullptr) return -1;
  const char* dot = std::strchr(buf, '.');
  return dot ? static_cast<int>(std::strlen(dot + 1)) : 0;
}

double difference(double a, double b) noexcept {
  const double d = a - b;
  const int da = decimals_of(a);
  const int db = decimals_of(b);
  const int k = std::max(da, db);
  if (da < 0 || db < 0 || k > 12 || !std::isfinite(d)) return d;
  const double scale = std::pow(10.0, k);
  const double r = std::round(d * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no negative zero
}

double significant(double v) noexcept {
  if (!std::isfinite(v) || v == 0.0) return v;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return std::strtod(buf, nullptr);
}

}  // namespace planeval::detail
