// Unit tests of the parts behind HtmlToText: charset sniffing, chrome rules,
// the text builder and the Dom walk.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "html/charset.h"
#include "html/chrome_rules.h"
#include "html/dom.h"
#include "html/libxml2_parser.h"
#include "html/text_builder.h"

namespace newsgraph::html {
namespace {

TEST_CASE("SniffCharset", "[charset]") {
  struct Case {
    const char* name;
    std::string bytes;
    std::string label;
  };
  const std::vector<Case> cases = {
      {"meta charset", "<html><head><meta charset=\"GBK\">", "gbk"},
      {"meta charset unquoted", "<meta charset=utf-8>", "utf-8"},
      {"http-equiv",
       "<meta http-equiv=\"Content-Type\" content=\"text/html;"
       " charset=Shift_JIS\">",
       "shift_jis"},
      {"xml declaration", "<?xml version=\"1.0\" encoding='ISO-8859-1'?>",
       "iso-8859-1"},
      {"utf-8 bom", "\xEF\xBB\xBF<meta charset=gbk>", "utf-8"},
      {"utf-16le bom", "\xFF\xFE<\0", "utf-16le"},
      {"no declaration", "<html><head><title>x</title>", ""},
      {"meta without charset", "<meta name=\"x\" content=\"y\">", ""},
      {"charset after the prescan window",
       std::string(5000, ' ') + "<meta charset=gbk>", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(SniffCharset(c.bytes) == c.label);
  }
}

TEST_CASE("CanonicalCharset", "[charset]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"UTF-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"utf-16", "UTF-8"},
      {"gb2312", "GB18030"},
      {"GBK", "GB18030"},
      {"latin1", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"},
      {"big5", "BIG5-HKSCS"},
      {"shift_jis", "CP932"},
      {"euc-kr", "CP949"},
      {"koi8-r", "KOI8-R"},
  };
  for (const auto& [label, name] : cases) {
    INFO(label);
    CHECK(CanonicalCharset(label) == name);
  }
}

TEST_CASE("DecodeToUtf8 reports what it did", "[charset]") {
  DecodeReport r;
  CHECK(DecodeToUtf8("<meta charset=gbk>\xD6\xD0\xFF", &r) ==
        "<meta charset=gbk>\u4E2D\uFFFD");
  CHECK(r.charset == "GB18030");
  CHECK(r.replaced == 1);
  CHECK_FALSE(r.unknown_label);
  CHECK(DecodeToUtf8("<meta charset=x-unknown>ok", &r) ==
        "<meta charset=x-unknown>ok");
  CHECK(r.unknown_label);
  CHECK(r.charset == "UTF-8");
  CHECK(DecodeToUtf8("caf\xE9", &r) == "caf\u00E9");
  CHECK(r.charset == "WINDOWS-1252");
  CHECK(DecodeToUtf8("\xE4\xB8\xAD\xE4\xB8", &r) == "\u4E2D\uFFFD");
  CHECK(r.charset == "UTF-8");
  CHECK(r.replaced == 1);
}

TEST_CASE("IsChromeToken", "[chrome_rules]") {
  struct Case {
    const char* token;
    bool chrome;
  };
  const std::vector<Case> cases = {
      {"nav", true},
      {"site-nav", true},
      {"navbar", true},
      {"main-menu", true},
      {"share", true},
      {"share-buttons", true},
      {"shareBar", true},
      {"social_links", true},
      {"related-stories", true},
      {"relatedPosts", true},
      {"comments", true},
      {"comment-form", true},
      {"ad-slot", true},
      {"topAd", true},
      {"advertisement", true},
      {"adsbygoogle", true},
      {"promo-box", true},
      {"newsletter-signup", true},
      {"subscribe", true},
      {"cookie-banner", true},
      {"breadcrumbs", true},
      {"site-footer", true},
      {"sidebar", true},
      {"sr-only", true},
      {"skip-link", true},
      {"Cookie_Consent", true},
      {"subheader", false},
      {"header", false},
      {"article-header", false},
      {"shadow", false},
      {"shareholders", false},
      {"download", false},
      {"commentary", false},
      {"adapter", false},
      {"head", false},
      {"loaded", false},
      {"has-sidebar", false},
      {"no-comments", false},
      {"is-sticky-share", false},
      {"article-body", false},
      {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.token);
    CHECK(IsChromeToken(c.token) == c.chrome);
  }
}

TEST_CASE("TokenWords", "[chrome_rules]") {
  CHECK(TokenWords("shareBar_top") ==
        std::vector<std::string>{"share", "bar", "top"});
  CHECK(TokenWords("c-article__body--wide") ==
        std::vector<std::string>{"c", "article", "body", "wide"});
  CHECK(TokenWords("ABC").size() == 1);
  CHECK(TokenWords("").empty());
}

Dom OneElement(std::vector<std::pair<std::string, std::string>> attrs) {
  Dom dom;
  dom.AddElement(Dom::kDocument, "div", std::move(attrs));
  return dom;
}

TEST_CASE("IsChromeByAttributes", "[chrome_rules]") {
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, std::string>> attrs;
    bool class_rules;
    bool chrome;
  };
  const std::vector<Case> cases = {
      {"role navigation", {{"role", "navigation"}}, true, true},
      {"role banner", {{"role", "banner"}}, false, true},
      {"role main", {{"role", "main"}}, true, false},
      {"hidden", {{"hidden", ""}}, false, true},
      {"aria-hidden", {{"aria-hidden", "TRUE"}}, true, true},
      {"display none", {{"style", "color: red; DISPLAY : none"}}, true, true},
      {"visibility hidden", {{"style", "visibility:hidden"}}, true, true},
      {"class token", {{"class", "box  share-tools\tx"}}, true, true},
      {"id", {{"id", "comments"}}, true, true},
      {"class rules off", {{"class", "sidebar"}}, false, false},
      {"plain", {{"class", "story-body"}, {"id", "main"}}, true, false},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(IsChromeByAttributes(OneElement(c.attrs), 1, c.class_rules) ==
          c.chrome);
  }
  CHECK(IsChromeTag("nav"));
  CHECK(IsChromeTag("script"));
  CHECK_FALSE(IsChromeTag("header"));  // decided by PageLayout
  CHECK_FALSE(IsChromeTag("p"));
}

TEST_CASE("TextBuilder", "[text_builder]") {
  TextBuilder tb;
  CHECK(tb.Finish().empty());
  tb.Append("  a \n b ");
  tb.Append("c");
  tb.LineBreak();
  tb.LineBreak();
  tb.Append(" d ");
  tb.BlockBreak();
  tb.BlockBreak();
  tb.Append("e\nf", /*preformatted=*/true);
  CHECK(tb.Finish() == "a b c\nd\n\ne\nf\n");
  CHECK(tb.Finish().empty());
  tb.Append("\u4E2D\n \u6587 \u4E2D\u3001\n\u6587");
  CHECK(tb.Finish() == "\u4E2D\u6587 \u4E2D\u3001\u6587\n");
  tb.Append("bad \xFF byte");
  CHECK(tb.Finish() == "bad \uFFFD byte\n");
}

TEST_CASE("Walk visits in document order without recursion", "[dom]") {
  Dom dom;
  int parent = Dom::kDocument;
  const int depth = 200000;
  for (int i = 0; i < depth; ++i) parent = dom.AddElement(parent, "div", {});
  dom.AddText(parent, "x");
  int entered = 0, exited = 0;
  std::string text;
  Walk(
      dom, Dom::kDocument,
      [&](int i) {
        ++entered;
        text += dom.node(i).text;
        return true;
      },
      [&](int) { ++exited; });
  CHECK(entered == depth + 2);
  CHECK(exited == depth + 2);
  CHECK(text == "x");
  CHECK(dom.Contains(1, dom.size() - 1));
  CHECK_FALSE(dom.Contains(dom.size() - 1, 1));
}

TEST_CASE("ParseHtml copies libxml2's tree", "[libxml2]") {
  auto dom = ParseHtml("<P CLASS=a data-X=\"1 &amp; 2\">t<!-- c --><br></p>",
                       "p.html");
  REQUIRE(dom.ok());
  const int p = dom->FindFirst("p");
  REQUIRE(p > 0);
  REQUIRE(dom->Attribute(p, "class") != nullptr);
  CHECK(*dom->Attribute(p, "class") == "a");
  REQUIRE(dom->Attribute(p, "data-x") != nullptr);
  CHECK(*dom->Attribute(p, "data-x") == "1 & 2");
  const Node& text = dom->node(dom->node(p).first_child);
  CHECK(text.text == "t");
  CHECK(dom->IsElement(text.next_sibling, "br"));  // the comment is gone
  CHECK(ParseHtml("", "e.html")->size() == 1);
}

}  // namespace
}  // namespace newsgraph::html
