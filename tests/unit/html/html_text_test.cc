#include "html/html_text.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/utf8.h"

namespace newsgraph::html {
namespace {

HtmlText Convert(const std::string& html) {
  auto r = HtmlToText(html, "test.html");
  INFO(r.status().message());
  REQUIRE(r.ok());
  REQUIRE(text::FindInvalidUtf8(r->text) == std::string::npos);
  REQUIRE(text::FindInvalidUtf8(r->title) == std::string::npos);
  return std::move(r).value();
}

// A page around `body` with the given head.
std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
         head + "</head><body>" + body + "</body></html>";
}

struct TextCase {
  const char* name;
  std::string html;
  std::string expected;  // the whole of HtmlText::text
};

void RunTextCases(const std::vector<TextCase>& cases) {
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Convert(c.html).text == c.expected);
  }
}

TEST_CASE("HtmlToText drops page chrome", "[html_text]") {
  RunTextCases({
      {"navigation",
       Page("<nav><ul><li><a href=/>Home</a></li><li>World</li></ul></nav>"
            "<div role=\"navigation\">Tech | Deals</div>"
            "<div class=\"site-nav\">AI Chips</div>"
            "<p>The story itself.</p>"),
       "The story itself.\n"},
      {"share buttons",
       Page("<p>Story one.</p><div class=\"share-buttons\"><a>Share on X</a>"
            "<a>LinkedIn</a></div><ul class=\"socialLinks\"><li>Follow</li>"
            "</ul><button type=button>Copy link</button><p>Story two.</p>"),
       "Story one.\n\nStory two.\n"},
      {"related stories aside and section",
       Page("<p>Story.</p><aside><h2>Related stories</h2><ul><li>Other "
            "story</li></ul></aside><section class=\"related-stories\"><h2>"
            "More</h2><p>Yet another story.</p></section>"),
       "Story.\n"},
      {"cookie banner",
       Page("<div id=\"cookie-banner\"><p>We use cookies.</p><button>Accept"
            "</button></div><div class=\"gdpr-consent\">Consent text.</div>"
            "<p>Story.</p>"),
       "Story.\n"},
      {"comment box",
       Page("<p>Story.</p><section id=\"comments\"><h3>3 comments</h3>"
            "<div class=\"comment\">Great article!</div><form><textarea>"
            "Your comment</textarea></form></section>"),
       "Story.\n"},
      {"site footer",
       Page("<p>Story.</p><footer><p>&copy; 2025 Example.</p></footer>"
            "<div class=\"page-footer\">About | Privacy</div>"),
       "Story.\n"},
      {"ads, promos and newsletters",
       Page("<div class=\"ad-slot\">Buy now</div><p>Story.</p>"
            "<div class=\"topAd\">Ad</div><div class=\"promo-box\">50% off"
            "</div><div class=\"newsletter-signup\">Sign up</div>"
            "<ins class=\"adsbygoogle\"></ins><div id=\"subscribe\">Join"
            "</div><div class=\"breadcrumbs\">Home &gt; Tech</div>"
            "<div class=\"sidebar\">Popular</div>"),
       "Story.\n"},
      {"scripts, styles and hidden elements",
       Page("<script>var x = '<p>no</p>';</script><style>p{color:red}"
            "</style><noscript>Enable JS</noscript><template><p>T</p>"
            "</template><svg><text>Logo</text></svg><p>Story.</p>"
            "<div hidden>Hidden</div><div style=\"display: none\">None</div>"
            "<span aria-hidden=\"true\">Icon</span><iframe src=x></iframe>"),
       "Story.\n"},
      {"class words are matched whole",
       Page("<p class=\"subheader\">Subheader kept.</p>"
            "<div class=\"shareholders\">Shareholders kept.</div>"
            "<div class=\"commentary\">Commentary kept.</div>"
            "<div class=\"download\">Download kept.</div>"
            "<div class=\"has-sidebar with-comments\">State kept.</div>"),
       "Subheader kept.\n\nShareholders kept.\n\nCommentary kept.\n\n"
       "Download kept.\n\nState kept.\n"},
      {"a chrome-named wrapper holding the headline survives",
       Page("<div class=\"layout-sidebar\"><h1>Title</h1><p>Story.</p>"
            "<div class=\"sidebar-widget\">Widget</div></div>"),
       "Title\n\nStory.\n"},
      {"site header outside the article is dropped",
       Page("<header class=\"masthead\"><a>Logo</a><p>Deals / AI</p>"
            "</header><article><header><h1>Title</h1><p>By Desk</p>"
            "</header><p>Story.</p><footer>Tags: AI</footer></article>"),
       "Title\n\nBy Desk\n\nStory.\n"},
  });
}

