// The target language: a scannerless PEG parser over normalised code points.
//
// The text is decoded from UTF-8, full-width forms are folded to ASCII (one code point stays
// one code point, so a column is an index + 1), and the head (the text before the first remark
// separator) is parsed by ordered alternatives, each of which must consume the whole head.
// The farthest position any alternative reached, and what it expected there, make the error.
#include "planeval/core/parse.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "core/lexicon.hpp"
#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

using u32v = std::u32string_view;

char32_t fold(char32_t c) noexcept {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  switch (c) {
    case 0x3000:
    case 0x00A0:
    case '\t':
    case '\r':
    case '\n':
    case '\v':
    case '\f':
    case 0x2009:
    case 0x202F: return ' ';
    case 0x301C:
    case 0x223C: return '~';
    case 0x2212:
    case 0x2013:
    case 0x2014:
    case 0x2010:
    case 0x2011:
    case 0x2015:
    case 0xFE63: return '-';
    case 0x201C:
    case 0x201D:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F: return '"';
    case 0x2018:
    case 0x2019: return '\'';
    case 0x3014:
    case 0x3010:
    case 0x3016: return '[';  // 〔 【 〖
    case 0x3015:
    case 0x3011:
    case 0x3017: return ']';  // 〕 】 〗
    case 0xFE50:
    case 0xFE51: return ',';
    case 0x2264: return 0x2264;  // ≤ stays
    default: return c;
  }
}

bool is_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char32_t c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char32_t lower(char32_t c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const auto n = detail::decode_utf8(s, i, cp);
    out += cp;
    i += n;
  }
  return out;
}

// Longest-first lists of words, built once.
std::vector<u32v> longest_first(std::initializer_list<u32v> words) {
  std::vector<u32v> v(words);
  std::stable_sort(v.begin(), v.end(), [](u32v a, u32v b) { return a.size() > b.size(); });
  return v;
}

struct cmp_word {
  u32v word;
  op oper;
  bool strict;
};

const std::vector<cmp_word>& prefix_comparators() {
  static const std::vector<cmp_word> words = [] {
    std::vector<cmp_word> v{
        {U"大于等于", op::at_least, false},
        {U"不低于", op::at_least, false},
        {U"不少于", op::at_least, false},
        {U"不小于", op::at_least, false},
        {U"至少", op::at_least, false},
        {U"≥", op::at_least, false},
        {U">=", op::at_least, false},
        {U"高于", op::at_least, true},
        {U"超过", op::at_least, true},
        {U"大于", op::at_least, true},
        {U"多于", op::at_least, true},
        {U">", op::at_least, true},
        {U"小于等于", op::at_most, false},
        {U"不高于", op::at_most, false},
        {U"不超过", op::at_most, false},
        {U"不多于", op::at_most, false},
        {U"不大于", op::at_most, false},
        {U"至多", op::at_most, false},
        {U"最多", op::at_most, false},
        {U"≤", op::at_most, false},
        {U"<=", op::at_most, false},
        {U"低于", op::at_most, true},
        {U"小于", op::at_most, true},
        {U"少于", op::at_most, true},
        {U"<", op::at_most, true},
        {U"约为", op::about, false},
        {U"大约", op::about, false},
        {U"约", op::about, false},
        {U"no less than", op::at_least, false},
        {U"not less than", op::at_least, false},
        {U"at least", op::at_least, false},
        {U"a minimum of", op::at_least, false},
        {U"minimum of", op::at_least, false},
        {U"more than", op::at_least, true},
        {U"greater than", op::at_least, true},
        {U"above", op::at_least, true},
        {U"over", op::at_least, true},
        {U"no more than", op::at_most, false},
        {U"not more than", op::at_most, false},
        {U"not exceeding", op::at_most, false},
        {U"at most", op::at_most, false},
        {U"up to", op::at_most, false},
        {U"a maximum of", op::at_most, false},
        {U"maximum of", op::at_most, false},
        {U"within", op::at_most, false},
        {U"less than", op::at_most, true},
        {U"below", op::at_most, true},
        {U"under", op::at_most, true},
        {U"approximately", op::about, false},
        {U"about", op::about, false},
        {U"around", op::about, false},
        {U"roughly", op::about, false},
        {U"circa", op::about, false},
        {U"~", op::about, false},
    };
    std::stable_sort(v.begin(), v.end(), [](const cmp_word& a, const cmp_word& b) {
      return a.word.size() > b.word.size();
    });
    return v;
  }();
  return words;
}

struct unit_lexicon {
  std::vector<std::u32string> units;     // longest first
  std::vector<std::u32string> prefixes;  // longest first
};

const unit_lexicon& lexicon() {
  static const unit_lexicon lex = [] {
    unit_lexicon l;
    for (auto s : detail::unit_symbols()) l.units.push_back(to_u32(s));
    for (auto s : detail::scale_prefixes()) l.prefixes.push_back(to_u32(s));
    auto by_len = [](const std::u32string& a, const std::u32string& b) {
      return a.size() > b.size();
    };
    std::stable_sort(l.units.begin(), l.units.end(), by_len);
    std::stable_sort(l.prefixes.begin(), l.prefixes.end(), by_len);
    return l;
  }();
  return lex;
}

struct en_ref_name {
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<en_ref_name, 9> known_references{{
    {"全市目标", "the city target"},
    {"市下达指标", "the city quota"},
    {"国家下达目标", "the national target"},
    {"国家下达指标", "the national quota"},
    {"省下达指标", "the provincial quota"},
    {"经济增长", "economic growth"},
    {"国内生产总值增长", "GDP growth"},
    {"地区生产总值增长", "regional GDP growth"},
    {"市", "the city"},
}};

// Everything one parse needs to say about the text.
struct phrase {
  op oper = op::qualitative;
  measure meas;
  double value = 0.0;
  double low = 0.0;
  double high = 0.0;
  bool strict = false;
  std::string reference;
  unit u;
  qualifier qual;
  std::string description;
  std::optional<judgment> verdict;
  std::optional<double> comparable;
};

struct quantity {
  double value = 0.0;
  unit u;
  std::size_t start = 0;
  bool more = false;  // 100多项, 100余人: more than the number
};

class parser {
 public:
  // The decoded text lives in per-thread buffers reused across calls: parsing allocates nothing
  // for the text itself (parse_target is called millions of times by batch importers).
  parser(std::string_view text, errc syntax_code)
      : text_(text), syntax_code_(syntax_code), s_(buffers().chars), byte_(buffers().bytes) {
    s_.clear();
    byte_.clear();
    const auto bad = detail::find_invalid_utf8(text);
    if (bad != std::string_view::npos) {
      location loc;
      loc.column = detail::column_of_byte(text, bad);
      throw parse_error(errc::target_encoding,
                        "invalid UTF-8 at byte offset " + std::to_string(bad), loc);
    }
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < text.size()) {
      const auto n = detail::decode_utf8(text, i, cp);
      s_.push_back(fold(cp));
      byte_.push_back(static_cast<std::uint32_t>(i));
      i += n;
    }
    byte_.push_back(static_cast<std::uint32_t>(text.size()));
    find_head();
  }

