// Rename history and alliance membership: queries over the renames,
// alliance_names and alliance_members views (schemas/migrations).
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/store_impl.h"

namespace newsgraph {

using store::Stmt;

Result<std::vector<NameRecord>> GraphStore::RenameChain(
    const std::string& name) {
  store::Db& db = *impl_->db;
  auto find = db.Prepare(
      "SELECT id, type FROM entities WHERE name = ?1 ORDER BY type = "
      "'alliance' DESC, discovered, id LIMIT 1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, name);
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  if (!*row)
    return Status::NotFound(path() + ": no entity named '" + name + "'");
  int64_t start = (*find)->Int(0);

  // Each step: (entity id, name, type) and the rename date into it.
  auto back = db.Prepare(
      "SELECT rn.old_id, e.name, e.type, rn.date FROM renames rn JOIN "
      "entities e ON e.id = rn.old_id WHERE rn.new_id = ?1 ORDER BY rn.date "
      "DESC, rn.relation_id LIMIT 1");
  auto fwd = db.Prepare(
      "SELECT rn.new_id, e.name, e.type, rn.date FROM renames rn JOIN "
      "entities e ON e.id = rn.new_id WHERE rn.old_id = ?1 ORDER BY rn.date "
      "DESC, rn.relation_id LIMIT 1");
  auto self = db.Prepare("SELECT name, type FROM entities WHERE id = ?1");
  for (auto* s : {&back, &fwd, &self})
    if (!s->ok()) return s->status();

  struct Step {
    int64_t id;
    std::string name, type, date;
  };
  auto next = [](Stmt& q, int64_t id) -> Result<std::optional<Step>> {
    q.Bind(1, id);
    auto r = q.Step();
    if (!r.ok()) return r.status();
    std::optional<Step> out;
    if (*r) out = Step{q.Int(0), q.Text(1), q.Text(2), q.Text(3)};
    q.Reset();
    return out;
  };

  std::set<int64_t> seen{start};
  // Walk back to the oldest name.
  int64_t first = start;
  while (true) {
    auto s = next(**back, first);
    if (!s.ok()) return s.status();
    if (!*s || !seen.insert((*s)->id).second) break;
    first = (*s)->id;
  }
  std::vector<NameRecord> chain;
  (*self)->Bind(1, first);
  auto srow = (*self)->Step();
  if (!srow.ok()) return srow.status();
  chain.push_back({(*self)->Text(0), (*self)->Text(1), ""});
  (*self)->Reset();
  std::set<int64_t> walked{first};
  for (int64_t cur = first;;) {
    auto s = next(**fwd, cur);
    if (!s.ok()) return s.status();
    if (!*s || !walked.insert((*s)->id).second) break;
    chain.push_back({(*s)->name, (*s)->type, (*s)->date});
    cur = (*s)->id;
  }
  return chain;
}

Result<std::vector<AllianceMember>> GraphStore::AllianceMembers(
    const std::string& name) {
  store::Db& db = *impl_->db;
  auto find = db.Prepare(
      "SELECT alliance_id FROM alliance_names WHERE name = ?1 ORDER BY "
      "depth LIMIT 1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, name);
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  if (!*row)
    return Status::NotFound(path() + ": no alliance named '" + name + "'");
  int64_t id = (*find)->Int(0);
  auto q = db.Prepare(
      "SELECT member, member_type, role, since, via_name, support_docs FROM "
      "alliance_members WHERE alliance_id = ?1 ORDER BY CASE role WHEN "
      "'founding_member' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, since, "
      "member");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, id);
  std::vector<AllianceMember> out;
  while (true) {
    auto r = (*q)->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    Stmt& s = **q;
    out.push_back(
        {s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Int(5)});
  }
  return out;
}

}  // namespace newsgraph
