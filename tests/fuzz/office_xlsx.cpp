// Fuzz target: an Excel workbook (.xlsx) read into grids and imported. The input is a whole
// package, or its worksheet, shared strings and styles parts separated by NUL bytes, packed
// with a fixed workbook and relationships (office_fuzz.hpp).
#include "office_fuzz.hpp"

using namespace planeval;

namespace {

const fuzz::package_parts workbook = {
    {"_rels/.rels",
     R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
    {"xl/workbook.xml",
     R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels",
     R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string package =
      fuzz::package_of(fuzz::as_text(data, size), workbook,
                       {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"});
  return fuzz::check_office(package, [](const std::string& bytes, const std::string& source,
                                        const grid_options& options) {
    return parse_xlsx_grids(bytes, source, options);
  });
}
