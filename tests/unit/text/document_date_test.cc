#include "text/document_date.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

TEST_CASE("FindDateInLine recognizes the header formats", "[document_date]") {
  struct Case {
    const char* name;
    std::string line;
    std::string expected;  // ISO date, or "" for none
    std::string matched;   // the bytes the match covers
  };
  const std::vector<Case> cases = {
      {"chinese with time", "2025年03月20日 20:42", "2025-03-20",
       "2025年03月20日"},
      {"chinese unpadded", "2025年3月2日", "2025-03-02", "2025年3月2日"},
      {"chinese spaced", "2024 年 12 月 31 日", "2024-12-31",
       "2024 年 12 月 31 日"},
      {"chinese 号", "2023年7月4号发布", "2023-07-04", "2023年7月4号"},
      {"iso with time", "2025-03-20 20:42", "2025-03-20", "2025-03-20"},
      {"iso timestamp", "2025-03-20T20:42:00Z", "2025-03-20", "2025-03-20"},
      {"slashes", "发布于 2025/03/20", "2025-03-20", "2025/03/20"},
      {"slashes unpadded", "2025/3/9", "2025-03-09", "2025/3/9"},
      {"dots", "2025.03.20", "2025-03-20", "2025.03.20"},
      {"month name first", "March 20, 2025", "2025-03-20", "March 20, 2025"},
      {"abbreviated month with period", "Mar. 20, 2025 8:42 PM ET",
       "2025-03-20", "Mar. 20, 2025"},
      {"abbreviated month without comma", "Mar 5 2025", "2025-03-05",
       "Mar 5 2025"},
      {"sept.", "Sept. 1, 2024", "2024-09-01", "Sept. 1, 2024"},
      {"ordinal suffix", "March 20th, 2025", "2025-03-20", "March 20th, 2025"},
      {"day first", "20 March 2025", "2025-03-20", "20 March 2025"},
      {"day first abbreviated", "Updated 1 Feb. 2024 09:00", "2024-02-01",
       "1 Feb. 2024"},
      {"weekday prefix", "Thursday, March 20, 2025", "2025-03-20",
       "March 20, 2025"},
      {"published label", "Published: March 20, 2025", "2025-03-20",
       "March 20, 2025"},
      {"upper case month", "MARCH 20, 2025", "2025-03-20", "MARCH 20, 2025"},
      {"leap day", "2024-02-29", "2024-02-29", "2024-02-29"},
      {"not a leap year", "2025-02-29", "", ""},
      {"month 13", "2025-13-01", "", ""},
      {"day 32", "2025年1月32日", "", ""},
      {"year out of range", "1066-10-14", "", ""},
      {"mixed separators", "2025-03/20", "", ""},
      {"glued to other digits", "12025-03-201", "", ""},
      {"version string", "2025.03.20.1", "", ""},
      {"year and month only", "2025年3月", "", ""},
      {"month word inside another word", "Marching 20, 2025", "", ""},
      {"no date", "微软与OpenAI渐行渐远", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::optional<DateMatch> m = FindDateInLine(c.line);
    if (c.expected.empty()) {
      CHECK_FALSE(m.has_value());
    } else {
      REQUIRE(m.has_value());
      CHECK(m->date.ToIso() == c.expected);
      CHECK(std::string(m->span.In(c.line)) == c.matched);
    }
  }
}

TEST_CASE("ParseDateLine accepts only lines that are mostly a date",
          "[document_date]") {
  struct Case {
    const char* name;
    std::string line;
    bool is_date_line;
  };
  const std::vector<Case> cases = {
      {"bare date", "  2025-03-20  ", true},
      {"date with source label", "2025年03月20日 20:42 来源：某某日报", true},
      {"english dateline", "Published: Mar. 20, 2025 8:42 p.m. ET", true},
      {"byline and date", "By Jane Roe | March 20, 2025", true},
      {"body sentence", "2025年3月20日，两家公司在北京签署了合作协议。", false},
      {"question", "March 20, 2025: what happens next?", false},
      {"long paragraph",
       "On March 20, 2025 the two companies, which have competed for years in "
       "cloud computing, announced a joint venture for data centers",
       false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(ParseDateLine(c.line).has_value() == c.is_date_line);
  }
}

TEST_CASE("FindDocumentDate reads the header only", "[document_date]") {
  std::string many_lines;
  for (int i = 0; i < 20; ++i) many_lines += "这是正文的一行，没有日期。\n";
  std::string long_prefix(3100, 'x');
  struct Case {
    const char* name;
    std::string text;
    std::string expected;  // "" for nullopt
  };
  const std::vector<Case> cases = {
      {"chinese header",
       "首页 > 财经\n\n某公司发布新产品\n\n2025年03月20日 20:42\n来源：某报\n\n"
       "正文第一段。\n",
       "2025-03-20"},
      {"english header",
       "Home > Tech\nTwo firms team up\nBy Jane Roe\nMarch 20, 2025\n\n"
       "The firms said on Thursday that they would cooperate.\n",
       "2025-03-20"},
      {"first date line wins",
       "Updated 2025-03-21 09:00\nPublished 2025-03-20 08:00\nBody.\n",
       "2025-03-21"},
      {"no date", "标题\n正文没有日期。\n另一段。\n", ""},
      {"empty", "", ""},
      {"date only deep in the body", "标题\n" + many_lines + "2025年3月20日\n",
       ""},
      {"date after the first 3000 bytes", long_prefix + "\n2025-03-20\n", ""},
      {"date inside a long body paragraph is not a date line",
       "标题\n据报道，双方于2025年3月20日在上海签署了协议，协议涵盖数据中心、"
       "电力和芯片供应等多个领域，总金额超过三百亿美元，预计将在未来五年内"
       "逐步落实，相关公司股价当日均有上涨。\n",
       ""},
      {"invalid date is skipped", "2025-02-30\n2025-03-01\n", "2025-03-01"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::optional<base::Date> d = FindDocumentDate(c.text);
    if (c.expected.empty()) {
      CHECK_FALSE(d.has_value());
    } else {
      REQUIRE(d.has_value());
      CHECK(d->ToIso() == c.expected);
    }
  }
}

}  // namespace
}  // namespace newsgraph::text
