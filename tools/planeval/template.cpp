// planeval template: the data-entry workbook (填报表) of a period, read back with --actuals.
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "planeval/report/workbook.hpp"

namespace planeval::cli {

void add_template(CLI::App& app, context& ctx) {
  auto o = std::make_shared<input_options>();
  auto* cmd = app.add_subcommand(
      "template",
      "Write the data-entry workbook (.xlsx) of a period: one row per indicator with its target, "
      "the value, flags and note cells to fill in (the rest protected); read it back with "
      "--actuals FILE.xlsx");
  input_help help;
  help.period = "The period the values are for (e.g. 2022, 2022-Q3); required";
  help.formats = {"xlsx"};
  help.format = "xlsx";
  help.format_help = "xlsx (the only format)";
  add_input_options(*cmd, *o, help);
  cmd->get_option("--period")->required();
  cmd->add_option("-o,--output", o->output, "The workbook written (.xlsx), atomically")->required();
  cmd->callback([o, &ctx] {
    const inputs in = read_inputs(*o);
    save_entry_template(o->output, in.plan, *in.period, in.lang);
    ctx.exit_code = report_review(in.values.review, in.plan);
  });
}

}  // namespace planeval::cli
