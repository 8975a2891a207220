// Page-chrome filter: finds the headline and the prose paragraphs of a saved
// web page or plain-text article, dropping navigation, share buttons,
// tickers, bylines, ads, comment boxes, disclaimers and site footers.
#ifndef NEWSGRAPH_TEXT_CHROME_FILTER_H_
#define NEWSGRAPH_TEXT_CHROME_FILTER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsgraph::text {

// Where the article is in a page. Spans index the text given to FindContent
// and exclude leading and trailing white space.
struct ContentLayout {
  std::optional<Span> title;  // the headline line, if recognisable
  std::vector<Span> blocks;   // prose lines in order; the title is not one
};

// How FindContent sees one line. Exposed for tests and diagnostics.
enum class LineClass {
  kBlank,   // only white space
  kChrome,  // boilerplate: navigation, labels, buttons, tickers, lists, ads
  kFooter,  // boilerplate that ends the article once prose has been seen
            // (责任编辑, 文章来源, 原标题, 网友评论, 郑重声明, Read more, ...)
  kProse,   // reads as prose: a content block candidate
  kOther,   // neither: headings, titles, short or unpunctuated lines
};

// Classifies one line (without its line break) of original UTF-8 text.
//
// kProse: at least one sentence punctuation mark (。！？；，… and ASCII
// . ! ? ; , when not followed by a letter or digit, so "6.5" and "a.com" do
// not count), at least 12 letters (CJK or alphabetic), no more digits than
// letters, and either a sentence-final mark or at least 30 code points (a
// short unterminated line is a heading).
// kChrome / kFooter: lines matching the boilerplate vocabulary (a table in
// chrome_filter.cc), breadcrumbs ("首页 > 正文", "Home > Tech"), menus of
// three or more short items separated by | or /, link lines ending in ">>"
// or "»", ticker lines where most tokens are codes ("K图 MSFT_0"), bylines
// ("By ..."), date lines with little else, single-character lines (A-Z
// index headings), lists of five or more short items without a sentence end,
// and unpunctuated indexes: lines without sentence punctuation that are
// longer than 80 code points, or repeat a CJK letter pair three times
// ("甲基金乙基金丙基金"), or have 40+ code points and no space, or are 6+
// Latin keywords without a single function word (tag clouds). Pure;
// thread-safe.
LineClass ClassifyLine(std::string_view line);

// Finds the title and the content blocks of `text` (original UTF-8), line by
// line:
//  - blocks are the kProse lines, trimmed, in order;
//  - the first kFooter line after at least one block ends the article:
//    nothing after it is content;
//  - the title is the first line among the first 10 non-blank lines, before
//    the first block, that is not chrome, has 6..80 code points, at least 4
//    letters, more letters than digits, no sentence-final mark (。！？.!?…)
//    and is not a date line; it is never also a block.
// Section headings between paragraphs (short unpunctuated lines) are not
// blocks. The result refers to `text` by offsets only. Pure; thread-safe.
ContentLayout FindContent(std::string_view text);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_CHROME_FILTER_H_
