// The Word report: the core sections of the HTML and Markdown reports (title, narrative,
// indicator table, binding indicators not met) as an Office Open XML package, built in memory
// with libzip. Every text comes from the report model and the shared parts (parts.hpp).
#include <zip.h>

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "report/charts.hpp"
#include "report/html_writer.hpp"
#include "report/parts.hpp"

namespace planeval::detail {
namespace {

constexpr std::string_view xml_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Escaped text: the reports' one escaper gives well-formed XML too.
std::string xml(std::string_view t) { return escape_html(t); }

// A run of text with optional run properties; line breaks become <w:br/>.
std::string run(std::string_view text, std::string_view rpr = {}) {
  std::string out = "<w:r>";
  if (!rpr.empty()) out += "<w:rPr>" + std::string(rpr) + "</w:rPr>";
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    out += "<w:t xml:space=\"preserve\">" + xml(text.substr(start, nl - start)) + "</w:t>";
    if (nl == std::string_view::npos) break;
    out += "<w:br/>";
    start = nl + 1;
  }
  return out + "</w:r>";
}

// A paragraph of one style.
std::string paragraph(std::string_view style, std::string_view text, std::string_view ppr = {}) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/>" + std::string(ppr) +
         "</w:pPr>" + run(text) + "</w:p>";
}

// Column widths (twentieths of a point) of the indicator table: A4 minus the margins.
constexpr std::array<int, 6> columns{1800, 1500, 1300, 1300, 1100, 2026};
constexpr std::array<bool, 6> centred{false, true, true, true, true, false};

std::string cell(std::size_t col, std::string_view text, std::string_view fill = {},
                 bool bold = false) {
  std::string out =
      "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(columns[col]) + "\" w:type=\"dxa\"/>";
  if (!fill.empty())
    out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + std::string(fill) + "\"/>";
  out += "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>";
  if (centred[col] || bold) out += "<w:jc w:val=\"center\"/>";
  out += "</w:pPr>" + run(text, bold ? "<w:b/><w:bCs/>" : "") + "</w:p></w:tc>";
  return out;
}

// A fill colour for w:shd: the status colour of the charts without its '#'.
std::string fill_of(status s) {
  std::string_view c = style_of(s).colour;
  if (!c.empty() && c.front() == '#') c.remove_prefix(1);
  return std::string(c);
}

// 一、 二、 三、 in Chinese, 1. 2. 3. in English.
std::string heading_number(int n, language l) {
  static constexpr std::array<const char*, 3> zh{"一、", "二、", "三、"};
  return l == language::zh ? std::string(zh[static_cast<std::size_t>(n - 1)])
                           : std::to_string(n) + ". ";
}

std::string indicator_table(const report_data& d) {
  const language l = d.lang;
  std::string t =
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" "
      "w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    t += std::string("<w:") + side +
         " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  t += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
       "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
       "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (const int w : columns) t += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  t += "</w:tblGrid>";

  // the header row repeats on every page
  t += "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
  const std::array<const char*, 6> heads{tr(l, "指标", "Indicator"), tr(l, "目标", "Target"),
                                         tr(l, "完成", "Actual"),    tr(l, "状态", "Status"),
                                         tr(l, "差距", "Gap"),       tr(l, "说明", "Reason")};
  for (std::size_t k = 0; k < heads.size(); ++k) t += cell(k, heads[k], "F2F2F2", true);
  t += "</w:tr>";

  for (const auto& row : d.rows) {
    const assessment& a = *row.a;
    std::string name = row.ind->name(l);
    if (row.ind->attribute == attribute::binding)
      name += std::string(tr(l, "(", " (")) + attribute_text(row.ind->attribute, l) + ")";
    t += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    t += cell(0, name);
    t += cell(1, target_text(row, l));
    t += cell(2, a.actual_text.empty() ? std::string("-") : a.actual_text);
    t += cell(3, status_text(a, l), fill_of(a.status));
    t += cell(4, gap_text(a, l));
    t += cell(5, a.reason(l));
    t += "</w:tr>";
  }
  return t + "</w:tbl>";
}

