// The level and change forms of the target language: 5, 5-10, 3左右, 95以上, 新开工100,
// 增长8%, 提高2个百分点, 年均增长7%以上, 比2005年下降36%, and the directions (进一步提高).
#include <cmath>

#include "core/parse/grammar.hpp"

namespace planeval::detail {
namespace {

constexpr auto zh = phrase_language::zh;
constexpr auto en = phrase_language::en;
using role = phrase_role;

void make_range(scanner& s, reading& p, const quantity& a, const quantity& b) {
  unit u = a.unit.empty() ? b.unit : a.unit;
  if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit) {
    s.fail_at(s.codes().range, b.start,
              "the ends of a range have different units ('" + a.unit.symbol() + "', '" +
                  b.unit.symbol() + "')");
  }
  if (a.value > b.value) {
    s.fail_at(s.codes().range, a.start,
              "range " + format_number(a.value) + " to " + format_number(b.value) +
                  " ends below where it starts");
  }
  p.rule.operation = op::between;
  p.rule.low = a.value;
  p.rule.high = b.value;
  p.rule.unit = u;
}

// --- qualifiers: 新开工, 五年累计竣工, cumulative ----------------------------------------------

// A numeral N and the words after it (年累计, -year cumulative): the length, 0 when absent.
std::size_t years_cumulative_at(const scanner& s, std::size_t at, phrase_language lang) {
  const auto m = s.phrase_at(at + 1, role::cumulation_after_years, lang);
  return m.entry != nullptr ? 1 + m.length : 0;
}

void qualifier_words(scanner& s, reading& p) {
  s.skip_ws();
  const std::size_t at = s.pos();
  const int n = at < s.end() ? scanner::small_numeral(s.at(at)) : 0;
  if (std::size_t len = 0; n > 0 && (len = years_cumulative_at(s, at, zh)) != 0) {
    p.rule.qualifier.cumulative = true;
    p.rule.qualifier.cumulative_years = n;
    s.advance(len);
  } else if (n > 0 && is_digit(s.at(at)) && (len = years_cumulative_at(s, at, en)) != 0) {
    p.rule.qualifier.cumulative = true;
    p.rule.qualifier.cumulative_years = n;
    s.advance(len);
  } else if (const phrase* c = s.lit_any(role::cumulation)) {
    p.rule.qualifier.cumulative = true;
    p.rule.qualifier.cumulative_years = c->number;
  }
  if (const phrase* f = s.lit_any(role::flow)) p.rule.qualifier.flow = std::string(recorded(*f));
}

void finish_change(scanner& s, reading& p, int sign, bool annual, int base_year, std::size_t at) {
  rule& r = p.rule;
  if (r.unit.dim() == dimension::percentage_point) {
    if (annual)
      s.fail_at(s.codes().unit, at, "年均 (average annual) changes are written in %, not 个百分点");
    r.measure = measure{measure_kind::change_points, base_year};
    r.unit = unit::percentage_point();
  } else if (r.unit.empty() || r.unit.is_percent()) {
    if (r.unit.scale() != 0) s.fail_at(s.codes().unit, at, "a growth rate is written in %");
    r.measure = annual      ? measure{measure_kind::cagr, 0}
                : base_year ? measure{measure_kind::change_since, base_year}
                            : measure{measure_kind::growth, 0};
    if (annual && base_year) r.measure = measure{measure_kind::cagr, 0};
    r.unit = unit::percent();
  } else {
    s.fail_at(s.codes().unit, at,
              "a change is written in % or 个百分点, not '" + r.unit.symbol() + "'");
  }
  if (sign < 0) negate(r);
}

void growth_at_least_ten(reading& p) {
  p.rule.operation = op::at_least;
  p.rule.value = 10;
  p.rule.unit = unit::percent();
}

int year_number(scanner& s) {
  s.skip_ws();
  const std::size_t at = s.pos();
  auto y = s.number(false);
  if (!y) return 0;
  if (*y != std::floor(*y) || *y < 1400 || *y > 9999) {
    s.fail_at(s.codes().number, at, "expected a four-digit base year");
  }
  return static_cast<int>(*y);
}

// 翻一番 (doubling: +100%), 翻两番 (+300%), 实现正增长 (> 0), 持平 / 基本持平 (0, about 0)
bool special_change(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  s.lit_any(role::achieve_verb);
  const phrase* w = s.lit_any(role::special_change);
  if (w == nullptr) {
    s.seek(save);
    return false;
  }
  p.rule.operation = w->operation;
  p.rule.value = w->number;
  p.rule.strict = w->strict;
  p.rule.unit = unit::percent();
  return true;
}

}  // namespace