TEST_CASE("HtmlToText prefers the article", "[html_text]") {
  RunTextCases({
      {"article over the rest of the body",
       Page("<div>Top strip</div><article><h1>Title</h1><p>Body of the "
            "story, long enough to count.</p></article><div>Bottom strip"
            "</div>"),
       "Title\n\nBody of the story, long enough to count.\n"},
      {"main when there is no article",
       Page("<div>Banner text</div><main><h1>Title</h1><p>Body.</p></main>"
            "<div>Trailer text</div>"),
       "Title\n\nBody.\n"},
      {"role=main",
       Page("<div>Banner text</div><div role=\"main\"><p>Body.</p></div>"),
       "Body.\n"},
      {"the largest of several articles",
       Page("<article><p>Short.</p></article><article><h1>Title</h1><p>The "
            "longer article that is the story.</p></article>"),
       "Title\n\nThe longer article that is the story.\n"},
      {"a teaser card is not the story",
       Page("<div><h1>Title</h1><p>A long story that is not marked up as an "
            "article at all, with many words in it.</p><p>And a second "
            "paragraph of the same story.</p></div><article>Teaser</article>"),
       "Title\n\nA long story that is not marked up as an article at all, "
       "with many words in it.\n\nAnd a second paragraph of the same story."
       "\n\nTeaser\n"},
      {"no body element", "<p>Just a fragment.</p>", "Just a fragment.\n"},
  });
}

TEST_CASE("HtmlToText lays out blocks, lines and entities", "[html_text]") {
  RunTextCases({
      {"entities",
       Page("<p>AT&amp;T &lt;b&gt; &#x4E2D;&#25991; caf&eacute; &quot;q&quot;"
            " a&nbsp;b &euro;5</p>"),
       "AT&T <b> \u4E2D\u6587 caf\u00E9 \"q\" a b \u20AC5\n"},
      {"br inside a paragraph",
       Page("<p>Line one<br>Line two<br/><br>Line three</p><p>Next</p>"),
       "Line one\nLine two\nLine three\n\nNext\n"},
      {"inline elements add no break",
       Page("<p>Open<em>AI</em> and <a href=\"#\">Micro</a><b>soft</b>, "
            "<span>together</span>.</p>"),
       "OpenAI and Microsoft, together.\n"},
      {"white space collapses",
       Page("<p>\n   Spread\tacross\n\n   lines   </p>"),
       "Spread across lines\n"},
      {"lists, headings, quotes, tables and captions",
       Page("<h2>Heading</h2><ul><li>One</li><li>Two</li></ul><blockquote>"
            "Quote</blockquote><table><tr><td>Cell A</td><td>Cell B</td>"
            "</tr></table><figure><img alt=\"x\" src=x><figcaption>Caption"
            "</figcaption></figure>"),
       "Heading\n\nOne\n\nTwo\n\nQuote\n\nCell A\n\nCell B\n\nCaption\n"},
      {"preformatted keeps its line breaks", Page("<pre>line  1\nline 2</pre>"),
       "line 1\nline 2\n"},
      {"cjk: line breaks between ideographs vanish",
       Page("<p>\u8F6F\u94F6\u96C6\u56E2\n\u5468\u4E09\u5BA3\u5E03\uFF0C"
            "\u5C06\u5411OpenAI\n\u6295\u8D44\u3002</p>"),
       "\u8F6F\u94F6\u96C6\u56E2\u5468\u4E09\u5BA3\u5E03\uFF0C\u5C06\u5411"
       "OpenAI \u6295\u8D44\u3002\n"},
      {"cjk: spaces written as spaces stay",
       Page("<p>\u4E2D\u6587 \u6587\u672C</p>"), "\u4E2D\u6587 \u6587\u672C\n"},
      {"hangul keeps its spaces across line breaks",
       Page("<p>\uD55C\uAD6D\n\uC0BC\uC131</p>"),
       "\uD55C\uAD6D \uC0BC\uC131\n"},
      {"ideographic and zero-width spaces",
       Page("<p>\u3000\u3000\u6B63\u6587\u200B\u3002</p>"),
       "\u6B63\u6587\u3002\n"},
  });
}

