#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "text/utf8.h"

namespace newsgraph::text {
namespace {

const Normalizer& TheNormalizer() {
  static const std::unique_ptr<Normalizer> normalizer = [] {
    auto created = Normalizer::Create();
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *normalizer;
}

// ICU's NFKC_Casefold of the whole string, without alignment.
std::string IcuNfkcCasefold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  n->normalizeUTF8(0,
                   icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
                   sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::vector<size_t> CodePointBoundaries(std::string_view s) {
  std::vector<size_t> b;
  for (size_t pos = 0; pos < s.size(); pos += DecodeUtf8(s, pos).length) {
    b.push_back(pos);
  }
  b.push_back(s.size());
  return b;
}

bool IsBoundary(std::string_view s, size_t pos) {
  return pos == s.size() || (pos < s.size() && !IsUtf8Continuation(s[pos]));
}

// Checks the alignment contract for every code point span of the result.
void CheckAlignment(std::string_view source, const Normalized& n) {
  REQUIRE(n.source_size() == source.size());
  const std::vector<size_t> bounds = CodePointBoundaries(n.text);
  size_t last_begin = 0;
  size_t last_end = 0;
  for (size_t i = 0; i < bounds.size(); ++i) {
    const size_t sb = n.SourceBegin(bounds[i]);
    CHECK(sb <= source.size());
    CHECK(IsBoundary(source, sb));
    CHECK(sb >= last_begin);
    last_begin = sb;
    const size_t se = n.SourceEnd(bounds[i]);
    CHECK(se <= source.size());
    CHECK(IsBoundary(source, se));
    CHECK(se >= last_end);
    last_end = se;
    for (size_t j = i + 1; j < bounds.size(); ++j) {
      const size_t end = n.SourceEnd(bounds[j]);
      REQUIRE(sb < end);
      const std::string_view piece =
          std::string_view(n.text).substr(bounds[i], bounds[j] - bounds[i]);
      const std::string renormalized =
          TheNormalizer().Normalize(source.substr(sb, end - sb)).text;
      INFO("norm span [" << bounds[i] << "," << bounds[j] << ") -> source ["
                         << sb << "," << end << ")");
      CHECK(renormalized.find(piece) != std::string::npos);
    }
  }
}

TEST_CASE("Normalize applies NFKC_Casefold", "[normalizer]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"empty", "", ""},
      {"ascii case folding", "Hello, WORLD 42!", "hello, world 42!"},
      {"full-width letters and digits", "ＡＢＣ１２３ｘｙｚ", "abc123xyz"},
      {"full-width punctuation", "，（）：；！？", ",():;!?"},
      {"CJK punctuation kept", "、。“”「」", "、。“”「」"},
      {"CJK text untouched", "微软与英伟达合作建设数据中心",
       "微软与英伟达合作建设数据中心"},
      {"ideographic space becomes a space", "甲\u3000乙", "甲 乙"},
      {"spaces are not collapsed", "a  b\n\nc", "a  b\n\nc"},
      {"ligature", "\uFB01nance \uFB02ow", "finance flow"},
      {"sharp s", "Straße", "strasse"},
      {"greek sigma", "ΣΟΦΙΑ", "σοφια"},
      {"kelvin sign", "5\u212A", "5k"},
      {"combining acute composes", "Cafe\u0301", "caf\u00E9"},
      {"combining sequence on a CJK-free base", "n\u0303o", "\u00F1o"},
      {"soft hyphen is removed", "co\u00ADop", "coop"},
      {"half-width katakana", "ｶﾀｶﾅ", "カタカナ"},
      {"circled digit", "\u2460号", "1号"},
      {"superscript", "m\u00B2", "m2"},
      {"mixed", "ＯｐｅｎＡＩ与Microsoft（MSFT）", "openai与microsoft(msft)"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Normalized n = TheNormalizer().Normalize(c.input);
    CHECK(n.text == c.expected);
    CHECK(n.text == IcuNfkcCasefold(c.input));
    CheckAlignment(c.input, n);
  }
}

TEST_CASE("Normalize folds Traditional Chinese to Simplified, byte for byte",
          "[normalizer]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"company names", "軟銀與甲骨文", "软银与甲骨文"},
      {"alliance name", "星際之門", "星际之门"},
      {"verbs", "聯手投資", "联手投资"},
      {"simplified unchanged", "软银投资", "软银投资"},
      {"mixed with Latin", "ＯｐｅｎＡＩ與微軟", "openai与微软"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Normalized n = TheNormalizer().Normalize(c.input);
    CHECK(n.text == c.expected);
    CheckAlignment(c.input, n);
  }
}

TEST_CASE("Normalized maps spans back to the source", "[normalizer]") {
  struct Case {
    const char* name;
    std::string source;
    std::string_view norm_piece;  // first occurrence in the normalized text
    std::string_view source_piece;
  };
  const std::vector<Case> cases = {
      {"full-width letter is its own segment", "ＡＢＣ微软", "b", "Ｂ"},
      {"CJK after full-width letters", "ＡＢＣ微软", "微软", "微软"},
      {"ascii run maps byte for byte", "Hello World", "world", "World"},
      {"ligature maps as a whole", "\uFB01x", "i", "\uFB01"},
      {"ligature span", "\uFB01x", "fi", "\uFB01"},
      {"after ligature", "\uFB01x", "x", "x"},
      {"composed character", "Cafe\u0301 ok", "\u00E9", "e\u0301"},
      {"full-width parenthesis", "微软（MSFT）", "(msft)", "（MSFT）"},
      {"ticker inside", "微软（MSFT）", "msft", "MSFT"},
      {"sharp s", "Straße AG", "ss", "ß"},
      {"around a removed soft hyphen", "co\u00ADop", "coop", "co\u00ADop"},
      {"after a removed soft hyphen", "co\u00ADop", "op", "op"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Normalized n = TheNormalizer().Normalize(c.source);
    const size_t b = n.text.find(c.norm_piece);
    REQUIRE(b != std::string::npos);
    const size_t e = b + c.norm_piece.size();
    const size_t sb = n.SourceBegin(b);
    const size_t se = n.SourceEnd(e);
    CHECK(std::string_view(c.source).substr(sb, se - sb) == c.source_piece);
  }
}

TEST_CASE("Normalized edge offsets and segment counts", "[normalizer]") {
  SECTION("empty input") {
    const Normalized n = TheNormalizer().Normalize("");
    CHECK(n.text.empty());
    CHECK(n.SourceBegin(0) == 0);
    CHECK(n.SourceEnd(0) == 0);
    CHECK(n.segment_count() == 0);
  }
  SECTION("ascii input is one linear segment") {
    const Normalized n = TheNormalizer().Normalize("Apple Inc. SAID so");
    CHECK(n.segment_count() == 1);
    CHECK(n.SourceBegin(n.text.size()) == 18);
    CHECK(n.SourceEnd(100) == 18);
  }
  SECTION("unchanged CJK between ascii stays linear") {
    const Normalized n = TheNormalizer().Normalize("AI基建项目xAI");
    CHECK(n.segment_count() == 1);
  }
  SECTION("each full-width character is a segment") {
    const Normalized n = TheNormalizer().Normalize("ＡＢＣ");
    CHECK(n.segment_count() == 3);
  }
  SECTION("default-constructed result") {
    const Normalized n;
    CHECK(n.SourceBegin(5) == 0);
    CHECK(n.SourceEnd(5) == 0);
  }
}

TEST_CASE("Alignment holds for pseudo-random mixed strings", "[normalizer]") {
  const std::vector<std::string> pieces = {
      "a",      "Z",      " ",       "\u3000", "微",         "软",
      "，",     "。",     "“",       "”",      "Ａ",         "ｂ",
      "１",     "\uFB01", "e\u0301", "\u0301", "\u00AD",     "ß",
      "Σ",      "ｶ",      "ﾞ",       "\u2460", "\u00B2",     "\n",
      "\u1100", "\u1161", "\u11A8",  "가",     "\U0001F600", "Å",
      "\u212B", "(",      "（",      ".",      "6.5",        "K",
  };
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 60; ++round) {
    std::string source;
    const int length = 1 + static_cast<int>(next() % 14);
    for (int k = 0; k < length; ++k) source += pieces[next() % pieces.size()];
    INFO("round " << round << " source \"" << source << "\"");
    const Normalized n = TheNormalizer().Normalize(source);
    CHECK(n.text == IcuNfkcCasefold(source));
    CheckAlignment(source, n);
  }
}

TEST_CASE("Normalize survives ill-formed input", "[normalizer]") {
  const std::vector<std::string> inputs = {
      "\xFF",
      "ab\x80"
      "cd",
      "\xE4\xB8",
      "ＡＢ\xC3",
      "\xF0\x9F\x98 x",
      "e\xCC",
      "\xED\xA0\x80\xEF\xBC\xA1",
  };
  for (const std::string& input : inputs) {
    INFO(input);
    const Normalized n = TheNormalizer().Normalize(input);
    CHECK(n.source_size() == input.size());
    for (size_t b = 0; b <= n.text.size(); ++b) {
      CHECK(n.SourceBegin(b) <= input.size());
      CHECK(n.SourceEnd(b) <= input.size());
      if (b > 0) CHECK(n.SourceEnd(b) > n.SourceBegin(b - 1));
    }
  }
}

TEST_CASE("NormalizeInto replaces what the record held", "[normalizer]") {
  // Longer, shorter, opaque-heavy, ASCII-only and empty sources in turn
  // through one record: each must equal a fresh Normalize of its source,
  // text and alignment alike.
  const std::vector<std::string> sources = {
      "ＡＢＣ微软（MSFT）与\uFB01 Café 軟銀 " + std::string(300, 'x'),
      "Apple Inc. SAID so",
      "e\u0301\u0301 ﬁﬂ ㍿ Ⅻ",
      "",
      "微软与英伟达。",
      std::string("bad \xFF byte"),
  };
  Normalized reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& source : sources) {
      INFO(source);
      TheNormalizer().NormalizeInto(source, &reused);
      const Normalized fresh = TheNormalizer().Normalize(source);
      CHECK(reused.text == fresh.text);
      CHECK(reused.source_size() == fresh.source_size());
      CHECK(reused.segment_count() == fresh.segment_count());
      for (size_t b = 0; b <= fresh.text.size() + 1; ++b) {
        CHECK(reused.SourceBegin(b) == fresh.SourceBegin(b));
        CHECK(reused.SourceEnd(b) == fresh.SourceEnd(b));
      }
    }
  }
}

TEST_CASE("Normalize is safe to call from several threads", "[normalizer]") {
  const std::string source =
      "ＡＢＣ微软（MSFT）与\uFB01 Café " + std::string(200, 'x');
  const Normalized expected = TheNormalizer().Normalize(source);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 1;
      for (int i = 0; i < 200; ++i) {
        const Normalized n = TheNormalizer().Normalize(source);
        if (n.text != expected.text ||
            n.SourceEnd(5) != expected.SourceEnd(5)) {
          good = 0;
        }
      }
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));
}

