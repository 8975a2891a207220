// PageLayout: where the article is in a parsed page — what is chrome, which
// element holds the story, and which <h1> is its headline.
#ifndef NEWSGRAPH_HTML_PAGE_LAYOUT_H_
#define NEWSGRAPH_HTML_PAGE_LAYOUT_H_

#include <vector>

#include "html/dom.h"

namespace newsgraph::html {

struct PageLayout {
  // Per node of the Dom: 1 when the node is chrome or inside chrome.
  std::vector<char> dropped;
  // The element whose text is the article: an <article>, else a <main>, else
  // <body> (or the document node when the page has no <body>).
  int content_root = Dom::kDocument;
  // The <h1> used as the title (its text is not repeated in the body), or -1.
  int title_node = -1;
};

// Finds the layout of `dom`:
//  - dropped: IsChromeTag elements; <header> elements outside any <article>,
//    <main>, role=main or role=article — unless the page has neither and the
//    header holds an <h1>; elements IsChromeByAttributes marks (class rules
//    off for the elements that hold the article; no attribute rule for
//    <html> and <body>, which pages sometimes hide until a script runs);
//    and everything inside those;
//  - content_root: among the <article> (or role=article) elements that are
//    not dropped, the one with the most text (the first on a tie), when it
//    holds at least a fifth of the text of the page's body that is not
//    dropped (so a teaser card is not taken for the story); else the first
//    <main> (or role=main) with text; else <body>;
//  - title_node: the first <h1> not dropped inside content_root, else the
//    first one not dropped in the page, else -1.
// Text is measured in bytes that are not ASCII white space. Runs in time
// linear in the size of the Dom, without recursion. Pure; thread-safe.
PageLayout AnalyzeLayout(const Dom& dom);

// The index one past the last node of the subtree of `i` (subtrees are
// contiguous in document order).
int SubtreeEnd(const Dom& dom, int i);

}  // namespace newsgraph::html

#endif  // NEWSGRAPH_HTML_PAGE_LAYOUT_H_
