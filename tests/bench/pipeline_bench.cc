// Extraction and ingest benchmark (not a test). Reads a corpus (JSON Lines
// files, text or HTML pages, directories: as `newsgraph extract`), runs it
// through the extractor (--mode extract) or into a fresh SQLite store
// (--mode ingest) and prints MB/s, articles/s, relations/s and peak RSS as
// a table and as one JSON line. --mode write measures the store alone: it
// extracts every document first (untimed, kept in memory), then times
// writing them into a fresh store as ingest does (bulk load, transactions
// of IngestOptions::bulk_commit_documents, or of --batch documents when
// given, as `newsgraph ingest --batch N`). Make a corpus with
// tests/bench/gen_corpus.py; scripts/bench.sh runs this and the Python
// baseline on the same corpus.
//
//   pipeline_bench [--mode extract|ingest|write] [--jobs N] [--batch N]
//                  [--resources DIR] [--baseline-mbs X] CORPUS...
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "newsgraph/extractor.h"
#include "newsgraph/ingest.h"
#include "newsgraph/input.h"
#include "newsgraph/store.h"

namespace fs = std::filesystem;
using newsgraph::Document;
using newsgraph::Extractor;
using newsgraph::Result;
using newsgraph::Status;

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t)
      .count();
}

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_maxrss) / 1024.0;  // KiB -> MiB
}

double CpuSeconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int Die(const Status& st) {
  std::cerr << "pipeline_bench: " << st.message() << "\n";
  return 1;
}

