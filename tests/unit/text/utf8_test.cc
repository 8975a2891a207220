#include "text/utf8.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

TEST_CASE("FindInvalidUtf8 finds the first ill-formed sequence", "[utf8]") {
  struct Case {
    const char* name;
    std::string input;
    size_t expected;
  };
  const size_t kValid = std::string_view::npos;
  const std::vector<Case> cases = {
      {"empty", "", kValid},
      {"ascii longer than a word", "plain ascii text, long enough", kValid},
      {"two-byte", "caf\xC3\xA9", kValid},
      {"cjk", "\xE4\xB8\xAD\xE6\x96\x87", kValid},
      {"four-byte emoji", "ok \xF0\x9F\x98\x80!", kValid},
      {"max code point", "\xF4\x8F\xBF\xBF", kValid},
      {"stray continuation", "abc\x80", 3},
      {"overlong slash C0", "a\xC0\xAF", 1},
      {"overlong C1", "\xC1\xBF", 0},
      {"overlong three-byte", "xy\xE0\x80\xAF", 2},
      {"overlong four-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate", "ab\xED\xA0\x80", 2},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead", "\xF5\x80\x80\x80", 0},
      {"truncated at end", "12345678\xE4\xB8", 8},
      {"truncated before ascii", "\xE4\xB8z", 0},
      {"invalid after long ascii run", std::string(20, 'a') + "\xFF", 20},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(FindInvalidUtf8(c.input) == c.expected);
  }
}

TEST_CASE("FindInvalidUtf8 agrees with the one-sequence-at-a-time scan", "[utf8]") {
  // Texts of well-formed pieces of every length with, now and then, a
  // byte that may break them: the whole-text validator must clear exactly
  // the texts the scan finds nothing in, and report the same offset.
  const std::vector<std::string> pieces = {
      "a", "plain text ", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
      "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD", "\xED\x9F\xBF", "\xEE\x80\x80"};
  std::mt19937 rng(7);
  int invalid = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const int len = int(rng() % 40);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    const int breaks = int(rng() % 3);
    for (int k = 0; k < breaks && !text.empty(); ++k)
      text[rng() % text.size()] = char(rng() % 256);
    if (rng() % 4 == 0 && !text.empty()) text.pop_back();  // truncate
    const size_t want = FindInvalidUtf8Scalar(text);
    INFO(n);
    CHECK(FindInvalidUtf8(text) == want);
    invalid += want != std::string_view::npos;
  }
  CHECK(invalid > 5000);
  CHECK(invalid < 15000);
}

TEST_CASE("ReplaceInvalidUtf8 substitutes maximal subparts", "[utf8]") {
  const std::string r(kReplacementUtf8);
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
    std::vector<size_t> offsets;
  };
  const std::vector<Case> cases = {
      {"valid unchanged", "ok \xE4\xB8\xAD", "ok \xE4\xB8\xAD", {}},
      {"one stray byte", "a\x80z", "a" + r + "z", {1}},
      {"two stray bytes are two subparts", "\x80\x80", r + r, {0, 1}},
      {"truncated four-byte is one subpart", "\xF0\x9F\x98", r, {0}},
      {"truncated then ascii", "\xF0\x9F\x98!", r + "!", {0}},
      {"E0 80: lead alone, then continuation", "\xE0\x80", r + r, {0, 1}},
      {"surrogate is three subparts", "\xED\xA0\x80", r + r + r, {0, 1, 2}},
      {"mixed",
       "\xE4\xB8\xAD\xFF\xE6\x96\x87\xC3",
       "\xE4\xB8\xAD" + r + "\xE6\x96\x87" + r,
       {3, 7}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::vector<size_t> offsets;
    const std::string out = ReplaceInvalidUtf8(c.input, &offsets);
    CHECK(out == c.expected);
    CHECK(offsets == c.offsets);
    CHECK(FindInvalidUtf8(out) == std::string_view::npos);
    CHECK(ReplaceInvalidUtf8(c.input, nullptr) == c.expected);
  }
}

TEST_CASE("DecodeUtf8, AppendUtf8 and Utf8Length agree", "[utf8]") {
  struct Case {
    const char* name;
    char32_t code_point;
    size_t length;
  };
  const std::vector<Case> cases = {
      {"ascii", U'a', 1},    {"latin", U'é', 2},
      {"cjk", U'中', 3},     {"ideographic space", 0x3000, 3},
      {"emoji", 0x1F600, 4}, {"last", 0x10FFFF, 4},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string s;
    AppendUtf8(c.code_point, &s);
    CHECK(s.size() == c.length);
    CHECK(Utf8Length(s[0]) == c.length);
    const Decoded d = DecodeUtf8(s, 0);
    CHECK(d.valid);
    CHECK(d.code_point == c.code_point);
    CHECK(d.length == c.length);
    CHECK(PreviousCodePointStart(s, s.size()) == 0);
  }
  INFO("surrogates are encoded as U+FFFD");
  std::string s;
  AppendUtf8(0xD800, &s);
  CHECK(s == kReplacementUtf8);
  CHECK(Utf8Length('\x80') == 0);
  CHECK(Utf8Length('\xC1') == 0);
  CHECK(Utf8Length('\xF5') == 0);
}

TEST_CASE("IsAscii and CountCodePoints", "[utf8]") {
  struct Case {
    const char* name;
    std::string input;
    bool ascii;
    size_t code_points;
  };
  const std::vector<Case> cases = {
      {"empty", "", true, 0},
      {"short ascii", "abc", true, 3},
      {"long ascii", std::string(37, 'x'), true, 37},
      {"non-ascii at the end of a long run", std::string(16, 'x') + "\xC3\xA9",
       false, 17},
      {"mixed",
       "a\xE4\xB8\xAD"
       "b",
       false, 3},
      {"ill-formed subparts count once each", "\x80\x80", false, 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(IsAscii(c.input) == c.ascii);
    CHECK(CountCodePoints(c.input) == c.code_points);
  }
}

}  // namespace
}  // namespace newsgraph::text
