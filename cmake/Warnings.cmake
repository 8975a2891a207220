# Warnings applied to every newsgraph target (not to third-party code).
add_library(newsgraph_warnings INTERFACE)
target_compile_options(newsgraph_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor>)
