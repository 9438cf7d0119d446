// The scanner: decoding and folding, the head and the remark, numbers, units and quantities.
#include "core/parse/scanner.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include "detail/utf8.hpp"

namespace planeval::detail {
namespace {

// Traditional characters of the words the language reads (增長, 萬噸, 與, 市定目標內), folded to
// their simplified forms so that tables in traditional script read alike; sorted by code point.
struct fold_pair {
  char32_t traditional;
  char32_t simplified;
};
constexpr fold_pair traditional_forms[] = {{0x500B, 0x4E2A} /* 個 个 */,
                                           {0x50F9, 0x4EF7} /* 價 价 */,
                                           {0x5104, 0x4EBF} /* 億 亿 */,
                                           {0x512A, 0x4F18} /* 優 优 */,
                                           {0x5167, 0x5185} /* 內 内 */,
                                           {0x5169, 0x4E24} /* 兩 两 */,
                                           {0x52D9, 0x52A1} /* 務 务 */,
                                           {0x5340, 0x533A} /* 區 区 */,
                                           {0x55AE, 0x5355} /* 單 单 */,
                                           {0x5678, 0x5428} /* 噸 吨 */,
                                           {0x570B, 0x56FD} /* 國 国 */,
                                           {0x5834, 0x573A} /* 場 场 */,
                                           {0x58D3, 0x538B} /* 壓 压 */,
                                           {0x5BE6, 0x5B9E} /* 實 实 */,
                                           {0x5C07, 0x5C06} /* 將 将 */,
                                           {0x5C0D, 0x5BF9} /* 對 对 */,
                                           {0x5C64, 0x5C42} /* 層 层 */,
                                           {0x5E7E, 0x51E0} /* 幾 几 */,
                                           {0x5EE3, 0x5E7F} /* 廣 广 */,
                                           {0x5F35, 0x5F20} /* 張 张 */,
                                           {0x5F37, 0x5F3A} /* 強 强 */,
                                           {0x6236, 0x6237} /* 戶 户 */,
                                           {0x64DA, 0x636E} /* 據 据 */,
                                           {0x64F4, 0x6269} /* 擴 扩 */,
                                           {0x6578, 0x6570} /* 數 数 */,
                                           {0x65BC, 0x4E8E} /* 於 于 */,
                                           {0x689D, 0x6761} /* 條 条 */,
                                           {0x696D, 0x4E1A} /* 業 业 */,
                                           {0x6A19, 0x6807} /* 標 标 */,
                                           {0x6B0A, 0x6743} /* 權 权 */,
                                           {0x6B72, 0x5C81} /* 歲 岁 */,
                                           {0x6B77, 0x5386} /* 歷 历 */,
                                           {0x6B78, 0x5F52} /* 歸 归 */,
                                           {0x6C23, 0x6C14} /* 氣 气 */,
                                           {0x6DE8, 0x51C0} /* 淨 净 */,
                                           {0x6E1B, 0x51CF} /* 減 减 */,
                                           {0x6E96, 0x51C6} /* 準 准 */,
                                           {0x6F54, 0x6D01} /* 潔 洁 */,
                                           {0x6FDF, 0x6D4E} /* 濟 济 */,
                                           {0x70BA, 0x4E3A} /* 為 为 */,
                                           {0x71DF, 0x8425} /* 營 营 */,
                                           {0x73FE, 0x73B0} /* 現 现 */,
                                           {0x74B0, 0x73AF} /* 環 环 */,
                                           {0x7522, 0x4EA7} /* 產 产 */,
                                           {0x755D, 0x4EA9} /* 畝 亩 */,
                                           {0x7576, 0x5F53} /* 當 当 */,
                                           {0x767C, 0x53D1} /* 發 发 */,
                                           {0x78BA, 0x786E} /* 確 确 */,
                                           {0x7A05, 0x7A0E} /* 稅 税 */,
                                           {0x7A4D, 0x79EF} /* 積 积 */,
                                           {0x7A69, 0x7A33} /* 穩 稳 */,
                                           {0x7BC0, 0x8282} /* 節 节 */,
                                           {0x7D04, 0x7EA6} /* 約 约 */,
                                           {0x7D1A, 0x7EA7} /* 級 级 */,
                                           {0x7D93, 0x7ECF} /* 經 经 */,
                                           {0x7DA0, 0x7EFF} /* 綠 绿 */,
                                           {0x7DDA, 0x7EBF} /* 線 线 */,
                                           {0x7E23, 0x53BF} /* 縣 县 */,
                                           {0x7E2E, 0x7F29} /* 縮 缩 */,
                                           {0x7E3D, 0x603B} /* 總 总 */,
                                           {0x7E8C, 0x7EED} /* 續 续 */,
                                           {0x81FA, 0x53F0} /* 臺 台 */,
                                           {0x8207, 0x4E0E} /* 與 与 */,
                                           {0x820A, 0x65E7} /* 舊 旧 */,
                                           {0x842C, 0x4E07} /* 萬 万 */,
                                           {0x84CB, 0x76D6} /* 蓋 盖 */,
                                           {0x8655, 0x5904} /* 處 处 */,
                                           {0x885B, 0x536B} /* 衛 卫 */,
                                           {0x88DD, 0x88C5} /* 裝 装 */,
                                           {0x8A08, 0x8BA1} /* 計 计 */,
                                           {0x8ABF, 0x8C03} /* 調 调 */,
                                           {0x8CBB, 0x8D39} /* 費 费 */,
                                           {0x8CBF, 0x8D38} /* 貿 贸 */,
                                           {0x8CEA, 0x8D28} /* 質 质 */,
                                           {0x8ECA, 0x8F66} /* 車 车 */,
                                           {0x8F03, 0x8F83} /* 較 较 */,
                                           {0x8F1B, 0x8F86} /* 輛 辆 */,
                                           {0x9032, 0x8FDB} /* 進 进 */,
                                           {0x9054, 0x8FBE} /* 達 达 */,
                                           {0x92B7, 0x9500} /* 銷 销 */,
                                           {0x9322, 0x94B1} /* 錢 钱 */,
                                           {0x9577, 0x957F} /* 長 长 */,
                                           {0x9580, 0x95E8} /* 門 门 */,
                                           {0x95DC, 0x5173} /* 關 关 */,
                                           {0x968E, 0x9636} /* 階 阶 */,
                                           {0x96D9, 0x53CC} /* 雙 双 */,
                                           {0x9805, 0x9879} /* 項 项 */,
                                           {0x9810, 0x9884} /* 預 预 */,
                                           {0x984D, 0x989D} /* 額 额 */,
                                           {0x9918, 0x4F59} /* 餘 余 */,
                                           {0x9EDE, 0x70B9} /* 點 点 */};

char32_t simplified_form(char32_t c) noexcept {
  const auto* end = std::end(traditional_forms);
  const auto* at =
      std::lower_bound(std::begin(traditional_forms), end, c,
                       [](const fold_pair& p, char32_t x) { return p.traditional < x; });
  return at != end && at->traditional == c ? at->simplified : c;
}

char32_t fold(char32_t c) noexcept {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  if (c >= 0x4E00 && c <= 0x9FFF) return simplified_form(c);
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

// The unit symbols and scale prefixes of the unit table, longest first, built once.
struct unit_index {
  std::vector<std::u32string> units;
  std::vector<std::u32string> prefixes;
};

const unit_index& units() {
  static const unit_index index = [] {
    unit_index x;
    for (auto s : unit_symbols()) x.units.push_back(to_u32(s));
    for (auto s : scale_prefixes()) x.prefixes.push_back(to_u32(s));
    auto by_len = [](const std::u32string& a, const std::u32string& b) {
      return a.size() > b.size();
    };
    std::stable_sort(x.units.begin(), x.units.end(), by_len);
    std::stable_sort(x.prefixes.begin(), x.prefixes.end(), by_len);
    return x;
  }();
  return index;
}

struct scratch {
  std::vector<char32_t> chars;
  std::vector<std::uint32_t> bytes;
};
scratch& buffers() {
  thread_local scratch b;
  return b;
}

}  // namespace

scanner::scanner(std::string_view text, const text_codes& codes)
    : text_(text), codes_(codes), s_(buffers().chars), byte_(buffers().bytes) {
  s_.clear();
  byte_.clear();
  const auto bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    location loc;
    loc.column = column_of_byte(text, bad);
    throw parse_error(codes.encoding, "invalid UTF-8 at byte offset " + std::to_string(bad), loc);
  }
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < text.size()) {
    const auto n = decode_utf8(text, i, cp);
    s_.push_back(fold(cp));
    byte_.push_back(static_cast<std::uint32_t>(i));
    i += n;
  }
  byte_.push_back(static_cast<std::uint32_t>(text.size()));
  find_head();
}

