#pragma once
// Private: a small HTML/SVG writer for the reports. Every text and attribute value goes through
// the escaping functions; tag and attribute names are fixed by the code and checked.
//
// Hand-written rather than a library: Debian 12 packages no C++ HTML generator that fits (the
// templating libraries, e.g. inja, would add a dependency for a few hundred lines of markup),
// and the output needs only elements, attributes and escaped text.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planeval::detail {

/// Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'` become
/// character references; invalid UTF-8, NUL and other control characters (except tab, line feed
/// and carriage return) and U+FFFE/U+FFFF become U+FFFD, so any input gives a well-formed
/// document, HTML or XML (the Word report's parts use it too).
std::string escape_html(std::string_view text);

/// A coordinate or length for SVG: rounded to two decimals, shortest text, never `-0`, never an
/// exponent; not-finite values give `0`.
std::string svg_number(double v);

/// One attribute: a name fixed by the code and a value that is escaped when written.
using html_attribute = std::pair<std::string_view, std::string>;
/// Attributes of an element, in order.
using html_attributes = std::initializer_list<html_attribute>;

/// Builds a document into a string. Elements are closed in order (`close` closes the innermost
/// one); `finish` checks that none is left open.
class markup {
 public:
  /// Opens an element: `<tag a="v">`.
  markup& open(std::string_view tag, html_attributes attrs = {});
  /// Same with attributes built at run time (`extra` follows `attrs`).
  markup& open(std::string_view tag, html_attributes attrs,
               const std::vector<html_attribute>& extra);
  /// Closes the innermost open element. Throws std::logic_error when none is open.
  markup& close();
  /// A childless element: `<tag a="v"/>` (SVG shapes, `meta`).
  markup& leaf(std::string_view tag, html_attributes attrs = {});
  /// Same with attributes built at run time.
  markup& leaf(std::string_view tag, html_attributes attrs,
               const std::vector<html_attribute>& extra);
  /// An element holding only text: `<tag a="v">text</tag>`.
  markup& element(std::string_view tag, html_attributes attrs, std::string_view text);
  /// Escaped text.
  markup& text(std::string_view t);
  /// Trusted markup written as is (the style sheet, the doctype).
  markup& raw(std::string_view trusted);
  /// Number of open elements.
  std::size_t depth() const noexcept { return open_.size(); }
  /// The document; throws std::logic_error when an element is still open.
  const std::string& finish() const;

 private:
  void start_tag(std::string_view tag, html_attributes attrs,
                 const std::vector<html_attribute>* extra, bool self_closing);
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace planeval::detail
