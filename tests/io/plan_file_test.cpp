// Plan files: formats, round trips through every format, golden archives, damaged archives,
// atomic saves, and the checks that collect every problem.
#include "planeval/io/plan_file.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "io/file_util.hpp"
#include "planeval/analytics/composite.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"
#include "support/plan_generator.hpp"

using namespace planeval;
namespace fs = std::filesystem;

namespace {

const std::string example_dir = PLANEVAL_EXAMPLE_DATA;
const std::string golden_dir = PLANEVAL_TEST_DATA "/golden";
const plan_format all_formats[] = {plan_format::json, plan_format::text, plan_format::xml,
                                   plan_format::binary};
const plan_format archive_formats[] = {plan_format::text, plan_format::xml, plan_format::binary};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string to_bytes(const plan& p, plan_format f) {
  std::ostringstream out(std::ios::binary);
  write_plan(out, p, f);
  return out.str();
}

plan from_bytes(const std::string& bytes, plan_format f, const std::string& source = "mem") {
  std::istringstream in(bytes, std::ios::binary);
  return read_plan(in, f, source);
}

const plan& example_plan() {
  static const plan p = load_plan(example_dir + "/changning-2021/plan.json");
  return p;
}

// Every examples/data/*/plan.json.
std::vector<std::string> example_plan_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(example_dir)) {
    const auto file = entry.path() / "plan.json";
    if (fs::exists(file)) out.push_back(file.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A fresh folder under the test temp dir.
std::string temp_folder() {
  std::string tmpl = ::testing::TempDir() + "planeval-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A stream buffer that passes `limit` bytes through and then fails every write.
class failing_buf : public std::streambuf {
 public:
  failing_buf(std::streambuf* target, std::size_t limit) : target_(target), left_(limit) {}

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    if (left_ == 0) return traits_type::eof();
    --left_;
    return target_->sputc(traits_type::to_char_type(ch));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto k = std::min<std::streamsize>(n, static_cast<std::streamsize>(left_));
    const auto written = target_->sputn(s, k);
    left_ -= static_cast<std::size_t>(written);
    return written;
  }
  int sync() override { return target_->pubsync(); }

 private:
  std::streambuf* target_;
  std::size_t left_;
};

// Like failing_buf, but the process is killed (SIGKILL) when the limit is reached: a save
// interrupted for real, with no chance to clean up.
class killing_buf : public failing_buf {
 public:
  killing_buf(std::streambuf* target, std::size_t limit)
      : failing_buf(target, limit), limit_(limit) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto written = failing_buf::xsputn(s, n);
    seen_ += static_cast<std::size_t>(written);
    if (written < n || seen_ >= limit_) {
      failing_buf::sync();  // what was written reaches the file before the kill
      ::raise(SIGKILL);
    }
    return written;
  }
  int_type overflow(int_type ch) override {
    const auto r = failing_buf::overflow(ch);
    if (traits_type::eq_int_type(r, traits_type::eof()) || ++seen_ >= limit_) {
      failing_buf::sync();
      ::raise(SIGKILL);
    }
    return r;
  }

 private:
  std::size_t limit_;
  std::size_t seen_ = 0;
};

}  // namespace

// --- formats ---------------------------------------------------------------------------------

TEST(plan_format, names_and_extensions) {
  for (const auto f : all_formats) {
    EXPECT_EQ(from_string<plan_format>(to_string(f)), f);
    EXPECT_EQ(format_from_path(std::string("dir.v2/plan") + extension(f)), f);
  }
  EXPECT_EQ(format_from_path("PLAN.JSON"), plan_format::json);
  EXPECT_EQ(format_from_path("a/b.Pvb"), plan_format::binary);
  EXPECT_FALSE(format_from_path("plan.csv"));
  EXPECT_FALSE(format_from_path("plan"));
  EXPECT_FALSE(format_from_path("dir.json/plan"));
  EXPECT_FALSE(try_from_string<plan_format>("yaml"));
  EXPECT_THROW(from_string<plan_format>("yaml"), model_error);
}

