#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "rules/jit_capture.h"

using newsgraph::rules::JitCapture;

namespace {

RE2::Options Utf8() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

// Every match of `pattern` in `text`, left to right: RE2's captures, and
// the JIT's on RE2's span. The JIT may decline (false) but must never
// disagree. Returns how many matches the JIT did capture.
int CompareAll(const std::string& pattern, const std::string& text) {
  RE2 re(pattern, Utf8());
  REQUIRE(re.ok());
  const int n = re.NumberOfCapturingGroups() + 1;
  auto jit = JitCapture::Create(pattern, n - 1);
  REQUIRE(jit);
  int captured = 0;
  size_t pos = 0;
  std::vector<re2::StringPiece> want(n), got(n);
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, want.data(), n)) {
    const size_t b = size_t(want[0].data() - text.data());
    const size_t e = b + want[0].size();
    if (jit->Captures(text, b, e, n, got.data())) {
      ++captured;
      INFO("pattern " << pattern << " text " << text << " at " << b);
      for (int g = 0; g < n; ++g) {
        CHECK((got[g].data() == nullptr) == (want[g].data() == nullptr));
        if (want[g].data() && got[g].data()) {
          CHECK(got[g].data() - text.data() == want[g].data() - text.data());
          CHECK(got[g].size() == want[g].size());
        }
      }
    }
    pos = e > pos ? e : pos + 1;
  }
  return captured;
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

TEST_CASE("jit capture: the same captures as RE2 on the span RE2 matched") {
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
  CHECK(captured > 1000);  // the JIT does the work, not the fallback
}

TEST_CASE("jit capture: declines what it cannot decide") {
  auto jit = JitCapture::Create("(?P<S>a+)b", 1);
  REQUIRE(jit);
  std::vector<re2::StringPiece> g(2);
  const std::string text = "xaab";
  CHECK(jit->Captures(text, 1, 4, 2, g.data()));
  CHECK(g[1] == "aa");
  CHECK_FALSE(jit->Captures(text, 1, 3, 2, g.data()));  // ends elsewhere
  CHECK_FALSE(jit->Captures(text, 0, 4, 2, g.data()));  // no match at 0
  // Not UTF-8 where the match would look: PCRE2 refuses the text.
  const std::string bad = "a\xff" "ab";
  CHECK_FALSE(jit->Captures(bad, 0, 4, 2, g.data()));
  CHECK(jit->Captures(bad, 2, 4, 2, g.data()));  // past the bad byte
  CHECK(g[1] == "a");
}
