// Store faults (issue 8): a size-capped database fails like a full disk,
// keeps every committed batch intact and takes the rest once space is back.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "store_test_util.h"

namespace newsgraph {
namespace {

using testing::Doc;
using testing::Ent;
using testing::QueryInt;
using testing::QueryText;
using testing::Rel;
using testing::TempDir;

// A document whose single relation carries a long evidence sentence, so
// that a few of them fill a page.
std::vector<Relation> Rels(int i) {
  Relation r = Rel(Ent("Company " + std::to_string(i), "company"),
                   "partner_of", Ent("Partner " + std::to_string(i), "company"));
  r.evidence.sentence = std::string(1500, 'a' + i % 26);
  r.evidence.end = r.evidence.sentence.size();
  return {r};
}

TEST_CASE("A full database fails with 'disk full' and loses no batch",
          "[store][faults]") {
  TempDir dir;
  const std::string path = dir.File("g.db");
  {
    auto created = testing::OpenStore(path);  // the schema, uncapped
  }
  const int64_t schema_pages = QueryInt(path, "PRAGMA page_count");
  StoreOptions capped = testing::TestStoreOptions();
  capped.max_page_count = schema_pages + 6;
  auto opened = GraphStore::Open(path, capped);
  REQUIRE(opened.ok());
  GraphStore& store = **opened;

  // Enough documents to overflow 6 pages of any page size.
  const int kDocs = 40 * int(QueryInt(path, "PRAGMA page_size") / 4096), kBatch = 4;
  int committed = 0;
  Status failure;
  for (int b = 0; b < kDocs / kBatch && failure.ok(); ++b) {
    REQUIRE(store.BeginBatch().ok());
    for (int i = b * kBatch; i < (b + 1) * kBatch && failure.ok(); ++i) {
      auto r = store.AddDocument(Doc("d" + std::to_string(i)), Rels(i));
      if (!r.ok()) failure = r.status();
    }
    if (failure.ok()) failure = store.CommitBatch();
    if (failure.ok()) committed += kBatch;
  }
  REQUIRE_FALSE(failure.ok());
  CHECK_THAT(failure.message(), Catch::EndsWith(path + ": disk full"));
  store.RollbackBatch();
  CHECK(committed > 0);
  CHECK(committed < kDocs);
  // Whole batches only, and the file is intact.
  CHECK(QueryText(path, "PRAGMA integrity_check") == "ok");
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM documents") == committed);
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM evidence") == committed);
  opened->reset();

  // With room again, the rest goes in; the stored ones are duplicates.
  auto store2 = testing::OpenStore(path);
  int added = 0;
  REQUIRE(store2->BeginBatch().ok());
  for (int i = 0; i < kDocs; ++i) {
    auto r = store2->AddDocument(Doc("d" + std::to_string(i)), Rels(i));
    REQUIRE(r.ok());
    added += r->duplicate ? 0 : 1;
  }
  REQUIRE(store2->CommitBatch().ok());
  CHECK(added == kDocs - committed);
  CHECK(QueryInt(path, "SELECT COUNT(*) FROM documents") == kDocs);
  CHECK(QueryText(path, "PRAGMA integrity_check") == "ok");
}

}  // namespace
}  // namespace newsgraph
