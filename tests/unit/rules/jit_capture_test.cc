#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "base/file_util.h"
#include "reference_patterns.h"
#include "rules/jit_capture.h"
#include "text/utf8.h"

using newsgraph::rules::JitCapture;

namespace {

RE2::Options Utf8() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

// From every character boundary of `text`: RE2's search for `pattern`
// with captures, against the JIT's. The JIT may give up (kUndecided) but
// must never disagree. Returns how many searches the JIT decided with a
// match.
int CompareAll(const std::string& pattern, const std::string& text) {
  RE2 re(pattern, Utf8());
  REQUIRE(re.ok());
  const int n = re.NumberOfCapturingGroups() + 1;
  auto jit = JitCapture::Create(pattern, n - 1);
  REQUIRE(jit);
  int matched = 0;
  std::vector<re2::StringPiece> want(n), got(n), unchecked(n);
  const bool valid =
      newsgraph::text::FindInvalidUtf8(text) == std::string_view::npos;
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    if (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
      // Inside a character: undecided, with or without PCRE2's own check.
      CHECK(jit->Find(text, pos, n, got.data()) == JitCapture::Outcome::kUndecided);
      if (valid)
        CHECK(jit->Find(text, pos, n, got.data(), true) ==
              JitCapture::Outcome::kUndecided);
      continue;
    }
    const bool found =
        re.Match(text, pos, text.size(), RE2::UNANCHORED, want.data(), n);
    const JitCapture::Outcome o = jit->Find(text, pos, n, got.data());
    if (valid) {
      // The caller's check instead of PCRE2's: the same outcome and groups.
      const JitCapture::Outcome u =
          jit->Find(text, pos, n, unchecked.data(), /*valid_utf8=*/true);
      CHECK(u == o);
      if (u == o && o == JitCapture::Outcome::kMatch)
        for (int g = 0; g < n; ++g) {
          CHECK(unchecked[g].data() == got[g].data());
          CHECK(unchecked[g].size() == got[g].size());
        }
    }
    if (o == JitCapture::Outcome::kUndecided) continue;
    INFO("pattern " << pattern << " text " << text << " from " << pos);
    REQUIRE((o == JitCapture::Outcome::kMatch) == found);
    if (!found) continue;
    ++matched;
    for (int g = 0; g < n; ++g) {
      CHECK((got[g].data() == nullptr) == (want[g].data() == nullptr));
      if (want[g].data() && got[g].data()) {
        CHECK(got[g].data() - text.data() == want[g].data() - text.data());
        CHECK(got[g].size() == want[g].size());
      }
    }
  }
  return matched;
}

}  // namespace

TEST_CASE("jit capture: RE2 syntax translated where PCRE2 reads it otherwise") {
  // \s is [\t\n\f\r ] in RE2; PCRE2's also holds \v.
  CHECK(JitCapture::Translate(R"(a\sb)") == R"(a[\t\n\f\r\x20]b)");
  CHECK(JitCapture::Translate(R"([^\s,])") == R"([^\t\n\f\r\x20,])");
  CHECK(JitCapture::Translate(R"(\S+)") == R"([^\t\n\f\r\x20]+)");
  CHECK(JitCapture::Translate(R"(\v)") == R"(\x0b)");
  // The same in both: copied as written.
  CHECK(JitCapture::Translate(R"(\x01[a-z]\d+\x02)") == R"(\x01[a-z]\d+\x02)");
  CHECK(JitCapture::Translate(R"(\p{Han}\pL\x{4e00})") == R"(\p{Han}\pL\x{4e00})");
  CHECK(JitCapture::Translate(R"(\Q\s.\E\s)") == R"(\Q\s.\E[\t\n\f\r\x20])");
  CHECK(JitCapture::Translate(R"([]\s])") == R"([]\t\n\f\r\x20])");
  CHECK(JitCapture::Translate(R"([[:alpha:]\s])") == R"([[:alpha:]\t\n\f\r\x20])");
  CHECK(JitCapture::Translate(R"((?P<S>x)\.y)") == R"((?P<S>x)\.y)");
  // No equivalent: left to RE2.
  CHECK(JitCapture::Translate(R"([\S])").empty());
  CHECK(JitCapture::Translate(R"(\C)").empty());
  CHECK(JitCapture::Translate(R"(a{,3})").empty());
  CHECK(JitCapture::Translate(R"([abc)").empty());
  CHECK(JitCapture::Create(R"(\C)", 0) == nullptr);
  CHECK(JitCapture::Create(R"((a)(b))", 1) == nullptr);  // group count differs
}

