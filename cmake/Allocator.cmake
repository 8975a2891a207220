# The memory allocator of the programs (the CLI and the benchmarks; never
# the library, which leaves that choice to the program it is linked into).
# Extraction makes many small, short-lived allocations (mentions, matches,
# the strings of each relation); mimalloc serves them about 7 % faster in
# whole-process time than glibc's allocator (docs/benchmarks.md). It
# replaces malloc and free for the whole process when linked.
#
#   -DNEWSGRAPH_ALLOCATOR=mimalloc   (default; Debian: libmimalloc-dev)
#   -DNEWSGRAPH_ALLOCATOR=system     (the C library's)
#
# Sanitizer builds keep the C library's allocator: AddressSanitizer must
# see every allocation.
set(NEWSGRAPH_ALLOCATOR "mimalloc" CACHE STRING
    "Allocator linked into the programs: mimalloc or system")
set_property(CACHE NEWSGRAPH_ALLOCATOR PROPERTY STRINGS mimalloc system)
add_library(newsgraph_allocator INTERFACE)
if(NEWSGRAPH_ALLOCATOR STREQUAL "mimalloc")
  if("${CMAKE_CXX_FLAGS} ${CMAKE_EXE_LINKER_FLAGS}" MATCHES "-fsanitize")
    message(STATUS "newsgraph: sanitizers on, so the programs keep the C library's allocator")
  else()
    find_package(mimalloc 2 CONFIG QUIET)
    if(mimalloc_FOUND)
      target_link_libraries(newsgraph_allocator INTERFACE mimalloc)
    else()
      message(WARNING "newsgraph: mimalloc not found (Debian: libmimalloc-dev); "
                      "the programs use the C library's allocator (slower). "
                      "Pass -DNEWSGRAPH_ALLOCATOR=system to silence this.")
    endif()
  endif()
elseif(NOT NEWSGRAPH_ALLOCATOR STREQUAL "system")
  message(FATAL_ERROR "NEWSGRAPH_ALLOCATOR must be 'mimalloc' or 'system', "
                      "not '${NEWSGRAPH_ALLOCATOR}'")
endif()
