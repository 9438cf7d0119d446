include(CMakePackageConfigHelpers)

install(TARGETS planeval_core planeval_analytics planeval
  EXPORT planevalTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET planeval_c)
  # the C API: a shared library with a stable ABI (its static dependencies are linked in), in
  # its own export set so C programs find it without the C++ dependencies
  install(TARGETS planeval_c
    EXPORT planevalCTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
install(DIRECTORY include/planeval DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/planeval/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/planeval)
install(EXPORT planevalTargets
  NAMESPACE planeval::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/planeval)
if(TARGET planeval_c)
  install(EXPORT planevalCTargets
    NAMESPACE planeval::
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/planeval)
endif()

configure_package_config_file(cmake/planevalConfig.cmake.in
  ${PROJECT_BINARY_DIR}/planevalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/planeval)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/planevalConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/planevalConfig.cmake
              ${PROJECT_BINARY_DIR}/planevalConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/planeval)

# planeval.pc: relocatable (prefix from ${pcfiledir}). The libraries are static by default, and a
# static library's dependencies must be on every link line, so Boost goes into Libs (pkg-config
# adds Libs.private only with --static); shared builds keep them in Libs.private.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(PLANEVAL_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(PLANEVAL_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(PLANEVAL_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  string(REGEX REPLACE "/$" "" up "${up}")
  set(PLANEVAL_PC_PREFIX "\${pcfiledir}/${up}")
  set(PLANEVAL_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(PLANEVAL_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
set(planeval_pc_deps "-lboost_serialization -lboost_date_time -lxml2 -lzip -lfreexl -lxlsxwriter -lz -lm -pthread")
if(BUILD_SHARED_LIBS)
  set(PLANEVAL_PC_LIBS "")
  set(PLANEVAL_PC_LIBS_PRIVATE "${planeval_pc_deps}")
else()
  set(PLANEVAL_PC_LIBS "${planeval_pc_deps}")
  set(PLANEVAL_PC_LIBS_PRIVATE "")
endif()
configure_file(cmake/planeval.pc.in ${PROJECT_BINARY_DIR}/planeval.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/planeval.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(TARGET planeval_cli)
  install(TARGETS planeval_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
