// GraphStore::RemoveDocument (retraction), aggregate recomputation, Verify.
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store_impl.h"

namespace newsgraph {

namespace fs = std::filesystem;
using store::Stmt;

Result<store::Aggregate> GraphStore::Impl::Recompute(int64_t relation_id) {
  // One row per document: its evidence count and whether any supports.
  if (!recompute) {
    auto q = db->Prepare(
        "SELECT COUNT(*), SUM(e.status NOT IN ('denied', 'negated')), "
        "d.date, d.lang FROM evidence e JOIN documents d ON d.id = "
        "e.document_id WHERE e.relation_id = ?1 GROUP BY e.document_id");
    if (!q.ok()) return q.status();
    recompute = std::move(q).value();
  }
  Stmt& q = *recompute;
  q.Bind(1, relation_id);
  store::Aggregate agg;
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    agg.AddDocument(q.Int(0), q.Int(1) > 0, q.Text(2), q.Text(3));
  }
  q.Reset();
  return agg;
}

namespace {

struct DocRow {
  int64_t id;
  std::string doc_key, source, path;
};

Result<std::vector<DocRow>> FindDocs(store::Db& db, const char* where,
                                     const std::string& value) {
  auto q = db.Prepare(std::string("SELECT id, doc_key, source, path FROM "
                                  "documents WHERE ") +
                      where + " ORDER BY id");
  if (!q.ok()) return q.status();
  (*q)->Bind(1, value);
  std::vector<DocRow> out;
  while (true) {
    auto row = (*q)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({(*q)->Int(0), (*q)->Text(1), (*q)->Text(2), (*q)->Text(3)});
  }
  return out;
}

// Collects the ids a one-column query returns.
Status CollectIds(Stmt& q, std::set<int64_t>* out) {
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out->insert(q.Int(0));
  }
  q.Reset();
  return Status::Ok();
}

// Deletes the documents and their evidence, re-aggregates or deletes the
// relations they touched, and deletes entities left without relations
// (retracting aliases no remaining evidence uses).
Status Retract(GraphStore::Impl& im, const std::vector<DocRow>& docs,
               RemoveResult* result) {
  store::Db& db = *im.db;
  std::set<int64_t> relations, entities;
  auto rel_of_doc = db.Prepare(
      "SELECT DISTINCT relation_id FROM evidence WHERE document_id = ?1");
  auto del_ev = db.Prepare("DELETE FROM evidence WHERE document_id = ?1");
  auto del_doc = db.Prepare("DELETE FROM documents WHERE id = ?1");
  auto ends =
      db.Prepare("SELECT subject_id, object_id FROM relations WHERE id = ?1");
  auto del_rel = db.Prepare("DELETE FROM relations WHERE id = ?1");
  auto used = db.Prepare(
      "SELECT EXISTS (SELECT 1 FROM relations WHERE subject_id = ?1) OR "
      "EXISTS (SELECT 1 FROM relations WHERE object_id = ?1)");
  auto del_aliases = db.Prepare("DELETE FROM aliases WHERE entity_id = ?1");
  auto del_entity = db.Prepare("DELETE FROM entities WHERE id = ?1");
  auto retract_aliases = db.Prepare(
      "DELETE FROM aliases WHERE entity_id = ?1 AND NOT EXISTS ("
      " SELECT 1 FROM relations r JOIN evidence e ON e.relation_id = r.id"
      " WHERE (r.subject_id = ?1 AND e.subject_mention = aliases.alias)"
      "    OR (r.object_id = ?1 AND e.object_mention = aliases.alias))");
  for (auto* s : {&rel_of_doc, &del_ev, &del_doc, &ends, &del_rel, &used,
                  &del_aliases, &del_entity, &retract_aliases})
    if (!s->ok()) return s->status();

  for (const DocRow& d : docs) {
    (*rel_of_doc)->Bind(1, d.id);
    NEWSGRAPH_RETURN_IF_ERROR(CollectIds(**rel_of_doc, &relations));
    NEWSGRAPH_RETURN_IF_ERROR((*del_ev)->Bind(1, d.id).Run());
    size_t rows = static_cast<size_t>(db.Changes());
    NEWSGRAPH_RETURN_IF_ERROR((*del_doc)->Bind(1, d.id).Run());
    result->documents.push_back({d.id, d.doc_key, d.source, rows});
  }
  for (int64_t rel : relations) {
    Stmt& e = **ends;
    e.Bind(1, rel);
    auto row = e.Step();
    if (!row.ok()) return row.status();
    if (*row) {
      entities.insert(e.Int(0));
      entities.insert(e.Int(1));
    }
    e.Reset();
    auto agg = im.Recompute(rel);
    if (!agg.ok()) return agg.status();
    if (agg->evidence_count == 0) {
      NEWSGRAPH_RETURN_IF_ERROR((*del_rel)->Bind(1, rel).Run());
      ++result->relations_deleted;
      continue;
    }
    Stmt& up = *im.update_relation;
    up.Bind(1, rel)
        .Bind(2, agg->evidence_count)
        .Bind(3, agg->support_docs)
        .BindTextOrNull(4, agg->first_seen)
        .BindTextOrNull(5, agg->last_seen)
        .Bind(6, agg->LanguagesText());
    NEWSGRAPH_RETURN_IF_ERROR(up.Run());
    ++result->relations_updated;
  }
  for (int64_t ent : entities) {
    Stmt& u = **used;
    u.Bind(1, ent);
    auto row = u.Step();
    if (!row.ok()) return row.status();
    bool in_use = *row && u.Int(0) != 0;
    u.Reset();
    if (in_use) {
      NEWSGRAPH_RETURN_IF_ERROR((*retract_aliases)->Bind(1, ent).Run());
      continue;
    }
    NEWSGRAPH_RETURN_IF_ERROR((*del_aliases)->Bind(1, ent).Run());
    NEWSGRAPH_RETURN_IF_ERROR((*del_entity)->Bind(1, ent).Run());
    ++result->entities_deleted;
  }
  return Status::Ok();
}

}  // namespace

