#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <thread>
#include <tuple>

#include "base/file_util.h"

#include "ontology/ontology.h"
#include "rules/rule_set.h"

using namespace newsgraph;

namespace {

const ontology::Ontology& Onto() {
  static auto o = ontology::Ontology::Load(std::string(NEWSGRAPH_SOURCE_DIR) +
                                           "/schemas");
  REQUIRE(o.ok());
  return *o;
}

Result<std::unique_ptr<rules::RuleSet>> Compile(const std::string& text) {
  return rules::RuleSet::CompileText({{"t.rules", text}}, Onto());
}

// A token for mention `i` of type code `c`.
std::string T(char c, int i) {
  return std::string("\x01") + c + std::to_string(i) + "\x02";
}

}  // namespace

TEST_CASE("rule files: every mistake names file and line") {
  const std::pair<const char*, const char*> cases[] = {
      {"rule a\n  pattern {S:company}(\n  emit partner_of S S\n",
       "t.rules:2: bad regex: missing ): "},
      // Bounds only the pattern as written has wrong (its unbounded form,
      // {3,} and {0,}, would compile): still reported when the rules load.
      {"rule a\n  pattern {S:company}[^x]{3,2}\n  emit partner_of S S\n",
       "t.rules:2: bad regex: invalid repetition size: {3,2}"},
      {"rule a\n  pattern {S:company}(?:x{0,100}){0,100}\n  emit partner_of S S\n",
       "t.rules:2: bad regex: invalid repetition size: {0,100}"},
      {"rule a\n  pattern {S:robot} x\n  emit partner_of S S\n",
       "t.rules:2: unknown entity type or group 'robot'"},
      {"rule a\n  pattern {S:company} x {O:company}\n  emit likes S O\n",
       "t.rules:3: unknown relation type 'likes'"},
      {"rule a\n  pattern {S:company} x {O:company}\n  emit partner_of S Z\n",
       "t.rules:3: emit uses slot 'Z' that a pattern of rule 'a' does not define"},
      {"pattern {S:company}\n", "t.rules:1: 'pattern' outside a rule"},
      {"emit partner_of S O\n", "t.rules:1: 'emit' outside a rule"},
      {"rule a\n  emit partner_of S S\n", "t.rules:2: rule 'a' has no pattern"},
      {"rule a\n  pattern {S:company}\n", "t.rules:2: rule 'a' has no emit line"},
      {"rule a\n  pattern {S:company}\n  emit partner_of S S\nrule a\n",
       "t.rules:4: duplicate rule id 'a'"},
      {"rule a\n  pattern {S:company} {@nope}\n  emit partner_of S S\n",
       "t.rules:2: unknown macro '{@nope}'"},
      {"rule a\n  pattern {S+:company}\n  emit partner_of S S\n",
       "t.rules:2: list slot '{S+:...}' needs the macro 'sep'"},
      {"rule a\n  pattern {S:company} {S:company}\n  emit partner_of S S\n",
       "t.rules:2: slot 'S' used twice in one pattern"},
      {"rule a\n  pattern {S company}\n  emit partner_of S S\n",
       "t.rules:2: slot '{S company}' needs a type"},
      {"frobnicate\n", "t.rules:1: unknown keyword 'frobnicate'"},
      {"marker maybe sentence x\n", "t.rules:1: unknown status 'maybe'"},
      {"marker denied clause x\n", "t.rules:1: marker scope must be"},
      {"rule a status=sure\n", "t.rules:1: unknown status 'sure'"},
      {"", "rules: no rule patterns loaded"},
  };
  for (const auto& [text, msg] : cases) {
    INFO(text);
    auto r = Compile(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().rfind(msg, 0) == 0);
  }
}

