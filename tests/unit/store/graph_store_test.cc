// GraphStore writes: idempotence, entity resolution, symmetric order,
// support counting, batches, concurrency.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

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

AddResult Add(GraphStore& store, const StoredDocument& doc,
              const std::vector<Relation>& rels) {
  auto r = store.AddDocument(doc, rels);
  INFO(r.status().message());
  REQUIRE(r.ok());
  return *r;
}

StoreStats Stats(GraphStore& store) {
  auto s = store.Stats();
  REQUIRE(s.ok());
  return *s;
}

bool SameCounts(const StoreStats& a, const StoreStats& b) {
  return a.documents == b.documents && a.entities == b.entities &&
         a.aliases == b.aliases && a.relations == b.relations &&
         a.evidence == b.evidence &&
         a.supported_relations == b.supported_relations;
}

TEST_CASE("Adding a stored document again changes nothing",
          "[store][idempotent]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  std::vector<Relation> rels = {Rel(kMicrosoft, "investor_in", kOpenAI),
                                Rel(kOpenAI, "partner_of", kOracle)};
  AddResult first = Add(*store, Doc("d1", "2025-01-02"), rels);
  CHECK_FALSE(first.duplicate);
  CHECK(first.new_entities == 3);
  CHECK(first.new_relations == 2);
  CHECK(first.evidence_rows == 2);
  StoreStats before = Stats(*store);
  std::string relations_before =
      QueryText(path,
                "SELECT group_concat(id || support_docs || evidence_count || "
                "first_seen || languages) FROM relations");

  struct Case {
    const char* name;
    bool in_batch;
  };
  for (const Case& c : {Case{"own transaction", false}, Case{"batch", true}}) {
    INFO(c.name);
    if (c.in_batch) REQUIRE(store->BeginBatch().ok());
    AddResult again = Add(*store, Doc("d1", "2025-01-02"), rels);
    if (c.in_batch) REQUIRE(store->CommitBatch().ok());
    CHECK(again.duplicate);
    CHECK(again.document_id == first.document_id);
    CHECK(again.evidence_rows == 0);
    CHECK(SameCounts(Stats(*store), before));
    CHECK(QueryText(path,
                    "SELECT group_concat(id || support_docs || evidence_count "
                    "|| first_seen || languages) FROM relations") ==
          relations_before);
  }
  auto has = store->HasDocument("hash-d1");
  REQUIRE(has.ok());
  CHECK(*has);
  CHECK(store->Verify().ok());
}

TEST_CASE("Symmetric relations are stored once, subject id < object id",
          "[store][symmetric]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  // Entity ids follow first appearance: Microsoft 1, OpenAI 2.
  Add(*store, Doc("d0"), {Rel(kMicrosoft, "investor_in", kOpenAI)});
  struct Case {
    const char* name;
    Relation rel;
    const char* stored_subject;
    const char* subject_mention;
  };
  const std::vector<Case> cases = {
      {"symmetric, reversed", Rel(kOpenAI, "partner_of", kMicrosoft),
       "Microsoft", "微软"},
      {"symmetric, in order", Rel(kMicrosoft, "partner_of", kOpenAI),
       "Microsoft", "微软"},
      {"rival_of reversed", Rel(kOpenAI, "rival_of", kMicrosoft), "Microsoft",
       "微软"},
      {"directed, reversed", Rel(kOpenAI, "investor_in", kMicrosoft), "OpenAI",
       "OpenAI"},
  };
  int n = 0;
  for (const Case& c : cases) {
    INFO(c.name);
    AddResult r = Add(*store, Doc("s" + std::to_string(n++)), {c.rel});
    std::string q =
        "SELECT s.name FROM evidence e JOIN relations r ON r.id = "
        "e.relation_id JOIN entities s ON s.id = r.subject_id WHERE "
        "e.document_id = " +
        std::to_string(r.document_id);
    CHECK(QueryText(path, q) == c.stored_subject);
    CHECK(QueryText(path,
                    "SELECT subject_mention FROM evidence WHERE "
                    "document_id = " +
                        std::to_string(r.document_id)) == c.subject_mention);
  }
  // Both directions of partner_of merged into one edge with two documents.
  CHECK(QueryInt(path,
                 "SELECT COUNT(*) FROM relations WHERE type = "
                 "'partner_of'") == 1);
  CHECK(QueryInt(path,
                 "SELECT support_docs FROM relations WHERE type = "
                 "'partner_of'") == 2);
  // investor_in keeps both directions apart.
  CHECK(QueryInt(path,
                 "SELECT COUNT(*) FROM relations WHERE type = "
                 "'investor_in'") == 2);
  CHECK(QueryInt(path,
                 "SELECT COUNT(*) FROM relations r JOIN relation_types "
                 "t ON t.name = r.type WHERE t.symmetric = 1 AND "
                 "r.subject_id > r.object_id") == 0);
  CHECK(store->Verify().ok());
}