// --- the head and the remark -----------------------------------------------------------------

void scanner::find_head() {
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
  // a closing bracket after the head is a remark (增长8%(依据区人代会目标设置),
  // 增长10%以上(可比价)), unless it holds a comparable figure (10.9(可比7.0)) read with the value
  if (sep_ == s_.size()) {
    std::size_t last = s_.size();
    while (last > begin_ && s_[last - 1] == ' ') --last;
    if (last > begin_ + 1 && s_[last - 1] == ')') {
      int d = 0;
      std::size_t open = last;
      for (std::size_t k = last; k-- > begin_;) {
        if (s_[k] == ')') ++d;
        if (s_[k] == '(' && --d == 0) {
          open = k;
          break;
        }
      }
      std::size_t inner = open + 1;
      while (inner < last && s_[inner] == ' ') ++inner;
      // a comparable figure: a comparable word (可比, comparable) and a number inside
      end_ = last;
      bool comparable = phrase_at(inner, phrase_role::comparable_word).entry != nullptr;
      bool digit = false;
      for (std::size_t k = inner; k < last; ++k) digit = digit || is_digit(s_[k]);
      comparable = comparable && digit;
      // only outside quotes (the separator scan above ends with `quoted` for an unclosed one),
      // after a head whose brackets are closed as that scan counts them (so that the printed
      // `head,remark` finds its separator again), and after a number (增长8%(…)): a text
      // without digits keeps its brackets whole
      bool head_digit = false;
      int head_depth = 0;
      std::size_t quotes_before = 0;
      for (std::size_t k = begin_; k < open && open < last; ++k) {
        head_digit = head_digit || is_digit(s_[k]);
        quotes_before += s_[k] == '"';
        if (s_[k] == '(' || s_[k] == '[') ++head_depth;
        if ((s_[k] == ')' || s_[k] == ']') && head_depth > 0) --head_depth;
      }
      if (open < last && open > begin_ && !comparable && !all_space(open + 1, last - 1) &&
          !quoted && quotes_before % 2 == 0 && head_depth == 0 && head_digit) {
        sep_ = open;
        bracket_remark_ = true;
      }
    }
  }
  end_ = sep_;
  while (end_ > begin_ && s_[end_ - 1] == ' ') --end_;
  pos_ = begin_;
}

