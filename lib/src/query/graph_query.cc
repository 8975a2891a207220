// GraphQuery: entity lookup and the query verbs over GraphStore's read side.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsgraph/query.h"
#include "query/k_paths.h"
#include "query/link.h"

namespace newsgraph {

namespace {

const std::vector<std::string> kAllStatuses = {"asserted", "reported",
                                               "planned", "negated", "denied"};

EvidenceFilter ToEvidenceFilter(const QueryFilter& f, int64_t entity_id) {
  EvidenceFilter e;
  e.as_of = f.as_of;
  e.statuses = f.statuses;
  e.entity_id = entity_id;
  return e;
}

EvidenceItem ToItem(const EdgeRecord& e, const EvidenceRecord& r) {
  EvidenceItem it;
  it.subject = e.subject;
  it.relation = e.type;
  it.object = e.object;
  it.sentence = r.sentence;
  it.doc = r.doc_key;
  it.source = r.source;
  it.doc_date = r.doc_date;
  it.date = r.date;
  it.rule = r.rule;
  it.status = r.status;
  it.amount = r.amount;
  it.currency = r.currency;
  return it;
}

bool LinkBefore(const Link& a, const Link& b) {
  return std::tie(a.first_date, a.type, a.other, a.relation_id) <
         std::tie(b.first_date, b.type, b.other, b.relation_id);
}

}  // namespace

GraphQuery::GraphQuery(std::unique_ptr<GraphStore> store)
    : store_(std::move(store)) {}

GraphQuery::~GraphQuery() = default;

Result<std::unique_ptr<GraphQuery>> GraphQuery::Open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::NotFound(path + ": no such database");
  StoreOptions so;
  so.read_only = true;
  auto store = GraphStore::Open(path, so);
  if (!store.ok()) return store.status();
  return std::unique_ptr<GraphQuery>(new GraphQuery(std::move(store).value()));
}

Result<EntityRecord> GraphQuery::Resolve(const std::string& name) {
  auto found = store_->FindEntities(name);
  if (!found.ok()) return found.status();
  std::vector<EntityRecord> c = std::move(found).value();
  if (c.empty()) return Status::NotFound("unknown entity '" + name + "'");
  if (c.size() > 1 &&
      std::any_of(c.begin(), c.end(),
                  [](const EntityRecord& e) { return !e.discovered; }))
    c.erase(std::remove_if(c.begin(), c.end(),
                           [](const EntityRecord& e) { return e.discovered; }),
            c.end());
  if (c.size() == 1) return c[0];
  std::string list;
  for (const EntityRecord& e : c)
    list += (list.empty() ? "" : ", ") + e.name + " (" + e.type + ")";
  return Status::InvalidArgument("ambiguous entity '" + name + "': it names " +
                                 list);
}

Result<std::vector<EdgeRecord>> GraphQuery::LoadEdges(const QueryFilter& f,
                                                      int64_t entity_id) {
  auto edges = store_->Edges(ToEvidenceFilter(f, entity_id));
  if (!edges.ok() || f.relation_types.empty()) return edges;
  std::set<std::string> keep(f.relation_types.begin(), f.relation_types.end());
  std::vector<EdgeRecord> out;
  for (EdgeRecord& e : *edges)
    if (keep.count(e.type)) out.push_back(std::move(e));
  return out;
}

