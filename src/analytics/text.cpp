#include "analytics/text.hpp"

#include <cmath>

#include "planeval/core/common.hpp"

namespace planeval::detail {

double round_to(double v, int digits) noexcept {
  const double scale = std::pow(10.0, digits);
  const double r = std::round(v * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no "-0"
}

std::string num(double v) { return num(v, 2); }

std::string num(double v, int digits) {
  if (!std::isfinite(v)) return format_number(v);
  return format_number(round_to(v, digits));
}

std::string value_text(double v) { return num(v, std::fabs(v) >= 1.0 ? 2 : 4); }

std::string pct(double share) { return num(share * 100.0) + "%"; }

std::string period_zh(const period& p) {
  switch (p.kind()) {
    case period_kind::year: return std::to_string(p.first_year()) + "年";
    case period_kind::quarter:
      return std::to_string(p.first_year()) + "年第" + std::to_string(p.sub()) + "季度";
    case period_kind::month:
      return std::to_string(p.first_year()) + "年" + std::to_string(p.sub()) + "月";
    case period_kind::span:
      return std::to_string(p.first_year()) + "—" + std::to_string(p.last_year()) + "年";
  }
  return p.to_string();
}

std::string unit_zh(const unit& u) { return u.symbol(); }

std::string unit_en(const unit& u) {
  if (u.empty()) return {};
  if (u.dim() == dimension::percent && u.scale() == 0) return "%";
  if (u.dim() == dimension::percentage_point) return " percentage points";
  return " " + u.symbol();
}

}  // namespace planeval::detail
