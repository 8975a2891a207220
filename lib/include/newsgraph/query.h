// GraphQuery: read-only questions over a graph store.
//
//   auto q = newsgraph::GraphQuery::Open("news.db");
//   if (!q.ok()) ...                          // q.status().message()
//   auto paths = (*q)->Path("Elon Musk", "Microsoft", {});
//
// Entities are named by their canonical name or any alias, in any language,
// ignoring ASCII case and spacing. An unknown name is kNotFound ("unknown
// entity 'X'"); a name that fits several entities is kInvalidArgument,
// listing the candidates. Relations count only evidence that passes the
// QueryFilter: by default every supporting status (not 'denied' or
// 'negated') from every document; `as_of` keeps evidence of documents
// dated on or before that date (the graph as it was known then).
//
// Graph walks (Neighbors, Path) read only the relations around the entities
// they reach, ring by ring (Path from both ends), never the whole graph, and
// treat every relation as an undirected link; each hop reports its
// direction. Path runs Yen's algorithm (Boost.Graph) on what it read.
//
// Thread safety: a GraphQuery is not thread-safe; use one per thread. It
// never writes the store file.
#ifndef NEWSGRAPH_QUERY_H_
#define NEWSGRAPH_QUERY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/status.h"
#include "newsgraph/store.h"

namespace newsgraph {

// Which relations and evidence a query sees.
struct QueryFilter {
  std::vector<std::string> relation_types;  // empty = every type
  std::vector<std::string> statuses;        // empty = supporting statuses
  std::string as_of;                        // "" = no date limit
};

// Relations of one type around an entity.
struct RelationGroup {
  std::string type;
  int64_t count = 0;       // relations of this type
  std::string first_date;  // earliest date among them, or ""
  std::string last_date;
};

struct EntityInfo {
  std::string name;  // canonical
  std::string type;
  bool discovered = false;
  std::vector<std::string> aliases;
  int64_t degree = 0;                 // distinct neighbouring entities
  std::vector<RelationGroup> groups;  // by type name
};

// One relation seen from an entity: `direction` is "out" (the entity is the
// subject), "in" (the object) or "both" (a symmetric type).
struct Link {
  int64_t relation_id = 0;
  std::string type;
  std::string direction;
  std::string other;  // the entity at the other end
  std::string other_type;
  int64_t docs = 0;
  std::string first_date, last_date;
};

struct NeighborOptions {
  QueryFilter filter;
  int depth = 1;      // hops from the entity, >= 1
  std::string since;  // "" = any; else relations last dated on or after it
};

// An entity reached from the start: its distance and the link that reached
// it (from `from`, the entity one hop closer).
struct Neighbor {
  std::string name, type;
  int depth = 0;
  std::string from;
  Link via;
};

// One evidence sentence with its document.
struct EvidenceItem {
  std::string subject, relation, object;  // as stored
  std::string sentence;
  std::string doc, source, doc_date, date, rule, status;
  std::optional<double> amount;
  std::string currency;
};

// One hop of a path: from `from` to `to` through `relation` (direction
// "->" when `from` is the subject, "<-" when it is the object, "--" for a
// symmetric type), with the best evidence (asserted first, earliest).
struct PathHop {
  std::string from, to;
  std::string relation, direction;
  int64_t docs = 0;
  EvidenceItem evidence;
};

struct PathOptions {
  QueryFilter filter;
  int k = 1;  // how many shortest simple paths, >= 1
};

struct GraphPath {
  std::vector<PathHop> hops;
};

// A dated relation of an alliance under one of its names.
struct AllianceEvent {
  std::string name;  // the alliance's name on this relation
  Link link;
};

// An alliance with its members and partners (AllianceMember, store.h).
struct AllianceInfo {
  std::string name;                     // current name
  std::vector<NameRecord> names;        // oldest first, current last
  std::vector<AllianceMember> members;  // founding members and members
  std::vector<AllianceMember> partners;
  std::vector<AllianceEvent> timeline;  // dated relations of any of its
                                        // names, oldest first
};

// A relation between the players of two alliances. A player is a member
// or partner, or an entity that controls one (owns, ceo_of, chairman_of:
// Elon Musk through xAI); `*_role` says which ("founding_member",
// "partner", "owns xAI", ...). `link` is seen from `a`: link.other == b.
struct AllianceTie {
  std::string a, a_role;
  Link link;
  std::string b_role;
};

// Two alliances side by side (GraphQuery::CompareAlliances).
struct AllianceComparison {
  std::string a, b;                 // current names
  std::vector<std::string> shared;  // players of both, by name
  std::vector<AllianceTie> ties;    // by a, relation, b
};

// How Camps() signs the graph.
struct CampOptions {
  QueryFilter filter;  // relation_types is ignored; see below
  std::vector<std::string> cooperation = {"partner_of", "member_of"};
  std::vector<std::string> against = {"rival_of", "sued"};
  // How much one rivalry weighs against one cooperation. News states a
  // rivalry rarely and means it; cooperation edges are many and loose
  // (joint announcements, technology partners), so a rivalry counts more.
  int rivalry_weight = 3;
};

// A relation that disagrees with a partition: cooperation across camps or
// rivalry inside one.
struct CampEdge {
  std::string subject, relation, object;
};

struct CampPartition {
  std::vector<std::vector<std::string>> camps;  // two or more players each,
                                                // largest first, names sorted
  std::vector<std::string> unaligned;           // players alone in a camp
  std::vector<CampEdge> disagreements;
};

class GraphQuery {
 public:
  // Opens the store at `path` read-only; kNotFound when the file does not
  // exist (it is never created).
  static Result<std::unique_ptr<GraphQuery>> Open(const std::string& path);
  ~GraphQuery();
  GraphQuery(const GraphQuery&) = delete;
  GraphQuery& operator=(const GraphQuery&) = delete;

