// Observation texts: values, bounds, ranges and changes read by the target grammar, plus
// judgments (达标, not met), comparable figures (10.9(可比7.0)), estimates (预计) and missing
// values (-, n/a).
#include "core/parse/grammar.hpp"
#include "detail/utf8.hpp"
#include "planeval/core/parse.hpp"

namespace planeval {
namespace detail {
namespace {

using role = phrase_role;

// A judgment (达标, 未完成, met), alone or with the quota or target it is on (完成省下达任务,
// 超额完成年度任务, 未完成市下达指标: the name is not kept, the judgment decides the target it is
// recorded for).
bool judgment_words(scanner& s, reading& p) {
  s.skip_ws();
  for (const auto& w : phrases_of(role::judgment_word)) {
    if (s.pos() >= s.end() || w.text[0] != lower(s.at(s.pos()))) continue;
    const auto n = s.match_at(s.pos(), w.text);
    if (n == 0) continue;
    std::size_t from = s.pos() + n;
    while (from < s.end() && s.at(from) == ' ') ++from;
    if (from < s.end()) {
      bool digit = false;
      for (std::size_t i = from; i < s.end(); ++i) digit = digit || is_digit(s.at(i));
      const std::string name = s.utf8(from, s.end());
      if (digit || !(is_quota_name(name) || is_target_name(name))) continue;
    }
    p.verdict = static_cast<judgment>(w.entry->number);
    s.seek(s.end());
    return true;
  }
  return false;
}

// An optional comparable figure after the value: (可比7.0), (可比价增长7%).
bool comparable(scanner& s, reading& p) {
  const std::size_t save = s.pos();
  if (!s.lit(U"(")) return true;  // optional
  if (s.lit_any(role::comparable_word) == nullptr) {
    s.expect("可比 (comparable figure)");
    s.seek(save);
    return false;
  }
  s.lit(U"为");
  s.lit(U":");
  // the comparable figure may be written as a change: (可比价增长7%), (可比下降2%)
  const phrase* change = s.lit_any(role::comparable_change);
  const double sign = change != nullptr && change->number < 0 ? -1.0 : 1.0;
  auto q = s.quantity_here();
  if (!q || !s.lit(U")")) {
    s.expect("')'");
    s.seek(save);
    return false;
  }
  p.comparable = sign * q->value;
  return true;
}

bool is_missing_text(const scanner& s) {
  const std::string t = s.head_text();
  if (t.empty()) return true;
  for (const auto& w : phrases_of(role::missing_word))
    if (t == w.entry->text) return true;
  return s.head_is_all('-');
}

}  // namespace
}  // namespace detail

parsed_observation parse_observation(std::string_view text) {
  return parse_observation(text, parse_options{});
}

namespace {

parsed_observation parse_one_observation(std::string_view text, const parse_options& options,
                                         char32_t* separator);

parsed_observation list_figures(rule list);

constexpr std::size_t max_figures = 16;  // bounds the chain of figures on hostile input

bool has_digit_before_separator(std::string_view t) noexcept {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ',' || t[i] == ';') return false;
    for (const std::string_view sep : {"、", "，", "；"})
      if (t.compare(i, sep.size(), sep) == 0) return false;
    if (t[i] >= '0' && t[i] <= '9') return true;
  }
  return false;
}

bool is_figure(const parsed_observation& o) noexcept {
  return std::holds_alternative<point_value>(o.value) ||
         std::holds_alternative<bound_value>(o.value) ||
         std::holds_alternative<interval_value>(o.value);
}

