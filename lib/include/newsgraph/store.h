// GraphStore: the persistent entity-relationship graph (SQLite, one file).
//
//   auto store = newsgraph::GraphStore::Open("news.db", {});
//   if (!store.ok()) ...                       // store.status().message()
//   NEWSGRAPH_RETURN_IF_ERROR((*store)->BeginBatch());
//   auto added = (*store)->AddDocument(meta, relations);
//   NEWSGRAPH_RETURN_IF_ERROR((*store)->CommitBatch());
//
// The schema is documented in docs/storage.md. Relations are aggregated over
// documents; every evidence row points at the sentence that states it. A
// 'denied' or 'negated' evidence never counts as support.
//
// Concurrency: the file is in WAL mode, so readers in other processes never
// block on a writer; writers wait up to StoreOptions::busy_timeout_ms for
// each other. A GraphStore object is not thread-safe: use one per thread.
#ifndef NEWSGRAPH_STORE_H_
#define NEWSGRAPH_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/relation.h"
#include "newsgraph/status.h"

namespace newsgraph {

struct StoreOptions {
  // Directory holding schemas/ (migrations and type tables); "" = the
  // default (DefaultResourceDir() in newsgraph/resource_dir.h). Needed to
  // create or migrate a store; an up-to-date store opens without it.
  std::string resource_dir;
  // Open for reading only: never creates, migrates or writes the file.
  bool read_only = false;
  // How long a statement waits for a lock held by another process.
  int busy_timeout_ms = 10000;
  // Cap on the size of the database file in pages (SQLite max_page_count;
  // 0 = SQLite's default). A write that would grow the file beyond it fails
  // as on a full disk ("disk full"); used to test that case.
  int64_t max_page_count = 0;
};

// Metadata of a document to store; the relations come from the Extractor.
struct StoredDocument {
  std::string content_hash;  // identity (hex SHA-256 of the text); required
  std::string source;        // URL when known, else the path
  std::string path;          // absolute path of the file read, "-" = stdin
  std::string doc_key;       // Document::id (the "doc" of its relations)
  std::string title;         // optional
  std::string date;          // YYYY[-MM[-DD]] the extractor used, or ""
  std::string lang;          // "en", "zh", ... or ""
  uint64_t bytes = 0;        // size of the text
};

struct AddResult {
  bool duplicate = false;    // a document with this hash was already stored
                             // (nothing written)
  int64_t document_id = 0;   // row id of the new (or existing) document
  size_t new_entities = 0;   // entities created by this document
  size_t new_relations = 0;  // relations created by this document
  size_t evidence_rows = 0;  // evidence rows written (= relations given)
};

struct RemovedDocument {
  int64_t id = 0;
  std::string doc_key;
  std::string source;
  size_t evidence_rows = 0;  // evidence retracted with it
};

struct RemoveResult {
  std::vector<RemovedDocument> documents;
  size_t relations_updated = 0;  // re-aggregated, still evidenced
  size_t relations_deleted = 0;  // left without evidence
  size_t entities_deleted = 0;   // left without relations
};

struct StoreStats {
  int schema_version = 0;
  int64_t documents = 0;
  int64_t entities = 0;
  int64_t discovered_entities = 0;
  int64_t aliases = 0;
  int64_t relations = 0;
  int64_t supported_relations = 0;  // with at least one supporting document
  int64_t evidence = 0;
};

// One name in an entity's rename history, oldest first.
struct NameRecord {
  std::string name;
  std::string type;
  std::string since;  // date the entity took this name ("" = unknown or
                      // the first name)
};

// One member or partner of an alliance (the alliance_members view).
struct AllianceMember {
  std::string member;
  std::string member_type;
  std::string role;      // "founding_member", "member" or "partner"
  std::string since;     // YYYY[-MM[-DD]] or ""
  std::string via_name;  // the alliance's name on the earliest evidence
  int64_t support_docs = 0;
};

// An entity row (read side).
struct EntityRecord {
  int64_t id = 0;
  std::string name;  // canonical name
  std::string type;
  bool discovered = false;
};

// Which evidence a read counts. Every read that takes a filter ignores
// evidence that does not pass it; a relation without passing evidence is
// left out.
struct EvidenceFilter {
  // "" = all documents; else only evidence of documents dated on or before
  // it (string order on YYYY[-MM[-DD]]; undated documents are left out).
  std::string as_of;
  // Statuses to keep; empty = the supporting ones (all but 'denied' and
  // 'negated').
  std::vector<std::string> statuses;
  // 0 = every relation; else only relations with this entity at an end.
  int64_t entity_id = 0;
};

// One relation aggregated over the evidence that passed a filter.
struct EdgeRecord {
  int64_t relation_id = 0;
  int64_t subject_id = 0;
  std::string subject, subject_type;
  std::string type;  // relation type
  bool symmetric = false;
  int64_t object_id = 0;
  std::string object, object_type;
  int64_t docs = 0;       // documents with passing evidence
  int64_t evidence = 0;   // passing evidence rows
  std::string first_date; // earliest event date (else document date), or ""
  std::string last_date;  // latest one, or ""
};

// One evidence row with its document.
struct EvidenceRecord {
  int64_t relation_id = 0;
  std::string sentence;
  std::string doc_key, source, doc_date;
  std::string date;  // event date or ""
  std::string rule, status;
  std::optional<double> amount;
  std::string currency;
};

// An alliance with its member and partner counts (alliance_members view).
struct AllianceSummary {
  std::string name;
  int64_t members = 0;   // founding members and members
  int64_t partners = 0;
  std::string since;     // earliest member date, or ""
};

// The result of a read-only SQL query, every value as text ("" for NULL).
struct SqlRows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  bool truncated = false;  // more rows than asked for
};

