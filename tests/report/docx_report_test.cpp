// The Word report: the package's parts, read back with libzip, and what document.xml says.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/report/report.hpp"
#include "support/report_example.hpp"

using namespace planeval;
using planeval::test::count;
using planeval::test::has;
using planeval::test::report_example;

namespace {

// Every entry of a zip held in memory, by name; fails the test when it is not a readable zip.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  if (!za) {
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&err);
    if (src) zip_source_free(src);
    zip_error_fini(&err);
    return parts;
  }
  for (zip_int64_t k = 0; k < zip_get_num_entries(za, 0); ++k) {
    zip_stat_t st;
    zip_stat_index(za, static_cast<zip_uint64_t>(k), 0, &st);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(k), 0);
    EXPECT_NE(f, nullptr) << st.name;
    if (!f) continue;
    EXPECT_EQ(zip_fread(f, content.data(), st.size), static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    parts[st.name] = content;
  }
  zip_discard(za);
  return parts;
}

// The text of every w:t of a part, joined.
std::string plain_text(const std::string& xml) {
  std::string out;
  const std::regex t("<w:t[^>]*>([^<]*)</w:t>");
  for (std::sregex_iterator it(xml.begin(), xml.end(), t), end; it != end; ++it)
    out += (*it)[1].str() + "\n";
  return out;
}

// The rows of document.xml's table, each as its XML.
std::vector<std::string> table_rows(const std::string& doc) {
  std::vector<std::string> rows;
  for (auto pos = doc.find("<w:tr>"); pos != std::string::npos; pos = doc.find("<w:tr>", pos + 1))
    rows.push_back(doc.substr(pos, doc.find("</w:tr>", pos) - pos));
  return rows;
}

}  // namespace

TEST(report_format, docx_name) {
  EXPECT_STREQ(to_string(report_format::docx), "docx");
  EXPECT_EQ(from_string<report_format>("docx"), report_format::docx);
  EXPECT_EQ(try_from_string<report_format>("doc"), std::nullopt);
}

