// HtmlToText: the article of a saved web page as clean text.
//
// The html module is the only one that includes libxml2 (through
// libxml2_parser.cc). See docs/decisions/0002-html-with-libxml2.md.
#ifndef NEWSGRAPH_HTML_HTML_TEXT_H_
#define NEWSGRAPH_HTML_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "newsgraph/status.h"

namespace newsgraph::html {

struct HtmlText {
  // The article as UTF-8: the title line, the date line (ISO), then its
  // blocks (paragraphs, headings, list items, table cells...), one blank
  // line between blocks; a <br> inside a block starts a new line. Lines
  // never start or end with white space; ends with a line break unless
  // empty. Missing title or date: no line for it.
  std::string text;
  // The article's <h1>, else the page's og:title / twitter:title / <title>
  // (see DeclaredTitle); "" when none.
  std::string title;
  // Publication date as ISO "YYYY-MM-DD", or "": the date the page declares
  // (DeclaredDate: <meta property="article:published_time">, <meta
  // name="date"/"pubdate">..., itemprop="datePublished", JSON-LD, <time
  // datetime>), else the date of a date line at the head of the article
  // (text::FindDocumentDate).
  std::string date;
  // Primary language subtag of <html lang> ("en", "zh"), or "".
  std::string lang;
};

// Extracts the article of the page `html` (raw bytes as saved).
//  - Encoding: a BOM, XML declaration or <meta charset> decides it, else
//    UTF-8 or windows-1252 by the bytes (DecodeToUtf8); bytes invalid for
//    the encoding become U+FFFD, so the text is always well-formed UTF-8.
//  - Parsing: libxml2's HTML parser in recovery mode (ParseHtml): unclosed
//    tags, stray end tags and entities are handled as libxml2 does.
//  - Content: page chrome is dropped (chrome_rules.h: scripts, styles,
//    navigation, site headers, footers, asides, forms, buttons, iframes,
//    and elements whose class/id/role names navigation, menus, sharing,
//    social links, related stories, comments, ads, promos, newsletters,
//    subscriptions, cookie banners, breadcrumbs, sidebars, or are hidden);
//    the text comes from the <article> (or <main>) when there is one, else
//    from the body (page_layout.h).
// An empty or white-space-only page gives an empty HtmlText.
// Errors (kDataError) start with `name`: nesting deeper than 256 elements,
// a text node over 10 MB, a page over 2 GiB (libxml2 limits; a page is never
// returned cut short). Pure; thread-safe.
Result<HtmlText> HtmlToText(std::string_view html, const std::string& name);

// True when `bytes` look like an HTML page: after white space and a UTF-8
// BOM they start with "<!doctype html" or "<html" (case-insensitive), or
// with "<!--" or "<?xml" followed within the first 1024 bytes by one of
// those. Pure.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_HTML_TEXT_H_
