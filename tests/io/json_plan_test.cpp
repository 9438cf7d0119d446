// The JSON plan file: its canonical form, what a hand-written file may leave out, extensions,
// malformed files (each a typed error with a location), collecting every problem, and the
// JSON Schema in docs/schema/plan.schema.json.
#include "planeval/io/json_plan.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "support/plan_generator.hpp"

using namespace planeval;
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small plan with one of everything, in canonical form.
const char* const small_plan = R"({
  "format": "planeval.plan",
  "version": 1,
  "id": "demo",
  "title_zh": "示例计划",
  "title_en": "Demo plan",
  "issuer": "某区发展和改革委员会",
  "period": "2021",
  "published": "2021-02-04",
  "approved": "2021-01-12",
  "settings": {
    "language": "en",
    "tolerance": {
      "about_points": 0.5,
      "about_relative": 0.05,
      "sync_points": 0.5,
      "sync_relative": 0.05,
      "anticipatory_points": 0.25,
      "anticipatory_relative": 0
    }
  },
  "indicators": [
    {
      "id": "retail_growth",
      "name_zh": "社会消费品零售总额增速",
      "name_en": "Retail sales growth",
      "kind": "rate",
      "unit": "%",
      "polarity": "higher",
      "attribute": "anticipatory",
      "category": "economy",
      "accumulation": "rate",
      "baseline": {
        "period": "2020",
        "text": "-8.4",
        "value": -8.4
      },
      "targets": [
        {
          "period": "2021",
          "text": "3左右",
          "rule": {
            "op": "about",
            "value": 3
          }
        }
      ],
      "note": ""
    },
    {
      "id": "estates_area",
      "name_zh": "精品小区建设面积",
      "name_en": "Quality estates",
      "kind": "area",
      "unit": "万平方米",
      "polarity": "higher",
      "attribute": "binding",
      "category": "urban",
      "accumulation": "flow",
      "targets": [
        {
          "period": "2021",
          "text": "新开工100",
          "rule": {
            "op": "reach",
            "value": 100,
            "qualifier": {
              "flow": "新开工"
            }
          }
        }
      ],
      "note": "both values count newly started area"
    }
  ],
  "observations": [
    {
      "indicator": "retail_growth",
      "period": "2021",
      "text": "2.7%左右",
      "value": 2.7,
      "unit": "%",
      "flags": "EP",
      "note": "provisional"
    },
    {
      "indicator": "estates_area",
      "period": "2021-Q3",
      "text": "",
      "value": {
        "at_least": 80,
        "strict": true
      }
    }
  ],
  "references": [
    {
      "indicator": "retail_growth",
      "period": "2021",
      "value": 4,
      "note": "the city's target"
    }
  ],
  "extensions": {
    "dashboard": {
      "colour": "#c00",
      "order": [
        2,
        1
      ]
    }
  }
}
)";

// A plan with tasks (format version 2): an area, a done task with deliverables and actuals,
// and a task that depends on it. Canonical form.
const char* const tasks_plan = R"({
  "format": "planeval.plan",
  "version": 2,
  "id": "demo-tasks",
  "title_zh": "",
  "title_en": "",
  "issuer": "",
  "period": "2021",
  "settings": {
    "language": "zh",
    "tolerance": {
      "about_points": 0.5,
      "about_relative": 0.05,
      "sync_points": 0.5,
      "sync_relative": 0.05,
      "anticipatory_points": 0,
      "anticipatory_relative": 0
    }
  },
  "indicators": [
    {
      "id": "estates_area",
      "name_zh": "精品小区建设面积",
      "name_en": "",
      "kind": "area",
      "unit": "万平方米",
      "polarity": "higher",
      "attribute": "binding",
      "category": "",
      "accumulation": "flow",
      "targets": [],
      "note": ""
    }
  ],
  "observations": [],
  "references": [],
  "tasks": [
    {
      "id": "a5",
      "title_zh": "持续推进城市更新",
      "title_en": "Urban renewal",
      "owner": "区建设管理委",
      "start": "2021-01-01",
      "due": "2021-12-31",
      "status": "in_progress",
      "weight": 2
    },
    {
      "id": "a5.1",
      "parent": "a5",
      "title_zh": "架空线入地",
      "title_en": "Overhead lines underground",
      "description": "新开工39公里,竣工27公里",
      "owner": "区建设管理委",
      "cooperating": [
        "区电力公司",
        "区交通委"
      ],
      "start": "2021-01-01",
      "due": "2021-06-30",
      "status": "done",
      "progress": {
        "share": 1,
        "reported": "2021-06-20"
      },
      "completed": "2021-07-10",
      "deliverables": [
        {
          "text": "新开工39公里",
          "rule": {
            "op": "reach",
            "value": 39,
            "unit": "公里",
            "qualifier": {
              "flow": "新开工"
            }
          },
          "actual": {
            "period": "2021",
            "text": "新开工40公里",
            "value": 40,
            "unit": "公里",
            "qualifier": {
              "flow": "新开工"
            }
          }
        },
        {
          "text": "15项",
          "rule": {
            "op": "reach",
            "value": 15,
            "unit": "项"
          }
        }
      ],
      "indicators": [
        "estates_area"
      ],
      "note": "owner and dates are illustrative"
    },
    {
      "id": "a5.2",
      "parent": "a5",
      "title_zh": "精品小区",
      "title_en": "",
      "status": "in_progress",
      "progress": {
        "share": 0.35,
        "reported": "2021-09-30"
      },
      "depends_on": [
        "a5.1"
      ],
      "weight": 0.5
    }
  ]
}
)";

plan read(const std::string& text) { return plan_from_json(text, "plan.json"); }

}  // namespace

// --- the format --------------------------------------------------------------------------------

