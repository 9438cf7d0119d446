// docs/errors.md: every example in its tables is run and fails with the code of its row.
//
// An example is one of
//   `TEXT`                     read by the row's reader (a target text for target.*, …), e.g. `5-`;
//   `TEXT` in <place>          TEXT put in a place the test knows (a plan table's `unit` column,
//   …); anything else              a case spelled out below (`explicit_cases`), keyed by its text.
// Several examples in one cell are separated by "; ". A comment after " — " is not part of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "planeval/analytics/projection.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/unit.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/grid.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

namespace {

using runner = std::function<void(const std::string&)>;

struct example {
  std::string code;  // the row's code
  std::string text;  // the example as written
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(' ');
  const auto b = s.find_last_not_of(' ');
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// Splits at `sep` outside backticks.
std::vector<std::string> split_outside_ticks(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  bool in_ticks = false;
  std::string cur;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '`') in_ticks = !in_ticks;
    if (!in_ticks && s.compare(k, sep.size(), sep) == 0) {
      out.push_back(trim(cur));
      cur.clear();
      k += sep.size() - 1;
      continue;
    }
    cur += s[k];
  }
  out.push_back(trim(cur));
  return out;
}

// Every example of every table row `| `code` | meaning | example |`.
std::vector<example> doc_examples() {
  std::istringstream in(read_file(std::string(PLANEVAL_DOCS_DIR) + "/errors.md"));
  std::vector<example> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto cells = split_outside_ticks(line.substr(1, line.size() - 2), "|");
    if (cells.size() != 3) continue;
    const std::string code = cells[0].substr(1, cells[0].size() - 2);
    for (const auto& e : split_outside_ticks(cells[2], "; ")) out.push_back({code, e});
  }
  return out;
}

// C escapes `\xff` in a backticked example, so that invalid UTF-8 can be written in the doc.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '\\' && k + 3 < s.size() && s[k + 1] == 'x') {
      out += static_cast<char>(std::stoi(s.substr(k + 2, 2), nullptr, 16));
      k += 3;
    } else {
      out += s[k];
    }
  }
  return out;
}

const std::string plan_header = "id,name_zh,unit,target_period,target\n";
const std::string task_header =
    "id,parent,start,due,status,progress,progress_date,deliverable,indicators,depends_on,weight\n";

void plan_table(const std::string& text) {
  std::istringstream in(text);
  (void)read_plan_table(in, "plan.csv");
}
void task_table(const std::string& text) {
  std::istringstream in(text);
  (void)read_tasks(in, "tasks.csv");
}
void actuals_table(const std::string& text) {
  std::istringstream in(text);
  (void)read_actuals(in, "actuals.csv");
}

// A JSON object: `members`, then those of `defaults` that `members` does not give.
std::string json_object(const std::vector<std::string>& defaults, const std::string& members) {
  std::string out = "{" + members;
  for (const auto& d : defaults) {
    const std::string key = d.substr(0, d.find(':') + 1);
    if (members.find(key) != std::string::npos) continue;
    out += (out.size() > 1 ? ", " : "") + d;
  }
  return out + "}";
}
// A JSON plan with `members` (in place of the required ones they name).
std::string json_plan(const std::string& members) {
  return json_object(
      {R"("format": "planeval.plan")", R"("version": 1)", R"("id": "p")", R"("period": "2021")"},
      members);
}
std::string json_indicator(const std::string& members) {
  return json_object({R"("id": "gdp")", R"("unit": "%")"}, members);
}
void plan_json(const std::string& text) { (void)plan_from_json(text, "plan.json"); }

