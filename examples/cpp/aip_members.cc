// A small program linking the installed newsgraph library: it loads the
// default resources, extracts the relations of one article, stores them in
// a temporary graph store and prints the members of an alliance.
//
//   aip_members ARTICLE [ALLIANCE]     (ALLIANCE defaults to AIP)
//
// Build it against an installed newsgraph with CMake (CMakeLists.txt here)
// or pkg-config (Makefile here); see docs/library.md. The regions between
// "// [doc:NAME]" and "// [doc:end]" are quoted in docs/library.md, and a
// test (e2e:library_doc) checks that the quotes match.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "newsgraph/extractor.h"
#include "newsgraph/ingest.h"
#include "newsgraph/input.h"
#include "newsgraph/query.h"
#include "newsgraph/status.h"
#include "newsgraph/store.h"

namespace {

namespace fs = std::filesystem;

int Fail(const newsgraph::Status& status) {
  std::fprintf(stderr, "aip_members: %s\n", status.message().c_str());
  return 1;
}

// A fresh directory for the store, removed when the program ends.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    for (int i = 0; i < 1000 && path_.empty(); ++i) {
      fs::path p = base / ("aip_members." + std::to_string(::getpid()) + "." +
                           std::to_string(i));
      if (fs::create_directory(p, ec)) path_ = p;
    }
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: aip_members ARTICLE [ALLIANCE]\n");
    return 2;
  }
  const std::string article = argv[1];
  const std::string alliance = argc > 2 ? argv[2] : "AIP";

  // [doc:load]
  // Default resources: $NEWSGRAPH_RESOURCES, else share/newsgraph of the
  // installation the library belongs to. Load once, share between threads.
  newsgraph::ResourceOptions resource_options;
  auto resources = newsgraph::Resources::Load(resource_options);
  if (!resources.ok()) return Fail(resources.status());
  auto extractor = newsgraph::Extractor::Create(*resources);
  if (!extractor.ok()) return Fail(extractor.status());
  // [doc:end]
  std::printf("resources: %s (%zu entities, %zu rules)\n",
              (*resources)->resource_dir().c_str(),
              (*resources)->entity_count(), (*resources)->rule_count());

  // [doc:extract]
  // Read the article (a text file here; ReadDocuments also takes HTML pages
  // and JSON Lines corpora) and extract its relations.
  std::vector<newsgraph::Document> documents;
  std::vector<newsgraph::InputProblem> problems;
  newsgraph::Status read = newsgraph::ReadDocuments(
      article,
      [&](newsgraph::Document&& doc) {
        documents.push_back(std::move(doc));
        return newsgraph::Status::Ok();
      },
      &problems);
  if (!read.ok()) return Fail(read);
  if (!problems.empty()) return Fail(newsgraph::Status::DataError(problems[0].message));
  std::vector<newsgraph::Extractor::Output> outputs;
  for (const newsgraph::Document& doc : documents) {
    auto out = (*extractor)->Extract(doc);
    if (!out.ok()) return Fail(out.status());
    for (const newsgraph::Relation& r : out->relations)
      std::printf("%s -[%s]-> %s (%s)\n", r.subject.name.c_str(),
                  r.relation.c_str(), r.object.name.c_str(),
                  r.attrs.status.c_str());
    outputs.push_back(std::move(out).value());
  }
  // [doc:end]

  TempDir tmp;
  if (tmp.path().empty())
    return Fail(newsgraph::Status::IoError("cannot create a temporary directory"));
  const std::string db = (tmp.path() / "graph.db").string();

  // [doc:store]
  // Store the relations. A batch is one transaction: all or nothing.
  {
    auto store = newsgraph::GraphStore::Open(db, newsgraph::StoreOptions{});
    if (!store.ok()) return Fail(store.status());
    if (auto s = (*store)->BeginBatch(); !s.ok()) return Fail(s);
    for (size_t i = 0; i < documents.size(); ++i) {
      const newsgraph::Document& doc = documents[i];
      newsgraph::StoredDocument meta;
      meta.content_hash = newsgraph::ContentHash(doc.text);
      meta.source = meta.path = article;
      meta.doc_key = doc.id;
      meta.title = doc.title;
      meta.date = outputs[i].date;
      meta.lang = newsgraph::GuessLanguage(doc.text);
      meta.bytes = doc.text.size();
      auto added = (*store)->AddDocument(meta, outputs[i].relations);
      if (!added.ok()) return Fail(added.status());
    }
    if (auto s = (*store)->CommitBatch(); !s.ok()) return Fail(s);
  }
  // [doc:end]

  // [doc:query]
  // Ask the store: the members of the alliance, inherited through renames.
  auto query = newsgraph::GraphQuery::Open(db);
  if (!query.ok()) return Fail(query.status());
  auto info = (*query)->Alliance(alliance, newsgraph::QueryFilter{});
  if (!info.ok()) return Fail(info.status());
  std::printf("%s members (%zu):\n", info->name.c_str(), info->members.size());
  for (const newsgraph::AllianceMember& m : info->members)
    std::printf("  %s (%s, since %s)\n", m.member.c_str(), m.role.c_str(),
                m.since.empty() ? "?" : m.since.c_str());
  // [doc:end]
  return 0;
}
