// Long tables of many units read in a stream into a batch store (io/long_table.hpp): two passes
// over the file, a line at a time, fields as views into the line, numbers by std::from_chars.
#include "planeval/io/long_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "detail/utf8.hpp"
#include "io/csv_records.hpp"
#include "planeval/core/parse.hpp"

namespace planeval {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// One line split into fields: views into the line (or into `unquoted` for a quoted field with
// doubled quotes) and the byte where each starts; columns are counted only for a message.
struct fields {
  std::string_view line;
  std::vector<std::string_view> text;
  std::vector<std::size_t> start;
  std::vector<std::string> unquoted;  // reused from line to line
  std::vector<int> pooled;            // per field: its index in `unquoted`, or -1
  std::size_t column(std::size_t field) const noexcept { return column_at(start[field]); }
  std::size_t column_at(std::size_t byte) const noexcept {
    std::size_t col = 1;
    for (std::size_t k = 0; k < byte && k < line.size(); ++k)
      col += (static_cast<unsigned char>(line[k]) & 0xC0) != 0x80;
    return col;
  }
};

// Splits a line at `sep`; false with `error` set (and `error_byte`) for a quote in the wrong
// place or a quoted field left open (a line break inside a quoted field is not read in a long
// table).
bool split_line(std::string_view line, char sep, fields& out, std::string& error,
                std::size_t& error_byte) {
  out.line = line;
  out.text.clear();
  out.start.clear();
  out.pooled.clear();
  std::size_t used = 0;  // entries of `unquoted` taken by this line
  std::size_t i = 0;
  for (;;) {
    const std::size_t begin = i;
    if (i < line.size() && line[i] == '"') {
      const std::size_t close = line.find('"', i + 1);
      std::size_t k = i + 1;
      bool doubled = false;
      bool closed = false;
      std::string* value = nullptr;
      for (std::size_t q = close; q != std::string_view::npos; q = line.find('"', k)) {
        if (q + 1 < line.size() && line[q + 1] == '"') {  // a doubled quote
          if (!doubled) {
            doubled = true;
            if (out.unquoted.size() <= used) out.unquoted.emplace_back();
            value = &out.unquoted[used];
            value->assign(line.substr(i + 1, q - i - 1));
          } else {
            value->append(line.substr(k, q - k));
          }
          *value += '"';
          k = q + 2;
          continue;
        }
        if (doubled) value->append(line.substr(k, q - k));
        k = q;
        closed = true;
        break;
      }
      if (!closed) {
        error = "a quoted field is never closed on its line (a long table has one row per line)";
        error_byte = begin;
        return false;
      }
      if (k + 1 < line.size() && line[k + 1] != sep) {
        error = std::string("expected '") + (sep == '\t' ? "tab" : std::string(1, sep)) +
                "' after a closing quote";
        error_byte = k + 1;
        return false;
      }
      out.text.push_back(doubled ? std::string_view() : line.substr(i + 1, k - i - 1));
      out.pooled.push_back(doubled ? static_cast<int>(used++) : -1);
      i = k + 1;
    } else {
      const std::size_t end = std::min(line.find(sep, i), line.size());
      const std::string_view f = line.substr(i, end - i);
      if (f.find('"') != std::string_view::npos) {
        error = "a quote inside an unquoted field (quote the whole field and double the quote)";
        error_byte = begin;
        return false;
      }
      out.text.push_back(f);
      out.pooled.push_back(-1);
      i = end;
    }
    out.start.push_back(begin);
    if (i >= line.size()) break;
    ++i;  // the separator
  }
  for (std::size_t f = 0; f < out.text.size(); ++f)
    if (out.pooled[f] >= 0) out.text[f] = out.unquoted[static_cast<std::size_t>(out.pooled[f])];
  return true;
}

// Reads the file a line at a time; `f(line, number)` for each line after the header.
class line_reader {
 public:
  // `progress` (may be empty) is told the bytes read, `before` plus those of this file, of
  // `total`, after each block
  line_reader(const std::string& path, std::size_t max_line,
              const std::function<void(std::uint64_t, std::uint64_t)>* progress = nullptr,
              std::uint64_t before = 0, std::uint64_t total = 0)
      : path_(path), in_(path, std::ios::binary), max_(max_line), before_(before), total_(total) {
    if (!in_) throw io_error(errc::io_open, "cannot open '" + path + "'");
    if (progress != nullptr && *progress) progress_ = progress;
    // a block, and room for a partial line and a whole one; a small file in one piece
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    size_ = std::max<std::size_t>(block, 2 * max_line + 2);
    if (!ec && bytes + 1 < size_) size_ = static_cast<std::size_t>(bytes) + 1;
    buffer_.reset(new char[size_]);  // not zeroed: only what was read is looked at
  }
  // The next line (without its line end), a view into the buffer valid until the next call.
  bool next(std::string_view& line) {
    for (;;) {
      const char* from = buffer_.get() + begin_;
      const void* nl = std::memchr(from, '\n', end_ - begin_);
      if (nl != nullptr || (eof_ && begin_ < end_)) {
        const std::size_t len = nl != nullptr
                                    ? static_cast<std::size_t>(static_cast<const char*>(nl) - from)
                                    : end_ - begin_;
        ++number_;
        check_length(len, number_);
        line = std::string_view(from, len);
        begin_ += len + (nl != nullptr ? 1 : 0);
        if (number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return true;
      }
      if (eof_) return false;
      check_length(end_ - begin_, number_ + 1);  // a line past the limit, still without its end
      // keep the partial line, read the next block after it
      std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
      in_.read(buffer_.get() + end_, static_cast<std::streamsize>(size_ - end_));
      if (in_.bad()) throw io_error(errc::io_read, "reading '" + path_ + "' failed");
      end_ += static_cast<std::size_t>(in_.gcount());
      read_ += static_cast<std::uint64_t>(in_.gcount());
      if (progress_ != nullptr) (*progress_)(before_ + read_, total_);
      if (in_.gcount() == 0 || in_.eof()) eof_ = in_.eof() || in_.gcount() == 0;
    }
  }
  std::size_t number() const noexcept { return number_; }

 private:
  static constexpr std::size_t block = 1 << 20;
  void check_length(std::size_t len, std::size_t line) const {
    if (len <= max_) return;
    location loc;
    loc.file = path_;
    loc.line = line;
    throw format_error(errc::limit_text_length,
                       "a line of more than " + std::to_string(max_) + " bytes (the limit)", loc);
  }
  std::string path_;
  std::ifstream in_;
  std::size_t max_;
  std::unique_ptr<char[]> buffer_;
  std::size_t size_ = 0;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::size_t number_ = 0;
  const std::function<void(std::uint64_t, std::uint64_t)>* progress_ = nullptr;
  std::uint64_t before_ = 0, total_ = 0, read_ = 0;
};

struct columns {
  char separator = ',';
  int unit = -1, indicator = -1, period = -1, value = -1, flags = -1;
};

columns read_header(std::string_view line, const std::string& path) {
  columns c;
  c.separator = sniff_separator(line);
  csv_table t;
  t.source = path;
  for (auto& record : parse_csv_records(line, path, limits{}, c.separator, false))
    for (auto& cell : record) t.header.push_back(std::move(cell));
  name_long_table_unit_column(t);
  check_header(t, {"unit", "indicator", "period", "value"}, {"flags", "note"});
  c.unit = t.column("unit");
  c.indicator = t.column("indicator");
  c.period = t.column("period");
  c.value = t.column("value");
  c.flags = t.column("flags");
  return c;
}

// Text ids to indexes without a string per lookup: keys are views into `names`.
class id_index {
 public:
  std::optional<std::size_t> find(std::string_view id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  std::size_t add(std::string_view id) {
    names_.emplace_back(id);
    index_.emplace(names_.back(), names_.size() - 1);
    return names_.size() - 1;
  }
  std::size_t size() const noexcept { return names_.size(); }
  std::string_view name(std::size_t k) const noexcept { return names_[k]; }
  std::vector<std::string> names() const { return {names_.begin(), names_.end()}; }

 private:
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

[[noreturn]] void fail_row(errc code, const std::string& path, std::size_t line, std::size_t column,
                           const std::string& message, const std::string& indicator = {}) {
  location loc;
  loc.file = path;
  loc.line = line;
  loc.column = column;
  loc.indicator = indicator;
  throw format_error(code, message, loc);
}

bool plain_number(std::string_view t, double& v) {
  t = detail::trim(t);
  if (t.empty()) return false;
  if (t.front() == '+') t.remove_prefix(1);
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(v);
}

}  // namespace

long_table read_long_table(const std::string& path, const plan& p,
                           const long_table_options& options) {
  columns c;
  id_index units;
  std::map<period, std::size_t> period_slots;
  // each distinct period text parsed once (keys are views into `period_names`)
  std::deque<std::string> period_names;
  struct period_text {
    period per;
    bool slotted = false;  // pass 1 has put its period in period_slots
  };
  std::unordered_map<std::string_view, period_text> period_texts;
  fields f;
  // the period of a field, and whether pass 1 has slotted it; its column is counted only for an
  // error
  const auto period_of = [&](std::string_view text, std::size_t line, std::size_t field,
                             bool** slotted = nullptr) {
    const std::string_view key = detail::trim(text);
    if (const auto it = period_texts.find(key); it != period_texts.end()) {
      if (slotted != nullptr) *slotted = &it->second.slotted;
      return it->second.per;
    }
    try {
      const period per = period::parse(std::string(key));
      if (period_texts.size() < 4 * options.max_periods) {
        period_names.emplace_back(key);
        auto& entry = period_texts.emplace(period_names.back(), period_text{per}).first->second;
        if (slotted != nullptr) *slotted = &entry.slotted;
      }
      return per;
    } catch (const error& e) {
      fail_row(e.code(), path, line, f.column(field), e.message());
    }
  };
  id_index indicators;
  for (const auto& ind : p.indicators) indicators.add(ind.id);

  long_table out{batch_store({"-"}, {"-"}, {period::year(2000)}), {}, {}, 0, 0, {}};
  // a bad row: counted and kept, or the error itself with --strict
  const auto bad = [&](const error& e) {
    if (options.strict) throw;
    ++out.bad_rows;
    if (out.problems.size() < options.max_problems)
      out.problems.push_back(long_table_problem{e.code(), e.message(), e.where()});
  };
  std::string split_error;
  std::size_t split_byte = 0;
  const auto split = [&](std::string_view line, std::size_t number) {
    if (!split_line(line, c.separator, f, split_error, split_byte))
      fail_row(errc::csv_syntax, path, number, f.column_at(split_byte), split_error);
    const std::size_t want =
        static_cast<std::size_t>(std::max({c.unit, c.indicator, c.period, c.value, c.flags})) + 1;
    if (f.text.size() < want)
      fail_row(errc::csv_field_count, path, number, 1,
               "a row of " + std::to_string(f.text.size()) + " fields; the header names " +
                   std::to_string(want) + " or more");
  };

  std::uint64_t file_bytes = 0;  // for the progress: both passes read the whole file
  {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) file_bytes = static_cast<std::uint64_t>(size);
  }
  // pass 1: the units and the periods
  {
    std::string_view last_seen_unit;  // rows of one unit usually come together
    line_reader in(path, options.max_line_bytes, &options.progress, 0, 2 * file_bytes);
    std::string_view line;
    if (!in.next(line)) fail_row(errc::csv_header, path, 1, 1, "the file is empty: no header");
    c = read_header(line, path);
    while (in.next(line)) {
      if (detail::trim(line).empty()) continue;
      try {
        split(line, in.number());
        const auto pf = static_cast<std::size_t>(c.period);
        bool* slotted = nullptr;  // set for a period text seen before: its slot is known
        const period per = period_of(f.text[pf], in.number(), pf, &slotted);
        const std::string_view unit = detail::trim(f.text[static_cast<std::size_t>(c.unit)]);
        if (unit.empty())
          fail_row(errc::model_invalid, path, in.number(),
                   f.column(static_cast<std::size_t>(c.unit)), "the unit is empty");
        if (unit != last_seen_unit && !units.find(unit)) {
          if (units.size() >= options.max_units)
            fail_row(errc::limit_items, path, in.number(), 1,
                     "more than " + std::to_string(options.max_units) + " units");
          units.add(unit);
        }
        if (unit != last_seen_unit) last_seen_unit = units.name(*units.find(unit));
        // find first: emplace would make a node for every row
        if (slotted == nullptr || !*slotted) {
          if (period_slots.find(per) == period_slots.end() && period_slots.emplace(per, 0).second &&
              period_slots.size() > options.max_periods)
            fail_row(errc::limit_items, path, in.number(), f.column(pf),
                     "more than " + std::to_string(options.max_periods) + " periods");
          if (slotted != nullptr) *slotted = true;
        }
      } catch (const error& e) {
        if (e.code() == errc::limit_items || options.strict) throw;
        // counted in pass 2
      }
    }
  }
  if (units.size() == 0 || p.indicators.empty()) {
    out.bad_rows = 0;
    if (units.size() == 0) fail_row(errc::model_invalid, path, 1, 1, "no row names a unit");
    fail_row(errc::model_invalid, path, 1, 1, "the plan has no indicators");
  }
  std::vector<period> periods;
  for (auto& [per, slot] : period_slots) {
    slot = periods.size();
    periods.push_back(per);
  }
  out.store = batch_store(units.names(), indicators.names(), periods);
  std::unordered_map<std::string_view, std::size_t> slot_of_text;
  for (const auto& [text, entry] : period_texts)
    if (const auto slot = period_slots.find(entry.per); slot != period_slots.end())
      slot_of_text.emplace(text, slot->second);
  std::size_t next_indicator = 0;
  std::string_view last_unit;
  std::size_t last_unit_index = 0;
  std::vector<bool>& seen = out.present;
  seen.assign(out.store.size(), false);

