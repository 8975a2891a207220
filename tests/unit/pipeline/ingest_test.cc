// The ingest pipeline: content hash, input walking, skip/fail accounting.
#include "newsgraph/ingest.h"

#include <catch2/catch.hpp>
#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "pipeline/sha256.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("newsgraph-ingest-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string File(const std::string& name) const {
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string HexOf(const std::array<uint8_t, 32>& digest) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 15];
  }
  return hex;
}

TEST_CASE("Sha256Hex matches the FIPS 180-4 test vectors", "[sha256]") {
  struct Case {
    const char* name;
    std::string input;
    const char* hex;
  };
  const std::vector<Case> cases = {
      {"empty", "",
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"one million a", std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {"55 bytes (padding fits)", std::string(55, 'x'), nullptr},
      {"56 bytes (padding spills)", std::string(56, 'x'), nullptr},
  };
  INFO("SHA extensions: " << pipeline::Sha256::HasShaExtensions());
  for (const Case& c : cases) {
    INFO(c.name);
    std::string one_shot = pipeline::Sha256Hex(c.input);
    if (c.hex) CHECK(one_shot == c.hex);
    CHECK(one_shot.size() == 64);
    for (auto engine : {pipeline::Sha256::Engine::kBest,
                        pipeline::Sha256::Engine::kPortable}) {
      // Fed whole, and in uneven pieces, the digest is the same.
      pipeline::Sha256 whole(engine);
      whole.Update(c.input);
      CHECK(HexOf(whole.Finish()) == one_shot);
      pipeline::Sha256 h(engine);
      for (size_t pos = 0, step = 1; pos < c.input.size();
           step = step * 3 % 97 + 1) {
        h.Update(std::string_view(c.input).substr(pos, step));
        pos += step;
      }
      CHECK(HexOf(h.Finish()) == one_shot);
    }
  }
  CHECK(ContentHash("abc") == pipeline::Sha256Hex("abc"));
}

TEST_CASE("Sha256's engines agree on every length and split", "[sha256]") {
  std::mt19937 rng(7);
  std::string data(3000, '\0');
  for (char& ch : data) ch = static_cast<char>(rng());
  for (size_t n = 0; n <= data.size(); n += (n < 200 ? 1 : 37)) {
    INFO("length " << n);
    const std::string_view in = std::string_view(data).substr(0, n);
    pipeline::Sha256 best(pipeline::Sha256::Engine::kBest);
    pipeline::Sha256 portable(pipeline::Sha256::Engine::kPortable);
    const size_t cut = n == 0 ? 0 : rng() % n;
    best.Update(in.substr(0, cut));
    best.Update(in.substr(cut));
    portable.Update(in);
    CHECK(HexOf(best.Finish()) == HexOf(portable.Finish()));
  }
}

TEST_CASE("GuessLanguage tells Chinese from English", "[ingest]") {
  struct Case {
    const char* text;
    const char* lang;
  };
  for (const Case& c : {
           Case{"Microsoft invested in OpenAI.", "en"},
           Case{"微软向OpenAI投资了130亿美元。", "zh"},
           Case{"The project is called 星际之门 in Chinese media, and it was "
                "announced at the White House by three companies.",
                "en"},
           Case{"2025-03-20 12:00", ""},
           Case{"", ""},
       }) {
    INFO(c.text);
    CHECK(GuessLanguage(c.text) == c.lang);
  }
}

TEST_CASE("CollectInputFiles walks directories in sorted order", "[ingest]") {
  TempDir dir;
  dir.Write("b/2.txt", "x");
  dir.Write("b/1.html", "x");
  dir.Write("a.txt", "x");
  dir.Write("a/z.jsonl", "{\"id\":\"1\",\"text\":\"t\"}\n");
  dir.Write("gold/g.jsonl", "{\"doc\":\"1\",\"subject\":\"A\"}\n");
  dir.Write("empty.jsonl", "\n\n");
  dir.Write("notes.md", "x");
  dir.Write(".hidden/x.txt", "x");
  dir.Write("b/.swap.txt", "x");
  std::vector<InputProblem> problems;
  size_t ignored = 0;
  auto files = CollectInputFiles(
      {dir.path(), dir.File("notes.md"), "-", dir.File("missing.txt")},
      &problems, &ignored);
  std::vector<std::string> want = {dir.File("a.txt"),    dir.File("a/z.jsonl"),
                                   dir.File("b/1.html"), dir.File("b/2.txt"),
                                   dir.File("notes.md"), "-"};
  CHECK(files == want);
  CHECK(ignored == 2);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message ==
        dir.File("missing.txt") + ": no such file or directory");
}

std::shared_ptr<const Resources> TestResources() {
  static std::shared_ptr<const Resources> res = [] {
    ResourceOptions o;
    o.resource_dir = NEWSGRAPH_SOURCE_DIR;
    auto r = Resources::Load(o);
    INFO(r.status().message());
    REQUIRE(r.ok());
    return *r;
  }();
  return res;
}