// Pieces of text for the comparison with ICU over whole texts: characters
// the table copies (CJK, Traditional ones it folds, ASCII), characters with
// a mapping of their own (full-width forms, capitals of other scripts,
// compatibility ideographs), and those around which ICU must be asked:
// combining marks after a base they compose with, Hangul jamo, marks after
// a mapped character, characters removed, characters outside the BMP.
const std::vector<std::string> kNormalizePieces = {
    "微软", "投资", "軟銀", "與", "星際", "a", "Apple", "NVIDIA", " ", "\n",
    "6.5", "e", "n", "<", "=", "A", "，", "（", "）", "：", "！", "？", "；",
    "、", "。", "“", "”", "\u3000", "Ａ", "ｂ", "１", "ΣΟΦΙΑ", "Straße", "ß",
    "\u212A", "\u212B", "\uFB01", "\u2460", "\u00B2", "\u3231", "ｶ", "ﾞ",
    "\uF900", "\uF91D", "\u0301", "\u0303", "\u0338", "\u0308", "\u3099",
    "\u1100", "\u1161", "\u11A8", "\uAC00", "\u00AD", "\u200B", "\u034F",
    "\U0001F600", "\U00020000", "\U0002F800", "\U0001D400", "\u0130", "İ",
    "\u00C5", "A\u030A", "\u0958", "\u0915\u093C", "\u00E9", "\u1E9E",
};

