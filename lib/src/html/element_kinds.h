// How HTML elements lay out their text: blocks, line breaks, preformatted.
#ifndef NEWSGRAPH_HTML_ELEMENT_KINDS_H_
#define NEWSGRAPH_HTML_ELEMENT_KINDS_H_

#include <string_view>

namespace newsgraph::html {

// Elements that start and end a block of text (lower-case tag names):
//   address article aside blockquote body caption center dd details dialog
//   dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6
//   header hgroup hr html legend li listing main menu nav ol p plaintext pre
//   section summary table tbody td tfoot th thead tr ul xmp
// Every other element (a, span, em, strong, b, i, time, abbr...) is inline
// and adds no break. <br> is a line break, not a block. Pure.
bool IsBlockTag(std::string_view tag);

// Elements whose line breaks are kept: pre listing plaintext xmp textarea.
bool IsPreformattedTag(std::string_view tag);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_ELEMENT_KINDS_H_
