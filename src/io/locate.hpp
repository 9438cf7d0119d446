#pragma once
// Private: throwing a planeval error again with another location, keeping its class.

#include <string>
#include <utility>

#include "planeval/core/error.hpp"

namespace planeval::detail {

/// Throws an error of the same class as `e` (parse, model, format or io error) with its code,
/// `message` and `loc`. Call it only inside a catch handler: an error of none of these classes
/// is thrown again unchanged.
[[noreturn]] inline void rethrow_located(const error& e, std::string message, location loc) {
  if (dynamic_cast<const parse_error*>(&e))
    throw parse_error(e.code(), std::move(message), std::move(loc));
  if (dynamic_cast<const model_error*>(&e))
    throw model_error(e.code(), std::move(message), std::move(loc));
  if (dynamic_cast<const format_error*>(&e))
    throw format_error(e.code(), std::move(message), std::move(loc));
  if (dynamic_cast<const io_error*>(&e))
    throw io_error(e.code(), std::move(message), std::move(loc));
  throw;
}

/// Runs `f`; a planeval error leaving it is thrown again, of the same class, with the
/// location `adjust(e.where())` returns.
template <class F, class Adjust>
auto relocated(F&& f, Adjust&& adjust) -> decltype(f()) {
  try {
    return f();
  } catch (const error& e) {
    rethrow_located(e, e.message(), adjust(e.where()));
  }
}

}  // namespace planeval::detail
