#include "extract/attrs/date_finder.h"

#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace attrs = newsgraph::extract::attrs;
using newsgraph::base::Date;

namespace {

// 2025-03-20 is a Thursday.
const Date kThursday{2025, 3, 20};

struct Expected {
  std::string surface;
  std::string iso;  // "" when the date is unresolved
  bool relative;
  bool since;
};

struct Case {
  std::string input;
  std::optional<Date> document_date;
  std::optional<int> last_year;
  std::vector<Expected> expected;
};

void CheckCase(const Case& c) {
  INFO("input: " << c.input << "; document date: "
                 << (c.document_date ? c.document_date->ToIso() : "none"));
  attrs::DateContext ctx;
  ctx.document_date = c.document_date;
  ctx.last_year = c.last_year;
  const auto got = attrs::FindDates(c.input, &ctx);
  REQUIRE(got.size() == c.expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const attrs::DateMention& m = got[i];
    const Expected& e = c.expected[i];
    INFO("mention " << i << ": " << e.surface);
    REQUIRE(m.begin < m.end);
    REQUIRE(m.end <= c.input.size());
    CHECK(m.surface == e.surface);
    CHECK(c.input.substr(m.begin, m.end - m.begin) == e.surface);
    CHECK((m.date ? m.date->ToIso() : "") == e.iso);
    CHECK(m.relative == e.relative);
    CHECK(m.since == e.since);
  }
}

}  // namespace

