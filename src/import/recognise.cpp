#include "import/recognise.hpp"

#include <cctype>
#include <regex>
#include <vector>

#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/unit.hpp"

namespace planeval::import_detail {
namespace {

template <std::size_t N>
bool has_any(std::string_view s, const char* const (&words)[N], std::string* found = nullptr) {
  for (const char* w : words)
    if (has(s, w)) {
      if (found) *found = w;
      return true;
    }
  return false;
}

int chinese_digit(char32_t c) {
  switch (c) {
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
  }
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = detail::decode_utf8(s, i, cp);
    out += cp;
    i += n == 0 ? 1 : n;
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (const char32_t c : s) detail::append_utf8(out, c);
  return out;
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = detail::decode_utf8(text, i, cp);
    if (n == 0) n = 1;
    i += n;
    switch (cp) {
      case U' ':
      case U'\t':
      case U'\n':
      case U'\r':
      case U'\u3000':
      case U'\u00A0':
      case U'"':
      case U'\'':
      case U'“':
      case U'”':
      case U'‘':
      case U'’':
      case U'「':
      case U'」': continue;
      case U'（': cp = U'('; break;
      case U'）': cp = U')'; break;
      case U'：': cp = U':'; break;
      case U'％': cp = U'%'; break;
      case U'〔': cp = U'['; break;
      case U'〕': cp = U']'; break;
      case U'／': cp = U'/'; break;
      default: break;
    }
    if (cp < 0x80) cp = static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
    detail::append_utf8(out, cp);
  }
  return out;
}

std::optional<period> five_year_plan_in(std::string_view text) {
  const std::u32string s = to_u32(text);
  // the longest ordinal ending in 五 followed by a plan word or a closing quote: 十三五, 十五
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (chinese_digit(s[i]) < 0) continue;
    if (i > 0 && chinese_digit(s[i - 1]) >= 0) continue;  // not the start of an ordinal
    std::size_t j = i;
    while (j < s.size() && chinese_digit(s[j]) >= 0 && j - i < 3) ++j;
    // s[i, j) are numerals; the ordinal is s[i, j-1) and s[j-1] must be 五
    if (j - i < 2 || s[j - 1] != U'五') continue;
    const std::u32string_view after = std::u32string_view(s).substr(j);
    const bool plan_word = after.substr(0, 2) == U"计划" || after.substr(0, 2) == U"规划" ||
                           after.substr(0, 2) == U"时期" || after.substr(0, 2) == U"期间" ||
                           after.substr(0, 1) == U"”" || after.substr(0, 1) == U"\"" ||
                           after.substr(0, 2) == U"年均" || after.substr(0, 1) == U"末";
    const bool quoted = i > 0 && (s[i - 1] == U'“' || s[i - 1] == U'"');
    if (!plan_word && !quoted) continue;
    int n = 0;
    const std::u32string_view ord = std::u32string_view(s).substr(i, j - 1 - i);
    if (ord.size() == 1) {
      n = chinese_digit(ord[0]);
    } else if (ord.size() == 2 && ord[0] == U'十') {
      n = 10 + chinese_digit(ord[1]);
    } else {
      continue;
    }
    if (n < 1 || n > 20) continue;
    // 1953–1957 and 1958–1962; after three years of adjustment the third began in 1966
    const int first = n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
    return period::span(first, first + 4);
  }
  return std::nullopt;
}

