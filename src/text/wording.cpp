// Numbers, quantities with units, periods, dates and names as every output writes them.
#include "text/wording.hpp"

#include <array>
#include <cmath>

namespace planeval::text {
namespace {

// Scale words a written unit may start with, longest first.
struct scale_word {
  std::string_view word;
  int power;
};
constexpr std::array<scale_word, 3> scale_words{{{"万亿", 12}, {"亿", 8}, {"万", 4}}};

// The English name of every unscaled symbol of the unit table (src/core/unit.cpp). Count words
// get a neutral noun for what they count.
struct english_name {
  std::string_view symbol;
  std::string_view en;
};
constexpr std::array<english_name, 104> english_names{{
    {"%", "%"},
    {"‰", "‰"},
    {"percent", "%"},
    {"per cent", "%"},
    {"个百分点", "pp"},
    {"百分点", "pp"},
    {"pp", "pp"},
    {"percentage points", "pp"},
    {"percentage point", "pp"},
    {"平方米", "m²"},
    {"㎡", "m²"},
    {"m²", "m²"},
    {"m2", "m²"},
    {"平方公里", "km²"},
    {"平方千米", "km²"},
    {"km²", "km²"},
    {"km2", "km²"},
    {"公顷", "ha"},
    {"ha", "ha"},
    {"亩", "mu"},
    {"米", "m"},
    {"m", "m"},
    {"公里", "km"},
    {"千米", "km"},
    {"km", "km"},
    {"克", "g"},
    {"公斤", "kg"},
    {"千克", "kg"},
    {"kg", "kg"},
    {"吨", "t"},
    {"t", "t"},
    {"metric tons", "t"},
    {"tonnes", "t"},
    {"tons", "t"},
    {"微克", "µg"},
    {"毫克", "mg"},
    {"千瓦", "kW"},
    {"kW", "kW"},
    {"立方米", "m³"},
    {"m³", "m³"},
    {"分贝", "dB"},
    {"dB", "dB"},
    {"列", "trains"},
    {"斤", "jin"},
    {"元", "yuan"},
    {"yuan", "yuan"},
    {"CNY", "yuan"},
    {"美元", "USD"},
    {"USD", "USD"},
    {"千瓦时", "kWh"},
    {"kWh", "kWh"},
    {"度", "kWh"},
    {"吨标准煤", "tce"},
    {"吨标煤", "tce"},
    {"岁", "years"},
    {"年", "years"},
    {"years", "years"},
    {"天", "days"},
    {"日", "days"},
    {"days", "days"},
    {"小时", "hours"},
    {"hours", "hours"},
    {"个", "units"},
    {"家", "organisations"},
    {"名", "persons"},
    {"件", "items"},
    {"张", "sheets"},
    {"人", "persons"},
    {"人次", "person-times"},
    {"项", "items"},
    {"幢", "buildings"},
    {"栋", "buildings"},
    {"座", "facilities"},
    {"所", "institutions"},
    {"户", "households"},
    {"套", "sets"},
    {"辆", "vehicles"},
    {"台", "machines"},
    {"条", "items"},
    {"次", "times"},
    {"床", "beds"},
    {"位", "places"},
    {"只", "pieces"},
    {"头", "head"},
    {"艘", "vessels"},
    {"架", "aircraft"},
    {"部", "units"},
    {"批", "batches"},
    {"场", "events"},
    {"处", "sites"},
    {"篇", "articles"},
    {"份", "copies"},
    {"棵", "trees"},
    {"株", "plants"},
    {"例", "cases"},
    {"起", "incidents"},
    {"宗", "cases"},
    {"标箱", "TEU"},
    {"TEU", "TEU"},
    {"个点", "points"},
    {"persons", "persons"},
    {"people", "persons"},
    {"units", "units"},
    {"items", "items"},
}};

const std::string_view* name_of_symbol(std::string_view symbol) noexcept {
  for (const auto& e : english_names)
    if (e.symbol == symbol) return &e.en;
  return nullptr;
}

// Splits a scale word off the front: `万平方米` → (4, `平方米`).
int split_scale(std::string_view symbol, std::string_view& rest) noexcept {
  for (const auto& p : scale_words) {
    if (symbol.size() > p.word.size() && symbol.substr(0, p.word.size()) == p.word) {
      rest = symbol.substr(p.word.size());
      return p.power;
    }
  }
  rest = symbol;
  return 0;
}

// The English name of a unit word, a scale word first (`万平方米` → 4, `m²`); false when unknown.
bool english_word(std::string_view symbol, int& power, std::string& out) {
  if (const auto* n = name_of_symbol(symbol)) {
    power = 0;
    out = std::string(*n);
    return true;
  }
  std::string_view rest;
  power = split_scale(symbol, rest);
  if (power == 0) return false;
  const auto* n = name_of_symbol(rest);
  if (!n) return false;
  out = std::string(*n);
  return true;
}

std::string scale_phrase(int power) {
  switch (power) {
    case 4: return "10,000 ";
    case 8: return "100 million ";
    case 12: return "trillion ";
    default: return {};
  }
}

// English words for one side of a compound unit (`亿元` → `100 million yuan`), or false.
bool english_part(std::string_view part, std::string& out) {
  int power = 0;
  std::string name;
  if (!english_word(part, power, name)) return false;
  out = scale_phrase(power) + name;
  return true;
}

// English label of a compound unit `a/b`: `persons per 100 million yuan`, `items per 10,000
// persons`.
bool english_ratio(std::string_view symbol, std::string& out) {
  const auto slash = symbol.find('/');
  if (slash == std::string_view::npos) return false;
  std::string num_text;
  std::string den_text;
  if (!english_part(symbol.substr(0, slash), num_text)) return false;
  if (!english_part(symbol.substr(slash + 1), den_text)) return false;
  out = num_text + " per " + den_text;
  return true;
}

bool is_quantity(dimension d) noexcept {
  return d == dimension::count || d == dimension::area || d == dimension::money ||
         d == dimension::mass || d == dimension::length || d == dimension::energy ||
         d == dimension::power || d == dimension::volume;
}

// A number in English with million / billion from a million up, else grouped thousands.
std::string english_magnitude(double v) {
  const double a = std::fabs(v);
  if (a >= 1e9) return format_rounded(v / 1e9) + " billion";
  if (a >= 1e6) return format_rounded(v / 1e6) + " million";
  return format_value(v, language::en);
}

const char* points_word(language lang) noexcept { return tr(lang, "个百分点", " pp"); }

}  // namespace

std::string points_en(double v, int digits) {
  const std::string n = format_rounded(v, digits);
  return n + (n == "1" || n == "-1" ? " percentage point" : " percentage points");
}

const std::string& display_name(const std::string& zh, const std::string& en, const std::string& id,
                                language lang) noexcept {
  const std::string& first = lang == language::zh ? zh : en;
  if (!first.empty()) return first;
  const std::string& other = lang == language::zh ? en : zh;
  return other.empty() ? id : other;
}

double round_to(double v, int digits) noexcept {
  const double scale = std::pow(10.0, digits);
  const double r = std::round(v * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no "-0"
}

std::string format_rounded(double v, int digits) {
  if (!std::isfinite(v)) return format_number(v);
  return format_number(round_to(v, digits));
}

std::string format_value(double v) { return format_rounded(v, std::fabs(v) >= 1.0 ? 2 : 4); }

std::string format_value(double v, language lang) {
  const std::string s = format_value(v);
  return lang == language::en ? group_thousands(s) : s;
}

std::string group_thousands(std::string_view plain) {
  std::size_t start = 0;
  if (!plain.empty() && (plain[0] == '-' || plain[0] == '+')) start = 1;
  std::size_t end = plain.find('.', start);
  if (end == std::string_view::npos) end = plain.size();
  for (std::size_t k = start; k < end; ++k)
    if (plain[k] < '0' || plain[k] > '9') return std::string(plain);  // inf, nan, 1e+20
  std::string out(plain.substr(0, start));
  const std::size_t digits = end - start;
  for (std::size_t k = 0; k < digits; ++k) {
    if (k != 0 && (digits - k) % 3 == 0) out += ',';
    out += plain[start + k];
  }
  out += plain.substr(end);
  return out;
}

std::string format_quantity(double v, const unit& u, language lang) {
  if (u.empty()) return format_value(v, lang);
  if (u.dim() == dimension::percent && u.scale() == 0) return format_rounded(v) + "%";
  if (u.dim() == dimension::percentage_point) return format_rounded(v) + points_word(lang);
  const std::string& sym = u.symbol();
  if (lang == language::zh) {
    std::string_view rest;
    if (split_scale(sym, rest) == 0 && is_quantity(u.dim()) && sym.find('/') == std::string::npos) {
      if (std::fabs(v) >= 1e8) return format_rounded(v / 1e8) + "亿" + sym;
      if (std::fabs(v) >= 1e5) return format_rounded(v / 1e4) + "万" + sym;
    }
    return format_value(v, lang) + sym;
  }
  if (u.dim() == dimension::percent) return format_value(v, lang) + unit_name(u, lang);  // ‰
  std::string label;
  if (english_ratio(sym, label)) return format_value(v, lang) + " " + label;
  int power = 0;
  if (sym.find('/') == std::string::npos && english_word(sym, power, label))
    return english_magnitude(v * std::pow(10.0, power)) + " " + label;
  return format_value(v, lang) + " " + sym;
}

std::string unit_name(const unit& u, language lang) {
  if (u.empty()) return {};
  if (lang == language::zh) return u.symbol();
  if (u.dim() == dimension::percent && u.scale() == 0) return "%";
  if (u.dim() == dimension::percentage_point) return "pp";
  std::string label;
  if (english_ratio(u.symbol(), label)) return label;
  if (english_part(u.symbol(), label)) return label;
  return u.symbol();
}

std::string format_share(double share) { return format_rounded(share * 100.0) + "%"; }

std::string format_points(double points, language lang) {
  const double r = round_to(points, 2);
  return (r > 0 ? "+" : "") + format_rounded(r) + points_word(lang);
}

std::string format_gap(double gap, const unit& u, language lang) {
  if (u.dim() == dimension::percent || u.dim() == dimension::percentage_point)
    return format_points(gap, lang);
  const std::string rounded = format_value(gap);
  const bool plus = rounded != "0" && rounded[0] != '-';
  return (plus ? "+" : "") + format_quantity(gap, u, lang);
}

std::string period_text(const period& p, language lang) {
  const std::string first = std::to_string(p.first_year());
  if (lang == language::en) {
    if (p.kind() == period_kind::span) return first + "–" + std::to_string(p.last_year());
    return p.to_string();
  }
  switch (p.kind()) {
    case period_kind::year: return first + "年";
    case period_kind::quarter: return first + "年第" + std::to_string(p.sub()) + "季度";
    case period_kind::month: return first + "年" + std::to_string(p.sub()) + "月";
    case period_kind::span: return first + "—" + std::to_string(p.last_year()) + "年";
  }
  return p.to_string();
}

const char* month_abbreviation(int month) noexcept {
  static const char* const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[((month - 1) % 12 + 12) % 12];
}

std::string date_text(const date& d, language lang) {
  if (lang == language::en) return to_string(d);
  return std::to_string(static_cast<int>(d.year())) + "年" +
         std::to_string(static_cast<int>(d.month())) + "月" +
         std::to_string(static_cast<int>(d.day())) + "日";
}

}  // namespace planeval::text
