#pragma once
// Shared by the tests of published tables: a UTF-8 text in GB18030, as Excel saves CSV in
// Chinese locales (glibc's iconv).
#include <iconv.h>

#include <stdexcept>
#include <string>

namespace planeval::test {

inline std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no GB18030 in iconv");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t o_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) throw std::runtime_error("not convertible to GB18030");
  out.resize(out.size() - o_left);
  return out;
}

}  // namespace planeval::test
