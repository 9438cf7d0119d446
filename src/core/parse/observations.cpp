// Observation texts: values, bounds, ranges and changes read by the target grammar, plus
// judgments (达标, not met), comparable figures (10.9(可比7.0)), estimates (预计) and missing
// values (-, n/a).
#include "core/parse/grammar.hpp"
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

parsed_observation parse_observation(std::string_view text, const parse_options& options) {
  using namespace detail;
  check_text_length(text, options.max_text_bytes);
  scanner s(text, observation_codes);
  parsed_observation o;
  o.remark = s.remark();
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
  o.measure = r.measure;
  o.unit = r.unit;
  o.qualifier = r.qualifier;
  o.comparable = p.comparable;
  switch (r.operation) {
    case op::reach: o.value = point_value{r.value}; break;
    case op::about:
      o.value = point_value{r.value};
      o.approximate = true;
      break;
    case op::at_least: o.value = bound_value{r.value, true, r.strict}; break;
    case op::at_most: o.value = bound_value{r.value, false, r.strict}; break;
    case op::between: o.value = interval_value{r.low, r.high}; break;
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed:
      s.fail_at(s.codes().syntax, s.begin(),
                "an observation is a value, a bound, a range or a judgment, not a target");
  }
  return o;
}

observation to_observation(const std::string& indicator, const period& per, std::string text,
                           const parsed_observation& parsed) {
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

}  // namespace planeval
