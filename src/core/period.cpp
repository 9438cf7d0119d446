#include "planeval/core/period.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <string>
#include <vector>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

constexpr int min_year = 1400;
constexpr int max_year = 9999;

[[noreturn]] void fail(errc code, std::string_view text, std::size_t byte, const std::string& why) {
  location loc;
  loc.column = detail::column_of_byte(text, byte);
  loc.fragment = std::string(text.substr(std::min(byte, text.size())));
  throw parse_error(code, why + " in '" + std::string(text) + "'", loc);
}

void check_year(int y) {
  if (y < min_year || y > max_year) {
    throw parse_error(errc::period_range, "year " + std::to_string(y) + " is outside " +
                                              std::to_string(min_year) + "–" +
                                              std::to_string(max_year));
  }
}

// Reads exactly `n` ASCII digits at `i`; returns -1 when they are not there.
int read_digits(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[i + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Period and date texts as Chinese tables write them, in the canonical form: `2023年` → `2023`,
// `2023年度` → `2023`, `2023年9月` → `2023-09`, `2023年第三季度` / `2023年3季度` / `2023Q3` →
// `2023-Q3`, `2021-2025年` / `2021—2025年` / `2021至2025年` → `2021/2025`; dates `2023/9/30`,
// `2023.9.30`, `2023年9月30日` → `2023-09-30`. Anything else is returned unchanged.
std::string canonical_form(std::string_view s, bool is_date) {
  std::u32string u;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = detail::decode_utf8(s, i, cp);
    if (n == 0) return std::string(s);
    u += cp;
    i += n;
  }
  // numbers and the words between them
  std::vector<int> numbers;
  std::u32string words;
  for (std::size_t i = 0; i < u.size();) {
    if (u[i] >= U'0' && u[i] <= U'9') {
      int v = 0;
      std::size_t digits = 0;
      while (i < u.size() && u[i] >= U'0' && u[i] <= U'9' && digits < 5) {
        v = v * 10 + static_cast<int>(u[i] - U'0');
        ++i;
        ++digits;
      }
      numbers.push_back(v);
      words += U'#';
      continue;
    }
    static const std::u32string quarters = U"一二三四";
    if (const auto q = quarters.find(u[i]); q != std::u32string::npos && i + 1 < u.size() &&
                                            (u[i + 1] == U'季' || (u[i + 1] == U'个'))) {
      numbers.push_back(static_cast<int>(q) + 1);
      words += U'#';
      ++i;
      continue;
    }
    if (u[i] != U' ' && u[i] != U'第') words += u[i];
    ++i;
  }
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (is_date) {
    if (numbers.size() == 3 &&
        (words == U"#/#/#" || words == U"#.#.#" || words == U"#年#月#日" || words == U"#-#-#"))
      return std::to_string(numbers[0]) + "-" + two(numbers[1]) + "-" + two(numbers[2]);
    return std::string(s);
  }
  if (numbers.size() == 1 && (words == U"#年" || words == U"#年度"))
    return std::to_string(numbers[0]);
  if (numbers.size() == 2 && (words == U"#年#月" || words == U"#年#月份"))
    return std::to_string(numbers[0]) + "-" + two(numbers[1]);
  if (numbers.size() == 2 &&
      (words == U"#年#季度" || words == U"#年#季" || words == U"#Q#" || words == U"#q#"))
    return std::to_string(numbers[0]) + "-Q" + std::to_string(numbers[1]);
  if (numbers.size() == 2 &&
      (words == U"#-#年" || words == U"#—#年" || words == U"#–#年" || words == U"#至#年" ||
       words == U"#年-#年" || words == U"#年至#年" || words == U"#—#" || words == U"#至#"))
    return std::to_string(numbers[0]) + "/" + std::to_string(numbers[1]);
  return std::string(s);
}

const char* const accepted_periods =
    "YYYY, YYYY-Qn, YYYY-MM or YYYY/YYYY; also 2023年, 2023年9月, 2023年第三季度, 2021-2025年";

}  // namespace