TEST_CASE("HtmlToText repairs malformed HTML", "[html_text]") {
  RunTextCases({
      {"unclosed paragraphs and divs", Page("<p>One<p>Two<div>Three"),
       "One\n\nTwo\n\nThree\n"},
      {"stray end tags", Page("</div></span><p>Kept.</p></div></p></article>"),
       "Kept.\n"},
      {"unclosed inline tag", Page("<p><b>Bold start</p><p>next</p>"),
       "Bold start\n\nnext\n"},
      {"unquoted and odd attributes",
       Page("<p class=lead id=x data-x='1>2'>Kept.</p>"), "Kept.\n"},
      {"unknown entity stays literal", Page("<p>a &bogus; b</p>"),
       "a &bogus; b\n"},
      {"no doctype, no html, no body", "<title>T</title><h1>Head</h1>Loose",
       "Head\n\nLoose\n"},
      {"comment only", "<!-- nothing -->", ""},
      {"stray < and >", Page("<p>1 < 2 and 3 > 2</p>"), "1 < 2 and 3 > 2\n"},
  });
}

TEST_CASE("HtmlToText handles empty input", "[html_text]") {
  for (const char* html :
       {"", "   \n\t", "<html></html>", "<html><body></body></html>"}) {
    INFO("'" << html << "'");
    HtmlText t = Convert(html);
    CHECK(t.text.empty());
    CHECK(t.title.empty());
    CHECK(t.date.empty());
  }
}

TEST_CASE("HtmlToText finds the publication date", "[html_text]") {
  struct Case {
    const char* name;
    std::string html;
    std::string date;
  };
  const std::string body = "<article><p>Story.</p></article>";
  const std::vector<Case> cases = {
      {"article:published_time",
       Page(body,
            "<meta property=\"article:published_time\" "
            "content=\"2025-03-20T08:15:00Z\">"),
       "2025-03-20"},
      {"time zone offset is not applied",
       Page(body,
            "<meta property=\"article:published_time\" "
            "content=\"2025-03-20T23:30:00-08:00\">"),
       "2025-03-20"},
      {"meta name=date with slashes",
       Page(body, "<meta name=\"date\" content=\"2025/3/20\">"), "2025-03-20"},
      {"meta name=pubdate",
       Page(body,
            "<meta name=\"pubdate\" "
            "content=\"2024-12-01\">"),
       "2024-12-01"},
      {"dc.date.issued",
       Page(body,
            "<meta name=\"DC.date.issued\" "
            "content=\"2024-02-29\">"),
       "2024-02-29"},
      {"itemprop datePublished",
       Page("<article><span itemprop=\"datePublished\" "
            "content=\"2025-01-07\">Jan 7</span><p>Story.</p></article>"),
       "2025-01-07"},
      {"json-ld",
       Page(body,
            "<script type=\"application/ld+json\">{\"@graph\": [{"
            "\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2025-02-11T09:00:00+01:00\"}]}"
            "</script>"),
       "2025-02-11"},
      {"time datetime",
       Page("<article><time datetime=\"2025-03-20\">Thursday</time><p>Story."
            "</p></article>"),
       "2025-03-20"},
      {"time text without datetime",
       Page("<article><time>March 20, 2025</time><p>Story.</p></article>"),
       "2025-03-20"},
      {"time pubdate wins over an earlier time",
       Page("<article><p>Event on <time datetime=\"2025-06-01\">June 1"
            "</time>.</p><time pubdate datetime=\"2025-03-20\">x</time>"
            "</article>"),
       "2025-03-20"},
      {"meta wins over time",
       Page("<article><time datetime=\"2025-01-01\">x</time><p>S.</p>"
            "</article>",
            "<meta property=\"article:published_time\" "
            "content=\"2025-03-20\">"),
       "2025-03-20"},
      {"time in dropped chrome is ignored",
       Page("<article><p>Story.</p></article><aside><time datetime=\""
            "2020-01-01\">old</time></aside>"),
       ""},
      {"date line at the head of the article",
       Page("<article><h1>T</h1><p class=\"dateline\">2025\u5E743\u670820"
            "\u65E5 09:30</p><p>\u6B63\u6587\u3002</p></article>"),
       "2025-03-20"},
      {"invalid date is passed over",
       Page(body, "<meta name=\"date\" content=\"2025-02-30\">"), ""},
      {"year only is not a date",
       Page(body, "<meta name=\"date\" content=\"2025\">"), ""},
      {"none", Page(body), ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Convert(c.html).date == c.date);
  }
}