void negate(rule& r) noexcept {
  if (r.operation == op::between) {
    const double low = -r.high;
    r.high = -r.low;
    r.low = low;
  } else if (r.is_comparison()) {
    r.value = -r.value;
    if (r.operation == op::at_least)
      r.operation = op::at_most;
    else if (r.operation == op::at_most)
      r.operation = op::at_least;
  }
}

// --- level forms: 5, 5-10, 3左右, 95以上, 不低于95, at least 95 -------------------------------

bool level(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (const phrase* c = s.lit_any(role::comparison_before)) {
    s.lit(U"of");
    auto q = s.quantity_here();
    if (!q) {
      s.seek(save);
      return false;
    }
    p.rule.operation = c->operation;
    p.rule.strict = c->strict;
    p.rule.value = q->value;
    p.rule.unit = q->unit;
    if (c->operation == op::about) s.lit(U"左右");
    return true;
  }
  s.expect("a comparison (以上, 以内, 左右, 不低于, at least, …)");
  if (s.lit(U"between")) {
    auto q1 = s.quantity_here();
    if (!q1 || !s.lit(U"and")) {
      s.expect("'and'");
      s.seek(save);
      return false;
    }
    auto q2 = s.quantity_here();
    if (!q2) {
      s.seek(save);
      return false;
    }
    make_range(s, p, *q1, *q2);
    return true;
  }
  auto q1 = s.quantity_here();
  if (!q1) {
    s.seek(save);
    return false;
  }
  const std::size_t before_sep = s.pos();
  if (s.lit_any(role::range_separator)) {
    if (auto q2 = s.quantity_here()) {
      make_range(s, p, *q1, *q2);
      s.lit(U"之间");
      return true;
    }
    s.seek(before_sep);
  }
  s.expect("a range separator (-, ~, 至, to)");
  p.rule.value = q1->value;
  p.rule.unit = q1->unit;
  const std::size_t before_after = s.pos();
  const phrase* after = s.lit_any(role::comparison_after);
  if (q1->more) {  // 100多项: more than 100 (and an optional 以上)
    if (after != nullptr && after->operation != op::at_least) s.seek(before_after);
    p.rule.operation = op::at_least;
    p.rule.strict = true;
    return true;
  }
  if (after != nullptr) {
    p.rule.operation = after->operation;
  } else {
    s.expect("以上, 以下, 以内 or 左右");
    p.rule.operation = op::reach;
  }
  return true;
}

// --- verbs around a level: 控制在, 保持在, 达到, 力争 … -----------------------------------------

bool level_phrase(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  bool cap = false;
  for (int k = 0; k < 2; ++k) {
    const phrase* v = s.lit_any(role::level_verb);
    if (v == nullptr) break;
    if (v->operation == op::at_most) cap = true;
  }
  qualifier_words(s, p);
  bool ok = false;
  if (s.lit(U"[")) {
    ok = level(s, p);
    if (ok && !s.lit(U"]")) {
      s.expect("']' closing the five-year cumulative bracket");
      ok = false;
    }
    if (ok) {
      p.rule.qualifier.cumulative = true;
      p.rule.qualifier.cumulative_years = 5;
    }
  } else {
    ok = level(s, p);
  }
  if (!ok) {
    s.seek(save);
    return false;
  }
  if (cap && p.rule.operation == op::reach) p.rule.operation = op::at_most;
  return true;
}

bool leads(scanner& s, int* year) {
  bool any = false;
  for (;;) {
    // a lead word, unless a longer comparison starts there (`at` of `at least`)
    s.skip_ws();
    const auto lead = s.phrase_at(s.pos(), role::lead_word);
    if (lead.entry != nullptr &&
        s.phrase_at(s.pos(), role::comparison_before).length <= lead.length) {
      s.advance(lead.length);
      any = true;
      continue;
    }
    // 到2030年, 到2030年底, 至2025年, by 2030: the year the target is for
    if (year != nullptr && *year == 0) {
      const std::size_t at = s.pos();
      const bool zh = s.lit(U"到") || s.lit(U"至");
      const bool en = !zh && s.lit(U"by");
      if (zh || en) {
        s.skip_ws();
        const std::size_t digits = s.pos();
        const auto y = s.number(false);
        const bool four = s.pos() == digits + 4;
        if (y && four && *y >= 1900 && *y <= 2200 && *y == std::floor(*y) &&
            (en || s.lit(U"年底") || s.lit(U"年末") || s.lit(U"年"))) {
          *year = static_cast<int>(*y);
          any = true;
          continue;
        }
      }
      s.seek(at);
    }
    // 连续9年, 连续36个月, 连续六年: how long a level has held, not part of the rule
    const std::size_t save = s.pos();
    if (s.lit(U"连续")) {
      bool counted = s.number(false).has_value();
      if (!counted && scanner::small_numeral(s.here()) != 0) {
        s.advance(1);
        counted = true;
      }
      if (counted && (s.lit(U"个月") || s.lit(U"年") || s.lit(U"个季度") || s.lit(U"季度"))) {
        any = true;
        continue;
      }
    }
    s.seek(save);
    return any;
  }
}