date parse_date(std::string_view text) {
  const std::string form = canonical_form(detail::trim(text), true);
  const std::string_view s = form;
  const int y = read_digits(s, 0, 4);
  if (y < 0)
    fail(errc::date_syntax, s, 0,
         "expected a four-digit year (YYYY-MM-DD; also 2023/9/30, 2023.9.30, 2023年9月30日)");
  if (s.size() < 5 || s[4] != '-') fail(errc::date_syntax, s, 4, "expected '-' after the year");
  const int m = read_digits(s, 5, 2);
  if (m < 0) fail(errc::date_syntax, s, 5, "expected a two-digit month");
  if (s.size() < 8 || s[7] != '-') fail(errc::date_syntax, s, 7, "expected '-' after the month");
  const int d = read_digits(s, 8, 2);
  if (d < 0) fail(errc::date_syntax, s, 8, "expected a two-digit day");
  if (s.size() != 10) fail(errc::date_syntax, s, 10, "unexpected text after the date");
  if (y < min_year || y > max_year) fail(errc::date_syntax, s, 0, "year out of range");
  if (m < 1 || m > 12) fail(errc::date_syntax, s, 5, "month must be 01–12");
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  if (d < 1 || d > last) fail(errc::date_syntax, s, 8, "no such day in that month");
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

std::string to_string(const date& d) {
  if (d.is_special()) return "not-a-date";
  return boost::gregorian::to_iso_extended_string(d);
}

period period::year(int y) {
  check_year(y);
  return period(period_kind::year, y, 0, y);
}

period period::quarter(int y, int q) {
  check_year(y);
  if (q < 1 || q > 4)
    throw parse_error(errc::period_range, "quarter must be 1–4, got " + std::to_string(q));
  return period(period_kind::quarter, y, q, y);
}

period period::month(int y, int m) {
  check_year(y);
  if (m < 1 || m > 12)
    throw parse_error(errc::period_range, "month must be 1–12, got " + std::to_string(m));
  return period(period_kind::month, y, m, y);
}

period period::span(int first, int last) {
  check_year(first);
  check_year(last);
  if (last < first) {
    throw parse_error(errc::period_range, "span " + std::to_string(first) + "/" +
                                              std::to_string(last) + " ends before it starts");
  }
  if (last == first) return year(first);
  return period(period_kind::span, first, 0, last);
}

period period::parse(std::string_view text) {
  const std::string form = canonical_form(detail::trim(text), false);
  const std::string_view s = form;
  if (s.empty())
    fail(errc::period_syntax, s, 0,
         std::string("empty period (expected ") + accepted_periods + ")");
  const int y = read_digits(s, 0, 4);
  if (y < 0)
    fail(errc::period_syntax, s, 0,
         std::string("expected a four-digit year (") + accepted_periods + ")");
  auto wrap = [&](auto make) {
    try {
      return make();
    } catch (const parse_error& e) {
      fail(errc::period_range, s, 0, e.message());
    }
  };
  if (s.size() == 4) return wrap([&] { return year(y); });
  const char sep = s[4];
  if (sep == '/' || (sep == '-' && s.size() == 9)) {
    const int y2 = read_digits(s, 5, 4);
    if (y2 < 0 || s.size() != 9) fail(errc::period_syntax, s, 5, "expected a four-digit end year");
    return wrap([&] { return span(y, y2); });
  }
  if (sep != '-')
    fail(errc::period_syntax, s, 4,
         std::string("expected '-', '/' or the end after the year (") + accepted_periods + ")");
  if (s.size() == 7 && (s[5] == 'Q' || s[5] == 'q')) {
    const int q = read_digits(s, 6, 1);
    if (q < 0) fail(errc::period_syntax, s, 6, "expected a quarter digit 1–4");
    if (q < 1 || q > 4) fail(errc::period_range, s, 6, "quarter must be 1–4");
    return wrap([&] { return quarter(y, q); });
  }
  std::size_t mpos = 5;
  if (s.size() > 5 && (s[5] == 'M' || s[5] == 'm')) mpos = 6;
  const int m = read_digits(s, mpos, 2);
  if (m < 0 || s.size() != mpos + 2)
    fail(errc::period_syntax, s, mpos,
         "expected a two-digit month (YYYY-MM), a quarter (YYYY-Qn) or an end year (YYYY/YYYY)");
  if (m < 1 || m > 12) fail(errc::period_range, s, mpos, "month must be 01–12");
  return wrap([&] { return month(y, m); });
}

int period::years() const noexcept {
  switch (kind_) {
    case period_kind::year: return 1;
    case period_kind::span: return end_year_ - year_ + 1;
    case period_kind::quarter:
    case period_kind::month: return 0;
  }
  return 0;
}

int period::months() const noexcept {
  switch (kind_) {
    case period_kind::year: return 12;
    case period_kind::span: return 12 * (end_year_ - year_ + 1);
    case period_kind::quarter: return 3;
    case period_kind::month: return 1;
  }
  return 0;
}

int period::first_month_index() const noexcept {
  int m = 1;
  if (kind_ == period_kind::quarter) m = (sub_ - 1) * 3 + 1;
  if (kind_ == period_kind::month) m = sub_;
  return year_ * 12 + (m - 1);
}

date period::first_day() const {
  const int idx = first_month_index();
  return date(static_cast<unsigned short>(idx / 12), static_cast<unsigned short>(idx % 12 + 1), 1);
}

date period::last_day() const {
  const int idx = first_month_index() + months() - 1;
  const auto y = static_cast<unsigned short>(idx / 12);
  const auto m = static_cast<unsigned short>(idx % 12 + 1);
  return date(y, m, boost::gregorian::gregorian_calendar::end_of_month_day(y, m));
}

bool period::contains(const period& other) const noexcept {
  const int a0 = first_month_index();
  const int a1 = a0 + months();
  const int b0 = other.first_month_index();
  const int b1 = b0 + other.months();
  return a0 <= b0 && b1 <= a1;
}

bool period::contains(const date& d) const {
  if (d.is_special()) return false;
  return first_day() <= d && d <= last_day();
}

double period::elapsed_share(const date& as_of, elapsed_basis basis) const {
  if (as_of.is_special()) return 0.0;
  const date first = first_day();
  const date last = last_day();
  if (as_of < first) return 0.0;
  if (as_of >= last) return 1.0;
  if (basis == elapsed_basis::days) {
    const double elapsed = static_cast<double>((as_of - first).days() + 1);
    const double total = static_cast<double>((last - first).days() + 1);
    return elapsed / total;
  }
  // months: whole months completed; a month is completed on its last day
  const int as_of_index = as_of.year() * 12 + (as_of.month() - 1);
  int done = as_of_index - first_month_index();
  if (as_of.day() == as_of.end_of_month().day()) ++done;
  return static_cast<double>(done) / months();
}

period period::previous() const {
  switch (kind_) {
    case period_kind::year: return year(year_ - 1);
    case period_kind::span: return span(year_ - years(), year_ - 1);
    case period_kind::quarter: return sub_ == 1 ? quarter(year_ - 1, 4) : quarter(year_, sub_ - 1);
    case period_kind::month: return sub_ == 1 ? month(year_ - 1, 12) : month(year_, sub_ - 1);
  }
  return *this;
}

period period::next() const {
  switch (kind_) {
    case period_kind::year: return year(year_ + 1);
    case period_kind::span: return span(end_year_ + 1, end_year_ + years());
    case period_kind::quarter: return sub_ == 4 ? quarter(year_ + 1, 1) : quarter(year_, sub_ + 1);
    case period_kind::month: return sub_ == 12 ? month(year_ + 1, 1) : month(year_, sub_ + 1);
  }
  return *this;
}

std::string period::to_string() const {
  std::string s = std::to_string(year_);
  switch (kind_) {
    case period_kind::year: break;
    case period_kind::span: s += "/" + std::to_string(end_year_); break;
    case period_kind::quarter: s += "-Q" + std::to_string(sub_); break;
    case period_kind::month:
      s += sub_ < 10 ? "-0" : "-";
      s += std::to_string(sub_);
      break;
  }
  return s;
}

bool operator<(const period& a, const period& b) noexcept {
  const int fa = a.first_month_index();
  const int fb = b.first_month_index();
  if (fa != fb) return fa < fb;
  if (a.months() != b.months()) return a.months() > b.months();
  return a.kind_ < b.kind_;
}

}  // namespace planeval
