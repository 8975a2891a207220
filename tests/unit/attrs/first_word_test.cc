// The scanners dismiss most positions by their first byte, character or
// word before trying their tables (date_en.cc, date_zh.cc, amount.cc,
// duration.cc, text_scan.cc). Every form those checks let through must still
// be found: one example for each first word, character and prefix.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/attrs/amount.h"
#include "extract/attrs/date_finder.h"
#include "extract/attrs/duration.h"

namespace attrs = newsgraph::extract::attrs;

namespace {

const newsgraph::base::Date kDocDate{2025, 3, 20};

}  // namespace

TEST_CASE("FindDates finds a date after every first word and character",
          "[attrs][date]") {
  const std::vector<std::string> starts = {
      // English: every word a date form may start with.
      "apr. 5", "april 2024", "aug 3, 2024", "august 2024", "dec 1",
      "december 2024", "earlier this month", "feb 2", "february 2024",
      "fiscal 2025", "fiscal year 2025", "fy25", "fy 2025", "fy-2025",
      "friday", "jan 3", "january 2024", "jul 4", "july 2024", "jun 5",
      "june 2024", "last month", "last friday", "later this year", "mar 3",
      "march 2024", "may 2024", "monday", "next year", "next september",
      "nov 9", "november 2024", "oct 1", "october 2024", "saturday",
      "sep 2", "sept 2", "september 2024", "since 2019", "since march",
      "sunday", "this year", "this monday", "thursday", "today",
      "tomorrow", "tonight", "tuesday", "wednesday", "yesterday",
      // Chinese: deixis and weekdays, with each first character.
      "今年", "本月", "去年9月", "上月", "前年", "明年", "当年", "同年",
      "次年", "翌年", "这个月", "下个月", "昨天", "上周三", "本周一",
      "这周二", "下周五", "星期三", "礼拜天", "禮拜天", "周三", "週三"};
  for (const std::string& s : starts) {
    INFO(s);
    attrs::DateContext ctx;
    ctx.document_date = kDocDate;
    ctx.last_year = 2020;
    const std::string text = "x " + s + " x";
    auto got = attrs::FindDates(text, &ctx);
    REQUIRE(got.size() == 1);
    CHECK(got[0].begin == 2);
    CHECK(got[0].surface == s);
  }
  // Words that start no form are passed over.
  attrs::DateContext ctx;
  ctx.document_date = kDocDate;
  CHECK(attrs::FindDates("the board met in private", &ctx).empty());
  CHECK(attrs::FindDates("每周三开会", &ctx).empty());
}

TEST_CASE("FindAmounts reads every currency prefix and number word",
          "[attrs][amount]") {
  const std::pair<std::string, std::string> cases[] = {
      {"us$5 billion", "USD"}, {"u.s.$5 billion", "USD"},
      {"hk$5 billion", "HKD"}, {"au$5 billion", "AUD"},
      {"a$5 billion", "AUD"},  {"ca$5 billion", "CAD"},
      {"c$5 billion", "CAD"},  {"s$5 billion", "SGD"},
      {"nt$5 billion", "TWD"}, {"nz$5 billion", "NZD"},
      {"$5 billion", "USD"},   {"€5 billion", "EUR"},
      {"£5 billion", "GBP"},   {"¥5 billion", "JPY"},
      {"₩5 billion", "KRW"},   {"₹5 billion", "INR"},
      {"₽5 billion", "RUB"},   {"usd 5 billion", "USD"},
      {"rmb5 billion", "CNY"}, {"rmb 5 billion", "CNY"},
      {"cny 5 billion", "CNY"}, {"eur 5 billion", "EUR"},
      {"gbp 5 billion", "GBP"}, {"jpy 5 billion", "JPY"},
      {"hkd 5 billion", "HKD"}, {"krw 5 billion", "KRW"},
      {"inr 5 billion", "INR"}, {"aud 5 billion", "AUD"},
      {"cad 5 billion", "CAD"}, {"sgd 5 billion", "SGD"},
      {"chf 5 billion", "CHF"}, {"twd 5 billion", "TWD"},
      {"rs.5 billion", "INR"}, {"rs 5 billion", "INR"},
      {"人民币5亿", "CNY"},
      {"a billion dollars", "USD"}, {"an billion dollars", "USD"},
      {"one billion dollars", "USD"}, {"eleven billion yuan", "CNY"},
      {"five billion euros", "EUR"}, {"nineteen million pounds", "GBP"},
      {"sixty-two billion yen", "JPY"}, {"twenty billion dollars", "USD"},
      {"tens of billions of dollars", "USD"},
      {"hundreds of millions of dollars", "USD"},
  };
  for (const auto& [s, currency] : cases) {
    INFO(s);
    auto got = attrs::FindAmounts("x " + s + " x");
    REQUIRE(got.size() == 1);
    CHECK(got[0].begin == 2);
    CHECK(got[0].currency == currency);
  }
}

TEST_CASE("FindDurations finds a duration after every first word and character",
          "[attrs][duration]") {
  const std::pair<std::string, double> cases[] = {
      {"半年", 0.5},          {"五年", 5},           {"两年半", 2.5},
      {"十八个月", 1.5},      {"三个季度", 0.75},    {"百分之五", -1},
      {"decade-long", 10},    {"year-long", 1},      {"the past decade", 10},
      {"for a year", 1},      {"over an year", 1},   {"eight years", 8},
      {"eleven years", 11},   {"five-year", 5},      {"four years", 4},
      {"nine months", 0.75},  {"one year", 1},       {"seven years", 7},
      {"six months", 0.5},    {"ten years", 10},     {"thirty-six months", 3},
      {"twenty years", 20},   {"two decades", 20},   {"5 years", 5},
  };
  for (const auto& [s, years] : cases) {
    INFO(s);
    auto got = attrs::FindDurations("x " + s + " x");
    if (years < 0) {
      CHECK(got.empty());
      continue;
    }
    REQUIRE(got.size() == 1);
    CHECK(got[0].begin == 2);
    CHECK(got[0].years == Approx(years));
  }
}