std::string document_xml(const report_data& d) {
  const language l = d.lang;
  std::string b;
  b += paragraph("Title", plan_title(*d.p, l));
  b += paragraph("Subtitle", report_byline(d));
  b += paragraph("Heading1", heading_number(1, l) + tr(l, "总体情况", "Overview"));
  b += paragraph("BodyText", d.narrative);
  b += paragraph("Heading1", heading_number(2, l) + tr(l, "指标完成情况", "Indicators"));
  b += indicator_table(d);
  b += paragraph("Heading1", heading_number(3, l) + tr(l, "约束性指标", "Binding indicators"));
  const std::vector<binding_miss> misses = binding_misses(d);
  if (misses.empty()) {
    b += paragraph("BodyText", binding_none_text(d));
  } else {
    b += paragraph("BodyText", binding_misses_intro(l));
    for (const auto& m : misses)
      b += paragraph("ListNumber", m.name + (m.gap.empty() ? std::string() : " (" + m.gap + ")"));
  }
  return std::string(xml_head) + "<w:document xmlns:w=\"" + std::string(w_ns) + "\"><w:body>" + b +
         "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" "
         "w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" "
         "w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

// Styles: SimSun (宋体) body and SimHei (黑体) headings for Chinese, Times New Roman for Latin
// text; the built-in names, so that a paste into an office's own document maps onto its styles.
std::string styles_xml(language l) {
  const std::string lang = l == language::zh ? "zh-CN" : "en-US";
  const std::string body_indent = l == language::zh ? "<w:ind w:firstLineChars=\"200\"/>" : "";
  return std::string(xml_head) + "<w:styles xmlns:w=\"" + std::string(w_ns) +
         "\">"
         "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"
         "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"" +
         lang +
         "\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"360\" "
         "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
         "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn "
         "w:val=\"Normal\"/><w:next w:val=\"Subtitle\"/><w:qFormat/><w:pPr><w:spacing "
         "w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:rFonts "
         "w:eastAsia=\"黑体\"/><w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs "
         "w:val=\"44\"/></w:rPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing "
         "w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"21\"/><w:szCs "
         "w:val=\"21\"/></w:rPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr>"
         "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc "
         "w:val=\"left\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts "
         "w:eastAsia=\"黑体\"/><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs "
         "w:val=\"32\"/></w:rPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" +
         body_indent +
         "</w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List "
         "Number\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId "
         "w:val=\"1\"/></w:numPr><w:ind w:left=\"840\" w:hanging=\"420\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
         "w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"21\"/>"
         "<w:szCs w:val=\"21\"/></w:rPr></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
         "w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd "
         "w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left "
         "w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
         "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
         "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
         "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" "
         "w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" "
         "w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
         "w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
         "w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
         "w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
         "w:color=\"auto\"/></w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
         "<w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right "
         "w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
         "</w:styles>";
}

// The numbered list of binding indicators not met: 1. 2. 3.
std::string numbering_xml() {
  return std::string(xml_head) + "<w:numbering xmlns:w=\"" + std::string(w_ns) +
         "\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
         "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText "
         "w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"840\" "
         "w:hanging=\"420\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
         "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
}

std::string content_types_xml() {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  return std::string(xml_head) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" +
         wml +
         "document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"" +
         wml +
         "styles+xml\"/>"
         "<Override PartName=\"/word/numbering.xml\" ContentType=\"" +
         wml +
         "numbering+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string package_rels_xml() {
  return std::string(xml_head) +
         "<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
         "core-properties\" Target=\"docProps/core.xml\"/>"
         "</Relationships>";
}

std::string document_rels_xml() {
  return std::string(xml_head) +
         "<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
         "Target=\"styles.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "numbering\" Target=\"numbering.xml\"/>"
         "</Relationships>";
}

// No creation time: the package depends only on the input.
std::string core_xml(const report_data& d) {
  const language l = d.lang;
  return std::string(xml_head) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
         "<dc:title>" +
         xml(plan_title(*d.p, l)) + "</dc:title><dc:subject>" +
         xml(tr(l, "计划执行情况评估报告", "Plan evaluation report")) +
         "</dc:subject><dc:creator>planeval</dc:creator><dc:language>" +
         (l == language::zh ? "zh-CN" : "en") + "</dc:language></cp:coreProperties>";
}

[[noreturn]] void fail(const std::string& what, zip_error_t* e = nullptr) {
  std::string msg = "building the Word report failed: " + what;
  if (e) {
    msg += std::string(": ") + zip_error_strerror(e);
    zip_error_fini(e);
  }
  throw io_error(errc::io_write, msg);
}

struct part {
  const char* name;
  std::string data;
};

// The parts zipped in memory (deflate), each entry dated `stamp` (DOS date, midnight).
std::string zip_parts(const std::vector<part>& parts, const date& stamp) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer) fail("no memory buffer", &err);
  zip_t* za = zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(buffer);  // not taken by a failed open
    fail("cannot open an archive in memory", &err);
  }
  zip_source_keep(buffer);  // read back after zip_close
  const auto discard = [&](const std::string& what) {
    std::string msg = what + ": " + zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    fail(msg);
  };
  const int year = std::clamp(static_cast<int>(stamp.year()), 1980, 2107);
  const auto dos_date =
      static_cast<zip_uint16_t>(((year - 1980) << 9) | (static_cast<int>(stamp.month()) << 5) |
                                static_cast<int>(stamp.day()));
  for (const auto& pt : parts) {
    zip_source_t* s = zip_source_buffer(za, pt.data.data(), pt.data.size(), 0);
    if (!s) discard(std::string("cannot add ") + pt.name);
    const zip_int64_t idx = zip_file_add(za, pt.name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      discard(std::string("cannot add ") + pt.name);
    }
    if (zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_dostime(za, static_cast<zip_uint64_t>(idx), 0, dos_date, 0) != 0)
      discard(std::string("cannot set up ") + pt.name);
  }
  if (zip_close(za) != 0) discard("cannot write the archive");

  std::string bytes;
  if (zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    fail("cannot read the archive back");
  }
  bool ok = zip_source_seek(buffer, 0, SEEK_END) == 0;
  const zip_int64_t size = ok ? zip_source_tell(buffer) : -1;
  ok = ok && size >= 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0;
  if (ok) {
    bytes.resize(static_cast<std::size_t>(size));
    ok = zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) == size;
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (!ok) fail("cannot read the archive back");
  return bytes;
}

}  // namespace

void write_report_docx(std::ostream& out, const report_data& d) {
  const std::vector<part> parts{
      {"[Content_Types].xml", content_types_xml()},
      {"_rels/.rels", package_rels_xml()},
      {"word/document.xml", document_xml(d)},
      {"word/_rels/document.xml.rels", document_rels_xml()},
      {"word/styles.xml", styles_xml(d.lang)},
      {"word/numbering.xml", numbering_xml()},
      {"docProps/core.xml", core_xml(d)},
  };
  const std::string bytes = zip_parts(parts, d.as_of);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace planeval::detail
