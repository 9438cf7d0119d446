// The real phrasing corpus (tests/data/phrasings/corpus.tsv: targets and results harvested from
// government work reports, plan tables and official translations, with their sources in
// sources.md) against the target language. Each row's `expected` column is a label in a small
// notation (`growth about 5 %`, `at_least 1200 万人`, `reference 经济增长 in_step`,
// `quota 省下达目标`, `compound [value 3347.6 亿元; growth value 1.5 %]`); the test prints each
// parse in that notation and compares. Rows that do not read as labelled yet are listed in
// pending.tsv with what they read as today: the test fails when a row outside that list reads
// differently from its label, and when a listed row now reads as labelled (take it off the list),
// so the list is always the exact state. Notes on the label (`prefix=…`, `lead=…`, `?`, a comment
// in brackets) describe the text and are not compared; neither is a remark; `estimate` makes a
// value approximate (the SDMX flag E that 预计 and 左右 both give).
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "core/lexicon.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {

struct corpus_row {
  std::string id, role, indicator, unit, text, source, expected;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
    out.push_back(line.substr(from, tab - from));
  out.push_back(line.substr(from));
  return out;
}

std::vector<corpus_row> read_corpus() {
  std::ifstream in(PLANEVAL_TEST_DATA "/phrasings/corpus.tsv");
  std::vector<corpus_row> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto f = split_tabs(line);
    if (f.size() < 7) continue;
    rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return rows;
}

