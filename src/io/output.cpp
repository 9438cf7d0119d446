#include "planeval/io/output.hpp"

#include <cmath>
#include <ostream>
#include <string>

#include "detail/utf8.hpp"

namespace planeval {
namespace {

std::string gap_text(const assessment& a, language lang) {
  if (!a.gap) return "";
  const double g = std::round(*a.gap * 10000.0) / 10000.0;
  std::string s = (g > 0 ? "+" : "") + format_number(g);
  if (a.gap_unit.dim() == dimension::percentage_point)
    s += lang == language::zh ? "个百分点" : " pp";
  else
    s += a.gap_unit.symbol();
  return s;
}

std::string name_of(const plan& p, const assessment& a, language lang) {
  const indicator* ind = p.find(a.indicator);
  if (!ind) return a.indicator;
  const std::string& n = lang == language::zh ? ind->name_zh : ind->name_en;
  return n.empty() ? a.indicator : n;
}

struct columns {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

columns build(const plan& p, const std::vector<assessment>& as, language lang) {
  columns c;
  const bool zh = lang == language::zh;
  c.header =
      zh ? std::vector<std::string>{"#", "指标", "期间", "目标", "完成值", "状态", "差距", "说明"}
         : std::vector<std::string>{"#",      "indicator", "period", "target",
                                    "actual", "status",    "gap",    "reason"};
  for (std::size_t k = 0; k < as.size(); ++k) {
    const auto& a = as[k];
    std::string st = status_label(a.st, lang);
    if (a.within_tolerance) st += zh ? "(容差内)" : " (tolerance)";
    c.rows.push_back({std::to_string(k + 1), name_of(p, a, lang), a.per.to_string(),
                      a.target_text.empty() ? "-" : a.target_text,
                      a.actual_text.empty() ? "-" : a.actual_text, st, gap_text(a, lang),
                      a.reason(lang)});
  }
  return c;
}

void pad(std::ostream& out, const std::string& s, std::size_t width) {
  out << s;
  for (std::size_t w = detail::display_width(s); w < width; ++w) out << ' ';
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

}  // namespace

void write_table(std::ostream& out, const plan& p, const std::vector<assessment>& as,
                 const plan_summary& summary, language lang) {
  const columns c = build(p, as, lang);
  const std::size_t n = c.header.size();
  std::vector<std::size_t> width(n, 0);
  // the last column (the reason) is not padded
  for (std::size_t k = 0; k + 1 < n; ++k) {
    width[k] = detail::display_width(c.header[k]);
    for (const auto& row : c.rows) width[k] = std::max(width[k], detail::display_width(row[k]));
  }
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t k = 0; k < n; ++k) {
      if (k + 1 < n) {
        pad(out, row[k], width[k]);
        out << "  ";
      } else {
        out << row[k];
      }
    }
    out << '\n';
  };
  line(c.header);
  std::vector<std::string> rule_row;
  for (std::size_t k = 0; k < n; ++k)
    rule_row.push_back(std::string(k + 1 < n ? width[k] : 4, '-'));
  line(rule_row);
  for (const auto& row : c.rows) line(row);
  out << '\n' << narrative(p, summary, lang) << '\n';
}

void write_markdown(std::ostream& out, const plan& p, const std::vector<assessment>& as,
                    const plan_summary& summary, language lang) {
  const columns c = build(p, as, lang);
  const std::string title = lang == language::zh ? (p.title_zh.empty() ? p.id : p.title_zh)
                                                 : (p.title_en.empty() ? p.id : p.title_en);
  out << "# "
      << (title.empty() ? std::string(lang == language::zh ? "计划评估" : "Plan evaluation")
                        : title)
      << "\n\n";
  out << narrative(p, summary, lang) << "\n\n";
  out << '|';
  for (const auto& h : c.header) out << ' ' << md_escape(h) << " |";
  out << "\n|";
  for (std::size_t k = 0; k < c.header.size(); ++k) out << (k == 0 ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : c.rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << md_escape(cell) << " |";
    out << '\n';
  }
}

}  // namespace planeval