TEST_CASE("FindDates reads absolute dates", "[attrs][date]") {
  const std::vector<Case> cases = {
      {"公司于2024年3月宣布扩产",
       kThursday,
       {},
       {{"2024年3月", "2024-03", false, false}}},
      {"2024年3月5日签约",
       {},
       {},
       {{"2024年3月5日", "2024-03-05", false, false}}},
      {"该厂2019年投产", kThursday, {}, {{"2019年", "2019", false, false}}},
      {"2019年至今持续合作",
       kThursday,
       {},
       {{"2019年至今", "2019", false, true}}},
      {"2019年以来", kThursday, {}, {{"2019年以来", "2019", false, true}}},
      {"2024年底完工", kThursday, {}, {{"2024年底", "2024", false, false}}},
      {"2024年3月初",
       kThursday,
       {},
       {{"2024年3月初", "2024-03", false, false}}},
      {"2025年03月20日 20:42",
       kThursday,
       {},
       {{"2025年03月20日", "2025-03-20", false, false}}},
      {"二〇二四年三月",
       kThursday,
       {},
       {{"二〇二四年三月", "2024-03", false, false}}},
      {"发布于2025-03-11",
       kThursday,
       {},
       {{"2025-03-11", "2025-03-11", false, false}}},
      {"2025/3/11", kThursday, {}, {{"2025/3/11", "2025-03-11", false, false}}},
      {"2025财年营收", kThursday, {}, {{"2025财年", "2025", false, false}}},
      {"______2024年3月上线",
       kThursday,
       {},
       {{"2024年3月", "2024-03", false, false}}},
      {"on march 11, 2025 the firm",
       kThursday,
       {},
       {{"march 11, 2025", "2025-03-11", false, false}}},
      {"mar. 11, 2025",
       {},
       {},
       {{"mar. 11, 2025", "2025-03-11", false, false}}},
      {"on 11 march 2025",
       {},
       {},
       {{"11 march 2025", "2025-03-11", false, false}}},
      {"in march 2024 it", {}, {}, {{"march 2024", "2024-03", false, false}}},
      {"in sept. 2024", {}, {}, {{"sept. 2024", "2024-09", false, false}}},
      {"in 2019 the firm", {}, {}, {{"2019", "2019", false, false}}},
      {"since 2019", {}, {}, {{"since 2019", "2019", false, true}}},
      {"since march 2024",
       {},
       {},
       {{"since march 2024", "2024-03", false, true}}},
      {"by mid-2026", {}, {}, {{"2026", "2026", false, false}}},
      {"in fiscal 2025", {}, {}, {{"fiscal 2025", "2025", false, false}}},
      {"fy2025 results", {}, {}, {{"fy2025", "2025", false, false}}},
      {"fy25 results", {}, {}, {{"fy25", "2025", false, false}}},
      {"从2019年至2021年",
       {},
       {},
       {{"2019年", "2019", false, false}, {"2021年", "2021", false, false}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDates resolves relative dates against the document date",
          "[attrs][date]") {
  const Date wednesday{2025, 3, 19};
  const Date january{2025, 1, 10};
  const std::vector<Case> cases = {
      {"去年9月宣布", kThursday, {}, {{"去年9月", "2024-09", true, false}}},
      {"今年1月22日",
       kThursday,
       {},
       {{"今年1月22日", "2025-01-22", true, false}}},
      {"今年1月初", kThursday, {}, {{"今年1月初", "2025-01", true, false}}},
      {"今年以来", kThursday, {}, {{"今年以来", "2025", true, true}}},
      {"3月11日宣布", kThursday, {}, {{"3月11日", "2025-03-11", true, false}}},
      {"9月上线", kThursday, {}, {{"9月", "2025-09", true, false}}},
      {"当年9月", kThursday, 2024, {{"当年9月", "2024-09", true, false}}},
      {"当年9月", kThursday, {}, {{"当年9月", "", true, false}}},
      {"次年上市", kThursday, 2018, {{"次年", "2019", true, false}}},
      {"上月发布", kThursday, {}, {{"上月", "2025-02", true, false}}},
      {"上个月发布", kThursday, {}, {{"上个月", "2025-02", true, false}}},
      {"本月3日", kThursday, {}, {{"本月3日", "2025-03-03", true, false}}},
      {"今年", kThursday, {}, {{"今年", "2025", true, false}}},
      {"去年", kThursday, {}, {{"去年", "2024", true, false}}},
      {"明年", kThursday, {}, {{"明年", "2026", true, false}}},
      {"前年", kThursday, {}, {{"前年", "2023", true, false}}},
      {"微软周三宣布", kThursday, {}, {{"周三", "2025-03-19", true, false}}},
      {"______周三宣布", kThursday, {}, {{"周三", "2025-03-19", true, false}}},
      {"星期三", kThursday, {}, {{"星期三", "2025-03-19", true, false}}},
      {"週三", kThursday, {}, {{"週三", "2025-03-19", true, false}}},
      {"周五", kThursday, {}, {{"周五", "2025-03-14", true, false}}},
      {"周三", wednesday, {}, {{"周三", "2025-03-19", true, false}}},
      {"上周三", kThursday, {}, {{"上周三", "2025-03-12", true, false}}},
      {"昨天", kThursday, {}, {{"昨天", "2025-03-19", true, false}}},
      {"昨日", kThursday, {}, {{"昨日", "2025-03-19", true, false}}},
      {"今天", kThursday, {}, {{"今天", "2025-03-20", true, false}}},
      {"今日", kThursday, {}, {{"今日", "2025-03-20", true, false}}},
      {"上月", january, {}, {{"上月", "2024-12", true, false}}},
      {"since last september",
       kThursday,
       {},
       {{"last september", "2024-09", true, false}}},
      {"last september",
       Date{2025, 11, 2},
       {},
       {{"last september", "2025-09", true, false}}},
      {"next september",
       kThursday,
       {},
       {{"next september", "2025-09", true, false}}},
      {"in september", kThursday, {}, {{"september", "2025-09", true, false}}},
      {"last year", kThursday, {}, {{"last year", "2024", true, false}}},
      {"this year", kThursday, {}, {{"this year", "2025", true, false}}},
      {"next year", kThursday, {}, {{"next year", "2026", true, false}}},
      {"last month", january, {}, {{"last month", "2024-12", true, false}}},
      {"on wednesday",
       kThursday,
       {},
       {{"wednesday", "2025-03-19", true, false}}},
      {"wednesday", wednesday, {}, {{"wednesday", "2025-03-19", true, false}}},
      {"last wednesday",
       wednesday,
       {},
       {{"last wednesday", "2025-03-12", true, false}}},
      {"yesterday", kThursday, {}, {{"yesterday", "2025-03-19", true, false}}},
      {"earlier this month",
       kThursday,
       {},
       {{"earlier this month", "2025-03", true, false}}},
      {"on jan. 22", kThursday, {}, {{"jan. 22", "2025-01-22", true, false}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDates leaves relative dates unresolved without an anchor",
          "[attrs][date]") {
  const Date year_only{2025, 0, 0};
  const std::vector<Case> cases = {
      {"去年9月", {}, {}, {{"去年9月", "", true, false}}},
      {"周三", {}, {}, {{"周三", "", true, false}}},
      {"3月11日", {}, {}, {{"3月11日", "", true, false}}},
      {"yesterday", {}, {}, {{"yesterday", "", true, false}}},
      {"last month", {}, {}, {{"last month", "", true, false}}},
      {"周三", year_only, {}, {{"周三", "", true, false}}},
      {"上月", year_only, {}, {{"上月", "", true, false}}},
      {"去年", year_only, {}, {{"去年", "2024", true, false}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDates skips amounts, durations and masks", "[attrs][date]") {
  const std::vector<Case> cases = {
      {"", kThursday, {}, {}},
      {"投资130亿美元", kThursday, {}, {}},
      {"为期五年", kThursday, {}, {}},
      {"4年内", kThursday, {}, {}},
      {"未来四年", kThursday, {}, {}},
      {"18个月", kThursday, {}, {}},
      {"<n>年<n>月<n>日", kThursday, {}, {}},
      {"<n>年3月", kThursday, {}, {}},
      {"the 2024 plan", kThursday, {}, {}},
      {"5000年历史", kThursday, {}, {}},
      {"1800年", kThursday, {}, {}},
      {"增长5%", kThursday, {}, {}},
      {"一周一次", kThursday, {}, {}},
      {"每周三开会", kThursday, {}, {}},
      {"今日头条", kThursday, {}, {}},
      {"本周二级市场", kThursday, {}, {}},
      {"发言人杰明日前表示", kThursday, {}, {}},
      {"不同年龄", kThursday, {}, {}},
      {"90年代", kThursday, {}, {}},
      {"he may go", kThursday, {}, {}},
      {"it may 10 times exceed", kThursday, {}, {}},
      {"they march on", kThursday, {}, {}},
      {"in 2019,000 units", kThursday, {}, {}},
      {"2025-13-40", kThursday, {}, {}},
      {"13月", kThursday, {}, {}},
      {"2月30日", kThursday, {}, {}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindDates carries the last named year across sentences",
          "[attrs][date]") {
  attrs::DateContext ctx;
  ctx.document_date = kThursday;
  struct Step {
    std::string sentence;
    std::vector<std::string> isos;
    std::optional<int> last_year_after;
  };
  const std::vector<Step> steps = {
      {"这家公司2019年成立", {"2019"}, 2019},
      {"当年9月完成首轮融资", {"2019-09"}, 2019},
      {"周三,公司宣布扩产", {"2025-03-19"}, 2019},
      {"去年7月新厂投产", {"2024-07"}, 2024},
      {"当年9月集群上线", {"2024-09"}, 2024},
      {"2018年签约,同年开工,次年投产", {"2018", "2018", "2019"}, 2019},
      {"3月11日,双方宣布合作", {"2025-03-11"}, 2019},
  };
  for (const Step& s : steps) {
    INFO("sentence: " << s.sentence);
    const auto got = attrs::FindDates(s.sentence, &ctx);
    REQUIRE(got.size() == s.isos.size());
    for (size_t i = 0; i < got.size(); ++i) {
      REQUIRE(got[i].date.has_value());
      CHECK(got[i].date->ToIso() == s.isos[i]);
    }
    CHECK(ctx.last_year == s.last_year_after);
  }
}

TEST_CASE("FindDates accepts a null context", "[attrs][date]") {
  const auto got = attrs::FindDates("2024年3月,去年9月", nullptr);
  REQUIRE(got.size() == 2);
  REQUIRE(got[0].date.has_value());
  CHECK(got[0].date->ToIso() == "2024-03");
  CHECK_FALSE(got[1].date.has_value());
  CHECK(got[1].relative);
}

TEST_CASE("FindDates is safe and deterministic on arbitrary input",
          "[attrs][date]") {
  const std::vector<std::string> pieces = {
      "2024",  "年",   "月",       "日",     "3",   "11",    "-",
      "/",     "去年", "当年",     "周",     "三",  "星期",  "上",
      "march", " ",    "11,",      "since ", "in ", "last ", "wednesday",
      "<n>",   "至今", "\xe5\xb9", "\xff",   "fy",  "25",    "财年",
      "jan.",  "一",   "〇",       "初",     ",",
  };
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 10);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    INFO("input: " << text);
    attrs::DateContext a{kThursday, 2020};
    attrs::DateContext b{kThursday, 2020};
    const auto first = attrs::FindDates(text, &a);
    const auto second = attrs::FindDates(text, &b);
    REQUIRE(first.size() == second.size());
    CHECK(a.last_year == b.last_year);
    size_t last_end = 0;
    for (size_t i = 0; i < first.size(); ++i) {
      CHECK(first[i].surface == second[i].surface);
      CHECK(first[i].date == second[i].date);
      CHECK(first[i].begin >= last_end);
      CHECK(first[i].begin < first[i].end);
      CHECK(first[i].end <= text.size());
      if (first[i].date) {
        CHECK(first[i].date->Valid());
        CHECK(first[i].date->year >= 1900);
        CHECK(first[i].date->year <= 2100);
      }
      last_end = first[i].end;
    }
  }
}
