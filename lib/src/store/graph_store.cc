// GraphStore: batches, AddDocument (entity resolution, relation merge,
// evidence), statistics.
#include <charconv>
#include <chrono>
#include <ctime>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/store_impl.h"

namespace newsgraph {

using store::Stmt;

Status GraphStore::Impl::Prepare() {
  struct Def {
    std::unique_ptr<Stmt>* stmt;
    const char* sql;
  };
  const Def defs[] = {
      {&begin, "BEGIN IMMEDIATE"},
      {&commit, "COMMIT"},
      {&rollback, "ROLLBACK"},
      {&savepoint, "SAVEPOINT document"},
      {&release, "RELEASE document"},
      {&rollback_to, "ROLLBACK TO document"},
      {&data_version, "PRAGMA data_version"},
      {&no_relations, "SELECT NOT EXISTS (SELECT 1 FROM relations)"},
      {&find_doc, "SELECT id FROM documents WHERE content_hash = ?1"},
      {&insert_doc,
       "INSERT INTO documents (content_hash, source, path, doc_key, title, "
       "date, lang, bytes, ingested_at, relation_count) VALUES (?1, ?2, ?3, "
       "?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&find_entity_exact,
       "SELECT id, name, discovered FROM entities WHERE name = ?1 AND type = "
       "?2"},
      {&find_entity_norm,
       "SELECT id, name FROM entities WHERE norm_name = ?1 AND type = ?2 "
       "ORDER BY discovered, id LIMIT 1"},
      {&find_discovered_norm,
       "SELECT id, name FROM entities WHERE norm_name = ?1 AND type = ?2 AND "
       "discovered = 1 ORDER BY id LIMIT 1"},
      {&insert_entity,
       "INSERT INTO entities (name, type, norm_name, discovered) VALUES (?1, "
       "?2, ?3, ?4)"},
      {&promote_entity,
       "UPDATE entities SET name = ?2, discovered = 0 WHERE id = ?1"},
      {&insert_alias,
       "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)"},
      {&find_relation,
       "SELECT id, evidence_count, support_docs, first_seen, last_seen, "
       "languages FROM relations WHERE subject_id = ?1 AND type = ?2 AND "
       "object_id = ?3"},
      {&insert_relation,
       "INSERT INTO relations (subject_id, type, object_id, evidence_count, "
       "support_docs, first_seen, last_seen, languages) VALUES (?1, ?2, ?3, "
       "?4, ?5, ?6, ?7, ?8)"},
      {&update_relation,
       "UPDATE relations SET evidence_count = ?2, support_docs = ?3, "
       "first_seen = ?4, last_seen = ?5, languages = ?6 WHERE id = ?1"},
      {&insert_evidence,
       "INSERT INTO evidence (relation_id, document_id, sentence, start_byte, "
       "end_byte, rule, status, amount, currency, date, duration_years, "
       "subject_mention, object_mention) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
       "?8, ?9, ?10, ?11, ?12, ?13)"},
  };
  for (const Def& d : defs) {
    auto s = db->Prepare(d.sql);
    if (!s.ok()) return s.status();
    *d.stmt = std::move(s).value();
  }
  return Status::Ok();
}

namespace {

std::string UtcNow() {
  std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Adds one document inside an open transaction.
class DocumentWriter {
 public:
  DocumentWriter(GraphStore::Impl& im, AddResult* result)
      : im_(im), result_(result) {}

  Status Write(const StoredDocument& meta,
               const std::vector<Relation>& relations,
               const std::string& ingested_at);

 private:
  struct Resolved {
    int64_t id;
    bool mention_differs;  // the ref's mention is not the stored name
  };
  using Key = GraphStore::Impl::RelationKey;
  // A relation this document has evidence for.
  struct Touched {
    Key key;
    int64_t id;  // 0: new, inserted with its aggregates
    store::Aggregate before;
    int64_t evidence = 0;
    bool supported = false;
  };
  // One evidence row to write.
  struct Row {
    const Relation* rel;
    size_t slot;  // into touched_
    const std::string* subject_mention;
    const std::string* object_mention;
  };

  Result<Resolved> ResolveEntity(const EntityRef& ref);
  Status AddAlias(int64_t entity_id, const std::string& alias);
  Result<size_t> TouchRelation(const Key& key);

  GraphStore::Impl& im_;
  AddResult* result_;
  std::vector<Touched> touched_;
  std::unordered_map<Key, size_t, GraphStore::Impl::RelationKeyHash>
      touched_index_;
};

Status DocumentWriter::AddAlias(int64_t entity_id, const std::string& alias) {
  std::string& key = im_.alias_key;
  char id[24];
  key.assign(id, std::to_chars(id, id + sizeof id, entity_id).ptr);
  key += '\t';
  key += alias;
  if (im_.alias_cache.find(std::string_view(key)) != im_.alias_cache.end())
    return Status::Ok();
  im_.alias_cache.emplace(key);
  return im_.insert_alias->Bind(1, entity_id).Bind(2, alias).Run();
}

Result<DocumentWriter::Resolved> DocumentWriter::ResolveEntity(
    const EntityRef& ref) {
  // The key: a listed entity by name, a discovered one by folded name.
  std::string& key = im_.entity_key;
  key.assign(ref.discovered ? "d\t" : "l\t");
  key += ref.type;
  key += '\t';
  std::string norm;
  if (ref.discovered) {
    norm = store::NormalizeName(ref.name);
    key += norm;
  } else {
    key += ref.name;
  }
  if (auto it = im_.entity_cache.find(std::string_view(key));
      it != im_.entity_cache.end())
    return Resolved{it->second.id, ref.mention != it->second.name};
  if (!ref.discovered) norm = store::NormalizeName(ref.name);

  struct {
    int64_t id;
    std::string name;
  } r{0, ref.name};
  if (!ref.discovered) {
    // A listed entity: its canonical name, or a discovered one it absorbs.
    Stmt& exact = *im_.find_entity_exact;
    exact.Bind(1, ref.name).Bind(2, ref.type);
    auto row = exact.Step();
    if (!row.ok()) return row.status();
    bool was_discovered = *row && exact.Int(2) != 0;
    if (*row) r.id = exact.Int(0);
    exact.Reset();
    if (r.id == 0) {
      Stmt& disc = *im_.find_discovered_norm;
      disc.Bind(1, norm).Bind(2, ref.type);
      auto drow = disc.Step();
      if (!drow.ok()) return drow.status();
      std::string old_name;
      if (*drow) {
        r.id = disc.Int(0);
        old_name = disc.Text(1);
        was_discovered = true;
      }
      disc.Reset();
      if (r.id != 0 && old_name != ref.name)
        NEWSGRAPH_RETURN_IF_ERROR(AddAlias(r.id, old_name));
    }
    if (r.id != 0 && was_discovered) {
      NEWSGRAPH_RETURN_IF_ERROR(
          im_.promote_entity->Bind(1, r.id).Bind(2, ref.name).Run());
      im_.entity_cache.erase("d\t" + ref.type + '\t' + norm);  // renamed
    }
  } else {
    Stmt& find = *im_.find_entity_norm;
    find.Bind(1, norm).Bind(2, ref.type);
    auto row = find.Step();
    if (!row.ok()) return row.status();
    if (*row) {
      r.id = find.Int(0);
      r.name = find.Text(1);
    }
    find.Reset();
  }
  if (r.id == 0) {
    NEWSGRAPH_RETURN_IF_ERROR(im_.insert_entity->Bind(1, ref.name)
                                  .Bind(2, ref.type)
                                  .Bind(3, norm)
                                  .Bind(4, int64_t{ref.discovered})
                                  .Run());
    r.id = im_.db->LastInsertId();
    ++result_->new_entities;
  }
  im_.entity_cache.insert_or_assign(
      key, GraphStore::Impl::CachedEntity{r.id, r.name});
  return Resolved{r.id, ref.mention != r.name};
}

// Finds the relation (this document, this batch, then the store); a new
// one is inserted later, with its aggregates.
Result<size_t> DocumentWriter::TouchRelation(const Key& key) {
  if (auto it = touched_index_.find(key); it != touched_index_.end())
    return it->second;
  Touched t{key, 0, {}};
  if (auto it = im_.relation_cache.find(key); it != im_.relation_cache.end()) {
    t.id = it->second.id;
    t.before = it->second.aggregate;
  } else if (im_.MaybeStored(key)) {
    Stmt& find = *im_.find_relation;
    find.Bind(1, key.subject).BindRef(2, *key.type).Bind(3, key.object);
    auto row = find.Step();
    if (!row.ok()) return row.status();
    if (*row) {
      t.id = find.Int(0);
      t.before.evidence_count = find.Int(1);
      t.before.support_docs = find.Int(2);
      t.before.first_seen = find.Text(3);
      t.before.last_seen = find.Text(4);
      t.before.ParseLanguages(find.Text(5));
    }
    find.Reset();
  }
  touched_index_.emplace(key, touched_.size());
  touched_.push_back(std::move(t));
  return touched_.size() - 1;
}

Status DocumentWriter::Write(const StoredDocument& meta,
                             const std::vector<Relation>& relations,
                             const std::string& ingested_at) {
  Stmt& ins = *im_.insert_doc;
  // BindRef: the values outlive the statement's Run.
  ins.BindRef(1, meta.content_hash)
      .BindRef(2, meta.source)
      .BindRef(3, meta.path)
      .BindRef(4, meta.doc_key)
      .BindRefOrNull(5, meta.title)
      .BindRefOrNull(6, meta.date)
      .BindRefOrNull(7, meta.lang)
      .Bind(8, static_cast<int64_t>(meta.bytes))
      .BindRef(9, ingested_at)
      .Bind(10, static_cast<int64_t>(relations.size()));
  NEWSGRAPH_RETURN_IF_ERROR(ins.Run());
  int64_t doc_id = im_.db->LastInsertId();
  result_->document_id = doc_id;

  // Entities and relations first, then the relations' rows (a new one
  // with its aggregates: one statement), then the evidence pointing at
  // them. Ids come out as when each relation was inserted at its first
  // evidence: in the same order, one table each.
  std::vector<Row> rows;
  rows.reserve(relations.size());
  for (const Relation& rel : relations) {
    auto subject = ResolveEntity(rel.subject);
    if (!subject.ok()) return subject.status();
    auto object = ResolveEntity(rel.object);
    if (!object.ok()) return object.status();
    const std::string* subject_mention = &rel.subject.mention;
    const std::string* object_mention = &rel.object.mention;
    for (const auto& [res, ref] : {std::pair{&*subject, &rel.subject},
                                   std::pair{&*object, &rel.object}}) {
      if (!ref->coreference && !ref->mention.empty() && res->mention_differs)
        NEWSGRAPH_RETURN_IF_ERROR(AddAlias(res->id, ref->mention));
    }
    int64_t s = subject->id, o = object->id;
    auto type = im_.symmetric.find(rel.relation);  // AddDocument checked it
    if (type->second && s > o) {
      std::swap(s, o);
      std::swap(subject_mention, object_mention);
    }
    auto slot = TouchRelation(Key{s, &type->first, o});
    if (!slot.ok()) return slot.status();
    Touched& t = touched_[*slot];
    ++t.evidence;
    if (store::IsSupport(rel.attrs.status)) t.supported = true;
    rows.push_back({&rel, *slot, subject_mention, object_mention});
  }

  for (Touched& t : touched_) {
    store::Aggregate agg = t.before;
    agg.AddDocument(t.evidence, t.supported, meta.date, meta.lang);
    // The aggregate's five columns, from parameter `first` on.
    auto bind_aggregate = [&agg](Stmt& st, int first) {
      st.Bind(first, agg.evidence_count)
          .Bind(first + 1, agg.support_docs)
          .BindRefOrNull(first + 2, agg.first_seen)
          .BindRefOrNull(first + 3, agg.last_seen)
          .Bind(first + 4, agg.LanguagesText());
    };
    if (t.id == 0) {
      Stmt& insert = *im_.insert_relation;
      insert.Bind(1, t.key.subject).BindRef(2, *t.key.type).Bind(3, t.key.object);
      bind_aggregate(insert, 4);
      NEWSGRAPH_RETURN_IF_ERROR(insert.Run());
      t.id = im_.db->LastInsertId();
      ++result_->new_relations;
      if (im_.relations_known)
        im_.batch_relations.push_back(GraphStore::Impl::Fingerprint(t.key));
    } else {
      Stmt& up = *im_.update_relation;
      up.Bind(1, t.id);
      bind_aggregate(up, 2);
      NEWSGRAPH_RETURN_IF_ERROR(up.Run());
    }
    // Undone with the batch's other caches if the document fails.
    im_.relation_cache[t.key] = {t.id, std::move(agg)};
  }

  for (const Row& row : rows) {
    const Relation& rel = *row.rel;
    const Attributes& a = rel.attrs;
    Stmt& ev = *im_.insert_evidence;
    ev.Bind(1, touched_[row.slot].id)
        .Bind(2, doc_id)
        .BindRef(3, rel.evidence.sentence)
        .Bind(4, static_cast<int64_t>(rel.evidence.start))
        .Bind(5, static_cast<int64_t>(rel.evidence.end))
        .BindRef(6, rel.rule)
        .BindRef(7, a.status.empty() ? std::string_view("asserted")
                                     : std::string_view(a.status))
        .Bind(8, a.amount)
        .BindRefOrNull(9, a.currency)
        .BindRefOrNull(10, a.date)
        .Bind(11, a.duration_years)
        .BindRef(12, *row.subject_mention)
        .BindRef(13, *row.object_mention);
    NEWSGRAPH_RETURN_IF_ERROR(ev.Run());
    ++result_->evidence_rows;
  }
  return Status::Ok();
}

}  // namespace

Result<bool> GraphStore::HasDocument(const std::string& content_hash) {
  Stmt& find = *impl_->find_doc;
  find.Bind(1, content_hash);
  auto row = find.Step();
  find.Reset();
  return row;
}

bool GraphStore::in_batch() const { return impl_->in_batch; }

Status GraphStore::BeginBatch() {
  if (impl_->in_batch)
    return Status::Internal(path() + ": BeginBatch inside a batch");
  if (impl_->read_only)
    return Status::InvalidArgument(path() + ": opened read-only");
  NEWSGRAPH_RETURN_IF_ERROR(impl_->begin->Run());
  auto version = impl_->DataVersion();
  if (!version.ok()) {
    (void)impl_->rollback->Run();
    return version.status();
  }
  // Another connection committed since this one's last batch: what this
  // one knew of the relations may be out of date.
  if (*version != impl_->batch_data_version) {
    impl_->ClearCaches();
    impl_->ForgetRelations();
  }
  impl_->batch_data_version = *version;
  impl_->batch_relations.clear();
  if (!impl_->relations_known) {
    auto none = impl_->no_relations->Step();
    bool empty = none.ok() && *none && impl_->no_relations->Int(0) != 0;
    impl_->no_relations->Reset();
    if (!none.ok()) {
      (void)impl_->rollback->Run();
      return none.status();
    }
    if (empty) {
      impl_->known_relations.Clear();
      impl_->relations_known = true;
    }
  }
  impl_->in_batch = true;
  impl_->relation_cache.clear();
  impl_->batch_log.clear();
  impl_->batch_replayable = true;
  return Status::Ok();
}

Status GraphStore::CommitBatch() {
  if (!impl_->in_batch)
    return Status::Internal(path() + ": CommitBatch without a batch");
  Status st = impl_->commit->Run();
  if (!st.ok()) {
    RollbackBatch();
    return st;
  }
  impl_->in_batch = false;
  impl_->relation_cache.clear();
  if (impl_->entity_cache.size() + impl_->alias_cache.size() >
      Impl::kMaxCachedEntities)
    impl_->ClearCaches();
  impl_->batch_log.clear();
  if (impl_->relations_known) {
    for (uint64_t fp : impl_->batch_relations)
      impl_->known_relations.Insert(fp);
    if (impl_->known_relations.size() > Impl::kMaxKnownRelations)
      impl_->ForgetRelations();
  }
  impl_->batch_relations.clear();
  return Status::Ok();
}

void GraphStore::RollbackBatch() {
  if (!impl_->in_batch) return;
  if (impl_->db->InTransaction()) (void)impl_->rollback->Run();
  impl_->in_batch = false;
  impl_->ClearCaches();
  impl_->batch_log.clear();
  impl_->batch_relations.clear();
}

Result<int64_t> GraphStore::Impl::DataVersion() {
  auto row = data_version->Step();
  int64_t v = row.ok() && *row ? data_version->Int(0) : 0;
  data_version->Reset();
  if (!row.ok()) return row.status();
  return v;
}

// Undoes a document that failed in a replayable batch: rolls the
// transaction back, begins it again and writes the logged documents again.
// Their ids and rows come out the same, as the same writes run on the same
// state, unless another writer committed in the moment the lock was free
// (SQLite's data_version tells): then the batch is lost.
Status GraphStore::Impl::Replay() {
  ClearCaches();
  batch_relations.clear();
  NEWSGRAPH_RETURN_IF_ERROR(rollback->Run());
  NEWSGRAPH_RETURN_IF_ERROR(begin->Run());
  auto version = DataVersion();
  if (!version.ok()) return version.status();
  if (*version != batch_data_version)
    return Status::IoError(db->path() +
                           ": another process wrote to the store meanwhile");
  for (const LoggedDocument& d : batch_log) {
    AddResult ignored;
    NEWSGRAPH_RETURN_IF_ERROR(
        DocumentWriter(*this, &ignored).Write(d.meta, d.relations,
                                              d.ingested_at));
  }
  return Status::Ok();
}

Result<AddResult> GraphStore::AddDocument(
    const StoredDocument& meta, const std::vector<Relation>& relations) {
  return AddDocumentImpl(meta, relations, nullptr, nullptr);
}

Result<AddResult> GraphStore::AddDocument(StoredDocument&& meta,
                                          std::vector<Relation>&& relations) {
  return AddDocumentImpl(meta, relations, &meta, &relations);
}

Result<AddResult> GraphStore::AddDocumentImpl(
    const StoredDocument& meta, const std::vector<Relation>& relations,
    StoredDocument* take_meta, std::vector<Relation>* take_relations) {
  Impl& im = *impl_;
  if (meta.content_hash.empty())
    return Status::InvalidArgument(meta.doc_key +
                                   ": AddDocument needs a content hash");
  for (const Relation& r : relations) {
    if (!im.symmetric.count(r.relation))
      return Status::DataError(meta.doc_key + ": unknown relation type '" +
                               r.relation + "'");
    for (const EntityRef* e : {&r.subject, &r.object}) {
      if (!im.entity_types.count(e->type))
        return Status::DataError(meta.doc_key + ": unknown entity type '" +
                                 e->type + "' of '" + e->name + "'");
      if (e->name.empty())
        return Status::DataError(meta.doc_key + ": a " + r.relation +
                                 " relation has an empty entity name");
    }
  }
  bool own = !im.in_batch;
  if (own) NEWSGRAPH_RETURN_IF_ERROR(BeginBatch());
  AddResult result;
  // A document is written whole or not at all: see Impl::batch_log.
  const bool savepoint = !im.batch_replayable;
  Status st = savepoint ? im.savepoint->Run() : Status::Ok();
  if (st.ok()) {
    std::string ingested_at;
    im.find_doc->Bind(1, meta.content_hash);
    auto found = im.find_doc->Step();
    if (found.ok() && *found) result.document_id = im.find_doc->Int(0);
    im.find_doc->Reset();
    if (!found.ok()) {
      st = found.status();
    } else if (*found) {
      result.duplicate = true;
    } else {
      ingested_at = UtcNow();
      st = DocumentWriter(im, &result).Write(meta, relations, ingested_at);
    }
    if (savepoint) {
      if (st.ok()) {
        st = im.release->Run();
      } else {
        (void)im.rollback_to->Run();
        (void)im.release->Run();
        im.ClearCaches();
        im.ForgetRelations();  // relation_cache no longer holds the batch's
        if (!im.db->InTransaction()) RollbackBatch();  // SQLite ended it
      }
    } else if (!st.ok()) {
      // A batch of its own is rolled back below. Otherwise the batch goes
      // on without the document, unless SQLite rolled the transaction back
      // itself (a full disk does) or undoing fails: then the batch is
      // lost, which must not read as a document's fault (kDataError).
      if (!own) {
        bool aborted = !im.db->InTransaction();
        Status undo = aborted ? Status::Ok() : im.Replay();
        if (aborted || !undo.ok()) {
          RollbackBatch();
          if (aborted && st.code() != StatusCode::kDataError)
            return st.WithPrefix(meta.doc_key);
          return Status::IoError(
              meta.doc_key + ": " + st.message() +
              (aborted ? std::string()
                       : "; undoing it failed (" + undo.message() + ")") +
              "; the batch was rolled back");
        }
      }
    } else if (!own && !result.duplicate) {
      if (take_meta != nullptr) {
        im.batch_log.push_back({std::move(*take_meta),
                                std::move(*take_relations),
                                std::move(ingested_at)});
      } else {
        im.batch_log.push_back({meta, relations, std::move(ingested_at)});
      }
    }
  }
  if (own) {
    if (st.ok()) {
      st = CommitBatch();
    } else {
      RollbackBatch();
    }
  }
  if (!st.ok()) return st.WithPrefix(meta.doc_key);
  return result;
}

Result<StoreStats> GraphStore::Stats() {
  StoreStats s;
  s.schema_version = impl_->schema_version;
  struct Q {
    int64_t* out;
    const char* sql;
  };
  for (const Q& q : {
           Q{&s.documents, "SELECT COUNT(*) FROM documents"},
           Q{&s.entities, "SELECT COUNT(*) FROM entities"},
           Q{&s.discovered_entities,
             "SELECT COUNT(*) FROM entities WHERE discovered = 1"},
           Q{&s.aliases, "SELECT COUNT(*) FROM aliases"},
           Q{&s.relations, "SELECT COUNT(*) FROM relations"},
           Q{&s.supported_relations,
             "SELECT COUNT(*) FROM relations WHERE support_docs > 0"},
           Q{&s.evidence, "SELECT COUNT(*) FROM evidence"},
       }) {
    auto n = impl_->db->QueryInt(q.sql);
    if (!n.ok()) return n.status();
    *q.out = *n;
  }
  return s;
}

Status GraphStore::SetBulkLoad(bool on) {
  if (impl_->in_batch)
    return Status::Internal(path() + ": SetBulkLoad inside a batch");
  if (impl_->read_only)
    return Status::InvalidArgument(path() + ": opened read-only");
  // While loading, the WAL is folded back into the file (checkpointed,
  // with an fsync of each) every 8,000 pages (128 MiB) instead of SQLite's
  // 1,000: each checkpoint writes the pages the batches since the last one
  // changed, and a load's batches change mostly the same pages (relation
  // rows and index pages). Commits stay atomic and survive a kill of the
  // process as before; what synchronous = NORMAL may lose on a power cut
  // (the batches since the last checkpoint) can be more batches
  // (docs/storage.md).
  NEWSGRAPH_RETURN_IF_ERROR(
      impl_->db->Exec(on ? "PRAGMA wal_autocheckpoint = 8000"
                         : "PRAGMA wal_autocheckpoint = 1000"));
  // Nor are foreign keys checked row by row: the load writes into an
  // empty store, and every id it writes is one it has just looked up or
  // inserted in the same batch; AddDocument checks the relation and
  // entity types against the type tables first. The checks were about a
  // sixth of the writer's time. Verify() runs PRAGMA foreign_key_check.
  NEWSGRAPH_RETURN_IF_ERROR(impl_->db->Exec(
      on ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON"));
  if (!on) return impl_->EnsureIndexes();
  for (const char* name : store::kBulkIndexNames)
    NEWSGRAPH_RETURN_IF_ERROR(
        impl_->db->Exec(std::string("DROP INDEX IF EXISTS ") + name));
  return Status::Ok();
}

}  // namespace newsgraph
