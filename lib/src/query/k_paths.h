// k shortest simple paths in an unweighted undirected graph (Boost.Graph).
#ifndef NEWSGRAPH_QUERY_K_PATHS_H_
#define NEWSGRAPH_QUERY_K_PATHS_H_

#include <utility>
#include <vector>

namespace newsgraph::query {

// Returns up to `k` shortest simple paths from `source` to `target` as
// vertex sequences, fewest hops first (equal lengths in lexicographic order of
// vertex ids), in the undirected graph of `vertices` vertices and `edges`.
// Yen's algorithm with breadth-first searches as the shortest-path step. Empty
// when the two are not connected; {{source}} when source == target.
// Preconditions: vertex ids < vertices; k >= 1. Pure and thread-safe.
std::vector<std::vector<int>> KShortestPaths(
    int vertices, const std::vector<std::pair<int, int>>& edges, int source,
    int target, int k);

}  // namespace newsgraph::query

#endif  // NEWSGRAPH_QUERY_K_PATHS_H_
