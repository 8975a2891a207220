#include "html/element_kinds.h"

#include <algorithm>
#include <array>

namespace newsgraph::html {

namespace {

constexpr std::array<std::string_view, 49> kBlockTags = {
    "address", "article",   "aside",    "blockquote", "body",    "caption",
    "center",  "dd",        "details",  "dialog",     "dir",     "div",
    "dl",      "dt",        "fieldset", "figcaption", "figure",  "footer",
    "form",    "h1",        "h2",       "h3",         "h4",      "h5",
    "h6",      "header",    "hgroup",   "hr",         "html",    "legend",
    "li",      "listing",   "main",     "menu",       "nav",     "ol",
    "p",       "plaintext", "pre",      "section",    "summary", "table",
    "tbody",   "td",        "tfoot",    "th",         "thead",   "tr",
    "ul"};

}  // namespace

bool IsBlockTag(std::string_view tag) {
  return tag == "xmp" || std::find(kBlockTags.begin(), kBlockTags.end(), tag) !=
                             kBlockTags.end();
}

bool IsPreformattedTag(std::string_view tag) {
  return tag == "pre" || tag == "listing" || tag == "plaintext" ||
         tag == "xmp" || tag == "textarea";
}

}  // namespace newsgraph::html