  bool blank() const noexcept { return begin_ >= s_.size() || all_space(begin_, s_.size()); }

  // --- the head and the remark ------------------------------------------------------------

  void find_head() {
    begin_ = 0;
    while (begin_ < s_.size() && s_[begin_] == ' ') ++begin_;
    std::size_t i = begin_;
    int depth = 0;
    bool quoted = false;
    sep_ = s_.size();
    for (; i < s_.size(); ++i) {
      const char32_t c = s_[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) --depth;
      if (depth > 0) continue;
      if (c == ',' && i > begin_ && is_digit(s_[i - 1]) && thousands_group_at(i)) continue;
      if (c == ',' || c == ';' || c == 0x3001 /*、*/ || c == 0x3002 /*。*/) {
        sep_ = i;
        break;
      }
    }
    end_ = sep_;
    while (end_ > begin_ && s_[end_ - 1] == ' ') --end_;
    pos_ = begin_;
  }

  bool thousands_group_at(std::size_t comma) const noexcept {
    for (std::size_t k = 1; k <= 3; ++k)
      if (comma + k >= s_.size() || !is_digit(s_[comma + k])) return false;
    return comma + 4 >= s_.size() || !is_digit(s_[comma + 4]);
  }

  std::string remark() const {
    if (sep_ >= s_.size()) return {};
    const auto from = byte_[sep_ + 1];
    return std::string(detail::trim(text_.substr(from)));
  }

  std::string head_text() const {
    return std::string(detail::trim(text_.substr(byte_[begin_], byte_[end_] - byte_[begin_])));
  }
  std::string whole_text() const { return std::string(detail::trim(text_)); }

  // ASCII digits, or a Chinese numeral followed by a measure word (三成, 两倍, 五个百分点, 十万):
  // such a text is numeric, and failing to parse it is an error, never a qualitative target.
  bool head_has_digit() const noexcept {
    static constexpr std::u32string_view numerals = U"〇零一二三四五六七八九十百千两半";
    static constexpr std::u32string_view measures = U"成倍个%％万亿千百";
    for (std::size_t i = begin_; i < end_; ++i) {
      if (is_digit(s_[i])) return true;
      if (numerals.find(s_[i]) != u32v::npos && i + 1 < end_ &&
          measures.find(s_[i + 1]) != u32v::npos)
        return true;
    }
    return false;
  }

  // --- primitives ----------------------------------------------------------------------

  void skip_ws() noexcept {
    while (pos_ < end_ && s_[pos_] == ' ') ++pos_;
  }

  bool at_head_end() {
    skip_ws();
    return pos_ >= end_;
  }

  bool all_space(std::size_t a, std::size_t b) const noexcept {
    for (std::size_t i = a; i < b; ++i)
      if (s_[i] != ' ') return false;
    return true;
  }

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

  bool lit(u32v kw) {
    skip_ws();
    const auto n = match_at(pos_, kw);
    if (n == 0) return false;
    pos_ += n;
    return true;
  }

