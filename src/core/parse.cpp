// The target language: a scannerless PEG parser over normalised code points.
//
// The scanner (parse/scanner.*) decodes and folds the text and finds its head (the text before
// the first remark separator); the forms (parse/grammar.cpp, parse/references.cpp) are ordered
// alternatives, each of which must consume the whole head; the words come from the lexicon
// (lexicon.cpp). Observation texts are read in parse/observations.cpp.
#include "planeval/core/parse.hpp"

#include <string>

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
    case op::unparsed: return false;
  }
  return false;
}

bool operator==(const rule& a, const rule& b) noexcept {
  return a.operation == b.operation && a.measure == b.measure && a.value == b.value &&
         a.low == b.low && a.high == b.high && a.strict == b.strict && a.reference == b.reference &&
         a.unit == b.unit && a.qualifier == b.qualifier && a.remark == b.remark &&
         a.description == b.description && a.year == b.year;
}

void detail::check_text_length(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw parse_error(errc::limit_text_length, "a text of " + std::to_string(text.size()) +
                                                   " bytes, more than the limit of " +
                                                   std::to_string(max_bytes));
}

rule parse_target(std::string_view text, const parse_options& options) {
  using namespace detail;
  check_text_length(text, options.max_text_bytes);  // not kept as unparsed: a limit
  try {
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
    rule r;
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
      s.fail_syntax();
    }
    r.remark = s.remark();
    // only separators and blanks (`,　`): nothing to print back
    if (r.operation == op::qualitative && r.description.empty() && r.remark.empty())
      throw parse_error(errc::target_empty, "the target text is empty");
    return r;
  } catch (const parse_error&) {
    if (!options.keep_unparsed) throw;
    rule r;
    r.operation = op::unparsed;
    r.description = std::string(detail::trim(text));
    return r;
  }
}

}  // namespace planeval