TEST(plan_format, every_enum_name_error_says_what_was_expected) {
  const std::pair<std::function<void()>, std::string> rows[] = {
      {[] { from_string<plan_format>("yaml"); },
       "'yaml' is not a plan format (expected one of: json, text, xml, binary)"},
      {[] { from_string<aggregation>("mean"); },
       "'mean' is not an aggregation (expected one of: arithmetic, geometric)"},
      {[] { from_string<normalisation>("rank"); },
       "'rank' is not a normalisation (expected one of: min_max, z_score, goalposts, "
       "distance_to_target)"},
  };
  for (const auto& [parse, expected] : rows) {
    try {
      parse();
      ADD_FAILURE() << "no error: " << expected;
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_enum) << expected;
      EXPECT_EQ(e.message(), expected);
    }
  }
}

TEST(plan_format, sniffed_from_content) {
  for (const auto f : all_formats) EXPECT_EQ(sniff_format(to_bytes(example_plan(), f)), f);
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF\n  {\"format\""), plan_format::json);
  EXPECT_FALSE(sniff_format("id,target_period,target\n"));
  EXPECT_FALSE(sniff_format(""));
  EXPECT_FALSE(sniff_format("22 serialization"));
}

TEST(load_plan, by_extension_by_content_and_csv_tables) {
  const auto dir = temp_folder();
  for (const auto f : all_formats) {
    save_plan(example_plan(), dir + "/plan" + extension(f));
    EXPECT_EQ(load_plan(dir + "/plan" + extension(f)), example_plan()) << to_string(f);
    // no telling extension: the content says
    fs::copy_file(dir + "/plan" + extension(f), dir + "/plan-" + to_string(f) + ".dat");
    EXPECT_EQ(load_plan(dir + "/plan-" + to_string(f) + ".dat"), example_plan()) << to_string(f);
    EXPECT_EQ(load_plan(dir + "/plan-" + to_string(f) + ".dat", f), example_plan());
  }
  const plan table = load_plan(example_dir + "/changning-2021/indicators.csv");
  EXPECT_EQ(table.indicators, example_plan().indicators);
  std::ofstream(dir + "/notes.txt") << "hello\n";
  try {
    load_plan(dir + "/notes.txt");
    FAIL() << "no error";
  } catch (const io_error& e) {
    EXPECT_EQ(e.code(), errc::io_format);
    EXPECT_EQ(e.where().file, dir + "/notes.txt");
  }
  EXPECT_THROW(load_plan(dir + "/missing.json"), io_error);
  EXPECT_THROW(save_plan(example_plan(), dir + "/plan.yaml"), io_error);
  fs::remove_all(dir);
}

// --- round trips -----------------------------------------------------------------------------

TEST(plan_round_trip, json_to_every_archive_and_back_is_byte_identical) {
  const auto files = example_plan_files();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const std::string json_text = slurp(file);
    const plan p = plan_from_json(json_text, file);
    ASSERT_EQ(plan_to_json(p), json_text) << file << " is not in canonical form";
    for (const auto f : archive_formats) {
      const plan back = from_bytes(to_bytes(p, f), f);
      EXPECT_EQ(back, p) << file << " via " << to_string(f);
      EXPECT_EQ(plan_to_json(back), json_text) << file << " via " << to_string(f);
    }
  }
}

TEST(plan_round_trip, the_example_plan_holds_the_csv_tables) {
  const plan table = load_plan_table(example_dir + "/changning-2021/indicators.csv");
  EXPECT_EQ(example_plan().indicators, table.indicators);
  const auto tasks = load_tasks(example_dir + "/changning-2021/tasks.csv", &table);
  ASSERT_EQ(tasks.size(), 89u);
  EXPECT_EQ(example_plan().tasks, tasks);
  EXPECT_EQ(example_plan().title_zh.rfind("关于长宁区2020年", 0), 0u);
  EXPECT_EQ(to_string(*example_plan().approved), "2021-01-12");
  EXPECT_EQ(to_string(*example_plan().published), "2021-02-04");
}