// The row's reader: what a bare `TEXT` example of a code is given to.
const std::map<std::string, runner>& row_readers() {
  static const std::map<std::string, runner> readers = {
      {"target.empty", [](const std::string& t) { (void)parse_target(t); }},
      {"target.syntax", [](const std::string& t) { (void)parse_target(t); }},
      {"target.number", [](const std::string& t) { (void)parse_target(t); }},
      {"target.range", [](const std::string& t) { (void)parse_target(t); }},
      {"target.unit", [](const std::string& t) { (void)parse_target(t); }},
      {"target.encoding", [](const std::string& t) { (void)parse_target(t); }},
      {"observation.syntax", [](const std::string& t) { (void)parse_observation(t); }},
      {"observation.encoding", [](const std::string& t) { (void)parse_observation(t); }},
      {"unit.unknown", [](const std::string& t) { (void)unit::parse(t); }},
      {"period.syntax", [](const std::string& t) { (void)period::parse(t); }},
      {"period.range", [](const std::string& t) { (void)period::parse(t); }},
      {"date.syntax", [](const std::string& t) { (void)parse_date(t); }},
      {"json.syntax", plan_json},
      {"json.duplicate", plan_json},
  };
  return readers;
}

// `TEXT` in <place>: where TEXT goes.
const std::map<std::string, runner>& places() {
  static const std::map<std::string, runner> p = {
      {"a plan table's `unit` column",
       [](const std::string& t) { plan_table(plan_header + "gdp,生产总值," + t + ",2021,5\n"); }},
      {"a plan table's `target` column",  // of an indicator in %
       [](const std::string& t) { plan_table(plan_header + "gdp,生产总值,%,2021," + t + "\n"); }},
      {"an actuals `value` cell",
       [](const std::string& t) {
         actuals_table("indicator,period,value,flags,note\ngdp,2021," + t + ",,\n");
       }},
      {"a task's `start`",
       [](const std::string& t) { task_table(task_header + "a,," + t + ",,,,,,,,\n"); }},
      {"a plan file", [](const std::string& t) { plan_json(json_plan(t)); }},
      {"a plan file's indicator",
       [](const std::string& t) {
         plan_json(json_plan(R"("indicators": [)" + json_indicator(t) + "]"));
       }},
      {"a plan file's reference",
       [](const std::string& t) {
         plan_json(json_plan(R"("indicators": [)" + json_indicator("") +
                             R"(], "references": [{"indicator": "gdp", "period": "2021", )" + t +
                             "}]"));
       }},
  };
  return p;
}