Result<EntityInfo> GraphQuery::Entity(const std::string& name,
                                      const QueryFilter& f) {
  auto rec = Resolve(name);
  if (!rec.ok()) return rec.status();
  EntityInfo info;
  info.name = rec->name;
  info.type = rec->type;
  info.discovered = rec->discovered;
  auto aliases = store_->EntityAliases(rec->id);
  if (!aliases.ok()) return aliases.status();
  info.aliases = std::move(aliases).value();
  auto edges = LoadEdges(f, rec->id);
  if (!edges.ok()) return edges.status();
  std::set<int64_t> others;
  std::map<std::string, RelationGroup> groups;
  for (const EdgeRecord& e : *edges) {
    others.insert(e.subject_id == rec->id ? e.object_id : e.subject_id);
    RelationGroup& g = groups[e.type];
    g.type = e.type;
    ++g.count;
    if (!e.first_date.empty() &&
        (g.first_date.empty() || e.first_date < g.first_date))
      g.first_date = e.first_date;
    if (e.last_date > g.last_date) g.last_date = e.last_date;
  }
  others.erase(rec->id);
  info.degree = static_cast<int64_t>(others.size());
  for (auto& [type, g] : groups) info.groups.push_back(std::move(g));
  return info;
}

Result<std::vector<Neighbor>> GraphQuery::Neighbors(
    const std::string& name, const NeighborOptions& options) {
  if (options.depth < 1)
    return Status::InvalidArgument("neighbors: depth must be at least 1");
  auto start = Resolve(name);
  if (!start.ok()) return start.status();
  // Breadth-first, loading each reached entity's relations from the store
  // (by relation id, as a whole-graph adjacency list would hold them).
  std::unordered_map<int64_t, std::string> names{{start->id, start->name}};
  std::set<int64_t> seen{start->id};
  std::deque<std::pair<int64_t, int>> queue{{start->id, 0}};
  std::vector<Neighbor> out;
  while (!queue.empty()) {
    auto [id, depth] = queue.front();
    queue.pop_front();
    if (depth >= options.depth) continue;
    auto edges = LoadEdges(options.filter, id);
    if (!edges.ok()) return edges.status();
    for (const EdgeRecord& e : *edges) {
      if (!options.since.empty() && e.last_date < options.since) continue;
      Link l = query::ToLink(e, id);
      int64_t other = e.subject_id == id ? e.object_id : e.subject_id;
      if (!seen.insert(other).second) continue;
      names[other] = l.other;
      out.push_back({l.other, l.other_type, depth + 1, names[id], l});
      queue.push_back({other, depth + 1});
    }
  }
  std::stable_sort(
      out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
        return std::tie(a.depth, a.name) < std::tie(b.depth, b.name);
      });
  return out;
}

