# `cmake --install`: headers, the shared library, the CLI, the resources,
# the CMake package (find_package(newsgraph CONFIG) -> newsgraph::newsgraph)
# and newsgraph.pc. See docs/library.md and docs/decisions/0004-*.md.
include(CMakePackageConfigHelpers)

set(NEWSGRAPH_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/newsgraph")

install(TARGETS newsgraph EXPORT newsgraphTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# Every public header, including ones added after configuring.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/newsgraph
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(TARGETS newsgraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/dictionaries ${PROJECT_SOURCE_DIR}/schemas
  DESTINATION ${NEWSGRAPH_INSTALL_DATADIR_NAME})

install(EXPORT newsgraphTargets
  NAMESPACE newsgraph::
  DESTINATION ${NEWSGRAPH_CMAKE_DIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/newsgraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/newsgraphConfig.cmake
  INSTALL_DESTINATION ${NEWSGRAPH_CMAKE_DIR}
  PATH_VARS NEWSGRAPH_INSTALL_DATADIR_NAME)
# 0.x: a minor version may break the API, so only the same minor matches.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/newsgraphConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/newsgraphConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/newsgraphConfigVersion.cmake
  DESTINATION ${NEWSGRAPH_CMAKE_DIR})

configure_file(${PROJECT_SOURCE_DIR}/cmake/newsgraph.pc.in
  ${PROJECT_BINARY_DIR}/cmake/newsgraph.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/newsgraph.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
