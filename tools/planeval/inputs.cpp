// The input block every command that reads a plan shares.
#include "inputs.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <iostream>

#include "commands.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

namespace planeval::cli {

void add_input_options(CLI::App& cmd, input_options& o, const input_help& help) {
  auto* plan_opt =
      cmd.add_option("--plan", o.plan_file,
                     "Plan file in any format (.json, .pvt, .pvx, .pvb archives, .csv plan "
                     "table), with its own observations, references and tasks")
          ->check(CLI::ExistingFile);
  cmd.add_option("--indicators", o.indicators,
                 "Plan table (CSV): id,name_zh,…,target_period,target,note (instead of --plan)")
      ->check(CLI::ExistingFile)
      ->excludes(plan_opt);
  if (!help.tasks.empty()) cmd.add_option("--tasks", o.tasks, help.tasks)->check(CLI::ExistingFile);
  cmd.add_option("--actuals", o.actuals,
                 "Actual values (CSV): indicator,period,value[,flags][,note]; repeat to merge "
                 "several files (a value given twice is an error naming both files)")
      ->check(CLI::ExistingFile);
  cmd.add_option("--references", o.references,
                 "Reference values and quotas (CSV): indicator,period,value[,note]; repeatable")
      ->check(CLI::ExistingFile);
  if (!help.period.empty()) {
    const std::string names =
        help.period_alias.empty() ? "--period" : "--period," + help.period_alias;
    cmd.add_option(names, o.period, help.period);
  }
  if (!help.as_of.empty()) cmd.add_option("--as-of", o.as_of, help.as_of);
  add_lang_option(cmd, o.lang);
  o.format = help.format;
  auto* format =
      cmd.add_option("--format", o.format, help.format_help)->check(CLI::IsMember(help.formats));
  if (!help.format.empty()) format->capture_default_str();
}

inputs read_inputs(const input_options& o) {
  if (o.indicators.empty() && o.plan_file.empty())
    throw CLI::RequiredError("--plan or --indicators");
  inputs in;
  in.plan = o.plan_file.empty() ? load_plan_table(o.indicators) : load_plan(o.plan_file);
  if (!o.tasks.empty()) in.plan.tasks = load_tasks(o.tasks, &in.plan);  // replaces the plan's own
  in.values = load_inputs(in.plan, o.actuals, o.references);
  if (!o.period.empty()) in.period = period::parse(o.period);
  if (!o.as_of.empty()) in.as_of = parse_date(o.as_of);
  in.lang = language_of(o.lang);
  return in;
}

date as_of_or_default(const inputs& in) {
  return in.as_of ? *in.as_of : default_as_of(in.plan, boost::gregorian::day_clock::local_day());
}

void write_output(const std::string& format, const output_writers& writers) {
  if (format == "json")
    std::cout << writers.json() << '\n';
  else if (format == "markdown")
    writers.markdown(std::cout);
  else
    writers.table(std::cout);
}

}  // namespace planeval::cli