bool scanner::thousands_group_at(std::size_t comma) const noexcept {
  for (std::size_t k = 1; k <= 3; ++k)
    if (comma + k >= s_.size() || !is_digit(s_[comma + k])) return false;
  return comma + 4 >= s_.size() || !is_digit(s_[comma + 4]);
}

std::string scanner::remark() const {
  if (sep_ >= s_.size()) return {};
  const auto from = byte_[sep_ + 1];
  if (bracket_remark_) {
    // the text inside the closing bracket, without the brackets
    std::size_t close = s_.size();
    while (close > sep_ && s_[close - 1] != ')') --close;
    return std::string(trim(text_.substr(from, byte_[close - 1] - from)));
  }
  return std::string(trim(text_.substr(from)));
}

std::string scanner::head_text() const {
  return std::string(trim(text_.substr(byte_[begin_], byte_[end_] - byte_[begin_])));
}

bool scanner::head_has_digit() const noexcept { return has_digit_from(begin_); }

std::string scanner::text_from(std::size_t from) const {
  return std::string(trim(text_.substr(byte_[from], byte_[end_] - byte_[from])));
}

bool scanner::has_digit_from(std::size_t from) const noexcept {
  static constexpr std::u32string_view numerals = U"〇零一二三四五六七八九十百千两半";
  static constexpr std::u32string_view measures = U"成倍个%％万亿千百";
  for (std::size_t i = from; i < end_; ++i) {
    if (is_digit(s_[i])) return true;
    if (numerals.find(s_[i]) != u32v::npos && i + 1 < end_ &&
        measures.find(s_[i + 1]) != u32v::npos)
      return true;
  }
  return false;
}