TEST_CASE("HtmlToText chooses the title", "[html_text]") {
  struct Case {
    const char* name;
    std::string html;
    std::string title;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"article h1 over a logo h1 in the site header",
       Page("<header><h1>Site Logo</h1></header><article><h1>Story "
            "<em>Title</em></h1><p>Body.</p></article>",
            "<title>Other | Site</title>"),
       "Story Title", "Story Title\n\nBody.\n"},
      {"h1 outside the article",
       Page("<main><h1>Main Title</h1><article><p>Body of the story.</p>"
            "</article></main>"),
       "Main Title", "Main Title\n\nBody of the story.\n"},
      {"og:title when there is no h1",
       Page("<article><p>Body.</p></article>",
            "<meta property=\"og:title\" content=\"OG  Title\">"
            "<title>Tab | Site</title>"),
       "OG Title", "OG Title\n\nBody.\n"},
      {"<title> without the site name",
       Page("<article><p>Body.</p></article>",
            "<title>The Story Title | Site</title>"),
       "The Story Title", "The Story Title\n\nBody.\n"},
      {"an empty h1 falls back",
       Page("<article><h1><img src=logo.png></h1><p>Body.</p></article>",
            "<title>Page</title>"),
       "Page", "Page\n\nBody.\n"},
      {"title and date lines come first",
       Page("<article><h1>T</h1><p>Body.</p></article>",
            "<meta name=\"date\" content=\"2025-03-20\">"),
       "T", "T\n\n2025-03-20\n\nBody.\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    HtmlText t = Convert(c.html);
    CHECK(t.title == c.title);
    CHECK(t.text == c.text);
  }
}

TEST_CASE("HtmlToText reads the language", "[html_text]") {
  struct Case {
    std::string html;
    std::string lang;
  };
  const std::vector<Case> cases = {
      {"<html lang=\"en-US\"><p>x</p></html>", "en"},
      {"<html lang=\"zh-Hans-CN\"><p>x</p></html>", "zh"},
      {"<html xml:lang=\"ja\"><p>x</p></html>", "ja"},
      {"<html><head><meta http-equiv=\"Content-Language\" content=\"de\">"
       "</head><p>x</p></html>",
       "de"},
      {"<p>x</p>", ""},
  };
  for (const auto& c : cases) {
    INFO(c.html);
    CHECK(Convert(c.html).lang == c.lang);
  }
}

TEST_CASE("HtmlToText decodes the page's encoding", "[html_text]") {
  struct Case {
    const char* name;
    std::string html;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"gbk declared by meta charset",
       "<html><head><meta charset=\"gbk\"></head><body><p>\xD6\xD0\xCE\xC4"
       "</p></body></html>",
       "\u4E2D\u6587\n"},
      {"gb2312 declared by http-equiv",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=gb2312\"></head><body><p>\xC8\xED\xD2\xF8</p></body></html>",
       "\u8F6F\u94F6\n"},
      {"invalid bytes in a gbk page",
       "<meta charset=gbk><p>\xD6\xD0\xFF\xFF \xCE\xC4</p>",
       "\u4E2D\uFFFD\uFFFD \u6587\n"},
      {"utf-8 with an invalid byte keeps the rest",
       "<meta charset=utf-8><p>caf\xC3\xA9 bad\xFF byte \xE4\xB8\xAD</p>",
       "caf\u00E9 bad\uFFFD byte \u4E2D\n"},
      {"undeclared utf-8 with an invalid byte", "<p>\xE4\xB8\xAD \xC3</p>",
       "\u4E2D \uFFFD\n"},
      {"undeclared latin-1 reads as windows-1252", "<p>caf\xE9 \x80 5</p>",
       "caf\u00E9 \u20AC 5\n"},
      {"iso-8859-1 label means windows-1252",
       "<meta charset=iso-8859-1><p>\x93quoted\x94</p>",
       "\u201Cquoted\u201D\n"},
      {"utf-16le with a bom",
       std::string("\xFF\xFE<\0p\0>\0\x2D\x4E<\0/\0p\0>\0", 18), "\u4E2D\n"},
      {"unknown label falls back to utf-8",
       "<meta charset=no-such-charset><p>\xE4\xB8\xAD</p>", "\u4E2D\n"},
      {"utf-8 bom", "\xEF\xBB\xBF<p>x</p>", "x\n"},
      {"nul bytes", std::string("<p>a\0b</p>", 10), "a\uFFFDb\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Convert(c.html).text == c.text);
  }
}

