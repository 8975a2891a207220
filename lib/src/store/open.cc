// GraphStore::Open: file checks, migrations, type tables, statements.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "newsgraph/resource_dir.h"
#include "ontology/ontology.h"
#include "store/store_impl.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace store {

const char* const kBulkIndexNames[kBulkIndexCount] = {
    "evidence_relation", "evidence_document", "relations_object"};
const char* const kBulkIndexSql[kBulkIndexCount] = {
    "CREATE INDEX IF NOT EXISTS evidence_relation ON evidence (relation_id, "
    "status)",
    "CREATE INDEX IF NOT EXISTS evidence_document ON evidence (document_id)",
    "CREATE INDEX IF NOT EXISTS relations_object ON relations (object_id, "
    "type)"};

}  // namespace store

namespace {

// The number of migrations this build knows: schemas/migrations/0001..N.
constexpr int kSchemaVersion = 1;

// Finds schemas/migrations/NNNN_*.sql for `version` under `resource_dir`.
Result<std::string> MigrationFile(const std::string& resource_dir,
                                  int version) {
  fs::path dir = fs::path(resource_dir) / "schemas" / "migrations";
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d_", version);
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".sql")
      found.push_back(e.path().string());
  }
  if (ec)
    return Status::NotFound(dir.string() +
                            ": cannot list migrations: " + ec.message() +
                            "; set --resources DIR or NEWSGRAPH_RESOURCES");
  if (found.size() != 1)
    return Status::NotFound(dir.string() + ": expected one migration " +
                            prefix + "*.sql, found " +
                            std::to_string(found.size()));
  return found[0];
}

Status Migrate(store::Db& db, const std::string& resource_dir, int from) {
  for (int v = from + 1; v <= kSchemaVersion; ++v) {
    auto file = MigrationFile(resource_dir, v);
    if (!file.ok()) return file.status();
    auto sql = base::ReadFile(*file);
    if (!sql.ok()) return sql.status();
    NEWSGRAPH_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    // Another process may have migrated while we waited for the lock.
    auto now = db.QueryInt("PRAGMA user_version");
    Status st = now.ok() ? Status::Ok() : now.status();
    if (st.ok() && *now < v) {
      st = db.Exec(*sql).WithPrefix(*file);
      if (st.ok() && v == 1)
        st = db.Exec("PRAGMA application_id = " +
                     std::to_string(GraphStore::kApplicationId));
      if (st.ok()) st = db.Exec("PRAGMA user_version = " + std::to_string(v));
    }
    if (st.ok()) st = db.Exec("COMMIT");
    if (!st.ok()) {
      (void)db.Exec("ROLLBACK");
      return st;
    }
  }
  return Status::Ok();
}