  // Finds the entity called `name` (see the file comment).
  Result<EntityRecord> Resolve(const std::string& name);

  // Canonical name, type, aliases, degree and relations grouped by type.
  Result<EntityInfo> Entity(const std::string& name, const QueryFilter& f);

  // Entities within `depth` hops, nearest first, then by name.
  Result<std::vector<Neighbor>> Neighbors(const std::string& name,
                                          const NeighborOptions& options);

  // The k shortest simple paths from `a` to `b` (fewest hops first; Yen's
  // algorithm over breadth-first searches). Parallel relations between two
  // entities form one link; a hop shows the best-supported of them.
  // Empty when they are not connected.
  Result<std::vector<GraphPath>> Path(const std::string& a,
                                      const std::string& b,
                                      const PathOptions& options);

  // Members (inherited through renames), partners, names and timeline of
  // the alliance called `name` (any of its names). Membership comes from
  // the store's alliance_members view and ignores the filter; the timeline
  // honours it.
  Result<AllianceInfo> Alliance(const std::string& name, const QueryFilter& f);

  // Shared players of alliances `a` and `b` and every relation between a
  // player of one and a player of the other (players in both sides are
  // shared, not tied). kInvalidArgument when both name the same alliance.
  Result<AllianceComparison> CompareAlliances(const std::string& a,
                                              const std::string& b,
                                              const QueryFilter& f);

  // Partitions the players (entities on a cooperation or rivalry relation)
  // into camps on the signed graph: +1 per cooperation relation (and per
  // renamed_to: two names of one entity), -1 per rivalry one. Starts from
  // the connected components of the cooperation graph, then moves players one
  // at a time (by name order) to the camp they have the highest positive total
  // with, or alone when every total is negative, until nothing moves (at most
  // 50 passes): a local optimum of correlation clustering, deterministic for a
  // given store.
  Result<CampPartition> Camps(const CampOptions& options);

  // Every alliance with its member counts.
  Result<std::vector<AllianceSummary>> Alliances();

  // Dated relations of an entity, oldest first (undated ones are left out).
  Result<std::vector<Link>> Timeline(const std::string& name,
                                     const QueryFilter& f);

  // Every evidence row of `relation` between `a` and `b`, in either stored
  // direction. `f.statuses` empty here means every status (denials too).
  Result<std::vector<EvidenceItem>> Evidence(const std::string& a,
                                             const std::string& relation,
                                             const std::string& b,
                                             const QueryFilter& f);

  Result<StoreStats> Stats();

  // The relations whose evidence passes `f` (and of f.relation_types when
  // given) with an end at `entity_id` (0 = every relation), by relation id.
  Result<std::vector<EdgeRecord>> Edges(const QueryFilter& f,
                                        int64_t entity_id);

  // The evidence rows of one relation that pass `f`, best first (asserted,
  // then earliest).
  Result<std::vector<EvidenceRecord>> RelationEvidence(int64_t relation_id,
                                                       const QueryFilter& f);

  // A read-only SQL query; see GraphStore::ReadQuery.
  Result<SqlRows> Sql(const std::string& sql, size_t max_rows);

 private:
  explicit GraphQuery(std::unique_ptr<GraphStore> store);
  Result<std::vector<EdgeRecord>> LoadEdges(const QueryFilter& f,
                                            int64_t entity_id);
  std::unique_ptr<GraphStore> store_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_QUERY_H_
