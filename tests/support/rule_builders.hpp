#pragma once
// Helpers that build expected rules for table-driven tests.
#include <string>

#include "planeval/core/rule.hpp"

namespace planeval::test {

inline rule level(op o, double v, const char* u = "") {
  rule r;
  r.operation = o;
  r.value = v;
  r.unit = unit::parse(u);
  return r;
}
inline rule strict(rule r) {
  r.strict = true;
  return r;
}
inline rule range(double lo, double hi, const char* u = "") {
  rule r;
  r.operation = op::between;
  r.low = lo;
  r.high = hi;
  r.unit = unit::parse(u);
  return r;
}
inline rule with_measure(rule r, measure_kind m, int base_year = 0) {
  r.measure = measure{m, base_year};
  return r;
}
inline rule growth(rule r) {
  r.unit = unit::percent();
  return with_measure(r, measure_kind::growth);
}
inline rule points(rule r) {
  r.unit = unit::percentage_point();
  return with_measure(r, measure_kind::change_points);
}
inline rule cagr(rule r) {
  r.unit = unit::percent();
  return with_measure(r, measure_kind::cagr);
}
inline rule since(rule r, int year) {
  r.unit = unit::percent();
  return with_measure(r, measure_kind::change_since, year);
}
inline rule ref(op o, const char* name, bool is_strict = false) {
  rule r;
  r.operation = o;
  r.reference = name;
  r.strict = is_strict;
  return r;
}
inline rule dir(op o) {
  rule r;
  r.operation = o;
  return r;
}
inline rule qualitative(const char* text) {
  rule r;
  r.operation = op::qualitative;
  r.description = text;
  return r;
}
inline rule qualified(rule r, const char* flow, bool cumulative = false, int years = 0) {
  r.qualifier.flow = flow;
  r.qualifier.cumulative = cumulative;
  r.qualifier.cumulative_years = years;
  return r;
}
inline rule remark(rule r, const char* text) {
  r.remark = text;
  return r;
}

}  // namespace planeval::test