TEST(docx_report, package_has_every_part) {
  const std::string bytes = report_to_string(report_example(language::zh), report_format::docx);
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  const auto parts = unzip(bytes);
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/numbering.xml", "docProps/core.xml"})
    EXPECT_EQ(parts.count(name), 1u) << name;
  const std::string& types = parts.at("[Content_Types].xml");
  EXPECT_TRUE(has(types,
                  "/word/document.xml\" ContentType=\"application/"
                  "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""));
  EXPECT_TRUE(has(parts.at("_rels/.rels"), "Target=\"word/document.xml\""));
  EXPECT_TRUE(has(parts.at("word/_rels/document.xml.rels"), "Target=\"styles.xml\""));
  const std::string& styles = parts.at("word/styles.xml");
  EXPECT_TRUE(has(styles, "w:eastAsia=\"宋体\""));
  EXPECT_TRUE(has(styles, "w:styleId=\"Heading1\""));
  EXPECT_TRUE(has(styles, "w:styleId=\"TableGrid\""));
  EXPECT_TRUE(has(styles, "<w:tblBorders>"));
  EXPECT_TRUE(has(parts.at("docProps/core.xml"), "<dc:language>zh-CN</dc:language>"));
}

TEST(docx_report, document_has_the_core_sections_of_the_markdown_report) {
  const report_input in = report_example(language::zh);
  const auto parts = unzip(report_to_string(in, report_format::docx));
  ASSERT_EQ(parts.count("word/document.xml"), 1u);
  const std::string& doc = parts.at("word/document.xml");
  const std::string text = plain_text(doc);
  const std::string md = report_to_string(in, report_format::markdown);

  // title, then the byline, as in the Markdown report
  EXPECT_TRUE(has(doc, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" +
                           in.plan.title_zh + "</w:t>"));
  const std::string byline =
      md.substr(md.find("\n\n") + 2, md.find("\n\n", md.find("\n\n") + 2) - md.find("\n\n") - 2);
  EXPECT_TRUE(has(text, byline + "\n")) << byline;
  for (const char* h : {"一、总体情况", "二、指标完成情况", "三、约束性指标"})
    EXPECT_TRUE(has(text, h)) << h;

  // the narrative: the Markdown report's paragraph
  const std::regex para("\n\n(2021年共涉及[^\n]*)\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(md, m, para));
  EXPECT_TRUE(has(text, m[1].str())) << m[1].str();

  // the table: header and one row per indicator, each status shaded in its chart colour
  const auto rows = table_rows(doc);
  ASSERT_EQ(rows.size(), 1u + in.plan.indicators.size());
  EXPECT_TRUE(has(rows[0], "<w:tblHeader/>"));
  std::string header;
  for (const auto& h : {"指标", "目标", "完成", "状态", "差距", "说明"})
    header += std::string(h) + "\n";
  EXPECT_EQ(plain_text(rows[0]), header);
  std::size_t shaded = 0;
  for (std::size_t k = 1; k < rows.size(); ++k) shaded += count(rows[k], "<w:shd ");
  EXPECT_EQ(shaded, in.plan.indicators.size());
  bool energy = false;
  for (const auto& row : rows)
    if (has(row, "单位生产总值能耗降低率(约束性)")) {
      energy = true;
      EXPECT_TRUE(has(row, "w:fill=\"D55E00\"/>"));
      EXPECT_TRUE(has(plain_text(row), "✖ 未完成(期中)\n-0.3个百分点\n")) << plain_text(row);
    }
  EXPECT_TRUE(energy);
  EXPECT_EQ(count(doc, "w:fill=\"D55E00\""), 5u);  // the five not met

  // the binding indicators not met, as in the Markdown list
  EXPECT_TRUE(has(md, "- 单位生产总值能耗降低率 (-0.3个百分点)\n"));
  EXPECT_TRUE(has(text, "以下约束性指标未完成目标:\n单位生产总值能耗降低率 (-0.3个百分点)\n"));
  EXPECT_EQ(count(doc, "<w:pStyle w:val=\"ListNumber\"/>"), 1u);
}

TEST(docx_report, english_and_deterministic) {
  const report_input in = report_example(language::en);
  const std::string a = report_to_string(in, report_format::docx);
  EXPECT_EQ(a, report_to_string(in, report_format::docx));
  const auto parts = unzip(a);
  const std::string text = plain_text(parts.at("word/document.xml"));
  EXPECT_TRUE(has(text, in.plan.title_en + "\n"));
  EXPECT_TRUE(has(text, "Indicator\nTarget\nActual\nStatus\nGap\nReason\n"));
  EXPECT_TRUE(has(text, "Reduction of energy use per unit of GDP (binding)\n"));
  EXPECT_TRUE(has(text, "1. Overview\n"));
  EXPECT_FALSE(has(text, "总体情况"));
  EXPECT_TRUE(has(parts.at("docProps/core.xml"), "<dc:language>en</dc:language>"));
}

TEST(docx_report, escapes_every_text_and_says_when_no_binding_indicator_missed) {
  report_input in;
  in.plan.id = "mini";
  in.plan.title_zh = "<计划> & \"引号\" 'x' \x01";
  in.plan.period = period::year(2021);
  indicator ind;
  ind.id = "revenue";
  ind.name_zh = "收入<b>增速</b>";
  ind.unit = unit::percent();
  ind.targets.push_back(target{period::year(2021), "5", parse_target("5")});
  in.plan.add(ind);
  const auto parts = unzip(report_to_string(in, report_format::docx));
  const std::string& doc = parts.at("word/document.xml");
  EXPECT_TRUE(has(doc, "&lt;计划&gt; &amp; &quot;引号&quot; &#39;x&#39; \xEF\xBF\xBD"));
  EXPECT_TRUE(has(doc, "收入&lt;b&gt;增速&lt;/b&gt;"));
  EXPECT_FALSE(has(doc, "<b>"));
  EXPECT_TRUE(has(parts.at("docProps/core.xml"), "<dc:title>&lt;计划&gt; &amp;"));
  EXPECT_TRUE(has(plain_text(doc), "本计划未设约束性指标。"));
  EXPECT_EQ(count(doc, "<w:pStyle w:val=\"ListNumber\"/>"), 0u);
  EXPECT_EQ(table_rows(doc).size(), 2u);
}

TEST(docx_report, saved_atomically_and_errors_leave_no_file) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("planeval-docx-report-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "r.docx").string();
  const report_input in = report_example(language::zh);
  save_report(path, in, report_format::docx);
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  EXPECT_EQ(s.str(), report_to_string(in, report_format::docx));
  EXPECT_EQ(unzip(s.str()).count("word/document.xml"), 1u);

  // a stream that fails: io_error, as for the other formats
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  try {
    write_report(bad, in, report_format::docx);
    ADD_FAILURE() << "no error";
  } catch (const io_error& e) {
    EXPECT_EQ(e.code(), errc::io_write);
  }
  EXPECT_THROW(save_report((dir / "missing" / "r.docx").string(), in, report_format::docx),
               io_error);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u) << "no temporary file is left behind";
  fs::remove_all(dir);
}