bool scanner::head_is_all(char32_t c) const noexcept {
  return std::all_of(s_.begin() + static_cast<std::ptrdiff_t>(begin_),
                     s_.begin() + static_cast<std::ptrdiff_t>(end_),
                     [c](char32_t x) { return x == c || x == ' '; });
}

// --- errors ----------------------------------------------------------------------------------

void scanner::expect(const char* what) {
  skip_ws();
  if (pos_ > far_ || expected_.empty()) {
    if (pos_ > far_) expected_.clear();
    far_ = std::max(far_, pos_);
  }
  if (pos_ == far_ && std::find(expected_.begin(), expected_.end(), what) == expected_.end())
    expected_.push_back(what);
}

void scanner::fail_at(errc code, std::size_t at, const std::string& message) const {
  location loc;
  loc.column = at + 1;
  loc.fragment = at < s_.size() ? std::string(text_.substr(byte_[at])) : std::string();
  std::string msg = message;
  msg += at < s_.size() ? " at '" + loc.fragment + "'" : " at the end of the text";
  msg += " (in '" + std::string(text_) + "')";
  throw parse_error(code, msg, loc);
}

void scanner::fail_syntax() const {
  std::string msg = "expected ";
  for (std::size_t k = 0; k < expected_.size(); ++k) {
    if (k != 0) msg += k + 1 == expected_.size() ? " or " : ", ";
    msg += expected_[k];
  }
  if (expected_.empty()) msg = "unexpected text";
  // right after a number, a word that is no unit of the table: name it (30微克/立方米 read
  // "expected a unit" before that unit was in the table; 30furlongs)
  const bool after_number = far_ > begin_ && far_ < end_ && is_digit(s_[far_ - 1]);
  const bool multiplier = far_ < end_ && (s_[far_] == U'倍' || s_[far_] == U'成');
  if (after_number && !multiplier &&
      (is_alpha(s_[far_]) || (s_[far_] >= 0x4E00 && s_[far_] <= 0x9FFF))) {
    std::size_t to = far_;
    while (to < end_ && phrase_at(to, phrase_role::comparison_after).entry == nullptr &&
           (is_alpha(s_[to]) || (s_[to] >= 0x4E00 && s_[to] <= 0x9FFF) || s_[to] == '/'))
      ++to;
    // a word of its own up to the end or a comparison (`8x%` stays a syntax error)
    const bool cjk = s_[far_] >= 0x4E00;
    const bool whole = to == end_ || phrase_at(to, phrase_role::comparison_after).entry != nullptr;
    if (whole && (cjk || to - far_ >= 2))
      fail_at(codes_.unit, far_,
              "unknown unit '" + utf8(far_, to) +
                  "': the units the language knows are listed in docs/target-language.md (Units "
                  "and scale); write the number alone and give the unit in the unit column, or ask "
                  "for the unit to be added");
  }
  fail_at(codes_.syntax, far_, msg);
}

