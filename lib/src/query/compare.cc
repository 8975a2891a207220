// GraphQuery::CompareAlliances: shared players and ties between two
// alliances.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "newsgraph/query.h"
#include "query/link.h"

namespace newsgraph {

namespace {

// Relation types through which a player controls a member.
const std::set<std::string> kControl = {"owns", "ceo_of", "chairman_of"};

using Key = std::pair<std::string, std::string>;  // (name, type)
using Side = std::map<Key, std::string>;          // player -> role

Side Players(const AllianceInfo& info) {
  Side side;
  for (const auto* list : {&info.members, &info.partners})
    for (const AllianceMember& m : *list)
      side.emplace(Key{m.member, m.member_type}, m.role);
  return side;
}

// Adds the entities that control a player (one hop).
void AddControllers(const std::vector<EdgeRecord>& edges, Side* side) {
  Side added;
  for (const EdgeRecord& e : edges) {
    if (!kControl.count(e.type)) continue;
    Key object{e.object, e.object_type}, subject{e.subject, e.subject_type};
    if (side->count(object) && !side->count(subject))
      added.emplace(subject, e.type + " " + e.object);
  }
  side->insert(added.begin(), added.end());
}

}  // namespace

Result<AllianceComparison> GraphQuery::CompareAlliances(const std::string& a,
                                                        const std::string& b,
                                                        const QueryFilter& f) {
  auto ia = Alliance(a, f);
  if (!ia.ok()) return ia.status();
  auto ib = Alliance(b, f);
  if (!ib.ok()) return ib.status();
  if (ia->name == ib->name)
    return Status::InvalidArgument("alliance: '" + a + "' and '" + b +
                                   "' are the same alliance (" + ia->name +
                                   ")");
  AllianceComparison out;
  out.a = ia->name;
  out.b = ib->name;
  Side sa = Players(*ia), sb = Players(*ib);
  auto edges = LoadEdges(f, 0);
  if (!edges.ok()) return edges.status();
  AddControllers(*edges, &sa);
  AddControllers(*edges, &sb);
  // A player in both camps belongs to the one where it is a member rather
  // than a partner (Microsoft: member of AIP, technology partner of
  // Stargate); only equal standing makes it shared.
  auto standing = [](const std::string& role) {
    return role == "founding_member" || role == "member" ? 2 : 1;
  };
  std::set<Key> shared;
  for (auto it = sa.begin(); it != sa.end();) {
    auto jt = sb.find(it->first);
    if (jt == sb.end()) {
      ++it;
      continue;
    }
    int ra = standing(it->second), rb = standing(jt->second);
    if (ra > rb) {
      sb.erase(jt);
      ++it;
    } else if (rb > ra) {
      it = sa.erase(it);
    } else {
      shared.insert(it->first);
      ++it;
    }
  }
  for (const Key& k : shared) out.shared.push_back(k.first);
  for (const EdgeRecord& e : *edges) {
    Key s{e.subject, e.subject_type}, o{e.object, e.object_type};
    if (shared.count(s) || shared.count(o) || s == o) continue;
    bool s_in_a = sa.count(s), o_in_b = sb.count(o);
    bool s_in_b = sb.count(s), o_in_a = sa.count(o);
    if (s_in_a && o_in_b) {
      out.ties.push_back({e.subject, sa[s], query::ToLink(e, e.subject_id), sb[o]});
    } else if (o_in_a && s_in_b) {
      out.ties.push_back({e.object, sa[o], query::ToLink(e, e.object_id), sb[s]});
    }
  }
  std::sort(out.ties.begin(), out.ties.end(),
            [](const AllianceTie& x, const AllianceTie& y) {
              return std::tie(x.a, x.link.type, x.link.other) <
                     std::tie(y.a, y.link.type, y.link.other);
            });
  return out;
}

}  // namespace newsgraph