TEST_CASE("HtmlToText survives deep nesting", "[html_text]") {
  SECTION("below libxml2's limit") {
    std::string html = "<html><body>";
    for (int i = 0; i < 200; ++i) html += "<div>";
    html += "deep";
    for (int i = 0; i < 200; ++i) html += "</div>";
    html += "<p>after</p></body></html>";
    CHECK(Convert(html).text == "deep\n\nafter\n");
  }
  SECTION("100000 nested divs: an error, not a crash") {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "deep";
    for (int i = 0; i < 100000; ++i) html += "</div>";
    html += "</body></html>";
    auto r = HtmlToText(html, "deep.html");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kDataError);
    CHECK(r.status().message().rfind("deep.html: ", 0) == 0);
    CHECK(r.status().message().find("nested deeper than 256") !=
          std::string::npos);
  }
  SECTION("100000 unclosed inline tags") {
    std::string html = "<p>";
    for (int i = 0; i < 100000; ++i) html += "<b>";
    html += "x";
    auto r = HtmlToText(html, "b.html");
    CHECK((r.ok() || r.status().code() == StatusCode::kDataError));
  }
}

TEST_CASE("HtmlToText handles a huge text node", "[html_text]") {
  SECTION("5 MB is kept whole") {
    const std::string words(5 << 20, 'a');
    HtmlText t = Convert("<p>" + words + "</p><p>after</p>");
    CHECK(t.text == words + "\n\nafter\n");
  }
  SECTION("over libxml2's 10 MB limit is an error, never a cut text") {
    const std::string words(11 << 20, 'a');
    auto r = HtmlToText("<p>" + words + "</p><p>after</p>", "big.html");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().rfind("big.html: ", 0) == 0);
    CHECK(r.status().message().find("10 MB") != std::string::npos);
  }
}

TEST_CASE("LooksLikeHtml", "[html_text]") {
  struct Case {
    std::string bytes;
    bool html;
  };
  const std::vector<Case> cases = {
      {"<!DOCTYPE html><html>", true},
      {"  \n<!doctype HTML>", true},
      {"<html lang=en>", true},
      {"<HTML>", true},
      {"\xEF\xBB\xBF<html>", true},
      {"<!-- saved --><html>", true},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html>", true},
      {"{\"id\": 1}", false},
      {"<p>fragment</p>", false},
      {"Plain text <html> later", false},
      {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.bytes);
    CHECK(LooksLikeHtml(c.bytes) == c.html);
  }
}

// End to end: the sample page yields every gold evidence sentence, as a
// sentence of one line of the text.
TEST_CASE("The example page yields the gold evidence", "[html_text][e2e]") {
  const std::string root = NEWSGRAPH_SOURCE_DIR "/examples/";
  std::ifstream page(root + "html/en-aip-newsroom.html", std::ios::binary);
  REQUIRE(page);
  std::stringstream bytes;
  bytes << page.rdbuf();
  HtmlText t = Convert(bytes.str());
  CHECK(t.title ==
        "AI Infrastructure Partnership adds NVIDIA, xAI and two energy "
        "partners");
  CHECK(t.date == "2025-03-20");
  CHECK(t.lang == "en");
  for (const char* chrome :
       {"Skip to content", "Newsletter", "Share on X", "Copy link",
        "Related stories", "Google agrees to buy Wiz", "Privacy",
        "All rights reserved", "Deals / AI"})
    CHECK(t.text.find(chrome) == std::string::npos);

  auto splitter = text::SentenceSplitter::Create();
  REQUIRE(splitter.ok());
  std::set<std::string> sentences;
  size_t pos = 0;
  while (pos < t.text.size()) {
    size_t nl = t.text.find('\n', pos);
    if (nl == std::string::npos) nl = t.text.size();
    std::string_view line = std::string_view(t.text).substr(pos, nl - pos);
    for (const auto& s : (*splitter)->Split(line))
      sentences.emplace(s.In(line));
    pos = nl + 1;
  }
  std::ifstream gold(root + "gold/en-aip-newsroom.relations.jsonl");
  REQUIRE(gold);
  std::string record;
  int checked = 0;
  while (std::getline(gold, record)) {
    if (record.empty()) continue;
    const std::string evidence =
        nlohmann::json::parse(record).at("evidence").get<std::string>();
    INFO(evidence);
    CHECK(sentences.count(evidence) == 1);
    ++checked;
  }
  CHECK(checked > 0);
}

}  // namespace
}  // namespace newsgraph::html