TEST(plan_round_trip, one_thousand_random_plans_through_every_format) {
  test::plan_generator gen(20210112);
  int checked = 0;
  int with_tasks = 0;
  std::size_t tasks = 0;
  std::size_t deliverables = 0;
  std::size_t actuals = 0;
  std::set<task_status> statuses;
  for (int k = 0; k < 1000; ++k) {
    const plan p = gen.next();
    ASSERT_NO_THROW(p.validate()) << "plan " << k;
    with_tasks += p.tasks.empty() ? 0 : 1;
    tasks += p.tasks.size();
    for (const auto& t : p.tasks) {
      statuses.insert(t.status);
      deliverables += t.deliverables.size();
      for (const auto& d : t.deliverables) actuals += d.actual ? 1 : 0;
    }
    const std::string canonical_json = plan_to_json(p);
    for (const auto f : all_formats) {
      plan back;
      try {
        back = from_bytes(to_bytes(p, f), f);
      } catch (const error& e) {
        FAIL() << "plan " << k << " via " << to_string(f) << ": " << e.what() << "\n"
               << canonical_json;
      }
      ASSERT_EQ(back, p) << "plan " << k << " via " << to_string(f) << "\n" << canonical_json;
      ASSERT_EQ(plan_to_json(back), canonical_json) << "plan " << k << " via " << to_string(f);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4000);
  // the plans hold tasks of every status, with deliverables and actuals
  EXPECT_GT(with_tasks, 400);
  EXPECT_EQ(statuses.size(), 5u);
  EXPECT_GT(actuals, 100u);
  std::cout << "random plans: 1000, with tasks: " << with_tasks << ", tasks: " << tasks
            << ", deliverables: " << deliverables << " (" << actuals << " with an actual)\n";
}

// --- golden archives -------------------------------------------------------------------------

// changning-2021.pv? were written by the release before tasks (plan class version 1);
// changning-2021-v2.pv? by the release that added them (plan class version 2).
TEST(golden_archives, load_and_equal_the_example_plan) {
  plan without_tasks = example_plan();
  without_tasks.tasks.clear();
  for (const auto f : archive_formats) {
    if (f == plan_format::binary && (sizeof(std::size_t) != 8 || sizeof(int) != 4)) continue;
    const std::string path = golden_dir + "/changning-2021" + extension(f);
    ASSERT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(load_plan(path), without_tasks) << path;
  }
  // they are what they claim to be: plan version 1, without tasks
  const std::string xml = slurp(golden_dir + "/changning-2021.pvx");
  EXPECT_NE(xml.find("<plan class_id=\"0\" tracking_level=\"0\" version=\"1\">"),
            std::string::npos);
  EXPECT_EQ(xml.find("<task_count>"), std::string::npos);
}

TEST(golden_archives, version_2_with_tasks_load_and_equal_the_example_plan) {
  ASSERT_EQ(example_plan().tasks.size(), 89u);
  for (const auto f : archive_formats) {
    if (f == plan_format::binary && (sizeof(std::size_t) != 8 || sizeof(int) != 4)) continue;
    const std::string path = golden_dir + "/changning-2021-v2" + extension(f);
    ASSERT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(load_plan(path), example_plan()) << path;
  }
  const std::string xml = slurp(golden_dir + "/changning-2021-v2.pvx");
  EXPECT_NE(xml.find("<plan class_id=\"0\" tracking_level=\"0\" version=\"2\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<task_count>89</task_count>"), std::string::npos);
}

TEST(golden_archives, version_3_with_rule_years_load_and_equal_the_example_plan) {
  for (const auto f : archive_formats) {
    if (f == plan_format::binary && (sizeof(std::size_t) != 8 || sizeof(int) != 4)) continue;
    const std::string path = golden_dir + "/changning-2021-v3" + extension(f);
    ASSERT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(load_plan(path), example_plan()) << path;
  }
  const std::string xml = slurp(golden_dir + "/changning-2021-v3.pvx");
  EXPECT_TRUE(std::regex_search(xml, std::regex("<rule class_id=\"[0-9]+\" tracking_level=\"0\" "
                                                "version=\"2\">")));
  EXPECT_NE(xml.find("<year>0</year>"), std::string::npos);
}

TEST(golden_archives, version_4_with_compound_parts_load_and_equal_the_example_plan) {
  for (const auto f : archive_formats) {
    if (f == plan_format::binary && (sizeof(std::size_t) != 8 || sizeof(int) != 4)) continue;
    const std::string path = golden_dir + "/changning-2021-v4" + extension(f);
    ASSERT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(load_plan(path), example_plan()) << path;
  }
  const std::string xml = slurp(golden_dir + "/changning-2021-v4.pvx");
  EXPECT_TRUE(std::regex_search(xml, std::regex("<rule class_id=\"[0-9]+\" tracking_level=\"0\" "
                                                "version=\"3\">")));
  EXPECT_NE(xml.find("<part_count>0</part_count>"), std::string::npos);
}

TEST(golden_archives, this_release_writes_them_byte_for_byte) {
  // Holds while the class versions are those of the newest golden files; after a version
  // bump, add new golden files next to the old ones (which must keep loading) instead.
  for (const auto f : {plan_format::text, plan_format::xml}) {
    const std::string path = golden_dir + "/changning-2021-v4" + extension(f);
    EXPECT_EQ(to_bytes(example_plan(), f), slurp(path)) << path;
  }
}

// --- damaged archives ------------------------------------------------------------------------

namespace {

// Reads damaged bytes: must throw a planeval error with a location, or load a sound plan.
// Anything else (another exception type, a crash under the sanitizers) fails the test.
bool read_damaged(const std::string& bytes, plan_format f, const std::string& what) {
  try {
    const plan p = from_bytes(bytes, f, "damaged" + std::string(extension(f)));
    p.validate();
    return false;
  } catch (const error& e) {
    EXPECT_EQ(e.where().file, "damaged" + std::string(extension(f))) << what << ": " << e.what();
    EXPECT_FALSE(e.message().empty()) << what;
    return true;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": not a planeval error: " << e.what();
    return true;
  }
}

}  // namespace

TEST(damaged_archives, cut_at_many_offsets_always_fail_with_an_error) {
  std::mt19937 rng(42);
  for (const auto f : archive_formats) {
    const std::string bytes = to_bytes(example_plan(), f);
    // only trailing blanks may be cut without losing anything
    const std::size_t end = bytes.find_last_not_of(" \t\r\n") + 1;
    std::set<std::size_t> offsets;
    for (std::size_t k = 0; k < 256; ++k) offsets.insert(k);
    for (std::size_t k = 1; k <= 64; ++k) offsets.insert(end - k);
    std::uniform_int_distribution<std::size_t> any(0, end - 1);
    for (int k = 0; k < 300; ++k) offsets.insert(any(rng));
    for (const auto cut : offsets) {
      const std::string what = std::string(to_string(f)) + " cut at " + std::to_string(cut);
      EXPECT_TRUE(read_damaged(bytes.substr(0, cut), f, what)) << what << " loaded";
    }
  }
}

TEST(damaged_archives, flipped_bytes_never_crash) {
  std::mt19937 rng(7);
  int failed = 0;
  int total = 0;
  for (const auto f : archive_formats) {
    const std::string bytes = to_bytes(example_plan(), f);
    std::uniform_int_distribution<std::size_t> pos(0, bytes.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int k = 0; k < 300; ++k) {
      std::string damaged = bytes;
      for (int n = 0; n < 1 + k % 3; ++n) damaged[pos(rng)] = static_cast<char>(byte(rng));
      failed += read_damaged(damaged, f, std::string(to_string(f)) + " flip " + std::to_string(k));
      ++total;
    }
  }
  EXPECT_GT(failed, total / 4);  // most damage is detected (some lands in free text)
}

namespace {
std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  if (at == std::string::npos) throw std::runtime_error("not found: " + from);
  return s.replace(at, from.size(), to);
}

template <class E>
E read_error(const std::string& bytes, plan_format f) {
  try {
    from_bytes(bytes, f, "bad.archive");
  } catch (const E& e) {
    EXPECT_EQ(e.where().file, "bad.archive") << e.what();
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "other error: " << e.what();
    throw;
  }
  ADD_FAILURE() << "no error";
  return E(errc::usage, "");
}
}  // namespace

