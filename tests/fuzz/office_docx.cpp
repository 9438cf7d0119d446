// Fuzz target: the tables of a Word document (.docx) read into grids and imported. The input is
// a whole package, or its `word/document.xml`, packed with fixed relationships (office_fuzz.hpp).
#include "office_fuzz.hpp"

using namespace planeval;

namespace {

const fuzz::package_parts document = {
    {"_rels/.rels",
     R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string package =
      fuzz::package_of(fuzz::as_text(data, size), document, {"word/document.xml"});
  return fuzz::check_office(package, [](const std::string& bytes, const std::string& source,
                                        const grid_options& options) {
    return parse_docx_grids(bytes, source, options);
  });
}
