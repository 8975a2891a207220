#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "reference_patterns.h"
#include "rules/presence_set.h"
#include "rules/rule_set.h"

using newsgraph::rules::PresenceSet;

namespace {

bool Re2Finds(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(text, re);
}

bool Has(const std::vector<int>& hits, int i) {
  return std::binary_search(hits.begin(), hits.end(), i);
}

// Checks, for batches of random texts made of `pieces`, that every pattern
// RE2 finds in a text alone is reported for that text. Returns how many
// (pattern, text) pairs RE2 matched, and counts in `extra` the reports RE2
// does not confirm (except for pattern `always`, which matches the empty
// string).
int CheckSuperset(const std::vector<std::string>& patterns,
                  const std::vector<std::string>& pieces, uint32_t seed,
                  int batches, int* extra, int always = -1) {
  auto set = PresenceSet::Create(patterns);
  REQUIRE(set);
  std::vector<std::unique_ptr<RE2>> res;
  for (const auto& p : patterns) {
    res.push_back(std::make_unique<RE2>(p));
    REQUIRE(res.back()->ok());
  }
  std::mt19937 rng(seed);
  int matched = 0;
  for (int b = 0; b < batches; ++b) {
    std::vector<std::string> texts(1 + rng() % 6);
    for (auto& t : texts) {
      const int len = int(rng() % 9);  // empty texts too
      for (int k = 0; k < len; ++k) t += pieces[rng() % pieces.size()];
    }
    std::vector<std::string_view> views(texts.begin(), texts.end());
    std::vector<std::vector<int>> hits;
    REQUIRE(set->Occurring(views, &hits));
    REQUIRE(hits.size() == texts.size());
    for (size_t t = 0; t < texts.size(); ++t) {
      REQUIRE(std::is_sorted(hits[t].begin(), hits[t].end()));
      REQUIRE(std::adjacent_find(hits[t].begin(), hits[t].end()) ==
              hits[t].end());
      for (size_t p = 0; p < patterns.size(); ++p) {
        const bool found = Re2Finds(*res[p], texts[t]);
        matched += found;
        if (!found && Has(hits[t], int(p)) && int(p) != always) ++*extra;
        if (found && !Has(hits[t], int(p))) {
          INFO("pattern " << patterns[p] << "\ntext " << texts[t] << "\ntext "
                          << t << " of " << texts.size());
          FAIL("RE2 finds the pattern, the set does not report it");
        }
      }
    }
  }
  return matched;
}

}  // namespace

TEST_CASE("presence set: Hyperscan's spelling of RE2 patterns") {
  // Named groups become plain ones; names used twice are RE2's right.
  CHECK(PresenceSet::Translate("(?P<m>a)|(?P<m>b)") == "(a)|(b)");
  // In a class, "(?P<" is four characters.
  CHECK(PresenceSet::Translate("[(?P<]x") == "[(?P<]x");
  CHECK(PresenceSet::Translate("[]a](?P<n>b)") == "[]a](b)");
  CHECK(PresenceSet::Translate("[^]a](?P<n>b)") == "[^]a](b)");
  CHECK(PresenceSet::Translate("[[:alpha:]](?P<n>b)") == "[[:alpha:]](b)");
  // \s as RE2 means it (no vertical tab).
  CHECK(PresenceSet::Translate("a\\sb") == "a[\\t\\n\\f\\r\\x20]b");
  // The start and end of the text itself have no place in a joined text.
  CHECK(PresenceSet::Translate("\\Afoo").empty());
  CHECK(PresenceSet::Translate("foo\\z").empty());
  CHECK(PresenceSet::Translate("foo\\\\z") == "foo\\\\z");  // a backslash, then z
  // No translation at all (JitCapture's rules).
  CHECK(PresenceSet::Translate("a\\Cb").empty());
  CHECK(PresenceSet::Create({"ok", "\\Abad"}) == nullptr);
  CHECK(PresenceSet::Create({}) == nullptr);
}

