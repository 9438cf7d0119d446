// Nothing lost: evaluation never changes its inputs, a failed save leaves the previous file as it
// was (every format), and every valid input file loads, saves and loads back with every field.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "io/file_util.hpp"
#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/batch.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;
namespace fs = std::filesystem;

namespace {

const std::string data = std::string(PLANEVAL_EXAMPLE_DATA) + "/changning-2021";
const std::string golden = std::string(PLANEVAL_TEST_DATA) + "/golden";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_folder() {
  static int n = 0;
  const auto dir =
      fs::temp_directory_path() /
      ("planeval-nothing-lost-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::create_directories(dir);
  return dir.string();
}

template <class T, class W>
std::string text_of(const T& value, W write) {
  std::ostringstream out;
  write(out, value);
  return out.str();
}

std::string actuals_text(const observation_set& o) { return text_of(o, write_actuals); }
std::string references_text(const reference_set& r) { return text_of(r, write_references); }
std::string matrix_text(const index_matrix& m) { return text_of(m, write_index_matrix); }

bool same_matrix(const index_matrix& a, const index_matrix& b) {
  if (matrix_text(a) != matrix_text(b) || a.values.size() != b.values.size()) return false;
  for (std::size_t k = 0; k < a.values.size(); ++k)
    if (std::isnan(a.values[k]) ? !std::isnan(b.values[k]) : a.values[k] != b.values[k])
      return false;
  return true;
}

// Cuts every write after `limit` bytes (the stream then fails).
class failing_buf : public std::streambuf {
 public:
  failing_buf(std::streambuf* target, std::size_t limit) : target_(target), left_(limit) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto k = std::min<std::streamsize>(n, static_cast<std::streamsize>(left_));
    const auto w = target_->sputn(s, k);
    left_ -= static_cast<std::size_t>(w);
    return w;
  }
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof()) || left_ == 0) return traits_type::eof();
    --left_;
    return target_->sputc(traits_type::to_char_type(ch));
  }
  int sync() override { return target_->pubsync(); }

 private:
  std::streambuf* target_;
  std::size_t left_;
};

}  // namespace

// --- evaluation never mutates its inputs ---------------------------------------------------

TEST(nothing_lost, evaluation_leaves_plan_actuals_and_references_unchanged) {
  const plan p = load_plan(data + "/plan.json");
  const observation_set actuals = load_actuals(data + "/actuals-illustrative.csv", &p);
  const observation_set ytd = load_actuals(data + "/actuals-2021-ytd-illustrative.csv", &p);
  const observation_set series = load_actuals(data + "/series-2016-2020-illustrative.csv", &p);
  const reference_set refs = load_references(data + "/references-illustrative.csv", &p);
  // deep copies, and their serialised forms
  plan p_work = p;
  observation_set actuals_work = actuals, ytd_work = ytd, series_work = series;
  reference_set refs_work = refs;
  const std::string p_json = plan_to_json(p);

  const auto assessed = evaluate(p_work, actuals_work, refs_work);
  EXPECT_FALSE(assessed.empty());
  (void)evaluate(p_work);
  const auto tasks = evaluate_tasks(p_work, date(2021, 9, 30));
  (void)link_indicators(p_work, tasks, assessed);
  pace_options po;
  po.as_of = date(2021, 6, 30);
  (void)assess_pace(p_work, ytd_work, refs_work, po);
  (void)assess_trends(p_work, series_work, refs_work);

  EXPECT_EQ(p_work, p);
  EXPECT_EQ(plan_to_json(p_work), p_json);
  EXPECT_EQ(actuals_work, actuals);
  EXPECT_EQ(actuals_text(actuals_work), actuals_text(actuals));
  EXPECT_EQ(ytd_work, ytd);
  EXPECT_EQ(series_work, series);
  EXPECT_EQ(refs_work, refs);
  EXPECT_EQ(references_text(refs_work), references_text(refs));
}

