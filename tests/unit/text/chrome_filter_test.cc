#include "text/chrome_filter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

std::vector<std::string> Blocks(std::string_view text,
                                const ContentLayout& layout) {
  std::vector<std::string> out;
  for (const Span& s : layout.blocks) out.emplace_back(s.In(text));
  return out;
}

std::string Title(std::string_view text, const ContentLayout& layout) {
  return layout.title ? std::string(layout.title->In(text)) : std::string();
}

const char* Name(LineClass c) {
  switch (c) {
    case LineClass::kBlank:
      return "blank";
    case LineClass::kChrome:
      return "chrome";
    case LineClass::kFooter:
      return "footer";
    case LineClass::kProse:
      return "prose";
    case LineClass::kOther:
      return "other";
  }
  return "?";
}

TEST_CASE("ClassifyLine", "[chrome_filter]") {
  struct Case {
    const char* name;
    std::string line;
    LineClass expected;
  };
  using L = LineClass;
  const std::vector<Case> cases = {
      {"blank", " \u3000\t", L::kBlank},
      {"chinese prose",
       "\u3000\u3000星河电子周四宣布，将与北辰能源共同投资建设算力中心。",
       L::kProse},
      {"english prose",
       "The two companies said on Friday that they would cooperate.",
       L::kProse},
      {"long prose without a final mark",
       "Analysts said the deal, worth an estimated two billion dollars, could "
       "ease",
       L::kProse},
      {"short heading with a comma", "Growth, again", L::kOther},
      {"section heading", "合作背景", L::kOther},
      {"chinese breadcrumb", "首页 > 科技 > 正文", L::kChrome},
      {"english breadcrumb", "Home › Technology › Cloud", L::kChrome},
      {"pipe menu", "关于我们|联系我们|隐私条款|网站地图", L::kChrome},
      {"slash menu", "News / World / Asia / Markets", L::kChrome},
      {"share widget", "分享到：", L::kChrome},
      {"english share", "Share this article", L::kChrome},
      {"ticker widget", "K线 XHDZ_1", L::kChrome},
      {"quote board", "AAPL 182.50 +1.2% MSFT 410.30 -0.5%", L::kChrome},
      {"source label", "来源：晨风财经", L::kChrome},
      {"source label ascii colon", "来源: 晨风财经网, 经授权转载", L::kChrome},
      {"editor label", "编辑：林小雨", L::kChrome},
      {"english source label", "Source: Example Wire, company filings",
       L::kChrome},
      {"reporting by", "Reporting by Alex Morgan; Editing by Sam Lee",
       L::kChrome},
      {"byline", "By Alex Morgan, Technology Correspondent", L::kChrome},
      {"prose starting with By",
       "By 2030, the plant will run on solar power alone.", L::kProse},
      {"date line", "2024年11月08日 09:15", L::kChrome},
      {"english date line", "Nov. 8, 2024, 9:15 a.m.", L::kChrome},
      {"published label", "Published: Nov. 8, 2024, at 9:15 a.m. Eastern time",
       L::kChrome},
      {"call to action link", "在晨风财经看行情，选晨风证券一站式开户交易>>",
       L::kChrome},
      {"app download", "下载APP，随时随地看新闻，还有更多独家内容。",
       L::kChrome},
      {"click here", "Click here to read the full report, it is free.",
       L::kChrome},
      {"subscribe button", "Subscribe now", L::kChrome},
      {"comment box", "网友评论", L::kFooter},
      {"comment counter", "128人参与 评论3 查看全部评论", L::kChrome},
      {"english comments", "Comments (12)", L::kChrome},
      {"leave a comment", "Leave a comment. Your email will not be shown.",
       L::kChrome},
      {"disclaimer",
       "郑重声明：本站信息仅供参考，不构成任何投资建议，据此操作风险自担。",
       L::kFooter},
      {"risk notice", "风险提示：市场有风险，投资需谨慎。", L::kChrome},
      {"english disclaimer",
       "Disclaimer: this article is for information only, not advice.",
       L::kChrome},
      {"copyright sign", "© 2024 Example Media Group. Some text here, too.",
       L::kChrome},
      {"all rights reserved", "Example Media. All rights reserved.",
       L::kFooter},
      {"copyright chinese", "版权所有 晨风财经 未经许可不得转载", L::kChrome},
      {"icp footer", "沪ICP备12345678号-1", L::kChrome},
      {"service hotline", "客服热线：400-000-0000，工作日 9:00-18:00",
       L::kChrome},
      {"privacy policy", "Privacy Policy, Terms of Use, Contact us.",
       L::kChrome},
      {"article source footer", "（文章来源：晨风财经）", L::kFooter},
      {"editor in charge footer", "(责任编辑：7)", L::kFooter},
      {"original title footer",
       "（原标题：星河电子与北辰能源联手建设算力中心）", L::kFooter},
      {"related articles", "Related articles", L::kFooter},
      {"read more", "Read more: Contoso shares jump, again.", L::kFooter},
      {"single index letter", "B", L::kChrome},
      {"fund index without punctuation",
       "安平基金长河基金星河电子北辰基金博远基金青松基金白鹭基金远山基金红枫基"
       "金金桥基金",
       L::kChrome},
      {"fund index with commas",
       "安平基金，长河基金，星河电子，北辰基金，博远基金，青松基金",
       L::kChrome},
      {"tag cloud",
       "cloud computing data centers power grid chips startups funding rounds",
       L::kChrome},
      {"prose mentioning shares is not a share button",
       "Shares of Contoso rose 5%.", L::kProse},
      {"decimal and domain are not punctuation", "6.5亿 www.example.com",
       L::kOther},
  };
  for (const Case& c : cases) {
    INFO(c.name << ": got " << Name(ClassifyLine(c.line)));
    CHECK(ClassifyLine(c.line) == c.expected);
  }
}

