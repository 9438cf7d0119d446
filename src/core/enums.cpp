// Stable names of every core enumeration, in one table per enum, and the generic
// from_string / try_from_string built on them.
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "planeval/core/common.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/core/unit.hpp"

namespace planeval {
namespace {

template <class Enum, std::size_t N>
using table = std::array<std::pair<Enum, const char*>, N>;

constexpr table<language, 2> language_names{{{language::zh, "zh"}, {language::en, "en"}}};
constexpr table<dimension, 12> dimension_names{{{dimension::none, "none"},
                                                {dimension::percent, "percent"},
                                                {dimension::percentage_point, "percentage_point"},
                                                {dimension::count, "count"},
                                                {dimension::area, "area"},
                                                {dimension::length, "length"},
                                                {dimension::mass, "mass"},
                                                {dimension::money, "money"},
                                                {dimension::energy, "energy"},
                                                {dimension::time, "time"},
                                                {dimension::ratio, "ratio"},
                                                {dimension::other, "other"}}};
constexpr table<period_kind, 4> period_kind_names{{{period_kind::year, "year"},
                                                   {period_kind::quarter, "quarter"},
                                                   {period_kind::month, "month"},
                                                   {period_kind::span, "span"}}};
constexpr table<elapsed_basis, 2> elapsed_basis_names{
    {{elapsed_basis::days, "days"}, {elapsed_basis::months, "months"}}};
constexpr table<op, 10> op_names{{{op::reach, "reach"},
                                  {op::at_least, "at_least"},
                                  {op::at_most, "at_most"},
                                  {op::between, "between"},
                                  {op::about, "about"},
                                  {op::increase, "increase"},
                                  {op::decrease, "decrease"},
                                  {op::improve, "improve"},
                                  {op::qualitative, "qualitative"},
                                  {op::unparsed, "unparsed"}}};
constexpr table<measure_kind, 5> measure_names{{{measure_kind::level, "level"},
                                                {measure_kind::growth, "growth"},
                                                {measure_kind::change_points, "change_points"},
                                                {measure_kind::cagr, "cagr"},
                                                {measure_kind::change_since, "change_since"}}};
constexpr table<judgment, 4> judgment_names{{{judgment::met, "met"},
                                             {judgment::basically_met, "basically_met"},
                                             {judgment::exceeded, "exceeded"},
                                             {judgment::not_met, "not_met"}}};
constexpr table<indicator_kind, 6> kind_names{{{indicator_kind::rate, "rate"},
                                               {indicator_kind::count, "count"},
                                               {indicator_kind::area, "area"},
                                               {indicator_kind::ratio, "ratio"},
                                               {indicator_kind::amount, "amount"},
                                               {indicator_kind::qualitative, "qualitative"}}};
constexpr table<polarity, 3> polarity_names{
    {{polarity::higher, "higher"}, {polarity::lower, "lower"}, {polarity::band, "band"}}};
constexpr table<attribute, 2> attribute_names{
    {{attribute::binding, "binding"}, {attribute::anticipatory, "anticipatory"}}};
constexpr table<accumulation, 3> accumulation_names{
    {{accumulation::stock, "stock"}, {accumulation::flow, "flow"}, {accumulation::rate, "rate"}}};
constexpr table<status, 8> status_names{{{status::met, "met"},
                                         {status::exceeded, "exceeded"},
                                         {status::not_met, "not_met"},
                                         {status::undetermined, "undetermined"},
                                         {status::no_data, "no_data"},
                                         {status::needs_reference, "needs_reference"},
                                         {status::needs_judgment, "needs_judgment"},
                                         {status::no_target, "no_target"}}};

template <class Enum, std::size_t N>
const char* name_of(const table<Enum, N>& t, Enum e) noexcept {
  for (const auto& [v, n] : t)
    if (v == e) return n;
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const table<Enum, N>& t, std::string_view name) noexcept {
  for (const auto& [v, n] : t)
    if (name == n) return v;
  return std::nullopt;
}

template <class Enum, std::size_t N>
Enum lookup_or_throw(const table<Enum, N>& t, std::string_view name, const char* what) {
  if (auto v = lookup(t, name)) return *v;
  std::string accepted;
  for (const auto& entry : t) {
    if (!accepted.empty()) accepted += ", ";
    accepted += entry.second;
  }
  location loc;
  loc.fragment = std::string(name);
  throw model_error(
      errc::model_enum,
      "'" + std::string(name) + "' is not " + (std::strchr("aeiou", what[0]) ? "an " : "a ") +
          what + " (expected one of: " + accepted + ")",
      loc);
}

}  // namespace

const char* to_string(language l) noexcept { return name_of(language_names, l); }
const char* to_string(dimension d) noexcept { return name_of(dimension_names, d); }
const char* to_string(period_kind k) noexcept { return name_of(period_kind_names, k); }
const char* to_string(elapsed_basis b) noexcept { return name_of(elapsed_basis_names, b); }
const char* to_string(op o) noexcept { return name_of(op_names, o); }
const char* to_string(measure_kind m) noexcept { return name_of(measure_names, m); }
const char* to_string(judgment j) noexcept { return name_of(judgment_names, j); }
const char* to_string(indicator_kind k) noexcept { return name_of(kind_names, k); }
const char* to_string(polarity p) noexcept { return name_of(polarity_names, p); }
const char* to_string(attribute a) noexcept { return name_of(attribute_names, a); }
const char* to_string(accumulation a) noexcept { return name_of(accumulation_names, a); }
const char* to_string(status s) noexcept { return name_of(status_names, s); }

const char* status_label(status s, language l) noexcept {
  const bool zh = l == language::zh;
  switch (s) {
    case status::met: return zh ? "完成" : "met";
    case status::exceeded: return zh ? "超额完成" : "exceeded";
    case status::not_met: return zh ? "未完成" : "not met";
    case status::undetermined: return zh ? "待确定" : "undetermined";
    case status::no_data: return zh ? "无数据" : "no data";
    case status::needs_reference: return zh ? "待参照值" : "needs reference";
    case status::needs_judgment: return zh ? "待评判" : "needs judgment";
    case status::no_target: return zh ? "未设目标" : "no target";
  }
  return "?";
}

#define PLANEVAL_ENUM_NAMES(Enum, tbl, what)                                  \
  template <>                                                                 \
  Enum from_string<Enum>(std::string_view name) {                             \
    return lookup_or_throw(tbl, name, what);                                  \
  }                                                                           \
  template <>                                                                 \
  std::optional<Enum> try_from_string<Enum>(std::string_view name) noexcept { \
    return lookup(tbl, name);                                                 \
  }

PLANEVAL_ENUM_NAMES(language, language_names, "language")
PLANEVAL_ENUM_NAMES(dimension, dimension_names, "dimension")
PLANEVAL_ENUM_NAMES(period_kind, period_kind_names, "period kind")
PLANEVAL_ENUM_NAMES(elapsed_basis, elapsed_basis_names, "elapsed basis")
PLANEVAL_ENUM_NAMES(op, op_names, "rule op")
PLANEVAL_ENUM_NAMES(measure_kind, measure_names, "measure")
PLANEVAL_ENUM_NAMES(judgment, judgment_names, "judgment")
PLANEVAL_ENUM_NAMES(indicator_kind, kind_names, "indicator kind")
PLANEVAL_ENUM_NAMES(polarity, polarity_names, "polarity")
PLANEVAL_ENUM_NAMES(attribute, attribute_names, "attribute")
PLANEVAL_ENUM_NAMES(accumulation, accumulation_names, "accumulation")
PLANEVAL_ENUM_NAMES(status, status_names, "status")
#undef PLANEVAL_ENUM_NAMES

std::string format_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return "0";  // also -0
  std::array<char, 64> buf{};
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  std::string s(buf.data(), res.ptr);
  // to_chars may choose scientific notation for very small/large values; prefer plain
  // notation up to 1e15 / down to 1e-15 (the numbers the target language reads) so texts
  // read like the tables they came from and parse back.
  if (s.find('e') != std::string::npos && std::fabs(v) < 1e15 && std::fabs(v) >= 1e-15) {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed);
    s.assign(buf.data(), res.ptr);
  }
  return s;
}

}  // namespace planeval