TEST_CASE("Denied and negated evidence never count as support",
          "[store][support]") {
  struct DocSpec {
    std::vector<const char*> statuses;  // one evidence row each
    const char* date;
    const char* lang;
  };
  struct Case {
    const char* name;
    std::vector<DocSpec> docs;
    int64_t support_docs;
    int64_t evidence_count;
    const char* first_seen;  // "" = NULL
    const char* last_seen;
    const char* languages;
  };
  const std::vector<Case> cases = {
      {"one asserted",
       {{{"asserted"}, "2025-01-02", "en"}},
       1,
       1,
       "2025-01-02",
       "2025-01-02",
       "en"},
      {"only denied", {{{"denied"}, "2025-01-02", "en"}}, 0, 1, "", "", ""},
      {"only negated", {{{"negated"}, "2025-01-02", "zh"}}, 0, 1, "", "", ""},
      {"denied doc does not move the dates",
       {{{"reported"}, "2025-02-01", "en"}, {{"denied"}, "2024-01-01", "zh"}},
       1,
       2,
       "2025-02-01",
       "2025-02-01",
       "en"},
      {"a doc with denied and planned supports once",
       {{{"denied", "planned"}, "2025-03", "zh"}},
       1,
       2,
       "2025-03",
       "2025-03",
       "zh"},
      {"several docs and languages",
       {{{"asserted"}, "2025-03-20", "zh"},
        {{"asserted", "asserted"}, "2024-09", "en"},
        {{"reported"}, "", "en"}},
       3,
       4,
       "2024-09",
       "2025-03-20",
       "en,zh"},
  };
  int n = 0;
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    std::string path = dir.File("g.db");
    auto store = OpenStore(path);
    for (const DocSpec& d : c.docs) {
      std::vector<Relation> rels;
      for (const char* st : d.statuses)
        rels.push_back(Rel(kMicrosoft, "investor_in", kOpenAI, st));
      Add(*store, Doc("d" + std::to_string(n++), d.date, d.lang), rels);
    }
    CHECK(QueryInt(path, "SELECT support_docs FROM relations") ==
          c.support_docs);
    CHECK(QueryInt(path, "SELECT evidence_count FROM relations") ==
          c.evidence_count);
    CHECK(QueryText(path, "SELECT first_seen FROM relations") == c.first_seen);
    CHECK(QueryText(path, "SELECT last_seen FROM relations") == c.last_seen);
    CHECK(QueryText(path, "SELECT languages FROM relations") == c.languages);
    CHECK(Stats(*store).supported_relations == (c.support_docs > 0 ? 1 : 0));
    Status v = store->Verify();
    INFO(v.message());
    CHECK(v.ok());
  }
}

