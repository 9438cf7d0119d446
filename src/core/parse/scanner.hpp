#pragma once
// The scanner of the target language: the text decoded into normalised code points, its head
// (before the first remark separator) and remark, and the primitives every form is built of:
// blanks, literal words, the lexicon's phrases, numbers, units and quantities.
//
// Full-width forms are folded to ASCII (one code point stays one code point, so a column is an
// index + 1). The farthest position any alternative reached, and what it expected there, make the
// syntax error.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/core/unit.hpp"

namespace planeval::detail {

using u32v = std::u32string_view;

constexpr bool is_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char32_t lower(char32_t c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/// The codes a text's errors carry: a target's or an observation's.
struct text_codes {
  errc syntax;
  errc number;
  errc range;
  errc unit;
  errc encoding;
};
inline constexpr text_codes target_codes{errc::target_syntax, errc::target_number,
                                         errc::target_range, errc::target_unit,
                                         errc::target_encoding};
inline constexpr text_codes observation_codes{errc::observation_syntax, errc::observation_number,
                                              errc::observation_range, errc::observation_unit,
                                              errc::observation_encoding};

/// A number with the unit written after it.
struct quantity {
  double value = 0.0;
  planeval::unit unit;
  std::size_t start = 0;
  bool more = false;  // 100多项, 100余人: more than the number
};

class scanner {
 public:
  // The decoded text lives in per-thread buffers reused across calls: scanning allocates nothing
  // for the text itself (parse_target is called millions of times by batch importers).
  /// @throws parse_error (`codes.encoding`) when the text is not valid UTF-8.
  scanner(std::string_view text, const text_codes& codes);

  const text_codes& codes() const noexcept { return codes_; }

  // --- the head and the remark ---------------------------------------------------------------
  bool blank() const noexcept { return begin_ >= s_.size() || all_space(begin_, s_.size()); }
  std::size_t begin() const noexcept { return begin_; }
  std::size_t end() const noexcept { return end_; }
  std::string remark() const;
  /// What starts the remark: its separator (`,` `;` `、` `。`), `(` for a closing bracket's
  /// text (增长8%(依据…)), 0 when there is none.
  char32_t remark_separator() const noexcept {
    return sep_ >= s_.size() ? 0 : bracket_remark_ ? U'(' : s_[sep_];
  }
  std::string head_text() const;
  /// ASCII digits, or a Chinese numeral followed by a measure word (三成, 两倍, 五个百分点):
  /// such a text is numeric, and failing to parse it is an error, never a qualitative target.
  bool head_has_digit() const noexcept;
  /// The same test from position `from` to the end of the head.
  bool has_digit_from(std::size_t from) const noexcept;
  /// The text as written from position `from` to the end of the head, trimmed.
  std::string text_from(std::size_t from) const;
  /// Every character of the head is `c` or a blank.
  bool head_is_all(char32_t c) const noexcept;

  // --- position ------------------------------------------------------------------------------
  std::size_t pos() const noexcept { return pos_; }
  void seek(std::size_t p) noexcept { pos_ = p; }
  void advance(std::size_t n) noexcept { pos_ += n; }
  char32_t at(std::size_t i) const noexcept { return s_[i]; }
  /// The character at the position, 0 at the end of the head.
  char32_t here() const noexcept { return pos_ < end_ ? s_[pos_] : 0; }

  void skip_ws() noexcept {
    while (pos_ < end_ && s_[pos_] == ' ') ++pos_;
  }
  bool at_head_end() noexcept {
    skip_ws();
    return pos_ >= end_;
  }
  bool all_space(std::size_t a, std::size_t b) const noexcept {
    for (std::size_t i = a; i < b; ++i)
      if (s_[i] != ' ') return false;
    return true;
  }

  // --- words ---------------------------------------------------------------------------------

  // Length matched by `kw` at `at` (0 when it does not match). ASCII letters compare
  // case-insensitively; a space in `kw` matches one or more spaces; a word ending in a letter
  // must not be followed by a letter.
  std::size_t match_at(std::size_t at, u32v kw) const noexcept {
    std::size_t i = at;
    for (std::size_t k = 0; k < kw.size(); ++k) {
      if (kw[k] == ' ') {
        if (i >= end_ || s_[i] != ' ') return 0;
        while (i < end_ && s_[i] == ' ') ++i;
        continue;
      }
      if (i >= end_ || lower(s_[i]) != kw[k]) return 0;
      ++i;
    }
    if (!kw.empty() && is_alpha(kw.back()) && i < end_ && is_alpha(s_[i])) return 0;
    return i - at;
  }

  bool lit(u32v kw) noexcept {
    skip_ws();
    const auto n = match_at(pos_, kw);
    if (n == 0) return false;
    pos_ += n;
    return true;
  }

  // The longest phrase of `role` (in `lang`) at `at`, and its length; {nullptr, 0} when none.
  struct match {
    const phrase* entry = nullptr;
    std::size_t length = 0;
  };
  match phrase_at(std::size_t at, phrase_role role,
                  phrase_language lang = phrase_language::both) const noexcept {
    if (at >= end_) return {};
    const char32_t first = lower(s_[at]);
    for (const auto& w : phrases_of(role)) {
      if (w.text[0] != first || !fits(w.entry->lang, lang)) continue;  // cheap filter first
      if (const auto n = match_at(at, w.text); n != 0) return {w.entry, n};
    }
    return {};
  }

  // After blanks, the longest phrase of `role` (in `lang`), consumed; null when none.
  const phrase* lit_any(phrase_role role, phrase_language lang = phrase_language::both) noexcept {
    skip_ws();
    const auto m = phrase_at(pos_, role, lang);
    pos_ += m.length;
    return m.entry;
  }

  // --- errors --------------------------------------------------------------------------------
  void expect(const char* what);
  [[noreturn]] void fail_at(errc code, std::size_t at, const std::string& message) const;
  [[noreturn]] void fail_syntax() const;

  std::string utf8(std::size_t a, std::size_t b) const;

  // --- numbers and units ---------------------------------------------------------------------
  std::optional<double> number(bool allow_sign);
  std::optional<unit> unit_word();
  std::optional<quantity> quantity_here();
  /// 1–9 written as an ASCII digit or a Chinese numeral; 0 otherwise.
  static int small_numeral(char32_t c) noexcept;

 private:
  void find_head();
  bool thousands_group_at(std::size_t comma) const noexcept;
  std::size_t unit_length_at(std::size_t at) const;
  std::optional<double> number_in_words(bool* percent_first);
  std::size_t chinese_numeral_at(std::size_t at, double* value, bool* figure) const noexcept;

  std::string_view text_;
  text_codes codes_;
  std::vector<char32_t>& s_;
  std::vector<std::uint32_t>& byte_;
  std::size_t begin_ = 0;
  std::size_t sep_ = 0;
  bool words_figure_ = false;    // the number in words reads as a figure whatever the unit
  bool bracket_remark_ = false;  // the remark is a closing bracket's text: 增长8%(依据…)
  std::size_t end_ = 0;
  std::size_t pos_ = 0;
  std::size_t far_ = 0;
  std::vector<const char*> expected_;
};

}  // namespace planeval::detail