std::string scanner::utf8(std::size_t a, std::size_t b) const {
  std::string out;
  for (std::size_t i = a; i < b; ++i) append_utf8(out, s_[i]);
  return out;
}

// --- numbers and units -----------------------------------------------------------------------

std::optional<double> scanner::number(bool allow_sign) {
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
  // scientific notation, as spreadsheets and pandas write small numbers: `2e-05`, `1.5E3`
  if (q + 1 < end_ && (s_[q] == 'e' || s_[q] == 'E')) {
    std::size_t e = q + 1;
    std::string exponent = "e";
    if (e < end_ && (s_[e] == '-' || s_[e] == '+')) exponent += static_cast<char>(s_[e++]);
    const std::size_t digits_from = e;
    while (e < end_ && is_digit(s_[e]) && e - digits_from < 3)
      exponent += static_cast<char>(s_[e++]);
    if (e > digits_from && !(e < end_ && (is_digit(s_[e]) || is_alpha(s_[e])))) {
      buf += exponent;
      q = e;
    }
  }
  if (buf.size() > 40) fail_at(codes_.number, p, "number has too many digits");
  double v = 0.0;
  const auto res = std::from_chars(buf.data(), buf.data() + buf.size(), v);
  // Numbers in texts are 0 or 1e-15 <= |x| < 1e15: their shortest plain form (what
  // `canonical` prints) then has at most 35 characters and reads back equal.
  if (res.ec != std::errc() || !std::isfinite(v) || v >= 1e15 || (v != 0 && v < 1e-15))
    fail_at(codes_.number, p, "number out of range (0, or 1e-15 to 1e15 in size)");
  pos_ = q;
  return negative ? -v : v;
}

// Longest unit of the unit table (with an optional scale prefix) at `at`.
std::size_t scanner::unit_length_at(std::size_t at) const {
  const auto& index = units();
  std::size_t best = 0;
  // English unit words (yuan, tonnes, people) in any case: `4.4 trillion Yuan`
  const auto same = [](char32_t a, char32_t b) {
    return a == b || (is_alpha(a) && lower(a) == lower(b));
  };
  auto try_units = [&](std::size_t from, std::size_t prefix_len) {
    if (from >= end_) return;
    const char32_t c0 = s_[from];
    for (const auto& u : index.units) {
      const bool word = u.size() >= 3 && is_alpha(u[0]);
      if ((word ? !same(u[0], c0) : u[0] != c0) || from + u.size() > end_) continue;
      const auto at = s_.begin() + static_cast<std::ptrdiff_t>(from);
      if (word ? !std::equal(u.begin(), u.end(), at, same) : !std::equal(u.begin(), u.end(), at))
        continue;
      const std::size_t after = from + u.size();
      if (is_alpha(u.back()) && after < end_ && is_alpha(s_[after])) continue;
      best = std::max(best, prefix_len + u.size());
      break;  // longest first: the first match is the longest at this start
    }
  };
  try_units(at, 0);
  for (const auto& p : index.prefixes) {
    if (at >= end_ || p[0] != s_[at] || at + p.size() > end_) continue;
    if (!std::equal(p.begin(), p.end(), s_.begin() + static_cast<std::ptrdiff_t>(at))) continue;
    best = std::max(best, p.size());
    try_units(at + p.size(), p.size());
  }
  return best;
}

