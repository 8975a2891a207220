#include "extract/attrs/cn_number.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace attrs = newsgraph::extract::attrs;

TEST_CASE("ParseChineseNumeral reads numerals", "[attrs][cn_number]") {
  struct Case {
    std::string input;
    std::optional<double> expected;
  };
  const std::vector<Case> cases = {
      {"零", 0},
      {"一", 1},
      {"两", 2},
      {"十", 10},
      {"十五", 15},
      {"二十", 20},
      {"二十五", 25},
      {"一百", 100},
      {"一百零五", 105},
      {"一百二十三", 123},
      {"三百五", 350},
      {"三千五", 3500},
      {"一千零十", 1010},
      {"两千", 2000},
      {"十万", 1e5},
      {"十五万", 1.5e5},
      {"一万五", 15000},
      {"一万零五", 10005},
      {"两千万", 2e7},
      {"三千五百万", 3.5e7},
      {"十亿", 1e9},
      {"五十亿", 5e9},
      {"一亿五千万", 1.5e8},
      {"一亿五", 1.5e8},
      {"百亿", 1e10},
      {"千亿", 1e11},
      {"万亿", 1e12},
      {"一万亿", 1e12},
      {"十万亿", 1e13},
      {"三万五千亿", 3.5e12},
      {"亿", 1e8},
      {"二〇二四", 2024},
      {"二零一九", 2019},
      {"九八", 98},
      // Financial and traditional forms.
      {"壹佰", 100},
      {"贰拾伍", 25},
      {"伍萬", 5e4},
      {"兩億", 2e8},
      // Malformed.
      {"", std::nullopt},
      {"十十", std::nullopt},
      {"五六十", std::nullopt},
      {"千百", std::nullopt},
      {"亿万", std::nullopt},
      {"一百千", std::nullopt},
      {"三个", std::nullopt},
      {"abc", std::nullopt},
      {"5亿", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    auto got = attrs::ParseChineseNumeral(c.input);
    REQUIRE(got.has_value() == c.expected.has_value());
    if (c.expected) CHECK(*got == *c.expected);
  }
}

TEST_CASE("ParseChineseNumeral rejects overlong runs", "[attrs][cn_number]") {
  std::string run;
  for (int i = 0; i < 40; ++i) run += "亿";
  CHECK_FALSE(attrs::ParseChineseNumeral(run).has_value());
  std::string ok;
  for (int i = 0; i < 3; ++i) ok += "亿";
  REQUIRE(attrs::ParseChineseNumeral(ok).has_value());
  CHECK(*attrs::ParseChineseNumeral(ok) == 1e24);
}

TEST_CASE("ChineseMultiplierExponent reads unit runs", "[attrs][cn_number]") {
  struct Case {
    std::string input;
    std::optional<int> expected;
  };
  const std::vector<Case> cases = {
      {"十", 1},
      {"百", 2},
      {"千", 3},
      {"万", 4},
      {"十万", 5},
      {"百万", 6},
      {"千万", 7},
      {"亿", 8},
      {"十亿", 9},
      {"百亿", 10},
      {"千亿", 11},
      {"万亿", 12},
      {"萬", 4},
      {"億", 8},
      {"十万亿", 13},
      {"", std::nullopt},
      {"亿万", std::nullopt},
      {"万万", std::nullopt},
      {"千百", std::nullopt},
      {"五万", std::nullopt},
      {"万五", std::nullopt},
      {"美元", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(attrs::ChineseMultiplierExponent(c.input) == c.expected);
  }
}

TEST_CASE("ChineseNumeralLength and digit strings", "[attrs][cn_number]") {
  struct Case {
    std::string input;
    size_t length;
    bool digit_string;
  };
  const std::vector<Case> cases = {
      {"五十亿美元", 9, false}, {"二〇二四年", 12, true}, {"三家", 3, true},
      {"美元", 0, false},       {"", 0, false},           {"12", 0, false},
      {"十", 3, false},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(attrs::ChineseNumeralLength(c.input) == c.length);
    CHECK(attrs::IsChineseDigitString(c.input.substr(0, c.length)) ==
          c.digit_string);
  }
}

TEST_CASE("Chinese digit and unit values", "[attrs][cn_number]") {
  CHECK(attrs::ChineseDigitValue(U'〇') == 0);
  CHECK(attrs::ChineseDigitValue(U'两') == 2);
  CHECK(attrs::ChineseDigitValue(U'玖') == 9);
  CHECK(attrs::ChineseDigitValue(U'十') == -1);
  CHECK(attrs::ChineseDigitValue(U'a') == -1);
  CHECK(attrs::ChineseUnitExponent(U'亿') == 8);
  CHECK(attrs::ChineseUnitExponent(U'仟') == 3);
  CHECK(attrs::ChineseUnitExponent(U'一') == -1);
}

namespace {

// The character tests as they were written before the numeral table (one
// switch each): the table must say the same for every code point.
int DigitValueBySwitch(char32_t cp) {
  switch (cp) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'兩': case U'贰': case U'貳': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

int UnitExponentBySwitch(char32_t cp) {
  switch (cp) {
    case U'十': case U'拾': return 1;
    case U'百': case U'佰': return 2;
    case U'千': case U'仟': return 3;
    case U'万': case U'萬': return 4;
    case U'亿': case U'億': return 8;
    default: return -1;
  }
}

}  // namespace

TEST_CASE("The numeral table agrees with the character switches everywhere",
          "[attrs][cn_number]") {
  int numerals = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const int digit = DigitValueBySwitch(cp);
    const int exp = UnitExponentBySwitch(cp);
    if (attrs::ChineseDigitValue(cp) != digit ||
        attrs::ChineseUnitExponent(cp) != exp ||
        attrs::IsChineseNumeral(cp) != (digit >= 0 || exp >= 0) ||
        attrs::ChineseNumeralSet().Contains(cp) != (digit >= 0 || exp >= 0)) {
      FAIL("code point " << static_cast<uint32_t>(cp));
    }
    numerals += digit >= 0 || exp >= 0;
  }
  CHECK(numerals == 35);
}
