// The target language: a scannerless PEG parser over normalised code points.
//
// The scanner (parse/scanner.*) decodes and folds the text and finds its head (the text before
// the first remark separator); the forms (parse/grammar.cpp, parse/references.cpp) are ordered
// alternatives, each of which must consume the whole head; the words come from the lexicon
// (lexicon.cpp). Observation texts are read in parse/observations.cpp.
#include "planeval/core/parse.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/parse/grammar.hpp"
#include "detail/utf8.hpp"
#include "planeval/core/error.hpp"

namespace planeval {
namespace {

rule to_rule(detail::reading&& p) {
  rule r = std::move(p.rule);
  if (r.operation != op::at_least && r.operation != op::at_most) r.strict = false;
  if (r.operation != op::between) r.low = r.high = 0.0;
  if (r.operation == op::between || !r.is_comparison() || r.has_reference()) r.value = 0.0;
  if (r.has_reference()) r.low = r.high = 0.0;
  return r;
}

}  // namespace

bool rule::is_comparison() const noexcept {
  switch (operation) {
    case op::reach:
    case op::at_least:
    case op::at_most:
    case op::between:
    case op::about: return true;
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed:
    case op::compound: return false;
  }
  return false;
}

bool operator==(const rule& a, const rule& b) noexcept {
  return a.operation == b.operation && a.measure == b.measure && a.value == b.value &&
         a.low == b.low && a.high == b.high && a.strict == b.strict && a.reference == b.reference &&
         a.unit == b.unit && a.qualifier == b.qualifier && a.remark == b.remark &&
         a.description == b.description && a.year == b.year && a.parts == b.parts &&
         a.respectively == b.respectively;
}

void detail::check_text_length(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw parse_error(errc::limit_text_length, "a text of " + std::to_string(text.size()) +
                                                   " bytes, more than the limit of " +
                                                   std::to_string(max_bytes));
}

bool detail::comma_between_digits(std::string_view text, std::string_view remark) noexcept {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (remark.empty() || !digit(remark.front()) || text.size() < remark.size() + 2) return false;
  const std::size_t comma = text.size() - remark.size() - 1;
  return text.compare(comma + 1, remark.size(), remark) == 0 && text[comma] == ',' &&
         digit(text[comma - 1]);
}

namespace {

// --- one rule: the forms over the head, the rest a remark ---------------------------------------

struct single {
  rule r;
  char32_t separator = 0;  // what started the remark (scanner::remark_separator)
};

// `by 2030 …`: a four-digit year at `at`, not a figure.
bool year_follows(const detail::scanner& s, std::size_t at) noexcept {
  std::size_t k = at;
  while (k < s.end() && k - at < 5 && s.at(k) >= '0' && s.at(k) <= '9') ++k;
  return k - at == 4 && (k >= s.end() || s.at(k) == ' ' || s.at(k) == ',');
}

single parse_single(std::string_view text) {
  using namespace detail;
  scanner s(text, target_codes);
  if (s.blank()) {
    throw parse_error(errc::target_empty, "the target text is empty");
  }
  reading p;
  const auto forms = [&] {
    return numeric_or_change(s, p, [](reading&) { return true; }) ||
           attempt(s, p, [&](reading& q) { return direction(s, q); }) ||
           attempt(s, p, [&](reading& q) { return reference(s, q); });
  };
  // the forms as written, then after any lead words (力争, 年内, 同口径, 连续9年)
  const std::size_t start = s.pos();
  bool ok = forms();
  int year = 0;  // 到2030年: the rule's own year
  std::size_t after_leads = start;
  if (!ok && leads(s, &year)) {
    after_leads = s.pos();
    ok = forms();
  }
  if (!ok) s.seek(start);
  single out;
  rule& r = out.r;
  if (ok) {
    r = to_rule(std::move(p));
    r.year = year;
  } else if (year != 0 && !s.has_digit_from(after_leads)) {
    // 到2030年率先基本实现社会主义现代化: a qualitative target for that year
    r.operation = op::qualitative;
    r.description = s.text_from(after_leads);
    r.year = year;
  } else if (!s.head_has_digit()) {
    r.operation = op::qualitative;
    r.description = s.head_text();
  } else {
    // `by 5 percent`, as a translation cuts a sentence after its verb: up or down is not said
    // (`by around 3 percent` is a cut of energy use per unit of GDP), so it is not guessed
    if (const auto n = s.match_at(s.begin(), U"by"); n != 0 && s.begin() + n < s.end() &&
                                                     s.at(s.begin() + n) == ' ' &&
                                                     !year_follows(s, s.begin() + n + 1))
      s.fail_at(s.codes().syntax, s.begin(),
                "a change without its verb ('by 5 percent'): say whether it is up or down "
                "('up by 5 percent', 'cut by 3 percent')");
    s.fail_syntax();
  }
  r.remark = s.remark();
  out.separator = s.remark_separator();
  // only separators and blanks (`,　`): nothing to print back
  if (r.operation == op::qualitative && r.description.empty() && r.remark.empty())
    throw parse_error(errc::target_empty, "the target text is empty");
  return out;
}

// --- compound cells -----------------------------------------------------------------------------

constexpr std::size_t max_parts = 16;  // bounds the chain (and its recursion) on hostile input

// A part of a compound: a comparison against a number, nothing of its own beyond that.
bool is_part(const rule& r) noexcept {
  return r.is_comparison() && !r.has_reference() && r.remark.empty() && r.year == 0;
}

bool has_ascii_digit(std::string_view t) noexcept {
  for (const char c : t)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// The first segment of a text: up to its first `,` `;` `、` (ASCII or full-width).
std::string_view first_segment(std::string_view t) noexcept {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ',' || t[i] == ';') return t.substr(0, i);
    for (const std::string_view sep : {"、", "，", "；"})
      if (t.compare(i, sep.size(), sep) == 0) return t.substr(0, i);
  }
  return t;
}

bool starts_with_ci(std::string_view text, std::string_view word) noexcept {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (detail::lower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(word[i]))
      return false;
  return true;
}

// The 分别 (respectively) word in a text: where it starts and its length; npos when absent or
// after a number (the list starts there).
std::pair<std::size_t, std::size_t> respectively_at(std::string_view text) {
  for (const auto& w : detail::phrases_of(detail::phrase_role::respectively_word)) {
    const std::string_view word = w.entry->text;
    if (w.entry->lang == detail::phrase_language::en) {
      if (starts_with_ci(text, word)) return {0, word.size()};
      continue;
    }
    const auto at = text.find(word);
    // a short lead before it (累计分别达到, 到2025年分别): moved onto the first part
    if (at != std::string_view::npos && at <= 24 && !has_ascii_digit(text.substr(0, at)) &&
        first_segment(text).size() > at)
      return {at, word.size()};
  }
  return {std::string_view::npos, 0};
}

// The items of a 分别 list: the text split at its part separators, each with its offset.
std::vector<std::pair<std::size_t, std::string_view>> list_items(std::string_view t) {
  std::vector<std::pair<std::size_t, std::string_view>> items;
  const auto& seps = detail::phrases_of(detail::phrase_role::part_separator);
  std::size_t from = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 0;
    for (const auto& w : seps) {
      const std::string_view sep = w.entry->text;
      if (t.compare(i, sep.size(), sep) == 0 ||
          (sep == "," && t.compare(i, 3, "，") == 0 && (len = 3, true))) {
        if (len == 0) len = sep.size();
        break;
      }
    }
    if (len == 0 && (t.compare(i, 3, "；") == 0)) len = 3;
    if (len == 0) {
      ++i;
      continue;
    }
    items.emplace_back(from, t.substr(from, i - from));
    i += len;
    from = i;
  }
  items.emplace_back(from, t.substr(from));
  return items;
}

