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

configure_file(cmake/planeval.pc.in ${PROJECT_BINARY_DIR}/planeval.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/planeval.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(TARGET planeval_cli)
  install(TARGETS planeval_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