// A fake Chinese page, written for this test: breadcrumbs, share buttons,
// a ticker widget, a date line, an ad, a heading, footers, a comment box,
// a disclaimer and a fund-company index.
constexpr std::string_view kChinesePage =
    "首页 > 科技 > 正文\n"
    "\n"
    "星河电子与北辰能源联手建设算力中心\n"
    "\n"
    "2024年11月08日 09:15\n"
    "来源：晨风财经\n"
    "编辑：林小雨\n"
    "分享到：\n"
    "\n"
    "\n"
    "K线 XHDZ_1\n"
    "\n"
    "  在晨风财经看行情，选晨风证券一站式开户交易>>\n"
    "\n"
    "\u3000\u3000星河电子周四宣布，将与北辰能源共同投资建设一座大型算力中心，"
    "首期投资约为二十亿元。\n"
    "\n"
    "  合作背景\n"
    "\n"
    "  据知情人士透露，双方自去年起就开始接触，并在电力供应方面达成了初步共识。"
    "分析人士认为，此举有助于降低运营成本。\n"
    "\n"
    "安平基金长河基金星河电子北辰基金博远基金\n"
    "\n"
    "  星河电子董事长表示：“这是公司发展的关键一步。”\n"
    "\n"
    "（文章来源：晨风财经）\n"
    "\n"
    "（责任编辑：7）\n"
    "\n"
    "网友评论\n"
    "还可输入\n"
    "提交评论\n"
    "郑重声明：本站发布的信息仅供参考，不构成任何投资建议，据此操作风险自担。\n"
    "关于我们|联系我们|免责条款|隐私条款\n"
    "A\n"
    "安平基金长河基金\n"
    "B\n"
    "北辰基金博远基金白鹭基金星河电子青松基金远山基金红枫基金金桥基金银杏基金"
    "\n";

// A fake English page, written for this test.
constexpr std::string_view kEnglishPage =
    "Home > Technology > Cloud\r\n"
    "Share this\r\n"
    "Northwind and Contoso to build shared data centers\r\n"
    "By Alex Morgan\r\n"
    "Published: Nov. 8, 2024 9:15 a.m. ET\r\n"
    "\r\n"
    "Advertisement\r\n"
    "\r\n"
    "Northwind Corp. said on Friday it would team up with Contoso to build "
    "three data centers in Ohio. The companies did not disclose terms.\r\n"
    "\r\n"
    "Why it matters\r\n"
    "\r\n"
    "Analysts said the deal, worth an estimated $2.5 billion, could ease "
    "power shortages in the region.\r\n"
    "\r\n"
    "AAPL 182.50 +1.2% MSFT 410.30 -0.5%\r\n"
    "\r\n"
    "\"This is a big step for us,\" Contoso's chief executive said.\r\n"
    "\r\n"
    "Reporting by Alex Morgan; Editing by Sam Lee\r\n"
    "\r\n"
    "Related articles\r\n"
    "Contoso shares jump after a strong earnings report, again.\r\n"
    "Leave a comment\r\n"
    "© 2024 Example Media. All rights reserved.\r\n";