TEST_CASE("slots capture mentions, lists fan out, possessors and parentheses are skipped") {
  auto rs = Compile(
      "define sep \\s*(?:、|,|和|与|及|and)\\s*\n"
      "define possessive 的|'s\\s+\n"
      "define item_suffix \\([^()]*\\)\n"
      "rule zh.with\n"
      "  pattern {S+:org}与{O+:org}合作\n"
      "  emit partner_of S O\n"
      "rule zh.ceo\n"
      "  pattern {O:company}首席执行官{S:person}\n"
      "  emit ceo_of S O\n");
  REQUIRE(rs.ok());
  struct Case {
    std::string slotted;
    std::vector<std::vector<int>> slots;  // mentions per slot of the first match
  };
  const Case cases[] = {
      {T('c', 0) + "与" + T('c', 1) + "合作", {{0}, {1}}},
      {T('c', 0) + "、" + T('c', 1) + "与" + T('c', 2) + "和" + T('i', 3) + "合作",
       {{0, 1}, {2, 3}}},
      // "A的B" inside a list names B.
      {T('c', 0) + "与" + T('c', 1) + "以及" + T('p', 2) + "的" + T('c', 3) + "合作",
       {}},
      {T('c', 0) + "与" + T('c', 1) + "及" + T('p', 2) + "的" + T('c', 3) + "合作",
       {{0}, {1, 3}}},
      // A parenthetical after an item is not an item.
      {T('c', 0) + "(" + T('c', 5) + ")与" + T('c', 1) + "合作", {{0}, {1}}},
      // Type constraints: a person cannot fill {S+:org}.
      {T('p', 0) + "与" + T('c', 1) + "合作", {}},
  };
  for (const auto& c : cases) {
    INFO(c.slotted);
    std::vector<rules::RuleMatch> ms;
    (*rs)->Match(c.slotted, &ms);
    if (c.slots.empty()) {
      CHECK(ms.empty());
      continue;
    }
    REQUIRE(ms.size() == 1);
    REQUIRE(ms[0].slots.size() == c.slots.size());
    for (size_t k = 0; k < c.slots.size(); ++k)
      CHECK(ms[0].slots[k].mentions == c.slots[k]);
  }
}

namespace {

// ListItems as first written (a TokensIn vector per token, the
// possessive asked for every item): the reference for the one that skips
// both where they cannot change the result.
std::vector<int> ListItemsReference(const rules::RuleSet& rs,
                                    std::string_view slotted, size_t begin,
                                    size_t end) {
  std::vector<int> items;
  int depth = 0;
  for (size_t i = begin; i < end; ++i) {
    char c = slotted[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c != '\x01') continue;
    size_t te = slotted.find('\x02', i);
    if (te == std::string_view::npos || te >= end) break;
    std::vector<int> t = rules::RuleSet::TokensIn(slotted, i, te + 1);
    i = te;
    if (depth > 0 || t.empty()) continue;
    size_t pl = rs.PossessiveLength(slotted, te + 1);
    if (pl > 0 && te + 1 + pl < end && slotted[te + 1 + pl] == '\x01') continue;
    items.push_back(t[0]);
  }
  return items;
}

}  // namespace