TEST(json_plan, reads_every_member_and_writes_it_back_byte_for_byte) {
  const plan p = read(small_plan);
  EXPECT_EQ(p.id, "demo");
  EXPECT_EQ(p.title_zh, "示例计划");
  EXPECT_EQ(p.issuer, "某区发展和改革委员会");
  EXPECT_EQ(p.period, period::year(2021));
  EXPECT_EQ(to_string(*p.published), "2021-02-04");
  EXPECT_EQ(to_string(*p.approved), "2021-01-12");
  EXPECT_EQ(p.settings.lang, language::en);
  EXPECT_EQ(p.settings.tolerance.anticipatory_points, 0.25);
  ASSERT_EQ(p.indicators.size(), 2u);
  const auto& retail = p.indicators[0];
  EXPECT_EQ(retail.baseline->indicator, "retail_growth");
  EXPECT_EQ(std::get<point_value>(retail.baseline->value).value, -8.4);
  EXPECT_EQ(retail.targets[0].rule, parse_target("3左右"));
  EXPECT_EQ(p.indicators[1].attribute, attribute::binding);
  EXPECT_EQ(p.indicators[1].targets[0].rule, parse_target("新开工100"));
  ASSERT_EQ(p.observations.size(), 2u);
  EXPECT_EQ(p.observations.items()[0].flags, "EP");
  EXPECT_EQ(std::get<bound_value>(p.observations.items()[1].value), (bound_value{80, true, true}));
  EXPECT_EQ(p.references.find("retail_growth", period::year(2021))->value, 4);
  EXPECT_EQ(p.extensions, R"({"dashboard":{"colour":"#c00","order":[2,1]}})");
  EXPECT_EQ(plan_to_json(p), small_plan);
}

TEST(json_plan, reads_every_task_member_and_writes_it_back_byte_for_byte) {
  const plan p = read(tasks_plan);
  ASSERT_EQ(p.tasks.size(), 3u);
  const task& area = p.tasks[0];
  EXPECT_TRUE(area.is_area());
  EXPECT_EQ(area.title_en, "Urban renewal");
  EXPECT_EQ(*area.start, date(2021, 1, 1));
  EXPECT_EQ(*area.due, date(2021, 12, 31));
  EXPECT_EQ(area.status, task_status::in_progress);
  EXPECT_EQ(area.weight, 2.0);
  EXPECT_FALSE(area.progress);
  const task& t = p.tasks[1];
  EXPECT_EQ(t.parent, "a5");
  EXPECT_EQ(t.description, "新开工39公里,竣工27公里");
  EXPECT_EQ(t.owner, "区建设管理委");
  EXPECT_EQ(t.cooperating, (std::vector<std::string>{"区电力公司", "区交通委"}));
  EXPECT_EQ(t.status, task_status::done);
  EXPECT_EQ(*t.progress, (progress_report{1.0, date(2021, 6, 20)}));
  EXPECT_EQ(*t.completed, date(2021, 7, 10));
  ASSERT_EQ(t.deliverables.size(), 2u);
  EXPECT_EQ(t.deliverables[0].text, "新开工39公里");
  EXPECT_EQ(t.deliverables[0].target, parse_target("新开工39公里"));
  ASSERT_TRUE(t.deliverables[0].actual);
  EXPECT_EQ(t.deliverables[0].actual->indicator, "a5.1");  // the task's own id
  EXPECT_EQ(t.deliverables[0].actual->period, period::year(2021));
  EXPECT_EQ(std::get<point_value>(t.deliverables[0].actual->value).value, 40.0);
  EXPECT_EQ(t.deliverables[0].actual->qualifier.flow, "新开工");
  EXPECT_EQ(t.deliverables[1].target, parse_target("15项"));
  EXPECT_FALSE(t.deliverables[1].actual);
  EXPECT_EQ(t.indicators, std::vector<std::string>{"estates_area"});
  EXPECT_EQ(t.weight, 1.0);
  EXPECT_EQ(t.note, "owner and dates are illustrative");
  const task& next = p.tasks[2];
  EXPECT_EQ(next.depends_on, std::vector<std::string>{"a5.1"});
  EXPECT_EQ(next.progress->share, 0.35);
  EXPECT_EQ(next.weight, 0.5);
  EXPECT_EQ(plan_to_json(p), tasks_plan);
}

TEST(json_plan, version_1_without_tasks_version_2_with_them) {
  // a plan without tasks is written as version 1, which releases before tasks read
  plan p = read(tasks_plan);
  p.tasks.clear();
  const std::string v1 = plan_to_json(p);
  EXPECT_NE(v1.find("\"version\": 1,"), std::string::npos);
  EXPECT_EQ(v1.find("\"tasks\""), std::string::npos);
  EXPECT_EQ(read(v1), p);
  // tasks in a version-1 file are an error that says which version they need
  json j = json::parse(tasks_plan);
  j["version"] = 1;
  try {
    read(j.dump());
    ADD_FAILURE() << "no error";
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::json_unknown_field);
    EXPECT_EQ(e.where().pointer, "/tasks");
    EXPECT_NE(e.message().find("format version 2"), std::string::npos) << e.what();
  }
  j["version"] = plan_json_version + 1;
  try {
    read(j.dump());
    ADD_FAILURE() << "no error";
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::format_version);
  }
}