std::optional<rule> part_of(std::string_view text) {
  try {
    single one = parse_single(text);
    if (is_part(one.r)) return std::move(one.r);
  } catch (const parse_error&) {
    // not a part: the list ends here
  }
  return std::nullopt;
}

// The comparison word a list item ends with (左右, 以上, or more), or empty.
std::string_view comparison_suffix(std::string_view item) {
  for (const auto& w : detail::phrases_of(detail::phrase_role::comparison_after)) {
    const std::string_view word = w.entry->text;
    if (item.size() >= word.size() && item.substr(item.size() - word.size()) == word) return word;
  }
  return {};
}

// 分别增长6%和7%左右, 累计分别达到1016家和591家, respectively up 6%, up 7%: the first item has
// the verb, a later item written as a bare number takes it (增长 … 7%), and a comparison word
// after the last item is every bare item's (… 和7%左右: both about).
}  // namespace

std::optional<rule> detail::respectively_list(std::string_view text) {
  const auto [at, len] = respectively_at(text);
  if (at == std::string_view::npos) return std::nullopt;
  const std::string lead(detail::trim(text.substr(0, at)));
  const std::string_view list = text.substr(at + len);
  // a full stop ends the list: what follows is the remark
  const std::size_t stop = list.find("。");
  const auto items = list_items(stop == std::string_view::npos ? list : list.substr(0, stop));
  std::vector<rule> parts;
  std::vector<std::string> written;  // each part's text as parsed
  std::string verb;                  // the first item's words before its number
  std::size_t next = 0;              // the first item not read as a part
  bool first_bare = true;            // the first item starts with its number (no verb to pass on)
  bool later_bare = true;  // every later item is a bare number taking the first one's verb
  for (; next < items.size() && parts.size() < max_parts; ++next) {
    const std::string item(detail::trim(items[next].second));
    const bool bare = !item.empty() && (has_ascii_digit(item.substr(0, 1)) || item[0] == '-');
    std::string as_read = next == 0 ? lead + item : bare ? verb + item : item;
    if (next == 0) first_bare = bare;
    if (next > 0 && !bare) later_bare = false;
    auto part = part_of(as_read);
    if (!part) break;
    if (next == 0) {
      std::size_t d = 0;
      while (d < as_read.size() && !(as_read[d] >= '0' && as_read[d] <= '9') && as_read[d] != '-')
        ++d;
      verb = as_read.substr(0, d);
    }
    parts.push_back(std::move(*part));
    written.push_back(std::move(as_read));
  }
  if (parts.size() < 2) return std::nullopt;
  // a comparison word after the last item is every item's when the first has the verb and the
  // others are bare numbers (增长5%和7.5%左右)
  if (const auto suffix = comparison_suffix(written.back());
      !suffix.empty() && !first_bare && later_bare) {
    for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
      if (parts[k].operation != op::reach || !comparison_suffix(written[k]).empty()) continue;
      if (auto again = part_of(written[k] + std::string(suffix))) parts[k] = std::move(*again);
    }
  }
  rule r;
  r.operation = op::compound;
  r.respectively = true;
  r.parts = std::move(parts);
  if (next < items.size() || stop != std::string_view::npos) {
    const std::string_view rest =
        detail::trim(next < items.size() ? list.substr(items[next].first) : list.substr(stop + 3));
    // a second list (分别达到36583元和17736元,分别增长7%和10%): its parts follow
    auto more = detail::respectively_list(rest);
    if (more && r.parts.size() + more->parts.size() <= max_parts) {
      for (auto& part : more->parts) r.parts.push_back(std::move(part));
      r.remark = std::move(more->remark);
    } else {
      r.remark = std::string(rest);
    }
  }
  return r;
}