TEST_CASE("list items: the same as the plain way on random lists") {
  const std::string rule =
      "define sep \\s*(?:、|,|和|and)\\s*\n"
      "rule a\n  pattern {S+:org}与{O:org}\n  emit partner_of S O\n";
  const std::pair<const char*, std::string> sets[] = {
      {"shipped-like", "define possessive 旗下的?|的|'s\\s+|’s\\s+\n" + rule},
      // A possessive that may hold or be a token's first byte.
      {"odd", "define possessive 的|\\x01|x\\x01?\n" + rule},
  };
  const std::vector<std::string> pieces = {
      T('c', 0), T('c', 12), T('p', 3), T('i', 7), "的", "旗下", "旗下的", "'s ",
      "’s ", "x", "(", ")", "、", "和", " and ", "\x01" "c\x02", "\x01" "c12",
      "\x01", "\x02", "\x01" "c1x\x02"};
  std::mt19937 rng(23);
  for (const auto& [name, text] : sets) {
    INFO(name);
    auto rs = Compile(text);
    REQUIRE(rs.ok());
    size_t items = 0, possessors = 0;
    for (int n = 0; n < 4000; ++n) {
      std::string slotted;
      std::vector<size_t> cuts = {0};
      for (int k = 1 + int(rng() % 10); k > 0; --k) {
        slotted += pieces[rng() % pieces.size()];
        cuts.push_back(slotted.size());
      }
      size_t begin = cuts[rng() % cuts.size()], end = cuts[rng() % cuts.size()];
      if (rng() % 8 == 0) end = rng() % (slotted.size() + 1);
      if (begin > end) std::swap(begin, end);
      INFO(slotted << " [" << begin << ", " << end << ")");
      const std::vector<int> want = ListItemsReference(**rs, slotted, begin, end);
      REQUIRE((*rs)->ListItems(slotted, begin, end) == want);
      items += want.size();
      possessors += rules::RuleSet::TokensIn(slotted, begin, end).size() - want.size();
    }
    CHECK(items > 1000);
    CHECK(possessors > 100);  // tokens left out: possessors, in parentheses
  }
}

