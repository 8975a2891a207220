// Opening a store: migration, version and file checks, type tables.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/store_impl.h"
#include "store_test_util.h"

namespace newsgraph {
namespace {

using testing::ExecSql;
using testing::OpenStore;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;
using testing::TestStoreOptions;

TEST_CASE("Open migrates an empty or missing file to the current schema",
          "[store][schema]") {
  struct Case {
    const char* name;
    bool create_empty_file;
  };
  for (const Case& c :
       {Case{"missing file", false}, Case{"zero-byte file", true}}) {
    INFO(c.name);
    TempDir dir;
    std::string path = dir.File("g.db");
    if (c.create_empty_file) std::ofstream(path).close();
    {
      auto store = OpenStore(path);
      auto stats = store->Stats();
      REQUIRE(stats.ok());
      CHECK(stats->schema_version == GraphStore::SchemaVersion());
      CHECK(stats->documents == 0);
    }
    CHECK(QueryInt(path, "PRAGMA user_version") == GraphStore::SchemaVersion());
    CHECK(QueryInt(path, "PRAGMA application_id") ==
          static_cast<int64_t>(GraphStore::kApplicationId));
    CHECK(QueryText(path, "PRAGMA journal_mode") == "wal");
    CHECK(QueryInt(path, "SELECT COUNT(*) FROM relation_types") >= 19);
    CHECK(QueryInt(path,
                   "SELECT symmetric FROM relation_types WHERE name = "
                   "'partner_of'") == 1);
    CHECK(QueryInt(path, "SELECT COUNT(*) FROM entity_types") >= 8);
    for (const char* table :
         {"documents", "entities", "aliases", "relations", "evidence",
          "renames", "alliance_names", "alliance_members"}) {
      INFO(table);
      CHECK(QueryInt(path, std::string("SELECT COUNT(*) FROM sqlite_master "
                                       "WHERE name = '") +
                               table + "'") == 1);
    }
    // Reopening an up-to-date store changes nothing and needs no resources.
    StoreOptions o;
    o.resource_dir = dir.File("nowhere");
    auto again = GraphStore::Open(path, o);
    INFO(again.status().message());
    CHECK(again.ok());
  }
}

TEST_CASE("Open refuses a store written by a newer newsgraph",
          "[store][schema]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  OpenStore(path).reset();
  int newer = GraphStore::SchemaVersion() + 41;
  ExecSql(path, "PRAGMA user_version = " + std::to_string(newer));
  for (bool read_only : {false, true}) {
    INFO("read_only " << read_only);
    StoreOptions o = TestStoreOptions();
    o.read_only = read_only;
    auto store = GraphStore::Open(path, o);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().message() ==
          path + ": written by a newer newsgraph (schema " +
              std::to_string(newer) + ", this build knows " +
              std::to_string(GraphStore::SchemaVersion()) +
              "); use a newer newsgraph");
  }
  // The file is untouched.
  CHECK(QueryInt(path, "PRAGMA user_version") == newer);
}

TEST_CASE("Open refuses files that are not newsgraph stores",
          "[store][schema]") {
  struct Case {
    const char* name;
    std::string setup_sql;  // run through SQLite, or
    std::string bytes;      // written raw
    const char* message;
  };
  const std::vector<Case> cases = {
      {"text file", "", std::string(600, 'x'),
       ": not a newsgraph database (not an SQLite file)"},
      {"short text file", "", "hello\n",
       ": not a newsgraph database (not an SQLite file)"},
      {"SQLite file of another application (tables)",
       "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "",
       ": not a newsgraph database (an SQLite file of another application)"},
      {"SQLite file with another application_id",
       "PRAGMA application_id = 1234", "",
       ": not a newsgraph database (an SQLite file of another application)"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    std::string path = dir.File("other.db");
    if (!c.setup_sql.empty()) {
      ExecSql(path, c.setup_sql);
    } else {
      std::ofstream(path, std::ios::binary) << c.bytes;
    }
    auto size_before = std::filesystem::file_size(path);
    for (bool read_only : {false, true}) {
      INFO("read_only " << read_only);
      StoreOptions o = TestStoreOptions();
      o.read_only = read_only;
      auto store = GraphStore::Open(path, o);
      REQUIRE_FALSE(store.ok());
      CHECK(store.status().message() == path + c.message);
    }
    CHECK(std::filesystem::file_size(path) == size_before);
  }
}

TEST_CASE("Open reports missing files, directories and resources",
          "[store][schema]") {
  TempDir dir;
  StoreOptions ro = TestStoreOptions();
  ro.read_only = true;
  auto missing = GraphStore::Open(dir.File("none.db"), ro);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        dir.File("none.db") + ": no such database");

  std::filesystem::create_directory(dir.File("d.db"));
  auto directory = GraphStore::Open(dir.File("d.db"), TestStoreOptions());
  REQUIRE_FALSE(directory.ok());
  CHECK_THAT(directory.status().message(),
             Catch::Contains("is a directory, not a database"));

  StoreOptions bad = TestStoreOptions();
  bad.resource_dir = dir.File("no-resources");
  auto no_migrations = GraphStore::Open(dir.File("new.db"), bad);
  REQUIRE_FALSE(no_migrations.ok());
  CHECK_THAT(no_migrations.status().message(),
             Catch::Contains("schemas/migrations: cannot list migrations"));
}

TEST_CASE("Type ids are frozen: a changed type table is refused",
          "[store][schema]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  OpenStore(path).reset();
  ExecSql(path, "UPDATE relation_types SET name = 'allied_with' WHERE id = 2");
  auto store = GraphStore::Open(path, TestStoreOptions());
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.status().message(),
             Catch::Contains("relation_types.tsv: type 2 is 'partner_of") &&
                 Catch::Contains("type ids and flags are frozen"));
}

