// The private state of a GraphStore and the helpers its files share.
#ifndef NEWSGRAPH_STORE_STORE_IMPL_H_
#define NEWSGRAPH_STORE_STORE_IMPL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsgraph/store.h"
#include "store/fingerprint_set.h"
#include "store/sqlite.h"

namespace newsgraph::store {

// The case- and space-folded form discovered entities merge on: ASCII and
// full-width Latin letters lower-cased (full-width folded to ASCII), runs of
// white space (ASCII, U+00A0, U+2000..U+200A, U+202F, U+3000) collapsed to
// one space, trimmed. Pure; no ICU.
std::string NormalizeName(std::string_view name);

// False for the statuses that contradict a relation ('denied', 'negated').
bool IsSupport(std::string_view status);

// The aggregated columns of one relation, built document by document.
struct Aggregate {
  int64_t evidence_count = 0;
  int64_t support_docs = 0;
  std::string first_seen;  // "" = none
  std::string last_seen;
  std::set<std::string> languages;

  // Folds in one document holding `evidence` rows for the relation, of
  // which at least one supports it when `supported`.
  void AddDocument(int64_t evidence, bool supported, const std::string& date,
                   const std::string& lang);
  std::string LanguagesText() const;  // sorted, comma-separated
  void ParseLanguages(const std::string& text);
  bool operator==(const Aggregate&) const = default;
};

// Index definitions dropped during a bulk load (must match 0001_init.sql):
// the evidence indexes and relations(object_id, type), which the writer
// never reads (each new relation put an entry on a random page of it, to be
// written again at every commit).
constexpr int kBulkIndexCount = 3;
extern const char* const kBulkIndexNames[kBulkIndexCount];
extern const char* const kBulkIndexSql[kBulkIndexCount];

}  // namespace newsgraph::store

namespace newsgraph {

struct GraphStore::Impl {
  std::unique_ptr<store::Db> db;
  bool read_only = false;
  bool in_batch = false;
  int schema_version = 0;
  std::unordered_map<std::string, bool> symmetric;  // relation type names
  std::unordered_set<std::string> entity_types;

  // Entities and aliases as stored, kept across the batches this
  // connection commits: cleared on a rollback (of the batch or of a
  // document's savepoint, or for a replay), on a removal, when another
  // connection committed (PRAGMA data_version at BeginBatch), and past
  // kMaxCachedEntities.
  static constexpr size_t kMaxCachedEntities = size_t{1} << 20;
  struct CachedEntity {
    int64_t id;
    std::string name;
  };
  // Probed with string_views of keys built in the scratch strings below,
  // so that a look-up that hits allocates nothing.
  struct StringKeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, CachedEntity, StringKeyHash, std::equal_to<>>
      entity_cache;
  std::unordered_set<std::string, StringKeyHash, std::equal_to<>> alias_cache;
  std::string entity_key, alias_key;  // scratch for the writer's keys
  // Relations written in this batch with their aggregates as stored: a
  // relation met again in the batch is not looked up; cleared at the end of
  // the batch and with the caches above. `type` points at a key of
  // `symmetric`.
  struct RelationKey {
    int64_t subject;
    const std::string* type;
    int64_t object;
    bool operator==(const RelationKey&) const = default;
  };
  struct RelationKeyHash {
    size_t operator()(const RelationKey& k) const {
      uint64_t h = static_cast<uint64_t>(k.subject) * 0x9E3779B97F4A7C15ULL;
      h ^= static_cast<uint64_t>(k.object) + 0x632BE59BD9B4E019ULL + (h << 6) +
           (h >> 2);
      h ^= reinterpret_cast<uintptr_t>(k.type) + (h << 6) + (h >> 2);
      return static_cast<size_t>(h);
    }
  };
  struct CachedRelation {
    int64_t id;
    store::Aggregate aggregate;
  };
  std::unordered_map<RelationKey, CachedRelation, RelationKeyHash>
      relation_cache;

  // The relations of the store, as fingerprints, while this connection
  // knows them all (`relations_known`): from a batch that began on a store
  // without relations, through the batches this connection commits. A
  // relation whose fingerprint is missing is new and is not looked up (on
  // a load into an empty store, two in three relations). The knowledge is
  // dropped when another connection commits (PRAGMA data_version at
  // BeginBatch), on a removal, when a document's savepoint is rolled back,
  // and past kMaxKnownRelations. Relations inserted by the open transaction
  // are in `batch_relations` until it commits, and in relation_cache (that
  // is what TouchRelation asks first): ClearCaches empties it only where
  // the transaction is rolled back (Replay writes the documents again) or
  // the knowledge is dropped. A wrong "new" could not go unnoticed: the
  // insert would fail on UNIQUE (subject_id, type, object_id).
  static constexpr size_t kMaxKnownRelations = size_t{1} << 22;  // 64 MiB
  bool relations_known = false;
  store::FingerprintSet known_relations;
  std::vector<uint64_t> batch_relations;
  static uint64_t Fingerprint(const RelationKey& k) {
    return store::Mix64(
        store::Mix64(static_cast<uint64_t>(k.subject) ^
                     reinterpret_cast<uintptr_t>(k.type) *
                         0x9E3779B97F4A7C15ULL) ^
        static_cast<uint64_t>(k.object));
  }
  // True when the relation may be in the store (or knowledge is lacking).
  bool MaybeStored(const RelationKey& k) const {
    return !relations_known || known_relations.Contains(Fingerprint(k));
  }
  void ForgetRelations() {
    relations_known = false;
    known_relations.Clear();
    batch_relations.clear();
  }

  // The documents written in the open batch, to write again after a
  // failed one (see AddDocument in graph_store.cc). While a batch holds
  // only added documents it is `replayable`: documents are written without
  // a savepoint (SQLite copies every page a savepoint first changes to its
  // journal: a savepoint per document took a third of the writer's time,
  // one per batch a tenth), and a document that fails is undone by
  // rolling the transaction back, beginning it again and writing the
  // logged ones again (Replay). A removal in the batch ends that: later
  // documents get a savepoint each.
  struct LoggedDocument {
    StoredDocument meta;
    std::vector<Relation> relations;
    std::string ingested_at;
  };
  std::vector<LoggedDocument> batch_log;
  bool batch_replayable = true;
  int64_t batch_data_version = 0;  // PRAGMA data_version at BeginBatch

  // Prepared statements, created by Prepare().
  std::unique_ptr<store::Stmt> begin, commit, rollback, savepoint, release,
      rollback_to, data_version, no_relations;
  std::unique_ptr<store::Stmt> find_doc, insert_doc;
  std::unique_ptr<store::Stmt> find_entity_exact, find_entity_norm,
      find_discovered_norm, insert_entity, promote_entity, insert_alias;
  std::unique_ptr<store::Stmt> find_relation, insert_relation, update_relation,
      insert_evidence;
  std::unique_ptr<store::Stmt> recompute;  // prepared on first use

  Status Prepare();
  // Clears every cache (what ends a batch clears relation_cache only).
  void ClearCaches() {
    entity_cache.clear();
    alias_cache.clear();
    relation_cache.clear();
  }
  // Forgets the batch's log; later documents get a savepoint each.
  void EndReplay() {
    batch_log.clear();
    batch_replayable = false;
  }
  // Undoes a failed document of a replayable batch (graph_store.cc).
  Status Replay();
  Result<int64_t> DataVersion();
  // Recomputes one relation's aggregate from its evidence.
  Result<store::Aggregate> Recompute(int64_t relation_id);
  // Creates missing evidence indexes (after a bulk load or a kill).
  Status EnsureIndexes();
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_STORE_STORE_IMPL_H_
