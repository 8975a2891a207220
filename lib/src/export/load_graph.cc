// LoadExportGraph: the relations passing the filter (around the focus, if
// any), their best evidence, and the alliance clusters.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsgraph/export.h"

namespace newsgraph {

namespace {

std::string NodeId(int64_t id) { return "n" + std::to_string(id); }

}  // namespace

Result<ExportGraph> LoadExportGraph(GraphQuery& q,
                                    const ExportOptions& options) {
  ExportGraph g;
  g.filter = options.filter;
  std::vector<EdgeRecord> edges;
  std::unordered_map<int64_t, int> depth;  // focus mode: node -> hops
  if (options.focus.empty()) {
    auto all = q.Edges(options.filter, 0);
    if (!all.ok()) return all.status();
    edges = std::move(all).value();
  } else {
    if (options.depth < 1)
      return Status::InvalidArgument("export: depth must be at least 1");
    auto start = q.Resolve(options.focus);
    if (!start.ok()) return start.status();
    g.focus = start->name;
    g.depth = options.depth;
    depth[start->id] = 0;
    std::set<int64_t> seen;
    // Breadth-first from the focus, reading each reached entity's relations
    // (as GraphQuery::Neighbors does), keeping every relation whose two
    // ends are within reach.
    std::vector<int64_t> frontier{start->id};
    for (int d = 0; d < options.depth && !frontier.empty(); ++d) {
      std::vector<int64_t> next;
      for (int64_t id : frontier) {
        auto around = q.Edges(options.filter, id);
        if (!around.ok()) return around.status();
        for (EdgeRecord& e : *around) {
          int64_t other = e.subject_id == id ? e.object_id : e.subject_id;
          if (!depth.count(other)) {
            depth[other] = d + 1;
            next.push_back(other);
          }
          if (seen.insert(e.relation_id).second) edges.push_back(std::move(e));
        }
      }
      frontier = std::move(next);
    }
    // Relations among the entities at the last hop.
    for (int64_t id : frontier) {
      auto around = q.Edges(options.filter, id);
      if (!around.ok()) return around.status();
      for (EdgeRecord& e : *around)
        if (depth.count(e.subject_id) && depth.count(e.object_id) &&
            seen.insert(e.relation_id).second)
          edges.push_back(std::move(e));
    }
    if (depth.size() == 1) {  // the focus alone
      ExportNode n;
      n.entity_id = start->id;
      n.id = NodeId(start->id);
      n.name = start->name;
      n.type = start->type;
      n.depth = 0;
      g.nodes.push_back(std::move(n));
    }
  }

  std::map<int64_t, ExportNode> nodes;
  auto add_node = [&](int64_t id, const std::string& name,
                      const std::string& type) {
    ExportNode& n = nodes[id];
    n.entity_id = id;
    n.id = NodeId(id);
    n.name = name;
    n.type = type;
    if (auto it = depth.find(id); it != depth.end()) n.depth = it->second;
  };
  for (const EdgeRecord& e : edges) {
    add_node(e.subject_id, e.subject, e.subject_type);
    add_node(e.object_id, e.object, e.object_type);
    ExportEdge x;
    x.relation_id = e.relation_id;
    x.id = "r" + std::to_string(e.relation_id);
    x.source = NodeId(e.subject_id);
    x.target = NodeId(e.object_id);
    x.type = e.type;
    x.symmetric = e.symmetric;
    x.docs = e.docs;
    x.evidence = e.evidence;
    x.first_date = e.first_date;
    x.last_date = e.last_date;
    auto ev = q.RelationEvidence(e.relation_id, options.filter);
    if (!ev.ok()) return ev.status();
    if (!ev->empty()) {
      x.status = ev->front().status;
      x.sentence = ev->front().sentence;
      x.doc = ev->front().doc_key;
    }
    for (const EvidenceRecord& r : *ev)
      if (r.amount) {
        x.amount = r.amount;
        x.currency = r.currency;
        break;
      }
    g.edges.push_back(std::move(x));
  }
  for (auto& [id, n] : nodes) g.nodes.push_back(std::move(n));
  std::sort(g.nodes.begin(), g.nodes.end(),
            [](const ExportNode& a, const ExportNode& b) {
              return std::tie(a.name, a.type, a.entity_id) <
                     std::tie(b.name, b.type, b.entity_id);
            });
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < g.nodes.size(); ++i) rank[g.nodes[i].id] = i;
  std::sort(g.edges.begin(), g.edges.end(),
            [&](const ExportEdge& a, const ExportEdge& b) {
              return std::make_tuple(rank[a.source], a.type, rank[a.target],
                                     a.relation_id) <
                     std::make_tuple(rank[b.source], b.type, rank[b.target],
                                     b.relation_id);
            });

  // Alliance clusters: each alliance's names and members present here.
  auto alliances = q.Alliances();
  if (!alliances.ok()) return alliances.status();
  std::map<std::pair<std::string, std::string>, size_t> by_name;  // (name,
                                                                  // type)
  for (size_t i = 0; i < g.nodes.size(); ++i)
    by_name[{g.nodes[i].name, g.nodes[i].type}] = i;
  for (const AllianceSummary& s : *alliances) {
    auto info = q.Alliance(s.name, options.filter);
    if (!info.ok()) return info.status();
    std::vector<size_t> in;
    auto take = [&](const std::string& name, const std::string& type) {
      auto it = by_name.find({name, type});
      if (it == by_name.end() || !g.nodes[it->second].alliance.empty()) return;
      g.nodes[it->second].alliance = info->name;
      in.push_back(it->second);
    };
    for (const NameRecord& r : info->names) take(r.name, r.type);
    for (const AllianceMember& m : info->members) take(m.member, m.member_type);
    if (in.empty()) continue;
    std::sort(in.begin(), in.end());
    ExportCluster c;
    c.alliance = info->name;
    for (size_t i : in) c.node_ids.push_back(g.nodes[i].id);
    g.clusters.push_back(std::move(c));
  }
  return g;
}

}  // namespace newsgraph
