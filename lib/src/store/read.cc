// The read side of GraphStore: entity lookup, filtered edges and evidence,
// alliance summaries and user read-only queries. Every value from the user
// is bound as a parameter, never spliced into SQL.
#include <string>
#include <vector>

#include "store/store_impl.h"

namespace newsgraph {

using store::Stmt;

namespace {

// The filter clauses shared by Edges and RelationEvidence; parameters ?1
// (as_of), ?2 (comma-separated statuses, "" = supporting ones).
constexpr const char* kFilterSql =
    " AND (?1 = '' OR (d.date IS NOT NULL AND d.date <= ?1))"
    " AND ((?2 = '' AND e.status NOT IN ('denied', 'negated'))"
    "      OR instr(',' || ?2 || ',', ',' || e.status || ',') > 0)";

std::string JoinStatuses(const std::vector<std::string>& statuses) {
  std::string out;
  for (const std::string& s : statuses) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

template <typename Row>
Result<std::vector<Row>> Collect(Stmt& q, Row (*read)(const Stmt&)) {
  std::vector<Row> out;
  while (true) {
    auto r = q.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    out.push_back(read(q));
  }
  q.Reset();
  return out;
}

EntityRecord ReadEntity(const Stmt& q) {
  return {q.Int(0), q.Text(1), q.Text(2), q.Int(3) != 0};
}

}  // namespace

Result<std::vector<EntityRecord>> GraphStore::FindEntities(
    const std::string& name) {
  const char* tiers[] = {
      "SELECT id, name, type, discovered FROM entities WHERE name = ?1 "
      "ORDER BY discovered, id",
      "SELECT id, name, type, discovered FROM entities WHERE norm_name = ?2 "
      "OR name = ?1 COLLATE NOCASE ORDER BY discovered, id",
      "SELECT DISTINCT e.id, e.name, e.type, e.discovered FROM aliases a JOIN "
      "entities e ON e.id = a.entity_id WHERE a.alias = ?1 ORDER BY "
      "e.discovered, e.id",
      "SELECT DISTINCT e.id, e.name, e.type, e.discovered FROM aliases a JOIN "
      "entities e ON e.id = a.entity_id WHERE a.alias = ?1 COLLATE NOCASE "
      "ORDER BY e.discovered, e.id",
  };
  std::string norm = store::NormalizeName(name);
  for (const char* sql : tiers) {
    auto q = impl_->db->Prepare(sql);
    if (!q.ok()) return q.status();
    (*q)->Bind(1, name).Bind(2, norm);
    auto rows = Collect<EntityRecord>(**q, ReadEntity);
    if (!rows.ok() || !rows->empty()) return rows;
  }
  return std::vector<EntityRecord>{};
}

Result<EntityRecord> GraphStore::EntityByName(const std::string& name,
                                              const std::string& type) {
  auto q = impl_->db->Prepare(
      "SELECT id, name, type, discovered FROM entities WHERE name = ?1 AND "
      "type = ?2");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, name).Bind(2, type);
  auto rows = Collect<EntityRecord>(**q, ReadEntity);
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return Status::NotFound("unknown entity '" + name + "' (" + type + ")");
  return rows->front();
}

Result<std::vector<std::string>> GraphStore::EntityAliases(int64_t entity_id) {
  auto q = impl_->db->Prepare(
      "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, entity_id);
  return Collect<std::string>(
      **q, +[](const Stmt& s) { return s.Text(0); });
}

Result<std::vector<EdgeRecord>> GraphStore::Edges(
    const EvidenceFilter& filter) {
  std::string sql =
      "SELECT r.id, r.subject_id, s.name, s.type, r.type, "
      "COALESCE(t.symmetric, 0), r.object_id, o.name, o.type, "
      "COUNT(DISTINCT e.document_id), COUNT(*), "
      "MIN(COALESCE(e.date, d.date)), MAX(COALESCE(e.date, d.date)) "
      "FROM relations r "
      "JOIN entities s ON s.id = r.subject_id "
      "JOIN entities o ON o.id = r.object_id "
      "LEFT JOIN relation_types t ON t.name = r.type "
      "JOIN evidence e ON e.relation_id = r.id "
      "JOIN documents d ON d.id = e.document_id WHERE ";
  // One entity's relations through the subject and object indexes; an OR
  // with '?3 = 0' would make SQLite scan every relation.
  sql += filter.entity_id != 0
             ? "r.id IN (SELECT id FROM relations WHERE subject_id = ?3 "
               "UNION ALL SELECT id FROM relations WHERE object_id = ?3)"
             : "?3 = 0";
  sql += kFilterSql;
  sql += " GROUP BY r.id ORDER BY r.id";
  auto q = impl_->db->Prepare(sql);
  if (!q.ok()) return q.status();
  (*q)->Bind(1, filter.as_of)
      .Bind(2, JoinStatuses(filter.statuses))
      .Bind(3, filter.entity_id);
  return Collect<EdgeRecord>(
      **q, +[](const Stmt& s) {
        EdgeRecord e;
        e.relation_id = s.Int(0);
        e.subject_id = s.Int(1);
        e.subject = s.Text(2);
        e.subject_type = s.Text(3);
        e.type = s.Text(4);
        e.symmetric = s.Int(5) != 0;
        e.object_id = s.Int(6);
        e.object = s.Text(7);
        e.object_type = s.Text(8);
        e.docs = s.Int(9);
        e.evidence = s.Int(10);
        e.first_date = s.Text(11);
        e.last_date = s.Text(12);
        return e;
      });
}

Result<std::vector<EvidenceRecord>> GraphStore::RelationEvidence(
    int64_t relation_id, const EvidenceFilter& filter) {
  std::string sql =
      "SELECT e.relation_id, e.sentence, d.doc_key, d.source, d.date, e.date, "
      "e.rule, e.status, e.amount, e.currency FROM evidence e JOIN documents "
      "d ON d.id = e.document_id WHERE e.relation_id = ?3";
  sql += kFilterSql;
  sql +=
      " ORDER BY e.status <> 'asserted', COALESCE(e.date, d.date) IS NULL, "
      "COALESCE(e.date, d.date), d.doc_key, e.id";
  auto q = impl_->db->Prepare(sql);
  if (!q.ok()) return q.status();
  (*q)->Bind(1, filter.as_of)
      .Bind(2, JoinStatuses(filter.statuses))
      .Bind(3, relation_id);
  return Collect<EvidenceRecord>(
      **q, +[](const Stmt& s) {
        EvidenceRecord r;
        r.relation_id = s.Int(0);
        r.sentence = s.Text(1);
        r.doc_key = s.Text(2);
        r.source = s.Text(3);
        r.doc_date = s.Text(4);
        r.date = s.Text(5);
        r.rule = s.Text(6);
        r.status = s.Text(7);
        if (!s.IsNull(8)) r.amount = s.Double(8);
        r.currency = s.Text(9);
        return r;
      });
}

Result<std::vector<AllianceSummary>> GraphStore::Alliances() {
  auto q = impl_->db->Prepare(
      "SELECT e.name, "
      "(SELECT COUNT(*) FROM alliance_members m WHERE m.alliance_id = e.id "
      "AND m.role <> 'partner'), "
      "(SELECT COUNT(*) FROM alliance_members m WHERE m.alliance_id = e.id "
      "AND m.role = 'partner'), "
      "(SELECT MIN(m.since) FROM alliance_members m WHERE m.alliance_id = "
      "e.id AND m.role <> 'partner') "
      "FROM entities e WHERE e.type = 'alliance' AND NOT EXISTS (SELECT 1 "
      "FROM renames rn WHERE rn.old_id = e.id) ORDER BY e.name");
  if (!q.ok()) return q.status();
  return Collect<AllianceSummary>(
      **q, +[](const Stmt& s) {
        return AllianceSummary{s.Text(0), s.Int(1), s.Int(2), s.Text(3)};
      });
}

Result<SqlRows> GraphStore::ReadQuery(const std::string& sql, size_t max_rows) {
  SqlRows rows;
  NEWSGRAPH_RETURN_IF_ERROR(impl_->db->ReadQuery(sql, max_rows, &rows));
  return rows;
}

}  // namespace newsgraph
