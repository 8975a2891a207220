// Where newsgraph finds its data files (schemas/, dictionaries/).
#ifndef NEWSGRAPH_RESOURCE_DIR_H_
#define NEWSGRAPH_RESOURCE_DIR_H_

#include <string>

namespace newsgraph {

// The default resource directory: $NEWSGRAPH_RESOURCES when set, else
// share/newsgraph next to the installed binary, else the install data dir,
// else the source tree the library was built from. Returns "" when none of
// them holds schemas/relation_types.tsv. Thread-safe (reads the environment).
std::string DefaultResourceDir();

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOURCE_DIR_H_
