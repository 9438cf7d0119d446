// The workbook of a batch evaluation: counts by status, unit and indicator, the ranking and the
// observations, written row by row (constant memory).
#include "planeval/report/workbook.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/analytics/fields.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/render/batch.hpp"
#include "planeval/render/evaluation.hpp"

#include "detail/utf8.hpp"
#include "report/charts.hpp"
#include "report/parts.hpp"
#include "report/workbook_file.hpp"
#include "text/wording.hpp"

namespace planeval {

using detail::plan_title;
using detail::text_width;
using detail::workbook_file;
using text::tr;

void save_batch_workbook(const std::string& path, const plan& p, const long_table& table,
                         const batch_result& result, const long_table_summary& summary,
                         language lang, std::size_t max_rows) {
  const batch_store& store = table.store;
  workbook_file wb(path, /*constant_memory=*/true);
  const std::string title = plan_title(p, lang);
  wb.set_properties(title, tr(lang, "多地区批量评估结果", "Batch evaluation of many units"));
  std::vector<status> shown;  // the statuses that occur, in the enum's order
  for (int k = 0; k < status_count; ++k)
    if (summary.by_status[static_cast<status>(k)] != 0) shown.push_back(static_cast<status>(k));
  const auto heading_row = [&](lxw_worksheet* ws, const std::vector<std::string>& headings,
                               const std::vector<double>& widths) {
    for (std::size_t c = 0; c < headings.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::max(widths[c], text_width(headings[c])) + 2.0, nullptr);
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headings[c].c_str(), wb.header());
    }
    worksheet_freeze_panes(ws, 1, 0);
  };
  const auto number = [&](lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
    worksheet_write_number(ws, r, c, v, wb.number());
  };
  const auto share_of = [](const status_counts& n) {
    const std::size_t judged = n.attained() + n[status::not_met];
    return judged ? static_cast<double>(n.attained()) / static_cast<double>(judged) : 0.0;
  };

  // the ranking: one row per unit, highest share met first
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "排名", "Ranking"));
    std::vector<std::string> headings{tr(lang, "名次", "Place"), tr(lang, "地区", "Unit"),
                                      tr(lang, "完成比例", "Share met"),
                                      tr(lang, "完成", "Attained"), tr(lang, "评判", "Judged")};
    double unit_width = 8.0;
    for (const auto& id : store.unit_ids()) unit_width = std::max(unit_width, text_width(id));
    std::vector<double> widths{6.0, std::min(unit_width, 30.0), 10.0, 8.0, 8.0};
    for (const status s : shown) {
      headings.emplace_back(status_label(s, lang));
      widths.push_back(8.0);
    }
    heading_row(ws, headings, widths);
    lxw_row_t r = 1;
    for (const auto& x : rank_units(summary)) {
      number(ws, r, 0, static_cast<double>(r));
      worksheet_write_string(ws, r, 1, store.unit_ids()[x.unit].c_str(), wb.text());
      worksheet_write_number(ws, r, 2, x.share, wb.percent());
      number(ws, r, 3, static_cast<double>(x.attained));
      number(ws, r, 4, static_cast<double>(x.judged));
      for (std::size_t c = 0; c < shown.size(); ++c)
        number(ws, r, static_cast<lxw_col_t>(5 + c),
               static_cast<double>(summary.by_unit[x.unit][shown[c]]));
      ++r;
    }
    worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(headings.size() - 1));
  }

  // by indicator: the counts of each status over the units
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "按指标", "By indicator"));
    std::vector<std::string> headings{tr(lang, "指标代码", "Indicator"),
                                      tr(lang, "指标名称", "Name"),
                                      tr(lang, "完成比例", "Share met")};
    std::vector<double> widths{16.0, 36.0, 10.0};
    for (const status s : shown) {
      headings.emplace_back(status_label(s, lang));
      widths.push_back(8.0);
    }
    heading_row(ws, headings, widths);
    lxw_row_t r = 1;
    for (std::size_t i = 0; i < store.indicators(); ++i, ++r) {
      const indicator& ind = p.indicators[i];
      worksheet_write_string(ws, r, 0, ind.id.c_str(), wb.text());
      worksheet_write_string(
          ws, r, 1, text::display_name(ind.name_zh, ind.name_en, ind.id, lang).c_str(), wb.text());
      worksheet_write_number(ws, r, 2, share_of(summary.by_indicator[i]), wb.percent());
      for (std::size_t c = 0; c < shown.size(); ++c)
        number(ws, r, static_cast<lxw_col_t>(3 + c),
               static_cast<double>(summary.by_indicator[i][shown[c]]));
    }
    worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(headings.size() - 1));
  }

  // every observation: unit, indicator, period, value, status (filled), gap
  std::size_t written = 0;
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "明细", "Observations"));
    heading_row(
        ws,
        {tr(lang, "地区", "Unit"), tr(lang, "指标代码", "Indicator"), tr(lang, "时期", "Period"),
         tr(lang, "完成值", "Value"), tr(lang, "状态", "Status"), tr(lang, "差距", "Gap")},
        {14.0, 16.0, 10.0, 14.0, 12.0, 10.0});
    std::array<lxw_format*, status_count> fills{};
    for (int k = 0; k < status_count; ++k)
      fills[static_cast<std::size_t>(k)] = wb.fill(detail::style_of(static_cast<status>(k)).colour);
    std::vector<std::string> periods;
    for (const auto& per : store.period_list()) periods.push_back(per.to_string());
    lxw_row_t r = 1;
    for (std::size_t i = 0; i < store.indicators() && written < max_rows; ++i)
      for (std::size_t u = 0; u < store.units() && written < max_rows; ++u)
        for (std::size_t k = 0; k < store.periods() && written < max_rows; ++k) {
          const std::size_t at = store.offset(u, i, k);
          if (!table.present[at]) continue;
          worksheet_write_string(ws, r, 0, store.unit_ids()[u].c_str(), wb.text());
          worksheet_write_string(ws, r, 1, store.indicator_ids()[i].c_str(), wb.text());
          worksheet_write_string(ws, r, 2, periods[k].c_str(), wb.text());
          const double v = store.get(u, i, k);
          if (const long_table_text* text = table.text_at(at))
            worksheet_write_string(ws, r, 3, text->value.text.c_str(), wb.text());
          else if (!std::isnan(v))
            number(ws, r, 3, v);
          else
            worksheet_write_blank(ws, r, 3, wb.text());
          const auto st = static_cast<std::size_t>(result.codes[at]);
          worksheet_write_string(ws, r, 4, status_label(static_cast<status>(st), lang), fills[st]);
          if (!std::isnan(result.gap[at]))
            number(ws, r, 5, std::round(result.gap[at] * 1e9) / 1e9);
          else
            worksheet_write_blank(ws, r, 5, wb.text());
          ++r;
          ++written;
        }
    worksheet_autofilter(ws, 0, 0, r - 1, 5);
  }

  // the summary: counts by status (the legend), what was read
  {
    lxw_worksheet* ws = wb.add_sheet(tr(lang, "汇总", "Summary"));
    worksheet_set_column(ws, 0, 0, 34.0, nullptr);
    worksheet_set_column(ws, 1, 1, 14.0, nullptr);
    lxw_row_t r = 0;
    worksheet_write_string(ws, r++, 0, title.c_str(), wb.title());
    const auto line = [&](const char* zh, const char* en, double v) {
      worksheet_write_string(ws, r, 0, tr(lang, zh, en), wb.text());
      number(ws, r++, 1, v);
    };
    ++r;
    line("观测值", "Observations", static_cast<double>(summary.observations));
    line("地区", "Units", static_cast<double>(store.units()));
    line("指标", "Indicators", static_cast<double>(store.indicators()));
    line("时期", "Periods", static_cast<double>(store.periods()));
    line("未能读取的行", "Rows not read", static_cast<double>(table.bad_rows));
    if (written < summary.observations) {
      const std::string note =
          lang == language::zh
              ? "明细表列出前" + std::to_string(written) + "个观测值(共" +
                    std::to_string(summary.observations) + "个);全部观测值请用 --format csv 输出。"
              : "The observations sheet lists the first " + std::to_string(written) + " of " +
                    std::to_string(summary.observations) +
                    " observations; --format csv writes them all.";
      worksheet_write_string(ws, r++, 0, note.c_str(), wb.paragraph());
    }
    ++r;
    worksheet_write_string(ws, r, 0, tr(lang, "状态(图例)", "Status (legend)"), wb.header());
    worksheet_write_string(ws, r++, 1, tr(lang, "数量", "Count"), wb.header());
    for (int k = 0; k < status_count; ++k) {
      const auto s = static_cast<status>(k);
      worksheet_write_string(ws, r, 0, status_label(s, lang), wb.fill(detail::style_of(s).colour));
      number(ws, r++, 1, static_cast<double>(summary.by_status[s]));
    }
  }
  wb.save();
}

}  // namespace planeval
