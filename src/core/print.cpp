// Canonical texts of rules and observations, in Chinese and English. Every text printed here
// parses back (parse_target / parse_observation) to an equal value.
#include <string>

#include "core/lexicon.hpp"
#include "core/parse/grammar.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"

namespace planeval {
namespace {

// `,` before a remark; `, ` when the remark starts with a digit, so that `5, 300项` does not
// read back as the number 5,300.
std::string remark_separator(const std::string& remark, bool zh) {
  // a remark whose first clause has a digit (a bracket's 00-059, or 10 after 5,) could read back
  // as a further figure after `,`: the full stop ends the figures
  for (std::size_t i = 0; i < remark.size(); ++i) {
    if (remark[i] == ',' || remark[i] == ';' || remark.compare(i, 3, "、") == 0 ||
        remark.compare(i, 3, "，") == 0 || remark.compare(i, 3, "；") == 0 ||
        remark.compare(i, 3, "。") == 0)
      break;
    if (remark[i] >= '0' && remark[i] <= '9') return "。";
  }
  const bool digit = !remark.empty() && remark.front() >= '0' && remark.front() <= '9';
  return zh && !digit ? "," : ", ";
}

std::string unit_text(const unit& u, language lang) {
  if (u.empty()) return {};
  if (lang == language::zh) return u.symbol();
  if (u.dim() == dimension::percent && u.scale() == 0) return "%";
  if (u.dim() == dimension::percentage_point) return " percentage points";
  // 4.4 trillion yuan, as English reads the scale (亿 and 万 have no English word: as written)
  if (auto english = detail::english_with_english_scale(u.symbol()); !english.empty())
    return " " + english;
  return " " + u.symbol();
}

// The printed words, looked up in the lexicon once.
struct printed_words {
  struct per_language {
    std::string_view range, signed_range, cumulative, years_cumulative, compared_with, year, annual,
        up, points_up, down, annual_up, annual_down, sync_with, sync_adverb, sync_word, fulfil,
        meet, in_line_with, roughly, cap, cap_closing, comparable;
    // comparisons by op (reach … about) and strictness
    const detail::phrase* comparison[5][2] = {};
    const detail::phrase* reference_comparison[5][2] = {};
  } zh, en;
  const per_language& operator[](language lang) const { return lang == language::zh ? zh : en; }
};

const printed_words& words() {
  static const printed_words w = [] {
    using detail::phrase_role;
    using detail::printed;
    const auto word = [](phrase_role role, language lang, printed use = printed::yes) {
      return detail::printed_word(role, lang, use);
    };
    printed_words out;
    for (const auto lang : {language::zh, language::en}) {
      auto& x = lang == language::zh ? out.zh : out.en;
      x.range = word(phrase_role::range_separator, lang);
      x.signed_range = word(phrase_role::range_separator, lang, printed::for_signed_ends);
      if (x.signed_range.empty()) x.signed_range = x.range;
      x.cumulative =
          detail::printed_phrase(phrase_role::cumulation, lang, [](const detail::phrase& p) {
            return p.number == 0;
          })->text;
      x.years_cumulative = word(phrase_role::cumulation_after_years, lang);
      x.compared_with = word(phrase_role::compared_with, lang);
      x.year = word(phrase_role::base_year_after, lang);
      x.annual = word(phrase_role::annual, lang);
      auto change = [&](int number) {
        const auto* p =
            detail::printed_phrase(phrase_role::change_word, lang,
                                   [&](const detail::phrase& c) { return c.number == number; });
        return p ? p->text : std::string_view();
      };
      x.up = change(1);
      x.down = change(-1);
      x.annual_up = change(2);
      x.annual_down = change(-2);
      x.points_up = word(phrase_role::change_word, lang, printed::for_points);
      if (x.points_up.empty()) x.points_up = x.up;
      x.sync_with = word(phrase_role::sync_with, lang);
      x.sync_adverb = word(phrase_role::sync_adverb, lang);
      x.sync_word = word(phrase_role::sync_word, lang);
      x.fulfil = word(phrase_role::fulfil_verb, lang);
      x.meet = word(phrase_role::in_line_with, lang, printed::for_quotas);
      x.in_line_with = word(phrase_role::in_line_with, lang);
      x.roughly = word(phrase_role::roughly, lang);
      x.cap = word(phrase_role::cap_verb, lang);
      x.cap_closing = word(phrase_role::cap_closing, lang);
      x.comparable = word(phrase_role::comparable_word, lang);
      for (const op o : {op::reach, op::at_least, op::at_most, op::between, op::about}) {
        for (const bool strict : {false, true}) {
          auto fits = [&](const detail::phrase& p) {
            return p.operation == o && p.strict == strict;
          };
          const auto k = static_cast<std::size_t>(o);
          x.comparison[k][strict] =
              detail::printed_phrase(phrase_role::comparison_before, lang, fits);
          if (!x.comparison[k][strict])
            x.comparison[k][strict] =
                detail::printed_phrase(phrase_role::comparison_after, lang, fits);
          x.reference_comparison[k][strict] =
              detail::printed_phrase(phrase_role::reference_comparison, lang, fits);
        }
      }
    }
    return out;
  }();
  return w;
}

// Joins words: English words with a blank, Chinese ones directly.
std::string joined(std::string_view a, std::string_view b, language lang) {
  std::string out(a);
  if (lang == language::en && !a.empty() && !b.empty()) out += ' ';
  out += b;
  return out;
}

std::string qualifier_text(const qualifier& q, language lang) {
  const auto& w = words()[lang];
  std::string out;
  if (q.cumulative) {
    const auto* years = q.cumulative_years > 0
                            ? detail::printed_phrase(detail::phrase_role::cumulation, lang,
                                                     [&](const detail::phrase& p) {
                                                       return p.number == q.cumulative_years;
                                                     })
                            : nullptr;
    if (years)
      out += years->text;
    else if (q.cumulative_years > 0 && q.cumulative_years < 10)
      out += std::to_string(q.cumulative_years) + std::string(w.years_cumulative);
    else
      out += w.cumulative;
  }
  if (lang == language::zh) return out + q.flow;
  if (!out.empty()) out += ' ';
  if (q.flow.empty()) return out;
  const auto flow = detail::flow_in_english(q.flow);
  out += flow.empty() ? std::string_view(q.flow) : flow;
  return out + " ";
}

std::string amount(double v, const unit& u, language lang) {
  if (lang == language::en && u.dim() == dimension::percentage_point && (v == 1 || v == -1))
    return format_number(v) + " percentage point";
  return format_number(v) + unit_text(u, lang);
}

// The comparison part of a numeric rule, without qualifier, verb or remark.
std::string level_text(const rule& r, language lang) {
  const auto& w = words()[lang];
  switch (r.operation) {
    case op::reach: return amount(r.value, r.unit, lang);
    case op::about:
    case op::at_least:
    case op::at_most: {
      const bool strict = r.strict && r.operation != op::about;
      const auto* c = w.comparison[static_cast<std::size_t>(r.operation)][strict];
      const std::string a = amount(r.value, r.unit, lang);
      return c->role == detail::phrase_role::comparison_after ? joined(a, c->text, lang)
                                                              : joined(c->text, a, lang);
    }
    case op::between: {
      const auto sep = (r.low < 0 || r.high < 0) ? w.signed_range : w.range;
      return joined(joined(amount(r.low, r.unit, lang), sep, lang), amount(r.high, r.unit, lang),
                    lang);
    }
    default: break;  // not a comparison (rule::is_comparison): no level
  }
  return {};
}

bool is_down(const rule& r) {
  if (r.operation == op::between) return r.high <= 0 && r.low < 0;
  return r.is_comparison() && r.value < 0;
}

std::string change_text(const rule& r, language lang) {
  const auto& w = words()[lang];
  const bool down = is_down(r);
  rule body = r;
  if (down) detail::negate(body);
  const bool points = r.measure.kind == measure_kind::change_points;
  const bool annual = r.measure.kind == measure_kind::cagr;
  const std::string year = r.measure.base_year != 0 ? std::to_string(r.measure.base_year) : "";
  std::string out;
  if (lang == language::zh) {
    if (!year.empty()) out += std::string(w.compared_with) + year + std::string(w.year);
    if (annual) out += w.annual;
    out += down ? w.down : (points ? w.points_up : w.up);
    out += level_text(body, lang);
    return out;
  }
  out = joined(annual ? (down ? w.annual_down : w.annual_up) : (down ? w.down : w.up),
               level_text(body, lang), lang);
  if (!year.empty()) out = joined(joined(out, w.compared_with, lang), year, lang);
  return out;
}

std::string reference_text(const rule& r, language lang) {
  const auto& w = words()[lang];
  const bool zh = lang == language::zh;
  // a name that ends with a bracket is quoted, or the bracket would read back as a remark
  const bool closes =
      !r.reference.empty() && (r.reference.back() == ')' || r.reference.back() == ']');
  const std::string n = zh && closes ? "\"" + r.reference + "\"" : r.reference;
  const std::string name = zh ? n : reference_name_en(n);
  switch (r.operation) {
    case op::about:
      if (zh)
        return std::string(w.sync_with) + n + std::string(w.sync_adverb) + std::string(w.sync_word);
      return joined(joined(w.roughly, w.in_line_with, lang), name, lang);
    case op::reach:
      if (detail::is_quota_name(r.reference)) return joined(zh ? w.fulfil : w.meet, name, lang);
      if (zh) return std::string(w.sync_with) + n + std::string(w.sync_word);
      return joined(w.in_line_with, name, lang);
    case op::at_least:
    case op::at_most: {
      const auto* c = w.reference_comparison[static_cast<std::size_t>(r.operation)][r.strict];
      if (c) return joined(c->text, name, lang);
      return std::string(w.cap) + n + std::string(w.cap_closing);  // zh: 控制在X之内
    }
    default: break;  // a range or not a comparison: the number alone
  }
  return n;
}

}  // namespace

namespace {

// 达到1211亿元、增长6.8%; 分别增长6%、增长7%左右 (a later part that starts with a number is
// written with 达到, so that it does not take the first part's verb when read back)
std::string compound_text(const rule& r, language lang) {
  using detail::phrase_role;
  const std::string separator(detail::printed_word(phrase_role::part_separator, lang));
  std::string out;
  bool first_bare = true;
  for (std::size_t k = 0; k < r.parts.size(); ++k) {
    std::string part = canonical(r.parts[k], lang);
    const bool bare = !part.empty() && ((part[0] >= '0' && part[0] <= '9') || part[0] == '-');
    if (k == 0) first_bare = bare;
    if (k > 0 && bare && r.respectively && !first_bare) {
      const std::string verb(detail::printed_word(phrase_role::level_verb, lang));
      part = verb + (lang == language::zh ? "" : " ") + part;
    }
    if (k > 0) out += separator;
    out += part;
  }
  if (r.respectively)
    out = std::string(detail::printed_word(phrase_role::respectively_word, lang)) +
          (lang == language::zh ? "" : " ") + out;
  return out;
}

}  // namespace

std::string canonical(const rule& r, language lang) {
  const bool zh = lang == language::zh;
  std::string out;
  switch (r.operation) {
    case op::qualitative:
    case op::unparsed: out = r.description; break;
    case op::increase:
    case op::decrease:
    case op::improve:
      out = detail::printed_phrase(
                detail::phrase_role::direction_phrase, lang,
                [&](const detail::phrase& p) { return p.operation == r.operation; })
                ->text;
      break;
    case op::reach:
    case op::about:
    case op::at_least:
    case op::at_most:
    case op::between:
      if (r.has_reference()) {
        out = reference_text(r, lang);
        // the growth compared with the reference: 增速高于全省平均水平, growth above GDP growth
        if (r.measure.kind == measure_kind::growth)
          out =
              joined(detail::printed_word(detail::phrase_role::reference_subject, lang), out, lang);
      } else if (r.measure.kind == measure_kind::level) {
        out = qualifier_text(r.qualifier, lang) + level_text(r, lang);
      } else {
        out = qualifier_text(r.qualifier, lang) + change_text(r, lang);
      }
      break;
    case op::compound: out = compound_text(r, lang); break;
  }
  // the rule's own year first: 到2030年15万元以上, by 2030 at least 15 万元
  if (r.year != 0 && r.operation != op::unparsed)
    out = zh ? "到" + std::to_string(r.year) + "年" + out
             : "by " + std::to_string(r.year) + " " + out;
  if (!r.remark.empty() && r.operation != op::unparsed)
    out += remark_separator(r.remark, zh) + r.remark;
  return out;
}

std::string canonical(const observation& o, language lang) {
  parsed_observation p;
  p.value = o.value;
  p.measure = o.measure;
  p.unit = o.unit;
  p.qualifier = o.qualifier;
  p.comparable = o.comparable;
  p.approximate = o.approximate();
  return canonical(p, lang);
}

namespace {

// The rule a figure (a value, bound or range) would be written as.
rule figure_rule(const parsed_observation& o) {
  rule r;
  r.measure = o.measure;
  r.unit = o.unit;
  r.qualifier = o.qualifier;
  if (const auto* p = std::get_if<point_value>(&o.value)) {
    r.operation = o.approximate ? op::about : op::reach;
    r.value = p->value;
  } else if (const auto* b = std::get_if<bound_value>(&o.value)) {
    r.operation = b->at_least ? op::at_least : op::at_most;
    r.value = b->value;
    r.strict = b->strict;
  } else if (const auto* i = std::get_if<interval_value>(&o.value)) {
    r.operation = op::between;
    r.low = i->low;
    r.high = i->high;
  }
  return r;
}

}  // namespace

std::string canonical(const parsed_observation& o, language lang) {
  const bool zh = lang == language::zh;
  std::string out;
  if (const auto* j = std::get_if<judgment_value>(&o.value)) {
    out = detail::printed_phrase(
              detail::phrase_role::judgment_word, lang,
              [&](const detail::phrase& p) { return p.number == static_cast<int>(j->verdict); })
              ->text;
  } else if (std::holds_alternative<missing_value>(o.value)) {
    out = detail::printed_word(detail::phrase_role::missing_word, lang);
  } else if (o.respectively) {
    // a 分别 list: printed as the compound rule of its figures
    rule list;
    list.operation = op::compound;
    list.respectively = true;
    list.parts.push_back(figure_rule(o));
    for (const auto& more : o.also) list.parts.push_back(figure_rule(more));
    out = canonical(list, lang);
  } else {
    out = canonical(figure_rule(o), lang);
    if (o.comparable)
      out += (zh ? "(" : " (") +
             joined(words()[lang].comparable, format_number(*o.comparable), lang) + ")";
  }
  for (const auto& more : o.respectively ? std::vector<parsed_observation>() : o.also)
    out += std::string(detail::printed_word(detail::phrase_role::part_separator, lang)) +
           canonical(more, lang);
  if (!o.remark.empty()) out += remark_separator(o.remark, zh) + o.remark;
  return out;
}

}  // namespace planeval
