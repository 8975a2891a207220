// Ingest benchmark (not a test): generates a corpus of short documents from
// the sample articles in examples/ (deterministic, seeded), ingests it into a
// fresh store and reports MB/s and relations/s. A second phase writes
// already-extracted documents only, to show what the store itself costs.
//
//   ingest_bench [--mb 50] [--seed 1] [--batch 64] [--dir DIR] [--keep]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/extractor.h"
#include "newsgraph/ingest.h"
#include "newsgraph/input.h"
#include "newsgraph/store.h"

namespace fs = std::filesystem;
using newsgraph::Document;
using newsgraph::Status;

namespace {

struct Source {
  std::string lang, date;
  std::vector<std::string> paragraphs;
};

std::vector<std::string> Paragraphs(const std::string& text, size_t skip) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string p = text.substr(pos, end - pos);
    if (p.find_first_not_of(" \n\r\t") != std::string::npos) out.push_back(p);
    pos = end + 2;
  }
  out.erase(out.begin(), out.begin() + std::min(skip, out.size()));
  return out;
}

std::vector<Source> LoadSources(const fs::path& examples) {
  std::vector<Source> sources;
  std::vector<fs::path> files;
  for (const char* sub : {"en", "zh"})
    for (const auto& e : fs::directory_iterator(examples / sub))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    Source s;
    s.lang = f.parent_path().filename().string();
    s.paragraphs = Paragraphs(ss.str(), 2);  // title and date line
    sources.push_back(std::move(s));
  }
  std::vector<Document> corpus;
  std::vector<newsgraph::InputProblem> problems;
  (void)newsgraph::ReadDocuments((examples / "corpus.jsonl").string(),
                                 [&](Document&& d) {
                                   corpus.push_back(std::move(d));
                                   return Status::Ok();
                                 },
                                 &problems);
  for (const auto& d : corpus)
    sources.push_back({d.lang, d.date, Paragraphs(d.text, 0)});
  return sources;
}

// Writes JSON Lines files of at least `mb` MB of document text; returns the
// number of documents.
size_t Generate(const std::vector<Source>& sources, double mb, uint64_t seed,
                const fs::path& dir) {
  std::mt19937_64 rng(seed);
  const char* dates[] = {"2025-01-23", "2025-03-20", "2024-11-05",
                         "2025-02-14"};
  size_t docs = 0, bytes = 0, file = 0;
  std::ofstream out;
  while (bytes < mb * 1e6) {
    if (docs % 20000 == 0) {
      char name[32];
      std::snprintf(name, sizeof name, "bench-%03zu.jsonl", file++);
      out = std::ofstream(dir / name, std::ios::binary);
    }
    const Source& s = sources[rng() % sources.size()];
    size_t first = rng() % s.paragraphs.size();
    size_t n = 1 + rng() % 3;
    std::string text;
    for (size_t i = first; i < std::min(first + n, s.paragraphs.size()); ++i)
      text += s.paragraphs[i] + "\n\n";
    text += s.lang == "zh" ? "本文编号" + std::to_string(docs) + "。"
                           : "Brief number " + std::to_string(docs) + ".";
    nlohmann::json j = {{"id", "bench-" + std::to_string(docs)},
                        {"date", s.date.empty() ? dates[rng() % 4] : s.date},
                        {"lang", s.lang},
                        {"text", text}};
    out << j.dump() << "\n";
    bytes += text.size();
    ++docs;
  }
  return docs;
}

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t)
      .count();
}

