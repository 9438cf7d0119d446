#pragma once
// The forms of the target language, each a function over a scanner that consumes its form and
// returns true, or restores the position and returns false: levels and changes (grammar.cpp),
// references and quotas (references.cpp), observation words (observations.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "core/parse/scanner.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/rule.hpp"

namespace planeval::detail {

/// Everything one parse says about a text: the rule, and for observations a judgment and a
/// comparable figure.
struct reading {
  planeval::rule rule;
  std::optional<judgment> verdict;
  std::optional<double> comparable;
};

/// Runs the form `f` on a fresh reading; keeps it in `out` when it consumed the whole head.
template <class F>
bool attempt(scanner& s, reading& out, F f) {
  const std::size_t save = s.pos();
  reading p;
  // after any form, the closing words that add nothing (新台阶, 大关, 安排)
  if (f(p) && (s.lit_any(phrase_role::level_tail), s.at_head_end())) {
    out = std::move(p);
    return true;
  }
  s.expect("the end of the text (or ',' before a remark)");
  s.seek(save);
  return false;
}

// --- levels and changes (grammar.cpp) --------------------------------------------------------

/// 5, 5-10, 3左右, 95以上, 不低于95, at least 95.
bool level(scanner& s, reading& p);
/// A level after verbs and qualifiers: 控制在4.5%以内, 新开工100, 五年累计竣工208.9.
bool level_phrase(scanner& s, reading& p);
/// Lead words before any form (力争, 年内, 同口径, 均, 连续9年, strive to), consumed; true when
/// there were any. They say how a target is pursued or how long a level held, not what it is.
/// With `year`, also a target year (到2030年, 到2030年底, by 2030), recorded there; a year is
/// only read where the caller can record it.
bool leads(scanner& s, int* year = nullptr);
/// 两位数增长, double-digit growth.
bool double_digit(scanner& s, reading& p);
/// 增长8%, 下降3%左右, 提高2个百分点, 年均增长7%以上, 比2005年下降36%.
bool change(scanner& s, reading& p);
/// up 8%, average annual growth of 7%, down 36% since 2005.
bool en_change(scanner& s, reading& p);
/// 进一步提高, 继续下降, 持续改善, further increase.
bool direction(scanner& s, reading& p);

/// The change forms and the level phrase, in the order a target and an observation try them;
/// `after` runs after each form (an observation's comparable figure).
template <class After>
bool numeric_or_change(scanner& s, reading& out, After after) {
  return attempt(s, out, [&](reading& p) { return double_digit(s, p) && after(p); }) ||
         attempt(s, out, [&](reading& p) { return change(s, p) && after(p); }) ||
         attempt(s, out, [&](reading& p) { return en_change(s, p) && after(p); }) ||
         attempt(s, out, [&](reading& p) { return level_phrase(s, p) && after(p); });
}

/// The rule with the sign of its numbers turned (a decline read as a negative growth).
void negate(rule& r) noexcept;

// --- references and quotas (references.cpp) --------------------------------------------------

/// 与全市目标基本同步, 高于国内生产总值增长, 完成市下达指标, 控制在市下达指标之内.
bool reference(scanner& s, reading& p);

// --- shared by targets and observations (parse.cpp) ------------------------------------------

/// A 分别 list (分别增长6%和7%左右, respectively up 6%, up 7%): a compound rule with
/// `respectively` set, or none when the text is not one.
std::optional<rule> respectively_list(std::string_view text);

/// True when the remark of `text` follows a comma that stands between two digits (`304,5万吨`,
/// `增长5,5%`): a decimal point or thousands separator typed wrong, not a second figure.
bool comma_between_digits(std::string_view text, std::string_view remark) noexcept;

/// @throws parse_error (`limit_text_length`) for a text longer than `max_bytes`.
void check_text_length(std::string_view text, std::size_t max_bytes);

}  // namespace planeval::detail
