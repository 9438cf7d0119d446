# Project warnings live in an INTERFACE target that planeval's own targets link PRIVATE,
# so consumers of the installed library never inherit them.
add_library(planeval_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(planeval_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
    $<$<BOOL:${PLANEVAL_WERROR}>:-Werror>)
endif()
option(PLANEVAL_WERROR "Treat warnings as errors" OFF)