int Usage() {
  std::cerr << "usage: pipeline_bench [--mode extract|ingest|write] "
               "[--jobs N] [--batch N] [--resources DIR] [--baseline-mbs X] "
               "CORPUS...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "extract", resources;
  int jobs = 1;
  size_t batch = newsgraph::IngestOptions{}.batch_size;
  bool batch_given = false;
  double baseline = 0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) std::exit(Usage());
      return argv[++i];
    };
    if (a == "--mode") mode = value();
    else if (a == "--jobs") jobs = std::atoi(value());
    else if (a == "--batch") batch = std::strtoul(value(), nullptr, 10), batch_given = true;
    else if (a == "--resources") resources = value();
    else if (a == "--baseline-mbs") baseline = std::atof(value());
    else if (a == "-h" || a == "--help") return Usage();
    else if (!a.empty() && a[0] == '-') return Usage();
    else inputs.push_back(a);
  }
  if (inputs.empty() || jobs < 1 || batch < 1 ||
      (mode != "extract" && mode != "ingest" && mode != "write"))
    return Usage();

  auto t_load = std::chrono::steady_clock::now();
  newsgraph::ResourceOptions ro;
  ro.resource_dir = resources;
  auto res = newsgraph::Resources::Load(ro);
  if (!res.ok()) return Die(res.status());
  auto ex = Extractor::Create(*res);
  if (!ex.ok()) return Die(ex.status());
  const double load_s = Since(t_load);

  uint64_t bytes = 0;
  size_t docs = 0, relations = 0, failed = 0;
  // --mode write: the extracted documents, written after the clock starts.
  std::vector<std::pair<newsgraph::StoredDocument,
                        std::vector<newsgraph::Relation>>>
      extracted;
  if (mode == "write") {
    std::vector<newsgraph::InputProblem> problems;
    size_t ignored = 0;
    auto files = newsgraph::CollectInputFiles(inputs, &problems, &ignored);
    for (const auto& f : files) {
      std::error_code ec;
      std::string path = fs::absolute(f, ec).lexically_normal().string();
      newsgraph::OrderedExtraction run(
          **ex, jobs > 1 ? jobs : 0, [&](Document& d, Result<Extractor::Output>& r) {
            bytes += d.text.size();
            if (!r.ok()) {
              ++failed;
              return Status::Ok();
            }
            newsgraph::StoredDocument m;
            m.content_hash = newsgraph::ContentHash(d.text);
            m.path = path;
            m.source = d.url.empty() ? path : d.url;
            m.doc_key = d.id;
            m.title = d.title;
            m.date = r->date;
            m.lang = d.lang.empty() ? newsgraph::GuessLanguage(d.text) : d.lang;
            m.bytes = d.text.size();
            relations += r->relations.size();
            extracted.emplace_back(std::move(m), std::move(r->relations));
            return Status::Ok();
          });
      Status st = newsgraph::ReadDocuments(
          f, [&](Document&& d) { return run.Add(std::move(d)); }, &problems);
      if (st.ok()) st = run.Finish();
      if (!st.ok()) return Die(st);
    }
    failed += problems.size();
  }
  const double cpu0 = CpuSeconds();
  auto t0 = std::chrono::steady_clock::now();
  if (mode == "write") {
    fs::path dir = fs::temp_directory_path() /
                   ("pipeline_bench." + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto store = newsgraph::GraphStore::Open((dir / "bench.db").string(), {});
    if (!store.ok()) return Die(store.status());
    auto& s = **store;
    Status st = s.SetBulkLoad(true);
    const size_t per_commit =
        batch_given ? batch : newsgraph::IngestOptions{}.bulk_commit_documents;
    for (size_t i = 0; st.ok() && i < extracted.size(); i += per_commit) {
      st = s.BeginBatch();
      for (size_t k = i;
           st.ok() && k < std::min(i + per_commit, extracted.size());
           ++k) {
        // As ingest does: the batch takes the document.
        auto r = s.AddDocument(std::move(extracted[k].first),
                               std::move(extracted[k].second));
        if (!r.ok()) st = r.status();
        else if (!r->duplicate) ++docs;
      }
      if (st.ok()) st = s.CommitBatch();
    }
    if (st.ok()) st = s.SetBulkLoad(false);
    store->reset();
    fs::remove_all(dir);
    if (!st.ok()) return Die(st);
  } else if (mode == "extract") {
    std::vector<newsgraph::InputProblem> problems;
    size_t ignored = 0;
    auto files = newsgraph::CollectInputFiles(inputs, &problems, &ignored);
    newsgraph::OrderedExtraction run(
        **ex, jobs > 1 ? jobs : 0, [&](Document& d, Result<Extractor::Output>& r) {
          bytes += d.text.size();
          ++docs;
          if (!r.ok()) ++failed;
          else relations += r->relations.size();
          return Status::Ok();
        });
    for (const auto& f : files) {
      Status st = newsgraph::ReadDocuments(
          f, [&](Document&& d) { return run.Add(std::move(d)); }, &problems);
      if (!st.ok()) return Die(st);
    }
    if (Status st = run.Finish(); !st.ok()) return Die(st);
    failed += problems.size();
  } else {
    fs::path dir = fs::temp_directory_path() /
                   ("pipeline_bench." + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto store = newsgraph::GraphStore::Open((dir / "bench.db").string(), {});
    if (!store.ok()) return Die(store.status());
    newsgraph::IngestOptions io;
    io.jobs = jobs;
    io.batch_size = batch;
    if (batch_given) io.bulk_commit_documents = 0;  // as ingest --batch N
    auto sum = newsgraph::Ingest(inputs, **ex, **store, io);
    store->reset();
    fs::remove_all(dir);
    if (!sum.ok()) return Die(sum.status());
    bytes = sum->bytes;
    docs = sum->documents_new;
    relations = sum->relations_extracted;
    failed = sum->documents_failed + sum->files_failed;
  }
  const double secs = Since(t0);
  const double cpu = CpuSeconds() - cpu0;
  const double mb = double(bytes) / 1e6;
  const double mbs = mb / secs;

  std::printf("%-14s %s\n", "mode", mode.c_str());
  std::printf("%-14s %d\n", "jobs", jobs);
  std::printf("%-14s %.1f MB, %zu articles (%zu failed)\n", "corpus", mb, docs,
              failed);
  std::printf("%-14s %.2f s (resources: %.2f s, cpu: %.2f s)\n", "time", secs,
              load_s, cpu);
  std::printf("%-14s %.2f MB/s\n", "throughput", mbs);
  std::printf("%-14s %.0f articles/s\n", "articles", docs / secs);
  std::printf("%-14s %.0f relations/s (%zu relations)\n", "relations",
              relations / secs, relations);
  std::printf("%-14s %.1f MiB\n", "peak RSS", PeakRssMb());
  if (baseline > 0)
    std::printf("%-14s %.1fx the Python baseline (%.4f MB/s)\n", "ratio",
                mbs / baseline, baseline);
  std::printf(
      "{\"bench\":\"pipeline\",\"mode\":\"%s\",\"jobs\":%d,\"mb\":%.3f,"
      "\"articles\":%zu,\"failed\":%zu,\"relations\":%zu,\"seconds\":%.3f,"
      "\"load_seconds\":%.3f,\"cpu_seconds\":%.3f,\"mb_per_s\":%.3f,"
      "\"articles_per_s\":%.1f,\"relations_per_s\":%.1f,\"peak_rss_mib\":%.1f",
      mode.c_str(), jobs, mb, docs, failed, relations, secs, load_s, cpu, mbs,
      docs / secs, relations / secs, PeakRssMb());
  if (baseline > 0)
    std::printf(",\"baseline_mb_per_s\":%.3f,\"ratio\":%.2f", baseline,
                mbs / baseline);
  std::printf("}\n");
  return failed ? 1 : 0;
}