column_meaning classify_header(const std::string& h) {
  column_meaning m;
  if (h.empty()) return m;
  // headers that name a column by themselves (compared whole, after `normalise`)
  struct named_column {
    column_role role;
    std::vector<const char*> headers;
  };
  static const named_column named[] = {
      {column_role::number, {"序号", "编号", "no.", "no", "number", "#"}},
      {column_role::name,
       {"指标", "指标名称", "指标名", "主要指标", "名称", "项目", "产品名称", "indicator",
        "indicators", "item", "items", "targets", "地区", "单位名称", "类别/指标", "指标/类别"}},
      {column_role::unit, {"单位", "计量单位", "unit", "units"}},
      {column_role::attribute, {"属性", "指标属性", "指标性质", "性质", "attribute", "type"}},
      {column_role::category, {"类别", "类型", "分类", "领域", "category"}},
      {column_role::remark, {"备注", "说明", "note", "notes", "remark", "remarks"}},
      {column_role::verdict,
       {"完成情况", "是否完成", "评价", "status", "完成情况评价", "performance"}},
  };
  for (const auto& n : named)
    for (const char* w : n.headers)
      if (h == w) {
        m.role = n.role;
        m.why = w;
        return m;
      }
  // value columns: a year, two years, a five-year plan, or the words of targets and results
  static const std::regex two_years(R"((\d{4})\s*(?:-|—|–|~|至|到)\s*(\d{4}))");
  static const std::regex one_year(R"((\d{4}))");
  std::smatch sm;
  // a column comparing two years (`1957年为1952年的百分比`) is not a value column
  if (has(h, "为") && (has(h, "百分比") || has(h, "%")) &&
      std::distance(std::sregex_iterator(h.begin(), h.end(), one_year), std::sregex_iterator()) >=
          2)
    return m;
  if (std::regex_search(h, sm, two_years)) {
    const int a = std::stoi(sm[1]);
    const int b = std::stoi(sm[2]);
    if (a >= 1900 && b >= a && b <= 2200) m.per = period::span(a, b);
  } else if (std::regex_search(h, sm, one_year)) {
    const int y = std::stoi(sm[1]);
    if (y >= 1900 && y <= 2200) m.per = period::year(y);
  }
  const auto fyp = five_year_plan_in(h);
  static const char* const average[] = {"年均",          "平均增长",      "年平均",
                                        "averageannual", "annualaverage", "平均增速"};
  static const char* const cumulative[] = {"累计", "cumulative", "五年内"};
  const bool is_average = has_any(h, average);
  const bool is_cumulative = has_any(h, cumulative);
  if (is_average && is_cumulative)
    m.span = value_span::average_or_cumulative;
  else if (is_average)
    m.span = value_span::average;
  else if (is_cumulative)
    m.span = value_span::cumulative;
  static const char* const target_words[] = {"目标",   "计划", "预期", "规划",
                                             "target", "plan", "goal", "projected"};
  static const char* const result_words[] = {"完成",   "实际",   "实现",    "预计",    "执行",
                                             "result", "actual", "outcome", "estimate"};
  std::string word;
  // 预期目标 is a target; 预计完成 a result; `完成` beats `计划` in 计划完成情况
  if (has(h, "预期目标") || has(h, "目标值") || has(h, "目标")) {
    m.values = value_role::target;
    word = "目标";
  } else if (has_any(h, result_words, &word)) {
    m.values = value_role::result;
  } else if (has_any(h, target_words, &word)) {
    m.values = value_role::target;
  }
  if (has(h, "计划") && (has(h, "产量") || has(h, "数"))) {
    m.values = value_role::target;  // 1957年计划产量, 1957年计划数
    word = "计划";
  }
  if (!m.per && fyp && m.span == value_span::year) {
    // `“十五”计划目标`: the plan's target, set for its last year (levels) or for its five years
    // (average growth and cumulative cells, decided per cell)
    m.per = period::year(fyp->last_year());
    m.plan_years = fyp;
  } else if (fyp && m.span != value_span::year) {
    m.per = fyp;
  }
  if (m.per || m.span != value_span::year || m.values != value_role::unstated) {
    m.role = column_role::value;
    m.why = word;
  }
  return m;
}

std::optional<period> year_in_text(std::string_view text) {
  // Chinese-numeral years become digits first: 一九五三 → 1953
  std::string digits;
  for (const char32_t c : to_u32(text)) {
    static const std::u32string numerals = U"〇一二三四五六七八九";
    const auto k = numerals.find(c);
    if (k != std::u32string::npos)
      digits += static_cast<char>('0' + k);
    else if (c == U'零')
      digits += '0';
    else
      detail::append_utf8(digits, c);
  }
  static const std::regex two(R"((\d{4})\s*(?:-|—|–|~|至|到)+\s*(\d{4}))");
  static const std::regex one(R"((\d{4})\s*年)");
  std::smatch m;
  if (std::regex_search(digits, m, two)) {
    const int a = std::stoi(m[1]), b = std::stoi(m[2]);
    if (a >= 1900 && b > a && b - a < 30) return period::span(a, b);
  }
  if (std::regex_search(digits, m, one)) {
    const int y = std::stoi(m[1]);
    if (y >= 1900 && y <= 2200) return period::year(y);
  }
  // English: the year of a plan or a report (the 2018 Plan, Plan for 2018, in 2018)
  static const std::regex en(
      R"((?:(\d{4})\s*(?:plan|national|economic|annual))|(?:(?:for|in|of)\s*(\d{4})(?!\d)))",
      std::regex::icase);
  if (std::regex_search(digits, m, en)) {
    const int y = std::stoi(m[1].matched ? m[1].str() : m[2].str());
    if (y >= 1900 && y <= 2200) return period::year(y);
  }
  return std::nullopt;
}

