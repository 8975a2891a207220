#include "extract/attrs/amount.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace attrs = newsgraph::extract::attrs;

namespace {

struct Expected {
  std::string surface;
  double value;
  std::string currency;
  std::string unit;
  bool approximate;
};

struct Case {
  std::string input;
  std::vector<Expected> expected;
};

// Sentences with amounts; every one is also used by the round-trip test.
const std::vector<Case>& PositiveCases() {
  static const std::vector<Case> cases = {
      // Chinese money.
      {"甲公司计划投资300亿美元建设新园区",
       {{"300亿美元", 3e10, "USD", "", false}}},
      {"该项目首期融资6.5亿美元", {{"6.5亿美元", 6.5e8, "USD", "", false}}},
      {"计划在今后投入5000亿美元", {{"5000亿美元", 5e11, "USD", "", false}}},
      {"收购价为130亿美元,低于预期", {{"130亿美元", 1.3e10, "USD", "", false}}},
      {"交易对价119亿美元", {{"119亿美元", 1.19e10, "USD", "", false}}},
      {"公司承诺追加800亿美元资本开支",
       {{"800亿美元", 8e10, "USD", "", false}}},
      {"财政部发行1.2万亿元特别国债",
       {{"1.2万亿元", 1.2e12, "CNY", "", false}}},
      {"新公司注册资本3亿元人民币", {{"3亿元人民币", 3e8, "CNY", "", false}}},
      {"人民币300亿元的专项贷款", {{"人民币300亿元", 3e10, "CNY", "", false}}},
      {"该行在香港募集50亿港元", {{"50亿港元", 5e9, "HKD", "", false}}},
      {"获得2000万欧元研发补贴", {{"2000万欧元", 2e7, "EUR", "", false}}},
      {"向银团借款五十亿美元", {{"五十亿美元", 5e9, "USD", "", false}}},
      {"日方出资300億円", {{"300億円", 3e10, "JPY", "", false}}},
      {"融资规模为300 亿美元", {{"300 亿美元", 3e10, "USD", "", false}}},
      {"基金规模为100亿至150亿美元",
       {{"100亿", 1e10, "USD", "", false},
        {"150亿美元", 1.5e10, "USD", "", false}}},
      {"增发不超过5亿股", {{"不超过5亿股", 5e8, "", "股", true}}},
      {"交易金额约为人民币120亿元",
       {{"约为人民币120亿元", 1.2e10, "CNY", "", true}}},
      // Entity mentions masked with '_' by the extractor.
      {"______300亿美元", {{"300亿美元", 3e10, "USD", "", false}}},
      {"___ paid $5bn", {{"$5bn", 5e9, "USD", "", false}}},
      {"估值从6.5亿美元增至130亿美元",
       {{"6.5亿美元", 6.5e8, "USD", "", false},
        {"130亿美元", 1.3e10, "USD", "", false}}},
      // Plain numbers and counts.
      {"双方预计带动1000亿的新增投资", {{"1000亿", 1e11, "", "", false}}},
      {"平台用户规模两千万", {{"两千万", 2e7, "", "", false}}},
      {"该集群由10万个加速卡组成", {{"10万个", 1e5, "", "个", false}}},
      {"机房里有120台服务器", {{"120台", 120, "", "台", false}}},
      {"十二家银行参与了贷款", {{"十二家", 12, "", "家", false}}},
      {"新工厂将雇用一万名员工", {{"一万名", 1e4, "", "名", false}}},
      {"投入10亿元宇宙项目", {{"10亿", 1e9, "", "", false}}},
      // Approximate and vague.
      {"这笔交易约300亿美元", {{"约300亿美元", 3e10, "USD", "", true}}},
      {"总投资超过50亿元", {{"超过50亿元", 5e9, "CNY", "", true}}},
      {"最终撑起多达1000亿美元的项目",
       {{"多达1000亿美元", 1e11, "USD", "", true}}},
      {"累计投入300多亿美元", {{"300多亿美元", 3e10, "USD", "", true}}},
      {"业务覆盖10多个国家", {{"10多个", 10, "", "个", true}}},
      {"去年亏损三十多亿元", {{"三十多亿元", 3e9, "CNY", "", true}}},
      {"年收入500亿元左右", {{"500亿元左右", 5e10, "CNY", "", true}}},
      {"这家初创公司融资数十亿美元", {{"数十亿美元", 1e9, "USD", "", true}}},
      {"双方设立百亿美元基金", {{"百亿美元", 1e10, "USD", "", true}}},
      {"有望带来上百亿美元收入", {{"上百亿美元", 1e10, "USD", "", true}}},
      {"订单金额上千万", {{"上千万", 1e7, "", "", true}}},
      // English money.
      {"the group raised $30 billion for the fund",
       {{"$30 billion", 3e10, "USD", "", false}}},
      {"a $30bn deal", {{"$30bn", 3e10, "USD", "", false}}},
      {"revenue of us$11.9bn last year",
       {{"us$11.9bn", 1.19e10, "USD", "", false}}},
      {"valued at us$ 11.9 billion",
       {{"us$ 11.9 billion", 1.19e10, "USD", "", false}}},
      {"a €350m investment", {{"€350m", 3.5e8, "EUR", "", false}}},
      {"£2.5 billion in new funding",
       {{"£2.5 billion", 2.5e9, "GBP", "", false}}},
      {"a ¥500 billion loan", {{"¥500 billion", 5e11, "JPY", "", false}}},
      {"rmb 5 billion of bonds", {{"rmb 5 billion", 5e9, "CNY", "", false}}},
      {"it paid 5 billion yuan", {{"5 billion yuan", 5e9, "CNY", "", false}}},
      {"a $500 million stake", {{"$500 million", 5e8, "USD", "", false}}},
      {"a market worth $6.6 trillion",
       {{"$6.6 trillion", 6.6e12, "USD", "", false}}},
      {"a $1.5b round", {{"$1.5b", 1.5e9, "USD", "", false}}},
      {"hk$2 billion in loans", {{"hk$2 billion", 2e9, "HKD", "", false}}},
      {"rs 500 crore for the plant", {{"rs 500 crore", 5e9, "INR", "", false}}},
      {"a 5 trillion won budget", {{"5 trillion won", 5e12, "KRW", "", false}}},
      {"two billion dollars in cash",
       {{"two billion dollars", 2e9, "USD", "", false}}},
      {"a fine of 30000000000 usd",
       {{"30000000000 usd", 3e10, "USD", "", false}}},
      {"it costs $30", {{"$30", 30, "USD", "", false}}},
      {"about $30 billion", {{"about $30 billion", 3e10, "USD", "", true}}},
      {"nearly $6.5bn", {{"nearly $6.5bn", 6.5e9, "USD", "", true}}},
      {"more than $2 billion",
       {{"more than $2 billion", 2e9, "USD", "", true}}},
      {"tens of billions of dollars",
       {{"tens of billions of dollars", 1e10, "USD", "", true}}},
      // English counts and plain numbers.
      {"it shipped 1,000,000 units",
       {{"1,000,000 units", 1e6, "", "units", false}}},
      {"the lab bought 100,000 gpus",
       {{"100,000 gpus", 1e5, "", "gpus", false}}},
      {"it ordered 200,000 nvidia h100 gpus",
       {{"200,000 nvidia h100 gpus", 2e5, "", "gpus", false}}},
      {"1,000 more units", {{"1,000", 1000, "", "", false}}},
      {"up to 100,000 gpus", {{"up to 100,000 gpus", 1e5, "", "gpus", true}}},
      {"it hired 3,000 employees",
       {{"3,000 employees", 3000, "", "employees", false}}},
      {"1 million units a year",
       {{"1 million units", 1e6, "", "units", false}}},
      {"a total of 1,000,000", {{"1,000,000", 1e6, "", "", false}}},
      {"a further 30 billion", {{"30 billion", 3e10, "", "", false}}},
  };
  return cases;
}

void CheckCase(const Case& c) {
  INFO("input: " << c.input);
  const auto got = attrs::FindAmounts(c.input);
  REQUIRE(got.size() == c.expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const attrs::AmountMention& a = got[i];
    const Expected& e = c.expected[i];
    INFO("mention " << i << ": " << e.surface);
    REQUIRE(a.begin < a.end);
    REQUIRE(a.end <= c.input.size());
    CHECK(c.input.substr(a.begin, a.end - a.begin) == e.surface);
    CHECK(a.value == Approx(e.value).epsilon(1e-12));
    CHECK(a.currency == e.currency);
    CHECK(a.unit == e.unit);
    CHECK(a.approximate == e.approximate);
  }
}

std::string AsciiLower(std::string s) {
  for (char& ch : s) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return s;
}

}  // namespace

