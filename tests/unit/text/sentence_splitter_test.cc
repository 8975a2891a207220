#include "text/sentence_splitter.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph::text {
namespace {

const SentenceSplitter& TheSplitter() {
  static const std::unique_ptr<SentenceSplitter> splitter = [] {
    auto created = SentenceSplitter::Create();
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *splitter;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : TheSplitter().Split(text)) {
    out.emplace_back(s.In(text));
  }
  return out;
}

TEST_CASE("Split finds sentences", "[sentence_splitter]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"empty", "", {}},
      {"only white space", " \n\t\u3000\u00A0 ", {}},
      {"chinese full stops",
       "两家公司周三宣布合作。新基金规模为三百亿美元。",
       {"两家公司周三宣布合作。", "新基金规模为三百亿美元。"}},
      {"chinese exclamation and question marks",
       "这太快了！真的吗？是的。",
       {"这太快了！", "真的吗？", "是的。"}},
      {"closing curly quote stays with its sentence",
       "他表示：“我们很高兴。”随后离开了会场。",
       {"他表示：“我们很高兴。”", "随后离开了会场。"}},
      {"opening curly quote moves to the next sentence",
       "会议结束了。“这是新的开始。”她说。",
       {"会议结束了。", "“这是新的开始。”", "她说。"}},
      {"corner brackets",
       "他说「好。」『没问题！』大家都笑了。",
       {"他说「好。」", "『没问题！』", "大家都笑了。"}},
      {"question inside quotes followed by lower case",
       "“Why now?” she asked. Nobody knew.",
       {"“Why now?” she asked.", "Nobody knew."}},
      {"straight quotes after a chinese full stop",
       "代号定为\"北极星\"。\"北极星\"将于明年推出。",
       {"代号定为\"北极星\"。", "\"北极星\"将于明年推出。"}},
      {"a full stop glued to the next character ends nothing",
       "估值为<N>.<N>%的股权。版本v2.x已经发布。",
       {"估值为<N>.<N>%的股权。", "版本v2.x已经发布。"}},
      {"chinese semicolon does not break",
       "一方负责芯片；另一方负责电力。",
       {"一方负责芯片；另一方负责电力。"}},
      {"decimal before a chinese unit",
       "该公司以6.5亿美元收购了对手。随后股价上涨。",
       {"该公司以6.5亿美元收购了对手。", "随后股价上涨。"}},
      {"english with Inc. and a dollar decimal",
       "Example Inc. agreed to pay $1.5 billion for the unit. The deal closes "
       "in May.",
       {"Example Inc. agreed to pay $1.5 billion for the unit.",
        "The deal closes in May."}},
      {"U.S. before a capitalized word",
       "The U.S. Treasury declined to comment. Markets rose.",
       {"The U.S. Treasury declined to comment.", "Markets rose."}},
      {"U.S. before a lower-case word",
       "Several U.S. lawmakers objected. Nothing changed.",
       {"Several U.S. lawmakers objected.", "Nothing changed."}},
      {"Mr. and Dr. titles",
       "Mr. Lee met Dr. Park on Monday. They talked.",
       {"Mr. Lee met Dr. Park on Monday.", "They talked."}},
      {"english quotes and exclamations",
       "\"We are done,\" she said. 'Really?' he asked! Then silence.",
       {"\"We are done,\" she said.", "'Really?' he asked!", "Then silence."}},
      {"closing straight quote after a period",
       "He wrote \"the end.\" Nobody replied.",
       {"He wrote \"the end.\"", "Nobody replied."}},
      {"newline ends a sentence",
       "第一行没有句号\n第二行也没有\nA heading\nBody text here.",
       {"第一行没有句号", "第二行也没有", "A heading", "Body text here."}},
      {"abbreviation at the end of a line still breaks",
       "He moved to the U.S.\nThen he stayed.",
       {"He moved to the U.S.", "Then he stayed."}},
      {"leading and trailing white space trimmed",
       "\u3000\u3000第一句。 \u00A0第二句。\u3000",
       {"第一句。", "第二句。"}},
      {"mixed chinese and english",
       "微软周三表示，将与xAI合作。Microsoft said the fund would grow. "
       "双方未披露细节。",
       {"微软周三表示，将与xAI合作。", "Microsoft said the fund would grow.",
        "双方未披露细节。"}},
      {"crlf line ends", "One.\r\nTwo\r\n", {"One.", "Two"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Sentences(c.text) == c.expected);
  }
}

TEST_CASE("Split offsets spans by base_offset", "[sentence_splitter]") {
  const std::string text = "  First one. Second one.";
  const std::vector<Span> spans = TheSplitter().Split(text, 100);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{102, 112});
  CHECK(spans[1] == Span{113, 124});
}

