// newsgraph ingest / remove: articles -> graph store, and retraction.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli.h"
#include "newsgraph/extractor.h"
#include "newsgraph/ingest.h"
#include "newsgraph/store.h"

namespace newsgraph::cli {

namespace {

constexpr const char* kIngestHelp =
    R"(usage: newsgraph ingest [options] PATH... | -

Extracts relations from articles and adds them to the graph store.
PATH is a text file (a saved article or web page), a JSON Lines corpus
(*.jsonl), a directory (read recursively: *.txt, *.html, *.htm, *.jsonl in
sorted order; .jsonl files that hold no documents are ignored) or '-' for
standard input. A document whose text is already stored is skipped, so
ingesting the same input twice changes nothing. Documents are written in
batches, one transaction each: an interrupted ingest keeps every batch it
committed and never leaves part of a document. A first load into an empty
store commits four batches at a time (unless --batch is given). When a
feed on stdin or a named pipe pauses, the documents it sent so far are
committed at once.

Options:
  --db FILE             the store (default: $NEWSGRAPH_DB, else newsgraph.db)
  --date YYYY-MM-DD     publication date of the documents (otherwise taken
                        from the corpus field or the article header)
  --batch N             documents per transaction (default: 256, and 1024
                        while loading an empty store)
  --busy-timeout MS     how long to wait for a lock held by another writer
                        before failing (default: 10000)
  --resources DIR       directory with schemas/ and dictionaries/
                        (default: $NEWSGRAPH_RESOURCES or the installed set)
  --dict FILE           extra entity dictionary (JSON Lines); repeatable
  --rules FILE          extra rule file; repeatable
  --replace-invalid     replace invalid UTF-8 by U+FFFD instead of skipping
                        the document
  --max-doc-bytes N     skip (and report) documents larger than N bytes: a
                        text or HTML file, or one JSON Lines line (default:
                        16777216 = 16 MiB; 0 = no limit)
  --jobs N              use N threads (default: 1): with N >= 2, N - 1
                        extract while one writes, in input order, so the
                        store is the same for every N
  -h, --help            show this help

A progress line is shown on stderr when it is a terminal; a summary is
printed on stderr at the end. For tests, $NEWSGRAPH_MAX_DB_PAGES caps the
database file at that many pages (writes beyond fail as on a full disk).
Exit codes: 0 ok; 1 a document or file was skipped for an error (reported
on stderr), or the store failed; 2 bad command line.
)";

constexpr const char* kRemoveHelp =
    R"(usage: newsgraph remove [--db FILE] --doc ID|PATH...

Removes documents from the graph store and retracts the evidence they
contributed: relations are re-aggregated, relations left without evidence
and entities left without relations are deleted.
--doc takes a path (every document read from that file), a source URL or a
document id (the "doc" of its relations; it must name one document).

Options:
  --db FILE        the store (default: $NEWSGRAPH_DB, else newsgraph.db)
  --doc ID|PATH    the document(s) to remove; repeatable
  -h, --help       show this help

Exit codes: 0 ok; 1 a document was not found or the store failed; 2 bad
command line.
)";

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", bytes / 1e6);
  return buf;
}

// The progress line: redrawn in place at most every 200 ms.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}

  void Update(const IngestSummary& s) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    double rate = s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0;
    std::fprintf(stderr,
                 "\r\033[Kingest: %zu documents  %s MB  %zu relations  "
                 "%.2f MB/s",
                 s.documents_read, Mb(s.bytes).c_str(), s.relations_extracted,
                 rate);
    std::fflush(stderr);
  }
  // Clears the line before other output.
  void Clear() {
    if (enabled_ && shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

void PrintSummary(const IngestSummary& s, const std::string& db) {
  std::cerr << "ingest: " << s.documents_new << " new, " << s.documents_skipped
            << " skipped (already stored), " << s.documents_failed << " failed";
  if (s.files_failed) std::cerr << "; " << s.files_failed << " path(s) failed";
  if (s.files_ignored)
    std::cerr << "; " << s.files_ignored
              << " .jsonl file(s) without documents ignored";
  std::cerr << "\n";
  std::cerr << "ingest: added " << s.entities << " entities, " << s.relations
            << " relations, " << s.evidence << " evidence rows to " << db
            << "\n";
  double secs = s.seconds > 0 ? s.seconds : 1e-9;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "ingest: read %s MB in %.2f s (%.2f MB/s, %.0f relations/s)\n",
                Mb(s.bytes).c_str(), s.seconds, s.bytes / 1e6 / secs,
                s.relations_extracted / secs);
  std::cerr << buf;
}

}  // namespace

