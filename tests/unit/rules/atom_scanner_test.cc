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

TEST_CASE("atom scanner: declines atoms it cannot match without case") {
  CHECK(AtomScanner::Create({"été"}) == nullptr);   // é has case
  CHECK(AtomScanner::Create({"σ"}) == nullptr);
  CHECK(AtomScanner::Create({"µ"}) == nullptr);     // folds to μ
  CHECK(AtomScanner::Create({""}) == nullptr);
  CHECK(AtomScanner::Create({"\xff"}) == nullptr);  // not UTF-8
  CHECK(AtomScanner::Create({"收购", "$", "€", "“"}) != nullptr);
}