  // Index of the first word of `words` that matches, or -1.
  int lit_any(const std::vector<u32v>& words) {
    skip_ws();
    if (pos_ >= end_) return -1;
    const char32_t first = lower(s_[pos_]);
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k][0] != first) continue;  // cheap filter before the full match
      const auto n = match_at(pos_, words[k]);
      if (n != 0) {
        pos_ += n;
        return static_cast<int>(k);
      }
    }
    return -1;
  }

  void expect(const char* what) {
    skip_ws();
    if (pos_ > far_ || expected_.empty()) {
      if (pos_ > far_) expected_.clear();
      far_ = std::max(far_, pos_);
    }
    if (pos_ == far_ && std::find(expected_.begin(), expected_.end(), what) == expected_.end())
      expected_.push_back(what);
  }

  [[noreturn]] void fail_at(errc code, std::size_t at, const std::string& message) const {
    location loc;
    loc.column = at + 1;
    loc.fragment = at < s_.size() ? std::string(text_.substr(byte_[at])) : std::string();
    std::string msg = message;
    msg += at < s_.size() ? " at '" + loc.fragment + "'" : " at the end of the text";
    msg += " (in '" + std::string(text_) + "')";
    throw parse_error(code, msg, loc);
  }

  [[noreturn]] void fail_syntax() const {
    std::string msg = "expected ";
    for (std::size_t k = 0; k < expected_.size(); ++k) {
      if (k != 0) msg += k + 1 == expected_.size() ? " or " : ", ";
      msg += expected_[k];
    }
    if (expected_.empty()) msg = "unexpected text";
    fail_at(syntax_code_, far_, msg);
  }

  std::string utf8(std::size_t a, std::size_t b) const {
    std::string out;
    for (std::size_t i = a; i < b; ++i) detail::append_utf8(out, s_[i]);
    return out;
  }

  // --- numbers and units -----------------------------------------------------------------

  std::optional<double> number(bool allow_sign) {
    skip_ws();
    std::size_t p = pos_;
    bool negative = false;
    if (allow_sign && p < end_ && (s_[p] == '-' || s_[p] == '+')) {
      negative = s_[p] == '-';
      ++p;
    }
    if (p >= end_ || !is_digit(s_[p])) {
      expect("a number");
      return std::nullopt;
    }
    std::string buf;
    std::size_t q = p;
    while (q < end_) {
      if (is_digit(s_[q])) {
        buf += static_cast<char>(s_[q]);
        ++q;
      } else if (s_[q] == ',' && thousands_group_at(q)) {
        ++q;
      } else {
        break;
      }
    }
    if (q + 1 < end_ && s_[q] == '.' && is_digit(s_[q + 1])) {
      buf += '.';
      ++q;
      while (q < end_ && is_digit(s_[q])) buf += static_cast<char>(s_[q++]);
    }
    if (buf.size() > 40) fail_at(errc::target_number, p, "number has too many digits");
    double v = 0.0;
    const auto res = std::from_chars(buf.data(), buf.data() + buf.size(), v);
    // Numbers in texts are 0 or 1e-15 <= |x| < 1e15: their shortest plain form (what
    // `canonical` prints) then has at most 35 characters and reads back equal.
    if (res.ec != std::errc() || !std::isfinite(v) || v >= 1e15 || (v != 0 && v < 1e-15))
      fail_at(errc::target_number, p, "number out of range (0, or 1e-15 to 1e15 in size)");
    pos_ = q;
    return negative ? -v : v;
  }

  // Longest unit of the lexicon (with an optional scale prefix, and `/` for ratios) at pos_.
  std::size_t unit_length_at(std::size_t at) const {
    const auto& lex = lexicon();
    std::size_t best = 0;
    auto try_units = [&](std::size_t from, std::size_t prefix_len) {
      if (from >= end_) return;
      const char32_t c0 = s_[from];
      for (const auto& u : lex.units) {
        if (u[0] != c0 || from + u.size() > end_) continue;
        if (!std::equal(u.begin(), u.end(), s_.begin() + static_cast<std::ptrdiff_t>(from)))
          continue;
        const std::size_t after = from + u.size();
        if (is_alpha(u.back()) && after < end_ && is_alpha(s_[after])) continue;
        best = std::max(best, prefix_len + u.size());
        break;  // longest first: the first match is the longest at this start
      }
    };
    try_units(at, 0);
    for (const auto& p : lex.prefixes) {
      if (at >= end_ || p[0] != s_[at] || at + p.size() > end_) continue;
      if (!std::equal(p.begin(), p.end(), s_.begin() + static_cast<std::ptrdiff_t>(at))) continue;
      best = std::max(best, p.size());
      try_units(at + p.size(), p.size());
    }
    return best;
  }

  std::optional<unit> unit_word() {
    const std::size_t save = pos_;
    skip_ws();
    const std::size_t start = pos_;
    std::size_t len = unit_length_at(start);
    if (len == 0) {
      pos_ = save;
      return std::nullopt;
    }
    std::size_t stop = start + len;
    if (stop < end_ && s_[stop] == '/') {
      const auto den = unit_length_at(stop + 1);
      if (den == 0) fail_at(errc::target_unit, stop + 1, "expected a unit after '/'");
      stop += 1 + den;
    }
    pos_ = stop;
    unit u = unit::parse(utf8(start, stop));
    if (u.dim() == dimension::percent && u.scale() == 0) return unit::percent();
    if (u.dim() == dimension::percentage_point) return unit::percentage_point();
    return u;
  }

  std::optional<quantity> quantity_here() {
    skip_ws();
    quantity q;
    q.start = pos_;
    auto v = number(true);
    if (!v) return std::nullopt;
    q.value = *v;
    // English scale words read as the Chinese scale prefixes: 11 million people = 11 百万人
    static const std::vector<std::pair<u32v, const char*>> en_scales{
        {U"trillion", "万亿"}, {U"billion", "十亿"}, {U"million", "百万"}, {U"thousand", "千"}};
    std::string scale;
    const std::size_t before_scale = pos_;
    skip_ws();
    for (const auto& [word, zh] : en_scales) {
      if (const auto n = match_at(pos_, word); n != 0) {
        pos_ += n;
        scale = zh;
        break;
      }
    }
    if (scale.empty()) pos_ = before_scale;
    if (pos_ < end_ && (s_[pos_] == U'多' || s_[pos_] == U'余')) {
      q.more = true;
      ++pos_;
    }
    if (auto u = unit_word()) {
      q.u = scale.empty() ? *u : unit::parse(scale + u->symbol());
    } else {
      if (!scale.empty()) q.u = unit::parse(scale);
      expect("a unit");
    }
    return q;
  }

  // --- level forms: 5, 5-10, 3左右, 95以上, 不低于95, at least 95 ---------------------

  bool range_sep() {
    skip_ws();
    if (pos_ < end_ && (s_[pos_] == '-' || s_[pos_] == '~')) {
      ++pos_;
      return true;
    }
    static const auto seps = longest_first({U"至", U"到", U"to"});
    return lit_any(seps) >= 0;
  }

  bool level(phrase& p) {
    const std::size_t save = pos_;
    skip_ws();
    const char32_t first = pos_ < end_ ? lower(s_[pos_]) : 0;
    for (const auto& c : prefix_comparators()) {
      if (c.word[0] != first) continue;
      const auto n = match_at(pos_, c.word);
      if (n == 0) continue;
      pos_ += n;
      lit(U"of");
      auto q = quantity_here();
      if (!q) {
        pos_ = save;
        return false;
      }
      p.oper = c.oper;
      p.strict = c.strict;
      p.value = q->value;
      p.u = q->u;
      if (c.oper == op::about) lit(U"左右");
      return true;
    }
    expect("a comparison (以上, 以内, 左右, 不低于, at least, …)");
    if (lit(U"between")) {
      auto q1 = quantity_here();
      if (!q1 || !lit(U"and")) {
        expect("'and'");
        pos_ = save;
        return false;
      }
      auto q2 = quantity_here();
      if (!q2) {
        pos_ = save;
        return false;
      }
      make_range(p, *q1, *q2);
      return true;
    }
    auto q1 = quantity_here();
    if (!q1) {
      pos_ = save;
      return false;
    }
    const std::size_t before_sep = pos_;
    if (range_sep()) {
      if (auto q2 = quantity_here()) {
        make_range(p, *q1, *q2);
        lit(U"之间");
        return true;
      }
      pos_ = before_sep;
    }
    expect("a range separator (-, ~, 至, to)");
    static const auto about_words = longest_first({U"左右", U"上下", U"前后"});
    static const auto at_least_words =
        longest_first({U"及以上", U"或以上", U"以上", U"or more", U"or above", U"and above",
                       U"or higher", U"or greater", U"and over"});
    static const auto at_most_words =
        longest_first({U"及以下", U"或以下", U"以下", U"以内", U"之内", U"内", U"or lower",
                       U"and under", U"or fewer", U"or less", U"or below", U"and below"});
    p.value = q1->value;
    p.u = q1->u;
    if (q1->more) {  // 100多项: more than 100
      lit_any(at_least_words);
      p.oper = op::at_least;
      p.strict = true;
      return true;
    }
    if (lit_any(about_words) >= 0) {
      p.oper = op::about;
    } else if (lit_any(at_least_words) >= 0) {
      p.oper = op::at_least;
    } else if (lit_any(at_most_words) >= 0) {
      p.oper = op::at_most;
    } else {
      expect("以上, 以下, 以内 or 左右");
      p.oper = op::reach;
    }
    return true;
  }

  void make_range(phrase& p, const quantity& a, const quantity& b) {
    unit u = a.u.empty() ? b.u : a.u;
    if (!a.u.empty() && !b.u.empty() && a.u != b.u) {
      fail_at(errc::target_range, b.start,
              "the ends of a range have different units ('" + a.u.symbol() + "', '" + b.u.symbol() +
                  "')");
    }
    if (a.value > b.value) {
      fail_at(errc::target_range, a.start,
              "range " + format_number(a.value) + " to " + format_number(b.value) +
                  " ends below where it starts");
    }
    p.oper = op::between;
    p.low = a.value;
    p.high = b.value;
    p.u = u;
  }

  // --- qualifiers: 新开工, 五年累计竣工, cumulative -------------------------------------

  void qualifier_words(phrase& p) {
    static const auto cumulative_zh = longest_first({U"累计"});
    static const auto cumulative_en = longest_first({U"five-year cumulative", U"cumulative"});
    skip_ws();
    if (pos_ + 3 < end_ && small_numeral(s_[pos_]) > 0 && match_at(pos_ + 1, U"年累计") == 3) {
      p.qual.cumulative = true;
      p.qual.cumulative_years = small_numeral(s_[pos_]);
      pos_ += 4;
    } else if (const int k = lit_any(cumulative_zh); k >= 0) {
      p.qual.cumulative = true;
      p.qual.cumulative_years = 0;
    } else if (pos_ + 2 < end_ && small_numeral(s_[pos_]) > 0 && is_digit(s_[pos_]) &&
               match_at(pos_ + 1, U"-year cumulative") > 0) {
      p.qual.cumulative = true;
      p.qual.cumulative_years = small_numeral(s_[pos_]);
      pos_ += 1 + match_at(pos_ + 1, U"-year cumulative");
    } else if (const int e = lit_any(cumulative_en); e >= 0) {
      p.qual.cumulative = true;
      p.qual.cumulative_years = cumulative_en[static_cast<std::size_t>(e)] == U"cumulative" ? 0 : 5;
    }
    static const auto flows_zh =
        longest_first({U"新开工", U"开工建设", U"开工", U"新竣工", U"竣工", U"新增", U"新建"});
    static const std::vector<std::pair<u32v, const char*>> flows_en{
        {U"newly started", "新开工"}, {U"newly completed", "新竣工"}, {U"newly built", "新建"},
        {U"started", "开工"},         {U"completed", "竣工"},         {U"new", "新增"}};
    if (const int k = lit_any(flows_zh); k >= 0) {
      const auto word = flows_zh[static_cast<std::size_t>(k)];
      p.qual.flow = word == U"开工建设" ? "开工" : utf8_of(word);
      return;
    }
    skip_ws();
    for (const auto& [word, zh] : flows_en) {
      const auto n = match_at(pos_, word);
      if (n != 0) {
        pos_ += n;
        p.qual.flow = zh;
        return;
      }
    }
  }

  // 1–9 written as an ASCII digit or a Chinese numeral; 0 otherwise
  static int small_numeral(char32_t c) noexcept {
    if (c >= '1' && c <= '9') return static_cast<int>(c - '0');
    static constexpr char32_t numerals[] = U"一二三四五六七八九";
    for (int k = 0; k < 9; ++k)
      if (numerals[k] == c) return k + 1;
    if (c == U'两') return 2;
    return 0;
  }

  static std::string utf8_of(u32v w) {
    std::string out;
    for (const char32_t c : w) detail::append_utf8(out, c);
    return out;
  }

  // --- verbs around a level: 控制在, 保持在, 达到, 力争 … ---------------------------------

  bool level_phrase(phrase& p) {
    const std::size_t save = pos_;
    static const auto verbs = longest_first(
        {U"控制在",  U"控制于",        U"控制",        U"保持在",   U"保持",    U"稳定在",
         U"维持在",  U"达到",          U"力争",        U"确保",     U"实现",    U"全面完成",
         U"完成",    U"争取",          U"为",          U"提高到",   U"提高至",  U"提升到",
         U"提升至",  U"增加到",        U"增加至",      U"增长到",   U"增长至",  U"上升到",
         U"上升至",  U"增至",          U"增到",        U"下降到",   U"下降至",  U"降低到",
         U"降低至",  U"降到",          U"降至",        U"减少到",   U"减少至",  U"减至",
         U"回落到",  U"回落至",        U"控制到",      U"raise to", U"rise to", U"increase to",
         U"grow to", U"reduce to",     U"decrease to", U"fall to",  U"drop to", U"lower to",
         U"cut to",  U"bring down to", U"reach",       U"achieve",  U"keep at", U"maintain at",
         U"hold at"});
    bool cap = false;
    for (int k = 0; k < 2; ++k) {
      const int v = lit_any(verbs);
      if (v < 0) break;
      const auto w = verbs[static_cast<std::size_t>(v)];
      if (w == U"控制在" || w == U"控制于" || w == U"控制") cap = true;
    }
    qualifier_words(p);
    bool ok = false;
    if (lit(U"[")) {
      ok = level(p);
      if (ok && !lit(U"]")) {
        expect("']' closing the five-year cumulative bracket");
        ok = false;
      }
      if (ok) {
        p.qual.cumulative = true;
        p.qual.cumulative_years = 5;
      }
    } else {
      ok = level(p);
    }
    if (!ok) {
      pos_ = save;
      return false;
    }
    if (cap && p.oper == op::reach) p.oper = op::at_most;
    return true;
  }

  // --- changes: 增长8%, 下降3%左右, 提高2个百分点, 年均增长7%以上, 比2005年下降36% ----------

  void finish_change(phrase& p, int sign, bool annual, int base_year, std::size_t at) {
    if (p.u.dim() == dimension::percentage_point) {
      if (annual)
        fail_at(errc::target_unit, at,
                "年均 (average annual) changes are written in %, not 个百分点");
      p.meas = measure{measure_kind::change_points, base_year};
      p.u = unit::percentage_point();
    } else if (p.u.empty() || p.u.is_percent()) {
      if (p.u.scale() != 0) fail_at(errc::target_unit, at, "a growth rate is written in %");
      p.meas = annual      ? measure{measure_kind::cagr, 0}
               : base_year ? measure{measure_kind::change_since, base_year}
                           : measure{measure_kind::growth, 0};
      if (annual && base_year) p.meas = measure{measure_kind::cagr, 0};
      p.u = unit::percent();
    } else {
      fail_at(errc::target_unit, at,
              "a change is written in % or 个百分点, not '" + p.u.symbol() + "'");
    }
    if (sign < 0) negate(p);
  }

  static void negate(phrase& p) {
    switch (p.oper) {
      case op::reach:
      case op::about: p.value = -p.value; break;
      case op::at_least:
        p.oper = op::at_most;
        p.value = -p.value;
        break;
      case op::at_most:
        p.oper = op::at_least;
        p.value = -p.value;
        break;
      case op::between: {
        const double lo = -p.high;
        p.high = -p.low;
        p.low = lo;
        break;
      }
      case op::increase:
      case op::decrease:
      case op::improve:
      case op::qualitative:
      case op::unparsed: break;
    }
  }

  bool double_digit(phrase& p) {
    // 两位数增长, 实现两位数增长, 增长两位数 (growth of at least 10%)
    const std::size_t save = pos_;
    lit(U"实现") || lit(U"保持");
    if (lit(U"两位数") && (lit(U"以上"), lit(U"的"), lit(U"增长"))) {
      p.oper = op::at_least;
      p.value = 10;
      p.u = unit::percent();
      p.meas = measure{measure_kind::growth, 0};
      return true;
    }
    pos_ = save;
    if (lit(U"double-digit growth") || lit(U"double digit growth")) {
      p.oper = op::at_least;
      p.value = 10;
      p.u = unit::percent();
      p.meas = measure{measure_kind::growth, 0};
      return true;
    }
    pos_ = save;
    return false;
  }

  int year_number() {
    skip_ws();
    const std::size_t at = pos_;
    auto y = number(false);
    if (!y) return 0;
    if (*y != std::floor(*y) || *y < 1400 || *y > 9999) {
      fail_at(errc::target_number, at, "expected a four-digit base year");
    }
    return static_cast<int>(*y);
  }

  // 翻一番 (doubling: +100%), 翻两番 (+300%), 实现正增长 (> 0), 持平 / 基本持平 (0, about 0)
  bool special_change(phrase& p) {
    const std::size_t save = pos_;
    lit(U"实现") || lit(U"保持");
    if (lit(U"翻两番")) {
      p.oper = op::reach;
      p.value = 300;
    } else if (lit(U"翻一番") || lit(U"翻番")) {
      p.oper = op::reach;
      p.value = 100;
    } else if (lit(U"正增长")) {
      p.oper = op::at_least;
      p.value = 0;
      p.strict = true;
    } else if (lit(U"基本持平")) {
      p.oper = op::about;
      p.value = 0;
    } else if (lit(U"持平")) {
      p.oper = op::reach;
      p.value = 0;
    } else {
      pos_ = save;
      return false;
    }
    p.u = unit::percent();
    return true;
  }

  bool change(phrase& p) {
    const std::size_t save = pos_;
    int base_year = 0;
    static const auto since =
        longest_first({U"比", U"较", U"相比", U"相较", U"同比", U"与", U"和", U"同"});
    static const auto last_year =
        longest_first({U"上年同期", U"上年", U"去年同期", U"去年", U"上一年"});
    if (const int k = lit_any(since);
        k >= 0 && since[static_cast<std::size_t>(k)] != U"同比" && lit_any(last_year) < 0) {
      base_year = year_number();
      if (base_year == 0) {
        pos_ = save;
        return false;
      }
      lit(U"年");
      lit(U"水平");
    }
    const bool annual = lit(U"年均") || lit(U"年平均");
    const std::size_t special_at = (skip_ws(), pos_);
    if (special_change(p)) {
      finish_change(p, 1, annual, base_year, special_at);
      return true;
    }
    static const auto up = longest_first({U"增长率", U"增长速度", U"增速", U"增幅", U"增长",
                                          U"增加", U"上升", U"提高", U"提升", U"上涨"});
    static const auto down =
        longest_first({U"下降", U"降低", U"减少", U"回落", U"下滑", U"降幅", U"负增长", U"减"});
    int sign = 0;
    const std::size_t verb_at = (skip_ws(), pos_);
    if (lit_any(up) >= 0)
      sign = 1;
    else if (lit_any(down) >= 0)
      sign = -1;
    if (sign == 0) {
      expect("增长, 下降, 提高 or another change word");
      pos_ = save;
      return false;
    }
    static const auto fillers = longest_first({U"为", U"达到", U"保持在", U"幅度为", U"幅度"});
    lit_any(fillers);
    if (lit(U"两位数")) {
      lit(U"以上");
      p.oper = op::at_least;
      p.value = 10;
      p.u = unit::percent();
    } else if (!level(p)) {
      pos_ = save;
      return false;
    }
    finish_change(p, sign, annual, base_year, verb_at);
    return true;
  }

  bool en_change(phrase& p) {
    const std::size_t save = pos_;
    static const std::vector<std::pair<u32v, int>> verbs = [] {
      std::vector<std::pair<u32v, int>> v{
          {U"up", 1},
          {U"growth of", 1},
          {U"growth", 1},
          {U"grow by", 1},
          {U"increase by", 1},
          {U"increase of", 1},
          {U"rise by", 1},
          {U"rise of", 1},
          {U"higher by", 1},
          {U"down", -1},
          {U"decline of", -1},
          {U"decline by", -1},
          {U"decrease by", -1},
          {U"decrease of", -1},
          {U"fall by", -1},
          {U"fall of", -1},
          {U"drop by", -1},
          {U"drop of", -1},
          {U"reduce by", -1},
          {U"reduction of", -1},
          {U"cut by", -1},
          {U"lower by", -1},
          {U"up by", 1},
          {U"down by", -1},
          {U"growth rate of", 1},
          {U"an increase of", 1},
          {U"a rise of", 1},
          {U"a decrease of", -1},
          {U"a decline of", -1},
          {U"a reduction of", -1},
          {U"a drop of", -1},
          {U"a fall of", -1},
          {U"average annual growth of", 2},
          {U"average annual growth", 2},
          {U"annual average growth of", 2},
          {U"annual average growth", 2},
          {U"average annual decline of", -2},
          {U"average annual decline", -2},
      };
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.first.size() > b.first.size();
      });
      return v;
    }();
    skip_ws();
    const std::size_t verb_at = pos_;
    int sign = 0;
    for (const auto& [w, s] : verbs) {
      if (pos_ >= end_ || w[0] != lower(s_[pos_])) continue;
      const auto n = match_at(pos_, w);
      if (n != 0) {
        pos_ += n;
        sign = s;
        break;
      }
    }
    if (sign == 0) {
      pos_ = save;
      return false;
    }
    if (!level(p)) {
      pos_ = save;
      return false;
    }
    int base_year = 0;
    static const auto since =
        longest_first({U"since", U"from", U"compared with", U"compared to", U"over"});
    if (lit_any(since) >= 0) {
      base_year = year_number();
      if (base_year == 0) {
        pos_ = save;
        return false;
      }
      lit(U"level");
    }
    const bool annual = sign == 2 || sign == -2;
    finish_change(p, sign > 0 ? 1 : -1, annual, base_year, verb_at);
    return true;
  }

  // --- directions: 进一步提高, 继续下降, 持续改善, further increase -------------------------

  bool direction(phrase& p) {
    const std::size_t save = pos_;
    static const auto adverbs =
        longest_first({U"进一步",     U"持续",   U"继续",     U"稳步",      U"稳定",
                       U"逐步",       U"不断",   U"有所",     U"保持",      U"逐年",
                       U"明显",       U"大幅",   U"further",  U"continued", U"continue to",
                       U"continuing", U"steady", U"steadily", U"sustained", U"keep"});
    static const auto up = longest_first({U"增长", U"增加", U"上升", U"提高", U"提升", U"上涨",
                                          U"扩大", U"increase", U"increasing", U"rise", U"rising",
                                          U"grow", U"growth", U"growing", U"higher"});
    static const auto down =
        longest_first({U"下降", U"降低", U"减少", U"回落", U"下滑", U"缩小", U"decrease",
                       U"decreasing", U"decline", U"declining", U"fall", U"falling", U"lower",
                       U"reduce", U"reduction", U"drop"});
    static const auto better = longest_first(
        {U"改善", U"好转", U"优化", U"improve", U"improvement", U"improving", U"better"});
    if (lit(U"稳中有升") || lit(U"稳中向好")) {
      p.oper = op::increase;
      return true;
    }
    if (lit(U"稳中有降")) {
      p.oper = op::decrease;
      return true;
    }
    lit_any(adverbs);
    if (lit_any(up) >= 0)
      p.oper = op::increase;
    else if (lit_any(down) >= 0)
      p.oper = op::decrease;
    else if (lit_any(better) >= 0)
      p.oper = op::improve;
    else {
      pos_ = save;
      return false;
    }
    return true;
  }

  // --- references and quotas ------------------------------------------------------------

  // A reference name: the rest of the head, no digits, not starting with a sign.
  // `quoted` tells whether the name was written in quotes (then taken verbatim, never mapped
  // from English: `within "gdp growth"` is the reference named `gdp growth`).
  bool rest_as_name(std::size_t from, std::size_t to, std::string& name, bool* quoted = nullptr) {
    while (from < to && s_[from] == ' ') ++from;
    while (to > from && s_[to - 1] == ' ') --to;
    if (from >= to) return false;
    const bool in_quotes = s_[from] == '"' && to - from >= 2 && s_[to - 1] == '"';
    if (in_quotes) {
      ++from;
      --to;
      if (from >= to) return false;
    }
    if (quoted) *quoted = in_quotes;
    while (from < to && s_[from] == ' ') ++from;  // blanks inside the quotes: not kept
    while (to > from && s_[to - 1] == ' ') --to;
    if (from >= to) return false;
    // a sign or point first would print as a number (`高于"\r+"` printed `高于+`; found by fuzzing)
    if (s_[from] == '-' || s_[from] == '+' || s_[from] == '.') return false;
    // an unclosed bracket would swallow the separator before a remark in the printed text
    int depth = 0;
    for (std::size_t i = from; i < to; ++i) {
      if (s_[i] == '(' || s_[i] == '[') ++depth;
      if ((s_[i] == ')' || s_[i] == ']') && depth > 0) --depth;
    }
    if (depth != 0) return false;
    // no digits (a number is not a name); a quote inside would end the quotes the English text
    // puts around the name; a separator would end the head of the printed text (name unquoted)
    for (std::size_t i = from; i < to; ++i)
      if (is_digit(s_[i]) || s_[i] == '"' || s_[i] == ',' || s_[i] == ';' || s_[i] == 0x3001 ||
          s_[i] == 0x3002)
        return false;
    // nor 同步: `与<name>同步` would end the name there (found by fuzzing)
    for (std::size_t i = from; i + 2 <= to; ++i)
      if (match_at(i, U"同步") == 2) return false;
    name = utf8(from, to);
    return true;
  }

  static std::string name_from_en(const std::string& name) {
    std::string low;
    for (const char c : name) low += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    for (const auto& k : known_references) {
      std::string en(k.en);
      for (auto& c : en) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if (low == en) return std::string(k.zh);
    }
    return name;
  }

  bool reference(phrase& p) {
    const std::size_t save = pos_;
    skip_ws();
    // 与全市目标基本同步, 和经济增长同步, 与市保持同步
    static const auto with = longest_first({U"与", U"和", U"同", U"跟"});
    if (lit_any(with) >= 0) {
      const std::size_t name_start = pos_;
      std::size_t sync = std::string::npos;
      for (std::size_t i = pos_; i + 2 <= end_; ++i) {
        if (match_at(i, U"同步") == 2) {
          sync = i;
          break;
        }
      }
      if (sync != std::string::npos) {
        std::size_t name_end = sync;
        bool roughly = false;
        static const std::vector<u32v> adverbs{U"基本", U"大体", U"总体", U"保持", U"大致"};
        for (bool again = true; again;) {
          again = false;
          // blanks between the adverbs and 同步 (`基本 同步`) do not keep an adverb in the name
          while (name_end > name_start && s_[name_end - 1] == ' ') --name_end;
          for (const auto a : adverbs) {
            if (name_end >= name_start + a.size() && match_at(name_end - a.size(), a) == a.size()) {
              if (a != U"保持") roughly = true;
              name_end -= a.size();
              again = true;
            }
          }
        }
        pos_ = sync + 2;
        static const auto tails = longest_first({U"增长", U"提高"});
        lit_any(tails);
        std::string name;
        if (rest_as_name(name_start, name_end, name)) {
          p.oper = roughly ? op::about : op::reach;
          p.reference = name;
          return true;
        }
      }
      pos_ = save;
    }
    skip_ws();
    // 高于国内生产总值增长, 不低于…, 低于…, 不高于…
    static const std::vector<cmp_word> ref_cmp = [] {
      std::vector<cmp_word> v{{U"高于", op::at_least, true},
                              {U"快于", op::at_least, true},
                              {U"超过", op::at_least, true},
                              {U"不低于", op::at_least, false},
                              {U"不慢于", op::at_least, false},
                              {U"低于", op::at_most, true},
                              {U"慢于", op::at_most, true},
                              {U"不高于", op::at_most, false},
                              {U"不超过", op::at_most, false},
                              {U"不快于", op::at_most, false},
                              {U"above", op::at_least, true},
                              {U"higher than", op::at_least, true},
                              {U"faster than", op::at_least, true},
                              {U"more than", op::at_least, true},
                              {U"not below", op::at_least, false},
                              {U"no less than", op::at_least, false},
                              {U"not less than", op::at_least, false},
                              {U"below", op::at_most, true},
                              {U"less than", op::at_most, true},
                              {U"not above", op::at_most, false},
                              {U"no more than", op::at_most, false},
                              {U"not more than", op::at_most, false},
                              {U"within", op::at_most, false}};
      std::stable_sort(v.begin(), v.end(), [](const cmp_word& a, const cmp_word& b) {
        return a.word.size() > b.word.size();
      });
      return v;
    }();
    for (const auto& c : ref_cmp) {
      if (pos_ >= end_ || c.word[0] != lower(s_[pos_])) continue;
      const auto n = match_at(pos_, c.word);
      if (n == 0) continue;
      std::string name;
      bool quoted = false;
      if (rest_as_name(pos_ + n, end_, name, &quoted)) {
        p.oper = c.oper;
        p.strict = c.strict;
        p.reference = is_alpha(c.word[0]) && !quoted ? name_from_en(name) : name;
        pos_ = end_;
        return true;
      }
      break;
    }
    // 完成市下达指标, 完成国家下达目标; meet the city quota
    static const auto fulfil = longest_first({U"确保完成", U"完成", U"达到", U"实现", U"落实"});
    if (lit_any(fulfil) >= 0) {
      std::string name;
      if (rest_as_name(pos_, end_, name) &&
          (detail::is_quota_name(name) ||
           (name.size() > 6 && name.substr(name.size() - 6) == "目标"))) {
        p.oper = op::reach;
        p.reference = name;
        pos_ = end_;
        return true;
      }
      pos_ = save;
      skip_ws();
    }
    static const auto fulfil_en =
        longest_first({U"meet", U"achieve", U"fulfil", U"fulfill", U"complete", U"in line with",
                       U"in step with", U"keep pace with", U"in sync with"});
    static const auto roughly_en =
        longest_first({U"roughly", U"broadly", U"basically", U"largely"});
    const bool roughly = lit_any(roughly_en) >= 0;
    if (lit_any(fulfil_en) >= 0) {
      std::string name;
      bool quoted = false;
      if (rest_as_name(pos_, end_, name, &quoted)) {
        p.oper = roughly ? op::about : op::reach;
        p.reference = quoted ? name : name_from_en(name);
        pos_ = end_;
        return true;
      }
    }
    pos_ = save;
    skip_ws();
    // 控制在市下达指标之内, 控制在省政府下达的范围之内
    static const auto cap = longest_first({U"控制在", U"控制于", U"控制"});
    if (lit_any(cap) >= 0) {
      static const auto closings = longest_first({U"之内", U"以内", U"以下", U"内"});
      for (const auto c : closings) {
        if (end_ >= pos_ + c.size() && match_at(end_ - c.size(), c) == c.size()) {
          std::string name;
          if (rest_as_name(pos_, end_ - c.size(), name)) {
            p.oper = op::at_most;
            p.reference = name;
            pos_ = end_;
            return true;
          }
          break;
        }
      }
    }
    expect("a reference (与全市目标基本同步, 完成市下达指标, 控制在…之内)");
    pos_ = save;
    return false;
  }

  // --- observations: judgments, comparable figures -------------------------------------

  bool judgment_words(phrase& p) {
    static const std::vector<std::pair<u32v, judgment>> words = [] {
      std::vector<std::pair<u32v, judgment>> v{{U"超额完成", judgment::exceeded},
                                               {U"基本完成", judgment::basically_met},
                                               {U"基本达标", judgment::basically_met},
                                               {U"基本实现", judgment::basically_met},
                                               {U"没有完成", judgment::not_met},
                                               {U"未完成", judgment::not_met},
                                               {U"未达标", judgment::not_met},
                                               {U"未实现", judgment::not_met},
                                               {U"已完成", judgment::met},
                                               {U"已达标", judgment::met},
                                               {U"已实现", judgment::met},
                                               {U"完成", judgment::met},
                                               {U"达标", judgment::met},
                                               {U"实现", judgment::met},
                                               {U"exceeded", judgment::exceeded},
                                               {U"basically met", judgment::basically_met},
                                               {U"not met", judgment::not_met},
                                               {U"not achieved", judgment::not_met},
                                               {U"met", judgment::met},
                                               {U"achieved", judgment::met}};
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.first.size() > b.first.size();
      });
      return v;
    }();
    skip_ws();
    for (const auto& [w, j] : words) {
      if (pos_ >= end_ || w[0] != lower(s_[pos_])) continue;
      const auto n = match_at(pos_, w);
      if (n != 0 && pos_ + n == end_) {
        pos_ += n;
        p.verdict = j;
        return true;
      }
    }
    return false;
  }

  bool comparable(phrase& p) {
    const std::size_t save = pos_;
    if (!lit(U"(")) return true;  // optional
    static const auto words = longest_first({U"按可比价格计算", U"按可比口径计算", U"按可比价",
                                             U"可比口径", U"可比价", U"可比", U"comparable"});
    if (lit_any(words) < 0) {
      expect("可比 (comparable figure)");
      pos_ = save;
      return false;
    }
    lit(U"为");
    lit(U":");
    // the comparable figure may be written as a change: (可比价增长7%), (可比下降2%)
    double sign = 1.0;
    if (lit(U"增长") || lit(U"上升") || lit(U"提高")) {
      sign = 1.0;
    } else if (lit(U"下降") || lit(U"降低") || lit(U"减少")) {
      sign = -1.0;
    }
    auto q = quantity_here();
    if (!q || !lit(U")")) {
      expect("')'");
      pos_ = save;
      return false;
    }
    p.comparable = sign * q->value;
    return true;
  }

  bool is_missing_text() const {
    const std::string t = head_text();
    if (t.empty()) return true;
    static const std::array<std::string_view, 9> words{"/", "n/a", "N/A", "na",  "NA",
                                                       "…", "...", "无",  "暂无"};
    for (const auto w : words)
      if (t == w) return true;
    return std::all_of(s_.begin() + static_cast<std::ptrdiff_t>(begin_),
                       s_.begin() + static_cast<std::ptrdiff_t>(end_),
                       [](char32_t c) { return c == '-' || c == ' '; });
  }

  // --- driver -------------------------------------------------------------------------

  template <class F>
  bool attempt(phrase& out, F f) {
    const std::size_t save = pos_;
    phrase p;
    if (f(p) && at_head_end()) {
      out = std::move(p);
      return true;
    }
    expect("the end of the text (or ',' before a remark)");
    pos_ = save;
    return false;
  }

  bool numeric_or_change(phrase& out) {
    return attempt(out, [&](phrase& p) { return double_digit(p); }) ||
           attempt(out, [&](phrase& p) { return change(p); }) ||
           attempt(out, [&](phrase& p) { return en_change(p); }) ||
           attempt(out, [&](phrase& p) { return level_phrase(p); });
  }

  std::size_t begin() const noexcept { return begin_; }

 private:
  std::string_view text_;
  errc syntax_code_;
  struct scratch {
    std::vector<char32_t> chars;
    std::vector<std::uint32_t> bytes;
  };
  static scratch& buffers() {
    thread_local scratch b;
    return b;
  }
  std::vector<char32_t>& s_;
  std::vector<std::uint32_t>& byte_;
  std::size_t begin_ = 0;
  std::size_t sep_ = 0;
  std::size_t end_ = 0;
  std::size_t pos_ = 0;
  std::size_t far_ = 0;
  std::vector<const char*> expected_;
};