TEST_CASE("status markers: precedence and scope") {
  auto rs = Compile(
      "marker reported sentence 据悉|reportedly\n"
      "marker planned match 拟|plans to\n"
      "marker denied sentence 否认|denied\n"
      "marker negated match 未|not\n"
      "rule a\n  pattern {S:company}收购{O:company}\n  emit acquired S O\n");
  REQUIRE(rs.ok());
  struct Case {
    std::string text;
    size_t begin;  // match span is [begin, text.size())
    const char* status;
  };
  const std::string m = T('c', 0) + "拟收购" + T('c', 1);
  const Case cases[] = {
      {"据悉," + T('c', 0) + "收购" + T('c', 1), 7, "reported"},
      {"据悉," + m, 7, "planned"},
      {"拟定," + T('c', 0) + "收购" + T('c', 1), 7, "asserted"},  // outside match
      {"否认" + m, 6, "denied"},
      {T('c', 0) + "未收购" + T('c', 1), 0, "negated"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK((*rs)->StatusFor(c.text, c.begin, c.text.size()) == c.status);
  }
}

TEST_CASE("status markers: only those whose literals occur are run, with the same result") {
  // StatusFor runs the markers whose literals occur in the sentence up to
  // the match's end, in order of precedence, and stops at the first that
  // matches; StatusForUnfiltered runs them all. Random sentences of marker
  // words, near misses ("notable", "未来", other case) and mention tokens,
  // random match spans.
  std::vector<std::pair<std::string, std::string>> files;
  auto status = base::ReadFile(std::string(NEWSGRAPH_SOURCE_DIR) +
                               "/dictionaries/rules/status.rules");
  REQUIRE(status.ok());
  const std::string rule =
      "rule a\n  pattern {S:company}收购{O:company}\n  emit acquired S O\n";
  struct Set {
    const char* name;
    std::string text;
    size_t statuses;  // that come up, "asserted" among them
  };
  const Set sets[] = {
      {"shipped", *status + rule, 5},
      // Anchors and word boundaries see the ends of the text a marker is
      // run on; literals needed together; a marker without literals.
      {"tricky",
       "marker negated match \\bnot\\b|未[^来]\n"
       "marker reported sentence 据.{0,3}报道|rumou?r$\n"
       "marker planned match ^\\x01c\\d|[Pp]lans? to\n"
       "marker denied sentence 否认|DENIED\n"
       "marker reported match \\d\\d\n"  // no literal: always run
       "marker negated sentence (?:never|n't) (?:bought|buy)\n" + rule, 5},
      // A case-insensitive marker: no prefilter, every marker runs (RE2
      // folds K to the Kelvin sign; the atom table folds only ASCII).
      {"case-insensitive",
       "marker denied sentence (?i:denied|kelvin)\nmarker planned match 拟|plans\n" +
           rule,
       3},
  };
  const std::vector<std::string> words = {
      "据悉", "据", "报道", "据称", "not", "Not", "NOT", "cannot", "notable",
      " ", ",", "未", "未来", "未能", "拟", "计划", "plans to", "Plans to",
      "plan", "否认", "denied", "DENIED", "Denied", "rumour", "rumor", "r",
      "never", "n't", " bought", " buy", "z", "12", "终止", "transfer",
      T('c', 0), T('c', 1), T('i', 2), T('c', 13), "\xE2\x84\xAA" "elvin"};
  std::mt19937 rng(17);
  for (const Set& set : sets) {
    INFO(set.name);
    auto rs = Compile(set.text);
    REQUIRE(rs.ok());
    std::map<std::string, int> seen;
    for (int n = 0; n < 3000; ++n) {
      std::string sentence;
      std::vector<size_t> cuts = {0};
      for (int k = int(rng() % 9); k > 0; --k) {
        sentence += words[rng() % words.size()];
        cuts.push_back(sentence.size());
      }
      size_t begin = cuts[rng() % cuts.size()], end = cuts[rng() % cuts.size()];
      if (rng() % 8 == 0) end = rng() % (sentence.size() + 1);  // anywhere
      if (begin > end) std::swap(begin, end);
      const std::string& want = (*rs)->StatusForUnfiltered(sentence, begin, end);
      INFO(sentence << " [" << begin << ", " << end << ")");
      REQUIRE((*rs)->StatusFor(sentence, begin, end) == want);
      ++seen[want];
    }
    // Every status came up (the markers did match).
    CHECK(seen.size() == set.statuses);
  }
}

TEST_CASE("the shipped rule files compile") {
  std::vector<std::string> files;
  for (const char* f : {"00-common.rules", "en.rules", "status.rules", "zh.rules"})
    files.push_back(std::string(NEWSGRAPH_SOURCE_DIR) + "/dictionaries/rules/" + f);
  auto rs = rules::RuleSet::Compile(files, Onto());
  REQUIRE(rs.ok());
  CHECK((*rs)->rules().size() > 100);
}

TEST_CASE("the prefilter drops no match of the shipped rules") {
  // Sentences shaped like the shipped patterns: mention tokens between the
  // literal words of one pattern, in its order, some left out, separators
  // mixed in. Match (prefiltered) must agree with MatchUnfiltered. (Few
  // sentences: every pattern runs cold on each; the fuzzer checks more.)
  std::vector<std::string> files;
  std::vector<std::vector<std::string>> lines;  // the words of each pattern
  for (const char* f : {"00-common.rules", "10-reference.rules", "en.rules",
                        "status.rules", "zh.rules"}) {
    std::string path = std::string(NEWSGRAPH_SOURCE_DIR) + "/dictionaries/rules/" + f;
    files.push_back(path);
    auto text = base::ReadFile(path);
    REQUIRE(text.ok());
    for (std::string_view line : base::SplitLines(*text)) {
      line = base::Trim(line);
      if (line.rfind("pattern ", 0) != 0) continue;
      std::vector<std::string> words;
      std::string word;
      auto end_word = [&] {
        if (!word.empty() && word.size() < 24) words.push_back(word);
        word.clear();
      };
      for (size_t i = 8; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\\') {  // an escape ends a word and is skipped
          end_word();
          ++i;
        } else if (c == '{') {  // a slot or macro
          end_word();
          i = std::min(line.find('}', i), line.size());
        } else if (std::string_view("()|?*+[]^$.:").find(c) !=
                   std::string_view::npos) {
          end_word();
        } else {
          word += c;
        }
      }
      end_word();
      if (!words.empty()) lines.push_back(std::move(words));
    }
  }
  REQUIRE(lines.size() > 150);
  auto rs = rules::RuleSet::Compile(files, Onto());
  REQUIRE(rs.ok());
  std::string codes;
  for (const auto& t : Onto().entity_types()) codes += t.code;
  const std::vector<std::string> seps = {",", " ", "的", "和", " and ", "、", "'s "};
  std::mt19937 rng(7);
  size_t total = 0;
  std::vector<std::string> sentences;
  std::vector<std::vector<rules::RuleMatch>> one_by_one;
  for (int n = 0; n < 200; ++n) {
    const auto& words = lines[rng() % lines.size()];
    std::string sentence;
    int mention = 0;
    sentence += T(codes[rng() % codes.size()], mention++);
    for (const std::string& w : words) {
      if (rng() % 6 == 0) continue;
      if (rng() % 4 == 0) sentence += seps[rng() % seps.size()];
      sentence += w;
      if (rng() % 2) sentence += T(codes[rng() % codes.size()], mention++);
    }
    sentence += T(codes[rng() % codes.size()], mention++);
    std::vector<rules::RuleMatch> filtered, all;
    (*rs)->Match(sentence, &filtered);
    (*rs)->MatchUnfiltered(sentence, &all);
    INFO(sentence);
    REQUIRE(filtered.size() == all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      CHECK(std::tie(filtered[i].rule, filtered[i].begin, filtered[i].end) ==
            std::tie(all[i].rule, all[i].begin, all[i].end));
      REQUIRE(filtered[i].slots.size() == all[i].slots.size());
      for (size_t k = 0; k < all[i].slots.size(); ++k)
        CHECK(filtered[i].slots[k].mentions == all[i].slots[k].mentions);
    }
    total += all.size();
    sentences.push_back(sentence);
    one_by_one.push_back(std::move(filtered));
  }
  CHECK(total > 15);  // the sentences do reach the rules (29)

  // MatchBatch, pattern by pattern over all the sentences, gives each
  // sentence what Match gives it, in the same order.
  std::vector<std::string_view> views(sentences.begin(), sentences.end());
  std::vector<std::vector<rules::RuleMatch>> batch;
  (*rs)->MatchBatch(views, &batch);
  REQUIRE(batch.size() == sentences.size());
  for (size_t n = 0; n < sentences.size(); ++n) {
    INFO(sentences[n]);
    REQUIRE(batch[n].size() == one_by_one[n].size());
    for (size_t i = 0; i < batch[n].size(); ++i) {
      CHECK(std::tie(batch[n][i].rule, batch[n][i].begin, batch[n][i].end) ==
            std::tie(one_by_one[n][i].rule, one_by_one[n][i].begin,
                     one_by_one[n][i].end));
      REQUIRE(batch[n][i].slots.size() == one_by_one[n][i].slots.size());
      for (size_t k = 0; k < batch[n][i].slots.size(); ++k)
        CHECK(batch[n][i].slots[k].mentions == one_by_one[n][i].slots[k].mentions);
    }
  }
}

