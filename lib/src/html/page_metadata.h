// Page metadata: language, publication date and title as a page declares
// them in <html lang>, <meta>, JSON-LD and <time> elements.
#ifndef NEWSGRAPH_HTML_PAGE_METADATA_H_
#define NEWSGRAPH_HTML_PAGE_METADATA_H_

#include <string>
#include <string_view>

#include "html/dom.h"
#include "html/page_layout.h"

namespace newsgraph::html {

// The primary language subtag of <html lang> (or xml:lang, or a
// <meta http-equiv="content-language">), lower-cased: "en-US" -> "en",
// "zh_Hans_CN" -> "zh". "" when the page declares none. Pure.
std::string PageLanguage(const Dom& dom);

// `value` as an ISO "YYYY-MM-DD" date when it holds a full, valid date
// (text::FindDateInLine: "2025-03-20T08:15:00Z", "2025/3/20",
// "March 20, 2025", "2025年3月20日"...), else "". A time zone offset is not
// applied: the date is the one written. Pure.
std::string NormalizeDate(std::string_view value);

// The publication date the page declares, as ISO "YYYY-MM-DD", or "". In
// order of preference:
//  1. the content of a <meta> whose property, name or itemprop is, in this
//     order: article:published_time, og:article:published_time,
//     og:published_time, article:published, datepublished, published_time,
//     publishdate, publish-date, publish_date, pubdate, date, dc.date,
//     dc.date.issued, dc.date.created, dcterms.date, dcterms.issued,
//     dcterms.created, sailthru.date, parsely-pub-date;
//  2. an element with itemprop="datePublished" (its content or datetime
//     attribute, else its text);
//  3. "datePublished" in a <script type="application/ld+json"> block (the
//     first one found, depth first);
//  4. a <time> that is not dropped in layout.content_root: the first with a
//     pubdate attribute, else the first; its datetime attribute, else its
//     text;
//  5. the first <time> not dropped anywhere in the page.
// Values that are not full dates are passed over. Pure.
std::string DeclaredDate(const Dom& dom, const PageLayout& layout);

// The title of a page without a usable <h1>: <meta property="og:title">,
// else <meta name="twitter:title">, else <title>; for <title>, when it holds
// " | " the longest part ("Story | Site" -> "Story"). White space collapsed;
// "" when there is none. Pure.
std::string DeclaredTitle(const Dom& dom);

// The text of the subtree of `element` on one line: white space collapsed,
// line and block breaks as spaces, nodes that `layout` drops left out.
std::string InlineText(const Dom& dom, int element, const PageLayout& layout);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_PAGE_METADATA_H_
