#include "text/char_class.h"

#include "text/utf8.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

TEST_CASE("Character classes", "[char_class]") {
  struct Case {
    const char* name;
    char32_t c;
    bool space, letter, cjk, digit, opening;
  };
  const std::vector<Case> cases = {
      {"space", U' ', true, false, false, false, false},
      {"newline", U'\n', true, false, false, false, false},
      {"nbsp", 0x00A0, true, false, false, false, false},
      {"ideographic space", 0x3000, true, false, false, false, false},
      {"zero width space", 0x200B, true, false, false, false, false},
      {"latin letter", U'q', false, true, false, false, false},
      {"accented letter", U'é', false, true, false, false, false},
      {"han", U'微', false, true, true, false, false},
      {"katakana", U'カ', false, true, true, false, false},
      {"hangul", U'가', false, true, true, false, false},
      {"ascii digit", U'7', false, false, false, true, false},
      {"full-width digit", U'７', false, false, false, true, false},
      {"ideographic full stop", U'。', false, false, false, false, false},
      {"left double quote", U'“', false, false, false, false, true},
      {"right double quote", U'”', false, false, false, false, false},
      {"corner bracket", U'「', false, false, false, false, true},
      {"full-width parenthesis", U'（', false, false, false, false, true},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(IsWhiteSpace(c.c) == c.space);
    CHECK(IsLetter(c.c) == c.letter);
    CHECK(IsCjk(c.c) == c.cjk);
    CHECK(IsDigit(c.c) == c.digit);
    CHECK(IsOpeningPunctuation(c.c) == c.opening);
  }
}

TEST_CASE("TrimSpan and TrimWhiteSpace", "[char_class]") {
  struct Case {
    const char* name;
    std::string text;
    Span span;
    Span expected;
  };
  const std::vector<Case> cases = {
      {"nothing to trim", "abc", {0, 3}, {0, 3}},
      {"ascii spaces", "  ab \n", {0, 6}, {2, 4}},
      {"ideographic spaces", "\u3000\u3000正文\u3000", {0, 15}, {6, 12}},
      {"nbsp", "\u00A0x\u00A0", {0, 5}, {2, 3}},
      {"all white space", " \t\u3000", {0, 5}, {5, 5}},
      {"empty", "", {0, 0}, {0, 0}},
      {"inner span", "a  b  c", {1, 6}, {3, 4}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(TrimSpan(c.text, c.span) == c.expected);
  }
  CHECK(TrimWhiteSpace("\u3000 标题 \r") == "标题");
}

TEST_CASE("TrimSpan agrees with trimming code point by code point", "[char_class]") {
  // TrimSpan skips ASCII bytes without decoding; the reference decodes
  // every code point. Random mixes of ASCII and other white space, letters,
  // CJK and stray bytes.
  auto reference = [](std::string_view text, Span span) -> Span {
    size_t b = span.begin, e = span.end;
    while (b < e) {
      const Decoded d = DecodeUtf8(text, b);
      if (!d.valid || !IsWhiteSpace(d.code_point)) break;
      b += d.length;
    }
    while (e > b) {
      const size_t p = PreviousCodePointStart(text, e);
      if (p < b) break;
      const Decoded d = DecodeUtf8(text, p);
      if (!d.valid || !IsWhiteSpace(d.code_point)) break;
      e = p;
    }
    return b == e ? Span{span.end, span.end} : Span{b, e};
  };
  const std::vector<std::string> pieces = {" ", "\t", "\n", "\r", "\v", "\f",
                                           "a", ".", "\u3000", "\u00A0", "\u200B",
                                           "\uFEFF", "\u2028", "中", "\x80", "\xE4",
                                           "\xE2\x80", "\xE3", "\u3002", "\u2030",
                                           "\u00E9", "\U0001F600", "\xBB"};
  std::mt19937 rng(11);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int len = int(rng() % 8);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    const size_t begin = text.empty() ? 0 : rng() % (text.size() + 1);
    const size_t end = begin + rng() % (text.size() - begin + 1);
    INFO(text << " [" << begin << ", " << end << ")");
    CHECK(TrimSpan(text, {begin, end}) == reference(text, {begin, end}));
  }
}

TEST_CASE("MayStartWhiteSpace holds for every white-space code point",
          "[char_class]") {
  // TrimSpan decodes only what passes it: every IsWhiteSpace code point
  // must, and most others (CJK, Latin letters with accents) must not.
  int passed = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string u;
    AppendUtf8(c, &u);
    u.append(2, '\0');  // the bytes past the end read as 0
    const bool may = MayStartWhiteSpace(static_cast<unsigned char>(u[0]),
                                        static_cast<unsigned char>(u[1]),
                                        static_cast<unsigned char>(u[2]));
    if (IsWhiteSpace(c)) REQUIRE(may);
    passed += may;
  }
  CHECK(passed < 250);  // 209 with ICU 72
}

}  // namespace
}  // namespace newsgraph::text