rule to_rule(phrase&& p) {
  rule r;
  r.oper = p.oper;
  r.meas = p.meas;
  r.value = p.value;
  r.low = p.low;
  r.high = p.high;
  r.strict = p.strict;
  r.reference = std::move(p.reference);
  r.u = std::move(p.u);
  r.qual = std::move(p.qual);
  r.description = std::move(p.description);
  if (r.oper != op::at_least && r.oper != op::at_most) r.strict = false;
  if (r.oper != op::between) r.low = r.high = 0.0;
  if (r.oper == op::between || !r.is_comparison() || r.has_reference()) r.value = 0.0;
  if (r.has_reference()) r.low = r.high = 0.0;
  return r;
}

}  // namespace

bool rule::is_comparison() const noexcept {
  switch (oper) {
    case op::reach:
    case op::at_least:
    case op::at_most:
    case op::between:
    case op::about: return true;
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed: return false;
  }
  return false;
}

bool operator==(const rule& a, const rule& b) noexcept {
  return a.oper == b.oper && a.meas == b.meas && a.value == b.value && a.low == b.low &&
         a.high == b.high && a.strict == b.strict && a.reference == b.reference && a.u == b.u &&
         a.qual == b.qual && a.remark == b.remark && a.description == b.description;
}

namespace {
void check_text_length(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw parse_error(errc::limit_text_length, "a text of " + std::to_string(text.size()) +
                                                   " bytes, more than the limit of " +
                                                   std::to_string(max_bytes));
}
}  // namespace

