// Numbers and units as the reports print them, per language.
#include "io/report_text.hpp"

#include <array>
#include <cmath>
#include <cstdlib>

#include "analytics/text.hpp"

namespace planeval::detail {
namespace {

// Scale words a written unit may start with, longest first.
struct prefix {
  std::string_view word;
  int power;
};
constexpr std::array<prefix, 3> scale_words{{{"万亿", 12}, {"亿", 8}, {"万", 4}}};

// English names of the unit words the reports meet. Count words that only say what is counted
// (个, 家, 项 …) have no English name: the number stands alone.
struct en_name {
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<en_name, 24> en_names{{
    {"平方米", "m²"},  {"㎡", "m²"},        {"平方公里", "km²"}, {"平方千米", "km²"},
    {"公顷", "ha"},    {"亩", "mu"},        {"米", "m"},         {"公里", "km"},
    {"千米", "km"},    {"克", "g"},         {"公斤", "kg"},      {"千克", "kg"},
    {"吨", "t"},       {"斤", "jin"},       {"元", "yuan"},      {"美元", "USD"},
    {"千瓦时", "kWh"}, {"吨标准煤", "tce"}, {"年", "years"},     {"岁", "years"},
    {"天", "days"},    {"小时", "hours"},   {"人", "persons"},   {"人次", "person-times"},
}};

// The English name of an unscaled unit word; nullopt-like empty `found` when unknown.
bool english_name(std::string_view symbol, std::string& out) {
  for (const auto& e : en_names) {
    if (e.zh == symbol) {
      out = std::string(e.en);
      return true;
    }
  }
  try {
    const unit u = unit::parse(symbol);
    if (u.dim() == dimension::count) {  // 个, 家, 项 …: the number stands alone
      out.clear();
      return true;
    }
    if (u.dim() == dimension::area || u.dim() == dimension::length || u.dim() == dimension::mass ||
        u.dim() == dimension::money) {
      // an English symbol written in the table (`m²`, `km`, `USD`) is its own name
      bool ascii = !symbol.empty();
      for (const char c : symbol) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (ascii) {
        out = std::string(symbol);
        return true;
      }
    }
  } catch (...) {  // not a unit word: no English name
  }
  return false;
}

// Splits a scale word off the front: `万平方米` → (4, `平方米`).
int split_scale(std::string_view symbol, std::string_view& rest) {
  for (const auto& p : scale_words) {
    if (symbol.size() > p.word.size() && symbol.substr(0, p.word.size()) == p.word) {
      rest = symbol.substr(p.word.size());
      return p.power;
    }
  }
  rest = symbol;
  return 0;
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
  std::string_view rest;
  const int power = split_scale(part, rest);
  std::string name;
  if (!english_name(rest, name)) return false;
  out = scale_phrase(power) + name;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return true;
}

// English label of a compound unit `a/b`: `persons per 100 million yuan`, `per 10,000 persons`.
bool english_ratio(std::string_view symbol, std::string& out) {
  const auto slash = symbol.find('/');
  if (slash == std::string_view::npos) return false;
  std::string num_text;
  std::string den_text;
  if (!english_part(symbol.substr(0, slash), num_text)) return false;
  if (!english_part(symbol.substr(slash + 1), den_text) || den_text.empty()) return false;
  out = (num_text.empty() ? std::string() : num_text + " ") + "per " + den_text;
  return true;
}

bool is_quantity(dimension d) {
  return d == dimension::count || d == dimension::area || d == dimension::money ||
         d == dimension::mass || d == dimension::length || d == dimension::energy;
}

// A number in English with million / billion from a million up, else grouped thousands.
std::string english_magnitude(double v) {
  const double a = std::fabs(v);
  if (a >= 1e9) return num(v / 1e9) + " billion";
  if (a >= 1e6) return num(v / 1e6) + " million";
  return format_plain(v, language::en);
}

}  // namespace

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

std::string format_plain(double v, language lang) {
  const std::string s = value_text(v);
  return lang == language::en ? group_thousands(s) : s;
}

std::string format_quantity(double v, const unit& u, language lang) {
  if (u.empty()) return format_plain(v, lang);
  if (u.dim() == dimension::percent && u.scale() == 0) return num(v) + "%";
  if (u.dim() == dimension::percentage_point)
    return num(v) + (lang == language::zh ? "个百分点" : " pp");
  const std::string& sym = u.symbol();
  if (lang == language::zh) {
    std::string_view rest;
    if (split_scale(sym, rest) == 0 && is_quantity(u.dim()) && sym.find('/') == std::string::npos) {
      if (std::fabs(v) >= 1e8) return num(v / 1e8) + "亿" + sym;
      if (std::fabs(v) >= 1e5) return num(v / 1e4) + "万" + sym;
    }
    return format_plain(v, lang) + sym;
  }
  std::string label;
  if (english_ratio(sym, label)) return format_plain(v, lang) + " " + label;
  std::string_view rest;
  const int power = split_scale(sym, rest);
  std::string name;
  if (sym.find('/') == std::string::npos && english_name(rest, name)) {
    const std::string n = english_magnitude(v * std::pow(10.0, power));
    return name.empty() ? n : n + " " + name;
  }
  return format_plain(v, lang) + " " + sym;
}

std::string unit_label(const unit& u, language lang) {
  if (u.empty()) return {};
  if (lang == language::zh) return u.symbol();
  if (u.dim() == dimension::percent && u.scale() == 0) return "%";
  if (u.dim() == dimension::percentage_point) return "pp";
  std::string label;
  if (english_ratio(u.symbol(), label)) return label;
  if (english_part(u.symbol(), label) && !label.empty()) return label;
  return u.symbol();
}

std::string format_share(double share) { return pct(share); }

std::string format_points(double points, language lang) {
  const double r = round_to(points, 2);
  return (r > 0 ? "+" : "") + num(r) + (lang == language::zh ? "个百分点" : " pp");
}

std::string format_gap(double gap, const unit& u, language lang) {
  if (u.dim() == dimension::percent || u.dim() == dimension::percentage_point)
    return format_points(gap, lang);
  const std::string rounded = value_text(gap);
  const bool plus = rounded != "0" && rounded[0] != '-';
  return (plus ? "+" : "") + format_quantity(gap, u, lang);
}

}  // namespace planeval::detail