TEST_CASE("Split never returns empty or untrimmed spans",
          "[sentence_splitter]") {
  const std::vector<std::string> texts = {
      "。。。",
      "！？",
      "\"\"",
      "“",
      "a.\n\n\nb.",
      "「」。『",
      " . . . ",
      "Dr.",
      "U.S. U.S. U.S.",
      "…… 好的……\n",
      "ab\x80. Cd\xE4\xB8。好",
  };
  for (const std::string& text : texts) {
    INFO(text);
    size_t last_end = 0;
    for (const Span& s : TheSplitter().Split(text)) {
      CHECK(s.begin < s.end);
      CHECK(s.begin >= last_end);
      CHECK(s.end <= text.size());
      CHECK(text[s.begin] != ' ');
      CHECK(text[s.end - 1] != ' ');
      last_end = s.end;
    }
  }
}

// Pieces of random texts: CJK and Latin letters, digits, spaces, closing
// and opening punctuation, Extend and Format characters, supplementary code
// points; none has a Sentence_Break STerm, ATerm, Sep, CR or LF code point.
const std::vector<std::string> kPlainPieces = {
    "公司", "他说", "微软", "亿", "a", "the", "deal", "Inc", "Markets", "Q",
    "e", "x", "6", "2024", "1,5", "$", "%", " ", "  ", "\t", "\u3000",
    "\u00A0", "\u200B", "\uFEFF", "，", "、", "；", "：", ",", ";", ":",
    "-", "—", "…", "“", "”", "‘", "’", "「", "」", "『", "』", "（", "）",
    "(", ")", "\"", "'", "\u0301", "\u00AD", "\u200D", "\U0001F600",
    "\U00020000", "\U0001D400", "Ａ", "ｂ", "\x01",
};

// Terminators (including rarer STerm and ATerm ones, one outside the BMP),
// abbreviations, numbers with a full stop, line and paragraph separators.
const std::vector<std::string> kBreakPieces = {
    ".", ".", ". ", "!", "?", "。", "。", "！", "？", "Mr.", "Dr.", "U.S.",
    "Inc.", "e.g.", "i.e.", "No.", "St.", "vs.", "6.5", "v2.x", "...",
    "‼", "⁇", "⁈", "⁉", "‽", "︒", "｡", "．", "﹒", "﹖", "﹗", "؟", "۔",
    "।", "\U00011047", "\n", "\r", "\r\n", "\u0085", "\u2028",
    "\u2029", "\v", "\f",
};

// A pseudo-random text of up to 40 pieces; only plain pieces when `plain`.
std::string RandomText(uint32_t* state, bool plain) {
  auto next = [state]() {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7FFF;
  };
  const size_t choices =
      kPlainPieces.size() + (plain ? 0 : kBreakPieces.size());
  std::string text;
  const int length = static_cast<int>(next() % 41);
  for (int k = 0; k < length; ++k) {
    const size_t i = next() % choices;
    text += i < kPlainPieces.size() ? kPlainPieces[i]
                                    : kBreakPieces[i - kPlainPieces.size()];
  }
  return text;
}

TEST_CASE("plain pieces have no sentence break", "[sentence_splitter]") {
  // Guards the tests below: plain texts exercise text without terminators.
  for (const std::string& piece : kPlainPieces) {
    INFO(piece);
    CHECK(piece.find_first_of(".!?\n\r") == std::string::npos);
    const std::string text = "x" + piece + "x" + piece + "x";
    CHECK(TheSplitter().SplitReferenceForTesting(text).size() == 1);
  }
}

TEST_CASE("Split matches ICU reading the UTF-8 bytes directly",
          "[sentence_splitter]") {
  uint32_t state = 20240611;
  for (int round = 0; round < 6000; ++round) {
    // A third of the texts have no terminator; a few are ill-formed.
    std::string text = RandomText(&state, round % 3 == 0);
    if (round % 50 == 7 && !text.empty()) text[text.size() / 2] = '\x80';
    const size_t base = round % 7 == 0 ? 1000 : 0;
    INFO("round " << round << " text \"" << text << "\"");
    REQUIRE(TheSplitter().Split(text, base) ==
            TheSplitter().SplitReferenceForTesting(text, base));
  }
}

