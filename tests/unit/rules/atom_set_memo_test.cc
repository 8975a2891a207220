#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <span>
#include <vector>

#include "rules/atom_set_memo.h"

using newsgraph::rules::AtomSetMemo;

namespace {

// Every set hashes alike: each lookup has to tell sets apart by content.
uint64_t Colliding(std::span<const int>) { return 42; }

// A value that depends on the whole set (and differs for prefixes).
std::vector<int> ValueOf(std::span<const int> atoms) {
  std::vector<int> v = {int(atoms.size())};
  for (int a : atoms) v.push_back(a * 7 + 1);
  return v;
}

// Random ascending sets over a small range: many share prefixes or
// differ in one atom; the empty set among them.
std::vector<std::vector<int>> RandomSets(std::mt19937& rng, int count) {
  std::vector<std::vector<int>> sets;
  for (int i = 0; i < count; ++i) {
    std::vector<int> s;
    for (int a = 0; a < 12; ++a)
      if (rng() % 3 == 0) s.push_back(a);
    sets.push_back(s);
  }
  return sets;
}

// Looks every set up in `memo` against a std::map, counting the misses
// (`compute` calls) the memo reports.
void CheckAgainstMap(AtomSetMemo* memo, const std::vector<std::vector<int>>& queries,
                     size_t max_entries) {
  std::map<std::vector<int>, int> computed;  // set -> times computed
  for (const auto& q : queries) {
    bool missed = false;
    std::span<const int> got = memo->Get(q, [&](std::vector<int>* value) {
      CHECK(value->empty());
      missed = true;
      *value = ValueOf(q);
    });
    INFO("set of " << q.size() << " atoms, memo holds " << memo->size());
    const std::vector<int> want = ValueOf(q);
    CHECK(std::vector<int>(got.begin(), got.end()) == want);
    if (missed) ++computed[q];
    CHECK(memo->size() <= max_entries);
  }
  // With room for every distinct set, each was computed once.
  if (computed.size() <= max_entries)
    for (const auto& [set, times] : computed) CHECK(times == 1);
}

}  // namespace

TEST_CASE("atom set memo: sets whose hashes collide get their own values") {
  std::mt19937 rng(3);
  const auto sets = RandomSets(rng, 60);
  std::vector<std::vector<int>> queries;
  for (int round = 0; round < 4; ++round)
    for (const auto& s : sets) queries.push_back(s);
  AtomSetMemo memo(/*max_entries=*/4096, Colliding);
  CheckAgainstMap(&memo, queries, 4096);
  // Prefixes of one another, and the empty set, collide too.
  AtomSetMemo prefixes(16, Colliding);
  CheckAgainstMap(&prefixes, {{}, {1}, {1, 2}, {1, 2, 3}, {2, 3}, {}, {1, 2}, {1}},
                  16);
}

TEST_CASE("atom set memo: bounded, emptied when full, right after that") {
  std::mt19937 rng(4);
  for (AtomSetMemo::Hash hash : {&AtomSetMemo::HashAtoms, &Colliding}) {
    AtomSetMemo memo(/*max_entries=*/8, hash);
    std::vector<std::vector<int>> queries;
    const auto sets = RandomSets(rng, 40);
    for (int i = 0; i < 400; ++i) queries.push_back(sets[rng() % sets.size()]);
    CheckAgainstMap(&memo, queries, 8);
    memo.Clear();
    CHECK(memo.size() == 0);
    CheckAgainstMap(&memo, {{5}, {5}, {}}, 8);
    CHECK(memo.size() == 2);
  }
}

TEST_CASE("atom set memo: many distinct sets with the real hash") {
  std::mt19937 rng(5);
  std::vector<std::vector<int>> queries;
  for (int i = 0; i < 3000; ++i) {
    std::vector<int> s;
    int a = int(rng() % 20);
    for (int k = int(rng() % 25); k > 0; --k) {
      s.push_back(a);
      a += 1 + int(rng() % 50);
    }
    queries.push_back(s);
    if (i % 3 == 0) queries.push_back(queries[rng() % queries.size()]);
  }
  AtomSetMemo memo;
  CheckAgainstMap(&memo, queries, 4096);
  // The hash tells apart what it should.
  CHECK(AtomSetMemo::HashAtoms(std::vector<int>{1, 2}) !=
        AtomSetMemo::HashAtoms(std::vector<int>{1, 3}));
  CHECK(AtomSetMemo::HashAtoms(std::vector<int>{}) !=
        AtomSetMemo::HashAtoms(std::vector<int>{0}));
}
