// OrderedExtraction: results in input order, the same for every thread
// count; a failing callback stops the run.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "newsgraph/extractor.h"
#include "shared_extractor.h"

using namespace newsgraph;

namespace {

// Documents of varied length; every seventh has a broken UTF-8 byte and
// fails, so errors must keep their place too.
std::vector<Document> Corpus() {
  const std::vector<std::string> sentences = {
      "微软宣布以50亿美元收购英伟达。",
      "Google and Anthropic announced a partnership on chips.",
      "Nothing in this sentence names a company.",
      "英特尔起诉了高通。",
      "Amazon invested $4 billion in Anthropic last year.",
  };
  std::vector<Document> docs;
  for (int i = 0; i < 60; ++i) {
    Document d;
    d.id = "doc-" + std::to_string(i);
    d.date = "2025-03-01";
    for (int k = 0; k <= i % 9; ++k) d.text += sentences[(i + k) % 5] + "\n";
    if (i % 7 == 3) d.text += "\xC3(\n";
    docs.push_back(std::move(d));
  }
  return docs;
}

// A callback that records each delivered document as one line.
OrderedExtraction::Done Recorder(std::vector<std::string>* seen) {
  return [seen](Document& d, Result<Extractor::Output>& r) {
    std::string line = d.id + ":";
    if (!r.ok()) {
      line += " error " + r.status().message();
    } else {
      for (const auto& rel : r->relations) line += " " + ToJsonLine(rel);
    }
    seen->push_back(line);
    return Status::Ok();
  };
}

// What a run delivers, one line per document.
std::vector<std::string> RunWith(int threads) {
  std::vector<std::string> seen;
  OrderedExtraction run(testing::SharedExtractor(), threads, Recorder(&seen));
  for (auto& d : Corpus()) REQUIRE(run.Add(std::move(d)).ok());
  REQUIRE(run.Finish().ok());
  return seen;
}

}  // namespace

TEST_CASE("ordered extraction delivers in input order for any thread count") {
  std::vector<std::string> one = RunWith(0);  // on this thread
  REQUIRE(one.size() == 60);
  for (size_t i = 0; i < one.size(); ++i)
    CHECK(one[i].rfind("doc-" + std::to_string(i) + ":", 0) == 0);
  size_t errors = 0, with_relations = 0;
  for (const auto& l : one) {
    if (l.find(" error ") != std::string::npos) ++errors;
    if (l.find("\"relation\"") != std::string::npos) ++with_relations;
  }
  CHECK(errors == 9);
  CHECK(with_relations > 20);
  CHECK(RunWith(1) == one);
  CHECK(RunWith(2) == one);
  CHECK(RunWith(4) == one);
}

TEST_CASE("ordered extraction stops at the first failing callback") {
  for (int threads : {0, 1, 3}) {
    std::vector<std::string> seen;
    OrderedExtraction run(testing::SharedExtractor(), threads,
                          [&](Document& d, Result<Extractor::Output>&) {
                            seen.push_back(d.id);
                            if (seen.size() == 5)
                              return Status::DataError("stop at " + d.id);
                            return Status::Ok();
                          });
    Status st = Status::Ok();
    for (auto& d : Corpus()) {
      st = run.Add(std::move(d));
      if (!st.ok()) break;
    }
    if (st.ok()) st = run.Finish();
    REQUIRE_FALSE(st.ok());
    CHECK(st.message() == "stop at doc-4");
    CHECK(seen.size() == 5);
  }
}

TEST_CASE("ordered extraction passes documents through unextracted on request") {
  std::vector<size_t> counts;
  OrderedExtraction run(testing::SharedExtractor(), 2,
                        [&](Document&, Result<Extractor::Output>& r) {
                          REQUIRE(r.ok());
                          counts.push_back(r->relations.size());
                          return Status::Ok();
                        });
  Document d;
  d.id = "a";
  d.text = "微软宣布以50亿美元收购英伟达。";
  Document copy = d;
  REQUIRE(run.Add(std::move(d), true).ok());
  REQUIRE(run.Add(std::move(copy), false).ok());
  REQUIRE(run.Finish().ok());
  REQUIRE(counts.size() == 2);
  CHECK(counts[0] > 0);
  CHECK(counts[1] == 0);
}

TEST_CASE("ordered extraction keeps at most `window` documents in flight") {
  const std::vector<std::string> one = RunWith(0);
  for (size_t window : {size_t(1), size_t(5), size_t(200)}) {
    std::vector<std::string> seen;
    size_t added = 0, most = 0;
    OrderedExtraction run(testing::SharedExtractor(), 2, Recorder(&seen),
                          window);
    for (auto& d : Corpus()) {
      REQUIRE(run.Add(std::move(d)).ok());
      ++added;
      most = std::max(most, added - seen.size());  // queued, not delivered
    }
    REQUIRE(run.Finish().ok());
    INFO("window " << window);
    CHECK(most < window);
    CHECK(seen == one);
  }
}

TEST_CASE("ordered extraction's Finish delivers a partial batch and goes on") {
  const std::vector<std::string> one = RunWith(0);
  for (int threads : {0, 2}) {
    INFO("threads " << threads);
    std::vector<std::string> seen;
    OrderedExtraction run(testing::SharedExtractor(), threads,
                          Recorder(&seen));
    std::vector<Document> docs = Corpus();
    size_t added = 0;
    // Pauses after 1, 3 and 10 documents (fewer than a batch each time).
    for (size_t pause : {size_t(1), size_t(3), size_t(10)}) {
      for (; added < pause; ++added)
        REQUIRE(run.Add(std::move(docs[added])).ok());
      REQUIRE(run.Finish().ok());
      CHECK(seen.size() == pause);
    }
    for (; added < docs.size(); ++added)
      REQUIRE(run.Add(std::move(docs[added])).ok());
    REQUIRE(run.Finish().ok());
    CHECK(seen == one);
  }
}

TEST_CASE("ordered extraction with an extracting caller delivers the same") {
  // A small window keeps the caller finding it full with batches not yet
  // claimed: it extracts them itself, between the workers' batches.
  const std::vector<std::string> one = RunWith(0);
  for (int threads : {1, 2}) {
    for (size_t window : {size_t(1), size_t(3), size_t(200)}) {
      INFO("threads " << threads << ", window " << window);
      std::vector<std::string> seen;
      size_t added = 0, most = 0;
      OrderedExtraction run(testing::SharedExtractor(), threads,
                            Recorder(&seen), window,
                            /*caller_extracts=*/true);
      std::vector<Document> docs = Corpus();
      for (auto& d : docs) {
        REQUIRE(run.Add(std::move(d)).ok());
        ++added;
        most = std::max(most, added - seen.size());
        // A pause half-way: Finish extracts what is left, here too.
        if (added == 30) {
          REQUIRE(run.Finish().ok());
          CHECK(seen.size() == 30);
        }
      }
      REQUIRE(run.Finish().ok());
      CHECK(most < window);
      CHECK(seen == one);
    }
  }
}
