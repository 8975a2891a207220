// Small file helpers shared by the loaders.
#ifndef NEWSGRAPH_BASE_FILE_UTIL_H_
#define NEWSGRAPH_BASE_FILE_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/status.h"

namespace newsgraph::base {

// Reads a whole file. Errors name the path.
Result<std::string> ReadFile(const std::string& path);

// Splits `text` into lines (without the line terminator; "\r\n" accepted).
std::vector<std::string_view> SplitLines(std::string_view text);

// Splits on `sep` (no trimming); keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Removes ASCII white space from both ends.
std::string_view Trim(std::string_view s);

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_FILE_UTIL_H_