Result<std::vector<GraphPath>> GraphQuery::Path(const std::string& a,
                                                const std::string& b,
                                                const PathOptions& options) {
  if (options.k < 1)
    return Status::InvalidArgument("path: k must be at least 1");
  auto from = Resolve(a);
  if (!from.ok()) return from.status();
  auto to = Resolve(b);
  if (!to.ok()) return to.status();
  if (from->id == to->id)
    return Status::InvalidArgument("path: '" + a + "' and '" + b +
                                   "' are the same entity");
  // Loads the relations around both ends, one ring at a time (the side
  // with the smaller frontier first), instead of the whole graph. Once the
  // rings up to ra hops from `a` and rb hops from `b` are expanded, every
  // path of at most ra + rb hops lies in the loaded relations; the search
  // stops when the k-th shortest path found is no longer than that, or when
  // one side has no frontier left (its component is loaded whole).
  struct Side {
    std::unordered_map<int64_t, int> dist;
    std::vector<int64_t> frontier;
    int radius = 0;
  };
  Side sa{{{from->id, 0}}, {from->id}}, sb{{{to->id, 0}}, {to->id}};
  std::map<int64_t, EdgeRecord> loaded;  // by relation id
  bool met = false;
  auto expand = [&](Side& side, const Side& other_side) -> Status {
    std::vector<int64_t> next;
    for (int64_t id : side.frontier) {
      auto around = LoadEdges(options.filter, id);
      if (!around.ok()) return around.status();
      for (EdgeRecord& e : *around) {
        int64_t other = e.subject_id == id ? e.object_id : e.subject_id;
        if (side.dist.emplace(other, side.radius + 1).second) {
          next.push_back(other);
          met |= other_side.dist.count(other) > 0;
        }
        loaded.emplace(e.relation_id, std::move(e));
      }
    }
    side.frontier = std::move(next);
    ++side.radius;
    return Status::Ok();
  };

  std::unordered_map<int64_t, int> index;
  std::vector<std::string> names;
  std::map<std::pair<int, int>, const EdgeRecord*> best;
  std::vector<std::vector<int>> found;
  while (true) {
    bool exhausted = sa.frontier.empty() || sb.frontier.empty();
    if (met || exhausted) {
      // Vertices: the two ends, then by entity id; links by relation id.
      index.clear();
      names.clear();
      best.clear();
      std::map<int64_t, std::string> others;
      for (const auto& [rid, e] : loaded) {
        others.emplace(e.subject_id, e.subject);
        others.emplace(e.object_id, e.object);
      }
      auto vertex = [&](int64_t id, const std::string& name) {
        auto [it, added] = index.emplace(id, static_cast<int>(names.size()));
        if (added) names.push_back(name);
        return it->second;
      };
      vertex(from->id, from->name);
      vertex(to->id, to->name);
      for (const auto& [id, name] : others) vertex(id, name);
      // The best-supported relation of each linked pair.
      std::vector<std::pair<int, int>> pairs;
      for (const auto& [rid, e] : loaded) {
        int s = index[e.subject_id], o = index[e.object_id];
        if (s == o) continue;
        auto key = std::minmax(s, o);
        auto [it, added] = best.emplace(key, &e);
        if (added) {
          pairs.push_back(key);
        } else if (e.docs > it->second->docs) {
          it->second = &e;
        }
      }
      found = query::KShortestPaths(static_cast<int>(names.size()), pairs, 0,
                                    1, options.k);
      if (exhausted) break;
      if (static_cast<int>(found.size()) == options.k &&
          static_cast<int>(found.back().size()) - 1 <= sa.radius + sb.radius)
        break;
    }
    Side& grow = sa.frontier.size() <= sb.frontier.size() ? sa : sb;
    NEWSGRAPH_RETURN_IF_ERROR(expand(grow, &grow == &sa ? sb : sa));
  }
  std::vector<GraphPath> out;
  EvidenceFilter ef = ToEvidenceFilter(options.filter, 0);
  for (const auto& vs : found) {
    GraphPath p;
    for (size_t i = 0; i + 1 < vs.size(); ++i) {
      const EdgeRecord& e = *best.at(std::minmax(vs[i], vs[i + 1]));
      PathHop hop;
      hop.from = names[vs[i]];
      hop.to = names[vs[i + 1]];
      hop.relation = e.type;
      hop.direction = e.symmetric                    ? "--"
                      : index[e.subject_id] == vs[i] ? "->"
                                                     : "<-";
      hop.docs = e.docs;
      auto ev = store_->RelationEvidence(e.relation_id, ef);
      if (!ev.ok()) return ev.status();
      if (!ev->empty()) hop.evidence = ToItem(e, ev->front());
      p.hops.push_back(std::move(hop));
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<AllianceInfo> GraphQuery::Alliance(const std::string& name,
                                          const QueryFilter& f) {
  auto found = store_->FindEntities(name);
  if (!found.ok()) return found.status();
  const EntityRecord* rec = nullptr;
  for (const EntityRecord& e : *found)
    if (e.type == "alliance") {
      rec = &e;
      break;
    }
  if (!rec) {
    if (found->empty())
      return Status::NotFound("unknown entity '" + name + "'");
    return Status::NotFound("'" + name + "' is a " + found->front().type +
                            ", not an alliance; see 'newsgraph alliances'");
  }
  AllianceInfo info;
  auto chain = store_->RenameChain(rec->name);
  if (!chain.ok()) return chain.status();
  info.names = std::move(chain).value();
  info.name = info.names.empty() ? rec->name : info.names.back().name;
  auto members = store_->AllianceMembers(rec->name);
  if (!members.ok()) return members.status();
  for (AllianceMember& m : *members)
    (m.role == "partner" ? info.partners : info.members).push_back(m);
  std::set<int64_t> seen;  // a rename touches two names: show it once
  for (const NameRecord& n : info.names) {
    auto e = store_->EntityByName(n.name, n.type);
    if (!e.ok()) continue;  // a name without relations of its own
    auto edges = LoadEdges(f, e->id);
    if (!edges.ok()) return edges.status();
    for (const EdgeRecord& edge : *edges) {
      Link l = query::ToLink(edge, e->id);
      if (!l.first_date.empty() && seen.insert(l.relation_id).second)
        info.timeline.push_back({n.name, std::move(l)});
    }
  }
  std::stable_sort(info.timeline.begin(), info.timeline.end(),
                   [](const AllianceEvent& a, const AllianceEvent& b) {
                     return LinkBefore(a.link, b.link);
                   });
  return info;
}

Result<std::vector<AllianceSummary>> GraphQuery::Alliances() {
  return store_->Alliances();
}

Result<std::vector<Link>> GraphQuery::Timeline(const std::string& name,
                                               const QueryFilter& f) {
  auto rec = Resolve(name);
  if (!rec.ok()) return rec.status();
  auto edges = LoadEdges(f, rec->id);
  if (!edges.ok()) return edges.status();
  std::vector<Link> out;
  for (const EdgeRecord& e : *edges) {
    Link l = query::ToLink(e, rec->id);
    if (!l.first_date.empty()) out.push_back(std::move(l));
  }
  std::sort(out.begin(), out.end(), LinkBefore);
  return out;
}

Result<std::vector<EvidenceItem>> GraphQuery::Evidence(
    const std::string& a, const std::string& relation, const std::string& b,
    const QueryFilter& f) {
  auto from = Resolve(a);
  if (!from.ok()) return from.status();
  auto to = Resolve(b);
  if (!to.ok()) return to.status();
  QueryFilter all = f;
  if (all.statuses.empty()) all.statuses = kAllStatuses;
  all.relation_types = {relation};
  auto edges = LoadEdges(all, from->id);
  if (!edges.ok()) return edges.status();
  EvidenceFilter ef = ToEvidenceFilter(all, 0);
  std::vector<EvidenceItem> out;
  for (const EdgeRecord& e : *edges) {
    bool match = (e.subject_id == from->id && e.object_id == to->id) ||
                 (e.subject_id == to->id && e.object_id == from->id);
    if (!match) continue;
    auto rows = store_->RelationEvidence(e.relation_id, ef);
    if (!rows.ok()) return rows.status();
    for (const EvidenceRecord& r : *rows) out.push_back(ToItem(e, r));
  }
  return out;
}

Result<StoreStats> GraphQuery::Stats() { return store_->Stats(); }

Result<std::vector<EdgeRecord>> GraphQuery::Edges(const QueryFilter& f,
                                                  int64_t entity_id) {
  return LoadEdges(f, entity_id);
}

Result<std::vector<EvidenceRecord>> GraphQuery::RelationEvidence(
    int64_t relation_id, const QueryFilter& f) {
  return store_->RelationEvidence(relation_id, ToEvidenceFilter(f, 0));
}

Result<SqlRows> GraphQuery::Sql(const std::string& sql, size_t max_rows) {
  return store_->ReadQuery(sql, max_rows);
}

namespace query {

Link ToLink(const EdgeRecord& e, int64_t self) {
  Link l;
  l.relation_id = e.relation_id;
  l.type = e.type;
  bool out = e.subject_id == self;
  l.direction = e.symmetric ? "both" : out ? "out" : "in";
  l.other = out ? e.object : e.subject;
  l.other_type = out ? e.object_type : e.subject_type;
  l.docs = e.docs;
  l.first_date = e.first_date;
  l.last_date = e.last_date;
  return l;
}

}  // namespace query

}  // namespace newsgraph
