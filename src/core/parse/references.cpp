// References and quotas: 与全市目标基本同步, 和经济增长同步, 高于国内生产总值增长, 完成市下达指标,
// 控制在市下达指标之内, and the English forms; the names of known references.
#include "core/parse/grammar.hpp"

namespace planeval {

std::string reference_name_en(const std::string& reference) {
  for (const auto& w : detail::phrases_of(detail::phrase_role::known_reference))
    if (reference == w.entry->text) return std::string(w.entry->means);
  return "\"" + reference + "\"";
}

namespace detail {
namespace {

using role = phrase_role;

// A reference name: the text from `from` to `to`, no digits, not starting with a sign.
// `quoted` tells whether the name was written in quotes (then taken verbatim, never mapped
// from English: `within "gdp growth"` is the reference named `gdp growth`).
bool name_between(const scanner& s, std::size_t from, std::size_t to, std::string& name,
                  bool* quoted = nullptr) {
  while (from < to && s.at(from) == ' ') ++from;
  while (to > from && s.at(to - 1) == ' ') --to;
  if (from >= to) return false;
  const bool in_quotes = s.at(from) == '"' && to - from >= 2 && s.at(to - 1) == '"';
  if (in_quotes) {
    ++from;
    --to;
    if (from >= to) return false;
  }
  if (quoted) *quoted = in_quotes;
  while (from < to && s.at(from) == ' ') ++from;  // blanks inside the quotes: not kept
  while (to > from && s.at(to - 1) == ' ') --to;
  if (from >= to) return false;
  // a sign or point first would print as a number (`高于"\r+"` printed `高于+`; found by fuzzing)
  if (s.at(from) == '-' || s.at(from) == '+' || s.at(from) == '.') return false;
  // an unclosed bracket would swallow the separator before a remark in the printed text
  int depth = 0;
  for (std::size_t i = from; i < to; ++i) {
    if (s.at(i) == '(' || s.at(i) == '[') ++depth;
    if ((s.at(i) == ')' || s.at(i) == ']') && depth > 0) --depth;
  }
  if (depth != 0) return false;
  // no digits (a number is not a name); a quote inside would end the quotes the English text
  // puts around the name; a separator would end the head of the printed text (name unquoted)
  for (std::size_t i = from; i < to; ++i) {
    const char32_t c = s.at(i);
    if (is_digit(c) || c == '"' || c == ',' || c == ';' || c == 0x3001 || c == 0x3002) return false;
  }
  // nor 同步: `与<name>同步` would end the name there (found by fuzzing)
  for (std::size_t i = from; i < to; ++i)
    if (const auto m = s.phrase_at(i, role::sync_word); m.entry != nullptr && i + m.length <= to)
      return false;
  name = s.utf8(from, to);
  return true;
}

std::string name_from_en(const std::string& name) {
  const auto zh = reference_from_english(name);
  return zh.empty() ? name : std::string(zh);
}

// 与全市目标基本同步, 和经济增长同步, 与市保持同步
bool in_sync(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (s.lit_any(role::sync_with) == nullptr) return false;
  const std::size_t name_start = s.pos();
  std::size_t sync = std::string::npos;
  std::size_t sync_length = 0;
  for (std::size_t i = s.pos(); i < s.end(); ++i) {
    if (const auto m = s.phrase_at(i, role::sync_word); m.entry != nullptr) {
      sync = i;
      sync_length = m.length;
      break;
    }
  }
  if (sync != std::string::npos) {
    std::size_t name_end = sync;
    bool roughly = false;
    for (bool again = true; again;) {
      again = false;
      // blanks between the adverbs and 同步 (`基本 同步`) do not keep an adverb in the name
      while (name_end > name_start && s.at(name_end - 1) == ' ') --name_end;
      for (const auto& a : phrases_of(role::sync_adverb)) {
        const auto n = a.text.size();
        if (name_end >= name_start + n && s.match_at(name_end - n, a.text) == n) {
          if (a.entry->number == 1) roughly = true;
          name_end -= n;
          again = true;
        }
      }
    }
    s.seek(sync + sync_length);
    s.lit_any(role::sync_tail);
    std::string name;
    if (name_between(s, name_start, name_end, name)) {
      p.rule.operation = roughly ? op::about : op::reach;
      p.rule.reference = name;
      return true;
    }
  }
  s.seek(save);
  return false;
}

// 高于国内生产总值增长, 不低于…, 低于…, 不高于…; above GDP growth
bool compared_with_reference(scanner& s, reading& p) {
  s.skip_ws();
  const auto m = s.phrase_at(s.pos(), role::reference_comparison);
  if (m.entry == nullptr) return false;
  std::string name;
  bool quoted = false;
  if (!name_between(s, s.pos() + m.length, s.end(), name, &quoted)) return false;
  p.rule.operation = m.entry->operation;
  p.rule.strict = m.entry->strict;
  p.rule.reference = m.entry->lang == phrase_language::en && !quoted ? name_from_en(name) : name;
  s.seek(s.end());
  return true;
}

// 完成市下达指标, 完成国家下达目标
bool fulfil_quota(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (s.lit_any(role::fulfil_verb) == nullptr) return false;
  std::string name;
  if (name_between(s, s.pos(), s.end(), name) && (is_quota_name(name) || is_target_name(name))) {
    p.rule.operation = op::reach;
    p.rule.reference = name;
    s.seek(s.end());
    return true;
  }
  s.seek(save);
  s.skip_ws();
  return false;
}

// meet the city quota, roughly in line with the city target
bool in_line_with(scanner& s, reading& p) {
  const bool roughly = s.lit_any(role::roughly) != nullptr;
  if (s.lit_any(role::in_line_with) == nullptr) return false;
  std::string name;
  bool quoted = false;
  if (!name_between(s, s.pos(), s.end(), name, &quoted)) return false;
  p.rule.operation = roughly ? op::about : op::reach;
  p.rule.reference = quoted ? name : name_from_en(name);
  s.seek(s.end());
  return true;
}

// 控制在市下达指标之内, 控制在省政府下达的范围之内
bool capped_by(scanner& s, reading& p) {
  if (s.lit_any(role::cap_verb) == nullptr) return false;
  for (const auto& c : phrases_of(role::cap_closing)) {
    const auto n = c.text.size();
    if (s.end() >= s.pos() + n && s.match_at(s.end() - n, c.text) == n) {
      std::string name;
      if (!name_between(s, s.pos(), s.end() - n, name)) return false;
      p.rule.operation = op::at_most;
      p.rule.reference = name;
      s.seek(s.end());
      return true;
    }
  }
  return false;
}

bool reference_forms(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  s.skip_ws();
  if (in_sync(s, p) || compared_with_reference(s, p) || fulfil_quota(s, p)) return true;
  if (in_line_with(s, p)) return true;
  s.seek(save);
  s.skip_ws();
  return capped_by(s, p);
}

}  // namespace

bool reference(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (reference_forms(s, p)) return true;
  // the growth compared: 增速高于全省平均水平, 增速均显著高于…, 增长与经济增长同步
  s.seek(save);
  if (s.lit_any(role::reference_subject) != nullptr) {
    leads(s);
    if (reference_forms(s, p)) {
      p.rule.measure = measure{measure_kind::growth, 0};
      return true;
    }
  }
  s.expect("a reference (与全市目标基本同步, 完成市下达指标, 控制在…之内)");
  s.seek(save);
  return false;
}

}  // namespace detail
}  // namespace planeval
