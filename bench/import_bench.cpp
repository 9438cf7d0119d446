// Tables as published: reading a grid (CSV in UTF-8 and GB18030, HTML through libxml2, an Excel
// workbook through our .xlsx reader, a Word table) and importing it, beside the header-first
// plan table reader on the same indicators (the schema a user would otherwise rebuild the table
// in). Rows are the seed's 25 as published, repeated. The workbook is written by libxlsxwriter
// the way an office saves one: numbers as numbers, percent cells formatted `0.0%`.
#include <benchmark/benchmark.h>
#include <iconv.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "planeval/import/table.hpp"
#include "planeval/io/grid.hpp"
#include "planeval/io/tables.hpp"

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The published table with its 25 rows repeated `copies` times (names numbered apart).
std::string published_csv(int copies) {
  const std::string seed = read_all(PLANEVAL_EXAMPLE_DATA "/changning-2021/published.csv");
  std::istringstream in(seed);
  std::string title, header, line;
  std::getline(in, title);
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::string out = title + "\n" + header + "\n";
  int number = 0;
  for (int c = 0; c < copies; ++c)
    for (const auto& r : rows) {
      const auto comma = r.find(',');
      const auto second = r.find(',', comma + 1);
      out += std::to_string(++number) + "," + r.substr(comma + 1, second - comma - 1) +
             std::to_string(c) + r.substr(second) + "\n";
    }
  return out;
}

// The same indicators in planeval's own plan table schema.
std::string schema_csv(int copies) {
  const std::string table = read_all(PLANEVAL_EXAMPLE_DATA "/changning-2021/indicators.csv");
  std::istringstream in(table);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::string out = header + "\n";
  for (int c = 0; c < copies; ++c)
    for (const auto& r : rows) out += std::to_string(c) + r + "\n";
  return out;
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t src_left = utf8.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

std::string as_html(const planeval::grid& g) {
  std::string out = "<html><body><table>\n";
  for (const auto& row : g.rows) {
    out += "<tr>";
    for (const auto& c : row) out += "<td>" + c.text + "</td>";
    out += "</tr>\n";
  }
  return out + "</table></body></html>\n";
}

void grid_csv_utf8(benchmark::State& state) {
  const std::string csv = published_csv(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(planeval::parse_csv_grid(csv, "t.csv"));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
}

void grid_csv_gb18030(benchmark::State& state) {
  const std::string csv = to_gb18030(published_csv(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(planeval::parse_csv_grid(csv, "t.csv"));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
}

void grid_html(benchmark::State& state) {
  const std::string html =
      as_html(planeval::parse_csv_grid(published_csv(static_cast<int>(state.range(0))), "t.csv"));
  for (auto _ : state) benchmark::DoNotOptimize(planeval::parse_html_grids(html, "t.html"));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(html.size()));
}

// The grid as an .xlsx workbook: a cell that reads as a number is written as one (a `%` cell as
// its fraction with a percent format, as Excel stores it), the rest as shared strings.
std::string as_xlsx(const planeval::grid& g) {
  char path[] = "/tmp/planeval-bench-XXXXXX.xlsx";
  const int fd = mkstemps(path, 5);
  if (fd < 0) return {};
  close(fd);
  lxw_workbook* book = workbook_new(path);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "指标");
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.0%");
  for (std::size_t r = 0; r < g.rows.size(); ++r)
    for (std::size_t c = 0; c < g.rows[r].size(); ++c) {
      const std::string& text = g.rows[r][c].text;
      if (text.empty()) continue;
      char* end = nullptr;
      const double v = std::strtod(text.c_str(), &end);
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (end != text.c_str() && std::strcmp(end, "%") == 0)
        worksheet_write_number(sheet, row, col, v / 100, percent);
      else if (end != text.c_str() && *end == '\0')
        worksheet_write_number(sheet, row, col, v, nullptr);
      else
        worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
    }
  workbook_close(book);
  std::string bytes = read_all(path);
  std::remove(path);
  return bytes;
}

void grid_xlsx(benchmark::State& state) {
  const std::string xlsx =
      as_xlsx(planeval::parse_csv_grid(published_csv(static_cast<int>(state.range(0))), "t.csv"));
  if (xlsx.empty()) state.SkipWithError("libxlsxwriter could not write the workbook");
  for (auto _ : state) benchmark::DoNotOptimize(planeval::parse_xlsx_grids(xlsx, "t.xlsx"));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xlsx.size()));
}

// A real Word document: the 十四五 table (tests/data/office), 20 rows.
void grid_docx(benchmark::State& state) {
  const std::string docx = read_all(PLANEVAL_TEST_DATA "/office/04-china-2021-fyp.docx");
  if (docx.empty()) state.SkipWithError("tests/data/office/04-china-2021-fyp.docx is missing");
  for (auto _ : state) benchmark::DoNotOptimize(planeval::parse_docx_grids(docx, "t.docx"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(docx.size()));
}

void import_published(benchmark::State& state) {
  const planeval::grid g =
      planeval::parse_csv_grid(published_csv(static_cast<int>(state.range(0))), "t.csv");
  for (auto _ : state) benchmark::DoNotOptimize(planeval::import_grid(g));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
}

// The peer: the same indicators read from planeval's own schema (read_plan_table).
void schema_plan_table(benchmark::State& state) {
  const std::string csv = schema_csv(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::istringstream in(csv);
    benchmark::DoNotOptimize(planeval::read_plan_table(in, "indicators.csv"));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 25);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
}

}  // namespace

BENCHMARK(grid_csv_utf8)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
BENCHMARK(grid_csv_gb18030)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
BENCHMARK(grid_html)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
BENCHMARK(grid_xlsx)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
BENCHMARK(grid_docx)->Unit(benchmark::kMicrosecond);
BENCHMARK(import_published)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
BENCHMARK(schema_plan_table)->Arg(1)->Arg(400)->Unit(benchmark::kMicrosecond);
