#pragma once
// How a spreadsheet shows a number: the number formats of SpreadsheetML (ECMA-376 §18.8.31),
// so that a cell shown as `5.3%` is read as `5.3%`, not as its stored `0.053`.
#include <string>
#include <string_view>

namespace planeval {

/// The format code of a built-in number format id (0 General, 9 `0%`, 14 a date …, the
/// Chinese-locale dates 27–36 and 50–58); empty for an id that is not built in.
std::string builtin_number_format(int id);

/// The text a cell with `value` and number format `code` shows: sections by sign, decimals
/// (`0.0`, `#.##`), thousands separators, percent, scientific, literal text (`0.0"万元"`,
/// `\元`), currency (`[$¥-804]`), dates and times (`yyyy"年"m"月"`, `yyyy/m/d h:mm`). `General`
/// (or an empty code) gives the shortest text of up to 15 significant digits. `date1904`: the
/// workbook counts days from 1904 (a Mac workbook).
std::string format_spreadsheet_number(double value, std::string_view code, bool date1904 = false);

}  // namespace planeval