// id → what the row reads as today
std::map<std::string, std::string> read_pending() {
  std::ifstream in(PLANEVAL_TEST_DATA "/phrasings/pending.tsv");
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    if (f.size() >= 2) out[f[0]] = f[1];
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// The measure word of a label, the value's sign made positive for a decline.
std::string measure_word(const measure& m, double& value) {
  switch (m.kind) {
    case measure_kind::growth:
      if (value < 0) {
        value = -value;
        return "decline";
      }
      return "growth";
    case measure_kind::cagr: return "cagr";
    case measure_kind::change_points: return "change_points";
    case measure_kind::change_since: return "change_since " + std::to_string(m.base_year);
    case measure_kind::level: break;
  }
  return {};
}

std::string unit_word(const measure& m, const unit& u) {
  return m.kind == measure_kind::change_points ? std::string() : u.symbol();
}

std::string label_without_year(const rule& r);

// A bound's word with the value's sign made positive: `less_than -3` is `more_than 3`.
std::string flipped(const std::string& form) {
  if (form == "more_than") return "less_than";
  if (form == "less_than") return "more_than";
  if (form == "at_least") return "at_most";
  if (form == "at_most") return "at_least";
  return form;
}

// A rule's label, with `year=N` for a target year written in the text; a compound's parts
// in brackets.
std::string label(const rule& r) {
  std::string l;
  if (r.operation == op::compound) {
    l = "compound [";
    for (std::size_t k = 0; k < r.parts.size(); ++k)
      l += (k ? "; " : "") + label_without_year(r.parts[k]);
    l += "]";
  } else {
    l = label_without_year(r);
  }
  return r.year != 0 ? l + " year=" + std::to_string(r.year) : l;
}

std::string label_without_year(const rule& r) {
  switch (r.operation) {
    case op::qualitative: return "qualitative";
    case op::unparsed: return "unparsed";
    case op::increase: return "direction up";
    case op::decrease: return "direction down";
    case op::improve: return "direction improve";
    default: break;
  }
  if (r.has_reference()) {
    if (detail::is_quota_name(r.reference) || detail::is_target_name(r.reference))
      return join({"quota", r.reference, r.operation == op::at_most ? "at_most" : ""});
    const char* relation = "in_step";
    if (r.operation == op::about) relation = "about";
    if (r.operation == op::at_least) relation = r.strict ? "above" : "not_below";
    if (r.operation == op::at_most) relation = r.strict ? "below" : "not_above";
    return join({"reference", r.reference, relation});
  }
  double value = r.value, low = r.low, high = r.high;
  if (r.operation == op::between && r.measure.kind == measure_kind::growth && high < 0) {
    low = -r.high;
    high = -r.low;
    value = -1;
  }
  const std::string m = measure_word(r.measure, value);
  const std::string u = unit_word(r.measure, r.unit);
  const std::string c = join({r.qualifier.cumulative ? "cumulative" : "",
                              r.qualifier.flow.empty() ? "" : "qualifier=" + r.qualifier.flow});
  switch (r.operation) {
    case op::between: return join({m, "between", number(low), number(high), u, c});
    case op::about: return join({m, "about", number(value), u, c});
    case op::at_least:
    case op::at_most: {
      const bool above = r.operation == op::at_least;
      const std::string form =
          above ? (r.strict ? "more_than" : "at_least") : (r.strict ? "less_than" : "at_most");
      return join({m, m == "decline" ? flipped(form) : form, number(value), u, c});
    }
    default: return join({m, "equal", number(value), u, c});
  }
}

std::string label_one(const parsed_observation& o);

// An observation's label; with further figures, `compound [first; …]`.
std::string label(const parsed_observation& o) {
  if (o.also.empty()) return label_one(o);
  std::string l = "compound [" + label_one(o);
  for (const auto& more : o.also) l += "; " + label_one(more);
  return l + "]";
}

std::string label_one(const parsed_observation& o) {
  double value = 0.0;
  std::string form;
  if (const auto* p = std::get_if<point_value>(&o.value)) {
    value = p->value;
    form = o.approximate ? "about" : "value";
  } else if (const auto* b = std::get_if<bound_value>(&o.value)) {
    value = b->value;
    form = b->at_least ? (b->strict ? "more_than" : "at_least")
                       : (b->strict ? "less_than" : "at_most");
  } else if (const auto* i = std::get_if<interval_value>(&o.value)) {
    return join({"between", number(i->low), number(i->high), unit_word(o.measure, o.unit)});
  } else if (const auto* j = std::get_if<judgment_value>(&o.value)) {
    return std::string("judgment ") + to_string(j->verdict);
  } else {
    return "missing";
  }
  const std::string m = measure_word(o.measure, value);
  if (m == "decline") form = flipped(form);  // a growth below -3 is a decline of more than 3
  return join({m, form, number(value), unit_word(o.measure, o.unit),
               o.qualifier.cumulative ? "cumulative" : ""});
}

// The unit of the row's unit column for a figure written without one, as the import gives a
// target or result the indicator's unit (`Over 550.00` in a column of `Million metric tons`).
unit column_unit(const corpus_row& row, const measure& m, const unit& written) {
  if (!written.empty() || row.unit.empty() || m.kind != measure_kind::level) return written;
  try {
    // the Chinese symbol, as the text `550 million metric tons` reads (unit::parse keeps an
    // English symbol as written)
    const auto chinese = detail::chinese_with_english_scale(row.unit);
    return unit::parse(chinese.empty() ? row.unit : chinese);
  } catch (const error&) {
    return written;
  }
}

rule with_column_unit(rule r, const corpus_row& row) {
  r.unit = column_unit(row, r.measure, r.unit);
  return r;
}

parsed_observation with_column_unit(parsed_observation o, const corpus_row& row) {
  o.unit = column_unit(row, o.measure, o.unit);
  return o;
}

// A percentage target on an indicator named for its growth rate (`经济增长`, `GDP growth`:
// `6%左右`) is the level of that rate, which is the growth of the quantity the name gives: the
// label an analyst writes (`growth about 6 %`), as the import reads such a row.
rule on_growth_rate_indicator(rule r, const corpus_row& row) {
  if (r.measure.kind == measure_kind::level && r.is_comparison() && !r.has_reference() &&
      r.unit.dim() == dimension::percent && r.unit.scale() == 0 && names_growth_rate(row.indicator))
    r.measure.kind = measure_kind::growth;
  return r;
}

// What a row reads as: its label, or the error's code.
std::string reading_of(const corpus_row& row) {
  try {
    if (row.role == "result") {
      // a result may also be written as a target would be (a reference, a quota, a direction)
      try {
        return label(with_column_unit(parse_observation(row.text), row));
      } catch (const error&) {
        return label(with_column_unit(parse_target(row.text), row));
      }
    }
    return label(on_growth_rate_indicator(with_column_unit(parse_target(row.text), row), row));
  } catch (const error& e) {
    return std::string("error ") + to_string(e.code());
  }
}

// The compared part of one label: notes, uncertainty marks and remarks removed.
std::string core_of(std::string s) {
  if (const auto semi = s.find(';'); semi != std::string::npos) s.erase(semi);
  std::vector<std::string> kept;
  std::istringstream words(s);
  int depth = 0;
  bool estimate = false;
  bool in_prefix = false;
  for (std::string w; words >> w;) {
    const bool opens = w.front() == '(' || w.rfind("（", 0) == 0;
    if (opens) ++depth;
    const bool closes =
        !w.empty() && (w.back() == ')' || (w.size() >= 3 && w.substr(w.size() - 3) == "）"));
    if (depth > 0) {
      if (closes) --depth;
      continue;
    }
    if (w == "estimate") estimate = true;
    // numbers as the notation prints them (`6.0` is 6)
    if (std::isdigit(static_cast<unsigned char>(w[0])) != 0) {
      char* end = nullptr;
      const double v = std::strtod(w.c_str(), &end);
      if (end != nullptr && *end == '\0') w = number(v);
    }
    // an English prefix has blanks (`prefix=reached a record of`): its words run to the next
    // mark, bracket or field
    const bool field = w.find('=') != std::string::npos;
    if (in_prefix && !field && w != "?" && w != "estimate" && w != "cumulative") continue;
    in_prefix = w.rfind("prefix=", 0) == 0 || w.rfind("lead=", 0) == 0;
    if (w == "?" || w == "estimate" || in_prefix) continue;
    kept.push_back(w);
  }
  // an estimated value (预计) is recorded approximate, as `左右` is: the notation's `about`
  for (auto& w : kept)
    if (estimate && w == "value") w = "about";
  return join(kept);
}

// Labels written in other words for what the parser records one way: the English scale words
// (the parser reads `12 million` as 12 百万), English names of known references, and a positive
// growth (`direction positive`, which the language reads as growth above 0 %).
std::string same_words(std::string core) {
  const std::pair<const char*, const char*> words[] = {
      {" trillion yuan", " 万亿元"},
      {" billion yuan", " 十亿元"},
      {" trillion", " 万亿"},
      {" billion", " 十亿"},
      {" million", " 百万"},
      {" thousand", " 千"},
      {" metric tons", "吨"},
      {" tonnes", "吨"},
      {" US$", "美元"},
      {"万亿 ", "万亿"},  // 6.82 trillion kWh: 万亿kWh
      {"十亿 ", "十亿"},
      {"百万 ", "百万"}};
  for (const auto& [from, to] : words)
    for (std::size_t at; (at = core.find(from)) != std::string::npos;)
      core.replace(at, std::string_view(from).size(), to);
  if (core == "direction positive") return "growth more_than 0 %";
  if (core == "direction steady_up") return "direction up";
  const std::string ref = "reference ";
  if (core.rfind(ref, 0) == 0) {
    const auto last = core.rfind(' ');
    const std::string name = core.substr(ref.size(), last - ref.size());
    const auto zh = detail::reference_from_english(name);
    if (!zh.empty()) core = ref + std::string(zh) + core.substr(last);
  }
  return core;
}

// The expected label's compared part; a compound's parts each reduced, in brackets.
std::string expected_core(const std::string& expected) {
  if (expected.rfind("compound [", 0) == 0) {
    const auto close = expected.find(']');
    std::string inside = expected.substr(10, close - 10);
    std::string out = "compound [";
    std::size_t from = 0;
    for (bool first = true;; first = false) {
      const auto semi = inside.find(';', from);
      if (!first) out += "; ";
      out += same_words(core_of(
          inside.substr(from, semi == std::string::npos ? std::string::npos : semi - from)));
      if (semi == std::string::npos) break;
      from = semi + 1;
    }
    return out + "]";
  }
  return same_words(core_of(expected));
}

TEST(phrasing_corpus, has_rows_from_sources) {
  const auto rows = read_corpus();
  EXPECT_GE(rows.size(), 300u);
  std::ifstream sources(PLANEVAL_TEST_DATA "/phrasings/sources.md");
  std::stringstream s;
  s << sources.rdbuf();
  for (const auto& r : rows)
    EXPECT_NE(s.str().find("`" + r.source + "`"), std::string::npos) << r.id;
}

TEST(phrasing_corpus, every_row_reads_as_labelled_or_is_pending) {
  const auto rows = read_corpus();
  const auto pending = read_pending();
  std::size_t agreed = 0;
  std::string current;  // pending.tsv as it would be now, printed on failure
  for (const auto& row : rows) {
    const std::string got = reading_of(row);
    std::string want = expected_core(row.expected);
    // a result that names a quota (完成年度任务) is the judgment that it was met
    if (row.role == "result" && want.rfind("quota ", 0) == 0) want = "judgment met";
    const bool same = got == want;
    agreed += same;
    if (!same) current += row.id + "\t" + got + "\t" + row.text + "\t" + want + "\n";
    const auto p = pending.find(row.id);
    if (p == pending.end()) {
      EXPECT_EQ(got, want) << row.id << " " << row.text << " (not in pending.tsv)";
    } else {
      EXPECT_FALSE(same) << row.id << " " << row.text
                         << " now reads as labelled: take it off pending.tsv";
      EXPECT_EQ(got, p->second) << row.id << " " << row.text
                                << ": reads differently from what pending.tsv says";
    }
  }
  std::printf("phrasing corpus: %zu of %zu rows read as labelled, %zu pending\n", agreed,
              rows.size(), pending.size());
  if (::testing::Test::HasFailure()) {
    std::ofstream out("pending.tsv.now");
    out << current;
    std::printf("the differences now are in %s/pending.tsv.now\n", ".");
  }
}

}  // namespace
