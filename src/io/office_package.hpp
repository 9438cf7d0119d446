#pragma once
// Private readers of office files (io/grid.hpp's .xlsx and .docx): a bounded view of an OOXML
// package (a zip file, through libzip) and a bounded pull reader of its XML parts (libxml2's
// xmlTextReader, no network, no DTD).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"

namespace planeval {

/// The parts of an OOXML package, read within limits: at most `limits::max_items` entries, each
/// part and all parts together at most `limits::max_input_bytes` once uncompressed (counted while
/// inflating, not taken from the headers, so a zip bomb stops at the limit).
class office_package {
 public:
  /// Opens the package in `bytes` (kept by reference: they must outlive the package).
  /// @throws format_error (`office.package` for a file that is not a zip or is truncated,
  ///         `office.encrypted` for encrypted entries, `limit.items`).
  office_package(std::string_view bytes, std::string source, const limits& lim);
  ~office_package();
  office_package(const office_package&) = delete;
  office_package& operator=(const office_package&) = delete;

  /// Whether the package has the part (names without a leading `/`, any case).
  bool has(const std::string& part) const;
  /// The bytes of a part. @throws format_error (`office.package` when it is missing or
  /// corrupt, `office.encrypted`, `limit.input_size`).
  std::string read(const std::string& part) const;
  /// The file name used in locations.
  const std::string& source() const noexcept { return source_; }

  /// One relationship of a part: its id, the end of its type URI and its target part.
  struct relationship {
    std::string id, type, target;
  };
  /// The internal relationships of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; ""
  /// for the package's own), targets resolved to part names; empty when the part has none.
  std::vector<relationship> relationships(const std::string& part) const;
  /// The part a relationship of `type` (the end of its type URI, e.g. `officeDocument`) of the
  /// package or of `part` points to; empty when there is none.
  std::string related(const std::string& part, std::string_view type) const;

  /// The package's main part (its `officeDocument` relationship, else `fallback`) when it is
  /// under `folder` (`xl/`, `word/`); throws format_error (`office.package`) naming what the
  /// package is instead (`kind` is what was expected: "an Excel workbook (.xlsx)").
  std::string main_part(std::string_view folder, const std::string& fallback,
                        std::string_view kind) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
  std::string source_;
  limits limits_;
  mutable std::uint64_t read_bytes_ = 0;
};

/// A pull reader of one XML part: elements and text in document order, with local names
/// (namespace prefixes dropped). A DOCTYPE is refused (OOXML has none; it is how entity bombs
/// come), nesting is bounded by `limits::max_depth` and texts by `limits::max_text_bytes`.
class xml_reader {
 public:
  enum class node { start, end, text, done };

  /// @param xml the part's bytes (kept by reference)
  /// @param source file name, and `part` the part name, both used in error locations
  xml_reader(std::string_view xml, const std::string& source, const std::string& part,
             const limits& lim);
  ~xml_reader();
  xml_reader(const xml_reader&) = delete;
  xml_reader& operator=(const xml_reader&) = delete;

  /// Moves to the next start tag, end tag or text. An empty element gives start then end.
  /// @throws format_error (`office.xml` with the part, line and column; `limit.depth`).
  node next();
  /// The local name of the current element (start or end).
  const std::string& name() const noexcept { return name_; }
  /// The text of the current text node.
  const std::string& text() const noexcept { return text_; }
  /// The value of an attribute of the current start tag by its local name, empty if absent.
  std::string attribute(std::string_view local_name) const;
  /// Whether the current start tag has the attribute.
  bool has_attribute(std::string_view local_name) const;
  /// Depth of the current element (the root is 0).
  std::size_t depth() const noexcept { return depth_; }
  /// Skips the rest of the current element (after its start tag).
  void skip();
  /// Throws format_error (`office.xml`) at the current position.
  [[noreturn]] void fail(const std::string& message) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
  std::string source_, part_;
  limits limits_;
  std::string name_, text_;
  std::vector<std::pair<std::string, std::string>> attributes_;
  std::size_t depth_ = 0;
  bool pending_end_ = false;
};

}  // namespace planeval