rule parse_target(std::string_view text, const parse_options& options) {
  check_text_length(text, options.max_text_bytes);  // not kept as unparsed: a limit
  try {
    parser ps(text, errc::target_syntax);
    if (ps.blank()) {
      throw parse_error(errc::target_empty, "the target text is empty");
    }
    phrase p;
    const bool ok = ps.numeric_or_change(p) ||
                    ps.attempt(p, [&](phrase& q) { return ps.direction(q); }) ||
                    ps.attempt(p, [&](phrase& q) { return ps.reference(q); });
    rule r;
    if (ok) {
      r = to_rule(std::move(p));
    } else if (!ps.head_has_digit()) {
      r.oper = op::qualitative;
      r.description = ps.head_text();
    } else {
      ps.fail_syntax();
    }
    r.remark = ps.remark();
    // only separators and blanks (`,　`): nothing to print back
    if (r.oper == op::qualitative && r.description.empty() && r.remark.empty())
      throw parse_error(errc::target_empty, "the target text is empty");
    return r;
  } catch (const parse_error&) {
    if (!options.keep_unparsed) throw;
    rule r;
    r.oper = op::unparsed;
    r.description = std::string(detail::trim(text));
    return r;
  }
}

parsed_observation parse_observation(std::string_view text) {
  return parse_observation(text, parse_options{});
}