TEST_CASE("pre-selection: a slot that may be absent does not rule a pattern out") {
  // A sentence without a mention of some slot's type skips the pattern
  // unmatched, unless the slot may be left out: inside a group, under a
  // quantifier that allows none, or beside a top-level alternative.
  const char* patterns[] = {
      "(?:{A:person}\\s*)?{S:company}收购{O:company}",
      "{S:company}收购{O:company}{A:person}?",
      "{S:company}收购{O:company}{A:person}*",
      "{S:company}收购{O:company}{A:person}{0,1}",
      "{S:company}收购{O:company}|{A:person}收购",
      "{S:company}收购(?:{O:company}|{A:person})",
      "(?:[x)]?{A:person})?{S:company}收购{O:company}",  // ')' in a class
      "(?:\\){A:person})?{S:company}收购{O:company}",   // an escaped ')'
      "(?:[])]?{A:person})?{S:company}收购{O:company}",  // a leading ']'

  };
  const std::string sentence = T('c', 0) + "收购" + T('c', 1);
  for (const char* pattern : patterns) {
    INFO(pattern);
    auto rs = Compile(std::string("rule r\n  pattern ") + pattern +
                      "\n  emit acquired S O\n");
    REQUIRE(rs.ok());
    std::vector<rules::RuleMatch> filtered, all;
    (*rs)->Match(sentence, &filtered);
    (*rs)->MatchUnfiltered(sentence, &all);
    REQUIRE(all.size() == 1);
    CHECK(filtered.size() == 1);
  }
  // Literals next to slots still select the pattern ("'s" after a mention).
  auto rs = Compile("rule r\n  pattern {O:company}'s\\s+{S:company}\n  emit subsidiary_of S O\n");
  REQUIRE(rs.ok());
  std::vector<rules::RuleMatch> m;
  (*rs)->Match(T('c', 0) + "'s " + T('c', 1), &m);
  CHECK(m.size() == 1);
  m.clear();
  (*rs)->Match(T('c', 0) + "'s " + T('p', 1), &m);  // no second company
  CHECK(m.empty());
}