// Inserts the types of schemas/*.tsv that the store lacks and checks that
// the ones it has keep their ids (ids are frozen).
Status SyncTypes(store::Db& db, const std::string& resource_dir) {
  std::string schema_dir = (fs::path(resource_dir) / "schemas").string();
  auto onto = ontology::Ontology::Load(schema_dir);
  if (!onto.ok()) return onto.status();
  auto read = [&](const char* sql) -> Result<std::vector<std::string>> {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    std::vector<std::string> rows;
    while (true) {
      auto row = (*st)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      rows.push_back(std::to_string((*st)->Int(0)) + "\t" + (*st)->Text(1) +
                     "\t" + std::to_string((*st)->Int(2)));
    }
    return rows;
  };
  auto have_e = read("SELECT id, name, 0 FROM entity_types ORDER BY id");
  if (!have_e.ok()) return have_e.status();
  auto have_r =
      read("SELECT id, name, symmetric FROM relation_types ORDER BY id");
  if (!have_r.ok()) return have_r.status();
  std::vector<std::string> want_e, want_r;
  for (const auto& t : onto->entity_types())
    want_e.push_back(std::to_string(t.id) + "\t" + t.name + "\t0");
  for (const auto& t : onto->relation_types())
    want_r.push_back(std::to_string(t.id) + "\t" + t.name + "\t" +
                     (t.symmetric ? "1" : "0"));
  std::vector<std::string> add_e, add_r;
  auto diff = [&](const std::vector<std::string>& have,
                  const std::vector<std::string>& want, const char* file,
                  std::vector<std::string>* add) -> Status {
    for (const auto& w : want) {
      std::string id = w.substr(0, w.find('\t') + 1);
      auto it = std::find_if(have.begin(), have.end(), [&](const auto& h) {
        return h.rfind(id, 0) == 0;
      });
      if (it == have.end()) {
        add->push_back(w);
      } else if (*it != w) {
        return Status::DataError(
            schema_dir + "/" + file + ": type " + w.substr(0, id.size() - 1) +
            " is '" + w.substr(id.size()) + "' but " + db.path() + " stores '" +
            it->substr(id.size()) +
            "'; type ids and flags are frozen (append new types instead)");
      }
    }
    return Status::Ok();
  };
  NEWSGRAPH_RETURN_IF_ERROR(diff(*have_e, want_e, "entity_types.tsv", &add_e));
  NEWSGRAPH_RETURN_IF_ERROR(
      diff(*have_r, want_r, "relation_types.tsv", &add_r));
  if (add_e.empty() && add_r.empty()) return Status::Ok();

  NEWSGRAPH_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status st;
  struct Insert {
    const std::vector<std::string>* rows;
    const char* sql;
    bool has_flag;
  };
  for (const Insert& ins :
       {Insert{&add_e,
               "INSERT OR IGNORE INTO entity_types (id, name) "
               "VALUES (?1, ?2)",
               false},
        Insert{&add_r,
               "INSERT OR IGNORE INTO relation_types (id, name, "
               "symmetric) VALUES (?1, ?2, ?3)",
               true}}) {
    auto stmt = db.Prepare(ins.sql);
    if (!stmt.ok()) {
      st = stmt.status();
      break;
    }
    for (const auto& row : *ins.rows) {
      auto f = base::Split(row, '\t');
      (*stmt)
          ->Bind(1, static_cast<int64_t>(std::stoll(std::string(f[0]))))
          .Bind(2, f[1]);
      if (ins.has_flag) (*stmt)->Bind(3, static_cast<int64_t>(f[2] == "1"));
      st = (*stmt)->Run();
      if (!st.ok()) break;
    }
    if (!st.ok()) break;
  }
  if (st.ok()) st = db.Exec("COMMIT");
  if (!st.ok()) (void)db.Exec("ROLLBACK");
  return st;
}

Status LoadTypes(GraphStore::Impl& im) {
  auto rel = im.db->Prepare("SELECT name, symmetric FROM relation_types");
  if (!rel.ok()) return rel.status();
  while (true) {
    auto row = (*rel)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    im.symmetric[(*rel)->Text(0)] = (*rel)->Int(1) != 0;
  }
  auto ent = im.db->Prepare("SELECT name FROM entity_types");
  if (!ent.ok()) return ent.status();
  while (true) {
    auto row = (*ent)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    im.entity_types.insert((*ent)->Text(0));
  }
  return Status::Ok();
}

}  // namespace

int GraphStore::SchemaVersion() { return kSchemaVersion; }

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GraphStore::~GraphStore() {
  if (impl_ && impl_->in_batch) RollbackBatch();
}

const std::string& GraphStore::path() const { return impl_->db->path(); }

