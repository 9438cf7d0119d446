#pragma once
// Recognition of published tables: normalised header texts, the meaning of a header, years and
// five-year-plan ordinals, and the documented word lists of the inference (docs/importing.md).
#include <optional>
#include <string>
#include <string_view>

#include "planeval/core/indicator.hpp"
#include "planeval/core/period.hpp"

namespace planeval::import_detail {

/// Whether `text` contains `word`.
inline bool has(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

/// Header text for matching: blanks (ASCII, U+3000, U+00A0) and quotes dropped, full-width
/// brackets, colon and percent made ASCII, ASCII letters lower-cased.
std::string normalise(std::string_view text);

/// What a column holds.
enum class column_role {
  unknown,    // not recognised: its cells go to the notes
  number,     // 序号, No.
  name,       // 指标, 指标名称, Indicator
  name_part,  // the second name column of a grouped indicator (colspan header)
  unit,       // 单位, Unit
  attribute,  // 属性, Attribute
  category,   // 类别, Category
  remark,     // 备注, Note
  verdict,    // 完成情况 (without a year): the published verdict
  value,      // a year-labelled or five-year column of targets or results
};

/// Whether a value column holds targets or results.
enum class value_role { unstated, target, result };

/// What a value column's values are of.
enum class value_span { year, average, cumulative, average_or_cumulative };

/// A header's meaning.
struct column_meaning {
  column_role role = column_role::unknown;
  value_role values = value_role::unstated;
  value_span span = value_span::year;
  std::optional<period> per;  // the year or years named (a year, a span, a plan's five years)
  std::string why;            // the words that decided it, for the import report
  std::optional<period> plan_years;  // a five-year plan's column without a year (`“十五”计划目标`):
                                     // its years, for the cells that are growth or cumulative
};

/// The meaning of a (combined, normalised) header text.
column_meaning classify_header(const std::string& normalised);

/// The five years of the n-th five-year plan named in a text (`“十三五”` → 2016/2020,
/// `十五` → 2001/2005), if any.
std::optional<period> five_year_plan_in(std::string_view text);

/// The years a title names: `2019年度` → 2019; `（一九五三—一九五七）` → 1953/1957 (Chinese
/// numerals too).
std::optional<period> year_in_text(std::string_view text);

/// Placeholders that mean "no value": `—`, `-`, `--`, `/`, `…`, `－`, blank.
bool is_placeholder(std::string_view text);

/// The name of an indicator without its leading number (`1.`, `（1）`, `12. `) and its trailing
/// unit in brackets; `number` and `unit` receive them.
std::string split_name(std::string_view name, std::string& number, std::string& unit);

/// True when a name says lower values are better (`失业`, `能耗`, `排放`, `死亡`, `事故`,
/// `PM2.5`…), unless it names a reduction (`降低率`, `下降`, `减少`, `减量`); `word` receives the
/// deciding word.
bool lower_is_better(std::string_view name, std::string& word);

/// The attribute an attribute cell names: `约束性`, `Binding`, `Obligatory`, `Mandatory` →
/// binding; `预期性`, `Anticipatory`, `Expected`, `Indicative` → anticipatory (without case);
/// nothing for any other text.
std::optional<attribute> attribute_in_cell(std::string_view cell);

/// True when a lone text introduces the rows under it as parts (`其中:`, `包括`, `Of which:`, a
/// text ending with `:`).
bool introduces_parts(std::string_view text);

/// The name without a leading `其中:`, `Includes:`, `Of which:` (a part of the row above);
/// `prefix` receives the words dropped.
std::string without_of_which(std::string_view name, std::string& prefix);

/// A section row's text without its numbering and bullet (`一、经济发展` → `经济发展`).
std::string section_name(std::string_view text);

/// An ASCII id part from the Latin words of a name (`GDP`, `PM2.5` → `gdp`, `pm2_5`).
std::string latin_words(std::string_view name);

}  // namespace planeval::import_detail
