// Helpers shared by the store tests: temporary files and hand-made
// relations.
#ifndef NEWSGRAPH_TESTS_UNIT_STORE_STORE_TEST_UTIL_H_
#define NEWSGRAPH_TESTS_UNIT_STORE_STORE_TEST_UTIL_H_

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "newsgraph/relation.h"
#include "newsgraph/store.h"

namespace newsgraph::testing {

// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("newsgraph-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

inline StoreOptions TestStoreOptions() {
  StoreOptions o;
  o.resource_dir = NEWSGRAPH_SOURCE_DIR;
  o.busy_timeout_ms = 200;
  return o;
}

inline std::unique_ptr<GraphStore> OpenStore(const std::string& path) {
  auto s = GraphStore::Open(path, TestStoreOptions());
  INFO(s.status().message());
  REQUIRE(s.ok());
  return std::move(s).value();
}

inline EntityRef Ent(const std::string& name, const std::string& type,
                     bool discovered = false, std::string mention = "") {
  EntityRef e;
  e.name = name;
  e.type = type;
  e.discovered = discovered;
  e.mention = mention.empty() ? name : mention;
  return e;
}

inline Relation Rel(const EntityRef& s, const std::string& type,
                    const EntityRef& o, const std::string& status = "asserted",
                    const std::string& date = "") {
  Relation r;
  r.subject = s;
  r.relation = type;
  r.object = o;
  r.attrs.status = status;
  r.attrs.date = date;
  r.evidence.sentence = s.mention + " " + type + " " + o.mention + ".";
  r.evidence.start = 0;
  r.evidence.end = r.evidence.sentence.size();
  r.rule = "test.rule";
  return r;
}

inline StoredDocument Doc(const std::string& key, const std::string& date = "",
                          const std::string& lang = "en") {
  StoredDocument d;
  d.content_hash = "hash-" + key;
  d.doc_key = key;
  d.path = "/corpus/" + key + ".txt";
  d.source = d.path;
  d.date = date;
  d.lang = lang;
  d.bytes = 100;
  return d;
}

// Runs a query on the file with a separate raw connection.
inline int64_t QueryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

inline std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::string v;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

inline void ExecSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                          nullptr) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO(sql << ": " << (err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_UNIT_STORE_STORE_TEST_UTIL_H_
