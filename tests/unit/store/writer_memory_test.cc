// What a writer remembers across the batches it commits: from a batch begun
// on a store without relations it knows every relation key and does not
// look up the new ones; it keeps the entities and aliases it resolved.
// These tests write again after each event that must end or adjust that
// memory; a writer that trusted it still would fail on UNIQUE (subject_id,
// type, object_id), count wrong or link the wrong entities.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "store/fingerprint_set.h"
#include "store_test_util.h"

namespace newsgraph {
namespace {

using testing::Doc;
using testing::Ent;
using testing::OpenStore;
using testing::QueryInt;
using testing::QueryText;
using testing::Rel;
using testing::TempDir;

const EntityRef kMicrosoft = Ent("Microsoft", "company", false, "微软");
const EntityRef kOpenAI = Ent("OpenAI", "company");
const EntityRef kOracle = Ent("Oracle", "company", false, "甲骨文");
const EntityRef kNvidia = Ent("Nvidia", "company");

const Relation kR1 = Rel(kMicrosoft, "investor_in", kOpenAI);
const Relation kR2 = Rel(kOracle, "supplier_of", kOpenAI);
const Relation kR3 = Rel(kNvidia, "partner_of", kOracle);

AddResult Add(GraphStore& store, const StoredDocument& doc,
              const std::vector<Relation>& rels) {
  auto r = store.AddDocument(doc, rels);
  INFO(r.status().message());
  REQUIRE(r.ok());
  return *r;
}

void Batch(GraphStore& store, const StoredDocument& doc,
           const std::vector<Relation>& rels) {
  REQUIRE(store.BeginBatch().ok());
  Add(store, doc, rels);
  REQUIRE(store.CommitBatch().ok());
}

// The relations with their evidence counts, in id order.
std::string Relations(const std::string& path) {
  return QueryText(path,
                   "SELECT group_concat(id || ':' || subject_id || ' ' || "
                   "type || ' ' || object_id || ' x' || evidence_count, "
                   "'; ') FROM (SELECT * FROM relations ORDER BY id)");
}

void CheckStore(GraphStore& store, const std::string& path,
                int64_t relations) {
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM relations") == relations);
  Status v = store.Verify();
  INFO(v.message());
  CHECK(v.ok());
}

TEST_CASE("FingerprintSet finds everything inserted, across growth",
          "[store][known]") {
  store::FingerprintSet set;
  CHECK_FALSE(set.Contains(0));
  CHECK_FALSE(set.Contains(42));
  std::vector<uint64_t> in;
  for (uint64_t i = 0; i < 100000; ++i) in.push_back(store::Mix64(i * 2 + 2));
  in.push_back(0);  // kept as 1: both are then in the set
  for (uint64_t fp : in) set.Insert(fp);
  for (uint64_t fp : in) set.Insert(fp);  // again: no second entry
  CHECK(set.size() == in.size());
  for (uint64_t fp : in) CHECK(set.Contains(fp));
  CHECK(set.Contains(1));
  size_t false_positives = 0;
  for (uint64_t i = 0; i < 100000; ++i)
    false_positives += set.Contains(store::Mix64(i * 2 + 1));
  CHECK(false_positives == 0);
  set.Clear();
  CHECK(set.size() == 0);
  CHECK_FALSE(set.Contains(in[0]));
}

TEST_CASE("A relation another connection stored is updated, not inserted",
          "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  Batch(*store, Doc("a"), {kR1});  // began on an empty store
  {
    auto other = OpenStore(path);
    Batch(*other, Doc("b"), {kR2});
  }
  Batch(*store, Doc("c"), {kR2, kR1});
  CHECK(Relations(path) == "1:1 investor_in 2 x2; 2:3 supplier_of 2 x2");
  CheckStore(*store, path, 2);

  // The same with a plain SQLite connection, between two batches.
  testing::ExecSql(path,
                   "INSERT INTO relations (subject_id, type, object_id, "
                   "evidence_count) VALUES (1, 'partner_of', 3, 0)");
  auto r = store->AddDocument(
      Doc("d"), {Rel(kMicrosoft, "partner_of", kOracle)});
  INFO(r.status().message());
  REQUIRE(r.ok());
  CHECK(r->new_relations == 0);
  CHECK(QueryInt(path, "SELECT evidence_count FROM relations WHERE id = 3") ==
        1);
}

TEST_CASE("A store with relations is looked up from the first batch",
          "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  Batch(*OpenStore(path), Doc("a"), {kR1, kR2});
  auto store = OpenStore(path);
  REQUIRE(store->BeginBatch().ok());
  AddResult r = Add(*store, Doc("b"), {kR2, kR3, kR1});
  REQUIRE(store->CommitBatch().ok());
  CHECK(r.new_relations == 1);
  CHECK(Relations(path) ==
        "1:1 investor_in 2 x2; 2:3 supplier_of 2 x2; 3:3 partner_of 4 x1");
  CheckStore(*store, path, 3);
}

TEST_CASE(
    "What a batch inserted is known after a failed document, a rollback "
    "and a removal",
    "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  OpenStore(path).reset();
  // Before any relation exists, so that the writer's knowledge begins with
  // its first batch (a schema change is another connection's commit).
  testing::ExecSql(path,
                   "CREATE TRIGGER boom BEFORE INSERT ON evidence WHEN "
                   "NEW.sentence = 'boom' BEGIN SELECT RAISE(ABORT, "
                   "'injected fault'); END");
  Relation boom = Rel(kOracle, "rival_of", kNvidia);
  boom.evidence.sentence = "boom";
  auto store = OpenStore(path);

  // A failed document: the batch is rolled back and written again.
  REQUIRE(store->BeginBatch().ok());
  Add(*store, Doc("a"), {kR1});
  auto bad = store->AddDocument(Doc("b"), {kR2, boom});
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("injected fault"));
  Add(*store, Doc("c"), {kR3});
  REQUIRE(store->CommitBatch().ok());
  // kR1 and kR3 are stored (and known), kR2 is new.
  REQUIRE(store->BeginBatch().ok());
  AddResult r = Add(*store, Doc("d"), {kR1, kR2, kR3});
  REQUIRE(store->CommitBatch().ok());
  CHECK(r.new_relations == 1);
  CHECK(Relations(path) ==
        "1:1 investor_in 2 x2; 2:3 partner_of 4 x2; 3:4 supplier_of 2 x1");

