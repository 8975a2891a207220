// DefaultResourceDir (newsgraph/resource_dir.h): where the default schemas/
// and dictionaries/ are. The candidates, first match wins:
//   1. $NEWSGRAPH_RESOURCES
//   2. share/newsgraph relative to libnewsgraph.so itself (any program
//      linked against an installed library, also after the tree was moved)
//   3. share/newsgraph relative to the running executable (the CLI)
//   4. the source tree the library was built from (running from a build dir)
//   5. the data directory of the configured install prefix
// The compile definitions come from lib/CMakeLists.txt.
#include "newsgraph/resource_dir.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

bool HasResources(const fs::path& dir) { return IsResourceDir(dir.string()); }

// The directory of the shared object holding this function ("" if unknown).
fs::path LibraryDir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&DefaultResourceDir), &info) == 0 ||
      info.dli_fname == nullptr || *info.dli_fname == '\0')
    return {};
  std::error_code ec;
  fs::path lib = fs::canonical(info.dli_fname, ec);
  return ec ? fs::path() : lib.parent_path();
}

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

bool IsResourceDir(const std::string& dir) {
  std::error_code ec;
  return fs::exists(fs::path(dir) / "schemas" / "relation_types.tsv", ec);
}

std::string DefaultResourceDir() {
  if (const char* env = std::getenv("NEWSGRAPH_RESOURCES"); env && *env)
    return env;
  if (fs::path lib = LibraryDir(); !lib.empty()) {
    fs::path cand = (lib / NEWSGRAPH_REL_LIB_TO_DATA).lexically_normal();
    if (HasResources(cand)) return cand.string();
  }
  if (fs::path bin = ExecutableDir(); !bin.empty()) {
    fs::path cand = (bin / NEWSGRAPH_REL_BIN_TO_DATA).lexically_normal();
    if (HasResources(cand)) return cand.string();
  }
  if (HasResources(NEWSGRAPH_SOURCE_RESOURCES))
    return NEWSGRAPH_SOURCE_RESOURCES;
  if (HasResources(NEWSGRAPH_INSTALL_DATADIR)) return NEWSGRAPH_INSTALL_DATADIR;
  return "";
}

}  // namespace newsgraph