TEST(nothing_lost, batch_evaluation_leaves_store_and_plan_unchanged) {
  const plan p = load_plan(data + "/indicators.csv");
  std::vector<std::string> ids;
  for (const auto& ind : p.indicators)
    if (!ind.targets.empty() && ind.targets[0].rule.operation == op::reach &&
        !ind.targets[0].rule.has_reference())
      ids.push_back(ind.id);
  ASSERT_FALSE(ids.empty());
  batch_store store({"a", "b", "c"}, ids, {period::year(2021)});
  for (std::size_t u = 0; u < store.units(); ++u)
    for (std::size_t i = 0; i < store.indicators(); ++i)
      if ((u + i) % 4 != 0) store.set(u, i, 0, static_cast<double>(u * 10 + i));
  const batch_store store_copy = store;
  const plan p_copy = p;
  const batch_targets targets(p, store);
  batch_options opt;
  opt.threads = 2;
  const batch_result r = evaluate_batch(store, targets, opt);
  EXPECT_EQ(r.codes.size(), store.size());
  EXPECT_EQ(p, p_copy);
  ASSERT_EQ(store.size(), store_copy.size());
  for (std::size_t u = 0; u < store.units(); ++u)
    for (std::size_t i = 0; i < store.indicators(); ++i) {
      const double a = store.get(u, i, 0), b = store_copy.get(u, i, 0);
      EXPECT_TRUE(std::isnan(a) ? std::isnan(b) : a == b);
    }
}

TEST(nothing_lost, composite_index_and_sensitivity_leave_the_matrix_unchanged) {
  const index_matrix m = load_index_matrix(std::string(PLANEVAL_EXAMPLE_DATA) +
                                           "/shanghai-districts-illustrative/matrix.csv");
  index_matrix work = m;
  index_options opt;
  (void)compute_index(work, opt);
  sensitivity_options s;
  s.replications = 20;
  (void)analyse_sensitivity(work, opt, s);
  EXPECT_TRUE(same_matrix(work, m));
}

// --- a failed save leaves the previous file intact, in every format ------------------------

TEST(nothing_lost, a_failed_save_leaves_the_old_file_intact_in_every_format) {
  const auto dir = temp_folder();
  plan old_plan = load_plan(data + "/plan.json");
  plan new_plan = old_plan;
  new_plan.title_en = "the new plan";
  new_plan.indicators.pop_back();
  struct kind {
    const char* name;
    std::string file;
    std::function<void(const plan&, const std::string&)> save;
    std::function<void(std::ostream&, const plan&)> write;
  };
  const std::vector<kind> kinds = {
      {"json", "plan.json", [](const plan& p, const std::string& f) { save_plan(p, f); },
       [](std::ostream& o, const plan& p) { write_plan(o, p, plan_format::json); }},
      {"text", "plan.pvt", [](const plan& p, const std::string& f) { save_plan(p, f); },
       [](std::ostream& o, const plan& p) { write_plan(o, p, plan_format::text); }},
      {"xml", "plan.pvx", [](const plan& p, const std::string& f) { save_plan(p, f); },
       [](std::ostream& o, const plan& p) { write_plan(o, p, plan_format::xml); }},
      {"binary", "plan.pvb", [](const plan& p, const std::string& f) { save_plan(p, f); },
       [](std::ostream& o, const plan& p) { write_plan(o, p, plan_format::binary); }},
      {"csv", "plan.csv", [](const plan& p, const std::string& f) { save_plan_table(p, f); },
       [](std::ostream& o, const plan& p) { write_plan_table(o, p); }},
  };
  for (const auto& k : kinds) {
    SCOPED_TRACE(k.name);
    const std::string path = dir + "/" + k.file;
    k.save(old_plan, path);
    const std::string before = slurp(path);
    ASSERT_FALSE(before.empty());
    // the stream breaks midway
    for (const std::size_t cut : {std::size_t{0}, std::size_t{10}, before.size() / 2}) {
      EXPECT_THROW(detail::write_file_atomically(
                       path, [&](std::ostream& out) { k.write(out, new_plan); },
                       [&](std::streambuf* f) { return std::make_unique<failing_buf>(f, cut); }),
                   io_error);
      EXPECT_EQ(slurp(path), before) << "cut at " << cut;
    }
    // the writer throws before anything is written (a plan the format cannot hold)
    plan bad = new_plan;
    bad.indicators[0].targets[0].rule.value = std::nan("");
    bad.indicators[0].targets[0].text.clear();
    if (std::string(k.name) != "csv") {
      EXPECT_THROW(k.save(bad, path), model_error);
      EXPECT_EQ(slurp(path), before);
    }
    // the temporary file cannot be created: the target's folder is replaced by a file
    EXPECT_THROW(k.save(new_plan, path + "/inside"), io_error);
    EXPECT_EQ(slurp(path), before);
    // nothing was left behind but the file itself
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    EXPECT_EQ(std::count(names.begin(), names.end(), k.file), 1);
    for (const auto& n : names) EXPECT_EQ(n.find(".tmp-"), std::string::npos) << n;
    // the same save without a failure replaces the file
    k.save(new_plan, path);
    EXPECT_NE(slurp(path), before);
  }
  fs::remove_all(dir);
}