  // A rolled-back batch: its relation is new again afterwards.
  REQUIRE(store->BeginBatch().ok());
  Add(*store, Doc("e"), {Rel(kOpenAI, "investor_in", kNvidia)});
  store->RollbackBatch();
  Batch(*store, Doc("f"), {Rel(kOpenAI, "investor_in", kNvidia), kR2});
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM relations WHERE type = "
                       "'investor_in' AND subject_id = 2") == 1);

  // A removal: the relations it leaves are still found, the one it
  // deletes is inserted again.
  REQUIRE(store->RemoveDocument("f").ok());
  Batch(*store, Doc("g"), {kR2, Rel(kOpenAI, "investor_in", kNvidia), kR1});
  CHECK(Relations(path) ==
        "1:1 investor_in 2 x3; 2:3 partner_of 4 x2; 3:4 supplier_of 2 x2; "
        "4:2 investor_in 3 x1");
  CheckStore(*store, path, 4);
}

TEST_CASE("Knowledge begins again on a store emptied of relations",
          "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  Batch(*store, Doc("a"), {kR1});
  REQUIRE(store->RemoveDocument("a").ok());  // no relation left
  Batch(*store, Doc("b"), {kR2});
  Batch(*store, Doc("c"), {kR1, kR2});
  CHECK(Relations(path) == "1:1 supplier_of 2 x2; 2:3 investor_in 2 x1");
  CheckStore(*store, path, 2);
}

// The entities of each relation by name, in relation id order.
std::string Edges(const std::string& path) {
  return QueryText(path,
                   "SELECT group_concat(x, '; ') FROM (SELECT s.name || ' ' "
                   "|| r.type || ' ' || o.name AS x FROM relations r JOIN "
                   "entities s ON s.id = r.subject_id JOIN entities o ON "
                   "o.id = r.object_id ORDER BY r.id)");
}

TEST_CASE("Entities are resolved again after another connection's removal",
          "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  Batch(*store, Doc("a"), {kR1});  // Microsoft 1, OpenAI 2
  {
    auto other = OpenStore(path);
    REQUIRE(other->RemoveDocument("a").ok());  // deletes both entities
    Batch(*other, Doc("b"), {kR3});  // Nvidia 1, Oracle 2: the ids again
  }
  Batch(*store, Doc("c"), {kR1});
  CHECK(Edges(path) ==
        "Nvidia partner_of Oracle; Microsoft investor_in OpenAI");
  CheckStore(*store, path, 2);
}

TEST_CASE("Entities are resolved again after a rollback and a removal",
          "[store][known]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  Batch(*store, Doc("a"), {kR1});  // Microsoft 1, OpenAI 2
  // Oracle gets id 3, then is rolled back; Nvidia takes the id.
  REQUIRE(store->BeginBatch().ok());
  Add(*store, Doc("b"), {Rel(kOracle, "investor_in", kOpenAI)});
  store->RollbackBatch();
  Batch(*store, Doc("c"), {Rel(kNvidia, "investor_in", kOpenAI)});
  Batch(*store, Doc("d"), {Rel(kOracle, "investor_in", kOpenAI)});
  CHECK(Edges(path) ==
        "Microsoft investor_in OpenAI; Nvidia investor_in OpenAI; "
        "Oracle investor_in OpenAI");
  // The removal deletes Oracle (4); Microsoft's new partner takes its id.
  REQUIRE(store->RemoveDocument("d").ok());
  Batch(*store, Doc("e"), {Rel(kMicrosoft, "partner_of",
                               Ent("Anthropic", "company"))});
  Batch(*store, Doc("f"), {Rel(kOracle, "supplier_of", kNvidia)});
  CHECK(Edges(path) ==
        "Microsoft investor_in OpenAI; Nvidia investor_in OpenAI; "
        "Microsoft partner_of Anthropic; Oracle supplier_of Nvidia");
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM entities") == 5);
  CheckStore(*store, path, 4);
}

}  // namespace
}  // namespace newsgraph