// The figures after the first (1211亿元、增长6.8%): each clause that reads as a figure, up to the
// first that does not, which starts the remark.
parsed_observation parse_chain(std::string_view text, const parse_options& options,
                               std::size_t depth) {
  char32_t separator = 0;
  parsed_observation o = parse_one_observation(text, options, &separator);
  // 304,5万吨 is a misplaced separator inside a number, not two figures
  const bool digit_after_comma = separator == U',' && !o.remark.empty() &&
                                 ((o.remark[0] >= '0' && o.remark[0] <= '9' && o.unit.empty() &&
                                   o.measure.kind == measure_kind::level) ||
                                  detail::comma_between_digits(text, o.remark));
  const bool chained =
      (separator == U',' || separator == U';' || separator == 0x3001) && !digit_after_comma;
  // a comparable figure read from the remark (名义增长6%,实际增长5%) keeps it
  if (!chained || !is_figure(o) || o.comparable || depth + 1 >= max_figures ||
      !has_digit_before_separator(o.remark))
    return o;
  parsed_observation rest;
  try {
    // a 分别 list may follow (达到831.8亿元、406.7亿元,分别增长13%、7.9%)
    auto list = detail::respectively_list(o.remark);
    rest = list ? list_figures(std::move(*list)) : parse_chain(o.remark, options, depth + 1);
  } catch (const parse_error&) {
    return o;  // the remark is not a figure
  }
  // a bare number after a comma (5,10) is a remark: it could be a misplaced separator
  const bool bare = std::holds_alternative<point_value>(rest.value) && !rest.approximate &&
                    rest.unit.empty() && rest.measure.kind == measure_kind::level &&
                    rest.qualifier.empty();
  // no more figures than a list is read with (the printed text must read back the same)
  if (!is_figure(rest) || bare || 2 + rest.also.size() > max_figures) return o;
  o.remark = std::move(rest.remark);
  o.respectively = o.respectively || rest.respectively;
  rest.remark.clear();
  rest.respectively = false;
  std::vector<parsed_observation> more = std::move(rest.also);
  rest.also.clear();
  o.also.push_back(std::move(rest));
  for (auto& m : more) o.also.push_back(std::move(m));
  return o;
}

}  // namespace

namespace {

// A figure of a 分别 list as an observation value.
parsed_observation figure_of(const rule& r) {
  parsed_observation o;
  o.measure = r.measure;
  o.unit = r.unit;
  o.qualifier = r.qualifier;
  switch (r.operation) {
    case op::about: o.approximate = true; [[fallthrough]];
    case op::reach: o.value = point_value{r.value}; break;
    case op::at_least: o.value = bound_value{r.value, true, r.strict}; break;
    case op::at_most: o.value = bound_value{r.value, false, r.strict}; break;
    case op::between: o.value = interval_value{r.low, r.high}; break;
    default: break;  // parts are comparisons
  }
  return o;
}

// The figures of a 分别 list.
parsed_observation list_figures(rule list) {
  parsed_observation o = figure_of(list.parts.front());
  for (std::size_t k = 1; k < list.parts.size(); ++k) o.also.push_back(figure_of(list.parts[k]));
  o.remark = std::move(list.remark);
  o.respectively = true;
  return o;
}

// The byte offset of `mark` (ASCII, lower case) in `text` compared case-insensitively, or npos.
std::size_t find_ascii_case_insensitive(std::string_view text, std::string_view mark) noexcept {
  if (mark.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + mark.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < mark.size()) {
      char c = text[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != mark[k]) break;
      ++k;
    }
    if (k == mark.size()) return i;
  }
  return std::string_view::npos;
}