TEST(damaged_archives, class_version_newer_than_this_release) {
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  auto e = read_error<format_error>(
      replace_once(xml, "<plan class_id=\"0\" tracking_level=\"0\" version=\"2\">",
                   "<plan class_id=\"0\" tracking_level=\"0\" version=\"7\">"),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::format_version);
  EXPECT_NE(e.message().find("plan version 7"), std::string::npos) << e.what();
  EXPECT_GT(e.where().line, 0u);

  // the rule class, deep inside the first indicator
  const std::smatch rule_tag = [&] {
    std::smatch m;
    std::regex_search(xml, m,
                      std::regex("<rule class_id=\"[0-9]+\" tracking_level=\"0\" version=\"3\">"));
    return m;
  }();
  ASSERT_FALSE(rule_tag.empty());
  e = read_error<format_error>(
      replace_once(xml, rule_tag.str(),
                   replace_once(rule_tag.str(), "version=\"3\"", "version=\"4\"")),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::format_version);
  EXPECT_EQ(e.where().pointer, "/indicators/0/targets/0/rule") << e.what();
  EXPECT_EQ(e.where().indicator, "gdp_growth");

  const std::string text = to_bytes(example_plan(), plan_format::text);
  e = read_error<format_error>(replace_once(text, "13 planeval.plan 0 2 ", "13 planeval.plan 0 9 "),
                               plan_format::text);
  EXPECT_EQ(e.code(), errc::format_version);
  e = read_error<format_error>(replace_once(text, "13 planeval.plan 0 2 ", "13 planeval.plan 0 0 "),
                               plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);

  // the task class, in the first task
  const std::smatch task_tag = [&] {
    std::smatch m;
    std::regex_search(xml, m,
                      std::regex("<task class_id=\"[0-9]+\" tracking_level=\"0\" version=\"1\">"));
    return m;
  }();
  ASSERT_FALSE(task_tag.empty());
  e = read_error<format_error>(
      replace_once(xml, task_tag.str(),
                   replace_once(task_tag.str(), "version=\"1\"", "version=\"2\"")),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::format_version);
  EXPECT_NE(e.message().find("task version 2"), std::string::npos) << e.what();
  EXPECT_EQ(e.where().pointer, "/tasks/0") << e.what();
}