bool is_placeholder(std::string_view text) {
  const auto t = detail::trim(text);
  if (t.empty()) return true;
  static const char* const marks[] = {"—", "-",  "--",  "——", "/",   "／",  "…", "－",
                                      "–", "-—", "— —", "——", "n/a", "N/A", "无"};
  for (const char* m : marks)
    if (t == m) return true;
  return false;
}

std::string split_name(std::string_view name, std::string& number, std::string& unit) {
  std::u32string s = to_u32(detail::trim(name));
  number.clear();
  unit.clear();
  // leading number: `1.`, `1、`, `12. `, `（1）`, `(1)`, `1．`
  std::size_t i = 0;
  if (i < s.size() && (s[i] == U'（' || s[i] == U'(')) {
    std::size_t j = i + 1;
    while (j < s.size() && s[j] >= U'0' && s[j] <= U'9') ++j;
    if (j > i + 1 && j < s.size() && (s[j] == U'）' || s[j] == U')')) {
      number = to_utf8(s.substr(i + 1, j - i - 1));
      s.erase(0, j + 1);
    }
  } else {
    std::size_t j = 0;
    while (j < s.size() && s[j] >= U'0' && s[j] <= U'9') ++j;
    if (j > 0 && j < s.size() && (s[j] == U'.' || s[j] == U'、' || s[j] == U'．') &&
        !(j + 1 < s.size() && s[j] == U'.' && s[j + 1] >= U'0' && s[j + 1] <= U'9')) {
      number = to_utf8(s.substr(0, j));
      s.erase(0, j + 1);
    } else if (j > 0 && j + 2 < s.size() && s[j] == U'.' && s[j + 1] == U' ') {
      number = to_utf8(s.substr(0, j));
      s.erase(0, j + 2);
    }
  }
  while (!s.empty() && (s.front() == U' ' || s.front() == U'\u3000')) s.erase(0, 1);
  // trailing unit in brackets: `（%）`, `(亿元)`
  if (!s.empty() && (s.back() == U'）' || s.back() == U')')) {
    const std::size_t open_full = s.rfind(U'（');
    const std::size_t open_half = s.rfind(U'(');
    std::size_t open = std::u32string::npos;
    if (open_full != std::u32string::npos) open = open_full;
    if (open_half != std::u32string::npos && (open == std::u32string::npos || open_half > open))
      open = open_half;
    if (open != std::u32string::npos && open > 0) {
      const std::u32string inside = s.substr(open + 1, s.size() - open - 2);
      // a unit is short and has no digits other than in `m2`, `PM2.5` is not a unit
      bool unit_like = !inside.empty() && inside.size() <= 10;
      for (const char32_t c : inside)
        if (c == U'(' || c == U'（' || c == U'，' || c == U',') unit_like = false;
      static const char32_t* const not_units[] = {U"GDP", U"可比价", U"含", U"助理", U"现价"};
      for (const auto* w : not_units)
        if (inside.find(w) != std::u32string::npos) unit_like = false;
      // and one the unit table knows (`折合百分之百` is part of the name)
      if (unit_like) {
        try {
          // a unit outside the table is taken when it ends in a measure word (`亿立方米`)
          const std::string symbol = to_utf8(inside);
          unit_like = unit::parse(symbol).dim() != dimension::other;
          for (const char* word : {"米", "吨", "元", "亩", "斤", "瓦", "方", "升", "头", "匹"})
            if (symbol.size() >= 3 && symbol.compare(symbol.size() - 3, 3, word) == 0)
              unit_like = true;
        } catch (const error&) {
          unit_like = false;
        }
      }
      if (unit_like) {
        unit = to_utf8(inside);
        s.erase(open);
      }
    }
  }
  while (!s.empty() && (s.back() == U' ' || s.back() == U'\u3000')) s.pop_back();
  return to_utf8(s);
}