class GraphStore {
 public:
  // SQLite application_id of a newsgraph store: 'NGRH'.
  static constexpr uint32_t kApplicationId = 0x4E475248;
  // The schema version this build writes (= number of migrations it knows).
  static int SchemaVersion();

  // Opens the store at `path`, creating it (unless read-only) and applying
  // missing migrations from <resource_dir>/schemas/migrations/. Refuses, with
  // a message naming `path`: a file that is not SQLite or belongs to another
  // application ("not a newsgraph database"), and a file written by a newer
  // newsgraph ("written by a newer newsgraph (schema N, this build knows
  // M)"). Sets WAL mode; recreates indexes a killed bulk load dropped.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& path,
                                                  const StoreOptions& options);
  ~GraphStore();  // rolls back an uncommitted batch
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  const std::string& path() const;

  // True when a document with this content hash is stored.
  Result<bool> HasDocument(const std::string& content_hash);

  // A batch is one write transaction: all of its documents become visible
  // together at CommitBatch, or none of them (RollbackBatch, an error, a
  // crash or a kill). BeginBatch waits for other writers (busy timeout).
  // Precondition: no batch open (BeginBatch) / a batch open (Commit).
  Status BeginBatch();
  Status CommitBatch();
  void RollbackBatch();  // no-op without an open batch
  bool in_batch() const;

  // Stores one document with its relations: resolves subject and object to
  // entities (listed entities by canonical name + type; discovered ones by
  // case/space-folded name, only within the same type), merges each relation
  // into its aggregated edge (symmetric types with subject id < object id)
  // and writes one evidence row per relation. A document is written whole
  // or not at all: on error nothing of it stays and the batch goes on.
  // Returns duplicate=true, writing nothing, when the hash is stored.
  // Without an open batch, runs in a transaction of its own.
  // Errors: unknown relation or entity type (kDataError), I/O.
  Result<AddResult> AddDocument(const StoredDocument& meta,
                                const std::vector<Relation>& relations);
  // The same, taking the document: a batch keeps each document until it
  // ends (to write it again if a later one fails), and keeps this one
  // without copying it. The arguments are left unspecified.
  Result<AddResult> AddDocument(StoredDocument&& meta,
                                std::vector<Relation>&& relations);

  // Removes the documents `selector` names and retracts their evidence:
  // relations are re-aggregated, relations left without evidence and
  // entities left without relations are deleted. `selector` is tried as a
  // path (every document read from that file), then a source URL, then a
  // doc key (which must name one document). Runs in its own transaction
  // unless a batch is open. Errors: kNotFound when nothing matches,
  // kInvalidArgument when a doc key is ambiguous.
  Result<RemoveResult> RemoveDocument(const std::string& selector);

  Result<StoreStats> Stats();

  // The rename history of the entity called `name` (any type; an alliance
  // first), oldest name first; a single record when it was never renamed.
  // kNotFound when no entity has that name.
  Result<std::vector<NameRecord>> RenameChain(const std::string& name);

  // Members and partners of the alliance called `name` (any of its names,
  // current or former), founding members first, then by date and name.
  // kNotFound when no alliance has that name.
  Result<std::vector<AllianceMember>> AllianceMembers(const std::string& name);

  // Read side (used by newsgraph::GraphQuery). None of these writes.

  // Entities called `name`, best tier first: exact canonical name; canonical
  // name ignoring case and spacing (NormalizeName); exact alias; alias
  // ignoring ASCII case. Returns the candidates of the first tier that has
  // any (empty when none). `name` is bound, never spliced into SQL.
  Result<std::vector<EntityRecord>> FindEntities(const std::string& name);
  // The entity with this exact canonical name and type, kNotFound if none.
  Result<EntityRecord> EntityByName(const std::string& name,
                                    const std::string& type);
  // The aliases of an entity, sorted.
  Result<std::vector<std::string>> EntityAliases(int64_t entity_id);
  // Relations with their aggregates over the evidence passing `filter`,
  // ordered by relation id.
  Result<std::vector<EdgeRecord>> Edges(const EvidenceFilter& filter);
  // Evidence rows of one relation passing `filter` (entity_id ignored):
  // asserted first, then by date, document and row.
  Result<std::vector<EvidenceRecord>> RelationEvidence(
      int64_t relation_id, const EvidenceFilter& filter);
  // Every alliance (current names) with member counts, by name.
  Result<std::vector<AllianceSummary>> Alliances();
  // Runs one read-only query (a single SELECT or WITH statement) and returns
  // at most `max_rows` rows. Anything else (writes, PRAGMA, ATTACH, several
  // statements) is refused with kInvalidArgument; SQL errors are
  // kInvalidArgument naming SQLite's message.
  Result<SqlRows> ReadQuery(const std::string& sql, size_t max_rows);

  // Bulk load: drops the evidence indexes and relations(object_id, type)
  // and stops checking foreign keys row by row, to speed up a large load
  // into a store; SetBulkLoad(false) recreates the indexes (Open does too,
  // after a kill) and checks foreign keys again on later writes.
  // Must not be called inside a batch.
  Status SetBulkLoad(bool on);

  // Checks invariants: every reference resolves (PRAGMA foreign_key_check),
  // every document has relation_count evidence rows, and
  // every relation's aggregates equal a recomputation from its evidence.
  // Returns kInternal naming the first violation.
  Status Verify();

  struct Impl;

 private:
  explicit GraphStore(std::unique_ptr<Impl> impl);
  // AddDocument; a batch's log takes *take_meta and *take_relations
  // (which are meta and relations) when not null, else copies them.
  Result<AddResult> AddDocumentImpl(const StoredDocument& meta,
                                    const std::vector<Relation>& relations,
                                    StoredDocument* take_meta,
                                    std::vector<Relation>* take_relations);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_STORE_H_