TEST_CASE("FindAmounts finds money, counts and numbers", "[attrs][amount]") {
  for (const Case& c : PositiveCases()) CheckCase(c);
}

TEST_CASE("FindAmounts skips what is not an amount", "[attrs][amount]") {
  const std::vector<Case> cases = {
      {"", {}},
      {"2024年公司成立", {}},
      {"in 2019 the firm moved", {}},
      {"收入增长5%", {}},
      {"revenue rose 5 percent", {}},
      {"利润增长百分之五", {}},
      {"毛利率提高5个百分点", {}},
      {"3月11日宣布", {}},
      {"2025-03-11", {}},
      {"排名第一", {}},
      {"位列第10名", {}},
      {"进入前10名", {}},
      {"ranked 1st and #3", {}},
      {"融资<n>亿美元", {}},
      {"a $<n> billion deal", {}},
      {"由<n>万个芯片组成", {}},
      {"投入<n>多亿美元", {}},
      {"<n>,000 units", {}},
      {"<n>.5亿美元", {}},
      {"一家公司和两个伙伴", {}},
      {"三元股份发布公告", {}},
      {"五美元", {}},
      {"为期18个月", {}},
      {"nvidia h100 gpus", {}},
      {"a 5g network of 7nm chips", {}},
      {"a 100m sprint", {}},
      {"千家万户", {}},
      {"万一失败", {}},
      {"未来四年", {}},
      {"五年计划", {}},
      {"the two companies", {}},
      {"a thousand years", {}},
      {"二〇二四年", {}},
      {"3d printing", {}},
      {"just 300", {}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FindAmounts does not read words around 约 and 近 as qualifiers",
          "[attrs][amount]") {
  const std::vector<Case> cases = {
      {"签约300亿美元的订单", {{"300亿美元", 3e10, "USD", "", false}}},
      {"最近300亿美元的融资", {{"300亿美元", 3e10, "USD", "", false}}},
      {"takeover $30bn", {{"$30bn", 3e10, "USD", "", false}}},
  };
  for (const Case& c : cases) CheckCase(c);
}

TEST_CASE("FormatAmount renders canonically", "[attrs][amount]") {
  struct FormatCase {
    attrs::AmountMention amount;
    std::string expected;
  };
  auto make = [](double v, std::string cur, std::string unit, bool approx) {
    attrs::AmountMention a;
    a.value = v;
    a.currency = std::move(cur);
    a.unit = std::move(unit);
    a.approximate = approx;
    return a;
  };
  const std::vector<FormatCase> cases = {
      {make(3e10, "USD", "", false), "30000000000 USD"},
      {make(6.5e8, "USD", "", true), "~650000000 USD"},
      {make(1.5, "EUR", "", false), "1.5 EUR"},
      {make(1e5, "", "个", false), "100000个"},
      {make(1e5, "", "gpus", false), "100000 gpus"},
      {make(1e11, "", "", false), "100,000,000,000"},
      {make(12345.5, "", "", false), "12,345.5"},
      {make(1000, "", "", true), "~1,000"},
  };
  for (const FormatCase& c : cases) {
    INFO("expected: " << c.expected);
    CHECK(attrs::FormatAmount(c.amount) == c.expected);
  }
}

TEST_CASE("FormatAmount output reads back as the same amount",
          "[attrs][amount]") {
  int checked = 0;
  for (const Case& c : PositiveCases()) {
    for (const attrs::AmountMention& a : attrs::FindAmounts(c.input)) {
      // FindAmounts reads normalized text; ASCII lower-casing is what
      // NFKC_Casefold does to the rendering.
      const std::string rendered = AsciiLower(attrs::FormatAmount(a));
      INFO("input: " << c.input << "; rendered: " << rendered);
      const auto back = attrs::FindAmounts(rendered);
      REQUIRE(back.size() == 1);
      CHECK(back[0].value == a.value);
      CHECK(back[0].currency == a.currency);
      CHECK(back[0].unit == a.unit);
      CHECK(back[0].approximate == a.approximate);
      CHECK(back[0].begin == 0);
      CHECK(back[0].end == rendered.size());
      ++checked;
    }
  }
  CHECK(checked >= 60);
}

TEST_CASE("FindAmounts is safe and deterministic on arbitrary input",
          "[attrs][amount]") {
  const std::vector<std::string> pieces = {
      "300",   "亿",       "万",   "美元",     "元", "个",     "$",
      "us$",   "€",        "bn",   " billion", "m",  ",",      ".",
      "000",   "约",       "多",   "十",       "百", "千",     "两",
      "<n>",   "%",        "第",   "年",       "月", "日",     " ",
      "units", "人民币",   "左右", "数",       "上", "about ", "1,0",
      "0.",    "\xe4\xba", "\xff", "\x80",     "億", "円",     "~",
  };
  std::mt19937 rng(20250320);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    INFO("input: " << text);
    const auto first = attrs::FindAmounts(text);
    const auto second = attrs::FindAmounts(text);
    REQUIRE(first.size() == second.size());
    size_t last_end = 0;
    for (size_t i = 0; i < first.size(); ++i) {
      CHECK(first[i].begin == second[i].begin);
      CHECK(first[i].end == second[i].end);
      CHECK(first[i].value == second[i].value);
      CHECK(first[i].begin >= last_end);
      CHECK(first[i].begin < first[i].end);
      CHECK(first[i].end <= text.size());
      last_end = first[i].end;
    }
  }
}