TEST(json_plan, a_hand_written_task_may_leave_out_rules_values_and_defaults) {
  const plan p = read(R"({"format": "planeval.plan", "version": 2,
    "tasks": [
      {"id": "w1", "deliverables": [{"text": "新开工39公里",
                                     "actual": {"period": "2020", "text": "新开工39公里"}}]},
      {"id": "w2", "parent": "", "status": "cancelled"}
    ]})");
  ASSERT_EQ(p.tasks.size(), 2u);
  const task& t = p.tasks[0];
  EXPECT_EQ(t.status, task_status::not_started);
  EXPECT_EQ(t.weight, 1.0);
  EXPECT_FALSE(t.start);
  EXPECT_EQ(t.deliverables[0].target, parse_target("新开工39公里"));  // the rule from the text
  const auto& actual = *t.deliverables[0].actual;                     // the value from the text
  EXPECT_EQ(actual.indicator, "w1");
  EXPECT_EQ(std::get<point_value>(actual.value).value, 39.0);
  EXPECT_EQ(actual.qualifier.flow, "新开工");
  EXPECT_TRUE(p.tasks[1].is_area());
  EXPECT_EQ(p.tasks[1].status, task_status::cancelled);
}

TEST(json_plan, a_hand_written_file_may_leave_out_rules_values_and_defaults) {
  const plan p = read(R"({"format": "planeval.plan", "version": 1,
    "indicators": [
      {"id": "new_listed", "name_zh": "新增上市企业数", "unit": "家",
       "targets": [{"period": "2021", "text": "2-3"}]},
      {"id": "life", "targets": [{"period": "2021", "rule": {"op": "qualitative"}}]}
    ],
    "observations": [{"indicator": "new_listed", "period": "2021", "text": "3左右"}]})");
  ASSERT_EQ(p.indicators.size(), 2u);
  const auto& ind = p.indicators[0];
  EXPECT_EQ(ind.targets[0].rule, parse_target("2-3"));  // the rule from the text
  EXPECT_EQ(ind.accumulation, accumulation::flow);      // 新增…: a flow
  EXPECT_EQ(ind.kind, indicator_kind::amount);          // the model's defaults
  EXPECT_EQ(ind.polarity, polarity::higher);
  EXPECT_EQ(p.indicators[1].targets[0].text, "");
  const auto& o = p.observations.items()[0];  // the value from the text
  EXPECT_EQ(std::get<point_value>(o.value).value, 3);
  EXPECT_EQ(o.flags, "E");
  EXPECT_EQ(p.settings, plan_settings{});
}

TEST(json_plan, the_stored_rule_wins_over_the_text) {
  // a rule edited by hand (or written by a newer parser) is loaded as stored; `planeval
  // validate` reports that the text reads otherwise
  json j = json::parse(small_plan);
  j["indicators"][0]["targets"][0]["rule"]["value"] = 3.5;
  const plan p = read(j.dump());
  EXPECT_EQ(p.indicators[0].targets[0].rule.value, 3.5);
  const auto problems = check_plan(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where().pointer, "/indicators/0/targets/0/rule");
}

TEST(json_plan, extensions_round_trip_untouched) {
  plan p = read(small_plan);
  p.extensions = R"({"z":1,"a":{"y":[true,null,"中",1.5e+300]},"m":-0.25})";
  const plan back = read(plan_to_json(p));
  EXPECT_EQ(back.extensions, p.extensions);  // member order and values kept
  EXPECT_EQ(back, p);
  p.extensions.clear();
  EXPECT_EQ(plan_to_json(p).find("extensions"), std::string::npos);
}

TEST(json_plan, saving_what_json_cannot_hold_names_the_member) {
  struct row {
    const char* what;
    std::function<void(plan&)> damage;
    const char* pointer;
  };
  const row rows[] = {
      {"NaN", [](plan& p) { p.indicators[0].targets[0].rule.value = std::nan(""); },
       "/indicators/0/targets/0/rule/value"},
      {"infinity", [](plan& p) { p.settings.tolerance.sync_points = HUGE_VAL; },
       "/settings/tolerance/sync_points"},
      {"invalid UTF-8", [](plan& p) { p.indicators[1].note = "bad \xff byte"; },
       "/indicators/1/note"},
      {"extensions not an object", [](plan& p) { p.extensions = "[1,2]"; }, "/extensions"},
      {"extensions not JSON", [](plan& p) { p.extensions = "{oops"; }, "/extensions"},
  };
  for (const auto& r : rows) {
    plan p = read(small_plan);
    r.damage(p);
    try {
      plan_to_json(p);
      ADD_FAILURE() << r.what << ": no error";
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_invalid) << r.what;
      EXPECT_EQ(e.where().pointer, r.pointer) << r.what << ": " << e.what();
    }
  }
}

// --- malformed files ---------------------------------------------------------------------------

