#include "store/sqlite.h"

#include <sqlite3.h>

#include <cctype>
#include <string>
#include <vector>

#include "newsgraph/store.h"

namespace newsgraph::store {

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                      SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::BindRef(int index, std::string_view value) {
  // A null pointer would bind NULL, not ''.
  sqlite3_bind_text64(stmt_, index, value.data() ? value.data() : "",
                      value.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::BindRefOrNull(int index, std::string_view value) {
  if (value.empty()) {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  return BindRef(index, value);
}

Stmt& Stmt::BindTextOrNull(int index, std::string_view value) {
  if (value.empty()) {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  return Bind(index, value);
}

Stmt& Stmt::Bind(int index, const std::optional<double>& value) {
  if (value) return Bind(index, *value);
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = db_->Error(rc, "");
  sqlite3_reset(stmt_);
  return st;
}

Status Stmt::Run() {
  auto r = Step();
  Reset();
  return r.ok() ? Status::Ok() : r.status();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Stmt::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return std::string();
  return std::string(reinterpret_cast<const char*>(p),
                     sqlite3_column_bytes(stmt_, col));
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only) {
  sqlite3* handle = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close(handle);
    if (rc == SQLITE_CANTOPEN)
      return Status::IoError(path + ": cannot open the database (" + msg +
                             "); check that the directory exists and is "
                             "writable");
    return Status::IoError(path + ": cannot open the database: " + msg);
  }
  sqlite3_extended_result_codes(handle, 1);
  return std::unique_ptr<Db>(new Db(handle, path));
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Error(int rc, std::string_view what) const {
  int primary = rc & 0xFF;
  std::string where = path_;
  if (!what.empty()) where += ": " + std::string(what);
  switch (primary) {
    case SQLITE_NOTADB:
      return Status::DataError(path_ +
                               ": not a newsgraph database (not an SQLite "
                               "file)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(where +
                             ": database is locked by another process "
                             "(waited " +
                             std::to_string(busy_timeout_ms_) + " ms)");
    case SQLITE_CORRUPT:
      return Status::DataError(path_ + ": the database file is corrupt");
    case SQLITE_FULL:
      return Status::IoError(where + ": disk full");
    case SQLITE_READONLY:
      // A WAL database needs its -shm and -wal files next to it, even to
      // be read.
      if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
        return Status::IoError(
            path_ + ": cannot use the database: its directory is not "
                    "writable, and SQLite needs to create " +
            path_ + "-shm and " + path_ + "-wal there");
      return Status::IoError(where + ": the database is read-only (" +
                             sqlite3_errmsg(db_) + ")");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Status::IoError(where + ": " + sqlite3_errmsg(db_));
    case SQLITE_CONSTRAINT:
      return Status::Internal(where +
                              ": constraint failed: " + sqlite3_errmsg(db_));
    default:
      return Status::Internal(where + ": SQLite error: " + sqlite3_errmsg(db_));
  }
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return Error(rc, "");
  return Status::Ok();
}

Result<std::unique_ptr<Stmt>> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, "");
  }
  return std::make_unique<Stmt>(this, stmt);
}

Result<int64_t> Db::QueryInt(const std::string& sql) {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = (*stmt)->Step();
  if (!row.ok()) return row.status();
  return *row ? (*stmt)->Int(0) : 0;
}

namespace {

// Skips white space, ';' and SQL comments; returns the first other offset.
size_t SkipBlank(std::string_view s, size_t i, bool semicolons) {
  while (i < s.size()) {
    unsigned char c = s[i];
    if (std::isspace(c) || (semicolons && c == ';')) {
      ++i;
    } else if (s.compare(i, 2, "--") == 0) {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.compare(i, 2, "/*") == 0) {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

Status Db::ReadQuery(std::string_view sql, size_t max_rows, SqlRows* out) {
  const std::string kOnly =
      "sql: only a single SELECT or WITH query is allowed";
  size_t start = SkipBlank(sql, 0, false);
  size_t end = start;
  while (end < sql.size() && std::isalpha(static_cast<unsigned char>(sql[end])))
    ++end;
  std::string word(sql.substr(start, end - start));
  for (char& c : word) c = static_cast<char>(std::toupper(c));
  if (word != "SELECT" && word != "WITH")
    return Status::InvalidArgument(
        kOnly + (word.empty() ? std::string(" (the query is empty)")
                              : " (refused a " + word + " statement)"));
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()),
                              &stmt, &tail);
  if (rc != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return Status::InvalidArgument("sql: " + msg);
  }
  Stmt guard(this, stmt);
  size_t used = tail ? static_cast<size_t>(tail - sql.data()) : sql.size();
  if (SkipBlank(sql, used, true) < sql.size())
    return Status::InvalidArgument(kOnly + " (found more than one statement)");
  if (!stmt || !sqlite3_stmt_readonly(stmt))
    return Status::InvalidArgument(kOnly + " (the statement writes)");
  int n = sqlite3_column_count(stmt);
  out->columns.clear();
  out->rows.clear();
  out->truncated = false;
  for (int i = 0; i < n; ++i) {
    const char* name = sqlite3_column_name(stmt, i);
    out->columns.push_back(name ? name : "");
  }
  while (true) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW)
      return Status::InvalidArgument("sql: " + std::string(sqlite3_errmsg(db_)));
    if (out->rows.size() >= max_rows) {
      out->truncated = true;
      break;
    }
    std::vector<std::string> row;
    for (int i = 0; i < n; ++i) row.push_back(guard.Text(i));
    out->rows.push_back(std::move(row));
  }
  return Status::Ok();
}

void Db::SetBusyTimeout(int ms) {
  busy_timeout_ms_ = ms;
  sqlite3_busy_timeout(db_, ms);
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Db::Changes() const { return sqlite3_changes64(db_); }
bool Db::InTransaction() const { return !sqlite3_get_autocommit(db_); }

}  // namespace newsgraph::store