TEST_CASE("matching: the unbounded form may start earlier than the pattern") {
  // The unbounded form ({0,2} read as {0,}) matches from the first mention,
  // the pattern only from the second; and on the second sentence only the
  // unbounded form matches. Match must report what MatchUnfiltered does.
  auto rs = Compile(
      "rule r\n  pattern {S:company}[^x]{0,2}收购{O:company}\n  emit acquired S O\n");
  REQUIRE(rs.ok());
  const std::string twice =
      T('c', 0) + "一二三四收购" + T('c', 1) + "收购" + T('c', 2);
  const std::string never = T('c', 0) + "一二三四收购" + T('c', 1);
  for (const std::string& sentence : {twice, never, twice + "," + twice}) {
    INFO(sentence);
    std::vector<rules::RuleMatch> filtered, all;
    (*rs)->Match(sentence, &filtered);
    (*rs)->MatchUnfiltered(sentence, &all);
    REQUIRE(filtered.size() == all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      CHECK(filtered[i].begin == all[i].begin);
      CHECK(filtered[i].end == all[i].end);
      REQUIRE(filtered[i].slots.size() == 2);
      CHECK(filtered[i].slots[0].mentions == all[i].slots[0].mentions);
      CHECK(filtered[i].slots[1].mentions == all[i].slots[1].mentions);
    }
  }
  std::vector<rules::RuleMatch> m;
  (*rs)->Match(twice, &m);
  REQUIRE(m.size() == 1);
  CHECK(m[0].begin == twice.find(T('c', 1)));
  CHECK(m[0].slots[0].mentions == std::vector<int>{1});
  CHECK(m[0].slots[1].mentions == std::vector<int>{2});
  m.clear();
  (*rs)->Match(never, &m);
  CHECK(m.empty());
  // Where PCRE2 gives up (its backtracking limit, here at the first
  // mention), RE2 decides: the match at the second mention is found.
  auto slow = Compile(
      "rule r\n  pattern {S:company}(?:(?:a|aa)+)+[^x]{0,2}收购{O:company}\n"
      "  emit acquired S O\n");
  REQUIRE(slow.ok());
  const std::string hard =
      T('c', 0) + std::string(60, 'a') + "b" + T('c', 1) + "a收购" + T('c', 2);
  std::vector<rules::RuleMatch> all;
  m.clear();
  (*slow)->Match(hard, &m);
  (*slow)->MatchUnfiltered(hard, &all);
  REQUIRE(all.size() == 1);
  REQUIRE(m.size() == 1);
  CHECK(m[0].begin == all[0].begin);
  CHECK(m[0].slots[0].mentions == std::vector<int>{1});
}