int Die(const Status& st) {
  std::cerr << "ingest_bench: " << st.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 50;
  uint64_t seed = 1;
  size_t batch = 64;
  bool keep = false;
  fs::path dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "ingest_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--mb")
      mb = std::atof(next().c_str());
    else if (a == "--seed")
      seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--batch")
      batch = std::strtoul(next().c_str(), nullptr, 10);
    else if (a == "--dir")
      dir = next();
    else if (a == "--keep")
      keep = true;
    else {
      std::cerr << "usage: ingest_bench [--mb 50] [--seed 1] [--batch 64] "
                   "[--dir DIR] [--keep]\n";
      return 2;
    }
  }
  if (dir.empty())
    dir =
        fs::temp_directory_path() / ("newsgraph-bench-" + std::to_string(seed));
  fs::create_directories(dir / "corpus");
  fs::remove(dir / "bench.db");
  fs::remove(dir / "bench.db-wal");
  fs::remove(dir / "bench.db-shm");

  auto t = std::chrono::steady_clock::now();
  auto sources = LoadSources(fs::path(NEWSGRAPH_SOURCE_DIR) / "examples");
  size_t docs = Generate(sources, mb, seed, dir / "corpus");
  std::printf(
      "corpus: %zu documents, >= %.0f MB of text, generated in "
      "%.1f s (%s)\n",
      docs, mb, Since(t), (dir / "corpus").c_str());

  newsgraph::ResourceOptions ro;
  ro.resource_dir = NEWSGRAPH_SOURCE_DIR;
  auto res = newsgraph::Resources::Load(ro);
  if (!res.ok()) return Die(res.status());
  auto ex = newsgraph::Extractor::Create(*res);
  if (!ex.ok()) return Die(ex.status());
  newsgraph::StoreOptions so;
  so.resource_dir = NEWSGRAPH_SOURCE_DIR;
  auto store = newsgraph::GraphStore::Open((dir / "bench.db").string(), so);
  if (!store.ok()) return Die(store.status());

  newsgraph::IngestOptions io;
  io.batch_size = batch;
  auto sum = newsgraph::Ingest({(dir / "corpus").string()}, **ex, **store, io);
  if (!sum.ok()) return Die(sum.status());
  const auto& s = *sum;
  std::printf(
      "ingest: %zu documents (%zu failed), %.1f MB in %.1f s: %.3f MB/s, "
      "%.0f relations/s, %.0f documents/s\n",
      s.documents_new, s.documents_failed, s.bytes / 1e6, s.seconds,
      s.bytes / 1e6 / s.seconds, s.relations_extracted / s.seconds,
      s.documents_new / s.seconds);
  std::printf("store: %zu entities, %zu relations, %zu evidence rows\n",
              s.entities, s.relations, s.evidence);

  // Store only: re-write the first documents' extracted relations into a
  // fresh store, to separate the store's cost from extraction.
  std::vector<
      std::pair<newsgraph::StoredDocument, std::vector<newsgraph::Relation>>>
      cached;
  size_t cached_rows = 0;
  std::vector<newsgraph::InputProblem> problems;
  (void)newsgraph::ReadDocuments(
      (dir / "corpus" / "bench-000.jsonl").string(),
      [&](Document&& d) {
        auto out = (*ex)->Extract(d);
        if (!out.ok()) return Status::Ok();
        newsgraph::StoredDocument m;
        m.content_hash = newsgraph::ContentHash(d.text);
        m.doc_key = m.source = m.path = d.id;
        m.date = out->date;
        m.lang = d.lang;
        m.bytes = d.text.size();
        cached_rows += out->relations.size();
        cached.emplace_back(std::move(m), std::move(out->relations));
        return Status::Ok();
      },
      &problems);
  fs::remove(dir / "store-only.db");
  auto only = newsgraph::GraphStore::Open((dir / "store-only.db").string(), so);
  if (!only.ok()) return Die(only.status());
  t = std::chrono::steady_clock::now();
  for (size_t i = 0; i < cached.size(); i += batch) {
    if (Status st = (*only)->BeginBatch(); !st.ok()) return Die(st);
    for (size_t k = i; k < std::min(i + batch, cached.size()); ++k) {
      // As ingest does: the batch takes the document (no copy).
      auto r = (*only)->AddDocument(std::move(cached[k].first),
                                    std::move(cached[k].second));
      if (!r.ok()) return Die(r.status());
    }
    if (Status st = (*only)->CommitBatch(); !st.ok()) return Die(st);
  }
  double secs = Since(t);
  std::printf(
      "store only: %zu documents, %zu evidence rows in %.2f s: "
      "%.0f documents/s, %.0f evidence rows/s\n",
      cached.size(), cached_rows, secs, cached.size() / secs,
      cached_rows / secs);
  store->reset();
  only->reset();
  if (!keep) fs::remove_all(dir);
  return 0;
}