TEST_CASE("Split matches the reference on long mixed texts",
          "[sentence_splitter]") {
  uint32_t state = 7;
  for (int round = 0; round < 40; ++round) {
    std::string text;
    for (int k = 0; k < 60; ++k) text += RandomText(&state, k % 4 == 0);
    INFO("round " << round);
    REQUIRE(TheSplitter().Split(text) ==
            TheSplitter().SplitReferenceForTesting(text));
  }
}

TEST_CASE("Split is safe to call from several threads", "[sentence_splitter]") {
  const std::string text =
      "第一句。第二句！Third one? Fourth one. “第五句。”第六句。";
  const std::vector<Span> expected = TheSplitter().Split(text);
  REQUIRE(expected.size() == 6);
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 1;
      for (int i = 0; i < 300; ++i) {
        if (!(TheSplitter().Split(text) == expected)) good = 0;
      }
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));
}

TEST_CASE("Split gives each thread its own answer", "[sentence_splitter]") {
  // Threads splitting different texts at once (per-thread buffers).
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      uint32_t state = 99 + static_cast<uint32_t>(t);
      int good = 1;
      for (int i = 0; i < 400; ++i) {
        const std::string text = RandomText(&state, i % 3 == 0);
        if (!(TheSplitter().Split(text) ==
              TheSplitter().SplitReferenceForTesting(text))) {
          good = 0;
        }
      }
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));
}

TEST_CASE("Split works with several splitters alive", "[sentence_splitter]") {
  auto a = SentenceSplitter::Create();
  REQUIRE(a.ok());
  const std::string text = "第一句。Second one! Third?\n第四句";
  const std::vector<Span> expected = TheSplitter().Split(text);
  CHECK(a.value()->Split(text) == expected);
  a = SentenceSplitter::Create();  // a new one, maybe at the same address
  REQUIRE(a.ok());
  CHECK(a.value()->Split(text) == expected);
  CHECK(TheSplitter().Split(text) == expected);
}

}  // namespace
}  // namespace newsgraph::text

