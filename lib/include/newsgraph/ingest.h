// Ingest: articles -> extraction -> graph store, idempotently, in batches.
//
//   auto res = newsgraph::Resources::Load({});
//   auto ex = newsgraph::Extractor::Create(*res);
//   auto store = newsgraph::GraphStore::Open("news.db", {});
//   auto summary = newsgraph::Ingest({"examples/"}, **ex, **store, {});
#ifndef NEWSGRAPH_INGEST_H_
#define NEWSGRAPH_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsgraph/extractor.h"
#include "newsgraph/input.h"
#include "newsgraph/status.h"
#include "newsgraph/store.h"

namespace newsgraph {

// Counts of one ingest run; also the running totals passed to progress.
struct IngestSummary {
  size_t documents_new = 0;        // stored by this run
  size_t documents_skipped = 0;    // already stored (same content hash)
  size_t documents_failed = 0;     // skipped for an error (see problems)
  size_t documents_read = 0;       // read so far, including those waiting for
                                   // their batch (for progress)
  size_t files = 0;                // files read ("-" counts as one)
  size_t files_failed = 0;         // paths that could not be read or listed
  size_t files_ignored = 0;        // .jsonl files met in a directory whose
                                   // first line is not a document
  size_t entities = 0;             // entities created by this run
  size_t relations = 0;            // relations (edges) created by this run
  size_t evidence = 0;             // evidence rows written by this run
  size_t relations_extracted = 0;  // relation records the extractor gave
  uint64_t bytes = 0;              // text bytes of every document read
  double seconds = 0;              // wall time so far
  std::vector<InputProblem> problems;  // every error, in input order

  // True when a document or a file was skipped for an error.
  bool had_errors() const { return documents_failed + files_failed > 0; }
};

struct IngestOptions {
  // Publication date (YYYY-MM-DD) for every document; "" = from the corpus
  // field or the article header. Does not change a document's identity.
  std::string date;
  // Documents per write transaction (>= 1; a bulk load puts several
  // batches in one, see bulk_commit_documents). A transaction commits
  // atomically: a kill loses at most the one in flight, never part of a
  // document.
  // Larger batches write fewer pages: 64 -> 256 took a 50 MB ingest from
  // 33 s to 24 s (docs/benchmarks.md).
  size_t batch_size = 256;
  // Documents whose input (a file, a JSON Lines line) is larger are
  // reported and skipped (see InputOptions); 0 = no limit.
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  // Threads in all (>= 1). With 1, the calling thread extracts and writes;
  // with N >= 2, N - 1 threads share the extractor while the calling thread
  // checks and writes the documents, in input order, so the store ends up
  // the same for every value.
  int jobs = 1;
  // Drop the evidence indexes while loading into an empty store and build
  // them at the end (faster for large first loads).
  bool bulk_load = true;
  // A bulk load commits its batches together, once a transaction holds
  // this many documents (and at the end, and when a feed pauses): fewer
  // commits write fewer pages. A kill loses at most the documents since
  // the last commit, never part of a document; they stay in memory until
  // the commit, and the write lock is held meanwhile, also while
  // extracting. 0 = commit every batch.
  size_t bulk_commit_documents = 1024;
  // Called after every document (new, skipped or failed) with the running
  // totals; optional. Runs on the calling thread.
  std::function<void(const IngestSummary&)> progress;
  // Called for every problem as it happens (also kept in the summary).
  std::function<void(const InputProblem&)> on_problem;
  // Called for every extractor warning ("<where>: <warning>").
  std::function<void(const std::string&)> on_warning;
};

// Expands the PATH arguments into the files to read, in order: "-" (stdin)
// and named files as given; directories recursively, taking *.txt, *.html,
// *.htm and *.jsonl files in sorted path order, skipping hidden entries and
// .jsonl files whose first non-blank line is not a JSON object with a
// string "text" (counted in `ignored`). A missing or unlistable path is
// reported in `problems`.
std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& paths, std::vector<InputProblem>* problems,
    size_t* ignored);

// Reads every document of `paths` (see CollectInputFiles and ReadDocuments),
// skips documents whose content hash (SHA-256 of the text) is stored,
// extracts the rest with `extractor` and writes them to `store` in batches.
// A bad document (invalid UTF-8, unreadable file, malformed JSON line) is
// reported and skipped; the rest goes on. Returns a non-ok Status only when
// the store fails (I/O, lock timeout); the batches committed before stay.
// Precondition: no batch open on `store`.
Result<IngestSummary> Ingest(const std::vector<std::string>& paths,
                             const Extractor& extractor, GraphStore& store,
                             const IngestOptions& options);

// The hex SHA-256 of `text`: the content hash Ingest stores.
std::string ContentHash(const std::string& text);

// A guess of the language of `text`: "zh" when CJK ideographs make up a
// large share of its letters, "en" when it has Latin letters, else "".
std::string GuessLanguage(const std::string& text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_INGEST_H_