namespace {

// The rule of a text: one form, a 分别 list, or a chain of forms (达1211亿元、增长6.8%) whose
// first segment that is not a part starts the remark.
rule parse_rule(std::string_view text, std::size_t depth) {
  if (auto r = detail::respectively_list(text)) return std::move(*r);
  single one = parse_single(text);
  rule& r = one.r;
  // 304,5万吨 is a misplaced separator inside a number, not two figures
  // (增长5,5%: the comma between two digits, whatever the first figure is)
  const bool digit_after_comma =
      one.separator == U',' && !r.remark.empty() &&
      ((r.remark[0] >= '0' && r.remark[0] <= '9' && r.operation == op::reach && r.unit.empty() &&
        r.measure.kind == measure_kind::level && r.qualifier.empty()) ||
       detail::comma_between_digits(text, r.remark));
  const bool chained =
      (one.separator == U',' || one.separator == U';' || one.separator == 0x3001) &&
      !digit_after_comma;
  if (!chained || depth + 1 >= max_parts || r.has_reference() || !r.is_comparison() ||
      !has_ascii_digit(first_segment(r.remark)))
    return std::move(r);
  rule rest;
  try {
    rest = parse_rule(r.remark, depth + 1);
  } catch (const parse_error&) {
    return std::move(r);  // the remark is not a figure
  }
  // a bare number after a comma (5,10) is a remark: it could be a misplaced separator
  const rule& next = rest.operation == op::compound ? rest.parts.front() : rest;
  const bool bare = next.operation == op::reach && next.unit.empty() &&
                    next.measure.kind == measure_kind::level && next.qualifier.empty();
  if (!(rest.operation == op::compound || (rest.is_comparison() && !rest.has_reference())) ||
      rest.year != 0 || bare)
    return std::move(r);
  // no more parts than a list is read with (the printed compound must read back the same)
  if (1 + (rest.operation == op::compound ? rest.parts.size() : 1) > max_parts) return std::move(r);
  rule c;
  c.operation = op::compound;
  c.year = r.year;
  c.remark = std::move(rest.remark);
  r.year = 0;
  r.remark.clear();
  c.parts.push_back(std::move(r));
  if (rest.operation == op::compound) {
    c.respectively = rest.respectively;
    for (auto& part : rest.parts) c.parts.push_back(std::move(part));
  } else {
    rest.remark.clear();
    c.parts.push_back(std::move(rest));
  }
  return c;
}

}  // namespace

rule parse_target(std::string_view text, const parse_options& options) {
  detail::check_text_length(text, options.max_text_bytes);  // not kept as unparsed: a limit
  try {
    return parse_rule(text, 0);
  } catch (const parse_error&) {
    if (!options.keep_unparsed) throw;
    rule r;
    r.operation = op::unparsed;
    r.description = std::string(detail::trim(text));
    return r;
  }
}

bool names_growth_rate(std::string_view indicator_name) noexcept {
  return detail::names_growth(indicator_name);
}

}  // namespace planeval