namespace {

struct bad_file {
  const char* what;
  std::string text;
  errc code;
  const char* pointer;    // expected JSON pointer ("" when the error has a line instead)
  std::size_t line;       // expected line (0 when the error has a pointer instead)
  std::size_t column;     // expected column (0: not checked)
  const char* indicator;  // expected indicator id
  const char* task = "";  // expected task id
};

std::string edited(const std::function<void(json&)>& edit) {
  json j = json::parse(small_plan);
  edit(j);
  return j.dump(2);
}

std::string edited_tasks(const std::function<void(json&)>& edit) {
  json j = json::parse(tasks_plan);
  edit(j);
  return j.dump(2);
}

std::vector<bad_file> bad_files() {
  const std::string good = small_plan;
  // the array that opens nesting level plan_json_max_depth + 1
  static std::string deep_pointer = "/extensions/a";
  if (deep_pointer.size() == 13)
    for (int k = 2; k < plan_json_max_depth; ++k) deep_pointer += "/0";
  std::vector<bad_file> v = {
      // syntax and encoding: line and column
      {"empty file", "", errc::json_syntax, "", 1, 1, ""},
      {"truncated", good.substr(0, 700), errc::json_syntax, "", 29, 22, ""},
      {"truncated in a string", good.substr(0, good.find("社会") + 3), errc::json_syntax, "", 0, 0,
       ""},
      {"trailing comma", "{\"format\": \"planeval.plan\",\n \"version\": 1,\n}", errc::json_syntax,
       "", 3, 1, ""},
      {"text after the object", good + "{}", errc::json_syntax, "", 114, 1, ""},
      {"invalid UTF-8", "{\"format\": \"planeval.plan\", \"version\": 1,\n \"id\": \"d\xe9mo\"}",
       errc::json_encoding, "", 2, 10, ""},
      {"number beyond a double",
       "{\"format\": \"planeval.plan\", \"version\": 1,\n \"settings\": {\"tolerance\": "
       "{\"about_points\": 1e400}}}",
       errc::json_syntax, "", 2, 45, ""},
      {"lone surrogate escape", R"({"format": "planeval.plan", "version": 1, "id": "\ud800"})",
       errc::json_syntax, "", 1, 0, ""},
      {"nesting too deep",
       R"({"format": "planeval.plan", "version": 1, "extensions": {"a": )" + std::string(300, '[') +
           std::string(300, ']') + "}}",
       errc::limit_depth, deep_pointer.c_str(), 0, 0, ""},
      {"duplicate member", R"({"format": "planeval.plan", "version": 1, "id": "a", "id": "b"})",
       errc::json_duplicate, "/id", 0, 0, ""},
      // the header
      {"not an object", "[1, 2]", errc::json_type, "", 0, 0, ""},
      {"missing format", R"({"version": 1})", errc::json_missing, "/format", 0, 0, ""},
      {"another format", R"({"format": "geojson", "version": 1})", errc::io_format, "/format", 0, 0,
       ""},
      {"missing version", R"({"format": "planeval.plan"})", errc::json_missing, "/version", 0, 0,
       ""},
      {"newer version",
       R"({"format": "planeval.plan", "version": )" + std::to_string(plan_json_version + 1) + "}",
       errc::format_version, "/version", 0, 0, ""},
      {"version 0", R"({"format": "planeval.plan", "version": 0})", errc::json_type, "/version", 0,
       0, ""},
      // unknown members
      {"unknown member", edited([](json& j) { j["colour"] = "red"; }), errc::json_unknown_field,
       "/colour", 0, 0, ""},
      {"unknown member of an indicator", edited([](json& j) { j["indicators"][1]["weight"] = 2; }),
       errc::json_unknown_field, "/indicators/1/weight", 0, 0, "estates_area"},
      {"unknown member of a rule",
       edited([](json& j) { j["indicators"][0]["targets"][0]["rule"]["tolerance"] = 1; }),
       errc::json_unknown_field, "/indicators/0/targets/0/rule/tolerance", 0, 0, "retail_growth"},
      {"extensions inside an indicator",
       edited([](json& j) { j["indicators"][0]["extensions"] = json::object(); }),
       errc::json_unknown_field, "/indicators/0/extensions", 0, 0, "retail_growth"},
      // wrong types
      {"id is a number", edited([](json& j) { j["indicators"][1]["id"] = 7; }), errc::json_type,
       "/indicators/1/id", 0, 0, ""},
      {"targets is an object",
       edited([](json& j) { j["indicators"][0]["targets"] = json::object(); }), errc::json_type,
       "/indicators/0/targets", 0, 0, "retail_growth"},
      {"rule value is a string",
       edited([](json& j) { j["indicators"][0]["targets"][0]["rule"]["value"] = "3"; }),
       errc::json_type, "/indicators/0/targets/0/rule/value", 0, 0, "retail_growth"},
      {"strict is a number", edited([](json& j) { j["observations"][1]["value"]["strict"] = 1; }),
       errc::json_type, "/observations/1/value/strict", 0, 0, "estates_area"},
      {"value object of two shapes",
       edited([](json& j) { j["observations"][1]["value"]["low"] = 1; }), errc::json_type,
       "/observations/1/value", 0, 0, "estates_area"},
      {"base year not an integer",
       edited([](json& j) { j["indicators"][0]["targets"][0]["rule"]["base_year"] = 2020.5; }),
       errc::json_type, "/indicators/0/targets/0/rule/base_year", 0, 0, "retail_growth"},
      {"base year out of range",
       edited([](json& j) { j["indicators"][0]["targets"][0]["rule"]["base_year"] = 1e12; }),
       errc::json_type, "/indicators/0/targets/0/rule/base_year", 0, 0, "retail_growth"},
      {"indicators is a string", edited([](json& j) { j["indicators"] = "none"; }), errc::json_type,
       "/indicators", 0, 0, ""},
      {"extensions is an array", edited([](json& j) { j["extensions"] = json::array(); }),
       errc::json_type, "/extensions", 0, 0, ""},
      {"reference without value", edited([](json& j) { j["references"][0].erase("value"); }),
       errc::json_missing, "/references/0/value", 0, 0, "retail_growth"},
      {"target without period",
       edited([](json& j) { j["indicators"][1]["targets"][0].erase("period"); }),
       errc::json_missing, "/indicators/1/targets/0/period", 0, 0, "estates_area"},
      {"target without text or rule", edited([](json& j) {
         j["indicators"][1]["targets"][0].erase("text");
         j["indicators"][1]["targets"][0].erase("rule");
       }),
       errc::json_missing, "/indicators/1/targets/0/rule", 0, 0, "estates_area"},
      // values that break the model
      {"duplicate indicator id",
       edited([](json& j) { j["indicators"][1]["id"] = "retail_growth"; }), errc::model_duplicate,
       "/indicators/1/id", 0, 0, "retail_growth"},
      {"empty indicator id", edited([](json& j) { j["indicators"][1]["id"] = ""; }),
       errc::model_invalid, "/indicators/1/id", 0, 0, ""},
      {"bad date", edited([](json& j) { j["published"] = "2021-02-30"; }), errc::date_syntax,
       "/published", 0, 9, ""},
      {"date in another form", edited([](json& j) { j["approved"] = "12/01/2021"; }),
       errc::date_syntax, "/approved", 0, 1, ""},
      {"bad period",
       edited([](json& j) { j["indicators"][0]["targets"][0]["period"] = "2021-Q5"; }),
       errc::period_range, "/indicators/0/targets/0/period", 0, 0, "retail_growth"},
      {"unknown kind", edited([](json& j) { j["indicators"][1]["kind"] = "speed"; }),
       errc::model_enum, "/indicators/1/kind", 0, 0, "estates_area"},
      {"unknown op",
       edited([](json& j) { j["indicators"][1]["targets"][0]["rule"]["op"] = "beat"; }),
       errc::model_enum, "/indicators/1/targets/0/rule/op", 0, 0, "estates_area"},
      {"bad unit", edited([](json& j) { j["indicators"][1]["unit"] = "5米"; }), errc::unit_unknown,
       "/indicators/1/unit", 0, 0, "estates_area"},
      {"bad flags", edited([](json& j) { j["observations"][0]["flags"] = "EZ"; }),
       errc::model_invalid, "/observations/0/flags", 0, 2, "retail_growth"},
      {"text that does not parse, no rule", edited([](json& j) {
         j["indicators"][0]["targets"][0].erase("rule");
         j["indicators"][0]["targets"][0]["text"] = "5-";
       }),
       errc::target_syntax, "/indicators/0/targets/0/text", 0, 3, "retail_growth"},
      {"between with low above high", edited([](json& j) {
         j["indicators"][0]["targets"][0]["rule"] = {{"op", "between"}, {"low", 10}, {"high", 5}};
       }),
       errc::model_invalid, "/indicators/0/targets/0/rule/low", 0, 0, "retail_growth"},
      {"two targets for one period", edited([](json& j) {
         j["indicators"][1]["targets"].push_back(j["indicators"][1]["targets"][0]);
       }),
       errc::model_duplicate, "/indicators/1/targets/1", 0, 0, "estates_area"},
      {"observation of an unknown indicator",
       edited([](json& j) { j["observations"][1]["indicator"] = "nobody"; }),
       errc::model_unknown_id, "/observations/1/indicator", 0, 0, "nobody"},
      {"observation given twice",
       edited([](json& j) { j["observations"].push_back(j["observations"][0]); }),
       errc::model_duplicate, "/observations/2", 0, 0, "retail_growth"},
      {"target unit that does not convert", edited([](json& j) {
         j["indicators"][1]["targets"][0] = {{"period", "2022"}, {"text", "100元"}};
       }),
       errc::unit_incompatible, "/indicators/1/targets/0", 0, 0, "estates_area"},
  };
  // tasks: every error names the task
  const std::vector<bad_file> task_rows = {
      {"unknown member of a task", edited_tasks([](json& j) { j["tasks"][2]["priority"] = 1; }),
       errc::json_unknown_field, "/tasks/2/priority", 0, 0, "", "a5.2"},
      {"a task is a string", edited_tasks([](json& j) { j["tasks"][1] = "a5.1"; }), errc::json_type,
       "/tasks/1", 0, 0, "", ""},
      {"tasks is an object", edited_tasks([](json& j) { j["tasks"] = json::object(); }),
       errc::json_type, "/tasks", 0, 0, "", ""},
      {"task without id", edited_tasks([](json& j) { j["tasks"][0].erase("id"); }),
       errc::json_missing, "/tasks/0/id", 0, 0, "", ""},
      {"empty task id", edited_tasks([](json& j) { j["tasks"][0]["id"] = ""; }),
       errc::model_invalid, "/tasks/0/id", 0, 0, "", ""},
      {"due is a number", edited_tasks([](json& j) { j["tasks"][1]["due"] = 20210630; }),
       errc::json_type, "/tasks/1/due", 0, 0, "", "a5.1"},
      {"bad due day", edited_tasks([](json& j) { j["tasks"][1]["due"] = "2021-02-30"; }),
       errc::date_syntax, "/tasks/1/due", 0, 9, "", "a5.1"},
      {"unknown status", edited_tasks([](json& j) { j["tasks"][2]["status"] = "started"; }),
       errc::model_enum, "/tasks/2/status", 0, 0, "", "a5.2"},
      {"weight is a string", edited_tasks([](json& j) { j["tasks"][2]["weight"] = "heavy"; }),
       errc::json_type, "/tasks/2/weight", 0, 0, "", "a5.2"},
      {"cooperating holds a number",
       edited_tasks([](json& j) { j["tasks"][1]["cooperating"][1] = 3; }), errc::json_type,
       "/tasks/1/cooperating/1", 0, 0, "", "a5.1"},
      {"depends_on is a string",
       edited_tasks([](json& j) { j["tasks"][2]["depends_on"] = "a5.1"; }), errc::json_type,
       "/tasks/2/depends_on", 0, 0, "", "a5.2"},
      {"progress share is a string",
       edited_tasks([](json& j) { j["tasks"][2]["progress"]["share"] = "35%"; }), errc::json_type,
       "/tasks/2/progress/share", 0, 0, "", "a5.2"},
      {"progress without its day",
       edited_tasks([](json& j) { j["tasks"][2]["progress"].erase("reported"); }),
       errc::json_missing, "/tasks/2/progress/reported", 0, 0, "", "a5.2"},
      {"progress is a number", edited_tasks([](json& j) { j["tasks"][2]["progress"] = 0.35; }),
       errc::json_type, "/tasks/2/progress", 0, 0, "", "a5.2"},
      {"deliverable without text",
       edited_tasks([](json& j) { j["tasks"][1]["deliverables"][1].erase("text"); }),
       errc::json_missing, "/tasks/1/deliverables/1/text", 0, 0, "", "a5.1"},
      {"deliverable text that does not parse, no rule", edited_tasks([](json& j) {
         j["tasks"][1]["deliverables"][1] = {{"text", "开工建造4个"}};
       }),
       errc::target_syntax, "/tasks/1/deliverables/1/text", 0, 3, "", "a5.1"},
      {"unknown member of a deliverable rule",
       edited_tasks([](json& j) { j["tasks"][1]["deliverables"][0]["rule"]["x"] = 1; }),
       errc::json_unknown_field, "/tasks/1/deliverables/0/rule/x", 0, 0, "", "a5.1"},
      {"actual without period",
       edited_tasks([](json& j) { j["tasks"][1]["deliverables"][0]["actual"].erase("period"); }),
       errc::json_missing, "/tasks/1/deliverables/0/actual/period", 0, 0, "", "a5.1"},
      {"actual with bad flags",
       edited_tasks([](json& j) { j["tasks"][1]["deliverables"][0]["actual"]["flags"] = "Z"; }),
       errc::model_invalid, "/tasks/1/deliverables/0/actual/flags", 0, 0, "", "a5.1"},
      // the task checks of plan::validate
      {"unknown parent", edited_tasks([](json& j) { j["tasks"][2]["parent"] = "a9"; }),
       errc::model_unknown_id, "/tasks/2/parent", 0, 0, "", "a5.2"},
      {"duplicate task id", edited_tasks([](json& j) { j["tasks"][2]["id"] = "a5.1"; }),
       errc::model_duplicate, "/tasks/2/id", 0, 0, "", "a5.1"},
      {"dependency cycle", edited_tasks([](json& j) { j["tasks"][1]["depends_on"] = {"a5.2"}; }),
       errc::task_cycle, "/tasks/1/depends_on", 0, 0, "", "a5.1"},
      {"unknown indicator",
       edited_tasks([](json& j) { j["tasks"][1]["indicators"][0] = "gdp_growth"; }),
       errc::model_unknown_id, "/tasks/1/indicators/0", 0, 0, "", "a5.1"},
      {"progress above 1", edited_tasks([](json& j) { j["tasks"][2]["progress"]["share"] = 35; }),
       errc::model_invalid, "/tasks/2/progress", 0, 0, "", "a5.2"},
      {"start after due", edited_tasks([](json& j) { j["tasks"][0]["start"] = "2022-01-01"; }),
       errc::model_invalid, "/tasks/0/due", 0, 0, "", "a5"},
  };
  v.insert(v.end(), task_rows.begin(), task_rows.end());
  // a duplicate member deep inside: written by hand, JSON libraries keep only one
  std::string dup = small_plan;
  dup.replace(dup.find("\"value\": 100,"), 13, "\"value\": 100, \"value\": 90,");
  v.push_back({"duplicate member deep inside", dup, errc::json_duplicate,
               "/indicators/1/targets/0/rule/value", 0, 0, ""});
  return v;
}

}  // namespace