TEST_CASE("presence set: each text gets the patterns that end in it") {
  auto set = PresenceSet::Create({"apple", "^pear", "plum$", "\\bfig\\b", "x*"});
  REQUIRE(set);
  const std::vector<std::string_view> texts = {
      "an apple", "pear and plum", "plum pie", "fig", "afig", "", "pear"};
  std::vector<std::vector<int>> hits;
  REQUIRE(set->Occurring(texts, &hits));
  // "x*" matches the empty string: it occurs everywhere.
  CHECK(hits[0] == std::vector<int>{0, 4});
  CHECK(hits[1] == std::vector<int>{1, 2, 4});  // ^ and $ at each text
  CHECK(hits[2] == std::vector<int>{4});       // "plum" not at the end
  CHECK(hits[3] == std::vector<int>{3, 4});    // \b at the text's edges
  CHECK(hits[4] == std::vector<int>{4});
  CHECK(hits[5] == std::vector<int>{4});
  CHECK(hits[6] == std::vector<int>{1, 4});
  // One text alone, and none.
  REQUIRE(set->Occurring(std::vector<std::string_view>{"apple plum"}, &hits));
  CHECK(hits == std::vector<std::vector<int>>{{0, 2, 4}});
  REQUIRE(set->Occurring({}, &hits));
  CHECK(hits.empty());
}

TEST_CASE("presence set: text that is not UTF-8 is refused, not scanned") {
  auto set = PresenceSet::Create({"a.b"});
  REQUIRE(set);
  std::vector<std::vector<int>> hits;
  const std::string bad = "a\xff" "b";
  CHECK_FALSE(set->Occurring(std::vector<std::string_view>{"ok", bad}, &hits));
  CHECK(set->Occurring(std::vector<std::string_view>{"a\xc3\xa9" "b"}, &hits));
  CHECK(hits[0] == std::vector<int>{0});  // '.' is one character
}

TEST_CASE("presence set: reports what RE2 finds, in patterns built to tell dialects apart") {
  // Anchors, word boundaries next to CJK and the texts' edges, negated
  // multi-byte classes, \s against a vertical tab, lazy and bounded
  // repeats, alternatives naming their group alike, and tokens.
  const std::vector<std::string> patterns = {
      "^ab", "ab$", "^(?:ab)?$", "\\bab\\b", "\\Bb", "(?P<m>他|她)(?:[^们]|$)",
      "a\\sb", "a\\Sb", "[^\\s]b", "a.b", "a(?:b|c){2,3}?d", "x{1,4}y",
      "(?P<n>a)c|(?P<n>b)c", "\x01c[0-9]+\x02 and", "公司(?:宣布|称)",
      "(?:^|[,;:])(?P<m>公司)", "[A-Z][a-z]+ Inc\\b", "(?i)acme", "a\\x{4e00}",
      "\\pL\\d", "[^a-z]+z"};
  const std::vector<std::string> pieces = {
      "a", "b", "c", "d", "x", "y", "z", "ab", " ", "\t", "\v", "\n", ",",
      "他", "她", "们", "公司", "宣布", "称", "一", "Acme", "ACME", "Foo",
      " Inc", "Inc", "\x01" "c1\x02", " and", "é", "7", "_", "。"};
  int extra = 0;
  const int matched =
      CheckSuperset(patterns, pieces, 7, 3000, &extra, /*always=*/2);
  CHECK(matched > 2000);
  // Prefilter mode adds little on these: the set still selects.
  CHECK(extra < matched / 10);
}

TEST_CASE("presence set: the shipped coreference and discovery patterns") {
  std::vector<std::string> patterns = newsgraph::testing::ReferencePatterns();
  // As the rule set gives them: every bounded repetition unbounded.
  for (auto& p : patterns) p = newsgraph::rules::UnboundedRepetitions(p);
  const std::vector<std::string>& pieces = newsgraph::testing::ReferencePieces();
  int extra = 0;
  const int matched = CheckSuperset(patterns, pieces, 31, 2000, &extra);
  CHECK(matched > 1000);
}
