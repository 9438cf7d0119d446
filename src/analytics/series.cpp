// Annual series and what their values are.
#include "planeval/analytics/series.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include "planeval/core/error.hpp"

namespace planeval {
namespace {

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A bare percentage on an indicator whose unit is not % is a growth figure (docs/design.md section
// 4).
}  // namespace

series_kind infer_series_kind(const indicator& ind) noexcept {
  if (ind.kind != indicator_kind::rate) return series_kind::level;
  if (!ind.name_zh.empty()) {
    for (const char* w : {"增速", "增长率", "增幅", "涨幅", "降低率", "下降率", "降幅", "减量率"})
      if (contains(ind.name_zh, w)) return series_kind::growth_rate;
    return series_kind::level;
  }
  try {
    const std::string en = lower_ascii(ind.name_en);
    if (contains(en, "growth") || contains(en, "reduction rate")) return series_kind::growth_rate;
  } catch (...) {  // allocation failure: keep the default
  }
  return series_kind::level;
}

series_kind resolve_series_kind(series_kind k, const indicator& ind) noexcept {
  return k == series_kind::automatic ? infer_series_kind(ind) : k;
}

std::vector<annual_point> annual_series(const plan& p, const indicator& ind,
                                        const observation_set& actuals, series_kind kind) {
  kind = resolve_series_kind(kind, ind);
  std::map<int, double> by_year;
  auto take = [&](const observation& o, bool check_id) {
    if ((check_id && o.indicator != ind.id) || o.period.kind() != period_kind::year) return;
    const int y = o.period.first_year();
    if (by_year.count(y) != 0) return;
    const bool growth_figure =
        o.measure.kind == measure_kind::growth ||
        (o.measure.kind == measure_kind::level && percent_means_growth(o.unit, ind));
    if (kind == series_kind::level && o.measure.kind != measure_kind::level) return;
    if (kind == series_kind::level && growth_figure) return;
    if (kind == series_kind::growth_rate && o.measure.kind != measure_kind::level &&
        o.measure.kind != measure_kind::growth)
      return;
    const auto number = o.single_number();
    if (!number) return;
    double v = *number;
    if (!growth_figure && !o.unit.empty() && !ind.unit.empty()) {
      if (!convertible(o.unit, ind.unit)) {
        location loc;
        loc.indicator = ind.id;
        loc.fragment = o.text;
        throw model_error(errc::unit_incompatible,
                          "the value for " + o.period.to_string() + " is in '" + o.unit.symbol() +
                              "', which cannot be expressed in '" + ind.unit.symbol() + "'",
                          loc);
      }
      v = convert(v, o.unit, ind.unit);
    }
    by_year.emplace(y, v);
  };
  for (const auto& o : actuals) take(o, true);
  for (const auto& o : p.observations) take(o, true);
  if (ind.baseline) take(*ind.baseline, false);
  std::vector<annual_point> out;
  out.reserve(by_year.size());
  for (const auto& [y, v] : by_year) out.push_back(annual_point{y, v});
  return out;
}

}  // namespace planeval
