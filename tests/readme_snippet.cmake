# Checks that README.md shows the code of examples/quick_start.cpp (after its first comment line).
file(READ ${README} readme)
file(READ ${SNIPPET} snippet)
string(REGEX REPLACE "^//[^\n]*\n" "" snippet "${snippet}")
string(FIND "${readme}" "${snippet}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md no longer shows the code of ${SNIPPET}; update one of them")
endif()