// --- changes: 增长8%, 下降3%左右, 提高2个百分点, 年均增长7%以上, 比2005年下降36% ----------------

bool double_digit(scanner& s, reading& p) {
  // 两位数增长, 实现两位数增长, 增长两位数 (growth of at least 10%)
  const std::size_t save = s.pos();
  s.lit_any(role::achieve_verb);
  if (s.lit_any(role::double_digits, zh) && (s.lit(U"以上"), s.lit(U"的"), s.lit(U"增长"))) {
    growth_at_least_ten(p);
    p.rule.measure = measure{measure_kind::growth, 0};
    return true;
  }
  s.seek(save);
  if (s.lit_any(role::double_digits, en)) {
    growth_at_least_ten(p);
    p.rule.measure = measure{measure_kind::growth, 0};
    return true;
  }
  s.seek(save);
  return false;
}

bool change(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  int base_year = 0;
  if (const phrase* w = s.lit_any(role::compared_with, zh);
      w != nullptr && w->number == 1 && s.lit_any(role::previous_year) == nullptr) {
    base_year = year_number(s);
    if (base_year == 0) {
      s.seek(save);
      return false;
    }
    s.lit_any(role::base_year_after);
    s.lit_any(role::base_year_level, zh);
  }
  const bool annual = s.lit_any(role::annual) != nullptr;
  const std::size_t special_at = (s.skip_ws(), s.pos());
  if (special_change(s, p)) {
    finish_change(s, p, 1, annual, base_year, special_at);
    return true;
  }
  const std::size_t verb_at = (s.skip_ws(), s.pos());
  const phrase* verb = s.lit_any(role::change_word, zh);
  if (verb == nullptr) {
    s.expect("增长, 下降, 提高 or another change word");
    s.seek(save);
    return false;
  }
  s.lit_any(role::change_filler);
  if (s.lit_any(role::double_digits, zh)) {
    s.lit(U"以上");
    growth_at_least_ten(p);
  } else if (!level(s, p)) {
    s.seek(save);
    return false;
  }
  finish_change(s, p, verb->number, annual, base_year, verb_at);
  return true;
}

bool en_change(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  s.skip_ws();
  const std::size_t verb_at = s.pos();
  const phrase* verb = s.lit_any(role::change_word, en);
  if (verb == nullptr) {
    s.seek(save);
    return false;
  }
  s.lit_any(role::change_filler, en);  // rose just 0.3 percent
  if (!level(s, p)) {
    s.seek(save);
    return false;
  }
  int base_year = 0;
  const std::size_t after_level = s.pos();
  if (s.lit_any(role::compared_with, en)) {
    base_year = year_number(s);
    if (base_year == 0)
      s.seek(after_level);  // not a base year (from last year): a closing word may follow
    else
      s.lit_any(role::base_year_level, en);
  }
  const bool annual = verb->number == 2 || verb->number == -2;
  finish_change(s, p, verb->number > 0 ? 1 : -1, annual, base_year, verb_at);
  return true;
}

// --- directions: 进一步提高, 继续下降, 持续改善, further increase --------------------------------

bool direction(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (const phrase* w = s.lit_any(role::direction_phrase)) {
    p.rule.operation = w->operation;
    return true;
  }
  // adverbs may pile up: 持续稳步提高, sustained steady growth
  for (int k = 0; k < 3 && s.lit_any(role::direction_adverb) != nullptr; ++k) {
  }
  if (const phrase* w = s.lit_any(role::direction_word)) {
    p.rule.operation = w->operation;
    return true;
  }
  s.seek(save);
  return false;
}

}  // namespace planeval::detail
