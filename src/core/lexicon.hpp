#pragma once
// Private word lists shared by the target-language parser and printer.
#include <string_view>
#include <vector>

namespace planeval::detail {
/// Every symbol of the unit table (UTF-8).
const std::vector<std::string_view>& unit_symbols();
/// The scale prefixes (`万亿`, `亿`, `万`, …), longest first.
const std::vector<std::string_view>& scale_prefixes();

/// A reference name that is an assigned quota: it mentions 下达 (assigned) or ends with 指标,
/// 任务, 要求 or 计划. Quotas print as `完成X`; other references as `与X同步`.
inline bool is_quota_name(std::string_view name) noexcept {
  if (name.find("下达") != std::string_view::npos) return true;
  for (std::string_view tail : {"指标", "任务", "要求", "计划"}) {
    if (name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail) return true;
  }
  return false;
}
}  // namespace planeval::detail