Status GraphStore::Impl::EnsureIndexes() {
  for (int i = 0; i < store::kBulkIndexCount; ++i) {
    auto n = db->QueryInt(
        std::string("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                    "AND name = '") +
        store::kBulkIndexNames[i] + "'");
    if (!n.ok()) return n.status();
    if (*n == 0)
      NEWSGRAPH_RETURN_IF_ERROR(db->Exec(store::kBulkIndexSql[i]));
  }
  return Status::Ok();
}

Result<std::unique_ptr<GraphStore>> GraphStore::Open(
    const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (fs::is_directory(path, ec))
    return Status::InvalidArgument(path + ": is a directory, not a database");
  if (options.read_only && !exists)
    return Status::NotFound(path + ": no such database");

  auto im = std::make_unique<Impl>();
  im->read_only = options.read_only;
  auto db = store::Db::Open(path, options.read_only);
  if (!db.ok()) return db.status();
  im->db = std::move(db).value();
  im->db->SetBusyTimeout(options.busy_timeout_ms);
  store::Db& d = *im->db;
  if (options.max_page_count > 0)
    NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA max_page_count = " +
                                     std::to_string(options.max_page_count)));

  auto app_id = d.QueryInt("PRAGMA application_id");
  if (!app_id.ok()) return app_id.status();
  auto version = d.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (static_cast<uint32_t>(*app_id) != kApplicationId) {
    auto objects = d.QueryInt("SELECT COUNT(*) FROM sqlite_master");
    if (!objects.ok()) return objects.status();
    if (*app_id != 0 || *version != 0 || *objects != 0)
      return Status::DataError(
          path +
          ": not a newsgraph database (an SQLite file of another "
          "application)");
  }
  if (*version > kSchemaVersion)
    return Status::DataError(path + ": written by a newer newsgraph (schema " +
                             std::to_string(*version) + ", this build knows " +
                             std::to_string(kSchemaVersion) +
                             "); use a newer newsgraph");

  if (options.read_only) {
    if (*version == 0 && static_cast<uint32_t>(*app_id) != kApplicationId)
      return Status::DataError(
          path + ": an empty database (nothing ingested yet); run "
                 "'newsgraph ingest' first");
    if (*version < kSchemaVersion)
      return Status::DataError(
          path + ": schema " + std::to_string(*version) +
          " is older than this build's " + std::to_string(kSchemaVersion) +
          "; open it for writing once (e.g. newsgraph ingest) to migrate");
  } else {
    // A new store gets 16 KiB pages (a no-op on an existing one): ingest
    // writes a quarter of the pages, one system call each.
    if (*version == 0)
      NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA page_size = 16384"));
    NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA journal_mode = WAL"));
    NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA synchronous = NORMAL"));
    // A writer's page cache: 32 MiB (SQLite's default is 2 MiB), so that
    // index pages stay in memory across batches. Together, a 50 MB ingest
    // took 21.5 s instead of 24.5 s, half the system time
    // (docs/benchmarks.md).
    NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA cache_size = -32768"));
    std::string dir = options.resource_dir.empty() ? DefaultResourceDir()
                                                   : options.resource_dir;
    if (*version < kSchemaVersion) {
      if (dir.empty())
        return Status::NotFound(
            path +
            ": cannot create the store: no resource directory with "
            "schemas/migrations; set --resources DIR or "
            "NEWSGRAPH_RESOURCES");
      NEWSGRAPH_RETURN_IF_ERROR(Migrate(d, dir, static_cast<int>(*version)));
    }
    // The type tables travel with the store: without resources (an
    // up-to-date store opened elsewhere) the stored ones are used.
    if (!dir.empty() &&
        fs::exists(fs::path(dir) / "schemas" / "relation_types.tsv", ec))
      NEWSGRAPH_RETURN_IF_ERROR(SyncTypes(d, dir));
    NEWSGRAPH_RETURN_IF_ERROR(im->EnsureIndexes());
  }
  NEWSGRAPH_RETURN_IF_ERROR(d.Exec("PRAGMA foreign_keys = ON"));
  im->schema_version = kSchemaVersion;
  NEWSGRAPH_RETURN_IF_ERROR(LoadTypes(*im));
  NEWSGRAPH_RETURN_IF_ERROR(im->Prepare());
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(im)));
}

}  // namespace newsgraph
