// Where newsgraph finds its data files (schemas/, dictionaries/).
#ifndef NEWSGRAPH_RESOURCE_DIR_H_
#define NEWSGRAPH_RESOURCE_DIR_H_

#include <string>

namespace newsgraph {

// The default resource directory, first match wins: $NEWSGRAPH_RESOURCES;
// share/newsgraph relative to the installed libnewsgraph (then to the
// running executable), so a moved installation keeps working; the source
// tree the library was built from; the configured install data dir. Returns
// $NEWSGRAPH_RESOURCES as is; every other candidate must hold
// schemas/relation_types.tsv, else "" is returned. Thread-safe (reads the
// environment and the file system only).
std::string DefaultResourceDir();

// True when `dir` holds a resource set (schemas/relation_types.tsv).
bool IsResourceDir(const std::string& dir);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOURCE_DIR_H_