std::string temp_dir() {
  const auto d = std::filesystem::temp_directory_path() / "planeval-errors-doc";
  std::filesystem::create_directories(d);
  return d.string();
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = temp_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

plan one_indicator_plan() {
  return plan_from_json(json_plan(R"("indicators": [)" + json_indicator("") + "]"));
}

// Examples that are not a text in a place: each spelled out.
const std::string office_bad = std::string(PLANEVAL_TEST_DATA) + "/../bad_input/office_table";

const std::map<std::string, std::function<void()>>& explicit_cases() {
  static const std::map<std::string, std::function<void()>> cases = {
      {R"(`parse_target("  ")`)", [] { (void)parse_target("  "); }},
      {"two targets of `gdp` for 2021",
       [] { plan_table(plan_header + "gdp,生产总值,%,2021,5\ngdp,,,2021,6\n"); }},
      {"two tasks `a`", [] { task_table(task_header + "a,,,,,,,,,,\na,,,,,,,,,,\n"); }},
      {"an observation of `nope`",
       [] {
         plan_json(json_plan(R"("observations": [{"indicator": "nope", "period": "2021", )"
                             R"("text": "5"}])"));
       }},
      {"a task whose parent is `zz`", [] { task_table(task_header + "a,zz,,,,,,,,,\n"); }},
      {"an empty id", [] { plan_table(plan_header + ",生产总值,%,2021,5\n"); }},
      {"an `.xlsx` cut short in a download",
       [] { (void)import_table(office_bad + "/truncated.xlsx"); }},
      {"a workbook saved with 文件加密",
       [] { (void)import_table(office_bad + "/encrypted.xlsx"); }},
      {"a billion-laughs `sheet1.xml`", [] { (void)import_table(office_bad + "/xml-bomb.xlsx"); }},
      {"`--sheet 2022` in a workbook with `2021` only",
       [] {
         import_options o;
         o.cells.sheet = "2022";  // the workbook's one sheet is 主要指标
         (void)import_table(office_bad + "/missing-sheet.xlsx", o);
       }},
      {"a report of paragraphs only", [] { (void)import_table(office_bad + "/no-table.docx"); }},
      {"a `between` rule with low > high",
       [] {
         plan_json(
             json_plan(R"("indicators": [)" +
                       json_indicator(R"("targets": [{"period": "2021", "text": "5-10", )"
                                      R"("rule": {"op": "between", "low": 10, "high": 5}}])") +
                       "]"));
       }},
      {"a task weight of 0", [] { task_table(task_header + "a,,,,,,,,,,0\n"); }},
      {"polarity `up`",
       [] {
         plan_json(json_plan(R"("indicators": [)" + json_indicator(R"("polarity": "up")") + "]"));
       }},
      {"task status `stalled`", [] { task_table(task_header + "a,,,,stalled,,,,,,\n"); }},
      {"op `maybe`",
       [] {
         plan_json(json_plan(R"("indicators": [)" +
                             json_indicator(R"("targets": [{"period": "2021", "text": "5", )"
                                            R"("rule": {"op": "maybe"}}])") +
                             "]"));
       }},
      {"`a` depends on `b` and `b` on `a`",
       [] { task_table(task_header + "a,,,,,,,,,b,\nb,,,,,,,,,a,\n"); }},
      {R"(`"生产总值,…` never closed)",
       [] { plan_table(plan_header + "gdp,\"生产总值,%,2021,5\n"); }},
      {R"(`生产"总值`)", [] { plan_table(plan_header + "gdp,生产\"总值,%,2021,5\n"); }},
      {"a plan table without `target`",
       [] { plan_table("id,name_zh,unit,target_period\ngdp,生产总值,%,2021\n"); }},
      {"`gdp,2021,5,,,x` under a 5-column header",
       [] { actuals_table("indicator,period,value,flags,note\ngdp,2021,5,,,x\n"); }},
      {"a Latin-1 `é` in a name", [] { plan_table(plan_header + "gdp,caf\xe9,%,2021,5\n"); }},
      {"a page of paragraphs only",
       [] { (void)parse_html_grids("<html><body><p>一段文字</p></body></html>", "page.html"); }},
      {"a CSV of two lines of prose",
       [] { (void)import_table(write_temp("prose.csv", "只有一段文字\n另一段文字\n")); }},
      {"a row without a name under `--strict`",
       [] {
         import_options strict;
         strict.strict = true;
         (void)import_table(
             write_temp("unnamed.csv", "指标名称,2020年,2021年目标\n生产总值,1,2\n,3,4\n"), strict);
       }},
      {R"(`load_plan("missing.json")`)", [] { (void)load_plan(temp_dir() + "/missing.json"); }},
      {"saving under a path whose folder is a file",
       [] {
         const std::string file = write_temp("a-file", "x");
         save_plan(one_indicator_plan(), file + "/plan.json");
       }},
      {"a stream whose `badbit` is set while reading",
       [] {
         std::istringstream in("indicator,period,value\n");
         in.setstate(std::ios::badbit);
         (void)read_actuals(in, "actuals.csv");
       }},
      {"saving over a folder",
       [] {
         const std::string folder = temp_dir() + "/a-folder.json";
         std::filesystem::create_directories(folder + "/inside");
         save_plan(one_indicator_plan(), folder);
       }},
      {R"(`save_plan(p, "plan.txt")`)",
       [] { save_plan(one_indicator_plan(), temp_dir() + "/plan.txt"); }},
      {"a truncated file", [] { plan_json(json_plan("").substr(0, 30)); }},
      {"a trailing comma", [] { plan_json(json_plan(R"("issuer": "x",)")); }},
      {"a file without `format`", [] { plan_json(R"({"version": 1, "id": "p"})"); }},
      {"a `.pvb` cut in half",
       [] {
         (void)load_plan(std::string(PLANEVAL_TEST_DATA) +
                         "/../bad_input/archive_binary/truncated-half.pvb");
       }},
      {"a 100 MB CSV file",
       [] {
         const std::string path = write_temp("big.csv", "");
         std::filesystem::resize_file(path, 100u << 20);  // sparse: no disk used
         (void)load_actuals(path);
       }},
      {"`\"extensions\": {\"a\": [[[[…]]]]}` 300 levels deep",
       [] {
         plan_json(json_plan(R"("extensions": {"a": )" + std::string(300, '[') +
                             std::string(300, ']') + "}"));
       }},
      {"a 2 MB note",
       [] {
         plan_json(json_plan(R"("indicators": [)" +
                             json_indicator(R"("note": ")" + std::string(2u << 20, 'x') + "\"") +
                             "]"));
       }},
      {"a JSON array of 2 million observations",
       [] {
         std::string items;
         items.reserve(2000000 * 3);
         for (int k = 0; k < 2000000; ++k) items += k ? ",{}" : "{}";
         plan_json(json_plan(R"("observations": [)" + items + "]"));
       }},
      {"target period `2400`", [] { plan_table(plan_header + "gdp,生产总值,%,2400,5\n"); }},
      {"span `1900/2100`", [] { plan_table(plan_header + "gdp,生产总值,%,1900/2100,5\n"); }},
      {"task start `1750-01-01`", [] { task_table(task_header + "a,,1750-01-01,,,,,,,,\n"); }},
      {"a projection with `confidence` 2",
       [] {
         projection_options o;
         o.confidence = 2;
         (void)project({{2020, 1.0}, {2021, 2.0}}, 2025, std::nullopt, polarity::higher, o);
       }},
      {"a text archive whose indicator count is 2^40",
       [] {
         std::ostringstream out;
         write_plan(out, one_indicator_plan(), plan_format::text);
         std::string text = out.str();
         const auto at = text.find(" zh 1 ");
         if (at == std::string::npos) throw std::logic_error("no indicator count in the archive");
         text.replace(at, 6, " zh 1099511627776 ");
         std::istringstream in(text);
         (void)read_plan(in, plan_format::text);
       }},
  };
  return cases;
}