int RunIngest(int argc, char** argv) {
  auto parsed = ParseArgs(argc, argv, 2,
                          {"db", "date", "batch", "resources", "dict", "rules",
                           "max-doc-bytes", "busy-timeout", "jobs"},
                          {"replace-invalid"});
  if (!parsed.ok()) return Fail(parsed.status());
  const Args& args = *parsed;
  if (args.Flag("help")) {
    std::cout << kIngestHelp;
    return kExitOk;
  }
  if (args.positional.empty())
    return Fail(Status::InvalidArgument(
        "ingest: no input paths; see 'newsgraph ingest --help'"));
  IngestOptions io;
  io.date = args.Value("date");
  if (Status st = CheckDateOption("ingest", io.date); !st.ok()) return Fail(st);
  if (std::string b = args.Value("batch"); !b.empty()) {
    char* end = nullptr;
    long n = std::strtol(b.c_str(), &end, 10);
    if (*end != '\0' || n < 1 || n > 1000000)
      return Fail(Status::InvalidArgument("ingest: bad --batch '" + b +
                                          "' (expected a positive integer)"));
    io.batch_size = static_cast<size_t>(n);
    io.bulk_commit_documents = 0;  // N documents per transaction, as asked
  }
  auto max_doc_bytes = MaxDocBytesOption("ingest", args);
  if (!max_doc_bytes.ok()) return Fail(max_doc_bytes.status());
  io.max_doc_bytes = *max_doc_bytes;
  auto jobs = JobsOption("ingest", args);
  if (!jobs.ok()) return Fail(jobs.status());
  io.jobs = *jobs;

  // Resources first: a bad dictionary or rule file creates no store.
  auto extractor = ExtractorFromArgs(args);
  if (!extractor.ok()) return Fail(extractor.status());

  std::string db = DbPath(args);
  StoreOptions so;
  so.resource_dir = args.Value("resources");
  if (std::string b = args.Value("busy-timeout"); !b.empty()) {
    char* end = nullptr;
    long n = std::strtol(b.c_str(), &end, 10);
    if (*end != '\0' || n < 0 || n > 3600000)
      return Fail(Status::InvalidArgument(
          "ingest: bad --busy-timeout '" + b +
          "' (expected milliseconds, 0..3600000)"));
    so.busy_timeout_ms = static_cast<int>(n);
  }
  if (const char* pages = std::getenv("NEWSGRAPH_MAX_DB_PAGES");
      pages && *pages)
    so.max_page_count = std::strtoll(pages, nullptr, 10);
  auto store = GraphStore::Open(db, so);
  if (!store.ok()) return Fail(store.status());

  ProgressLine progress(isatty(STDERR_FILENO) == 1);
  io.progress = [&](const IngestSummary& s) { progress.Update(s); };
  io.on_problem = [&](const InputProblem& p) {
    progress.Clear();
    std::cerr << "newsgraph: " << p.message << " (skipped)\n";
  };
  io.on_warning = [&](const std::string& w) {
    progress.Clear();
    std::cerr << "newsgraph: warning: " << w << "\n";
  };
  auto summary = Ingest(args.positional, **extractor, **store, io);
  progress.Clear();
  if (!summary.ok()) return Fail(summary.status());
  PrintSummary(*summary, db);
  return summary->had_errors() ? kExitFailed : kExitOk;
}

int RunRemove(int argc, char** argv) {
  auto parsed = ParseArgs(argc, argv, 2, {"db", "doc"}, {});
  if (!parsed.ok()) return Fail(parsed.status());
  const Args& args = *parsed;
  if (args.Flag("help")) {
    std::cout << kRemoveHelp;
    return kExitOk;
  }
  if (!args.positional.empty())
    return Fail(Status::InvalidArgument("remove: unexpected argument '" +
                                        args.positional[0] +
                                        "'; name documents with --doc"));
  if (args.Values("doc").empty())
    return Fail(Status::InvalidArgument(
        "remove: no --doc given; see 'newsgraph remove --help'"));
  std::string db = DbPath(args);
  std::error_code ec;
  if (!std::filesystem::exists(db, ec))
    return Fail(Status::NotFound(db + ": no such database"));
  auto store = GraphStore::Open(db, {});
  if (!store.ok()) return Fail(store.status());

  int rc = kExitOk;
  for (const std::string& sel : args.Values("doc")) {
    auto removed = (*store)->RemoveDocument(sel);
    if (!removed.ok()) {
      rc = std::max(rc, Fail(removed.status()));
      continue;
    }
    for (const auto& d : removed->documents)
      std::cout << "removed " << d.doc_key << " (" << d.source
                << "): " << d.evidence_rows << " evidence rows\n";
    std::cout << "relations: " << removed->relations_updated << " updated, "
              << removed->relations_deleted
              << " deleted; entities: " << removed->entities_deleted
              << " deleted\n";
  }
  return rc;
}

}  // namespace newsgraph::cli
