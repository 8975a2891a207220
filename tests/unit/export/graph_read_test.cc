// The ring-by-ring reads of GraphQuery::Path and ::Neighbors (which load
// only the relations around the entities they need; the export's focus
// subgraph reads the same way) against the same questions answered over
// the whole graph, on a random store. (Kept with the export tests because
// they were written with the export and the query benchmark, issue 5.)
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../store/store_test_util.h"
#include "newsgraph/query.h"
#include "query/k_paths.h"

namespace newsgraph {
namespace {

using testing::Doc;
using testing::Ent;
using testing::Rel;
using testing::TempDir;

constexpr int kEntities = 400;
constexpr int kRelations = 900;  // sparse: paths of several hops

std::string Name(int i) { return "Firm " + std::to_string(i); }

TEST_CASE("Path and Neighbors read around the ends as the whole graph says",
          "[export][graph_read]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  {
    auto store = testing::OpenStore(path);
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> pick(0, kEntities - 1);
    const char* types[] = {"partner_of", "investor_in", "supplier_of",
                           "rival_of"};
    std::set<std::tuple<int, int, int>> seen;
    std::vector<Relation> rels;
    int doc = 0;
    while (static_cast<int>(seen.size()) < kRelations) {
      int s = pick(rng), o = pick(rng), t = pick(rng) % 4;
      if (s == o || !seen.emplace(s, t, o).second) continue;
      rels.push_back(
          Rel(Ent(Name(s), "company"), types[t], Ent(Name(o), "company")));
      if (rels.size() == 30) {
        auto r = store->AddDocument(Doc("d" + std::to_string(doc++)), rels);
        REQUIRE(r.ok());
        rels.clear();
      }
    }
    if (!rels.empty())
      REQUIRE(store->AddDocument(Doc("d" + std::to_string(doc)), rels).ok());
  }
  auto q = GraphQuery::Open(path);
  REQUIRE(q.ok());
  auto all = (*q)->Edges({}, 0);
  REQUIRE(all.ok());
  // The whole graph, undirected, one link per linked pair.
  std::map<std::string, int> index;
  auto vertex = [&](const std::string& n) {
    return index.emplace(n, static_cast<int>(index.size())).first->second;
  };
  std::set<std::pair<int, int>> pairs;
  std::map<int, std::set<int>> adj;
  for (const EdgeRecord& e : *all) {
    int s = vertex(e.subject), o = vertex(e.object);
    pairs.insert(std::minmax(s, o));
    adj[s].insert(o);
    adj[o].insert(s);
  }
  std::vector<std::pair<int, int>> links(pairs.begin(), pairs.end());

  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, kEntities - 1);
  int compared = 0, unconnected = 0;
  for (int i = 0; i < 40; ++i) {
    std::string a = Name(pick(rng)), b = Name(pick(rng));
    if (a == b || !index.count(a) || !index.count(b)) continue;
    for (int k : {1, 3}) {
      INFO(a << " -> " << b << ", k=" << k);
      auto want = query::KShortestPaths(static_cast<int>(index.size()), links,
                                        index[a], index[b], k);
      PathOptions po;
      po.k = k;
      auto got = (*q)->Path(a, b, po);
      REQUIRE(got.ok());
      REQUIRE(got->size() == want.size());
      for (size_t p = 0; p < want.size(); ++p) {
        CHECK((*got)[p].hops.size() + 1 == want[p].size());
        const auto& hops = (*got)[p].hops;
        CHECK(hops.front().from == a);
        CHECK(hops.back().to == b);
        for (size_t h = 0; h + 1 < hops.size(); ++h)
          CHECK(hops[h].to == hops[h + 1].from);
        for (const PathHop& hop : hops)  // every hop is a real link
          CHECK(adj[index[hop.from]].count(index[hop.to]) == 1);
      }
      ++compared;
      if (want.empty()) ++unconnected;
    }
    // Neighbors within 3 hops: the same entities at the same depths as a
    // breadth-first search over the whole graph.
    std::map<int, int> depth{{index[a], 0}};
    std::vector<int> frontier{index[a]};
    for (int d = 1; d <= 3; ++d) {
      std::vector<int> next;
      for (int v : frontier)
        for (int w : adj[v])
          if (depth.emplace(w, d).second) next.push_back(w);
      frontier = std::move(next);
    }
    NeighborOptions no;
    no.depth = 3;
    auto ns = (*q)->Neighbors(a, no);
    REQUIRE(ns.ok());
    CHECK(ns->size() + 1 == depth.size());
    for (const Neighbor& n : *ns) {
      INFO(a << " reaches " << n.name);
      CHECK(depth.at(index.at(n.name)) == n.depth);
    }
  }
  CHECK(compared >= 60);
  CHECK(unconnected < compared);
}

}  // namespace
}  // namespace newsgraph