// --- loading then saving any valid input keeps every field ---------------------------------

TEST(nothing_lost, every_example_plan_round_trips_through_every_format) {
  const auto dir = temp_folder();
  std::vector<std::string> inputs = {data + "/plan.json", data + "/indicators.csv"};
  for (const auto& e : fs::directory_iterator(golden)) inputs.push_back(e.path().string());
  ASSERT_GE(inputs.size(), 8u);
  for (const auto& in : inputs) {
    SCOPED_TRACE(in);
    const plan p = load_plan(in);
    EXPECT_FALSE(p.indicators.empty());
    for (const auto f :
         {plan_format::json, plan_format::text, plan_format::xml, plan_format::binary}) {
      const std::string out = dir + "/copy" + extension(f);
      save_plan(p, out);
      EXPECT_EQ(load_plan(out), p) << to_string(f);
      // and a second save gives the same bytes
      const std::string first = slurp(out);
      save_plan(load_plan(out), out);
      EXPECT_EQ(slurp(out), first) << to_string(f);
    }
    // the CSV plan table keeps the indicators and targets
    save_plan_table(p, dir + "/copy.csv");
    const plan table = load_plan(dir + "/copy.csv");
    EXPECT_EQ(table.indicators, p.indicators);
  }
  // the example JSON file is canonical: loading and saving it gives its bytes back
  EXPECT_EQ(plan_to_json(load_plan(data + "/plan.json")), slurp(data + "/plan.json"));
  fs::remove_all(dir);
}

TEST(nothing_lost, every_example_table_round_trips) {
  for (const char* f : {"actuals-illustrative.csv", "actuals-2021-ytd-illustrative.csv",
                        "series-2016-2020-illustrative.csv"}) {
    SCOPED_TRACE(f);
    const observation_set a = load_actuals(data + "/" + f);
    std::istringstream back(actuals_text(a));
    EXPECT_EQ(read_actuals(back, f), a);
  }
  {
    const reference_set r = load_references(data + "/references-illustrative.csv");
    std::istringstream back(references_text(r));
    EXPECT_EQ(read_references(back, "refs.csv"), r);
  }
  {
    const std::vector<task> t = load_tasks(data + "/tasks.csv");
    std::ostringstream out;
    write_tasks(out, t);
    std::istringstream back(out.str());
    EXPECT_EQ(read_tasks(back, "tasks.csv"), t);
  }
  {
    const index_matrix m = load_index_matrix(std::string(PLANEVAL_EXAMPLE_DATA) +
                                             "/shanghai-districts-illustrative/matrix.csv");
    std::istringstream back(matrix_text(m));
    EXPECT_TRUE(same_matrix(read_index_matrix(back, "matrix.csv"), m));
  }
}