TEST_CASE("Discovered entities merge by folded name, never across types",
          "[store][entities]") {
  struct Case {
    const char* name;
    std::vector<EntityRef> refs;  // added in order, each in its own document
    int64_t entities;
    int64_t discovered;
    const char* first_name;  // canonical name of entity 1 afterwards
    std::vector<const char*> aliases_of_first;
  };
  const std::vector<Case> cases = {
      {"discovered, case and space folded",
       {Ent("Acme  Robotics", "company", true),
        Ent("acme robotics", "company", true)},
       1,
       1,
       "Acme  Robotics",
       {"acme robotics"}},
      {"discovered, full-width folded",
       {Ent("ACME", "company", true),
        Ent("\xEF\xBC\xA1\xEF\xBC\xA3\xEF\xBC\xAD\xEF\xBC\xA5", "company",
            true)},
       1,
       1,
       "ACME",
       {"\xEF\xBC\xA1\xEF\xBC\xA3\xEF\xBC\xAD\xEF\xBC\xA5"}},
      {"discovered, different types stay apart",
       {Ent("Falcon", "company", true), Ent("falcon", "product", true)},
       2,
       2,
       "Falcon",
       {}},
      {"discovered merges into a listed entity",
       {Ent("Mistral AI", "company"), Ent("MISTRAL AI", "company", true)},
       1,
       0,
       "Mistral AI",
       {"MISTRAL AI"}},
      {"listed entity absorbs an earlier discovered one",
       {Ent("MISTRAL AI", "company", true), Ent("Mistral AI", "company")},
       1,
       0,
       "Mistral AI",
       {"MISTRAL AI"}},
      {"listed entities never merge by folded name",
       {Ent("Arm", "company"), Ent("ARM", "company")},
       2,
       0,
       "Arm",
       {}},
      {"listed, same name, other type",
       {Ent("Gemini", "product"), Ent("Gemini", "company")},
       2,
       0,
       "Gemini",
       {}},
      {"mention becomes an alias; coreference does not",
       {Ent("SoftBank", "company", false, "软银"),
        [] {
          EntityRef e = Ent("SoftBank", "company", false, "the group");
          e.coreference = true;
          return e;
        }()},
       1,
       0,
       "SoftBank",
       {"软银"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    std::string path = dir.File("g.db");
    auto store = OpenStore(path);
    // Each ref is the subject of a relation with a fixed object, which is
    // created first so that the subject under test gets id 2.
    EntityRef anchor = Ent("Anchor Fund", "investor");
    Add(*store, Doc("anchor"), {Rel(anchor, "investor_in", kOpenAI)});
    int n = 0;
    for (const EntityRef& ref : c.refs) {
      const char* type = ref.type == "product" ? "developed" : "investor_in";
      Relation r = ref.type == "product" ? Rel(kOpenAI, type, ref)
                                         : Rel(ref, type, kOracle);
      Add(*store, Doc("e" + std::to_string(n++)), {r});
    }
    auto q = [&](const std::string& where) {
      return QueryInt(
          path, "SELECT COUNT(*) FROM entities WHERE id > 2 AND " + where);
    };
    // ids: 1 Anchor Fund, 2 OpenAI, then the refs (and Oracle).
    CHECK(q("name <> 'Oracle'") == c.entities);
    CHECK(q("discovered = 1") == c.discovered);
    CHECK(QueryText(path, "SELECT name FROM entities WHERE id = 3") ==
          c.first_name);
    std::string aliases =
        QueryText(path,
                  "SELECT group_concat(alias, '|') FROM (SELECT alias FROM "
                  "aliases WHERE entity_id = 3 ORDER BY alias)");
    std::string want;
    for (const char* a : c.aliases_of_first)
      want += (want.empty() ? "" : "|") + std::string(a);
    CHECK(aliases == want);
    CHECK(store->Verify().ok());
  }
}

TEST_CASE("Entity resolution does not depend on batch boundaries",
          "[store][entities]") {
  const std::vector<std::vector<Relation>> docs = {
      {Rel(Ent("MISTRAL AI", "company", true), "partner_of", kOpenAI)},
      {Rel(Ent("Arm", "company"), "rival_of", Ent("ARM", "company"))},
      {Rel(Ent("mistral  ai", "company", true), "investor_in", kOracle)},
      {Rel(Ent("Mistral AI", "company"), "partner_of", kMicrosoft)},
      {Rel(Ent("arm", "company", true), "supplier_of", kOracle),
       Rel(Ent("Mistral ai", "company", true), "rival_of", kOpenAI)},
  };
  std::vector<std::string> dumps;
  for (size_t batch : {size_t{1}, size_t{2}, size_t{5}}) {
    INFO("batch size " << batch);
    TempDir dir;
    std::string path = dir.File("g.db");
    auto store = OpenStore(path);
    for (size_t i = 0; i < docs.size(); ++i) {
      if (i % batch == 0) REQUIRE(store->BeginBatch().ok());
      Add(*store, Doc("b" + std::to_string(i)), docs[i]);
      if ((i + 1) % batch == 0 || i + 1 == docs.size())
        REQUIRE(store->CommitBatch().ok());
    }
    CHECK(store->Verify().ok());
    dumps.push_back(QueryText(
        path,
        "SELECT group_concat(x, ';') FROM (SELECT e.id || ':' || e.name || "
        "':' || e.discovered || ':' || (SELECT COUNT(*) FROM relations r "
        "WHERE e.id IN (r.subject_id, r.object_id)) AS x FROM entities e "
        "ORDER BY e.id)"));
  }
  CHECK(dumps[0] == dumps[1]);
  CHECK(dumps[0] == dumps[2]);
  // Mistral AI absorbed its discovered spellings; "arm" joined listed Arm.
  CHECK_THAT(dumps[0], Catch::Contains("1:Mistral AI:0:4"));
  CHECK_THAT(dumps[0], Catch::Contains(":Arm:0:2"));
}

TEST_CASE("A rolled-back batch leaves nothing; a bad document only itself",
          "[store][batch]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  REQUIRE(store->BeginBatch().ok());
  Add(*store, Doc("a"), {Rel(kMicrosoft, "investor_in", kOpenAI)});
  store->RollbackBatch();
  CHECK(Stats(*store).documents == 0);
  CHECK(Stats(*store).entities == 0);

  REQUIRE(store->BeginBatch().ok());
  Add(*store, Doc("b"), {Rel(kMicrosoft, "investor_in", kOpenAI)});
  auto bad = store->AddDocument(Doc("c"), {Rel(kOracle, "partner_of", kOpenAI),
                                           Rel(kOracle, "likes", kOpenAI)});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kDataError);
  CHECK_THAT(bad.status().message(),
             Catch::Contains("c: unknown relation type 'likes'"));
  Add(*store, Doc("d"), {Rel(kOracle, "supplier_of", kOpenAI)});
  REQUIRE(store->CommitBatch().ok());
  StoreStats s = Stats(*store);
  CHECK(s.documents == 2);
  CHECK(s.relations == 2);
  CHECK(s.evidence == 2);
  CHECK(QueryInt(path,
                 "SELECT COUNT(*) FROM documents WHERE doc_key = "
                 "'c'") == 0);
  CHECK(store->Verify().ok());

  auto bad_type = store->AddDocument(
      Doc("e"), {Rel(Ent("Robo", "robot"), "partner_of", kOpenAI)});
  REQUIRE_FALSE(bad_type.ok());
  CHECK_THAT(bad_type.status().message(),
             Catch::Contains("unknown entity type 'robot'"));
}

// Every stored row but the write times, in id order: two stores that
// received the same documents compare equal.
std::string Content(const std::string& path) {
  return QueryText(
      path,
      "SELECT group_concat(x, '\n') FROM ("
      "SELECT 'd' || id || '|' || content_hash || '|' || doc_key || '|' || "
      "  IFNULL(date, '') || '|' || relation_count AS x FROM documents "
      "UNION ALL SELECT 'e' || id || '|' || name || '|' || type || '|' || "
      "  norm_name || '|' || discovered FROM entities "
      "UNION ALL SELECT 'a' || entity_id || '|' || alias FROM aliases "
      "UNION ALL SELECT 'r' || id || '|' || subject_id || '|' || type || '|' "
      "  || object_id || '|' || IFNULL(first_seen, '') || '|' || "
      "  IFNULL(last_seen, '') || '|' || support_docs || '|' || "
      "  evidence_count || '|' || languages FROM relations "
      "UNION ALL SELECT 'v' || id || '|' || relation_id || '|' || "
      "  document_id || '|' || sentence || '|' || status || '|' || "
      "  subject_mention || '|' || object_mention FROM evidence "
      "ORDER BY x)");
}

TEST_CASE(
    "A document that fails half-written leaves no trace, the batch goes on "
    "and aggregates stay right",
    "[store][batch]") {
  const EntityRef nvidia = Ent("Nvidia", "company", false, "英伟达");
  const EntityRef xai = Ent("xAI", "company", true);
  Relation boom = Rel(kOracle, "supplier_of", kOpenAI);
  boom.evidence.sentence = "boom";  // the injected fault fails this row
  const std::vector<Relation> a = {Rel(kMicrosoft, "investor_in", kOpenAI),
                                   Rel(kOracle, "partner_of", kOpenAI)};
  // Written in part before it fails: a new document row, new entities and
  // aliases, a new relation, an update of one of a's relations.
  const std::vector<Relation> b = {
      Rel(kMicrosoft, "investor_in", kOpenAI, "asserted"),
      Rel(nvidia, "supplier_of", kOpenAI), Rel(xai, "rival_of", kOpenAI),
      boom, Rel(nvidia, "partner_of", kMicrosoft)};
  // After it: relations of a and of b again, and b's new entity.
  const std::vector<Relation> c = {
      Rel(kMicrosoft, "investor_in", kOpenAI, "denied"),
      Rel(nvidia, "supplier_of", kOpenAI), Rel(kOracle, "partner_of", kOpenAI),
      Rel(Ent("XAI", "company", true), "rival_of", kOracle)};
  const std::vector<Relation> d = {Rel(kOracle, "investor_in", kMicrosoft)};

  // Whether a removal came first in the batch: without one, a failed
  // document is undone by writing the batch again; after one, each
  // document has a savepoint of its own.
  for (bool remove_first : {false, true}) {
    INFO("removal first in the batch: " << remove_first);
    TempDir dir;
    std::string want_path = dir.File("want.db"), got_path = dir.File("got.db");
    auto want = OpenStore(want_path);
    auto got = OpenStore(got_path);
    for (GraphStore* s : {want.get(), got.get()}) {
      REQUIRE(s->BeginBatch().ok());
      Add(*s, Doc("old", "2024-01-01"), d);
      REQUIRE(s->CommitBatch().ok());
    }
    testing::ExecSql(got_path,
                     "CREATE TRIGGER boom BEFORE INSERT ON evidence WHEN "
                     "NEW.sentence = 'boom' BEGIN SELECT RAISE(ABORT, "
                     "'injected fault'); END");

    std::vector<AddResult> want_results, got_results;
    for (GraphStore* s : {want.get(), got.get()}) {
      auto& results = s == want.get() ? want_results : got_results;
      REQUIRE(s->BeginBatch().ok());
      if (remove_first) REQUIRE(s->RemoveDocument("old").ok());
      results.push_back(Add(*s, Doc("a", "2025-01-01", "en"), a));
      if (s == got.get()) {
        auto r = s->AddDocument(Doc("b", "2023-01-01", "zh"), b);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.status().message(), Catch::Contains("injected fault"));
        CHECK(s->in_batch());
      }
      results.push_back(Add(*s, Doc("c", "2025-06-01", "zh"), c));
      REQUIRE(s->CommitBatch().ok());
    }
    for (size_t i = 0; i < want_results.size(); ++i) {
      CHECK(got_results[i].document_id == want_results[i].document_id);
      CHECK(got_results[i].new_entities == want_results[i].new_entities);
      CHECK(got_results[i].new_relations == want_results[i].new_relations);
    }
    testing::ExecSql(got_path, "DROP TRIGGER boom");
    CHECK(QueryInt(got_path,
                   "SELECT COUNT(*) FROM documents WHERE doc_key = 'b'") == 0);
    CHECK(QueryInt(got_path,
                   "SELECT COUNT(*) FROM entities WHERE name = 'Nvidia'") == 1);
    CHECK(Content(got_path) == Content(want_path));
    CHECK(got->Verify().ok());

    // The next batch writes on the same state too.
    for (GraphStore* s : {want.get(), got.get()}) {
      REQUIRE(s->BeginBatch().ok());
      Add(*s, Doc("e", "2022-01-01", "en"), b);
      REQUIRE(s->CommitBatch().ok());
    }
    CHECK(Content(got_path) == Content(want_path));
    CHECK(got->Verify().ok());
  }
}

