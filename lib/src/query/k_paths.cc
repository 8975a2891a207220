#include "query/k_paths.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <set>

namespace newsgraph::query {

namespace {

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeKey = std::pair<int, int>;  // (smaller, larger)

EdgeKey Key(int a, int b) { return {std::min(a, b), std::max(a, b)}; }

// Hides removed vertices and edges from the search.
struct Removed {
  const std::set<int>* vertices = nullptr;
  const std::set<EdgeKey>* edges = nullptr;
  const Graph* g = nullptr;
  bool operator()(Vertex v) const {
    return !vertices->count(static_cast<int>(v));
  }
  bool operator()(boost::graph_traits<Graph>::edge_descriptor e) const {
    return !edges->count(Key(static_cast<int>(boost::source(e, *g)),
                             static_cast<int>(boost::target(e, *g))));
  }
};

// Records each vertex's BFS parent.
class ParentRecorder : public boost::default_bfs_visitor {
 public:
  explicit ParentRecorder(std::vector<int>* parent) : parent_(parent) {}
  template <typename E, typename G>
  void tree_edge(E e, const G& g) const {
    (*parent_)[boost::target(e, g)] = static_cast<int>(boost::source(e, g));
  }

 private:
  std::vector<int>* parent_;
};

// A shortest path from s to t avoiding the removed parts; empty if none.
std::vector<int> Shortest(const Graph& g, int s, int t,
                          const std::set<int>& removed_vertices,
                          const std::set<EdgeKey>& removed_edges) {
  if (s == t) return {s};
  Removed pred{&removed_vertices, &removed_edges, &g};
  boost::filtered_graph<Graph, Removed, Removed> fg(g, pred, pred);
  std::vector<int> parent(boost::num_vertices(g), -1);
  std::vector<boost::default_color_type> color(boost::num_vertices(g));
  boost::breadth_first_search(
      fg, static_cast<Vertex>(s),
      boost::visitor(ParentRecorder(&parent))
          .color_map(boost::make_iterator_property_map(
              color.begin(), boost::get(boost::vertex_index, g))));
  if (parent[t] < 0) return {};
  std::vector<int> path{t};
  for (int v = t; v != s; v = parent[v]) path.push_back(parent[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

bool Shorter(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

std::vector<std::vector<int>> KShortestPaths(
    int vertices, const std::vector<std::pair<int, int>>& edges, int source,
    int target, int k) {
  Graph g(vertices);
  std::set<EdgeKey> seen;
  for (const auto& [a, b] : edges) {
    if (a == b || !seen.insert(Key(a, b)).second) continue;
    boost::add_edge(a, b, g);
  }
  std::vector<std::vector<int>> found;
  std::vector<int> first = Shortest(g, source, target, {}, {});
  if (first.empty()) return found;
  found.push_back(first);
  std::vector<std::vector<int>> candidates;
  while (static_cast<int>(found.size()) < k) {
    const std::vector<int>& last = found.back();
    for (size_t i = 0; i + 1 < last.size(); ++i) {
      std::vector<int> root(last.begin(), last.begin() + i + 1);
      std::set<EdgeKey> removed_edges;
      for (const auto& p : found)
        if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin()))
          removed_edges.insert(Key(p[i], p[i + 1]));
      std::set<int> removed_vertices(root.begin(), root.end() - 1);
      std::vector<int> spur =
          Shortest(g, last[i], target, removed_vertices, removed_edges);
      if (spur.empty()) continue;
      std::vector<int> total = root;
      total.insert(total.end(), spur.begin() + 1, spur.end());
      if (std::find(candidates.begin(), candidates.end(), total) ==
              candidates.end() &&
          std::find(found.begin(), found.end(), total) == found.end())
        candidates.push_back(std::move(total));
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), Shorter);
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  // Yen's order is right by length; ties come in search order.
  std::stable_sort(found.begin(), found.end(), Shorter);
  return found;
}

}  // namespace newsgraph::query