bool lower_is_better(std::string_view name, std::string& word) {
  static const char* const reductions[] = {"降低", "下降", "减少", "减量", "削减", "降幅"};
  if (has_any(name, reductions, &word)) return false;
  // the English of official translations, matched without case
  std::string lower_name(name);
  for (char& c : lower_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const reductions_en[] = {"reduction", "decrease", "decline",
                                              "drop in",   "cut in",   "fall in"};
  if (has_any(lower_name, reductions_en, &word)) return false;
  static const char* const lower_en[] = {
      "unemployment", "energy consumption", "emission", "death", "accident", "pollution",
      "poverty",      "water consumption",  "deficit",  "debt",  "crime",    "vacancy",
      "incidence"};
  if (has_any(lower_name, lower_en, &word)) return true;
  static const char* const lower[] = {
      "失业",       "能耗",   "排放",           "死亡",   "事故",   "PM2.5", "细颗粒物", "污染",
      "贫困发生率", "用水量", "赤字",           "负债率", "发病率", "犯罪",  "能源消耗", "空置率",
      "超标",       "总人口", "人口自然增长率", "劣Ⅴ类",  "劣V类",  "债务",  "外债"};
  return has_any(name, lower, &word);
}

std::optional<attribute> attribute_in_cell(std::string_view cell) {
  std::string lower(cell);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const binding[] = {"约束", "binding", "obligatory", "mandatory"};
  static const char* const anticipatory[] = {"预期", "anticipatory", "expected", "indicative"};
  if (has_any(lower, binding)) return attribute::binding;
  if (has_any(lower, anticipatory)) return attribute::anticipatory;
  return std::nullopt;
}

namespace {
const char* const of_which_words[] = {"其中",      "包括",     "includes",
                                      "including", "of which", "among which"};

bool starts_without_case(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(word[i]))
      return false;
  return true;
}
}  // namespace

bool introduces_parts(std::string_view text) {
  const std::string_view t = detail::trim(text);
  for (const char* w : of_which_words)
    if (starts_without_case(t, w)) return true;
  return !t.empty() && t.back() == ':';
}

std::string without_of_which(std::string_view name, std::string& prefix) {
  prefix.clear();
  const std::string_view trimmed = detail::trim(name);
  for (const char* w : of_which_words) {
    const std::size_t n = std::char_traits<char>::length(w);
    if (trimmed.size() <= n || !starts_without_case(trimmed, w)) continue;
    std::string_view rest = trimmed.substr(n);
    for (const char* colon : {":", "：", ",", "，"})
      if (rest.rfind(colon, 0) == 0) {
        rest.remove_prefix(std::char_traits<char>::length(colon));
        rest = detail::trim(rest);
        if (rest.empty()) return std::string(trimmed);
        prefix = std::string(trimmed.substr(0, trimmed.size() - rest.size()));
        return std::string(rest);
      }
  }
  return std::string(trimmed);
}

std::string section_name(std::string_view text) {
  std::u32string s = to_u32(detail::trim(text));
  static const std::u32string bullets = U"➢•●■◆▶►※·- ";
  while (!s.empty() && bullets.find(s.front()) != std::u32string::npos) s.erase(0, 1);
  // 一、 二、 (一) 1. and Roman numerals: `I. Economic Development`, `Ⅲ、`
  auto numeral = [](char32_t c) {
    return chinese_digit(c) >= 0 || (c >= U'0' && c <= U'9') || c == U'I' || c == U'V' ||
           c == U'X' || (c >= U'\u2160' && c <= U'\u216B');
  };
  std::size_t i = 0;
  while (i < s.size() && numeral(s[i])) ++i;
  if (i > 0 && i < s.size() && (s[i] == U'、' || s[i] == U'.' || s[i] == U'．')) s.erase(0, i + 1);
  while (!s.empty() && (s.front() == U' ' || s.front() == U'\u3000')) s.erase(0, 1);
  return to_utf8(s);
}

std::string latin_words(std::string_view name) {
  std::string out;
  bool in_word = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const bool alnum = c < 0x80 && (std::isalnum(c) != 0);
    const bool dot_in_number = c == '.' && in_word && i + 1 < name.size() &&
                               std::isdigit(static_cast<unsigned char>(name[i + 1])) != 0;
    if (alnum || dot_in_number) {
      if (!in_word && !out.empty()) out += '_';
      out += dot_in_number ? '_' : static_cast<char>(std::tolower(c));
      in_word = true;
    } else {
      in_word = false;
    }
  }
  // only words with a letter (not `2020`), at most 16 characters
  bool letter = false;
  for (const char c : out)
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
  if (!letter) return {};
  if (out.size() > 16) out.resize(16);
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

}  // namespace planeval::import_detail
