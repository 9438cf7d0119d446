#pragma once
// The words of the target language: one table of phrases (lexicon.cpp) from which the parser
// builds its indexes, the printer takes its canonical words and the model asks what a flow is.
// Adding a phrase is one line in that table (docs/target-language.md, "Adding a phrase").
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/rule.hpp"

namespace planeval::detail {

/// What a phrase does in the language. Each role is read at one place of the grammar.
enum class phrase_role : std::uint8_t {
  comparison_before,  // 不低于95, at least 95 (oper, strict)
  comparison_after,   // 95以上, 3左右, 95 or more (oper)
  range_separator,    // 5至10, 5 to 10
  level_verb,         // 达到5, raise to 65% (oper at_most: a cap, 控制在5)
  level_tail,       // 跃上1.4万亿斤新台阶, 突破200万大关 (after a level, not recorded)
  lead_word,        // 力争, 年内, 同口径, 均 … before any form (scope, time, resolve)
  scale_word,       // 11 million people (means: the Chinese scale prefix)
  more_than_mark,   // 100多项, 300余人 (right after the number)
  number_word,      // four percent (number: the value); Chinese numerals are read by the scanner
  percent_before,   // 百分之五: the percent written before the number
  currency_before,  // CNY13.57 trillion, US$665 billion (means: the Chinese currency unit)
  growth_name,      // 增速, GDP growth: an indicator's name that says its values are growth rates
  cumulation,       // 累计, 五年累计, cumulative (number: years, 0 when not stated)
  cumulation_after_years,  // N年累计, N-year cumulative (after a numeral N)
  flow,                    // 新开工, newly started (means: the Chinese flow word recorded)
  achieve_verb,            // 实现两位数增长, 保持正增长 (before a special change)
  double_digits,           // 两位数增长, double-digit growth (growth at least 10%)
  special_change,          // 翻一番, 正增长 (oper, strict, number: the change in %)
  compared_with,           // 比2005年, since 2005 (number 1: a base year follows; 0: 同比)
  base_year_after,         // the 年 of 比2005年
  base_year_level,         // 比2005年水平, since 2005 level
  previous_year,           // 比上年, 同比去年同期
  annual,                  // 年均增长
  change_word,             // 增长8%, up 8%, average annual growth of 7% (sign: ±1, ±2 annual)
  change_filler,           // 增长为8%, 下降幅度为3%
  direction_phrase,        // 稳中有升, 进一步提高 (oper)
  direction_adverb,        // 进一步, further
  direction_word,          // 提高, increase (oper)
  sync_with,               // 与全市目标同步
  sync_word,               // 同步
  sync_adverb,             // 与全市目标基本同步 (number 1: roughly)
  sync_tail,               // 同步增长
  reference_comparison,    // 高于国内生产总值增长, above GDP growth (oper, strict)
  fulfil_verb,             // 完成市下达指标 (the name must be a quota or a target)
  in_line_with,            // meet the city quota, in line with economic growth
  roughly,                 // roughly in line with
  reference_subject,  // 增速高于全省平均水平: the growth is compared (measure growth)
  cap_verb,           // 控制在市下达指标之内
  cap_closing,        // 之内
  quota_mark,         // a quota's name: 下达 anywhere (number 0), 指标 at the end (number 1)
  target_mark,        // 完成国家下达目标: a target's name ends with 目标
  known_reference,    // 全市目标 (means: its English name)
  judgment_word,      // 达标, not met (number: the judgment)
  comparable_word,    // 10.9(可比7.0)
  comparable_change,  // (可比价增长7%) (sign)
  estimate_word,      // 预计增长8% (approximate)
  missing_word,       // 无, n/a (the whole text, compared exactly)
  respectively_word,  // 分别增长6%和7%左右, up 6% and 7% respectively: a compound's parts are
                      // for as many quantities
  part_separator,  // between the parts of a 分别 list: 、 和 及 , and (the last role: see
                   // role_count in lexicon.cpp)
};

/// Which language writes a phrase; `both` for symbols (`≥`, `~`, `-`).
enum class phrase_language : std::uint8_t { zh, en, both };

/// Whether the printer writes a phrase.
enum class printed : std::uint8_t {
  no,               // read only
  yes,              // the canonical word for its meaning
  for_points,       // the canonical word when the measure is in percentage points (提高)
  for_signed_ends,  // the canonical range separator when an end is negative (至)
  for_quotas,       // the canonical verb before a quota (meet)
};

/// One line of the lexicon. Fields other than text, language, role and printed apply to the
/// roles that say so; `means` is empty when the phrase records itself.
struct phrase {
  std::string_view text;  // UTF-8; English in lower case (matched case-insensitively)
  phrase_language lang;
  phrase_role role;
  printed print = printed::no;
  op operation = op::reach;
  bool strict = false;
  int number = 0;  // sign, years, value or judgment, by role
  std::string_view means = {};
};

/// The lines of the lexicon, in table order.
struct phrase_table {
  const phrase* first;
  const phrase* last;
  const phrase* begin() const noexcept { return first; }
  const phrase* end() const noexcept { return last; }
};
/// Every phrase of the language, in table order.
phrase_table phrases() noexcept;

/// A phrase of an index: its text as code points and its line of the lexicon.
struct indexed_phrase {
  std::u32string text;
  const phrase* entry;
};

/// The phrases of a role, longest first (table order among equal lengths), built once.
const std::vector<indexed_phrase>& phrases_of(phrase_role role);

/// True when a phrase in `lang` is read where `filter` is (`both` fits every filter and every
/// phrase).
constexpr bool fits(phrase_language lang, phrase_language filter) noexcept {
  return filter == phrase_language::both || lang == phrase_language::both || lang == filter;
}

/// The printed phrases (print != no), in table order, built once.
const std::vector<const phrase*>& printed_phrases();

/// The printed phrase of a role in a language with `use` whose fields satisfy `match` (one of
/// that language before a symbol), or null.
template <class Match>
const phrase* printed_phrase(phrase_role role, language lang, Match match,
                             printed use = printed::yes) {
  const auto want = lang == language::zh ? phrase_language::zh : phrase_language::en;
  for (const auto in : {want, phrase_language::both})
    for (const phrase* p : printed_phrases())
      if (p->role == role && p->print == use && p->lang == in && match(*p)) return p;
  return nullptr;
}

/// The printed word of a role in a language (for roles with one such word), or empty.
std::string_view printed_word(phrase_role role, language lang, printed use = printed::yes);

/// The word a phrase records: `means`, or the text itself.
inline std::string_view recorded(const phrase& p) noexcept {
  return p.means.empty() ? p.text : p.means;
}

/// True when `word` is a flow qualifier the language records (`新开工`, `开工`, `新竣工`,
/// `竣工`, `新增`, `新建`): the indicator sums over the period.
bool is_flow(std::string_view word) noexcept;

/// True when an indicator's name holds a flow word that says "new" (`新增上市企业数`,
/// `城镇新增就业`).
bool names_a_flow(std::string_view indicator_name) noexcept;

/// True when an indicator's name says its values are growth rates (`地区生产总值增速`, `固定资产
///投资增幅`, `GDP growth`): a percentage target on it is the rate's level.
bool names_growth(std::string_view indicator_name) noexcept;
/// The English words of a recorded flow (`新开工` → `newly started`), or empty.
std::string_view flow_in_english(std::string_view flow) noexcept;

/// A reference name that is an assigned quota: it mentions 下达 (assigned) or ends with 指标,
/// 任务, 要求 or 计划. Quotas print as `完成X`; other references as `与X同步`.
bool is_quota_name(std::string_view name) noexcept;

/// A name that ends with a target word (`国家下达目标`), longer than the word.
bool is_target_name(std::string_view name) noexcept;

/// The known reference whose English name is `en` (case-insensitive), or empty.
std::string_view reference_from_english(std::string_view en) noexcept;

/// The code points of a valid UTF-8 text.
std::u32string to_u32(std::string_view s);

/// Every symbol of the unit table (UTF-8), defined with the unit table (unit.cpp).
const std::vector<std::string_view>& unit_symbols();
/// The scale prefixes (`万亿`, `亿`, `万`, …), longest first (unit.cpp).
const std::vector<std::string_view>& scale_prefixes();
// A unit written with an English scale word (`Million metric tons`, `Trillion kWh`, `Billion
// US$`, any case) in Chinese (百万吨, 万亿kWh, 十亿美元); empty when `text` starts with none.
std::string chinese_with_english_scale(std::string_view text);
// The English of a Chinese scaled unit that `chinese_with_english_scale` reads back (万亿元 →
// `trillion yuan`, 百万吨 → `million metric tons`); empty for any other unit (亿元, 万人).
std::string english_with_english_scale(std::string_view chinese);

}  // namespace planeval::detail
