// The catalogue of bad input (tests/bad_input/): every file is read by its reader and must fail
// with the error code and location listed in tests/bad_input/expected.tsv — never a crash, never
// a success, never an exception that is not a planeval::error.
//
// expected.tsv: file, reader, code, line, column, pointer, id (indicator or task); `-` for an
// empty pointer or id, 0 for an unknown line or column. PLANEVAL_UPDATE_BAD_INPUT=1 rewrites the
// columns after `reader` from what the readers report (then read the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "planeval/core/parse.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

namespace {

const std::string dir = std::string(PLANEVAL_TEST_DATA) + "/../bad_input";

struct entry {
  std::string file, reader, code, line, column, pointer, id;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, '\t')) out.push_back(cell);
  return out;
}

std::vector<entry> manifest() {
  std::ifstream in(dir + "/expected.tsv");
  std::vector<entry> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto c = split_tabs(line);
    c.resize(7);
    out.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6]});
  }
  return out;
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads `path` with the reader named in the manifest; returns normally only if it did not throw.
void read_with(const std::string& reader, const std::string& path) {
  static const std::map<std::string, void (*)(const std::string&)> readers = {
      {"target", [](const std::string& p) { (void)parse_target(contents(p)); }},
      {"observation", [](const std::string& p) { (void)parse_observation(contents(p)); }},
      {"plan_csv", [](const std::string& p) { (void)load_plan_table(p); }},
      {"actuals_csv", [](const std::string& p) { (void)load_actuals(p); }},
      {"references_csv", [](const std::string& p) { (void)load_references(p); }},
      {"tasks_csv", [](const std::string& p) { (void)load_tasks(p); }},
      {"index_csv", [](const std::string& p) { (void)load_index_matrix(p); }},
      {"json", [](const std::string& p) { (void)load_plan(p); }},
      {"archive_text", [](const std::string& p) { (void)load_plan(p); }},
      {"archive_xml", [](const std::string& p) { (void)load_plan(p); }},
      {"archive_binary", [](const std::string& p) { (void)load_plan(p); }},
      {"published_table",
       [](const std::string& p) {
         import_options strict;
         strict.strict = true;
         (void)import_table(p, strict);
       }},
      {"office_table",
       [](const std::string& p) {
         import_options strict;
         strict.strict = true;
         (void)import_table(p, strict);
       }},
      {"office_missing_sheet",
       [](const std::string& p) {
         import_options o;
         o.cells.sheet = "附表9";  // the workbook has one sheet, 主要指标
         (void)import_table(p, o);
       }},
  };
  const auto it = readers.find(reader);
  if (it == readers.end()) throw std::logic_error("unknown reader '" + reader + "'");
  it->second(path);
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

TEST(bad_input, every_file_fails_with_its_code_and_location) {
  auto entries = manifest();
  ASSERT_GE(entries.size(), 80u);
  const bool update = std::getenv("PLANEVAL_UPDATE_BAD_INPUT") != nullptr;
  std::map<std::string, int> per_reader;
  for (auto& e : entries) {
    SCOPED_TRACE(e.file);
    const std::string path = dir + "/" + e.file;
    ASSERT_TRUE(std::ifstream(path).good()) << "missing file " << path;
    ++per_reader[e.reader];
    try {
      read_with(e.reader, path);
      ADD_FAILURE() << e.file << ": read without an error";
    } catch (const error& err) {
      const std::string prefix = std::string("[planeval.") + to_string(err.code()) + "]";
      EXPECT_EQ(std::string(err.what()).rfind(prefix, 0), 0u) << err.what();
      const bool file_reader = e.reader != "target" && e.reader != "observation";
      if (file_reader) {
        EXPECT_EQ(err.where().file, path) << err.what();
      }
      const auto& w = err.where();
      const std::string id = !w.indicator.empty() ? w.indicator : w.task;
      // the location names the task; the message does not name it again
      if (!w.task.empty()) {
        EXPECT_EQ(err.message().find("task '" + w.task + "'"), std::string::npos) << err.what();
      }
      if (update) {
        e.code = to_string(err.code());
        e.line = std::to_string(w.line);
        e.column = std::to_string(w.column);
        e.pointer = or_dash(w.pointer);
        e.id = or_dash(id);
        continue;
      }
      EXPECT_EQ(to_string(err.code()), e.code) << err.what();
      EXPECT_EQ(std::to_string(w.line), e.line) << err.what();
      EXPECT_EQ(std::to_string(w.column), e.column) << err.what();
      EXPECT_EQ(or_dash(w.pointer), e.pointer) << err.what();
      EXPECT_EQ(or_dash(id), e.id) << err.what();
    } catch (const std::exception& ex) {
      ADD_FAILURE() << e.file << ": not a planeval::error: " << ex.what();
    }
  }
  // every reader has its share of the catalogue
  for (const char* r : {"target", "observation", "plan_csv", "actuals_csv", "references_csv",
                        "tasks_csv", "index_csv", "json", "archive_text", "archive_xml",
                        "archive_binary", "published_table", "office_table"})
    EXPECT_GE(per_reader[r], 4) << r;
  if (update) {
    std::ofstream out(dir + "/expected.tsv");
    out << "# file\treader\tcode\tline\tcolumn\tpointer\tid\n";
    for (const auto& e : entries)
      out << e.file << '\t' << e.reader << '\t' << e.code << '\t' << e.line << '\t' << e.column
          << '\t' << e.pointer << '\t' << e.id << '\n';
  }
}