// An English change and the level it reached, as official translations write results: `rose
// 4.8 percent to CNY13.57 trillion (USD1.89 trillion)`. Two figures, the growth first; a bracket
// after the level (a conversion) and what follows it are the remark. Nothing when the text is
// not of that shape.
std::optional<parsed_observation> change_to_level(std::string_view text,
                                                  const parse_options& options) {
  for (const std::string_view mark : {" percent to ", " per cent to ", "% to "}) {
    const std::size_t at = find_ascii_case_insensitive(text, mark);
    if (at == std::string_view::npos) continue;
    const std::size_t to = at + mark.size() - 4;  // " to " starts here
    const std::string_view first = text.substr(0, to);
    std::string_view level = detail::trim(text.substr(to + 4));
    std::string remark;
    const std::size_t open = level.find('(');
    if (open != std::string_view::npos && level.find(',') > open) {
      const std::size_t close = level.find(')', open);
      if (close == std::string_view::npos) return std::nullopt;
      remark = std::string(detail::trim(level.substr(open + 1, close - open - 1)));
      std::string_view tail = detail::trim(level.substr(close + 1));
      if (!tail.empty() && (tail[0] == ',' || tail[0] == ';')) tail = detail::trim(tail.substr(1));
      if (!tail.empty()) remark += ", " + std::string(tail);
      level = detail::trim(level.substr(0, open));
    }
    try {
      char32_t separator = 0;
      parsed_observation change = parse_one_observation(first, options, &separator);
      if (!is_figure(change) || change.measure.kind != measure_kind::growth ||
          !change.remark.empty())
        return std::nullopt;
      parsed_observation reached = parse_chain(level, options, 1);
      if (!is_figure(reached) || reached.measure.kind != measure_kind::level ||
          reached.unit.empty() || reached.unit.dim() == dimension::percent ||
          reached.unit.dim() == dimension::percentage_point ||
          reached.respectively)  // up 5% to 6%: a range
        return std::nullopt;
      if (!reached.remark.empty())
        remark = remark.empty() ? reached.remark : remark + ", " + reached.remark;
      std::vector<parsed_observation> more = std::move(reached.also);
      reached.also.clear();
      reached.remark.clear();
      change.also.push_back(std::move(reached));
      for (auto& m : more) change.also.push_back(std::move(m));
      change.remark = std::move(remark);
      return change;
    } catch (const parse_error&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

parsed_observation parse_observation(std::string_view text, const parse_options& options) {
  detail::check_text_length(text, options.max_text_bytes);
  if (auto list = detail::respectively_list(text)) return list_figures(std::move(*list));
  if (auto reached = change_to_level(text, options)) return std::move(*reached);
  return parse_chain(text, options, 0);
}

namespace {

parsed_observation parse_one_observation(std::string_view text, const parse_options& options,
                                         char32_t* separator) {
  using namespace detail;
  scanner s(text, observation_codes);
  parsed_observation o;
  o.remark = s.remark();
  *separator = s.remark_separator();
  if (is_missing_text(s)) return o;
  // 预计 (expected), 初步 (preliminary), 约 … : an estimate, recorded with the SDMX flag E
  if (s.lit_any(phrase_role::estimate_word) != nullptr) o.approximate = true;
  reading p;
  if (attempt(s, p, [&](reading& q) { return judgment_words(s, q); })) {
    o.value = judgment_value{*p.verdict};
    return o;
  }
  const auto numeric = [&] {
    return numeric_or_change(s, p, [&](reading& q) { return comparable(s, q); });
  };
  const std::size_t start = s.pos();
  bool ok = numeric();
  if (!ok && leads(s)) ok = numeric();  // 均增长12%左右, 连续9年稳定在1050万吨以上
  if (!ok) {
    s.seek(start);
    s.expect("a judgment (达标, 完成, 未完成, met, …)");
    s.fail_syntax();
  }
  // a nominal figure with the real one after it (名义增长6%,实际增长5%): the real growth is the
  // comparable figure, evaluated instead
  if (!p.comparable && o.remark.rfind("实际", 0) == 0 &&
      p.rule.measure.kind == measure_kind::growth) {
    try {
      const parsed_observation real = parse_observation(o.remark, options);
      if (const auto* pt = std::get_if<point_value>(&real.value);
          pt != nullptr && real.measure.kind == measure_kind::growth)
        p.comparable = pt->value;
    } catch (const parse_error&) {
      // a remark that is not a figure stays a remark
    }
  }
  const rule& r = p.rule;
  if (!r.is_comparison())
    s.fail_at(s.codes().syntax, s.begin(),
              "an observation is a value, a bound, a range or a judgment, not a target");
  const parsed_observation figure = figure_of(r);
  o.value = figure.value;
  o.measure = figure.measure;
  o.unit = figure.unit;
  o.qualifier = figure.qualifier;
  o.approximate = o.approximate || figure.approximate;
  o.comparable = p.comparable;
  return o;
}

}  // namespace

void check_one_quantity(const parsed_observation& parsed) {
  if (parsed.respectively)
    throw parse_error(errc::observation_syntax,
                      "the text gives figures for " + std::to_string(1 + parsed.also.size()) +
                          " quantities (分别, respectively); a value is of one indicator: give "
                          "each quantity its own row");
}

observation to_observation(const std::string& indicator, const period& per, std::string text,
                           const parsed_observation& parsed) {
  check_one_quantity(parsed);  // an observation is of one indicator: never the first of several
  observation o;
  o.indicator = indicator;
  o.period = per;
  o.value = parsed.value;
  o.measure = parsed.measure;
  o.unit = parsed.unit;
  o.qualifier = parsed.qualifier;
  o.comparable = parsed.comparable;
  o.text = std::move(text);
  if (parsed.approximate) o.flags = "E";
  if (!parsed.remark.empty()) o.note = parsed.remark;
  return o;
}

std::vector<observation> to_observations(const std::string& indicator, const period& per,
                                         const std::string& text,
                                         const parsed_observation& parsed) {
  std::vector<observation> out;
  out.push_back(to_observation(indicator, per, text, parsed));
  for (const auto& more : parsed.also) {
    bool taken = false;
    for (const auto& o : out) taken = taken || o.measure.kind == more.measure.kind;
    if (!taken) out.push_back(to_observation(indicator, per, text, more));
  }
  return out;
}

}  // namespace planeval