TEST_CASE("Bulk load drops the evidence indexes and relations_object; Open restores them",
          "[store][schema]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  const std::string count_sql =
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
      "('evidence_relation', 'evidence_document', 'relations_object')";
  const std::string index_sql =
      "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master "
      "WHERE name LIKE 'evidence_%' OR name = 'relations_object' ORDER BY "
      "name)";
  OpenStore(path).reset();
  std::string original = QueryText(path, index_sql);
  CHECK(QueryInt(path, count_sql) == 3);
  {
    auto store = OpenStore(path);
    REQUIRE(store->SetBulkLoad(true).ok());
    CHECK(QueryInt(path, count_sql) == 0);
    // Killed here: the next Open recreates them.
  }
  OpenStore(path).reset();
  CHECK(QueryInt(path, count_sql) == 3);
  auto store = OpenStore(path);
  REQUIRE(store->SetBulkLoad(true).ok());
  REQUIRE(store->SetBulkLoad(false).ok());
  // The recreated definitions match the migration's (modulo IF NOT EXISTS).
  std::string now = QueryText(path, index_sql);
  auto squash = [](std::string s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += c;
    return out;
  };
  CHECK(squash(now) == squash(original));
  CHECK_THAT(original, Catch::Contains("evidence_relation"));
}

TEST_CASE("Bulk load checks foreign keys in Verify, not row by row",
          "[store][schema]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  auto foreign_keys = [&] {
    auto rows = store->ReadQuery("SELECT foreign_keys FROM pragma_foreign_keys", 1);
    REQUIRE(rows.ok());
    REQUIRE(rows->rows.size() == 1);
    return rows->rows[0][0];
  };
  CHECK(foreign_keys() == "1");
  REQUIRE(store->SetBulkLoad(true).ok());
  CHECK(foreign_keys() == "0");
  auto added = store->AddDocument(
      testing::Doc("d1"),
      {testing::Rel(testing::Ent("Microsoft", "company"), "investor_in",
                    testing::Ent("OpenAI", "company"))});
  REQUIRE(added.ok());
  REQUIRE(store->SetBulkLoad(false).ok());
  CHECK(foreign_keys() == "1");
  CHECK(store->Verify().ok());
  // A dangling reference, written behind the store's back.
  ExecSql(path, "UPDATE evidence SET relation_id = 999");
  Status v = store->Verify();
  CHECK(v.code() == StatusCode::kInternal);
  CHECK_THAT(v.message(),
             Catch::Contains("g.db: evidence row 1 refers to a missing "
                             "relations row"));
}

TEST_CASE("NormalizeName folds case, width and space", "[store][names]") {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : {
           Case{"OpenAI", "openai"},
           Case{"  Open   AI ", "open ai"},
           Case{"Open\tAI", "open ai"},
           Case{"Open\xC2\xA0"
                "AI",
                "open ai"},                                        // NBSP
           Case{"\xEF\xBC\xAF\xEF\xBD\x90\xEF\xBD\x85n", "open"},  // Ｏｐｅn
           Case{"\xE5\xBE\xAE\xE3\x80\x80\xE8\xBD\xAF",
                "\xE5\xBE\xAE \xE8\xBD\xAF"},
           Case{"", ""},
       }) {
    INFO(c.in);
    CHECK(store::NormalizeName(c.in) == c.out);
  }
}

}  // namespace
}  // namespace newsgraph