TEST_CASE("matching: bytes that are not UTF-8 after a match do not hide it") {
  // The start search extends the unbounded form to the end of the text;
  // with "." it stopped at a byte that is not UTF-8, and found nothing
  // (the extractor only sees valid text, but Match takes any bytes). Two
  // patterns, both through the start search: one PCRE2 runs, one it is
  // not given (\C has no translation).
  for (const char* body : {"{S:company}收购了{O:company}",
                           "{S:company}(?:收购|\\C{0}并购)了{O:company}"}) {
    auto rs = Compile(std::string("rule r\n  pattern ") + body +
                      "\n  emit acquired S O\n");
    REQUIRE(rs.ok());
    const std::string match = T('c', 1) + "收购了" + T('c', 2);
    for (const std::string& after :
         {std::string("\xe5\xe8\x8f"), std::string("\xff"),
          std::string("，该公\xe5"), std::string("\x80 ok")}) {
      for (const std::string& sentence :
           {match + after, "x" + match + after + match}) {
        INFO(body << " / " << sentence);
        std::vector<rules::RuleMatch> filtered, all;
        (*rs)->Match(sentence, &filtered);
        (*rs)->MatchUnfiltered(sentence, &all);
        REQUIRE(!all.empty());
        REQUIRE(filtered.size() == all.size());
        for (size_t i = 0; i < all.size(); ++i) {
          CHECK(filtered[i].begin == all[i].begin);
          CHECK(filtered[i].end == all[i].end);
        }
      }
    }
  }
}

TEST_CASE("matching: the pattern as written is compiled once, on first use, from any thread") {
  // MatchUnfiltered runs RE2 on the pattern as written, which the rule set
  // compiles on first use; threads that get there together share it.
  auto rs = Compile(
      "rule r\n  pattern {S:company}[^x]{0,2}收购{O:company}\n  emit acquired S O\n");
  REQUIRE(rs.ok());
  const std::string sentence = T('c', 0) + "一二三四收购" + T('c', 1) + "收购" + T('c', 2);
  std::vector<std::vector<rules::RuleMatch>> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got)
    threads.emplace_back([&rs, &sentence, &g] { (*rs)->MatchUnfiltered(sentence, &g); });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == 1);
    CHECK(g[0].begin == sentence.find(T('c', 1)));
    CHECK(g[0].slots[1].mentions == std::vector<int>{2});
  }
}

TEST_CASE("unbounded repetitions: upper bounds dropped, classes and escapes kept") {
  const std::pair<const char*, const char*> cases[] = {
      {"a{2,5}b", "a{2,}b"},
      {"[^x]{0,80}?y", "[^x]{0,}y"},
      {"(?:ab){1,3}", "(?:ab){1,}"},
      {"a{3}", "a{3}"},            // an exact count stays
      {"a{2,}", "a{2,}"},          // already unbounded
      {"[{1,2}]x", "[{1,2}]x"},    // braces in a class are literal
      {"[]{1,2}]", "[]{1,2}]"},    // a leading ']' is literal in a class
      {"\\{1,2}", "\\{1,2}"},      // an escaped brace is literal
      {"{S:org}", "{S:org}"},      // not a repetition
      {"x{,3}", "x{,3}"},          // RE2 reads this as literal text
      {"\\Qa{1,2}\\Eb{1,2}", "\\Qa{1,2}\\Eb{1,}"},  // quoted text is literal
      {"\\Qa{1,2}", "\\Qa{1,2}"},   // quoted to the end
  };
  for (const auto& [in, want] : cases) {
    INFO(in);
    CHECK(rules::UnboundedRepetitions(in) == want);
  }
}

