#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "rules/atom_scanner.h"

using newsgraph::rules::AtomScanner;

namespace {

// The atoms occurring in `text`, ASCII letters without case: the plain way.
std::vector<int> Naive(const std::vector<std::string>& atoms, std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  std::vector<int> out;
  for (size_t i = 0; i < atoms.size(); ++i)
    if (text.find(atoms[i]) != std::string::npos) out.push_back(int(i));
  return out;
}

}  // namespace

TEST_CASE("atom scanner: the atoms that occur, each once, ascending") {
  const std::vector<std::string> atoms = {"he", "she", "his", "hers", "s",
                                          "投资", "资", "\x01", "\x02", "'s"};
  auto scanner = AtomScanner::Create(atoms);
  REQUIRE(scanner);
  std::vector<int> found;
  scanner->Find("ushers", &found);
  CHECK(found == std::vector<int>{0, 1, 3, 4});  // he she hers s
  found.clear();
  scanner->Find("SHE said", &found);  // ASCII letters without case
  CHECK(found == std::vector<int>{0, 1, 4});
  found.clear();
  scanner->Find("\x01" "c0\x02" "'s 投资", &found);
  CHECK(found == std::vector<int>{4, 5, 6, 7, 8, 9});
  found = {42};  // appends
  scanner->Find("xyz", &found);
  CHECK(found == std::vector<int>{42});
  found = {42};  // every atom, several times over
  scanner->Find("\x02's 投资 hers his \x01 ushers \x02 投资", &found);
  CHECK(found == std::vector<int>{42, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

TEST_CASE("atom scanner: agrees with a plain search on random text") {
  const std::vector<std::string> pieces = {
      "a", "b", "ab", "ba", "abc", "S", "s", "in", "invest", "invested",
      "收购", "投资", "资金", "的", "\x01", "c1", "\x02", " ", ",", "é", "。"};
  std::mt19937 rng(5);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> atoms;
    const int n = 1 + int(rng() % 12);
    for (int i = 0; i < n; ++i) {
      std::string a;
      const int len = 1 + int(rng() % 3);
      for (int k = 0; k < len; ++k) a += pieces[rng() % pieces.size()];
      for (char& c : a)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
      if (a.find("é") != std::string::npos) continue;  // has case
      atoms.push_back(a);
    }
    if (atoms.empty()) continue;
    auto scanner = AtomScanner::Create(atoms);
    REQUIRE(scanner);
    for (int t = 0; t < 40; ++t) {
      std::string text;
      const int len = int(rng() % 20);
      for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
      std::vector<int> found;
      scanner->Find(text, &found);
      INFO(text);
      CHECK(found == Naive(atoms, text));
    }
  }
}

TEST_CASE("atom scanner: atoms ending where the step's state has no own atom") {
  // "abc" is no atom, but "bc" and "c" end there (its failure chain): it
  // must count as a state with output. "ab" is a state without any.
  const std::vector<std::string> atoms = {"abcd", "bc", "c", "xab"};
  auto scanner = AtomScanner::Create(atoms);
  REQUIRE(scanner);
  // Root, a, ab, abc, abcd, b, bc, c, x, xa, xab: five where an atom ends
  // (abc, abcd, bc, c, xab), numbered after the six without.
  CHECK(scanner->state_count() == 11);
  CHECK(scanner->first_output_state() == 6);
  const std::pair<const char*, std::vector<int>> cases[] = {
      {"abce", {1, 2}},      {"abcd", {0, 1, 2}}, {"ab", {}},
      {"xabcd", {0, 1, 2, 3}}, {"XAB", {3}},      {"cab", {2}},
      {"bbbc", {1, 2}},      {"", {}}};
  for (const auto& [text, want] : cases) {
    std::vector<int> found;
    scanner->Find(text, &found);
    INFO(text);
    CHECK(found == want);
  }
}

TEST_CASE("atom scanner: agrees with a plain search on many overlapping atoms") {
  // Atoms over a small alphabet, many of them suffixes or prefixes of one
  // another: long failure chains, states where only a failure state's atom
  // ends, and output states reached from output states.
  std::mt19937 rng(11);
  const std::string alphabet = "abcABz\x01";
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> atoms;
    const int n = 1 + int(rng() % 30);
    for (int i = 0; i < n; ++i) {
      std::string a;
      const int len = 1 + int(rng() % 5);
      for (int k = 0; k < len; ++k) a += "ab\x01c"[rng() % 4];
      atoms.push_back(a);
    }
    auto scanner = AtomScanner::Create(atoms);
    REQUIRE(scanner);
    REQUIRE(scanner->first_output_state() > 0);  // the root has no atom
    REQUIRE(scanner->first_output_state() < scanner->state_count());
    for (int t = 0; t < 20; ++t) {
      std::string text;
      const int len = int(rng() % 40);
      for (int k = 0; k < len; ++k) text += alphabet[rng() % alphabet.size()];
      std::vector<int> found;
      scanner->Find(text, &found);
      INFO(text);
      CHECK(found == Naive(atoms, text));
    }
  }
}

TEST_CASE("atom scanner: agrees with a plain search on thousands of atoms") {
  // More than 4,096 atoms: the found-atom bitmap's summary has more than
  // one word, and its words more than 64 bits each to read back.
  std::mt19937 rng(13);
  std::vector<std::string> atoms;
  for (int i = 0; i < 6000; ++i) {
    std::string a;
    for (int k = 3 + int(rng() % 4); k > 0; --k) a += char('a' + rng() % 8);
    atoms.push_back(a);
  }
  auto scanner = AtomScanner::Create(atoms);
  REQUIRE(scanner);
  size_t found_total = 0;
  for (int t = 0; t < 60; ++t) {
    std::string text;
    for (int k = int(rng() % 300); k > 0; --k) text += char('a' + rng() % 9);
    std::vector<int> found;
    scanner->Find(text, &found);
    INFO(text);
    CHECK(found == Naive(atoms, text));
    found_total += found.size();
  }
  CHECK(found_total > 5000);
}

TEST_CASE("atom scanner: declines atoms it cannot match without case") {
  CHECK(AtomScanner::Create({"été"}) == nullptr);   // é has case
  CHECK(AtomScanner::Create({"σ"}) == nullptr);
  CHECK(AtomScanner::Create({"µ"}) == nullptr);     // folds to μ
  CHECK(AtomScanner::Create({""}) == nullptr);
  CHECK(AtomScanner::Create({"\xff"}) == nullptr);  // not UTF-8
  CHECK(AtomScanner::Create({"收购", "$", "€", "“"}) != nullptr);
}
