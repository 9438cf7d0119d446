#include "planeval/core/limits.hpp"

#include <string>

#include "planeval/core/error.hpp"

namespace planeval {

void check_year_limits(int year, const limits& lim) {
  if (year < lim.min_year || year > lim.max_year)
    throw format_error(errc::limit_period,
                       "year " + std::to_string(year) + " is outside the limits " +
                           std::to_string(lim.min_year) + "–" + std::to_string(lim.max_year));
}

void check_limits(const period& p, const limits& lim) {
  check_year_limits(p.first_year(), lim);
  check_year_limits(p.last_year(), lim);
  if (p.years() > lim.max_span_years)
    throw format_error(errc::limit_period,
                       "the span " + p.to_string() + " covers " + std::to_string(p.years()) +
                           " years, more than the limit of " + std::to_string(lim.max_span_years));
}

}  // namespace planeval
