#include "planeval/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "planeval/core/common.hpp"

namespace planeval {

const char* to_string(errc code) noexcept {
  switch (code) {
    case errc::target_empty: return "target.empty";
    case errc::target_syntax: return "target.syntax";
    case errc::target_number: return "target.number";
    case errc::target_range: return "target.range";
    case errc::target_unit: return "target.unit";
    case errc::target_encoding: return "target.encoding";
    case errc::observation_syntax: return "observation.syntax";
    case errc::observation_number: return "observation.number";
    case errc::observation_range: return "observation.range";
    case errc::observation_unit: return "observation.unit";
    case errc::observation_encoding: return "observation.encoding";
    case errc::unit_unknown: return "unit.unknown";
    case errc::unit_incompatible: return "unit.incompatible";
    case errc::period_syntax: return "period.syntax";
    case errc::period_range: return "period.range";
    case errc::date_syntax: return "date.syntax";
    case errc::model_duplicate: return "model.duplicate";
    case errc::model_unknown_id: return "model.unknown_id";
    case errc::model_invalid: return "model.invalid";
    case errc::model_enum: return "model.enum";
    case errc::csv_syntax: return "csv.syntax";
    case errc::csv_header: return "csv.header";
    case errc::csv_field_count: return "csv.field_count";
    case errc::csv_encoding: return "csv.encoding";
    case errc::html_no_table: return "html.no_table";
    case errc::table_no_header: return "table.no_header";
    case errc::table_column: return "table.column";
    case errc::office_package: return "office.package";
    case errc::office_encrypted: return "office.encrypted";
    case errc::office_xml: return "office.xml";
    case errc::office_sheet: return "office.sheet";
    case errc::office_no_table: return "office.no_table";
    case errc::io_open: return "io.open";
    case errc::io_read: return "io.read";
    case errc::io_write: return "io.write";
    case errc::io_format: return "io.format";
    case errc::task_cycle: return "task.cycle";
    case errc::json_syntax: return "json.syntax";
    case errc::json_encoding: return "json.encoding";
    case errc::json_type: return "json.type";
    case errc::json_missing: return "json.missing";
    case errc::json_unknown_field: return "json.unknown_field";
    case errc::json_duplicate: return "json.duplicate";
    case errc::archive_corrupt: return "archive.corrupt";
    case errc::archive_limit: return "archive.limit";
    case errc::format_version: return "format.version";
    case errc::limit_input_size: return "limit.input_size";
    case errc::limit_depth: return "limit.depth";
    case errc::limit_text_length: return "limit.text_length";
    case errc::limit_items: return "limit.items";
    case errc::limit_period: return "limit.period";
    case errc::usage: return "usage";
  }
  return "unknown";
}

error_category category_of(errc code) noexcept {
  switch (code) {
    case errc::target_empty:
    case errc::target_syntax:
    case errc::target_number:
    case errc::target_range:
    case errc::target_unit:
    case errc::target_encoding:
    case errc::observation_syntax:
    case errc::observation_number:
    case errc::observation_range:
    case errc::observation_unit:
    case errc::observation_encoding:
    case errc::unit_unknown:
    case errc::period_syntax:
    case errc::period_range:
    case errc::date_syntax: return error_category::parse;
    case errc::unit_incompatible:
    case errc::model_duplicate:
    case errc::model_unknown_id:
    case errc::model_invalid:
    case errc::model_enum:
    case errc::task_cycle: return error_category::model;
    case errc::csv_syntax:
    case errc::csv_header:
    case errc::csv_field_count:
    case errc::csv_encoding:
    case errc::html_no_table:
    case errc::table_no_header:
    case errc::table_column:
    case errc::office_package:
    case errc::office_encrypted:
    case errc::office_xml:
    case errc::office_sheet:
    case errc::office_no_table:
    case errc::json_syntax:
    case errc::json_encoding:
    case errc::json_type:
    case errc::json_missing:
    case errc::json_unknown_field:
    case errc::json_duplicate:
    case errc::archive_corrupt:
    case errc::archive_limit:
    case errc::format_version:
    case errc::limit_input_size:
    case errc::limit_depth:
    case errc::limit_text_length:
    case errc::limit_items:
    case errc::limit_period: return error_category::format;
    case errc::io_open:
    case errc::io_read:
    case errc::io_write:
    case errc::io_format: return error_category::io;
    case errc::usage: return error_category::usage;
  }
  return error_category::usage;
}

const char* to_string(error_category category) noexcept {
  switch (category) {
    case error_category::parse: return "parse";
    case error_category::format: return "format";
    case error_category::model: return "model";
    case error_category::io: return "io";
    case error_category::usage: return "usage";
  }
  return "unknown";
}

std::string location::to_string() const {
  std::string out = file;
  if (line != 0) {
    if (!out.empty()) out += ':';
    out += std::to_string(line);
  }
  if (column != 0) {
    if (!out.empty())
      out += line != 0 ? ":" : ": column ";
    else
      out += "column ";
    out += std::to_string(column);
  }
  if (!sheet.empty()) {
    if (!out.empty()) out += ' ';
    out += "sheet '" + sheet + "'";
  }
  if (!cell.empty()) {
    if (!out.empty()) out += ' ';
    out += "cell " + cell;
  }
  if (!pointer.empty()) {
    if (!out.empty()) out += ' ';
    out += pointer;
  }
  if (!indicator.empty()) {
    if (!out.empty()) out += ' ';
    out += "(indicator " + indicator + ")";
  }
  if (!task.empty()) {
    if (!out.empty()) out += ' ';
    out += "(task " + task + ")";
  }
  return out;
}

bool location::empty() const noexcept {
  return file.empty() && line == 0 && column == 0 && pointer.empty() && indicator.empty() &&
         task.empty() && sheet.empty() && cell.empty();
}

namespace {
std::string compose(errc code, const std::string& message, const location& where) {
  std::string out = "[planeval.";
  out += to_string(code);
  out += "] ";
  if (!where.empty()) {
    out += where.to_string();
    out += ": ";
  }
  out += message;
  return out;
}
}  // namespace

error::error(errc code, std::string message, location where)
    : std::invalid_argument(compose(code, message, where)),
      code_(code),
      message_(std::move(message)),
      where_(std::move(where)) {}

void raise(errc code, std::string message, location where) {
  switch (category_of(code)) {
    case error_category::parse: throw parse_error(code, std::move(message), std::move(where));
    case error_category::format: throw format_error(code, std::move(message), std::move(where));
    case error_category::model: throw model_error(code, std::move(message), std::move(where));
    case error_category::io: throw io_error(code, std::move(message), std::move(where));
    case error_category::usage: break;
  }
  throw error(code, std::move(message), std::move(where));
}

std::string nearest_name(std::string_view word, const std::vector<std::string>& names,
                         std::size_t max_edits) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string a = lower(word);
  std::string best;
  std::size_t best_distance = max_edits + 1;
  for (const auto& name : names) {
    const std::string b = lower(name);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    if (row[b.size()] < best_distance) {
      best_distance = row[b.size()];
      best = name;
    }
  }
  return best;
}

}  // namespace planeval