Result<RemoveResult> GraphStore::RemoveDocument(const std::string& selector) {
  Impl& im = *impl_;
  if (im.read_only)
    return Status::InvalidArgument(path() + ": opened read-only");
  if (!im.in_batch) NEWSGRAPH_RETURN_IF_ERROR(im.EnsureIndexes());

  std::error_code ec;
  std::string abs = fs::absolute(selector, ec).lexically_normal().string();
  auto docs = FindDocs(*im.db, "path = ?1", ec ? selector : abs);
  if (docs.ok() && docs->empty())
    docs = FindDocs(*im.db, "source = ?1", selector);
  if (docs.ok() && docs->empty()) {
    docs = FindDocs(*im.db, "doc_key = ?1", selector);
    if (docs.ok() && docs->size() > 1) {
      std::string paths;
      for (const auto& d : *docs) paths += (paths.empty() ? "" : ", ") + d.path;
      return Status::InvalidArgument(
          "remove: '" + selector + "' names " + std::to_string(docs->size()) +
          " documents (read from " + paths + "); give the path or URL");
    }
  }
  if (!docs.ok()) return docs.status();
  if (docs->empty())
    return Status::NotFound(path() + ": no stored document matches '" +
                            selector + "' (give a doc id, a path or a URL)");

  bool own = !im.in_batch;
  if (own) NEWSGRAPH_RETURN_IF_ERROR(BeginBatch());
  im.EndReplay();  // the log cannot redo a removal
  im.ForgetRelations();
  RemoveResult result;
  Status st = Retract(im, *docs, &result);
  im.ClearCaches();
  if (own) {
    if (st.ok()) {
      st = CommitBatch();
    } else {
      RollbackBatch();
    }
  }
  if (!st.ok()) return st;
  return result;
}

Status GraphStore::Verify() {
  store::Db& db = *impl_->db;
  // Every reference resolves (a bulk load writes without checking them).
  auto fk = db.Prepare("PRAGMA foreign_key_check");
  if (!fk.ok()) return fk.status();
  auto dangling = (*fk)->Step();
  if (!dangling.ok()) return dangling.status();
  if (*dangling)
    return Status::Internal(path() + ": " + (*fk)->Text(0) + " row " +
                            std::to_string((*fk)->Int(1)) +
                            " refers to a missing " + (*fk)->Text(2) + " row");
  auto docs = db.Prepare(
      "SELECT d.doc_key, d.relation_count, (SELECT COUNT(*) FROM evidence e "
      "WHERE e.document_id = d.id) FROM documents d");
  if (!docs.ok()) return docs.status();
  while (true) {
    auto row = (*docs)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if ((*docs)->Int(1) != (*docs)->Int(2))
      return Status::Internal(
          path() + ": document '" + (*docs)->Text(0) + "' has relation_count " +
          std::to_string((*docs)->Int(1)) + " but " +
          std::to_string((*docs)->Int(2)) + " evidence rows");
  }
  auto rels = db.Prepare(
      "SELECT r.id, r.type, r.subject_id, r.object_id, r.evidence_count, "
      "r.support_docs, r.first_seen, r.last_seen, r.languages, t.symmetric "
      "FROM relations r JOIN relation_types t ON t.name = r.type");
  if (!rels.ok()) return rels.status();
  while (true) {
    auto row = (*rels)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Stmt& r = **rels;
    std::string what =
        "relation " + std::to_string(r.Int(0)) + " (" + r.Text(1) + ")";
    if (r.Int(9) != 0 && r.Int(2) > r.Int(3))
      return Status::Internal(path() + ": " + what +
                              " is symmetric but subject_id > object_id");
    store::Aggregate stored;
    stored.evidence_count = r.Int(4);
    stored.support_docs = r.Int(5);
    stored.first_seen = r.Text(6);
    stored.last_seen = r.Text(7);
    stored.ParseLanguages(r.Text(8));
    auto fresh = impl_->Recompute(r.Int(0));
    if (!fresh.ok()) return fresh.status();
    if (fresh->evidence_count == 0)
      return Status::Internal(path() + ": " + what + " has no evidence");
    if (!(stored == *fresh))
      return Status::Internal(
          path() + ": " + what + " has stale aggregates (support_docs " +
          std::to_string(stored.support_docs) + ", " + "recomputed " +
          std::to_string(fresh->support_docs) + ")");
  }
  return Status::Ok();
}

}  // namespace newsgraph
