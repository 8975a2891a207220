// Fuzzes the JSON Lines corpus reader (ReadDocuments on a *.jsonl file).
// Invariants: every problem names "file:line" of a line that exists; every
// document read has an id; a document written back as a JSON line parses
// to the same document (round trip); on every line of the input, simdjson's
// fast path, where it takes the line, reads the same document as the
// nlohmann reference.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_common.h"
#include "newsgraph/input.h"
#include "pipeline/corpus_line.h"

using namespace newsgraph;

namespace {

std::string TempPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/newsgraph-fuzz-" +
           std::to_string(getpid()) + ".jsonl";
  }();
  return path;
}

std::string ToLine(const Document& d) {
  nlohmann::json j;
  j["id"] = d.id;
  j["text"] = d.text;
  j["date"] = d.date;
  j["title"] = d.title;
  j["url"] = d.url;
  j["lang"] = d.lang;
  j["entities"] = nlohmann::json::array();
  for (const auto& e : d.entities)
    j["entities"].push_back(
        {{"name", e.name}, {"type", e.type}, {"aliases", e.aliases}});
  // Throws on invalid UTF-8, which the reader never lets through.
  return j.dump();
}

bool Same(const Document& a, const Document& b) {
  if (a.id != b.id || a.text != b.text || a.date != b.date ||
      a.title != b.title || a.url != b.url || a.lang != b.lang ||
      a.entities.size() != b.entities.size())
    return false;
  for (size_t i = 0; i < a.entities.size(); ++i)
    if (a.entities[i].name != b.entities[i].name ||
        a.entities[i].type != b.entities[i].type ||
        a.entities[i].aliases != b.entities[i].aliases)
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = TempPath();
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  size_t lines = 1;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';

  std::vector<Document> docs;
  std::vector<InputProblem> problems;
  Status st = ReadDocuments(
      path,
      [&](Document&& d) {
        docs.push_back(std::move(d));
        return Status::Ok();
      },
      &problems);
  std::remove(path.c_str());
  FUZZ_CHECK(st.ok(), st.message());
  for (const auto& p : problems) {
    FUZZ_CHECK(p.where.rfind(path + ":", 0) == 0, p.where);
    size_t line = std::stoul(p.where.substr(path.size() + 1));
    FUZZ_CHECK(line >= 1 && line <= lines, p.where);
    FUZZ_CHECK(p.message.rfind(p.where + ": ", 0) == 0, p.message);
  }
  // Each line (as the reader trims it) by both parsers.
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (auto fast = pipeline::ParseCorpusLineFast(line, "f:1")) {
      auto ref = pipeline::ParseCorpusLineReference(line, "f:1");
      FUZZ_CHECK(ref.ok(), "fast path took a line the reference rejects: " +
                               ref.status().message());
      FUZZ_CHECK(Same(*fast, *ref), "fast path read another document");
    }
  }
  for (const Document& d : docs) {
    FUZZ_CHECK(!d.id.empty(), "document without id");
    FUZZ_CHECK(d.kind == Document::Kind::kClean, "corpus lines are clean");
    std::string line = ToLine(d);
    FUZZ_CHECK(line.find('\n') == std::string::npos, "one line");
    auto back = ParseCorpusLine(line, "roundtrip:1");
    FUZZ_CHECK(back.ok(), back.status().message());
    FUZZ_CHECK(Same(*back, d), "round trip: " + line);
  }
  return 0;
}
