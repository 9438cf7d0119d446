// Canonical texts of rules and observations, in Chinese and English. Every text printed here
// parses back (parse_target / parse_observation) to an equal value.
#include <string>

#include "core/lexicon.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"

namespace planeval {
namespace {

// `,` before a remark; `, ` when the remark starts with a digit, so that `5, 300项` does not
// read back as the number 5,300.
std::string remark_separator(const std::string& remark, bool zh) {
  const bool digit = !remark.empty() && remark.front() >= '0' && remark.front() <= '9';
  return zh && !digit ? "," : ", ";
}

std::string unit_text(const unit& u, language lang) {
  if (u.empty()) return {};
  if (lang == language::zh) return u.symbol();
  if (u.dim() == dimension::percent && u.scale() == 0) return "%";
  if (u.dim() == dimension::percentage_point) return " percentage points";
  return " " + u.symbol();
}

std::string qualifier_text(const qualifier& q, language lang) {
  std::string out;
  if (lang == language::zh) {
    if (q.cumulative) {
      if (q.cumulative_years == 5)
        out += "五年累计";
      else if (q.cumulative_years > 0 && q.cumulative_years < 10)
        out += std::to_string(q.cumulative_years) + "年累计";
      else
        out += "累计";
    }
    out += q.flow;
    return out;
  }
  if (q.cumulative) {
    if (q.cumulative_years > 0 && q.cumulative_years < 10)
      out += std::to_string(q.cumulative_years) + "-year cumulative ";
    else
      out += "cumulative ";
  }
  if (q.flow == "新开工")
    out += "newly started ";
  else if (q.flow == "新竣工")
    out += "newly completed ";
  else if (q.flow == "新建")
    out += "newly built ";
  else if (q.flow == "开工")
    out += "started ";
  else if (q.flow == "竣工")
    out += "completed ";
  else if (q.flow == "新增")
    out += "new ";
  else if (!q.flow.empty())
    out += q.flow + " ";
  return out;
}

std::string amount(double v, const unit& u, language lang) {
  if (lang == language::en && u.dim() == dimension::percentage_point && (v == 1 || v == -1))
    return format_number(v) + " percentage point";
  return format_number(v) + unit_text(u, lang);
}

// The comparison part of a numeric rule, without qualifier, verb or remark.
std::string level_text(const rule& r, language lang) {
  const bool zh = lang == language::zh;
  switch (r.oper) {
    case op::reach: return amount(r.value, r.u, lang);
    case op::about:
      return zh ? amount(r.value, r.u, lang) + "左右" : "about " + amount(r.value, r.u, lang);
    case op::at_least:
      if (r.strict) return (zh ? "高于" : "more than ") + amount(r.value, r.u, lang);
      return zh ? amount(r.value, r.u, lang) + "以上" : "at least " + amount(r.value, r.u, lang);
    case op::at_most:
      if (r.strict) return (zh ? "低于" : "less than ") + amount(r.value, r.u, lang);
      return zh ? amount(r.value, r.u, lang) + "以内" : "at most " + amount(r.value, r.u, lang);
    case op::between: {
      const std::string sep = zh ? ((r.low < 0 || r.high < 0) ? "至" : "-") : " to ";
      return amount(r.low, r.u, lang) + sep + amount(r.high, r.u, lang);
    }
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed: break;
  }
  return {};
}

bool is_down(const rule& r) {
  switch (r.oper) {
    case op::reach:
    case op::about:
    case op::at_least:
    case op::at_most: return r.value < 0;
    case op::between: return r.high <= 0 && r.low < 0;
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed: return false;
  }
  return false;
}

rule negated(rule r) {
  switch (r.oper) {
    case op::reach:
    case op::about: r.value = -r.value; break;
    case op::at_least:
      r.oper = op::at_most;
      r.value = -r.value;
      break;
    case op::at_most:
      r.oper = op::at_least;
      r.value = -r.value;
      break;
    case op::between: {
      const double lo = -r.high;
      r.high = -r.low;
      r.low = lo;
      break;
    }
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed: break;
  }
  return r;
}

std::string change_text(const rule& r, language lang) {
  const bool zh = lang == language::zh;
  const bool down = is_down(r);
  const rule body = down ? negated(r) : r;
  const bool points = r.meas.kind == measure_kind::change_points;
  std::string out;
  if (zh) {
    if (r.meas.base_year != 0) out += "比" + std::to_string(r.meas.base_year) + "年";
    if (r.meas.kind == measure_kind::cagr) out += "年均";
    out += down ? "下降" : (points ? "提高" : "增长");
    out += level_text(body, lang);
    return out;
  }
  if (r.meas.kind == measure_kind::cagr) {
    out += down ? "average annual decline of " : "average annual growth of ";
  } else {
    out += down ? "down " : "up ";
  }
  out += level_text(body, lang);
  if (r.meas.base_year != 0) out += " since " + std::to_string(r.meas.base_year);
  return out;
}

std::string reference_text(const rule& r, language lang) {
  const bool zh = lang == language::zh;
  const std::string& n = r.reference;
  const std::string en = reference_name_en(n);
  switch (r.oper) {
    case op::about: return zh ? "与" + n + "基本同步" : "roughly in line with " + en;
    case op::reach:
      if (detail::is_quota_name(n)) return zh ? "完成" + n : "meet " + en;
      return zh ? "与" + n + "同步" : "in line with " + en;
    case op::at_least:
      if (r.strict) return zh ? "高于" + n : "above " + en;
      return zh ? "不低于" + n : "not below " + en;
    case op::at_most:
      if (r.strict) return zh ? "低于" + n : "below " + en;
      return zh ? "控制在" + n + "之内" : "within " + en;
    case op::between:
    case op::increase:
    case op::decrease:
    case op::improve:
    case op::qualitative:
    case op::unparsed: break;
  }
  return n;
}

}  // namespace

std::string canonical(const rule& r, language lang) {
  const bool zh = lang == language::zh;
  std::string out;
  switch (r.oper) {
    case op::qualitative:
    case op::unparsed: out = r.description; break;
    case op::increase: out = zh ? "进一步提高" : "further increase"; break;
    case op::decrease: out = zh ? "继续下降" : "continued decrease"; break;
    case op::improve: out = zh ? "持续改善" : "continued improvement"; break;
    case op::reach:
    case op::about:
    case op::at_least:
    case op::at_most:
    case op::between:
      if (r.has_reference()) {
        out = reference_text(r, lang);
      } else if (r.meas.kind == measure_kind::level) {
        out = qualifier_text(r.qual, lang) + level_text(r, lang);
      } else {
        out = qualifier_text(r.qual, lang) + change_text(r, lang);
      }
      break;
  }
  if (!r.remark.empty() && r.oper != op::unparsed) out += remark_separator(r.remark, zh) + r.remark;
  return out;
}

std::string canonical(const parsed_observation& o, language lang) {
  const bool zh = lang == language::zh;
  std::string out;
  if (const auto* j = std::get_if<judgment_value>(&o.value)) {
    switch (j->verdict) {
      case judgment::met: out = zh ? "完成" : "met"; break;
      case judgment::basically_met: out = zh ? "基本完成" : "basically met"; break;
      case judgment::exceeded: out = zh ? "超额完成" : "exceeded"; break;
      case judgment::not_met: out = zh ? "未完成" : "not met"; break;
    }
  } else if (std::holds_alternative<missing_value>(o.value)) {
    out = "-";
  } else {
    rule r;
    r.meas = o.meas;
    r.u = o.u;
    r.qual = o.qual;
    if (const auto* p = std::get_if<point_value>(&o.value)) {
      r.oper = o.approximate ? op::about : op::reach;
      r.value = p->value;
    } else if (const auto* b = std::get_if<bound_value>(&o.value)) {
      r.oper = b->at_least ? op::at_least : op::at_most;
      r.value = b->value;
      r.strict = b->strict;
    } else if (const auto* i = std::get_if<interval_value>(&o.value)) {
      r.oper = op::between;
      r.low = i->low;
      r.high = i->high;
    }
    out = canonical(r, lang);
    if (o.comparable) out += (zh ? "(可比" : " (comparable ") + format_number(*o.comparable) + ")";
  }
  if (!o.remark.empty()) out += remark_separator(o.remark, zh) + o.remark;
  return out;
}

}  // namespace planeval
