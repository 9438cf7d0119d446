// Spreadsheet number formats: the text a cell shows for its number.
#include "io/number_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace planeval {
namespace {

std::string general(double v) {
  if (v == 0) return "0";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

// The sections of a format code (`pos;neg;zero;text`), split outside quotes and brackets.
std::vector<std::string> sections_of(std::string_view code) {
  std::vector<std::string> out(1);
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '\\' && !quoted && i + 1 < code.size()) {
      out.back() += c;
      out.back() += code[++i];
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '[') ++bracket;
    if (!quoted && c == ']' && bracket > 0) --bracket;
    if (c == ';' && !quoted && bracket == 0) {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

// One token of a section: a literal text, or a format character.
struct token {
  bool literal = false;
  std::string text;  // the literal, or the format character(s)
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<token> tokens_of(const std::string& s, bool& is_date, bool& is_text) {
  std::vector<token> out;
  is_date = false;
  is_text = false;
  bool has_digit_placeholder = false;
  const auto literal = [&](std::string t) {
    if (!out.empty() && out.back().literal)
      out.back().text += t;
    else
      out.push_back({true, std::move(t)});
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      const auto end = s.find('"', i + 1);
      literal(s.substr(i + 1, (end == std::string::npos ? s.size() : end) - i - 1));
      i = end == std::string::npos ? s.size() : end;
    } else if (c == '\\' && i + 1 < s.size()) {
      // an escaped character: one UTF-8 sequence
      std::size_t n = 1;
      while (i + 1 + n < s.size() && (static_cast<unsigned char>(s[i + 1 + n]) & 0xC0) == 0x80) ++n;
      literal(s.substr(i + 1, n));
      i += n;
    } else if (c == '_' || c == '*') {
      ++i;  // padding to the width of the next character, or fill: nothing shown
    } else if (c == '[') {
      const auto end = s.find(']', i);
      const std::string inside =
          s.substr(i + 1, (end == std::string::npos ? s.size() : end) - i - 1);
      i = end == std::string::npos ? s.size() : end;
      if (!inside.empty() && inside[0] == '$') {  // [$¥-804]: a currency symbol and a locale
        const auto dash = inside.find('-');
        literal(inside.substr(1, dash == std::string::npos ? std::string::npos : dash - 1));
      } else if (!inside.empty() &&
                 (lower(inside[0]) == 'h' || lower(inside[0]) == 'm' || lower(inside[0]) == 's')) {
        is_date = true;  // elapsed time [h]
        out.push_back({false, std::string(1, lower(inside[0]))});
      }
      // colours and conditions are not shown
    } else if (c == '0' || c == '#' || c == '?' || c == '.' || c == ',' || c == '%') {
      if (c == '0' || c == '#' || c == '?') has_digit_placeholder = true;
      out.push_back({false, std::string(1, c)});
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-') &&
               has_digit_placeholder) {
      out.push_back({false, std::string("E") + s[i + 1]});
      ++i;
    } else if (lower(c) == 'g' && i + 7 <= s.size() && [&] {
                 for (std::size_t k = 0; k < 7; ++k)
                   if (lower(s[i + k]) != "general"[k]) return false;
                 return true;
               }()) {
      out.push_back({false, "General"});
      i += 6;
    } else if (c == '@') {
      is_text = true;
      out.push_back({false, "@"});
    } else if (std::string("yYmMdDhHsS").find(c) != std::string::npos) {
      is_date = true;
      std::size_t n = 1;
      while (i + n < s.size() && lower(s[i + n]) == lower(c)) ++n;
      out.push_back({false, std::string(n, lower(c))});
      i += n - 1;
    } else if ((c == 'A' || c == 'a') &&
               (s.compare(i, 5, "AM/PM") == 0 || s.compare(i, 5, "am/pm") == 0)) {
      is_date = true;
      out.push_back({false, "ampm"});
      i += 4;
    } else if (s.compare(i, 13, "上午/下午") == 0) {  // 上午/下午 (13 bytes)
      is_date = true;
      out.push_back({false, "ampm_zh"});
      i += 12;
    } else {
      literal(std::string(1, c));
    }
  }
  if (has_digit_placeholder) is_date = false;
  return out;
}

// The civil date of a day number counted from 1970-01-01 (H. Hinnant's algorithm).
void civil_from_days(long long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long yy = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2 ? 1 : 0));
}

std::string two(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02u", v);
  return b;
}

std::string format_date(double serial, const std::vector<token>& tokens, bool date1904) {
  if (serial < 0 || serial > 2958465.0) return general(serial);  // after 9999-12-31
  long long days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  int y = 1900;
  unsigned m = 1, d = 1;
  // day 0 of the 1900 system is 1899-12-31 and it counts a 29 February 1900 that never was
  if (date1904) {
    civil_from_days(days - 24107, y, m, d);  // 1904-01-01 is day 24107 before 1970
  } else if (days == 60) {
    y = 1900, m = 2, d = 29;
  } else {
    civil_from_days(days - (days < 60 ? 25568 : 25569), y, m, d);
  }
  const unsigned hh = static_cast<unsigned>(seconds / 3600),
                 mi = static_cast<unsigned>(seconds / 60 % 60),
                 ss = static_cast<unsigned>(seconds % 60);
  bool twelve = false;
  for (const auto& t : tokens)
    if (!t.literal && (t.text == "ampm" || t.text == "ampm_zh")) twelve = true;
  static const char* months[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token& t = tokens[i];
    if (t.literal) {
      out += t.text;
      continue;
    }
    const char c = t.text[0];
    const std::size_t n = t.text.size();
    if (t.text == "ampm") {
      out += hh < 12 ? "AM" : "PM";
    } else if (t.text == "ampm_zh") {
      out += hh < 12 ? "上午" : "下午";
    } else if (c == 'y') {
      out += n <= 2 ? two(static_cast<unsigned>(y % 100)) : std::to_string(y);
    } else if (c == 'm') {
      // minutes after an hour or before a second, else the month
      bool minutes = false;
      for (std::size_t j = i; j-- > 0;)
        if (!tokens[j].literal) {
          minutes = tokens[j].text[0] == 'h';
          break;
        }
      for (std::size_t j = i + 1; !minutes && j < tokens.size(); ++j)
        if (!tokens[j].literal) {
          minutes = tokens[j].text[0] == 's';
          break;
        }
      if (minutes)
        out += n >= 2 ? two(mi) : std::to_string(mi);
      else if (n >= 4)
        out += months[m - 1];
      else if (n == 3)
        out += std::string(months[m - 1]).substr(0, 3);
      else
        out += n == 2 ? two(m) : std::to_string(m);
    } else if (c == 'd') {
      if (n >= 3) {
        static const char* days_of_week[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
        const long long w = ((days - 1) % 7 + 7) % 7;  // serial 1 (1900-01-01) was a Sunday
        const std::string name = days_of_week[w];
        out += n == 3 ? name.substr(0, 3) : name;
      } else {
        out += n == 2 ? two(d) : std::to_string(d);
      }
    } else if (c == 'h') {
      const unsigned h = twelve ? (hh % 12 == 0 ? 12 : hh % 12) : hh;
      out += n >= 2 ? two(h) : std::to_string(h);
    } else if (c == 's') {
      out += n >= 2 ? two(ss) : std::to_string(ss);
    }
  }
  return out;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    if (i + 1 < n && (n - i - 1) % 3 == 0) out += ',';
  }
  return out;
}

std::string format_numeric(double v, const std::vector<token>& tokens) {
  // the number's pattern: placeholders before and after the point, grouping, scaling, percent
  std::size_t first = tokens.size(), last = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].literal && tokens[i].text != "%" && tokens[i].text != "@") {
      first = std::min(first, i);
      last = i;
    }
  std::string prefix, suffix;
  int required_decimals = 0, optional_decimals = 0, min_integer = 0, percent = 0, scale = 0;
  bool grouping = false, point = false, scientific = false;
  int exponent_digits = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token& t = tokens[i];
    if (t.text == "%" && !t.literal) {
      ++percent;
      (i < first ? prefix : suffix) += '%';
      continue;
    }
    if (t.literal || i < first || i > last) {
      if (t.text == "@") continue;
      (i < first ? prefix : suffix) += t.text;
      continue;
    }
    if (t.literal) continue;  // a literal inside the number is shown after it
    const char c = t.text[0];
    if (t.text == "E+" || t.text == "E-") {
      scientific = true;
      continue;
    }
    if (scientific) {
      if (c == '0' || c == '#') ++exponent_digits;
      continue;
    }
    if (c == '.') {
      point = true;
    } else if (c == ',') {
      // a comma between integer placeholders groups; commas after the last one scale by 1000
      bool placeholder_after = false;
      for (std::size_t j = i + 1; j <= last; ++j)
        if (!tokens[j].literal &&
            (tokens[j].text == "0" || tokens[j].text == "#" || tokens[j].text == "?")) {
          placeholder_after = true;
          break;
        }
      if (point || !placeholder_after)
        ++scale;
      else
        grouping = true;
    } else if (point) {
      if (c == '0')
        ++required_decimals, optional_decimals = 0;
      else
        ++optional_decimals;
    } else if (c == '0') {
      ++min_integer;
    }
  }
  // placeholders like 0.0# : required then optional
  const int decimals = required_decimals + optional_decimals;
  for (int k = 0; k < percent; ++k) v *= 100;
  for (int k = 0; k < scale; ++k) v /= 1000;
  // round as the sheet does: on the decimal digits of the 15-digit value
  v = std::strtod(general(v).c_str(), nullptr);
  char buffer[512];
  if (scientific) {
    std::snprintf(buffer, sizeof buffer, "%.*E", decimals, v);
    std::string s = buffer;
    const auto e = s.find('E');
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    const char sign = exponent[0];
    std::string digits = exponent.substr(1);
    while (digits.size() > 1 && static_cast<int>(digits.size()) > std::max(exponent_digits, 1) &&
           digits[0] == '0')
      digits.erase(0, 1);
    return prefix + mantissa + "E" + sign + digits + suffix;
  }
  if (std::fabs(v) >= 1e300) return general(v);
  double shown = std::fabs(v);
  if (decimals <= 15) {
    // halves away from zero, as the sheet rounds (printf rounds 2.5 to even: 2)
    const double unit = std::pow(10.0, decimals);
    const double scaled = shown * unit;
    if (scaled < 1e15) shown = std::floor(scaled + 0.5 + 1e-9 * std::max(1.0, scaled)) / unit;
  }
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, shown);
  std::string s = buffer;
  std::string integer = s.substr(0, s.find('.'));
  std::string fraction = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
  while (static_cast<int>(fraction.size()) > required_decimals && !fraction.empty() &&
         fraction.back() == '0')
    fraction.pop_back();
  if (integer == "0" && min_integer == 0) integer.clear();
  while (static_cast<int>(integer.size()) < min_integer) integer.insert(0, "0");
  if (grouping) integer = group_thousands(integer);
  std::string number = integer;
  if (!fraction.empty() || (point && required_decimals > 0))
    number += "." + fraction;
  else if (point && decimals > 0 && fraction.empty() && integer.empty())
    number = "0";
  if (number.empty()) number = "0";
  const bool negative = v < 0 && std::stod(s) != 0;
  return (negative ? "-" : "") + prefix + number + suffix;
}

}  // namespace