// A unit (and `/` and a second one for ratios) at the position.
std::optional<unit> scanner::unit_word() {
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
    if (den == 0) fail_at(codes_.unit, stop + 1, "expected a unit after '/'");
    stop += 1 + den;
  }
  pos_ = stop;
  const std::string written = utf8(start, stop);
  unit u = unit::parse(written);
  if (u.dim() == dimension::other) {
    // an English unit word written in capitals (Yuan, Tonnes): the table's spelling
    std::string lowered = written;
    for (char& c : lowered)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (lowered != written) {
      unit v = unit::parse(lowered);
      if (v.dim() != dimension::other) u = v;
    }
  }
  if (u.dim() == dimension::percent && u.scale() == 0) return unit::percent();
  if (u.dim() == dimension::percentage_point) return unit::percentage_point();
  return u;
}

std::optional<quantity> scanner::quantity_here() {
  skip_ws();
  quantity q;
  q.start = pos_;
  bool in_words = false;
  bool percent_first = false;  // 百分之五
  std::optional<double> v;
  // CNY13.57 trillion, US$665 billion: the currency, then the number and an English scale
  const phrase* currency = nullptr;
  if (const auto m = phrase_at(pos_, phrase_role::currency_before, phrase_language::en);
      m.entry != nullptr) {
    std::size_t after = pos_ + m.length;
    while (after < end_ && s_[after] == ' ') ++after;
    if (after < end_ && is_digit(s_[after])) {
      currency = m.entry;
      pos_ = after;
    }
  }
  if (currency == nullptr && pos_ < end_ && !is_digit(s_[pos_]) && s_[pos_] != '-' &&
      s_[pos_] != '+') {
    v = number_in_words(&percent_first);
    in_words = v.has_value();
  }
  if (!v) v = number(true);
  if (!v) return std::nullopt;
  q.value = *v;
  if (percent_first) {
    q.unit = unit::percent();
    return q;
  }
  // a ratio to one (城乡居民收入比缩小到2.2:1以内): the number is the ratio
  if (pos_ + 1 < end_ && (s_[pos_] == ':' || s_[pos_] == 0x2236) && s_[pos_ + 1] == '1' &&
      !(pos_ + 2 < end_ && (is_digit(s_[pos_ + 2]) || s_[pos_ + 2] == '.' || s_[pos_ + 2] == ':' ||
                            s_[pos_ + 2] == 0x2236))) {
    pos_ += 2;
    return q;
  }
  std::string scale;       // the Chinese prefix
  std::string scale_word;  // as the lexicon spells it (`million`)
  const std::size_t before_scale = pos_;
  if (const phrase* w = lit_any(phrase_role::scale_word)) {
    scale = std::string(w->means);
    scale_word = std::string(w->text);
  } else {
    pos_ = before_scale;
  }
  if (currency != nullptr) {
    q.unit = unit::parse(scale + std::string(currency->means));
    return q;
  }
  if (const auto m = phrase_at(pos_, phrase_role::more_than_mark); m.entry != nullptr) {
    q.more = true;
    pos_ += m.length;
  }
  const std::size_t before_unit = pos_;
  if (auto u = unit_word()) {
    // a Chinese numeral is a figure with a multiplier or decimals (二十个, 三点五), before a
    // scale (九万元, 千亿千瓦时) or in percent or points (两个百分点); a bare 一 or 三 before
    // another unit (一批, 三所) stays a word
    if (in_words && scale.empty() && s_[q.start] >= 0x4E00 && !words_figure_ &&
        s_[before_unit] != U'万' && s_[before_unit] != U'亿' && u->dim() != dimension::percent &&
        u->dim() != dimension::percentage_point) {
      pos_ = q.start;
      expect("a number");
      return std::nullopt;
    }
    // an English scale before an English unit reads as the Chinese one (12 million tonnes is
    // 12 百万吨, 4.4 trillion yuan 4.4 万亿元)
    q.unit = scale.empty()
                 ? *u
                 : unit::parse(detail::chinese_with_english_scale(scale_word + " " + u->symbol()));
  } else {
    if (in_words && scale.empty()) {  // four, 三: a word, not a figure
      pos_ = q.start;
      expect("a number");
      return std::nullopt;
    }
    if (!scale.empty()) q.unit = unit::parse(scale);
    expect("a unit");
  }
  return q;
}

