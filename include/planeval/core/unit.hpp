#pragma once
/// @file
/// @brief Units of measure with a dimension and a power-of-ten scale (`万平方米` = m² × 10^4).

#include <cstdint>
#include <string>
#include <string_view>

namespace planeval {

/// @brief What a unit measures. Two units convert into each other only within one dimension
/// and with the same base.
enum class dimension : std::uint8_t {
  none,              ///< no unit written (a bare number, or a pure scale word such as `万`)
  percent,           ///< `%`, `‰`: a share or a growth rate
  percentage_point,  ///< `个百分点`: a difference of two percentages, not a percent
  count,             ///< `个`, `家`, `名`, `件`, `人`, `人次`, …: counted things
  area,              ///< `平方米`, `万平方米`, `公顷`, `平方公里`
  length,            ///< `米`, `公里`
  mass,              ///< `吨`, `公斤`, `斤`
  money,             ///< `元`, `万元`, `亿元`, `美元`, `亿美元`
  energy,            ///< `千瓦时`, `吨标准煤`
  power,             ///< `千瓦`, `万千瓦` (installed capacity)
  volume,            ///< `立方米`, `亿立方米`
  time,              ///< `年`, `岁`, `天`, `小时`
  ratio,             ///< compound units `a/b`: `元/平方米`, `人/亿元`
  other,             ///< a unit word outside the table, compared by its symbol only
};

/// @brief A unit: the symbol as written, a dimension, a base and a power-of-ten scale.
///
/// `万平方米` has dimension area, base `平方米`, scale 4. `人/亿元` has dimension ratio, base
/// `人/元`, scale −8. Units are small regular values; equality compares the symbol.
class unit {
 public:
  /// @brief The empty unit (no symbol, dimension none, scale 0).
  unit() = default;

  /// @brief Parses a unit symbol.
  /// @param symbol UTF-8 symbol such as `%`, `万平方米`, `元/平方米`, `家`; blank gives the empty
  /// unit.
  /// @return the unit; symbols outside the table get dimension `other` (compared verbatim).
  /// @throws parse_error (`unit_unknown`) when the symbol contains digits or is malformed.
  static unit parse(std::string_view symbol);

  /// @brief The unit of a percentage point (`个百分点`).
  static unit percentage_point();
  /// @brief The percent unit (`%`).
  static unit percent();

  /// @brief The symbol as written (UTF-8), empty for the empty unit.
  const std::string& symbol() const noexcept { return symbol_; }
  /// @brief The base unit's symbol, without the scale (`平方米` for `万平方米`).
  const std::string& base() const noexcept { return base_; }
  /// @brief The dimension.
  dimension dim() const noexcept { return dim_; }
  /// @brief The power of ten the base is multiplied by (4 for `万平方米`).
  int scale() const noexcept { return scale_; }
  /// @brief True for the empty unit.
  bool empty() const noexcept { return symbol_.empty(); }
  /// @brief True for `%` and `‰`.
  bool is_percent() const noexcept { return dim_ == dimension::percent; }

  friend bool operator==(const unit& a, const unit& b) noexcept { return a.symbol_ == b.symbol_; }
  friend bool operator!=(const unit& a, const unit& b) noexcept { return !(a == b); }

 private:
  std::string symbol_;
  std::string base_;
  dimension dim_ = dimension::none;
  int scale_ = 0;
};

/// @brief The stable name of a dimension (`area`, `percentage_point`, …).
const char* to_string(dimension d) noexcept;

/// @brief True when a value in `from` can be expressed in `to`.
///
/// An empty `from` (a bare number) converts to anything: it is read in the other unit.
/// A pure scale (`万`) converts to any unit of the same base. Count words convert into each other.
bool convertible(const unit& from, const unit& to) noexcept;

/// @brief Expresses `value` given in `from` in the unit `to`.
/// @throws model_error (`unit_incompatible`) when `convertible(from, to)` is false.
double convert(double value, const unit& from, const unit& to);

}  // namespace planeval