TEST(json_plan, malformed_files_give_typed_errors_with_locations) {
  const auto rows = bad_files();
  EXPECT_GE(rows.size(), 70u);
  for (const auto& r : rows) {
    try {
      read(r.text);
      ADD_FAILURE() << r.what << ": no error";
    } catch (const error& e) {
      EXPECT_EQ(e.code(), r.code) << r.what << ": " << e.what();
      EXPECT_EQ(e.where().file, "plan.json") << r.what;
      EXPECT_EQ(e.where().pointer, r.pointer) << r.what << ": " << e.what();
      if (r.line) {
        EXPECT_EQ(e.where().line, r.line) << r.what << ": " << e.what();
      }
      if (r.column) {
        EXPECT_EQ(e.where().column, r.column) << r.what << ": " << e.what();
      }
      EXPECT_EQ(e.where().indicator, r.indicator) << r.what << ": " << e.what();
      EXPECT_EQ(e.where().task, r.task) << r.what << ": " << e.what();
      EXPECT_FALSE(e.where().empty()) << r.what;
      EXPECT_NE(std::string(e.what()).find("[planeval."), std::string::npos);
    } catch (const std::exception& e) {
      ADD_FAILURE() << r.what << ": not a planeval error: " << e.what();
    }
  }
}

TEST(json_plan, collecting_reports_every_problem_and_keeps_the_rest) {
  json j = json::parse(small_plan);
  j["colour"] = "red";                                        // 1 unknown member
  j["published"] = "2021-13-01";                              // 2 bad date
  j["indicators"][0]["kind"] = "speed";                       // 3 bad enum in indicator 0
  j["indicators"].push_back({{"id", "third"}, {"unit", 5}});  // 4 wrong type in indicator 2
  j["observations"][1]["indicator"] = "third";                // (indicator 2 failed: not again)
  j["references"].insert(j["references"].begin(), json{{"indicator", "x"}, {"period", 2021}});  // 5
  j["references"].push_back({{"indicator", "nobody"}, {"period", "2021"}, {"value", 1}});       // 6
  j["indicators"][1]["targets"][0]["rule"]["value"] = 99;  // 7 the text reads otherwise
  std::vector<error> problems;
  const plan p = plan_from_json(j.dump(2), "plan.json", &problems);
  ASSERT_EQ(problems.size(), 7u);
  EXPECT_EQ(problems[0].where().pointer, "/colour");
  EXPECT_EQ(problems[1].where().pointer, "/published");
  EXPECT_EQ(problems[2].where().pointer, "/indicators/0/kind");
  EXPECT_EQ(problems[3].where().pointer, "/indicators/2/unit");
  EXPECT_EQ(problems[4].where().pointer, "/references/0/period");
  // the model checks name positions in the file, though items before were left out
  EXPECT_EQ(problems[5].code(), errc::model_invalid);
  EXPECT_EQ(problems[5].where().pointer, "/indicators/1/targets/0/rule");
  EXPECT_EQ(problems[6].code(), errc::model_unknown_id);
  EXPECT_EQ(problems[6].where().pointer, "/references/2/indicator");
  for (const auto& e : problems) EXPECT_EQ(e.where().file, "plan.json");
  // what could be read was read
  ASSERT_EQ(p.indicators.size(), 1u);
  EXPECT_EQ(p.indicators[0].id, "estates_area");
  EXPECT_EQ(p.observations.size(), 2u);
}

