// Extractor: dictionary + rules -> relations with evidence.
//
//   auto res = newsgraph::Resources::Load({});         // default resources
//   auto ex = newsgraph::Extractor::Create(*res);      // share across threads
//   auto rels = (*ex)->Extract(document);
#ifndef NEWSGRAPH_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACTOR_H_

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "newsgraph/document.h"
#include "newsgraph/relation.h"
#include "newsgraph/status.h"

namespace newsgraph {

struct ResourceOptions {
  // Directory holding schemas/ and dictionaries/ ("" = the default,
  // DefaultResourceDir() in newsgraph/resource_dir.h: $NEWSGRAPH_RESOURCES,
  // else share/newsgraph of the installation, found relative to the library
  // and then to the executable, else the source tree of a build).
  std::string resource_dir;
  // Extra dictionary files (JSON Lines) loaded on top of the defaults.
  std::vector<std::string> extra_dictionaries;
  // Extra rule files loaded after the default ones.
  std::vector<std::string> extra_rules;
  // When false, only the extra files are loaded (not the defaults).
  bool load_defaults = true;
};

// Compiled, immutable resources: ontology, dictionary, matcher, rules.
// Thread safety: immutable after Load; share freely between threads.
class Resources {
 public:
  ~Resources();
  static Result<std::shared_ptr<const Resources>> Load(
      const ResourceOptions& options);

  size_t entity_count() const;
  size_t rule_count() const;
  // The directory the defaults were loaded from.
  const std::string& resource_dir() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Resources();
  std::unique_ptr<Impl> impl_;
};

struct ExtractOptions {
  // Replace invalid UTF-8 by U+FFFD (and report it through warnings) instead
  // of failing the document.
  bool replace_invalid_utf8 = false;
};

// Extracts relations from documents. Thread safety: Extract is const and
// may be called from several threads at once.
class Extractor {
 public:
  ~Extractor();
  static Result<std::unique_ptr<Extractor>> Create(
      std::shared_ptr<const Resources> resources,
      ExtractOptions options = {});

  struct Output {
    std::vector<Relation> relations;   // in text order, then rule order
    std::vector<std::string> warnings; // e.g. replaced invalid bytes
    std::string date;                  // the document date used, or ""
  };
  // Errors: invalid UTF-8 (kDataError, "<doc>: invalid UTF-8 at byte N"),
  // unknown type of a document entity.
  Result<Output> Extract(const Document& doc) const;
  // Extract on each document, result i for docs[i], the same results. The
  // rules run pattern by pattern over all the documents' sentences, which
  // keeps each pattern's matcher in the processor's caches: a batch of
  // a dozen or more news articles goes markedly faster than one at a time
  // (docs/benchmarks.md). A failing document fails alone. A document over
  // 1 MiB goes sentence by sentence, as in Extract, so that memory does
  // not grow with its length.
  std::vector<Result<Output>> ExtractBatch(
      std::span<const Document* const> docs) const;

 private:
  struct Job;
  Extractor(std::shared_ptr<const Resources> r, ExtractOptions o);
  // The steps before the document pass: the UTF-8 check (and repair) and
  // the document date.
  Status Begin(const Document& doc, Job* job) const;
  std::shared_ptr<const Resources> resources_;
  ExtractOptions options_;
};

// Runs Extractor::ExtractBatch over a stream of documents on `threads`
// worker threads that share one extractor, and hands every result back on
// the calling thread in the order the documents were added, so the output
// does not depend on `threads`. With threads <= 0 everything runs on the
// calling thread.
// Documents are extracted in batches of up to kBatchDocuments (or 256 KiB
// of text), so a result may be delivered only when later documents have
// been added, or by Finish.
//
//   OrderedExtraction run(extractor, 2, [&](Document& d, Result<Extractor::Output>& r) {
//     ...print r...; return Status::Ok(); });
//   for (...) NEWSGRAPH_RETURN_IF_ERROR(run.Add(std::move(doc)));
//   NEWSGRAPH_RETURN_IF_ERROR(run.Finish());
class OrderedExtraction {
 public:
  // Called once per document, in input order, on the thread calling Add or
  // Finish. A non-ok Status stops the run and is returned by Add/Finish.
  using Done =
      std::function<Status(Document& doc, Result<Extractor::Output>& result)>;
  // At most `window` documents are queued or being extracted at a time
  // (0: two batches a thread), and about two batches' worth of text a
  // thread. A caller that stops adding for a while, as ingest does to
  // write a batch, passes more so that the threads keep working.
  // With `caller_extracts`, a caller that would wait (the window full, or
  // Finish) extracts the next batch itself instead, as ingest does: its
  // thread, which writes, would otherwise idle while the others extract.
  OrderedExtraction(const Extractor& extractor, int threads, Done done,
                    size_t window = 0, bool caller_extracts = false);
  ~OrderedExtraction();  // waits for the threads; drops undelivered results
  OrderedExtraction(const OrderedExtraction&) = delete;
  OrderedExtraction& operator=(const OrderedExtraction&) = delete;

  // Queues a document (extract = false: deliver it with an empty Output,
  // without extracting). May deliver earlier documents; blocks while too
  // many are in flight.
  Status Add(Document&& doc, bool extract = true);
  // Delivers every queued document (a partial batch too); Add may be
  // called again afterwards.
  Status Finish();

  struct State;
  // Documents extracted together (Extractor::ExtractBatch), at most.
  static constexpr size_t kBatchDocuments = 64;

 private:
  const Extractor& extractor_;
  Done done_;
  std::unique_ptr<State> state_;
};

// One relation as a JSON object on one line (docs/output-format.md), keys in
// a stable order, no trailing newline.
std::string ToJsonLine(const Relation& relation);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTOR_H_