parsed_observation parse_observation(std::string_view text, const parse_options& options) {
  check_text_length(text, options.max_text_bytes);
  parser ps(text, errc::observation_syntax);
  parsed_observation o;
  o.remark = ps.remark();
  if (ps.is_missing_text()) return o;
  // 预计 (expected), 初步 (preliminary), 约 … : an estimate, recorded with the SDMX flag E
  static const auto estimate_words =
      longest_first({U"预计", U"初步核算", U"初步", U"estimated", U"est."});
  if (ps.lit_any(estimate_words) >= 0) o.approximate = true;
  phrase p;
  if (ps.attempt(p, [&](phrase& q) { return ps.judgment_words(q); })) {
    o.value = judgment_value{*p.verdict};
    return o;
  }
  auto with_comparable = [&](auto inner) {
    return [&, inner](phrase& q) { return inner(q) && ps.comparable(q); };
  };
  const bool ok = ps.attempt(p, with_comparable([&](phrase& q) { return ps.double_digit(q); })) ||
                  ps.attempt(p, with_comparable([&](phrase& q) { return ps.change(q); })) ||
                  ps.attempt(p, with_comparable([&](phrase& q) { return ps.en_change(q); })) ||
                  ps.attempt(p, with_comparable([&](phrase& q) { return ps.level_phrase(q); }));
  if (!ok) {
    ps.expect("a judgment (达标, 完成, 未完成, met, …)");
    ps.fail_syntax();
  }
  o.meas = p.meas;
  o.u = p.u;
  o.qual = p.qual;
  o.comparable = p.comparable;
  switch (p.oper) {
    case op::reach: o.value = point_value{p.value}; break;
    case op::about:
      o.value = point_value{p.value};
      o.approximate = true;
      break;
    case op::at_least: o.value = bound_value{p.value, true, p.strict}; break;
    case op::at_most: o.value = bound_value{p.value, false, p.strict}; break;
    case op::between: o.value = interval_value{p.low, p.high}; break;
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed:
      ps.fail_at(errc::observation_syntax, ps.begin(),
                 "an observation is a value, a bound, a range or a judgment, not a target");
  }
  return o;
}

std::string reference_name_en(const std::string& reference) {
  for (const auto& k : known_references)
    if (reference == k.zh) return std::string(k.en);
  return "\"" + reference + "\"";
}

}  // namespace planeval
