// The libxml2 adapter: the only file of newsgraph that includes libxml2. It
// parses HTML with libxml2's tolerant HTML parser and copies the result into
// a Dom, turning libxml2's error codes into Status.
#ifndef NEWSGRAPH_HTML_LIBXML2_PARSER_H_
#define NEWSGRAPH_HTML_LIBXML2_PARSER_H_

#include <string>
#include <string_view>

#include "html/dom.h"
#include "newsgraph/status.h"

namespace newsgraph::html {

// Elements nested deeper than this stop libxml2 (its xmlParserMaxDepth
// without XML_PARSE_HUGE, which newsgraph does not set).
inline constexpr int kMaxNestingDepth = 256;

// Parses `utf8` (well-formed UTF-8, e.g. from DecodeToUtf8; any meta charset
// in it is ignored) with htmlCtxtReadMemory and the options HTML_PARSE_RECOVER
// | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET: unclosed
// and stray tags are repaired the way libxml2 does, entities are decoded,
// nothing is printed and nothing is fetched. Comments, processing
// instructions and the doctype are not copied. White-space-only input gives
// a Dom with the document node only.
//
// Errors (kDataError, messages start with `name`): elements nested deeper
// than kMaxNestingDepth; a text node over libxml2's 10 MB limit; input over
// 2 GiB; any other error that makes libxml2 stop before the end (a page is
// never returned truncated). Thread-safe (libxml2 is initialised once).
Result<Dom> ParseHtml(std::string_view utf8, const std::string& name);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_LIBXML2_PARSER_H_
