#include "planeval/core/unit.hpp"

#include <array>
#include <cmath>
#include <string>

#include "core/lexicon.hpp"
#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

struct unit_entry {
  std::string_view symbol;
  dimension dim;
  std::string_view base;
  int scale;
};

// The unit table. Symbols are matched whole first, so `千米` is a kilometre, not 1000 metres
// of something else; only then is a scale prefix (`万`, `亿`, …) split off.
constexpr std::array<unit_entry, 105> unit_table{{
    {"%", dimension::percent, "%", 0},
    {"‰", dimension::percent, "%", -1},
    {"percent", dimension::percent, "%", 0},
    {"per cent", dimension::percent, "%", 0},
    {"个百分点", dimension::percentage_point, "个百分点", 0},
    {"百分点", dimension::percentage_point, "个百分点", 0},
    {"pp", dimension::percentage_point, "个百分点", 0},
    {"percentage points", dimension::percentage_point, "个百分点", 0},
    {"percentage point", dimension::percentage_point, "个百分点", 0},
    {"平方米", dimension::area, "平方米", 0},
    {"㎡", dimension::area, "平方米", 0},
    {"m²", dimension::area, "平方米", 0},
    {"m2", dimension::area, "平方米", 0},
    {"平方公里", dimension::area, "平方米", 6},
    {"平方千米", dimension::area, "平方米", 6},
    {"km²", dimension::area, "平方米", 6},
    {"km2", dimension::area, "平方米", 6},
    {"公顷", dimension::area, "平方米", 4},
    {"ha", dimension::area, "平方米", 4},
    {"亩", dimension::area, "亩", 0},
    {"米", dimension::length, "米", 0},
    {"m", dimension::length, "米", 0},
    {"公里", dimension::length, "米", 3},
    {"千米", dimension::length, "米", 3},
    {"km", dimension::length, "米", 3},
    {"克", dimension::mass, "克", 0},
    {"微克", dimension::mass, "克", -6},
    {"毫克", dimension::mass, "克", -3},
    {"公斤", dimension::mass, "克", 3},
    {"千克", dimension::mass, "克", 3},
    {"kg", dimension::mass, "克", 3},
    {"吨", dimension::mass, "克", 6},
    {"t", dimension::mass, "克", 6},
    {"metric tons", dimension::mass, "克", 6},
    {"tonnes", dimension::mass, "克", 6},
    {"tons", dimension::mass, "克", 6},
    {"斤", dimension::mass, "斤", 0},
    {"元", dimension::money, "元", 0},
    {"yuan", dimension::money, "元", 0},
    {"CNY", dimension::money, "元", 0},
    {"美元", dimension::money, "美元", 0},
    {"USD", dimension::money, "美元", 0},
    {"US$", dimension::money, "美元", 0},
    {"千瓦时", dimension::energy, "千瓦时", 0},
    {"kWh", dimension::energy, "千瓦时", 0},
    {"度", dimension::energy, "千瓦时", 0},
    {"吨标准煤", dimension::energy, "吨标准煤", 0},
    {"吨标煤", dimension::energy, "吨标准煤", 0},
    {"千瓦", dimension::power, "千瓦", 0},
    {"kW", dimension::power, "千瓦", 0},
    {"立方米", dimension::volume, "立方米", 0},
    {"m³", dimension::volume, "立方米", 0},
    {"分贝", dimension::other, "分贝", 0},
    {"dB", dimension::other, "分贝", 0},
    {"岁", dimension::time, "年", 0},
    {"年", dimension::time, "年", 0},
    {"years", dimension::time, "年", 0},
    {"天", dimension::time, "天", 0},
    {"日", dimension::time, "天", 0},
    {"days", dimension::time, "天", 0},
    {"小时", dimension::time, "小时", 0},
    {"hours", dimension::time, "小时", 0},
    {"个", dimension::count, "个", 0},
    {"家", dimension::count, "家", 0},
    {"名", dimension::count, "名", 0},
    {"件", dimension::count, "件", 0},
    {"张", dimension::count, "张", 0},
    {"人", dimension::count, "人", 0},
    {"人次", dimension::count, "人次", 0},
    {"项", dimension::count, "项", 0},
    {"幢", dimension::count, "幢", 0},
    {"栋", dimension::count, "栋", 0},
    {"座", dimension::count, "座", 0},
    {"所", dimension::count, "所", 0},
    {"户", dimension::count, "户", 0},
    {"套", dimension::count, "套", 0},
    {"辆", dimension::count, "辆", 0},
    {"台", dimension::count, "台", 0},
    {"条", dimension::count, "条", 0},
    {"次", dimension::count, "次", 0},
    {"床", dimension::count, "床", 0},
    {"位", dimension::count, "位", 0},
    {"只", dimension::count, "只", 0},
    {"头", dimension::count, "头", 0},
    {"艘", dimension::count, "艘", 0},
    {"架", dimension::count, "架", 0},
    {"部", dimension::count, "部", 0},
    {"批", dimension::count, "批", 0},
    {"场", dimension::count, "场", 0},
    {"处", dimension::count, "处", 0},
    {"篇", dimension::count, "篇", 0},
    {"份", dimension::count, "份", 0},
    {"棵", dimension::count, "棵", 0},
    {"株", dimension::count, "株", 0},
    {"例", dimension::count, "例", 0},
    {"列", dimension::count, "列", 0},
    {"起", dimension::count, "起", 0},
    {"宗", dimension::count, "宗", 0},
    {"标箱", dimension::count, "标箱", 0},  // twenty-foot equivalent units of containers
    {"TEU", dimension::count, "标箱", 0},
    {"个点", dimension::count, "个", 0},
    {"persons", dimension::count, "人", 0},
    {"people", dimension::count, "人", 0},
    {"units", dimension::count, "个", 0},
    {"items", dimension::count, "项", 0},
}};