TEST_CASE("FindContent separates articles from page chrome",
          "[chrome_filter]") {
  struct Case {
    const char* name;
    std::string_view text;
    std::string title;
    std::vector<std::string> blocks;
  };
  const std::vector<Case> cases = {
      {"chinese page",
       kChinesePage,
       "星河电子与北辰能源联手建设算力中心",
       {"星河电子周四宣布，将与北辰能源共同投资建设一座大型算力中心，"
        "首期投资约为二十亿元。",
        "据知情人士透露，双方自去年起就开始接触，并在电力供应方面达成了初步"
        "共识。分析人士认为，此举有助于降低运营成本。",
        "星河电子董事长表示：“这是公司发展的关键一步。”"}},
      {"english page",
       kEnglishPage,
       "Northwind and Contoso to build shared data centers",
       {"Northwind Corp. said on Friday it would team up with Contoso to "
        "build three data centers in Ohio. The companies did not disclose "
        "terms.",
        "Analysts said the deal, worth an estimated $2.5 billion, could ease "
        "power shortages in the region.",
        "\"This is a big step for us,\" Contoso's chief executive said."}},
      {"empty", "", "", {}},
      {"prose only, no title",
       "第一段内容很长，而且以句号结束，读起来像正文。\n第二段也是正文，"
       "同样以句号结束，并且足够长。\n",
       "",
       {"第一段内容很长，而且以句号结束，读起来像正文。",
        "第二段也是正文，同样以句号结束，并且足够长。"}},
      {"footer markers before content do not stop",
       "Read more\nA quiet title line\nThe body starts here, and it is long "
       "enough to count.\n",
       "A quiet title line",
       {"The body starts here, and it is long enough to count."}},
      {"title must come early",
       "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nA late heading line\n"
       "Then the body follows, with a sentence.\n",
       "",
       {"Then the body follows, with a sentence."}},
      {"a list mentioning a company among fund names gives no block",
       "安平基金，长河基金，星河电子，北辰基金，博远基金，青松基金\n"
       "北辰基金博远基金白鹭基金星河电子青松基金远山基金红枫基金金桥基金\n",
       "",
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const ContentLayout layout = FindContent(c.text);
    CHECK(Title(c.text, layout) == c.title);
    CHECK(Blocks(c.text, layout) == c.blocks);
  }
}

TEST_CASE("FindContent spans are trimmed and ordered", "[chrome_filter]") {
  const ContentLayout layout = FindContent(kChinesePage);
  REQUIRE(layout.title.has_value());
  size_t last = layout.title->end;
  for (const Span& s : layout.blocks) {
    CHECK(s.begin >= last);
    CHECK(s.end <= kChinesePage.size());
    CHECK(kChinesePage[s.begin] != ' ');
    CHECK(kChinesePage.substr(s.begin, 3) != "\u3000");
    CHECK(kChinesePage[s.end - 1] != '\n');
    last = s.end;
  }
}

}  // namespace
}  // namespace newsgraph::text

namespace newsgraph::text {
namespace {

TEST_CASE("FindContent tolerates odd input", "[chrome_filter]") {
  const std::vector<std::string> inputs = {
      "\n\n\n",
      "\r\n",
      "。",
      ">>",
      "\xFF\xFE garbage, with a comma.\n",
      "a\n",
      std::string(5000, '\xE4'),
      "标题\n正文，\xE4\xB8 没有结束",
  };
  for (const std::string& input : inputs) {
    INFO(input.substr(0, 40));
    const ContentLayout layout = FindContent(input);
    if (layout.title) CHECK(layout.title->end <= input.size());
    for (const Span& s : layout.blocks) {
      CHECK(s.begin < s.end);
      CHECK(s.end <= input.size());
    }
  }
}

}  // namespace
}  // namespace newsgraph::text
