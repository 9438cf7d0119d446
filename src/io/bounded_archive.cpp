// The bounded Boost.Serialization input archives (io/bounded_archive.hpp).
#include "io/bounded_archive.hpp"

// Template definitions for the bounded input archives, instantiated here (as Boost does for
// its own).
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/basic_xml_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/impl/xml_iarchive_impl.ipp>

#include "planeval/core/error.hpp"

namespace planeval::detail {

void corrupt(const std::string& what) { throw format_error(errc::archive_corrupt, what); }

void too_big(const std::string& what) { throw format_error(errc::archive_limit, what); }

unsigned version_number(const boost::archive::library_version_type& v) {
  return static_cast<unsigned>(v);
}

void check_string_size(std::uint64_t size, std::uint64_t remaining) {
  if (size > remaining)
    corrupt("the archive ends inside a string (" + std::to_string(size) + " bytes announced, " +
            std::to_string(remaining) + " left)");
  if (size > archive_max_string_bytes)
    too_big("a string of " + std::to_string(size) + " bytes (the limit is " +
            std::to_string(archive_max_string_bytes) + ")");
}

void checked_xml_iarchive::finish() {
  if (!gimpl->windup(get_is())) corrupt("the XML archive does not end with its closing tag");
}

void checked_xml_iarchive::load_start(const char* name) {
  if (name == nullptr) return;
  if (!gimpl->parse_start_tag(get_is())) corrupt("an XML start tag is damaged or missing");
  ++depth_;
}

void checked_xml_iarchive::load_end(const char* name) {
  if (name == nullptr) return;
  if (!gimpl->parse_end_tag(get_is())) corrupt("an XML end tag is damaged or missing");
  if (--depth_ == 0) return;  // the outermost elements are not checked (as in Boost)
  if (gimpl->rv.object_name != name)
    corrupt("the XML end tag </" + gimpl->rv.object_name + "> does not close <" + name + ">");
}

void check_header(std::string_view content, plan_format format) {
  if (format == plan_format::binary) {
    // size_t length, the signature, then the library version byte
    constexpr std::size_t version_at = sizeof(std::size_t) + 22;
    if (content.size() <= version_at) corrupt("too short for a binary archive header");
  } else if (format == plan_format::xml) {
    const auto tag = content.substr(0, 512).find("<boost_serialization");
    const auto close = tag == std::string_view::npos ? tag : content.find('>', tag);
    const auto key = close == std::string_view::npos ? close : content.find("version=\"", tag);
    if (key == std::string_view::npos || key > close)
      corrupt("not a Boost XML archive (no <boost_serialization version=\"…\"> header)");
    const auto digits = content.substr(key + 9, close - key - 9);
    const auto end = digits.find('"');
    if (end == 0 || end > 5 ||
        digits.substr(0, end).find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoul(std::string(digits.substr(0, end))) > 65535)
      corrupt("the XML archive header has no valid library version");
  }
}

}  // namespace planeval::detail

// The bounded archives' template members, instantiated here (as Boost does for its own).
template class boost::archive::detail::archive_serializer_map<
    planeval::detail::bounded_text_iarchive>;
template class boost::archive::basic_text_iarchive<planeval::detail::bounded_text_iarchive>;
template class boost::archive::text_iarchive_impl<planeval::detail::bounded_text_iarchive>;
template class boost::archive::detail::archive_serializer_map<
    planeval::detail::bounded_binary_iarchive>;
template class boost::archive::basic_binary_iarchive<planeval::detail::bounded_binary_iarchive>;
template class boost::archive::basic_binary_iprimitive<planeval::detail::bounded_binary_iarchive,
                                                       char, std::char_traits<char>>;
template class boost::archive::detail::archive_serializer_map<
    planeval::detail::checked_xml_iarchive>;
template class boost::archive::basic_xml_iarchive<planeval::detail::checked_xml_iarchive>;
template class boost::archive::xml_iarchive_impl<planeval::detail::checked_xml_iarchive>;
