// The SQLite adapter: the only place that includes <sqlite3.h>. Wraps a
// connection and its prepared statements, and turns SQLite result codes into
// newsgraph Status values whose messages name the database file.
#ifndef NEWSGRAPH_STORE_SQLITE_H_
#define NEWSGRAPH_STORE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "newsgraph/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsgraph {
struct SqlRows;
}

namespace newsgraph::store {

class Db;

// One prepared statement. Bind parameters are 1-based, columns 0-based.
// Thread safety: none; use from the thread that owns the Db.
class Stmt {
 public:
  Stmt(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binders; an empty optional or an empty string bound with BindTextOrNull
  // becomes SQL NULL.
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, std::string_view value);
  Stmt& BindTextOrNull(int index, std::string_view value);
  Stmt& Bind(int index, const std::optional<double>& value);
  // Like Bind and BindTextOrNull, without copying: the bytes must stay
  // valid until the statement is reset (Run resets it before returning).
  Stmt& BindRef(int index, std::string_view value);
  Stmt& BindRefOrNull(int index, std::string_view value);

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows (or ignores them), then resets it.
  Status Run();
  // Resets the statement and clears its bindings, ready for reuse.
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;  // "" for NULL

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
};

// An open connection. Errors read "<path>: <what>".
class Db {
 public:
  // Opens (creating it unless `read_only`) the file at `path`. Opening is
  // lazy in SQLite: a file that is not a database fails at the first read.
  static Result<std::unique_ptr<Db>> Open(const std::string& path,
                                          bool read_only);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements separated by ';'.
  Status Exec(const std::string& sql);
  // Prepares a statement for reuse.
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql);
  // Runs a query returning one integer (e.g. "PRAGMA user_version").
  Result<int64_t> QueryInt(const std::string& sql);
  // Runs one user-supplied read-only query (see GraphStore::ReadQuery):
  // refuses anything but a single SELECT/WITH statement that SQLite deems
  // read-only; keeps at most `max_rows` rows.
  Status ReadQuery(std::string_view sql, size_t max_rows, SqlRows* out);
  // Sets the time a statement waits for a lock held by another process.
  void SetBusyTimeout(int ms);

  int64_t LastInsertId() const;
  int64_t Changes() const;
  bool InTransaction() const;  // false in autocommit mode
  const std::string& path() const { return path_; }

  // Turns a SQLite result code into a Status naming the file and, for
  // SQLITE_NOTADB, saying the file is not a newsgraph database.
  Status Error(int rc, std::string_view what) const;

 private:
  Db(sqlite3* handle, std::string path) : db_(handle), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  int busy_timeout_ms_ = 0;
};

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_SQLITE_H_