namespace newsgraph::text {
namespace {

// Pieces of mostly Chinese text: Chinese, Korean and Latin words, digits
// and "6.5", spaces, closing, opening and comma-like punctuation,
// terminators (STerm, one outside the BMP), separators, and a few full
// stops. The last few hold an Extend or Format character, with which Split
// asks ICU.
const std::vector<std::string> kSimplePieces = {
    "公司", "他说", "微软", "亿", "삼성전자", "a", "the", "Inc", "Q", "6",
    "2024", "6.5",
    "1.25", "$", "%", " ", "  ", "\t", "\u3000", "\u00A0", "，", "、", "；",
    "：", ",", ";", ":", "-", "—", "…", "“", "”", "‘", "’", "「", "」", "『",
    "』", "（", "）", "(", ")", "\"", "'", "\U0001F600", "\U00020000", "Ａ",
    "\x01", "。", "。", "。", "！", "？", "!", "?", "‼", "⁉", "｡", "﹖", "؟",
    "।", "\U00011047", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
    "\v", "\f", "。”", "？」", "！）", ".", "Mr.", "v2.x", ". ",
    // Split asks ICU where these occur.
    "\u0301", "\u200B", "\u00AD",
};
constexpr size_t kNeedIcu = 3;  // the last pieces above

// Up to max_length - 1 pieces drawn from `pieces` (the last `skipped` of
// them left out), with a linear congruential generator of `state`.
std::string RandomPieces(const std::vector<std::string>& pieces,
                         size_t skipped, int max_length, uint32_t* state) {
  auto next = [state]() {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7FFF;
  };
  const size_t choices = pieces.size() - skipped;
  std::string text;
  const int length = static_cast<int>(next() % max_length);
  for (int k = 0; k < length; ++k) text += pieces[next() % choices];
  return text;
}

TEST_CASE("the rules for mostly Chinese text give ICU's boundaries",
          "[sentence_splitter]") {
  uint32_t state = 20261129;
  int by_rules = 0;
  for (int round = 0; round < 20000; ++round) {
    // Most texts only of pieces the rules take; some with any piece, a
    // few ill-formed.
    std::string text = RandomPieces(
        kSimplePieces, round % 4 != 0 ? kNeedIcu : 0, 41, &state);
    if (round % 97 == 5 && !text.empty()) text[text.size() / 2] = '\x80';
    INFO("round " << round << " text \"" << text << "\"");
    std::vector<size_t> rules = {0}, icu = {0};
    REQUIRE(TheSplitter().RawBoundsForTesting(text, false, &icu));
    if (TheSplitter().RawBoundsForTesting(text, true, &rules)) {
      ++by_rules;
      REQUIRE(rules == icu);
    } else {
      CHECK(rules == std::vector<size_t>{0});  // nothing appended
    }
    REQUIRE(TheSplitter().Split(text) ==
            TheSplitter().SplitReferenceForTesting(text));
  }
  // The rules took the texts made of their pieces, and only those.
  CHECK(by_rules > 15000);
  CHECK(by_rules < 19000);
}

TEST_CASE("the rules give up on Extend and Format characters",
          "[sentence_splitter]") {
  for (std::string text : {"a\u0301。b", "好。\u200B好", "公司。\xC3(",
                           "Mr.\u00AD Smith left.", "e\u0301. Then"}) {
    INFO(text);
    std::vector<size_t> bounds = {0};
    CHECK_FALSE(TheSplitter().RawBoundsForTesting(text, true, &bounds));
    CHECK(bounds == std::vector<size_t>{0});
  }
  std::vector<size_t> bounds = {0};
  CHECK(TheSplitter().RawBoundsForTesting("营收6.5亿。利润1.2亿！", true,
                                          &bounds));
  CHECK(bounds == std::vector<size_t>{0, 15, 30});
}

TEST_CASE("the rules take full stops as ICU does", "[sentence_splitter]") {
  struct Case {
    std::string text;
    std::vector<size_t> bounds;
  };
  const std::vector<Case> cases = {
      // ICU's exception list, loaded from its data, keeps "Mr." and "Mrs."
      // whole, before a space only, and ignores word starts.
      {"Mr. Smith left.", {0, 15}},
      {"Mrs. Lee met Mr. Park. They left.", {0, 23, 33}},
      {"Mr.  Smith left.", {0, 5, 16}},
      {"XMr. Smith left.", {0, 16}},
      {"Mr.\nSmith left.", {0, 4, 15}},
      // "U.S." shares "U." with the entry "U." and others: ICU moves
      // them all to its forward trie and so keeps no "U.S." whole.
      {"The U.S. Treasury said so. Markets rose.", {0, 9, 27, 40}},
      {"他说。v2.x版", {0, 9, 16}},  // SB8: a Lower after the full stop
      {"end.", {0, 4}},
      {"It rose 1.5 percent. Then", {0, 21, 25}},  // SB6
      {"See e.g. the list.", {0, 18}},             // SB8
      {"He.Then she.said", {0, 16}},               // SB7, SB8
      {"5.Then it. 5 Then", {0, 2, 11, 17}},       // no SB7, failed SB8
      {"It ended. (5) and so on.", {0, 24}},       // SB8 past a bracket
      {"It ended.) \"Yes.\" He", {0, 11, 18, 20}},  // SB9, SB10, SB11
      {"Wait... what?! No.\r\nYes", {0, 15, 20, 23}},
      {"Ok., and so.", {0, 12}},                   // SB8a
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<size_t> rules = {0}, icu = {0};
    REQUIRE(TheSplitter().RawBoundsForTesting(c.text, true, &rules));
    REQUIRE(TheSplitter().RawBoundsForTesting(c.text, false, &icu));
    CHECK(rules == icu);
    CHECK(rules == c.bounds);
  }
}

TEST_CASE("the rules give ICU's boundaries on the examples' paragraphs",
          "[sentence_splitter]") {
  // Real text, written for the project: every paragraph the rules take
  // must split as ICU splits it.
  const std::string root = NEWSGRAPH_SOURCE_DIR;
  int taken = 0, paragraphs = 0, full_stops = 0, full_stops_taken = 0;
  for (const char* dir : {"/examples/zh", "/examples/en"}) {
    for (const auto& e : std::filesystem::directory_iterator(root + dir)) {
      std::ifstream in(e.path());
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        ++paragraphs;
        const bool full_stop = line.find('.') != std::string::npos;
        full_stops += full_stop;
        INFO(e.path().string() << ": " << line);
        std::vector<size_t> rules = {0}, icu = {0};
        REQUIRE(TheSplitter().RawBoundsForTesting(line, false, &icu));
        if (!TheSplitter().RawBoundsForTesting(line, true, &rules)) continue;
        ++taken;
        full_stops_taken += full_stop;
        CHECK(rules == icu);
      }
    }
  }
  CHECK(paragraphs > 50);
  CHECK(taken > 10);
  CHECK(full_stops > 20);
  // Paragraphs with a full stop are left to ICU only for an Extend or
  // Format character, rare in news text.
  CHECK(full_stops_taken > full_stops * 9 / 10);
}

}  // namespace
}  // namespace newsgraph::text