TEST(damaged_archives, task_fields_are_checked_and_name_the_task) {
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  const std::string first = example_plan().tasks[0].id;
  auto e = read_error<format_error>(
      replace_once(xml, "<status>done</status>", "<status>finished</status>"), plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_EQ(e.where().pointer, "/tasks/0/status") << e.what();
  EXPECT_EQ(e.where().task, first);
  EXPECT_NE(std::string(e.what()).find("(task " + first + ")"), std::string::npos) << e.what();
  const auto d = read_error<parse_error>(
      replace_once(xml, "<start>2020-01-01</start>", "<start>2020-02-30</start>"),
      plan_format::xml);
  EXPECT_EQ(d.code(), errc::date_syntax);
  EXPECT_EQ(d.where().pointer, "/tasks/0/start") << d.what();
  EXPECT_EQ(d.where().task, first);
  // a deliverable's actual: the task is named, not an indicator
  const std::size_t actual_at = xml.find("<actual>");
  ASSERT_NE(actual_at, std::string::npos);
  std::string damaged = xml;
  const std::size_t flags_at = damaged.find("<flags>", actual_at);
  damaged.insert(flags_at + 7, "Z");
  const auto f = read_error<model_error>(damaged, plan_format::xml);
  EXPECT_EQ(f.code(), errc::model_invalid);
  EXPECT_NE(f.where().pointer.find("/deliverables/0/actual/flags"), std::string::npos) << f.what();
  EXPECT_FALSE(f.where().task.empty());
  EXPECT_TRUE(f.where().indicator.empty()) << f.what();
  // a model invariant broken in the archive: checked on loading like any plan
  const auto w =
      read_error<model_error>(replace_once(xml, "<weight>1.00000000000000000e+00</weight>",
                                           "<weight>-1.00000000000000000e+00</weight>"),
                              plan_format::xml);
  EXPECT_EQ(w.code(), errc::model_invalid);
  EXPECT_EQ(w.where().pointer, "/tasks/0/weight");
  EXPECT_EQ(w.where().task, first);
}

TEST(damaged_archives, boost_library_version_too_new_or_too_old) {
  const std::string text = to_bytes(example_plan(), plan_format::text);
  auto e = read_error<format_error>(
      replace_once(text, "serialization::archive 18 ", "serialization::archive 99 "),
      plan_format::text);
  EXPECT_EQ(e.code(), errc::format_version);
  e = read_error<format_error>(
      replace_once(text, "serialization::archive 18 ", "serialization::archive 3 "),
      plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  e = read_error<format_error>(replace_once(xml, "version=\"18\"", "version=\"99\""),
                               plan_format::xml);
  EXPECT_EQ(e.code(), errc::format_version);
}

TEST(damaged_archives, sizes_beyond_the_limits) {
  const std::string text = to_bytes(example_plan(), plan_format::text);
  // a string longer than the rest of the archive: nothing is allocated for it
  auto e = read_error<format_error>(replace_once(text, "13 planeval.plan", "999999 planeval.plan"),
                                    plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_NE(e.message().find("999999 bytes announced"), std::string::npos) << e.what();
  // a string longer than the limit (in an archive long enough to hold it)
  e = read_error<format_error>(
      replace_once(text, "13 planeval.plan", "16777217 planeval.plan") + std::string(1 << 24, 'x'),
      plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_limit);
  // a collection larger than the limit
  e = read_error<format_error>(replace_once(text, " zh 25 ", " zh 99999999999 "),
                               plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_limit);
  EXPECT_EQ(e.where().pointer, "/indicators") << e.what();
  // within the limit but beyond the data: fails at the end of the archive, allocating nothing
  e = read_error<format_error>(replace_once(text, " zh 25 ", " zh 9000000 "), plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  e = read_error<format_error>(replace_once(xml, "<indicator_count>25</indicator_count>",
                                            "<indicator_count>10000001</indicator_count>"),
                               plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_limit);
  // tasks, their deliverables and their lists of ids are bounded too
  e = read_error<format_error>(
      replace_once(xml, "<task_count>89</task_count>", "<task_count>10000001</task_count>"),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_limit);
  EXPECT_EQ(e.where().pointer, "/tasks");
  e = read_error<format_error>(replace_once(xml, "<deliverable_count>0</deliverable_count>",
                                            "<deliverable_count>10000001</deliverable_count>"),
                               plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_limit);
  EXPECT_EQ(e.where().pointer, "/tasks/0/deliverables");
  EXPECT_EQ(e.where().task, example_plan().tasks[0].id);
  e = read_error<format_error>(replace_once(xml, "<depends_on_count>0</depends_on_count>",
                                            "<depends_on_count>99999999999</depends_on_count>"),
                               plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_limit);
  EXPECT_EQ(e.where().pointer, "/tasks/0/depends_on");
  // binary: the first string length (the archive signature) is bounded too
  std::string bin = to_bytes(example_plan(), plan_format::binary);
  const auto at = bin.find("planeval.plan");
  ASSERT_NE(at, std::string::npos);
  bin[at - 2] = '\x7f';  // the length before the magic string becomes huge
  e = read_error<format_error>(bin, plan_format::binary);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_NE(e.message().find("byte"), std::string::npos) << e.what();
}

TEST(damaged_archives, not_a_plan_archive) {
  const std::string text = to_bytes(example_plan(), plan_format::text);
  auto e = read_error<format_error>(replace_once(text, "13 planeval.plan", "13 planeval.PLAN"),
                                    plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_NE(e.message().find("not a planeval plan archive"), std::string::npos);
  // another format's bytes
  e = read_error<format_error>(to_bytes(example_plan(), plan_format::json), plan_format::text);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  e = read_error<format_error>(to_bytes(example_plan(), plan_format::text), plan_format::binary);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  e = read_error<format_error>("", plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  // a binary archive from a platform with another int size
  std::string bin = to_bytes(example_plan(), plan_format::binary);
  bin[8 + 22 + 2] = 2;  // after the signature and library version: sizeof(int)
  e = read_error<format_error>(bin, plan_format::binary);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  // a field that breaks the model: an enumeration name that does not exist
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  e = read_error<format_error>(
      replace_once(xml, "<polarity>higher</polarity>", "<polarity>sideways</polarity>"),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_EQ(e.where().pointer, "/indicators/0/polarity");
  EXPECT_EQ(e.where().indicator, "gdp_growth");
  // a period that does not parse
  const auto p = read_error<parse_error>(
      replace_once(xml, "<text>2021</text>", "<text>2021-Q5</text>"), plan_format::xml);
  EXPECT_EQ(p.where().pointer, "/period/text");
}

TEST(damaged_archives, xml_tags_that_do_not_match) {
  const std::string xml = to_bytes(example_plan(), plan_format::xml);
  // an end tag longer than the one expected (Boost 1.74 itself would read past the name)
  auto e = read_error<format_error>(
      replace_once(xml, "</name_en>", "</name_en_and_a_much_longer_tail>"), plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  EXPECT_EQ(e.where().pointer, "/indicators/0/name_en") << e.what();
  EXPECT_GT(e.where().line, 0u);
  // elements in another order
  e = read_error<format_error>(
      replace_once(xml, "<polarity>higher</polarity>", "<attribute>higher</attribute>"),
      plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
  // the closing tag cut
  e = read_error<format_error>(xml.substr(0, xml.rfind("</boost_serialization>") + 5),
                               plan_format::xml);
  EXPECT_EQ(e.code(), errc::archive_corrupt);
}

// --- atomic saves ----------------------------------------------------------------------------

TEST(atomic_save, a_save_failing_midway_leaves_the_old_file_intact) {
  const auto dir = temp_folder();
  plan old_plan = example_plan();
  old_plan.title_en = "the old plan";
  plan new_plan = example_plan();
  new_plan.title_en = "the new plan";
  for (std::size_t k = 0; k < std::size(all_formats); ++k) {
    const auto f = all_formats[k];
    const std::string path = dir + "/plan" + extension(f);
    save_plan(old_plan, path);
    const std::string before = slurp(path);
    const std::size_t full = to_bytes(new_plan, f).size();
    for (const std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{100},
                                    std::size_t{4096}, full / 2, full - 1}) {
      try {
        detail::write_file_atomically(
            path, [&](std::ostream& out) { write_plan(out, new_plan, f); },
            [&](std::streambuf* file) { return std::make_unique<failing_buf>(file, limit); });
        ADD_FAILURE() << to_string(f) << ": a save cut at " << limit << " bytes succeeded";
      } catch (const io_error& e) {
        EXPECT_EQ(e.code(), errc::io_write) << e.what();
        EXPECT_EQ(e.where().file, path) << e.what();
      }
      EXPECT_EQ(slurp(path), before) << to_string(f) << " cut at " << limit;
      EXPECT_EQ(load_plan(path), old_plan);
      EXPECT_EQ(names_in(dir).size(), k + 1) << "a temporary file was left behind";
    }
    // the same save without the failure replaces the file
    save_plan(new_plan, path);
    EXPECT_EQ(load_plan(path), new_plan);
  }
  fs::remove_all(dir);
}

TEST(atomic_save, a_plan_the_format_cannot_hold_leaves_the_old_file_intact) {
  const auto dir = temp_folder();
  const std::string path = dir + "/plan.json";
  save_plan(example_plan(), path);
  plan bad = example_plan();
  bad.indicators[3].targets[0].rule.value = std::nan("");
  for (const auto f : all_formats) {
    try {
      save_plan(bad, path, f);
      ADD_FAILURE() << "saved a NaN as " << to_string(f);
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_invalid);
      EXPECT_NE(e.where().pointer.find("/indicators/3/targets/0/rule/value"), std::string::npos)
          << e.what();
    }
    EXPECT_EQ(load_plan(path), example_plan());
  }
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"plan.json"});
  fs::remove_all(dir);
}

TEST(atomic_save, a_process_killed_midway_leaves_the_old_file_intact) {
  // "fast": the child is forked here, so it writes into this test's folder
  GTEST_FLAG_SET(death_test_style, "fast");
  const auto dir = temp_folder();
  const std::string path = dir + "/plan.pvb";
  save_plan(example_plan(), path);
  const std::string before = slurp(path);
  plan new_plan = example_plan();
  new_plan.indicators.pop_back();
  EXPECT_EXIT(
      {
        detail::write_file_atomically(
            path, [&](std::ostream& out) { write_plan(out, new_plan, plan_format::binary); },
            [](std::streambuf* file) { return std::make_unique<killing_buf>(file, 5000); });
        std::exit(0);  // not reached
      },
      ::testing::KilledBySignal(SIGKILL), "");
  EXPECT_EQ(slurp(path), before);
  EXPECT_EQ(load_plan(path), example_plan());
  // the killed process could not remove its temporary file: it holds the 5000 bytes written
  const auto names = names_in(dir);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].rfind(".plan.pvb.tmp-", 0), 0u) << names[0];
  EXPECT_EQ(fs::file_size(dir + "/" + names[0]), 5000u);
  fs::remove_all(dir);
}

TEST(atomic_save, keeps_permissions_and_reports_missing_folders) {
  const auto dir = temp_folder();
  const std::string path = dir + "/plan.pvt";
  save_plan(example_plan(), path);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  save_plan(example_plan(), path);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  try {
    save_plan(example_plan(), dir + "/no/such/folder/plan.json");
    FAIL() << "no error";
  } catch (const io_error& e) {
    EXPECT_EQ(e.code(), errc::io_open);
    EXPECT_EQ(e.where().file, dir + "/no/such/folder/plan.json");
  }
  fs::remove_all(dir);
}

// --- checks that collect every problem -------------------------------------------------------

TEST(check_plan, reports_every_problem_with_its_location) {
  plan p = example_plan();
  EXPECT_TRUE(check_plan(p).empty());
  p.tasks.clear();  // (their links to the indicator renamed here would be a sixth problem)
  p.indicators[2].id = p.indicators[0].id;                        // a repeated id
  p.indicators[5].targets.push_back(p.indicators[5].targets[0]);  // two targets for 2021
  p.indicators[7].targets[0].rule.value = 999;  // the text no longer reads as the rule
  p.indicators[9].targets[0].text = "38.16元";  // 元 cannot be expressed in 万平方米
  p.indicators[9].targets[0].rule.unit = unit::parse("元");
  observation o;
  o.indicator = "nobody";
  o.period = period::year(2021);
  p.observations.add(o);
  const auto problems = check_plan(p);
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].code(), errc::model_duplicate);
  EXPECT_EQ(problems[0].where().pointer, "/indicators/2/id");
  EXPECT_EQ(problems[1].code(), errc::model_duplicate);
  EXPECT_EQ(problems[1].where().pointer, "/indicators/5/targets/1");
  EXPECT_EQ(problems[2].code(), errc::model_invalid);
  EXPECT_EQ(problems[2].where().pointer, "/indicators/7/targets/0/rule");
  EXPECT_EQ(problems[2].where().indicator, "high_tech_enterprises");
  EXPECT_EQ(problems[3].code(), errc::unit_incompatible);
  EXPECT_EQ(problems[3].where().pointer, "/indicators/9/targets/0");
  EXPECT_EQ(problems[4].code(), errc::model_unknown_id);
  EXPECT_EQ(problems[4].where().pointer, "/observations/0/indicator");
}

TEST(check_plan, reports_a_task_problem_with_the_task) {
  plan p = example_plan();
  p.tasks[3].depends_on.push_back("ghost");
  const auto problems = check_plan(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code(), errc::model_unknown_id);
  EXPECT_EQ(problems[0].where().pointer,
            "/tasks/3/depends_on/" + std::to_string(p.tasks[3].depends_on.size() - 1));
  EXPECT_EQ(problems[0].where().task, p.tasks[3].id);
}

TEST(check_plan_file, sound_files_of_every_format_have_no_problem) {
  const auto dir = temp_folder();
  for (const auto f : all_formats) {
    save_plan(example_plan(), dir + "/plan" + extension(f));
    EXPECT_TRUE(check_plan_file(dir + "/plan" + extension(f)).empty()) << to_string(f);
  }
  EXPECT_TRUE(check_plan_file(example_dir + "/changning-2021/indicators.csv").empty());
  const auto missing = check_plan_file(dir + "/missing.json");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].code(), errc::io_open);
  // a damaged archive: its first problem
  std::ofstream(dir + "/cut.pvt", std::ios::binary)
      << to_bytes(example_plan(), plan_format::text).substr(0, 3000);
  const auto cut = check_plan_file(dir + "/cut.pvt");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].code(), errc::archive_corrupt);
  EXPECT_EQ(cut[0].where().file, dir + "/cut.pvt");
  fs::remove_all(dir);
}