TEST(json_plan, a_dependency_cycle_is_named) {
  json j = json::parse(tasks_plan);
  j["tasks"][1]["depends_on"] = {"a5.2"};
  try {
    read(j.dump(2));
    FAIL() << "no error";
  } catch (const model_error& e) {
    EXPECT_NE(std::string(e.what()).find("/tasks/1/depends_on (task a5.1): dependency cycle: "
                                         "a5.1 → a5.2 → a5.1"),
              std::string::npos)
        << e.what();
  }
}

TEST(json_plan, collecting_reports_every_task_problem_once) {
  json j = json::parse(tasks_plan);
  j["tasks"][0]["due"] = "2021-12-32";  // 1 the area cannot be read …
  j["tasks"][1]["owner"] = 7;           // 2 … nor this task
  j["tasks"].push_back({{"id", "a5.3"}, {"parent", "a5"}, {"depends_on", {"a5.1"}}});
  std::vector<error> problems;
  plan p = plan_from_json(j.dump(2), "plan.json", &problems);
  // a5.2 and a5.3 name the tasks left out (parent a5, dependency a5.1): not reported again
  ASSERT_EQ(problems.size(), 2u) << problems.back().what();
  EXPECT_EQ(problems[0].where().pointer, "/tasks/0/due");
  EXPECT_EQ(problems[0].where().task, "a5");
  EXPECT_EQ(problems[1].where().pointer, "/tasks/1/owner");
  EXPECT_EQ(problems[1].where().task, "a5.1");
  ASSERT_EQ(p.tasks.size(), 2u);
  EXPECT_EQ(p.tasks[0].id, "a5.2");
  // a model problem of a task read is named at its position in the file
  j["tasks"].insert(j["tasks"].begin() + 2, json{{"id", "x"}, {"weight", -1}});
  problems.clear();
  p = plan_from_json(j.dump(2), "plan.json", &problems);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[2].code(), errc::model_invalid);
  EXPECT_EQ(problems[2].where().pointer, "/tasks/2/weight");
  EXPECT_EQ(problems[2].where().task, "x");
  EXPECT_EQ(problems[2].where().file, "plan.json");
}