TEST_CASE(
    "A batch that took its documents writes them again after a failed one",
    "[store][batch]") {
  TempDir dir;
  std::string want_path = dir.File("want.db"), got_path = dir.File("got.db");
  auto want = OpenStore(want_path);
  OpenStore(got_path).reset();
  testing::ExecSql(got_path,
                   "CREATE TRIGGER boom BEFORE INSERT ON evidence WHEN "
                   "NEW.sentence = 'boom' BEGIN SELECT RAISE(ABORT, "
                   "'injected fault'); END");
  auto got = OpenStore(got_path);
  Relation boom = Rel(kOracle, "rival_of", kOpenAI);
  boom.evidence.sentence = "boom";
  const std::vector<Relation> a = {Rel(kMicrosoft, "investor_in", kOpenAI),
                                   Rel(kOracle, "partner_of", kOpenAI)};
  const std::vector<Relation> c = {Rel(kMicrosoft, "investor_in", kOpenAI),
                                   Rel(kOracle, "supplier_of", kMicrosoft)};

  REQUIRE(want->BeginBatch().ok());
  Add(*want, Doc("a", "2024-01-01"), a);
  Add(*want, Doc("c", "2024-02-01", "zh"), c);
  REQUIRE(want->CommitBatch().ok());

  REQUIRE(got->BeginBatch().ok());
  StoredDocument doc_a = Doc("a", "2024-01-01");
  std::vector<Relation> rels_a = a;
  auto ra = got->AddDocument(std::move(doc_a), std::move(rels_a));
  REQUIRE(ra.ok());
  // Fails half-written: the batch is rolled back and `a` written again
  // from what the batch took.
  auto bad = got->AddDocument(Doc("b"), {Rel(kOracle, "supplier_of", kOpenAI),
                                         boom});
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("injected fault"));
  auto rc = got->AddDocument(Doc("c", "2024-02-01", "zh"),
                             std::vector<Relation>(c));
  REQUIRE(rc.ok());
  REQUIRE(got->CommitBatch().ok());
  CHECK(ra->document_id == 1);
  CHECK(rc->document_id == 2);
  CHECK(Content(got_path) == Content(want_path));
  CHECK(got->Verify().ok());
}

TEST_CASE(
    "Readers are not blocked by a writer; writers wait, then fail "
    "clearly",
    "[store][concurrency]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto writer = OpenStore(path);
  Add(*writer, Doc("a"), {Rel(kMicrosoft, "investor_in", kOpenAI)});
  REQUIRE(writer->BeginBatch().ok());
  Add(*writer, Doc("b"), {Rel(kOracle, "supplier_of", kOpenAI)});

  StoreOptions ro = testing::TestStoreOptions();
  ro.read_only = true;
  auto reader = GraphStore::Open(path, ro);
  INFO(reader.status().message());
  REQUIRE(reader.ok());
  auto stats = (*reader)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 1);  // the open batch is not visible

  auto other = OpenStore(path);  // opening needs no write lock
  Status st = other->BeginBatch();
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.message(),
             Catch::Contains("database is locked by another process"));
  REQUIRE(writer->CommitBatch().ok());
  auto after = (*reader)->Stats();
  REQUIRE(after.ok());
  CHECK(after->documents == 2);
  CHECK((*reader)->BeginBatch().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsgraph
