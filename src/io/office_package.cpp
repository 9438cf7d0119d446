// A bounded OOXML package (libzip) and a bounded pull reader of its XML parts (libxml2).
#include "io/office_package.hpp"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <cstring>

namespace planeval {
namespace {

[[noreturn]] void fail_part(errc code, const std::string& source, const std::string& part,
                            const std::string& message, std::size_t line = 0,
                            std::size_t column = 0) {
  location where;
  where.file = source;
  where.pointer = part;  // the part of the package (`xl/worksheets/sheet1.xml`)
  where.line = line;
  where.column = column;
  raise(code, message, std::move(where));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// `base` is a part name (`xl/workbook.xml`), `target` a relationship target relative to its
// folder (`worksheets/sheet1.xml`, `../media/a.png`) or absolute (`/xl/styles.xml`).
std::string resolve(const std::string& base, const std::string& target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const auto slash = base.rfind('/');
    path = (slash == std::string::npos ? std::string() : base.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string rels_of(const std::string& part) {
  if (part.empty()) return "_rels/.rels";
  const auto slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + file + ".rels";
}

}  // namespace

struct office_package::impl {
  zip_t* archive = nullptr;
  ~impl() {
    if (archive) zip_discard(archive);
  }
};

office_package::office_package(std::string_view bytes, std::string source, const limits& lim)
    : impl_(std::make_unique<impl>()), source_(std::move(source)), limits_(lim) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    fail_part(errc::office_package, source_, "", "cannot read the file as a zip package");
  }
  impl_->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!impl_->archive) {
    const std::string why = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    fail_part(errc::office_package, source_, "",
              "not a readable Office file (zip: " + why +
                  "); the file may be truncated: save it again from Excel, WPS or Word");
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(impl_->archive, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.max_items)
    fail_part(errc::limit_items, source_, "",
              "the package has " + std::to_string(entries) + " entries, more than the limit of " +
                  std::to_string(limits_.max_items));
}

office_package::~office_package() = default;

bool office_package::has(const std::string& part) const {
  return zip_name_locate(impl_->archive, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::string office_package::read(const std::string& part) const {
  const zip_int64_t index = zip_name_locate(impl_->archive, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0)
    fail_part(errc::office_package, source_, part, "the package has no part '" + part + "'");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
      (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    fail_part(errc::office_encrypted, source_, part,
              "the file is encrypted (password-protected): save an unprotected copy");
  zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    const zip_error_t* e = zip_get_error(impl_->archive);
    if (zip_error_code_zip(e) == ZIP_ER_NOPASSWD || zip_error_code_zip(e) == ZIP_ER_WRONGPASSWD)
      fail_part(errc::office_encrypted, source_, part,
                "the file is encrypted (password-protected): save an unprotected copy");
    fail_part(
        errc::office_package, source_, part,
        std::string("cannot read the part: ") + zip_error_strerror(zip_get_error(impl_->archive)));
  }
  std::string out;
  char buffer[65536];
  const std::uint64_t part_limit = limits_.max_input_bytes;
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      const std::string why = zip_file_strerror(file);
      zip_fclose(file);
      fail_part(errc::office_package, source_, part,
                "the part is corrupt (" + why + "); the file may be truncated");
    }
    if (n == 0) break;
    read_bytes_ += static_cast<std::uint64_t>(n);
    if (out.size() + static_cast<std::size_t>(n) > part_limit || read_bytes_ > part_limit * 4) {
      zip_fclose(file);
      fail_part(errc::limit_input_size, source_, part,
                "the part inflates to more than " + std::to_string(part_limit) +
                    " bytes (limits::max_input_bytes): a damaged or hostile file");
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  return out;
}

std::vector<office_package::relationship> office_package::relationships(
    const std::string& part) const {
  std::vector<relationship> out;
  const std::string rels = rels_of(part);
  if (!has(rels)) return out;
  const std::string xml = read(rels);
  xml_reader r(xml, source_, rels, limits_);
  for (auto n = r.next(); n != xml_reader::node::done; n = r.next())
    if (n == xml_reader::node::start && r.name() == "Relationship") {
      if (r.attribute("TargetMode") == "External") continue;
      std::string type = r.attribute("Type");
      if (const auto slash = type.rfind('/'); slash != std::string::npos) type.erase(0, slash + 1);
      out.push_back({r.attribute("Id"), type, resolve(part, r.attribute("Target"))});
    }
  return out;
}

std::string office_package::related(const std::string& part, std::string_view type) const {
  for (const auto& rel : relationships(part))
    if (lower(rel.type) == lower(std::string(type))) return rel.target;
  return {};
}

// ---------------------------------------------------------------------------------------------

struct xml_reader::impl {
  xmlTextReaderPtr reader = nullptr;
  std::string error;
  int error_line = 0, error_column = 0;
  ~impl() {
    if (reader) xmlFreeTextReader(reader);
  }
  static void on_error(void* self, xmlErrorPtr e) {
    auto* me = static_cast<impl*>(self);
    if (!me->error.empty() || !e) return;
    me->error = e->message ? e->message : "malformed XML";
    while (!me->error.empty() && (me->error.back() == '\n' || me->error.back() == ' '))
      me->error.pop_back();
    me->error_line = e->line;
    me->error_column = e->int2;
  }
};

xml_reader::xml_reader(std::string_view xml, const std::string& source, const std::string& part,
                       const limits& lim)
    : impl_(std::make_unique<impl>()), source_(source), part_(part), limits_(lim) {
  // OOXML parts have no DTD; a DOCTYPE is how entity-expansion bombs come in
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos)
    fail_part(errc::office_xml, source_, part_,
              "the part declares a DOCTYPE, which Office files never do (refused: entity "
              "expansion)");
  if (xml.size() > static_cast<std::size_t>(INT32_MAX))
    fail_part(errc::limit_input_size, source_, part_, "the part is too large");
  impl_->reader = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                     XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (!impl_->reader) fail_part(errc::office_xml, source_, part_, "cannot parse the part as XML");
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, &impl::on_error, impl_.get());
}

xml_reader::~xml_reader() = default;

void xml_reader::fail(const std::string& message) const {
  const int line = impl_->reader ? xmlTextReaderGetParserLineNumber(impl_->reader) : 0;
  const int column = impl_->reader ? xmlTextReaderGetParserColumnNumber(impl_->reader) : 0;
  fail_part(errc::office_xml, source_, part_, message, static_cast<std::size_t>(std::max(line, 0)),
            static_cast<std::size_t>(std::max(column, 0)));
}

xml_reader::node xml_reader::next() {
  if (pending_end_) {
    pending_end_ = false;
    attributes_.clear();
    return node::end;
  }
  for (;;) {
    const int rc = xmlTextReaderRead(impl_->reader);
    if (rc == 0) return node::done;
    if (rc < 0 || !impl_->error.empty())
      fail_part(
          errc::office_xml, source_, part_,
          "malformed XML: " + (impl_->error.empty() ? std::string("unreadable") : impl_->error),
          static_cast<std::size_t>(std::max(impl_->error_line, 0)),
          static_cast<std::size_t>(std::max(impl_->error_column, 0)));
    const int type = xmlTextReaderNodeType(impl_->reader);
    const int depth = xmlTextReaderDepth(impl_->reader);
    if (depth >= 0 && static_cast<std::size_t>(depth) > limits_.max_depth)
      fail_part(errc::limit_depth, source_, part_,
                "XML elements nest deeper than " + std::to_string(limits_.max_depth) +
                    " (limits::max_depth)",
                static_cast<std::size_t>(xmlTextReaderGetParserLineNumber(impl_->reader)));
    depth_ = static_cast<std::size_t>(std::max(depth, 0));
    switch (type) {
      case XML_READER_TYPE_ELEMENT: {
        const xmlChar* local = xmlTextReaderConstLocalName(impl_->reader);
        name_ = local ? reinterpret_cast<const char*>(local) : "";
        attributes_.clear();
        const bool empty = xmlTextReaderIsEmptyElement(impl_->reader) == 1;
        while (xmlTextReaderMoveToNextAttribute(impl_->reader) == 1) {
          const xmlChar* an = xmlTextReaderConstLocalName(impl_->reader);
          const xmlChar* av = xmlTextReaderConstValue(impl_->reader);
          attributes_.emplace_back(an ? reinterpret_cast<const char*>(an) : "",
                                   av ? reinterpret_cast<const char*>(av) : "");
          if (attributes_.size() > limits_.max_items) fail("too many attributes");
        }
        xmlTextReaderMoveToElement(impl_->reader);
        pending_end_ = empty;
        return node::start;
      }
      case XML_READER_TYPE_END_ELEMENT: {
        const xmlChar* local = xmlTextReaderConstLocalName(impl_->reader);
        name_ = local ? reinterpret_cast<const char*>(local) : "";
        attributes_.clear();
        return node::end;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
        const xmlChar* v = xmlTextReaderConstValue(impl_->reader);
        text_ = v ? reinterpret_cast<const char*>(v) : "";
        if (text_.size() > limits_.max_text_bytes)
          fail_part(errc::limit_text_length, source_, part_,
                    "a text of " + std::to_string(text_.size()) + " bytes, more than " +
                        std::to_string(limits_.max_text_bytes) + " (limits::max_text_bytes)",
                    static_cast<std::size_t>(xmlTextReaderGetParserLineNumber(impl_->reader)));
        return node::text;
      }
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
        fail("the part declares a DOCTYPE or entity, which Office files never do");
      default: break;  // comments, processing instructions
    }
  }
}

std::string xml_reader::attribute(std::string_view local_name) const {
  for (const auto& [n, v] : attributes_)
    if (n == local_name) return v;
  return {};
}

bool xml_reader::has_attribute(std::string_view local_name) const {
  return std::any_of(attributes_.begin(), attributes_.end(),
                     [&](const auto& a) { return a.first == local_name; });
}

void xml_reader::skip() {
  if (pending_end_) {
    pending_end_ = false;
    return;
  }
  const std::size_t d = depth_;
  for (auto n = next(); n != node::done; n = next())
    if (n == node::end && depth_ == d) return;
}

std::string office_package::main_part(std::string_view folder, const std::string& fallback,
                                      std::string_view kind) const {
  std::string main = related("", "officeDocument");
  if (main.empty() && has(fallback)) main = fallback;
  if (!main.empty() && has(main) && main.rfind(folder, 0) == 0) return main;
  const bool word = main.rfind("word/", 0) == 0 || (main.empty() && has("word/document.xml"));
  const bool excel = main.rfind("xl/", 0) == 0 || (main.empty() && has("xl/workbook.xml"));
  std::string what = "not " + std::string(kind) + ": the package has no part " + fallback;
  if (word && folder != "word/") what = "a Word document (.docx), not " + std::string(kind);
  if (excel && folder != "xl/") what = "an Excel workbook (.xlsx), not " + std::string(kind);
  location where;
  where.file = source_;
  raise(errc::office_package, what, std::move(where));
}

}  // namespace planeval