namespace newsgraph::text {
namespace {

// Pieces of mostly English text with full stops: upper- and lower-case
// words (Latin and not), abbreviations on ICU's exception list and not,
// the parts of multi-dot ones, full stops before spaces, quotes, brackets,
// digits, CJK and letters of other scripts, other terminators,
// comma-like SContinue, spaces and separators. The last few hold an
// Extend or Format character or an ill-formed byte, with which Split asks
// ICU.
const std::vector<std::string> kEnglishPieces = {
    "The", "deal", "Smith", "A", "a", " a", " A", "x", "I", "S", "U", "D",
    "Ph", "Mr", "mr", "É", "é", "ß", "Ǆ", "ǅ", "ª", " ", " ", " ", "  ",
    "\t", "\u00A0", "\u3000", "\v", "Mr.", "Mrs.", "MR.", "U.S.", "U.S.A.",
    "U.", "U.K.", "Ph.D.", "Ph.", "e.g.", "E.g.", "i.e.", "I.e.", "Inc.",
    "Jan.", "No.", "Dr.", "vs.", "a.m.", "p.m.", "A.M.", "S.p.A.", "Lt.Cdr.",
    "Hon.B.A.", "Hon.", "etc.", "XMr.", "AMrs.", ".", ".", ".", ". ", ". ",
    ".\"", ".)", ".’", ".”", "...", "…", "．", "﹒", "\u2024", "5", "2024",
    ".5", "1.5", "٣", "$", "%", "#", "&", "*", "/", "公司", "说", "ا", "\"",
    "'", "”", "’", "“", "‘", ")", "]", "(", "[", "」", ",", ";", ":", "-",
    "—", "，", "、", "?", "!", "?\"", "。", "！", "｡", "‼", "\n", "\r\n", "\r",
    "\u2029", "\u0085", "\U0001F600", "\U00020000", "\U0001D400",
    "\U0001D41A",
    // Split asks ICU where these occur.
    "\u0301", "\u200B", "\u00AD", "\xC3(",
};
constexpr size_t kEnglishNeedIcu = 4;  // the last pieces above

TEST_CASE("the rules for text with full stops give ICU's boundaries",
          "[sentence_splitter]") {
  uint32_t state = 20240917;
  int taken = 0, with_full_stop = 0;
  const int rounds = 100000;
  for (int round = 0; round < rounds; ++round) {
    // Most texts only of pieces the rules take; some with any piece.
    const std::string text = RandomPieces(
        kEnglishPieces, round % 10 != 0 ? kEnglishNeedIcu : 0, 31, &state);
    INFO("round " << round << " text \"" << text << "\"");
    std::vector<size_t> rules = {0}, icu = {0};
    REQUIRE(TheSplitter().RawBoundsForTesting(text, false, &icu));
    // The rules take every text but those with a piece they leave to ICU.
    bool for_icu = false;
    for (size_t i = kEnglishPieces.size() - kEnglishNeedIcu;
         i < kEnglishPieces.size(); ++i) {
      for_icu |= text.find(kEnglishPieces[i]) != std::string::npos;
    }
    const bool full_stop = text.find('.') != std::string::npos;
    with_full_stop += full_stop;
    const bool by_rules = TheSplitter().RawBoundsForTesting(text, true, &rules);
    CHECK(by_rules == !for_icu);
    if (by_rules) {
      taken += full_stop;
      REQUIRE(rules == icu);
    } else {
      CHECK(rules == std::vector<size_t>{0});  // nothing appended
    }
    REQUIRE(TheSplitter().Split(text) ==
            TheSplitter().SplitReferenceForTesting(text));
  }
  // Most texts have a full stop, and most of those went by the rules.
  CHECK(with_full_stop > rounds * 8 / 10);
  CHECK(taken > with_full_stop * 9 / 10);
}

}  // namespace
}  // namespace newsgraph::text