// A new store in `dir`, its schema from the source tree.
std::unique_ptr<GraphStore> OpenStore(const TempDir& dir,
                                      const std::string& name) {
  StoreOptions so;
  so.resource_dir = NEWSGRAPH_SOURCE_DIR;
  auto store = GraphStore::Open(dir.File(name), so);
  REQUIRE(store.ok());
  return std::move(store).value();
}

std::unique_ptr<Extractor> MakeExtractor() {
  auto ex = Extractor::Create(TestResources());
  REQUIRE(ex.ok());
  return std::move(ex).value();
}

// A temporary directory, the extractor and a new store "g.db" in it.
struct Fixture {
  TempDir dir;
  std::unique_ptr<Extractor> ex = MakeExtractor();
  std::unique_ptr<GraphStore> store = OpenStore(dir, "g.db");
};

TEST_CASE("Ingest stores new documents, skips stored ones, reports bad ones",
          "[ingest]") {
  Fixture f;
  TempDir& dir = f.dir;
  std::unique_ptr<GraphStore>& store = f.store;

  dir.Write("in/a.txt",
            "Acme news\n\nMarch 20, 2025\n\nMicrosoft invested in OpenAI.\n");
  dir.Write("in/bad.txt", "Microsoft invested in OpenAI \xff today.\n");
  dir.Write("in/c.jsonl",
            "{\"id\":\"c1\",\"text\":\"Amazon invested in Anthropic.\","
            "\"date\":\"2024-11-22\"}\n{oops\n"
            "{\"id\":\"c3\",\"text\":\"Microsoft invested in OpenAI.\"}\n");

  struct Run {
    const char* name;
    size_t new_docs, skipped, failed;
  };
  // a.txt, c1 and c3 are three distinct texts (a.txt has a header).
  for (const Run& run : {Run{"first", 3, 0, 2}, Run{"second", 0, 3, 2}}) {
    INFO(run.name);
    IngestOptions io;
    io.batch_size = 2;
    std::vector<std::string> seen_problems;
    size_t progress_calls = 0;
    io.on_problem = [&](const InputProblem& p) {
      seen_problems.push_back(p.message);
    };
    io.progress = [&](const IngestSummary&) { ++progress_calls; };
    auto s = Ingest({dir.File("in")}, *f.ex, *store, io);
    INFO(s.status().message());
    REQUIRE(s.ok());
    CHECK(s->documents_new == run.new_docs);
    CHECK(s->documents_skipped == run.skipped);
    CHECK(s->documents_failed == run.failed);
    CHECK(s->files == 3);
    CHECK(s->had_errors());
    CHECK(progress_calls >= 4);
    REQUIRE(seen_problems.size() == 2);
    CHECK_THAT(seen_problems[0], Catch::Contains(dir.File("in/bad.txt") +
                                                 ": invalid UTF-8 at byte 29"));
    CHECK(seen_problems[1] == dir.File("in/c.jsonl") + ":2: not valid JSON");
    if (run.new_docs == 0) {
      CHECK(s->evidence == 0);
      CHECK(s->entities == 0);
    } else {
      CHECK(s->evidence > 0);
    }
  }
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 3);
  CHECK(store->Verify().ok());
}

TEST_CASE("A load into an empty store commits bulk_commit_documents at a time",
          "[ingest]") {
  Fixture f;
  TempDir& dir = f.dir;
  std::unique_ptr<GraphStore>& store = f.store;
  // Twelve distinct documents in each of two corpora.
  for (const char* name : {"one", "two"}) {
    std::string lines;
    for (int i = 0; i < 12; ++i)
      lines += std::string("{\"id\":\"") + name + std::to_string(i) +
               "\",\"text\":\"Microsoft invested in OpenAI (" + name +
               std::to_string(i) + ").\"}\n";
    dir.Write(std::string(name) + ".jsonl", lines);
  }
  // The documents counted as new are those committed: the totals the
  // progress callback sees tell when the commits came.
  auto commits = [&](const std::string& file, size_t every) {
    IngestOptions io;
    io.batch_size = 2;
    io.bulk_commit_documents = every;
    std::vector<size_t> seen;
    io.progress = [&](const IngestSummary& s) {
      if (seen.empty() || seen.back() != s.documents_new)
        seen.push_back(s.documents_new);
    };
    auto s = Ingest({dir.File(file)}, *f.ex, *store, io);
    INFO(s.status().message());
    REQUIRE(s.ok());
    CHECK(s->documents_new == 12);
    return seen;
  };
  // Empty store: batches of 2 written into one transaction until it holds
  // 5 or more documents (6, then the last 6 at the end).
  CHECK(commits("one.jsonl", 5) == std::vector<size_t>{0, 6, 12});
  // The store holds documents now: not a bulk load, every batch commits.
  CHECK(commits("two.jsonl", 5) ==
        std::vector<size_t>{0, 2, 4, 6, 8, 10, 12});
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 24);
  CHECK(store->Verify().ok());

  // 0: a bulk load too commits every batch.
  store = OpenStore(dir, "h.db");
  CHECK(commits("one.jsonl", 0) == std::vector<size_t>{0, 2, 4, 6, 8, 10, 12});
}

}  // namespace
}  // namespace newsgraph
