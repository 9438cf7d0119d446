# Builds and runs README's C++ example (SOURCE) with the flags pkg-config gives for the tree
# installed at PREFIX: `c++ -std=c++17 SOURCE $(pkg-config --cflags --libs planeval)`.
# PKG_CONFIG_LIBDIR confines pkg-config to that tree, so a planeval installed elsewhere is not used.
set(ENV{PKG_CONFIG_LIBDIR} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs planeval
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs planeval failed (${rc})")
endif()
string(FIND "${flags}" "-I${PREFIX}/" at)
if(at EQUAL -1)
  message(FATAL_ERROR "planeval.pc does not point into ${PREFIX}: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(extra UNIX_COMMAND "${FLAGS}")
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CXX} -std=c++17 ${extra} ${SOURCE} -o ${WORK}/quick_start ${flags}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${SOURCE} with pkg-config's flags failed")
endif()
execute_process(COMMAND ${WORK}/quick_start RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "quick_start failed (${rc})")
endif()