TEST_CASE("two rule sets on one thread keep their own pre-selection") {
  // The prefilter's answers are memoized per thread; a second rule set with
  // other patterns over the same literals must not get the first one's.
  auto a = Compile("rule a\n  pattern {S:company}收购{O:company}\n  emit acquired S O\n");
  auto b = Compile(
      "rule b1\n  pattern {S:company}起诉{O:company}\n  emit sued S O\n"
      "rule b2\n  pattern {S:company}收购{O:company}\n  emit acquired S O\n");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::string buys = T('c', 0) + "收购" + T('c', 1);
  const std::string sues = T('c', 0) + "起诉" + T('c', 1);
  for (int round = 0; round < 3; ++round) {
    std::vector<rules::RuleMatch> m;
    (*a)->Match(buys, &m);
    REQUIRE(m.size() == 1);
    CHECK((*a)->rules()[m[0].rule].id == "a");
    m.clear();
    (*b)->Match(buys, &m);
    REQUIRE(m.size() == 1);
    CHECK((*b)->rules()[m[0].rule].id == "b2");
    m.clear();
    (*b)->Match(sues, &m);
    REQUIRE(m.size() == 1);
    CHECK((*b)->rules()[m[0].rule].id == "b1");
    m.clear();
    (*a)->Match(sues, &m);
    CHECK(m.empty());
  }
}

TEST_CASE("coreference and discovery: a document's sentences pre-selected together find what every pattern finds") {
  std::vector<std::string> files;
  for (const char* f : {"00-common.rules", "10-reference.rules", "en.rules",
                        "status.rules", "zh.rules"})
    files.push_back(std::string(NEWSGRAPH_SOURCE_DIR) + "/dictionaries/rules/" + f);
  auto rs = rules::RuleSet::Compile(files, Onto());
  REQUIRE(rs.ok());
  // Normalized (lower case) and original (cased) sentences made of the
  // words the shipped phrases and descriptors are made of.
  const std::vector<std::string> pieces = {
      " ", ", ", "。", "the ", "company", "venture", "fund", "group", "it",
      "its ", "he", "she", "as ", "partners", "invested ", "has ", "rivals",
      "该公司", "该基金", "这家公司", "公司", "宣布", "他", "她", "们", "其",
      "子公司", "持有", "将", "项目", "合作伙伴", "的身份", "startup ",
      "Startup ", "chipmaker ", "Acme", "Foo", "Inc", " Inc", " Corp",
      " Capital", "CEO ", "chief executive ", "Jane", " Doe", "named ",
      "初创公司", "投资机构", "A", "-", ".", "\x01" "c0\x02"};
  std::mt19937 rng(11);
  size_t phrases = 0, names = 0;
  for (int doc = 0; doc < 300; ++doc) {
    std::vector<std::string> sentences(1 + rng() % 8);
    for (auto& s : sentences) {
      const int len = int(rng() % 10);
      for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
    }
    std::vector<std::string_view> views(sentences.begin(), sentences.end());
    std::vector<std::vector<rules::CorefPhrase>> corefs;
    std::vector<std::vector<rules::Discovery>> found;
    (*rs)->FindCorefsEach(views, &corefs);
    (*rs)->DiscoverEach(views, &found);
    REQUIRE(corefs.size() == sentences.size());
    REQUIRE(found.size() == sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) {
      INFO(sentences[i]);
      const auto all = (*rs)->FindCorefsUnfiltered(sentences[i]);
      REQUIRE(corefs[i].size() == all.size());
      for (size_t k = 0; k < all.size(); ++k) {
        CHECK(std::tie(corefs[i][k].begin, corefs[i][k].end, corefs[i][k].types,
                       corefs[i][k].pronoun) ==
              std::tie(all[k].begin, all[k].end, all[k].types, all[k].pronoun));
      }
      const auto single = (*rs)->FindCorefs(sentences[i]);
      CHECK(single.size() == all.size());
      const auto every = (*rs)->DiscoverUnfiltered(sentences[i]);
      REQUIRE(found[i].size() == every.size());
      for (size_t k = 0; k < every.size(); ++k)
        CHECK(std::tie(found[i][k].name_begin, found[i][k].name_end,
                       found[i][k].type) ==
              std::tie(every[k].name_begin, every[k].name_end, every[k].type));
      CHECK((*rs)->Discover(sentences[i]).size() == every.size());
      phrases += all.size();
      names += every.size();
    }
  }
  CHECK(phrases > 300);
  CHECK(names > 100);
}
