// The data-entry template: one row per indicator of a period, read back by the actuals reader
// (io/tables.cpp).
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
namespace {

using detail::plan_title;
using detail::text_width;
using detail::workbook_file;
using text::tr;

// The columns of the data-entry template. The actuals reader knows each heading as an alias of
// its column (io/csv.cpp); name, unit and target are informative and not read back.
struct entry_column {
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<entry_column, 8> entry_columns{{{"指标代码", "indicator"},
                                                     {"指标名称", "name"},
                                                     {"单位", "unit"},
                                                     {"时期", "period"},
                                                     {"目标", "target"},
                                                     {"完成值", "value"},
                                                     {"标志", "flags"},
                                                     {"备注", "note"}}};

}  // namespace

void save_entry_template(const std::string& path, const plan& p, const period& per, language lang) {
  workbook_file wb(path);
  const std::string title = plan_title(p, lang);
  wb.set_properties(title, tr(lang, "指标完成值填报表", "Data entry of indicator values"));
  lxw_worksheet* ws = wb.add_sheet(tr(lang, "填报", "Entry"));
  const auto& cols = entry_columns;
  const auto last_col = static_cast<lxw_col_t>(cols.size() - 1);

  lxw_format* fixed = wb.add_format();  // the plan's cells: locked, grey
  format_set_border(fixed, LXW_BORDER_THIN);
  format_set_text_wrap(fixed);
  format_set_bg_color(fixed, 0xF2F2F2);
  format_set_align(fixed, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* input = wb.add_format();        // the cells to fill: unlocked, text (a value such as
  format_set_border(input, LXW_BORDER_THIN);  // `8.1%` or `95以上` is kept as written)
  format_set_unlocked(input);
  format_set_num_format(input, "@");
  format_set_bg_color(input, 0xFFF2CC);

  const std::string heading = title + " " + text::period_text(per, lang) +
                              tr(lang, " 指标完成值填报表", " — indicator values to fill in");
  worksheet_merge_range(ws, 0, 0, 0, last_col, heading.c_str(), wb.title());
  std::vector<double> widths(cols.size(), 8.0);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::string_view head = lang == language::zh ? cols[c].zh : cols[c].en;
    worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), std::string(head).c_str(),
                           wb.header());
    widths[c] = std::max(widths[c], text_width(head));
  }
  lxw_row_t r = 2;
  for (const auto& ind : p.indicators) {
    const target* t = ind.find_target(per);
    const std::string name = ind.name(lang);
    const std::string unit = ind.unit.symbol();
    const std::string target_text = t ? (t->text.empty() ? canonical(t->rule) : t->text) : "";
    const std::string period_text = per.to_string();
    const std::array<const std::string*, 5> fixed_cells{&ind.id, &name, &unit, &period_text,
                                                        &target_text};
    for (std::size_t c = 0; c < fixed_cells.size(); ++c) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), fixed_cells[c]->c_str(), fixed);
      widths[c] = std::max(widths[c], text_width(*fixed_cells[c]));
    }
    for (std::size_t c = fixed_cells.size(); c < cols.size(); ++c)
      worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c), input);
    ++r;
  }
  widths[5] = std::max(widths[5], 14.0);
  widths[7] = std::max(widths[7], 30.0);
  for (std::size_t c = 0; c < cols.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         std::min(widths[c], 40.0) + 2.0, nullptr);
  worksheet_freeze_panes(ws, 2, 0);

  // the flags column: a drop-down of the SDMX codes (a warning, so that `EP` can be typed)
  if (r > 2) {
    std::vector<std::string> codes;
    for (const auto& f : sdmx_flags()) codes.emplace_back(1, f.code);
    std::vector<char*> list;
    for (auto& c : codes) list.push_back(c.data());
    list.push_back(nullptr);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list.data();
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    const std::string input_title = tr(lang, "标志", "Flags");
    const std::string input_message =
        tr(lang, "SDMX观测状态代码,可不填;E估计值,P初步数,见“说明”表",
           "SDMX observation status, optional: E estimated, P provisional; see Instructions");
    dv.input_title = const_cast<char*>(input_title.c_str());
    dv.input_message = const_cast<char*>(input_message.c_str());
    wb.check(worksheet_data_validation_range(ws, 2, 6, r - 1, 6, &dv),
             "cannot add the flags drop-down");
  }
  lxw_protection protection{};
  protection.format_columns = 1;  // columns may be widened
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);

  lxw_worksheet* help = wb.add_sheet(tr(lang, "说明", "Instructions"));
  worksheet_set_column(help, 0, 0, 12.0, nullptr);
  worksheet_set_column(help, 1, 1, 90.0, nullptr);
  worksheet_write_string(help, 0, 0, tr(lang, "填报说明", "How to fill in the sheet"), wb.title());
  const std::vector<std::string> lines{
      tr(lang, "只填写“完成值”“标志”“备注”三列(黄色),其余各列由计划生成,已锁定。",
         "Fill in only the columns value, flags and note (yellow); the others come from the "
         "plan and are locked."),
      tr(lang, "完成值按目标的写法填写:8.1%、增长6.5%、95以上、达标;未填的行不读入。",
         "Write a value as targets are written: 8.1%, 增长6.5% (growth 6.5%), 95以上 (95 or "
         "more), 达标 (met); rows left blank are not read."),
      tr(lang, "标志为SDMX观测状态代码,可选,可组合(如EP);常用E估计值、P初步数。",
         "Flags are SDMX observation-status codes, optional and combinable (EP); E estimated "
         "and P provisional are the common ones."),
      tr(lang, "填好后:planeval evaluate --plan 计划文件 --actuals 本表.xlsx",
         "Then: planeval evaluate --plan PLAN --actuals this-file.xlsx"),
  };
  lxw_row_t hr = 2;
  for (const auto& line : lines) {
    worksheet_write_string(help, hr, 0, std::to_string(hr - 1).c_str(), nullptr);
    worksheet_write_string(help, hr++, 1, line.c_str(), wb.paragraph());
  }
  ++hr;
  worksheet_write_string(help, hr, 0, tr(lang, "代码", "Code"), wb.header());
  worksheet_write_string(help, hr++, 1, tr(lang, "含义", "Meaning"), wb.header());
  for (const auto& f : sdmx_flags()) {
    worksheet_write_string(help, hr, 0, std::string(1, f.code).c_str(), wb.text());
    worksheet_write_string(help, hr++, 1, tr(lang, f.zh, f.en), wb.text());
  }
  worksheet_activate(ws);
  wb.save();
}

}  // namespace planeval