// A number written in words where a figure is expected: 百分之五 (then *percent_first), an
// English number word (four percent), a Chinese numeral (九万元, 千亿元, 三点五) or a scale
// alone (超亿元: 1 亿元). The unit after it is the caller's to read.
std::optional<double> scanner::number_in_words(bool* percent_first) {
  const std::size_t save = pos_;
  words_figure_ = false;
  if (lit_any(phrase_role::percent_before, phrase_language::zh) != nullptr) {
    double v = 0.0;
    bool figure = false;
    const std::size_t n = chinese_numeral_at(pos_, &v, &figure);
    if (n != 0) {
      pos_ += n;
      *percent_first = true;
      return v;
    }
    if (pos_ < end_ && is_digit(s_[pos_])) {
      const auto d = number(false);
      *percent_first = d.has_value();
      return d;
    }
    pos_ = save;
    return std::nullopt;
  }
  if (const phrase* w = lit_any(phrase_role::number_word, phrase_language::en)) return w->number;
  double v = 0.0;
  if (const std::size_t n = chinese_numeral_at(pos_, &v, &words_figure_); n != 0) {
    pos_ += n;
    return v;
  }
  if ((s_[pos_] == U'万' || s_[pos_] == U'亿') && unit_length_at(pos_) > 1) {
    words_figure_ = true;  // the scale is the number's only word
    return 1.0;
  }
  return std::nullopt;
}

// The length of a Chinese numeral at `at` (一千二百, 十五, 两, 三点五, 千) and its value; 0
// when none. 万 and 亿 are not read: they are the scale of the unit after the number.
std::size_t scanner::chinese_numeral_at(std::size_t at, double* value,
                                        bool* figure) const noexcept {
  constexpr std::size_t longest = 12;
  double section = 0.0;
  int digit = -1;
  bool multiplied = false;
  std::size_t i = at;
  while (i < end_ && i - at < longest) {
    const char32_t c = s_[i];
    const int d = c == U'〇' || c == U'零' ? 0 : small_numeral(c);
    if (d > 0 && c < 0x80) break;  // ASCII digits are number()'s
    if (d > 0 || c == U'〇' || c == U'零') {
      digit = d;
      ++i;
      continue;
    }
    const double mult = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
    if (mult == 0) break;
    // 百分之 is a percent, not a hundred
    if (c == U'百' && i + 2 < end_ && s_[i + 1] == U'分' && s_[i + 2] == U'之') break;
    section += (digit < 0 ? 1 : digit) * mult;
    digit = -1;
    multiplied = true;
    ++i;
  }
  if (i == at) return 0;
  double v = section + (digit < 0 ? 0 : digit);
  // 三点五: decimals after 点
  if (i + 1 < end_ && s_[i] == U'点' && !multiplied) {
    double place = 0.1;
    std::size_t k = i + 1;
    for (; k < end_ && k - i <= 6; ++k) {
      const char32_t c = s_[k];
      const int d = c == U'〇' || c == U'零' ? 0 : small_numeral(c);
      if ((d == 0 && c != U'〇' && c != U'零') || c < 0x80) break;
      v += d * place;
      place /= 10;
    }
    if (k > i + 1) {
      i = k;
      multiplied = true;
    }
  }
  *value = v;
  *figure = multiplied;
  return i - at;
}

int scanner::small_numeral(char32_t c) noexcept {
  if (c >= '1' && c <= '9') return static_cast<int>(c - '0');
  static constexpr char32_t numerals[] = U"一二三四五六七八九";
  for (int k = 0; k < 9; ++k)
    if (numerals[k] == c) return k + 1;
  if (c == U'两') return 2;
  return 0;
}

}  // namespace planeval::detail
