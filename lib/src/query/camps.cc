// GraphQuery::Camps: correlation clustering of the signed graph: local
// search from the cooperation components, then splits grown from the two
// ends of each rivalry inside a camp, kept when they lower the disagreement.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "newsgraph/query.h"

namespace newsgraph {

namespace {

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

Result<CampPartition> GraphQuery::Camps(const CampOptions& options) {
  QueryFilter f = options.filter;
  f.relation_types.clear();
  auto edges = LoadEdges(f, 0);
  if (!edges.ok()) return edges.status();
  std::set<std::string> pos(options.cooperation.begin(),
                            options.cooperation.end());
  std::set<std::string> neg(options.against.begin(), options.against.end());

  std::map<std::string, int> index;  // by name: deterministic order
  struct Signed {
    const EdgeRecord* e;
    int sign;
  };
  std::vector<Signed> signed_edges;
  for (const EdgeRecord& e : *edges) {
    // A rename links two names of one entity: always together.
    int sign = pos.count(e.type) || e.type == "renamed_to" ? 1
               : neg.count(e.type)                         ? -1
                                                           : 0;
    if (sign == 0 || e.subject_id == e.object_id) continue;
    signed_edges.push_back({&e, sign});
    index.emplace(e.subject, 0);
    index.emplace(e.object, 0);
  }
  std::vector<std::string> names;
  for (auto& [name, i] : index) {
    i = static_cast<int>(names.size());
    names.push_back(name);
  }
  const int n = static_cast<int>(names.size());
  std::vector<std::map<int, int>> weight(n);  // neighbour -> summed sign
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (const Signed& s : signed_edges) {
    int a = index[s.e->subject], b = index[s.e->object];
    const int w = s.sign > 0 ? 1 : -std::max(1, options.rivalry_weight);
    weight[a][b] += w;
    weight[b][a] += w;
    if (s.sign > 0) parent[Find(parent, a)] = Find(parent, b);
  }
  // Local search: move one player at a time to the camp it agrees with
  // most (or to a camp of its own when it is at odds with its camp).
  auto local_search = [&](std::vector<int>& camp) {
    for (int pass = 0; pass < 50; ++pass) {
      bool moved = false;
      for (int v = 0; v < n; ++v) {
        std::map<int, int> total;  // camp -> summed weight from v
        for (const auto& [u, w] : weight[v]) total[camp[u]] += w;
        int here = total.count(camp[v]) ? total[camp[v]] : 0;
        int best = camp[v], best_total = here;
        for (const auto& [c, t] : total)
          if (c != camp[v] && t > best_total) best = c, best_total = t;
        if (best == camp[v] && here < 0) best = 2 * n + v;  // a fresh id
        if (best != camp[v]) {
          camp[v] = best;
          moved = true;
        }
      }
      if (!moved) break;
    }
  };
  // Disagreement: cooperation across camps plus rivalry inside one.
  auto cost = [&](const std::vector<int>& camp) {
    long c = 0;
    for (int a = 0; a < n; ++a)
      for (const auto& [b, w] : weight[a])
        if (a < b && ((camp[a] == camp[b]) != (w > 0))) c += std::abs(w);
    return c;
  };

  // Start from the cooperation components.
  std::vector<int> camp(n);
  for (int v = 0; v < n; ++v) camp[v] = Find(parent, v);
  local_search(camp);
  long best_cost = cost(camp);
  // A well-connected camp that rivalries cut across is split by growing two
  // camps from the two ends of a rivalry inside it (each player joins the
  // side it cooperates with most), then refined; the split is kept when it
  // disagrees less.
  for (bool improved = true; improved;) {
    improved = false;
    for (int a = 0; a < n && !improved; ++a) {
      for (const auto& [b, w] : weight[a]) {
        if (w >= 0 || camp[a] != camp[b]) continue;
        const int old_camp = camp[a], fresh = 3 * n + a;
        std::vector<int> trial = camp;
        std::vector<char> open(n, 0);
        for (int v = 0; v < n; ++v) open[v] = camp[v] == old_camp;
        open[a] = open[b] = 0;
        trial[a] = fresh;
        for (bool grew = true; grew;) {
          grew = false;
          for (int v = 0; v < n; ++v) {
            if (!open[v]) continue;
            int to_fresh = 0, to_old = 0;
            bool touched = false;
            for (const auto& [u, wu] : weight[v]) {
              if (open[u] || camp[u] != old_camp) continue;
              touched = true;
              (trial[u] == fresh ? to_fresh : to_old) += wu;
            }
            if (!touched) continue;
            trial[v] = to_fresh > to_old ? fresh : old_camp;
            open[v] = 0;
            grew = true;
          }
        }
        local_search(trial);
        long c = cost(trial);
        if (c < best_cost) {
          camp = std::move(trial);
          best_cost = c;
          improved = true;
          break;
        }
      }
    }
  }

  std::map<int, std::vector<std::string>> groups;
  for (int v = 0; v < n; ++v) groups[camp[v]].push_back(names[v]);
  CampPartition out;
  for (auto& [c, members] : groups) {
    if (members.size() == 1) {
      out.unaligned.push_back(members[0]);
    } else {
      out.camps.push_back(std::move(members));
    }
  }
  std::stable_sort(out.camps.begin(), out.camps.end(),
                   [](const auto& a, const auto& b) {
                     return a.size() != b.size() ? a.size() > b.size()
                                                 : a.front() < b.front();
                   });
  std::sort(out.unaligned.begin(), out.unaligned.end());
  for (const Signed& s : signed_edges) {
    bool same = camp[index[s.e->subject]] == camp[index[s.e->object]];
    if (same != (s.sign > 0))
      out.disagreements.push_back({s.e->subject, s.e->type, s.e->object});
  }
  return out;
}

}  // namespace newsgraph