std::string RandomNormalizeText(uint32_t* state) {
  auto next = [state]() {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7FFF;
  };
  std::string text;
  const int length = static_cast<int>(next() % 30);
  for (int k = 0; k < length; ++k)
    text += kNormalizePieces[next() % kNormalizePieces.size()];
  return text;
}

TEST_CASE("Normalize gives what ICU gives for the whole text",
          "[normalizer]") {
  // The table-driven path against ICU over the whole text: the same text
  // and the same segments, into a fresh result and into a reused one.
  uint32_t state = 20261129;
  Normalized reused;
  int ill_formed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = RandomNormalizeText(&state);
    if (round % 89 == 7 && !text.empty()) {
      text[text.size() / 2] = '\x80';  // ill-formed: ICU reads it all
      ++ill_formed;
    }
    INFO("round " << round << " text \"" << text << "\"");
    const Normalized whole = TheNormalizer().NormalizeWholeForTesting(text);
    REQUIRE(TheNormalizer().Normalize(text) == whole);
    TheNormalizer().NormalizeInto(text, &reused);
    REQUIRE(reused == whole);
  }
  CHECK(ill_formed > 100);
}

TEST_CASE("Normalize cuts text for ICU only where ICU would", "[normalizer]") {
  // A mark that composes with the character before it, after characters
  // the table copies or maps: the piece ICU gets starts at that character.
  for (std::string text :
       {"微软e\u0301", "Cafe\u0301 ok", "<\u0338", "Ａ\u0301", "\u1100\u1161",
        "\u00C5\u0301x", "ｶﾞ", "軟\u0301銀", "\uFB01\u0301", "ab\u0301c\u0338d"}) {
    INFO(text);
    const Normalized whole = TheNormalizer().NormalizeWholeForTesting(text);
    // (Traditional characters are folded after ICU.)
    if (text.find("軟") == std::string::npos)
      CHECK(whole.text == IcuNfkcCasefold(text));
    CHECK(TheNormalizer().Normalize(text) == whole);
    CheckAlignment(text, TheNormalizer().Normalize(text));
  }
}

TEST_CASE("Normalize gives what ICU gives for every BMP character",
          "[normalizer]") {
  // Each character alone, after a letter it may combine with, and before
  // marks that combine with what precedes them: the table's answer for
  // every character against ICU's for the whole text.
  int differ = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string ch;
    AppendUtf8(c, &ch);
    for (const std::string& text :
         {ch, ch + "\u0301", ch + "\u3099", "e" + ch, ch + "\u0338x"}) {
      if (!(TheNormalizer().Normalize(text) ==
            TheNormalizer().NormalizeWholeForTesting(text))) {
        if (++differ <= 5) FAIL_CHECK("U+" << std::hex << uint32_t(c));
      }
    }
  }
  CHECK(differ == 0);
}

}  // namespace
}  // namespace newsgraph::text
