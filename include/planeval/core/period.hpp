#pragma once
/// @file
/// @brief Reporting periods (year, quarter, month, multi-year span) on Boost.Date_Time.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace planeval {

/// @brief A calendar date (Boost.Date_Time Gregorian date).
using date = boost::gregorian::date;

/// @brief Parses `YYYY-MM-DD`.
/// @throws parse_error (`date_syntax`) naming the column of the first bad character.
date parse_date(std::string_view text);

/// @brief Prints `YYYY-MM-DD`.
std::string to_string(const date& d);

/// @brief The kind of a period.
enum class period_kind : std::uint8_t {
  year,     ///< a calendar year, `2021`
  quarter,  ///< a calendar quarter, `2021-Q3`
  month,    ///< a calendar month, `2021-09`
  span,     ///< several whole years, `2016/2020` (a five-year plan)
};

/// @brief How the elapsed share of a period is counted.
enum class elapsed_basis : std::uint8_t {
  days,    ///< calendar days elapsed, the as-of day included
  months,  ///< whole months completed, as Chinese progress reports count (Jan–Feb = 2/12)
};

/// @brief Stable name of a period kind (`year`, `quarter`, `month`, `span`).
const char* to_string(period_kind k) noexcept;
/// @brief Stable name of an elapsed basis (`days`, `months`).
const char* to_string(elapsed_basis b) noexcept;

/// @brief A reporting period: a year, quarter, month, or a span of whole years.
///
/// Small and regular: copyable, comparable (ordered by first day, then by length), hashable,
/// printable. Years are limited to 1400–9999 (the range of Boost.Date_Time).
class period {
 public:
  /// @brief The year 2000 (a valid default so periods can live in containers).
  period() = default;

  /// @brief A calendar year. @throws parse_error (`period_range`) outside 1400–9999.
  static period year(int y);
  /// @brief A quarter 1–4 of a year. @throws parse_error (`period_range`).
  static period quarter(int y, int q);
  /// @brief A month 1–12 of a year. @throws parse_error (`period_range`).
  static period month(int y, int m);
  /// @brief The whole years `first`…`last`; a span of one year is that year.
  /// @throws parse_error (`period_range`) when `last < first`.
  static period span(int first, int last);

  /// @brief Parses `2021`, `2021-Q3`, `2021-09`, `2021-M09`, `2016/2020` (also `2016-2020`).
  /// @throws parse_error (`period_syntax` or `period_range`) with the column of the problem.
  static period parse(std::string_view text);

  /// @brief The kind.
  period_kind kind() const noexcept { return kind_; }
  /// @brief The (first) year.
  int first_year() const noexcept { return year_; }
  /// @brief The last year (equal to `first_year()` except for spans).
  int last_year() const noexcept { return kind_ == period_kind::span ? end_year_ : year_; }
  /// @brief The quarter (1–4) or month (1–12); 0 for years and spans.
  int sub() const noexcept { return sub_; }
  /// @brief Number of whole years covered (1 for a year, 5 for 2016/2020, 0 below a year).
  int years() const noexcept;
  /// @brief Number of months covered (12 for a year, 3 for a quarter).
  int months() const noexcept;

  /// @brief First day of the period.
  date first_day() const;
  /// @brief Last day of the period.
  date last_day() const;

  /// @brief True when every day of `other` lies in this period.
  bool contains(const period& other) const noexcept;
  /// @brief True when the day lies in this period.
  bool contains(const date& d) const;

  /// @brief Share of the period elapsed at the end of `as_of`, clamped to [0, 1].
  /// @param as_of the date whose end counts
  /// @param basis days: (as_of − first + 1) / length; months: whole months completed / months,
  ///        a month counting as completed on its last day.
  double elapsed_share(const date& as_of, elapsed_basis basis = elapsed_basis::days) const;

  /// @brief The period of the same kind and length just before this one (2020 for 2021).
  period previous() const;
  /// @brief The period of the same kind and length just after this one.
  period next() const;

  /// @brief Canonical text: `2021`, `2021-Q3`, `2021-09`, `2016/2020`.
  std::string to_string() const;

  friend bool operator==(const period& a, const period& b) noexcept {
    return a.kind_ == b.kind_ && a.year_ == b.year_ && a.sub_ == b.sub_ &&
           a.end_year_ == b.end_year_;
  }
  friend bool operator!=(const period& a, const period& b) noexcept { return !(a == b); }
  /// @brief Orders by first month, then longer periods first, then kind.
  friend bool operator<(const period& a, const period& b) noexcept;

 private:
  period(period_kind k, int y, int sub, int end_year) noexcept
      : kind_(k),
        year_(static_cast<std::int16_t>(y)),
        sub_(static_cast<std::int8_t>(sub)),
        end_year_(static_cast<std::int16_t>(end_year)) {}
  int first_month_index() const noexcept;  // months since year 0 of the first month

  period_kind kind_ = period_kind::year;
  std::int16_t year_ = 2000;
  std::int8_t sub_ = 0;
  std::int16_t end_year_ = 2000;
};

}  // namespace planeval

/// @cond INTERNAL
template <>
struct std::hash<planeval::period> {
  std::size_t operator()(const planeval::period& p) const noexcept {
    return (static_cast<std::size_t>(p.kind()) << 40) ^
           (static_cast<std::size_t>(p.first_year()) << 24) ^
           (static_cast<std::size_t>(p.sub()) << 16) ^ static_cast<std::size_t>(p.last_year());
  }
};
/// @endcond
