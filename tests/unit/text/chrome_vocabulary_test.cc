#include "text/chrome_vocabulary.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

TEST_CASE("ContainsWord respects Latin word boundaries",
          "[chrome_vocabulary]") {
  struct Case {
    const char* name;
    std::string s;
    std::string word;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"whole word", "share this story", "share this", true},
      {"prefix of a longer word", "shares rose", "share", false},
      {"suffix of a longer word", "timeshare", "share", false},
      {"second occurrence is whole", "shares and share", "share", true},
      {"cjk anywhere", "请点击分享到微博", "分享到", true},
      {"latin next to cjk", "沪icp备123", "icp备", true},
      {"empty word", "abc", "", false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(ContainsWord(c.s, c.word) == c.expected);
  }
}

TEST_CASE("MatchVocabulary", "[chrome_vocabulary]") {
  struct Case {
    const char* name;
    std::string lower;
    size_t head_offset;  // bytes of leading decoration in `lower`
    VocabularyMatch expected;
  };
  using V = VocabularyMatch;
  const std::vector<Case> cases = {
      {"label with full-width colon", "来源：某报", 0, V::kChrome},
      {"label word in a sentence", "来源于一位知情人士的消息称，交易已完成。",
       0, V::kNone},
      {"bracketed footer", "（责任编辑：王五）", 3, V::kFooter},
      {"english label", "source: example wire", 0, V::kChrome},
      {"short-line word in a short line", "评论(3)", 0, V::kChrome},
      {"short-line word in a long line",
       "多位分析师在评论中指出，这笔交易将显著改变行业格局，并推动相关公司的估"
       "值上升。",
       0, V::kNone},
      {"prose", "the two companies said on friday they would cooperate.", 0,
       V::kNone},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string_view lower = c.lower;
    size_t code_points = 0;
    for (char ch : c.lower) code_points += (ch & 0xC0) != 0x80;
    CHECK(MatchVocabulary(lower, lower.substr(c.head_offset), code_points) ==
          c.expected);
  }
}

}  // namespace
}  // namespace newsgraph::text