// Runs one example; returns what went wrong, or the code it failed with (and its what()).
std::string run(const example& e, std::set<std::string>& used, std::string& what) {
  const auto& cases = explicit_cases();
  const auto it = cases.find(e.text);
  std::function<void()> body;
  if (it != cases.end()) {
    used.insert(e.text);
    body = it->second;
  } else {
    // `TEXT`, `TEXT` — comment, or `TEXT` in <place>
    std::string text = e.text;
    const auto dash = text.find(" — ");
    if (dash != std::string::npos) text = text.substr(0, dash);
    if (text.size() < 2 || text[0] != '`') return "no runner (add it to explicit_cases)";
    const auto close = text.find('`', 1);
    if (close == std::string::npos) return "unclosed backtick";
    std::string input = unescape(text.substr(1, close - 1));
    const std::string rest = trim(text.substr(close + 1));
    if (rest.empty()) {
      // a quoted text (`"5\xff%"`) is the text between the quotes
      if (input.size() >= 2 && input.front() == '"' && input.back() == '"')
        input = input.substr(1, input.size() - 2);
      const auto r = row_readers().find(e.code);
      if (r == row_readers().end()) return "no reader for a bare example of " + e.code;
      body = [f = r->second, input] { f(input); };
    } else if (rest.rfind("in ", 0) == 0 && places().count(rest.substr(3))) {
      body = [f = places().at(rest.substr(3)), input] { f(input); };
    } else {
      return "unknown place '" + rest + "'";
    }
  }
  try {
    body();
  } catch (const error& x) {
    what = x.what();
    return to_string(x.code());
  } catch (const std::exception& x) {
    return std::string("not a planeval::error: ") + x.what();
  }
  return "no error";
}

}  // namespace

TEST(errors_doc, every_example_fails_with_its_code) {
  const auto examples = doc_examples();
  ASSERT_GT(examples.size(), 40u) << "docs/errors.md's tables were not found";
  std::set<std::string> used;
  for (const auto& e : examples) {
    std::string what;
    EXPECT_EQ(run(e, used, what), e.code) << "docs/errors.md: " << e.text << "\n" << what;
  }
  for (const auto& c : explicit_cases())
    EXPECT_TRUE(used.count(c.first)) << "not an example in docs/errors.md: " << c.first;
}