struct scale_prefix {
  std::string_view word;
  int power;
};
// Longest first.
constexpr std::array<scale_prefix, 10> prefixes{{{"万亿", 12},
                                                 {"千亿", 11},
                                                 {"百亿", 10},
                                                 {"十亿", 9},
                                                 {"千万", 7},
                                                 {"百万", 6},
                                                 {"十万", 5},
                                                 {"亿", 8},
                                                 {"万", 4},
                                                 {"千", 3}}};

const unit_entry* find_entry(std::string_view s) noexcept {
  for (const auto& e : unit_table)
    if (e.symbol == s) return &e;
  return nullptr;
}

[[noreturn]] void bad_unit(std::string_view symbol, std::string why) {
  location loc;
  loc.fragment = std::string(symbol);
  throw parse_error(errc::unit_unknown, "unit '" + std::string(symbol) + "': " + why, loc);
}

struct simple_unit {
  dimension dim;
  std::string base;
  int scale;
};

simple_unit parse_simple(std::string_view s, std::string_view whole) {
  if (s.empty()) bad_unit(whole, "empty part");
  if (const auto* e = find_entry(s)) return {e->dim, std::string(e->base), e->scale};
  for (const auto& p : prefixes) {
    if (s.substr(0, p.word.size()) == p.word) {
      const auto rest = s.substr(p.word.size());
      if (rest.empty()) return {dimension::none, "", p.power};
      if (const auto* e = find_entry(rest))
        return {e->dim, std::string(e->base), e->scale + p.power};
      return {dimension::other, std::string(rest), p.power};
    }
  }
  return {dimension::other, std::string(s), 0};
}

// English scale words and the Chinese scale prefixes they stand for.
constexpr std::pair<std::string_view, std::string_view> english_scales[] = {
    {"trillion", "万亿"}, {"billion", "十亿"}, {"million", "百万"}, {"thousand", "千"}};

// English units written after a scale word and the Chinese symbols the unit table knows them by.
constexpr std::pair<std::string_view, std::string_view> english_units[] = {
    {"yuan", "元"},  {"metric tons", "吨"}, {"tonnes", "吨"},
    {"tons", "吨"},  {"people", "人"},      {"persons", "人"},
    {"US$", "美元"}, {"USD", "美元"},       {"US dollars", "美元"}};

bool same_letters(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(a[k])) !=
        std::tolower(static_cast<unsigned char>(b[k])))
      return false;
  return true;
}

}  // namespace

