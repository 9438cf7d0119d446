#pragma once
// The input block every command that reads a plan shares: --plan or --indicators, --tasks,
// --actuals and --references (repeatable), --period, --as-of, --lang, --format.
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/inputs.hpp"

namespace planeval::cli {

/// The options as given.
struct input_options {
  std::string plan_file;
  std::string indicators;
  std::string tasks;
  std::vector<std::string> actuals;
  std::vector<std::string> references;
  std::string period;
  std::string as_of;
  std::string lang = "zh";
  std::string format;
  // a published table instead of --plan (docs/importing.md)
  std::string table;
  int table_index = -1;
  std::string encoding = "auto";
  std::string overrides;
  bool strict = false;
  std::string title;
  std::string issuer;
  std::string sheet;         // --sheet: the sheet of a workbook given as --table
  std::string table_period;  // --table-period: the plan's period when the table names no year
  std::string output;  // -o: the file written (required by --format xlsx); empty: standard output
};

/// What one command says about the block: the meaning of --period and --as-of, its formats.
struct input_help {
  std::string period;  ///< help of --period; empty: the command has no --period
  std::string
      period_alias;   ///< another name of --period kept for compatibility, e.g. `--target-period`
  std::string as_of;  ///< help of --as-of; empty: the command has no --as-of
  std::string tasks;  ///< help of --tasks; empty: the command has no --tasks
  std::vector<std::string> formats{"table", "json", "markdown"};
  std::string format;  ///< the default format ("" for none)
  std::string format_help = "Output format";
  /// the command can write a results workbook: `xlsx` joins the formats and `-o,--output` is
  /// added (every format can be written to a file)
  bool workbook = false;
};

/// Adds the block to a command.
void add_input_options(CLI::App& cmd, input_options& o, const input_help& help);

/// The plan and the values read from the block's options.
struct inputs {
  planeval::plan plan;  ///< --plan (any format) or --indicators, tasks from --tasks
  input_set values;     ///< --actuals and --references, merged, ids checked
  std::optional<planeval::period> period;  ///< --period
  std::optional<date> as_of;               ///< --as-of
  language lang = language::zh;            ///< --lang
  /// --table: the import report (inferences, notes, target cells); its plan, actuals and review
  /// moved to `plan` and `values`
  import_result imported;
};

/// Reads the plan and the values; CLI::RequiredError when neither --plan, --indicators nor
/// --table is given.
inputs read_inputs(const input_options& o);

/// The import options of the block's --table options.
import_options import_options_of(const input_options& o);

/// Adds the options of importing a table (--table-index, --encoding, --overrides, --strict) to
/// a command; `import` has them without --table.
void add_table_options(CLI::App& cmd, input_options& o);

/// Prints each cell kept for review (`in.values.review`: a --table cell, a --indicators,
/// --actuals or --references cell that did not parse) on standard error; the exit code: 1 when
/// there are any (or the plan has no indicators, or no values were given), else 0.
int report_review(const inputs& in);

/// Prints the cells kept for review on standard error; 1 when there are any, else 0.
int report_review(const std::vector<review_item>& review, const plan& p);

/// The as-of date given, else the library's default (`default_as_of`, from today).
date as_of_or_default(const inputs& in);

/// How a command writes its result in each format of the block.
struct output_writers {
  std::function<std::string()> json;                 ///< `--format json` (one document)
  std::function<void(std::ostream&)> markdown;       ///< `--format markdown`
  std::function<void(std::ostream&)> table;          ///< `--format table` (the default)
  std::function<void(const std::string&)> workbook;  ///< `--format xlsx`: saves to a path
};

/// Writes the result in the block's format (json, markdown, xlsx, else table) to the block's
/// `-o` file (atomically) or standard output; `xlsx` needs `-o` (a usage error without it).
void write_output(const input_options& o, const output_writers& writers);

/// Writes the result to standard output in `format` (json, markdown, else table).
void write_output(const std::string& format, const output_writers& writers);

}  // namespace planeval::cli
