// A small HTML/SVG writer: escaping and well-nested elements.
#include "report/html_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "detail/utf8.hpp"

namespace planeval::detail {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == ':' || c == '_';
    if (!ok) return false;
  }
  return true;
}

void check_name(std::string_view name) {
  if (!valid_name(name))
    throw std::logic_error("markup: invalid tag or attribute name '" + std::string(name) + "'");
}

// Elements that start on a line of their own, so the document stays readable and diffable.
bool starts_line(std::string_view tag) {
  static constexpr std::array<std::string_view, 29> block{
      "html",    "head",    "body", "meta",    "style",      "header", "footer", "main",
      "section", "article", "div",  "figure",  "figcaption", "table",  "thead",  "tbody",
      "tr",      "p",       "h1",   "h2",      "h3",         "ul",     "ol",     "li",
      "svg",     "g",       "defs", "pattern", "dl"};
  for (const auto b : block)
    if (b == tag) return true;
  return false;
}

// HTML elements that are not void: written `<span/>` they would stay open, so `leaf` refuses
// them (SVG elements may self-close).
bool needs_end_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 33> html{
      "a",      "b",      "body", "dd", "div",     "dl",    "dt",     "em",     "figcaption",
      "figure", "footer", "h1",   "h2", "h3",      "head",  "header", "html",   "i",
      "li",     "main",   "ol",   "p",  "section", "small", "span",   "strong", "style",
      "table",  "tbody",  "td",   "th", "tr",      "ul"};
  for (const auto h : html)
    if (h == tag) return true;
  return false;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {  // an invalid byte: replace it and go on with the next one
      out += replacement;
      ++i;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n':
      case '\r': out += static_cast<char>(cp); break;
      default:
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)
          out += replacement;
        else
          out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string svg_number(double v) {
  if (!std::isfinite(v)) return "0";
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0.0) r = 0.0;  // no "-0"
  std::array<char, 64> buf{};
  const auto res =
      std::to_chars(buf.data(), buf.data() + buf.size(), r, std::chars_format::fixed, 2);
  std::string s(buf.data(), res.ptr);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

void markup::start_tag(std::string_view tag, html_attributes attrs,
                       const std::vector<html_attribute>* extra, bool self_closing) {
  check_name(tag);
  if (starts_line(tag) && !out_.empty() && out_.back() != '\n') out_ += '\n';
  out_ += '<';
  out_ += tag;
  auto put = [&](const html_attribute& a) {
    check_name(a.first);
    out_ += ' ';
    out_ += a.first;
    out_ += "=\"";
    out_ += escape_html(a.second);
    out_ += '"';
  };
  for (const auto& a : attrs) put(a);
  if (extra)
    for (const auto& a : *extra) put(a);
  out_ += self_closing ? "/>" : ">";
}

markup& markup::open(std::string_view tag, html_attributes attrs) {
  start_tag(tag, attrs, nullptr, false);
  open_.emplace_back(tag);
  return *this;
}

markup& markup::open(std::string_view tag, html_attributes attrs,
                     const std::vector<html_attribute>& extra) {
  start_tag(tag, attrs, &extra, false);
  open_.emplace_back(tag);
  return *this;
}

markup& markup::close() {
  if (open_.empty()) throw std::logic_error("markup: close() without an open element");
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  if (starts_line(open_.back())) out_ += '\n';
  open_.pop_back();
  return *this;
}

markup& markup::leaf(std::string_view tag, html_attributes attrs) {
  if (needs_end_tag(tag))
    throw std::logic_error("markup: <" + std::string(tag) + "> needs an end tag");
  start_tag(tag, attrs, nullptr, true);
  return *this;
}

markup& markup::leaf(std::string_view tag, html_attributes attrs,
                     const std::vector<html_attribute>& extra) {
  if (needs_end_tag(tag))
    throw std::logic_error("markup: <" + std::string(tag) + "> needs an end tag");
  start_tag(tag, attrs, &extra, true);
  return *this;
}

markup& markup::element(std::string_view tag, html_attributes attrs, std::string_view t) {
  open(tag, attrs);
  text(t);
  return close();
}

markup& markup::text(std::string_view t) {
  out_ += escape_html(t);
  return *this;
}

markup& markup::raw(std::string_view trusted) {
  out_ += trusted;
  return *this;
}

const std::string& markup::finish() const {
  if (!open_.empty())
    throw std::logic_error("markup: element <" + open_.back() + "> is still open");
  return out_;
}

}  // namespace planeval::detail
