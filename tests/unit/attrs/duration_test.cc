#include "extract/attrs/duration.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace attrs = newsgraph::extract::attrs;

namespace {

struct Expected {
  std::string surface;
  double years;
};

struct Case {
  std::string input;
  std::vector<Expected> expected;
};

void CheckCase(const Case& c) {
  INFO("input: " << c.input);
  const auto got = attrs::FindDurations(c.input);
  REQUIRE(got.size() == c.expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("mention " << i << ": " << c.expected[i].surface);
    REQUIRE(got[i].begin < got[i].end);
    REQUIRE(got[i].end <= c.input.size());
    CHECK(c.input.substr(got[i].begin, got[i].end - got[i].begin) ==
          c.expected[i].surface);
    CHECK(got[i].years == Approx(c.expected[i].years).epsilon(1e-12));
  }
}

}  // namespace

TEST_CASE("FindDurations reads Chinese durations", "[attrs][duration]") {
  const std::vector<Case> cases = {
      {"双方签署为期五年的供货协议", {{"为期五年", 5}}},
      {"贷款为期3年", {{"为期3年", 3}}},
      {"______为期五年的合作", {{"为期五年", 5}}},
      {"发行五年期债券", {{"五年期", 5}}},
      {"未来四年将新建三座工厂", {{"未来四年", 4}}},
      {"项目建设周期18个月", {{"18个月", 1.5}}},
      {"过去十年营收翻番", {{"过去十年", 10}}},
      {"合同期两年半", {{"两年半", 2.5}}},
      {"试运行半年", {{"半年", 0.5}}},
      {"三个季度内完工", {{"三个季度", 0.75}}},
      {"需要十八个月", {{"十八个月", 1.5}}},
      {"协议期限为2.5年", {{"2.5年", 2.5}}},
      {"十多年来一直合作", {{"十多年", 10}}},
      {"未来18个月内交付", {{"未来18个月", 1.5}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDurations reads English durations", "[attrs][duration]") {
  const std::vector<Case> cases = {
      {"a five-year agreement", {{"five-year", 5}}},
      {"a 5-year loan", {{"5-year", 5}}},
      {"spread over five years", {{"over five years", 5}}},
      {"it will run for three years", {{"for three years", 3}}},
      {"within a decade", {{"within a decade", 10}}},
      {"a decade of work", {{"a decade", 10}}},
      {"two decades of ties", {{"two decades", 20}}},
      {"the first 6 months", {{"6 months", 0.5}}},
      {"an 18-month build", {{"18-month", 1.5}}},
      {"over the next 10 years", {{"over the next 10 years", 10}}},
      {"over the past decade", {{"over the past decade", 10}}},
      {"a twenty-five-year lease", {{"twenty-five-year", 25}}},
      {"for a year", {{"for a year", 1}}},
      {"1.5 years", {{"1.5 years", 1.5}}},
      {"a decade-long partnership", {{"a decade-long", 10}}},
      {"the year-long trial", {{"year-long", 1}}},
      {"a 10-year-long lease", {{"10-year-long", 10}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDurations skips dates, offsets, ages and vague spans",
          "[attrs][duration]") {
  const std::vector<Case> cases = {
      {"", {}},
      {"2024年公司成立", {}},
      {"2019年至今", {}},
      {"24年3月发布", {}},
      {"3月11日", {}},
      {"今年以来", {}},
      {"三年前曾合作", {}},
      {"两年后上市", {}},
      {"5 years ago", {}},
      {"two years later", {}},
      {"a 5-year-old company", {}},
      {"he is 30 years old", {}},
      {"三年级学生", {}},
      {"90年代", {}},
      {"多年来", {}},
      {"数年之内", {}},
      {"several years", {}},
      {"上半年营收", {}},
      {"公司发布半年报", {}},
      {"一家百年企业", {}},
      {"第三年盈利", {}},
      {"<n>年", {}},
      {"for <n> years", {}},
      {"in 2019", {}},
      {"a year ago", {}},
      {"once a year", {}},
      {"300亿美元", {}},
      {"两三年", {}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDurations is safe and deterministic on arbitrary input",
          "[attrs][duration]") {
  const std::vector<std::string> pieces = {
      "五",     "年",     "个", "月",    "半",   "期",   "为期",
      "未来",   "3",      "18", "-",     " ",    "year", "years",
      "months", "decade", "a ", "over ", "five", "<n>",  "\xe5\xb9",
      "\xff",   "多",     "前", "第",    "2024", ".",    "twenty-",
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 10);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    INFO("input: " << text);
    const auto first = attrs::FindDurations(text);
    const auto second = attrs::FindDurations(text);
    REQUIRE(first.size() == second.size());
    size_t last_end = 0;
    for (size_t i = 0; i < first.size(); ++i) {
      CHECK(first[i].begin == second[i].begin);
      CHECK(first[i].years == second[i].years);
      CHECK(first[i].begin >= last_end);
      CHECK(first[i].begin < first[i].end);
      CHECK(first[i].end <= text.size());
      CHECK(first[i].years > 0);
      last_end = first[i].end;
    }
  }
}