unit unit::parse(std::string_view symbol) {
  const auto s = detail::trim(symbol);
  unit u;
  if (s.empty()) return u;
  if (detail::find_invalid_utf8(s) != std::string_view::npos) bad_unit(s, "not valid UTF-8");
  for (const char c : s) {
    if (c >= '0' && c <= '9') bad_unit(s, "a unit cannot contain digits");
    if (c == '\n' || c == '\r' || c == '\t')
      bad_unit(s, "a unit cannot contain control characters");
  }
  // an English scale word before a unit (a published English table's `Million metric tons`,
  // `Trillion kWh`, `Billion US$`): the Chinese scale prefix and unit, as the target language
  // reads `550 million metric tons` (百万吨), with the symbol as written
  if (const auto chinese = detail::chinese_with_english_scale(s); !chinese.empty()) {
    u = parse(chinese);
    u.symbol_ = std::string(s);
    return u;
  }
  u.symbol_ = std::string(s);
  const auto slash = s.find('/');
  if (slash != std::string_view::npos) {
    if (s.find('/', slash + 1) != std::string_view::npos) bad_unit(s, "more than one '/'");
    const auto num = parse_simple(detail::trim(s.substr(0, slash)), s);
    const auto den = parse_simple(detail::trim(s.substr(slash + 1)), s);
    u.dim_ = dimension::ratio;
    u.base_ = num.base + "/" + den.base;
    u.scale_ = num.scale - den.scale;
    return u;
  }
  const auto simple = parse_simple(s, s);
  u.dim_ = simple.dim;
  u.base_ = simple.base;
  u.scale_ = simple.scale;
  return u;
}

unit unit::percentage_point() { return parse("个百分点"); }
unit unit::percent() { return parse("%"); }

bool convertible(const unit& from, const unit& to) noexcept {
  if (from.empty() || to.empty()) return true;
  if (from.dim() == dimension::none || to.dim() == dimension::none) {
    // a pure scale word (`万`) takes the other side's base
    return true;
  }
  if (from.dim() != to.dim()) return false;
  if (from.dim() == dimension::count) return true;
  return from.base() == to.base();
}

double convert(double value, const unit& from, const unit& to) {
  if (!convertible(from, to)) {
    throw model_error(errc::unit_incompatible, "cannot express a value in '" + from.symbol() +
                                                   "' (" + to_string(from.dim()) + ") in '" +
                                                   to.symbol() + "' (" + to_string(to.dim()) + ")");
  }
  if (from.empty()) return value;
  const int diff = from.scale() - (to.empty() ? 0 : to.scale());
  if (diff == 0) return value;
  return value * std::pow(10.0, diff);
}

}  // namespace planeval

namespace planeval::detail {
const std::vector<std::string_view>& unit_symbols() {
  static const std::vector<std::string_view> symbols = [] {
    std::vector<std::string_view> v;
    for (const auto& e : unit_table) v.push_back(e.symbol);
    return v;
  }();
  return symbols;
}
const std::vector<std::string_view>& scale_prefixes() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> v;
    for (const auto& p : prefixes) v.push_back(p.word);
    return v;
  }();
  return words;
}
std::string chinese_with_english_scale(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return {};
  const std::string_view word = text.substr(0, space);
  const std::string_view rest = detail::trim(text.substr(space + 1));
  if (rest.empty()) return {};
  for (const auto& [english, chinese] : english_scales) {
    if (!same_letters(word, english)) continue;
    std::string out(chinese);
    for (const auto& [unit_en, unit_zh] : english_units)
      if (same_letters(rest, unit_en)) return out + std::string(unit_zh);
    return out + std::string(rest);
  }
  return {};
}

std::string english_with_english_scale(std::string_view chinese) {
  for (const auto& [english, prefix] : english_scales) {
    if (chinese.size() <= prefix.size() || chinese.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = chinese.substr(prefix.size());
    for (const auto& [unit_en, unit_zh] : english_units)
      if (rest == unit_zh) return std::string(english) + " " + std::string(unit_en);
    return {};
  }
  return {};
}

}  // namespace planeval::detail