TEST_CASE("jit capture: the same matches and captures as RE2 from every offset") {
  // Constructs where the two engines could part: lazy and greedy bounds,
  // alternation order, groups that take no part, \s against \v, "$"
  // before a final newline, "." against \r, CJK classes.
  const std::vector<std::string> patterns = {
      R"((?P<S>\x01[a-z]\d+\x02)[^\x01\x02]{0,12}?(?:投资|收购)(?P<O>\x01[a-z]\d+\x02))",
      R"((?P<S>(?:[a-z]+\s+){0,2}?\x01c\d+\x02)(?:\s*(?:,|and)\s*(?P<T>\x01c\d+\x02))?\s+(?:backs|backed))",
      R"((?:(?P<A>a+)|(?P<B>a+b))c?)",
      R"((?P<X>\s+)(?P<Y>.*)$)",
      R"((?P<P>[^,]{1,3})(?P<Q>,|$))",
      R"(x(?P<G>(?:ab|a)(?:bc|c)?)y?)",
      R"((?P<H>[\p{Han}]{1,4}?)(?:公司|集团))",
      R"((?:(?P<A>a$)|(?P<B>a))\n?)",
  };
  const std::vector<std::string> pieces = {
      "\x01" "c0\x02", "\x01" "i1\x02", "\x01" "c2\x02", " ", "\v", "\r", "\n",
      ",", "a", "b", "c", "x", "y", "ab", "and", "backs", "the", "startup",
      "投资", "收购", "英伟达", "公司", "集团", "的"};
  std::mt19937 rng(11);
  int captured = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int len = 1 + int(rng() % 12);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    captured += CompareAll(patterns[n % patterns.size()], text);
  }
  CHECK(captured > 1000);  // the JIT decides, not the fallback
}

TEST_CASE("jit capture: finds, misses, and gives up where it cannot decide") {
  using Outcome = JitCapture::Outcome;
  auto jit = JitCapture::Create("(?P<S>a+)b", 1);
  REQUIRE(jit);
  std::vector<re2::StringPiece> g(2);
  const std::string text = "xaab";
  REQUIRE(jit->Find(text, 0, 2, g.data()) == Outcome::kMatch);
  CHECK(g[0].data() - text.data() == 1);
  CHECK(g[1] == "aa");
  REQUIRE(jit->Find(text, 2, 2, g.data()) == Outcome::kMatch);  // from offset 2
  CHECK(g[1] == "a");
  CHECK(jit->Find(text, 4, 2, g.data()) == Outcome::kNoMatch);
  CHECK(jit->Find("xaa", 0, 2, g.data()) == Outcome::kNoMatch);
  // Not UTF-8 where the search would look: PCRE2 refuses the text.
  const std::string bad = "a\xff" "ab";
  CHECK(jit->Find(bad, 0, 2, g.data()) == Outcome::kUndecided);
  REQUIRE(jit->Find(bad, 2, 2, g.data()) == Outcome::kMatch);  // past the bad byte
  CHECK(g[1] == "a");
  // Inside a character.
  CHECK(jit->Find("\xe4\xb8\x80" "ab", 1, 2, g.data()) == Outcome::kUndecided);
  // Past the backtracking limit.
  auto slow = JitCapture::Create("(?P<S>(?:a|aa)+)+c", 1);
  REQUIRE(slow);
  CHECK(slow->Find(std::string(60, 'a') + "bc", 0, 2, g.data()) == Outcome::kUndecided);
}

TEST_CASE("jit capture: the shipped coreference and discovery patterns as RE2 reads them") {
  // The extractor finds these phrases and names with PCRE2 (RuleSet::
  // FindCorefs, Discover): on texts made of the words they look for, the
  // JIT must give RE2's matches and groups from every offset.
  const std::vector<std::string> patterns = newsgraph::testing::ReferencePatterns();
  const std::vector<std::string>& pieces = newsgraph::testing::ReferencePieces();
  std::mt19937 rng(29);
  int captured = 0;
  for (int n = 0; n < 6000; ++n) {
    std::string text;
    const int len = 1 + int(rng() % 10);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    captured += CompareAll(patterns[size_t(n) % patterns.size()], text);
  }
  CHECK(captured > 500);  // the JIT decides, not the fallback
}