// --- the JSON Schema ---------------------------------------------------------------------------
//
// No JSON Schema validator for C++ is packaged in Debian 12, so this is a small one for the
// keywords docs/schema/plan.schema.json uses: type, required, properties, additionalProperties,
// items, enum, const, pattern, minimum, maximum and $ref to "#/$defs/…". Any other keyword
// (except annotations) makes the check fail, so the schema cannot use what is not checked.

namespace {

class schema_checker {
 public:
  explicit schema_checker(json schema) : root_(std::move(schema)) {}

  std::vector<std::string> check(const json& doc) const {
    std::vector<std::string> out;
    check(root_, doc, "", out);
    return out;
  }

 private:
  static bool has_type(const json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "number") return v.is_number();
    if (t == "integer") return v.is_number_integer();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
  }

  void check(const json& s, const json& v, const std::string& ptr,
             std::vector<std::string>& out) const {
    for (const auto& kw : s.items()) {
      static const std::set<std::string> known = {
          "type",    "required", "properties",  "additionalProperties",
          "items",   "enum",     "const",       "pattern",
          "minimum", "maximum",  "$ref",        "$schema",
          "$id",     "title",    "description", "$comment",
          "$defs",   "default",  "examples"};
      if (!known.count(kw.key())) out.push_back(ptr + ": schema keyword not checked: " + kw.key());
    }
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"];
      const std::string prefix = "#/$defs/";
      if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
        out.push_back(ptr + ": unresolved $ref " + ref);
        return;
      }
      check(root_["$defs"][ref.substr(prefix.size())], v, ptr, out);
    }
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_array()) {
        for (const auto& t : s["type"]) ok = ok || has_type(v, t);
      } else {
        ok = has_type(v, s["type"]);
      }
      if (!ok) {
        out.push_back(ptr + ": expected type " + s["type"].dump() + ", got " + v.type_name());
        return;
      }
    }
    if (s.contains("enum")) {
      bool ok = false;
      for (const auto& e : s["enum"]) ok = ok || e == v;
      if (!ok) out.push_back(ptr + ": " + v.dump() + " not in " + s["enum"].dump());
    }
    if (s.contains("const") && s["const"] != v)
      out.push_back(ptr + ": expected " + s["const"].dump());
    if (s.contains("pattern") && v.is_string() &&
        !std::regex_search(v.get<std::string>(), pattern(s["pattern"].get<std::string>())))
      out.push_back(ptr + ": " + v.dump() + " does not match " + s["pattern"].dump());
    if (s.contains("minimum") && v.is_number() && v.get<double>() < s["minimum"].get<double>())
      out.push_back(ptr + ": below the minimum");
    if (s.contains("maximum") && v.is_number() && v.get<double>() > s["maximum"].get<double>())
      out.push_back(ptr + ": above the maximum");
    if (v.is_object()) {
      if (s.contains("required"))
        for (const auto& r : s["required"])
          if (!v.contains(r.get<std::string>()))
            out.push_back(ptr + ": missing required " + r.get<std::string>());
      for (const auto& m : v.items()) {
        const std::string p = ptr + "/" + m.key();
        if (s.contains("properties") && s["properties"].contains(m.key())) {
          check(s["properties"][m.key()], m.value(), p, out);
        } else if (s.contains("additionalProperties")) {
          const auto& ap = s["additionalProperties"];
          if (ap.is_boolean() && !ap.get<bool>())
            out.push_back(p + ": not allowed by the schema");
          else if (ap.is_object())
            check(ap, m.value(), p, out);
        }
      }
    }
    if (v.is_array() && s.contains("items"))
      for (std::size_t k = 0; k < v.size(); ++k)
        check(s["items"], v[k], ptr + "/" + std::to_string(k), out);
  }

  const std::regex& pattern(const std::string& p) const {
    auto it = patterns_.find(p);
    if (it == patterns_.end()) it = patterns_.emplace(p, std::regex(p)).first;
    return it->second;
  }

  json root_;
  mutable std::map<std::string, std::regex> patterns_;
};