  // pass 2: the values
  line_reader in(path, options.max_line_bytes, &options.progress, file_bytes, 2 * file_bytes);
  std::string_view line;
  in.next(line);  // the header
  while (in.next(line)) {
    if (detail::trim(line).empty()) continue;
    ++out.rows;
    try {
      split(line, in.number());
      const auto text = [&](int col) {
        return detail::trim(f.text[static_cast<std::size_t>(col)]);
      };
      const auto column = [&](int col) { return f.column(static_cast<std::size_t>(col)); };
      // the period's slot: from its text when seen in pass 1
      const std::string_view period_text = text(c.period);
      std::size_t k = 0;
      if (const auto known = slot_of_text.find(period_text); known != slot_of_text.end()) {
        k = known->second;
      } else {
        const period per = period_of(period_text, in.number(), static_cast<std::size_t>(c.period));
        const auto slot = period_slots.find(per);
        // a period only rows that pass 1 could not read have: this row cannot be read either
        if (slot == period_slots.end())
          fail_row(errc::model_invalid, path, in.number(), 1,
                   "the row cannot be read (its unit is empty)");
        k = slot->second;
      }
      const period& per = periods[k];
      // the unit: rows of one unit usually come together
      const std::string_view unit_text = text(c.unit);
      const auto unit_at = unit_text == last_unit ? std::optional<std::size_t>(last_unit_index)
                                                  : units.find(unit_text);
      if (!unit_at)  // pass 1 skipped the row: its unit is empty
        fail_row(errc::model_invalid, path, in.number(), column(c.unit), "the unit is empty");
      const std::size_t u = *unit_at;
      last_unit = units.name(u);
      last_unit_index = u;
      // the indicator: rows often follow the plan's order, so the one after the last comes next
      const std::string_view indicator_text = text(c.indicator);
      std::optional<std::size_t> i;
      if (next_indicator < indicators.size() && indicators.name(next_indicator) == indicator_text)
        i = next_indicator;
      else
        i = indicators.find(indicator_text);
      if (i) next_indicator = *i + 1 == indicators.size() ? 0 : *i + 1;
      if (!i)
        fail_row(errc::model_unknown_id, path, in.number(), column(c.indicator),
                 "no indicator '" + std::string(text(c.indicator)) + "' in the plan");
      const std::string& indicator_id = p.indicators[*i].id;
      const std::size_t at = out.store.offset(u, *i, k);
      if (seen[at])
        fail_row(errc::model_duplicate, path, in.number(), column(c.period),
                 "a second value of '" + indicator_id + "' for " + per.to_string() + " in unit '" +
                     std::string(text(c.unit)) + "'",
                 indicator_id);
      std::string flags;
      if (c.flags >= 0) {
        flags = std::string(text(c.flags));
        try {
          validate_flags(flags);
        } catch (const error& e) {
          fail_row(e.code(), path, in.number(), column(c.flags), e.message(), indicator_id);
        }
      }
      const std::string_view value = text(c.value);
      double v = 0;
      if (plain_number(value, v)) {
        out.store.set(u, *i, k, v);
      } else {
        parsed_observation parsed;
        try {
          parsed = parse_observation(value);
          check_one_quantity(parsed);
        } catch (const error& e) {
          fail_row(e.code(), path, in.number(),
                   column(c.value) + e.where().column - (e.where().column > 0), e.message(),
                   indicator_id);
        }
        if (std::holds_alternative<missing_value>(parsed.value)) {
          // blank, `-`, `n/a`: no value (NaN)
        } else if (out.texts.size() >= options.max_texts) {
          fail_row(errc::limit_items, path, in.number(), column(c.value),
                   "more than " + std::to_string(options.max_texts) + " values that are texts");
        } else {
          observation o = to_observation(indicator_id, per, std::string(value), parsed);
          for (const char fl : flags)
            if (o.flags.find(fl) == std::string::npos) o.flags += fl;
          out.texts.push_back(long_table_text{at, std::move(o)});
        }
      }
      seen[at] = true;
    } catch (const error& e) {
      if (e.code() == errc::limit_items) throw;
      bad(e);
    }
  }
  std::sort(out.texts.begin(), out.texts.end(),
            [](const long_table_text& a, const long_table_text& b) { return a.offset < b.offset; });
  return out;
}

void name_long_table_unit_column(csv_table& t) {
  for (auto& cell : t.header)
    for (const char* w : {"地区", "区县", "区域", "单位名称"})
      if (cell.text == w) cell.text = "unit";
}

}  // namespace planeval
