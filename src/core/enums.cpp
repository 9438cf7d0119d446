// Stable names of every core enumeration, in one table per enum, and the generic
// from_string / try_from_string built on them.
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "detail/enum_names.hpp"
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

constexpr detail::enum_names<language, 2> language_names{
    "a language", {{{language::zh, "zh"}, {language::en, "en"}}}};
constexpr detail::enum_names<dimension, 14> dimension_names{
    "a dimension",
    {{{dimension::none, "none"},
      {dimension::percent, "percent"},
      {dimension::percentage_point, "percentage_point"},
      {dimension::count, "count"},
      {dimension::area, "area"},
      {dimension::length, "length"},
      {dimension::mass, "mass"},
      {dimension::money, "money"},
      {dimension::energy, "energy"},
      {dimension::power, "power"},
      {dimension::volume, "volume"},
      {dimension::time, "time"},
      {dimension::ratio, "ratio"},
      {dimension::other, "other"}}}};
constexpr detail::enum_names<period_kind, 4> period_kind_names{"a period kind",
                                                               {{{period_kind::year, "year"},
                                                                 {period_kind::quarter, "quarter"},
                                                                 {period_kind::month, "month"},
                                                                 {period_kind::span, "span"}}}};
constexpr detail::enum_names<elapsed_basis, 2> elapsed_basis_names{
    "an elapsed basis", {{{elapsed_basis::days, "days"}, {elapsed_basis::months, "months"}}}};
constexpr detail::enum_names<op, 11> op_names{"a rule op",
                                              {{{op::reach, "reach"},
                                                {op::at_least, "at_least"},
                                                {op::at_most, "at_most"},
                                                {op::between, "between"},
                                                {op::about, "about"},
                                                {op::increase, "increase"},
                                                {op::decrease, "decrease"},
                                                {op::improve, "improve"},
                                                {op::qualitative, "qualitative"},
                                                {op::unparsed, "unparsed"},
                                                {op::compound, "compound"}}}};
constexpr detail::enum_names<measure_kind, 5> measure_names{
    "a measure",
    {{{measure_kind::level, "level"},
      {measure_kind::growth, "growth"},
      {measure_kind::change_points, "change_points"},
      {measure_kind::cagr, "cagr"},
      {measure_kind::change_since, "change_since"}}}};
constexpr detail::enum_names<judgment, 4> judgment_names{
    "a judgment",
    {{{judgment::met, "met"},
      {judgment::basically_met, "basically_met"},
      {judgment::exceeded, "exceeded"},
      {judgment::not_met, "not_met"}}}};
constexpr detail::enum_names<indicator_kind, 6> kind_names{
    "an indicator kind",
    {{{indicator_kind::rate, "rate"},
      {indicator_kind::count, "count"},
      {indicator_kind::area, "area"},
      {indicator_kind::ratio, "ratio"},
      {indicator_kind::amount, "amount"},
      {indicator_kind::qualitative, "qualitative"}}}};
constexpr detail::enum_names<polarity, 3> polarity_names{
    "a polarity",
    {{{polarity::higher, "higher"}, {polarity::lower, "lower"}, {polarity::band, "band"}}}};
constexpr detail::enum_names<attribute, 2> attribute_names{
    "an attribute", {{{attribute::binding, "binding"}, {attribute::anticipatory, "anticipatory"}}}};
constexpr detail::enum_names<accumulation, 3> accumulation_names{
    "an accumulation",
    {{{accumulation::stock, "stock"}, {accumulation::flow, "flow"}, {accumulation::rate, "rate"}}}};
constexpr detail::enum_names<status, status_count> status_names{
    "a status",
    {{{status::met, "met", "完成", "met"},
      {status::exceeded, "exceeded", "超额完成", "exceeded"},
      {status::not_met, "not_met", "未完成", "not met"},
      {status::undetermined, "undetermined", "待确定", "undetermined"},
      {status::no_data, "no_data", "无数据", "no data"},
      {status::needs_reference, "needs_reference", "待参照值", "needs reference"},
      {status::needs_judgment, "needs_judgment", "待评判", "needs judgment"},
      {status::no_target, "no_target", "未设目标", "no target"},
      {status::needs_review, "needs_review", "待核对", "needs review"}}}};

}  // namespace

PLANEVAL_ENUM_NAMES(language, language_names)
PLANEVAL_ENUM_NAMES(dimension, dimension_names)
PLANEVAL_ENUM_NAMES(period_kind, period_kind_names)
PLANEVAL_ENUM_NAMES(elapsed_basis, elapsed_basis_names)
PLANEVAL_ENUM_NAMES(op, op_names)
PLANEVAL_ENUM_NAMES(measure_kind, measure_names)
PLANEVAL_ENUM_NAMES(judgment, judgment_names)
PLANEVAL_ENUM_NAMES(indicator_kind, kind_names)
PLANEVAL_ENUM_NAMES(polarity, polarity_names)
PLANEVAL_ENUM_NAMES(attribute, attribute_names)
PLANEVAL_ENUM_NAMES(accumulation, accumulation_names)
PLANEVAL_ENUM_NAMES(status, status_names)

const char* status_label(status s, language l) noexcept { return status_names.label(s, l); }

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
