# Relative paths between the install directories (GNUInstallDirs), computed
# once so that an installed tree stays usable when it is moved (DESTDIR,
# `cmake --install --prefix`, copying the tree): the library finds its
# resources relative to itself, the CLI finds the library relative to itself,
# newsgraph.pc finds the prefix relative to itself.
function(newsgraph_relative_path out from to)
  file(RELATIVE_PATH rel "${from}" "${to}")
  if(rel STREQUAL "")
    set(rel ".")
  endif()
  set(${out} "${rel}" PARENT_SCOPE)
endfunction()

set(NEWSGRAPH_INSTALL_DATADIR_NAME "${CMAKE_INSTALL_DATADIR}/newsgraph")
newsgraph_relative_path(NEWSGRAPH_REL_LIB_TO_DATA
  "${CMAKE_INSTALL_FULL_LIBDIR}" "${CMAKE_INSTALL_FULL_DATADIR}/newsgraph")
newsgraph_relative_path(NEWSGRAPH_REL_BIN_TO_DATA
  "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_DATADIR}/newsgraph")
newsgraph_relative_path(NEWSGRAPH_REL_BIN_TO_LIB
  "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}")
newsgraph_relative_path(NEWSGRAPH_REL_PKGCONFIG_TO_PREFIX
  "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" NEWSGRAPH_REL_PKGCONFIG_TO_PREFIX
  "${NEWSGRAPH_REL_PKGCONFIG_TO_PREFIX}")
