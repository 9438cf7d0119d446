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
  auto* indicators_opt =
      cmd.add_option("--indicators", o.indicators,
                     "Plan table (CSV): id,name_zh,…,target_period,target,note (instead of --plan)")
          ->check(CLI::ExistingFile)
          ->excludes(plan_opt);
  cmd.add_option("--table", o.table,
                 "A plan table as published (CSV/TSV in UTF-8 or GB18030, HTML): imported with "
                 "its results (docs/importing.md), instead of --plan")
      ->check(CLI::ExistingFile)
      ->excludes(plan_opt)
      ->excludes(indicators_opt);
  add_table_options(cmd, o);
  cmd.add_option("--title", o.title, "Plan title (overrides the file's or the table's title rows)");
  cmd.add_option("--issuer", o.issuer, "Issuing body (overrides the plan file's)");
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
  std::vector<std::string> formats = help.formats;
  std::string format_help = help.format_help;
  if (help.workbook) {
    formats.emplace_back("xlsx");
    format_help += "; xlsx: an Excel workbook of the results and a summary sheet (needs -o)";
    cmd.add_option("-o,--output", o.output,
                   "Write to this file, atomically, instead of standard output (required by "
                   "--format xlsx)");
  }
  auto* format = cmd.add_option("--format", o.format, format_help)->check(CLI::IsMember(formats));
  if (!help.format.empty()) format->capture_default_str();
}

void add_table_options(CLI::App& cmd, input_options& o) {
  cmd.add_option("--table-index", o.table_index,
                 "Which table of a page, workbook or Word document to import (0-based; default: "
                 "the first with an indicator header)");
  cmd.add_option("--sheet", o.sheet,
                 "The sheet of a workbook (.xlsx, .xls) to import, by name or 1-based number "
                 "(default: every sheet, the first with an indicator header is taken)");
  cmd.add_option("--encoding", o.encoding,
                 "Encoding of a CSV table: auto (UTF-8, else GB18030), utf-8, gb18030 (gbk)")
      ->capture_default_str();
  cmd.add_option("--overrides", o.overrides,
                 "Corrections of the import's inferences (CSV: indicator,field,value; indicator "
                 "is an id or a published name)")
      ->check(CLI::ExistingFile);
  cmd.add_option("--table-period", o.table_period,
                 "The plan's period of a table whose title and columns name no year (2018, "
                 "2021/2025): its target and result columns are read for it");
  cmd.add_flag("--strict", o.strict,
               "Fail at the first cell that does not parse, of --table, --indicators, --actuals "
               "or --references (default: keep it as text for review and exit 1)");
}

import_options import_options_of(const input_options& o) {
  import_options io;
  io.cells.encoding = parse_text_encoding(o.encoding);
  io.table_index = o.table_index;
  io.strict = o.strict;
  io.title = o.title;
  io.issuer = o.issuer;
  io.cells.sheet = o.sheet;
  if (!o.table_period.empty()) io.period = period::parse(o.table_period);
  if (!o.overrides.empty()) io.overrides = load_import_overrides(o.overrides);
  return io;
}

int report_review(const std::vector<review_item>& review, const plan& p) {
  for (const auto& r : review)
    std::cerr << "planeval: review " << r.where.to_string() << ": "
              << (r.indicator.empty() ? "" : r.indicator + " ") << r.field << " '" << r.text
              << "' kept as text [" << to_string(r.code) << "] " << r.message << '\n';
  if (p.indicators.empty()) {
    std::cerr << "planeval: warning: the plan has no indicators\n";
    return exit_failed;
  }
  return review.empty() ? 0 : exit_failed;
}

int report_review(const inputs& in) { return report_review(in.values.review, in.plan); }

inputs read_inputs(const input_options& o) {
  if (o.indicators.empty() && o.plan_file.empty() && o.table.empty())
    throw CLI::RequiredError("--plan, --indicators or --table");
  inputs in;
  input_set imported;
  if (!o.table.empty()) {
    in.imported = import_table(o.table, import_options_of(o));
    import_result& result = in.imported;
    in.plan = std::move(result.plan);
    std::size_t k = 0;
    for (const auto& a : result.actuals) imported.add_actual(a, result.actual_origins.at(k++));
    imported.review = std::move(result.review);
    result.plan = plan{};
    result.actuals = observation_set{};
    result.review.clear();
  } else if (o.plan_file.empty()) {
    in.plan = load_plan_table(o.indicators, {}, o.strict ? nullptr : &imported.review);
  } else {
    in.plan = load_plan(o.plan_file);
  }
  if (!o.title.empty()) in.plan.title_zh = o.title;
  if (!o.issuer.empty()) in.plan.issuer = o.issuer;
  if (!o.tasks.empty()) in.plan.tasks = load_tasks(o.tasks, &in.plan);  // replaces the plan's own
  in.values =
      merge_inputs({imported, load_inputs(in.plan, o.actuals, o.references, {}, !o.strict)});
  if (!o.period.empty()) in.period = period::parse(o.period);
  if (!o.as_of.empty()) in.as_of = parse_date(o.as_of);
  in.lang = language_of(o.lang);
  return in;
}

date as_of_or_default(const inputs& in) {
  return in.as_of ? *in.as_of : default_as_of(in.plan, boost::gregorian::day_clock::local_day());
}

void write_output(const input_options& o, const output_writers& writers) {
  const std::string& format = o.format;
  if (format == "xlsx") {
    if (o.output.empty() || o.output == "-")
      throw error(errc::usage,
                  "--format xlsx writes a binary file: give it with -o FILE.xlsx, not standard "
                  "output");
    writers.workbook(o.output);
    return;
  }
  const auto write = [&](std::ostream& out) {
    if (format == "json")
      out << writers.json() << '\n';
    else if (format == "markdown")
      writers.markdown(out);
    else
      writers.table(out);
  };
  if (o.output.empty() || o.output == "-")
    write(std::cout);
  else
    save_file_atomically(o.output, write);
}

void write_output(const std::string& format, const output_writers& writers) {
  input_options o;
  o.format = format;
  write_output(o, writers);
}

}  // namespace planeval::cli