const schema_checker& plan_schema() {
  static const schema_checker c(json::parse(slurp(PLANEVAL_DOCS_DIR "/schema/plan.schema.json")));
  return c;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

}  // namespace

TEST(plan_schema, every_example_plan_file_conforms) {
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(PLANEVAL_EXAMPLE_DATA)) {
    if (entry.path().extension() != ".json") continue;
    const auto doc = json::parse(slurp(entry.path().string()));
    EXPECT_EQ(joined(plan_schema().check(doc)), "") << entry.path();
    ++files;
  }
  EXPECT_GE(files, 1);
  EXPECT_EQ(joined(plan_schema().check(json::parse(small_plan))), "");
  EXPECT_EQ(joined(plan_schema().check(json::parse(tasks_plan))), "");
}

TEST(plan_schema, the_writer_output_conforms_for_random_plans) {
  test::plan_generator gen(4);
  for (int k = 0; k < 300; ++k) {
    const auto doc = json::parse(plan_to_json(gen.next()));
    const auto problems = plan_schema().check(doc);
    ASSERT_TRUE(problems.empty()) << "plan " << k << ":\n" << joined(problems) << doc.dump(2);
  }
}

TEST(plan_schema, rejects_what_the_reader_rejects) {
  const auto check = [](const std::function<void(json&)>& edit) {
    json j = json::parse(small_plan);
    edit(j);
    return plan_schema().check(j);
  };
  EXPECT_FALSE(check([](json& j) { j["colour"] = 1; }).empty());
  EXPECT_FALSE(check([](json& j) { j.erase("version"); }).empty());
  EXPECT_FALSE(check([](json& j) { j["indicators"][0]["id"] = 1; }).empty());
  EXPECT_FALSE(check([](json& j) { j["indicators"][0]["kind"] = "speed"; }).empty());
  EXPECT_FALSE(check([](json& j) { j["indicators"][0]["targets"][0]["rule"]["x"] = 1; }).empty());
  EXPECT_FALSE(check([](json& j) { j["observations"][0]["value"] = "3"; }).empty());
  EXPECT_FALSE(check([](json& j) { j["published"] = "4 Feb 2021"; }).empty());
  EXPECT_FALSE(check([](json& j) { j["references"][0].erase("period"); }).empty());
  EXPECT_TRUE(check([](json& j) { j["extensions"]["anything"] = {1, {{"x", nullptr}}}; }).empty());
  const auto check_tasks = [](const std::function<void(json&)>& edit) {
    json j = json::parse(tasks_plan);
    edit(j);
    return plan_schema().check(j);
  };
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][0]["priority"] = 1; }).empty());
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][0]["status"] = "started"; }).empty());
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][0].erase("id"); }).empty());
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][2]["progress"]["share"] = 35; }).empty());
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][2]["depends_on"][0] = 1; }).empty());
  EXPECT_FALSE(
      check_tasks([](json& j) { j["tasks"][1]["deliverables"][0].erase("text"); }).empty());
  EXPECT_FALSE(check_tasks([](json& j) { j["tasks"][1]["due"] = "30 June"; }).empty());
  EXPECT_FALSE(
      check_tasks([](json& j) { j["tasks"][1]["deliverables"][0]["actual"]["x"] = 1; }).empty());
}

// A target year written in the text is kept in every format (issue 17).
TEST(json_plan, a_rules_year_round_trips_through_json_and_archives) {
  plan p;
  p.period = period::span(2021, 2025);
  indicator ind;
  ind.id = "income";
  ind.unit = unit::parse("万元");
  ind.targets.push_back(
      target{period::year(2025), "到2030年达到15万元以上", parse_target("到2030年达到15万元以上")});
  p.add(ind);
  ASSERT_EQ(p.indicators[0].targets[0].rule.year, 2030);
  const std::string text = plan_to_json(p);
  EXPECT_NE(text.find("\"year\": 2030"), std::string::npos) << text;
  EXPECT_EQ(plan_from_json(text), p);
  for (const auto f : {plan_format::text, plan_format::xml, plan_format::binary}) {
    std::ostringstream out;
    write_plan(out, p, f);
    std::istringstream in(out.str());
    EXPECT_EQ(read_plan(in, f), p) << static_cast<int>(f);
  }
  // a year that is not a whole year is a located model error
  std::string bad = text;
  bad.replace(bad.find("\"year\": 2030"), 12, "\"year\": 20.5");
  try {
    (void)plan_from_json(bad, "bad.json");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_invalid);
    EXPECT_NE(e.where().pointer.find("/year"), std::string::npos) << e.what();
  }
}