std::string builtin_number_format(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "\"¥\"#,##0;\"¥\"-#,##0";
    case 6: return "\"¥\"#,##0;[Red]\"¥\"-#,##0";
    case 7: return "\"¥\"#,##0.00;\"¥\"-#,##0.00";
    case 8: return "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13:
      return "# ?"
             "?/?"
             "?";                // (split: not a trigraph)
    case 14: return "yyyy/m/d";  // the short date of the Chinese locale
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27:
    case 36:
    case 50:
    case 57: return "yyyy\"年\"m\"月\"";
    case 28:
    case 29:
    case 51:
    case 52:
    case 56:
    case 58: return "m\"月\"d\"日\"";
    case 30: return "m-d-yy";
    case 31:
    case 55: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32:
    case 53: return "h\"时\"mm\"分\"";
    case 33:
    case 54: return "h\"时\"mm\"分\"ss\"秒\"";
    case 34: return "上午/下午h\"时\"mm\"分\"";
    case 35: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return {};
  }
}

std::string format_spreadsheet_number(double value, std::string_view code, bool date1904) {
  if (!std::isfinite(value)) return general(value);
  if (code.empty()) return general(value);
  auto sections = sections_of(code);
  std::string section = sections[0];
  bool absolute = false;
  if (value < 0 && sections.size() >= 2 && !sections[1].empty()) {
    section = sections[1];
    absolute = true;  // the negative section writes its own sign
  } else if (value == 0 && sections.size() >= 3 && !sections[2].empty()) {
    section = sections[2];
  }
  if (section.empty()) return general(value);
  bool is_date = false, is_text = false;
  const auto tokens = tokens_of(section, is_date, is_text);
  if (is_date) return format_date(value, tokens, date1904);
  bool any_placeholder = false, has_general = false;
  for (const auto& t : tokens) {
    if (!t.literal && (t.text == "0" || t.text == "#" || t.text == "?")) any_placeholder = true;
    if (!t.literal && t.text == "General") has_general = true;
  }
  if (!any_placeholder) {
    // `General"万元"`, `"约"General`, `@` or a section of literals only
    std::string out;
    for (const auto& t : tokens)
      if (t.literal)
        out += t.text;
      else if (t.text == "General" || t.text == "@")
        out += general(absolute ? std::fabs(value) : value);
    return has_general || is_text ? out : (out.empty() ? general(value) : out);
  }
  return format_numeric(absolute ? std::fabs(value) : value, tokens);
}

}  // namespace planeval
