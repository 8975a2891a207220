// k shortest simple paths (Yen's algorithm over Boost.Graph BFS).
#include "query/k_paths.h"

#include <catch2/catch.hpp>
#include <utility>
#include <vector>

namespace newsgraph::query {
namespace {

using Paths = std::vector<std::vector<int>>;

TEST_CASE("KShortestPaths enumerates simple paths by length",
          "[query][k_paths]") {
  //   0 - 1 - 3
  //   |   |   |
  //   2 ----- 4 - 5     6 (isolated)
  const std::vector<std::pair<int, int>> edges = {
      {0, 1}, {1, 3}, {0, 2}, {2, 4}, {3, 4}, {4, 5}, {1, 2}, {0, 1}};
  struct Case {
    const char* name;
    int s, t, k;
    Paths want;
  };
  const std::vector<Case> cases = {
      {"one shortest", 0, 5, 1, {{0, 2, 4, 5}}},
      {"three", 0, 5, 3, {{0, 2, 4, 5}, {0, 1, 2, 4, 5}, {0, 1, 3, 4, 5}}},
      {"all of them",
       0,
       5,
       10,
       {{0, 2, 4, 5}, {0, 1, 2, 4, 5}, {0, 1, 3, 4, 5}, {0, 2, 1, 3, 4, 5}}},
      {"unreachable", 0, 6, 3, {}},
      {"self", 3, 3, 2, {{3}}},
      {"neighbours", 4, 5, 2, {{4, 5}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(KShortestPaths(7, edges, c.s, c.t, c.k) == c.want);
  }
}

}  // namespace
}  // namespace newsgraph::query
