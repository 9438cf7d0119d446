#pragma once
// Private: the bounded Boost.Serialization input archives planeval reads plans with.
//
// Same formats as Boost's text, XML and binary archives, written for damaged input: strings are
// bounded by archive_max_string_bytes and by the bytes left in the archive, booleans are checked
// bytes, XML end tags are compared safely and the closing tag is read where a failure can be
// reported. Every failure is a format_error (`archive_corrupt`, `archive_limit`).

#include <algorithm>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>

#include "planeval/io/plan_file.hpp"

namespace planeval::detail {

/// The oldest Boost archive library version planeval reads: the one Boost 1.74 writes. Older
/// versions use layouts (booleans for tracking flags, other integer widths) planeval never wrote.
inline constexpr unsigned oldest_library_version = 18;

/// Throws format_error (`archive_corrupt`) with `what`.
[[noreturn]] void corrupt(const std::string& what);

/// Throws format_error (`archive_limit`) with `what`.
[[noreturn]] void too_big(const std::string& what);

/// The number of a Boost library version.
unsigned version_number(const boost::archive::library_version_type& v);

/// Checks a string length announced in an archive against the bytes left and the limit.
void check_string_size(std::uint64_t size, std::uint64_t remaining);

/// Checks what Boost reads before anything else and would otherwise assert on in a debug build
/// (it turns the library version of a damaged header into a 16-bit type unchecked).
void check_header(std::string_view content, plan_format format);

// A read-only stream buffer over the archive's bytes; it knows how far reading got.
class memory_buf : public std::streambuf {
 public:
  explicit memory_buf(std::string_view data) {
    // the get area is never written to (no putback of other characters)
    char* p = const_cast<char*>(data.data());
    setg(p, p, p + data.size());
  }
  std::size_t offset() const noexcept { return static_cast<std::size_t>(gptr() - eback()); }

 protected:
  // one copy per read (binary archives read every primitive through here)
  std::streamsize xsgetn(char* out, std::streamsize n) override {
    const std::streamsize k = std::min<std::streamsize>(n, egptr() - gptr());
    if (k > 0) {
      std::memcpy(out, gptr(), static_cast<std::size_t>(k));
      setg(eback(), gptr() + k, egptr());  // (gbump takes an int)
    }
    return k;
  }
};

// Text input archive with bounded strings. Same format as boost::archive::text_iarchive.
class bounded_text_iarchive : public boost::archive::text_iarchive_impl<bounded_text_iarchive> {
  using base = boost::archive::text_iarchive_impl<bounded_text_iarchive>;
  friend class boost::archive::detail::interface_iarchive<bounded_text_iarchive>;
  friend class boost::archive::basic_text_iarchive<bounded_text_iarchive>;
  friend class boost::archive::load_access;

 public:
  explicit bounded_text_iarchive(std::istream& in) : base(in, 0) { init(); }

 protected:
  using base::load;
  void load(std::string& s) {
    std::size_t size = 0;
    *this->This() >> size;
    is.get();  // the space between the length and the characters
    check_string_size(
        size, static_cast<std::uint64_t>(std::max<std::streamsize>(is.rdbuf()->in_avail(), 0)));
    s.resize(size);
    if (size > 0) is.read(&s[0], static_cast<std::streamsize>(size));
    if (is.fail()) corrupt("the archive ends inside a string");
  }
};

// Binary input archive with bounded strings and checked booleans. Same format as
// boost::archive::binary_iarchive.
class bounded_binary_iarchive
    : public boost::archive::binary_iarchive_impl<bounded_binary_iarchive, char,
                                                  std::char_traits<char>> {
  using base =
      boost::archive::binary_iarchive_impl<bounded_binary_iarchive, char, std::char_traits<char>>;
  friend class boost::archive::detail::interface_iarchive<bounded_binary_iarchive>;
  friend class boost::archive::basic_binary_iarchive<bounded_binary_iarchive>;
  friend class boost::archive::basic_binary_iprimitive<bounded_binary_iarchive, char,
                                                       std::char_traits<char>>;
  friend class boost::archive::load_access;

 public:
  explicit bounded_binary_iarchive(std::streambuf& sb) : base(sb, 0) { init(0); }

 protected:
  using base::load;
  void load(std::string& s) {
    std::size_t size = 0;
    this->load_binary(&size, sizeof size);
    check_string_size(
        size, static_cast<std::uint64_t>(std::max<std::streamsize>(this->m_sb.in_avail(), 0)));
    s.resize(size);
    if (size > 0) this->load_binary(&s[0], size);
  }
  void load(bool& b) {
    unsigned char c = 0;
    this->load_binary(&c, 1);
    if (c > 1) corrupt("a boolean byte is " + std::to_string(c));
    b = c == 1;
  }
};

// XML input archive that compares end tags safely and reads the closing tag where a failure can
// be reported. Same format as boost::archive::xml_iarchive. (Boost 1.74's load_end reads past the
// expected name when a damaged end tag is longer; and xml_iarchive reads its closing tag in its
// destructor, which cannot report a failure.)
class checked_xml_iarchive : public boost::archive::xml_iarchive_impl<checked_xml_iarchive> {
  using base = boost::archive::xml_iarchive_impl<checked_xml_iarchive>;
  friend class boost::archive::detail::interface_iarchive<checked_xml_iarchive>;
  friend class boost::archive::basic_xml_iarchive<checked_xml_iarchive>;
  friend class boost::archive::load_access;

 public:
  // no_header: the header is read here and the closing tag by finish(), not by the destructor
  explicit checked_xml_iarchive(std::istream& in) : base(in, boost::archive::no_header) { init(); }

  /// Reads the closing tag. Throws format_error (`archive_corrupt`) when it is missing.
  void finish();

 protected:
  void load_start(const char* name);
  void load_end(const char* name);

 private:
  unsigned depth_ = 0;
};

}  // namespace planeval::detail
