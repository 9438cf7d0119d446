#pragma once
// A small plan builder for the analytics tests: indicators with a target text and observations
// written in the target language.
#include <string>

#include "planeval/core/parse.hpp"
#include "planeval/core/plan.hpp"

namespace planeval::test {

struct plan_fixture {
  plan p;
  observation_set actuals;
  reference_set refs;

  indicator& add(const char* id, const char* u, const char* target_text,
                 accumulation acc = accumulation::stock, polarity pol = polarity::higher,
                 attribute attr = attribute::anticipatory, int year = 2021) {
    indicator ind;
    ind.id = id;
    ind.name_zh = id;
    ind.unit = unit::parse(u);
    ind.polarity = pol;
    ind.attribute = attr;
    ind.accumulation = acc;
    ind.kind = ind.unit.is_percent() ? indicator_kind::rate : indicator_kind::amount;
    if (target_text && *target_text)
      ind.targets.push_back(target{period::year(year), target_text, parse_target(target_text)});
    p.add(ind);
    return *p.find(id);
  }

  void baseline(const char* id, const char* per, const char* text) {
    p.find(id)->baseline = make(id, per, text);
  }

  void actual(const char* id, const char* per, const char* text) {
    actuals.add(make(id, per, text));
  }

  static observation make(const char* id, const char* per, const char* text) {
    return to_observation(id, period::parse(per), text, parse_observation(text));
  }
};

}  // namespace planeval::test
