// Extractor::ExtractBatch (the rules run pattern by pattern over several
// documents' sentences) gives every document what Extract gives it.
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "newsgraph/extractor.h"
#include "newsgraph/input.h"
#include "shared_extractor.h"

using namespace newsgraph;

namespace {

// Everything a result says, as text.
std::string Describe(const Result<Extractor::Output>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  std::string s = "date " + r->date + "\n";
  for (const auto& w : r->warnings) s += "warning " + w + "\n";
  for (const auto& rel : r->relations) s += ToJsonLine(rel) + "\n";
  return s;
}

Document Doc(std::string id, std::string text, std::string date = "2025-03-20") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.date = std::move(date);
  d.kind = Document::Kind::kClean;
  return d;
}

// A rename stated in one sentence, then a pronoun ("its ... partners")
// whose antecedent is the renamed body: it means the new name.
Document RenameThenPronoun() {
  return Doc("rename",
             "The Global AI Infrastructure Investment Partnership was renamed "
             "the AI Infrastructure Partnership on Wednesday. GE Vernova and "
             "Microsoft will act as its energy partners.\n");
}

// The examples, the bundled corpus, and documents that fail or need care.
std::vector<Document> Documents() {
  std::vector<Document> docs;
  const std::string root = NEWSGRAPH_SOURCE_DIR;
  std::vector<std::string> paths = {root + "/examples/corpus.jsonl"};
  for (const char* dir : {"/examples/en", "/examples/zh"})
    for (const auto& e : std::filesystem::directory_iterator(root + dir))
      paths.push_back(e.path().string());
  std::sort(paths.begin() + 1, paths.end());
  for (const auto& p : paths) {
    std::vector<InputProblem> problems;
    REQUIRE(ReadDocuments(p,
                          [&](Document&& d) {
                            docs.push_back(std::move(d));
                            return Status::Ok();
                          },
                          &problems)
                .ok());
    REQUIRE(problems.empty());
  }
  REQUIRE(docs.size() > 10);
  // Interleaved with the others, so that their sentences share a batch.
  std::vector<Document> extra;
  extra.push_back(RenameThenPronoun());
  extra.push_back(Doc("broken", "微软宣布收购英伟达。\xC3(\n"));
  extra.push_back(Doc("empty", ""));
  extra.push_back(Doc("bad-date", "Google invested in Anthropic.\n", "2025-13-45"));
  Document unknown_type = Doc("unknown-type", "Foo Labs sued Google.\n");
  unknown_type.entities.push_back({"Foo Labs", "no-such-type", {}});
  extra.push_back(std::move(unknown_type));
  extra.push_back(Doc("one-mention", "Google said nothing.\n"));
  // Over 1 MiB: extracted sentence by sentence even in a batch.
  std::string long_text;
  while (long_text.size() <= (size_t(1) << 20)) long_text += docs[long_text.size() % docs.size()].text + "\n";
  extra.push_back(Doc("long", std::move(long_text)));
  for (size_t i = 0; i < extra.size(); ++i)
    docs.insert(docs.begin() + std::min(docs.size(), 2 * i + 1),
                std::move(extra[i]));
  return docs;
}

}  // namespace

TEST_CASE("a batch gives each document what Extract gives it") {
  const Extractor& ex = testing::SharedExtractor();
  const std::vector<Document> docs = Documents();
  std::vector<const Document*> all;
  for (const auto& d : docs) all.push_back(&d);
  const auto batch = ex.ExtractBatch(all);
  REQUIRE(batch.size() == docs.size());
  size_t relations = 0, errors = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    INFO(docs[i].id);
    const auto one = ex.Extract(docs[i]);
    CHECK(Describe(batch[i]) == Describe(one));
    if (one.ok()) relations += one->relations.size();
    else ++errors;
  }
  CHECK(errors == 3);  // broken UTF-8, the bad date, the unknown type
  CHECK(relations > 200);

  // Batches of every size from one to four documents agree as well.
  for (size_t size = 1; size <= 4; ++size) {
    for (size_t first = 0; first + size <= all.size(); first += size) {
      std::span<const Document* const> part(all.data() + first, size);
      const auto results = ex.ExtractBatch(part);
      REQUIRE(results.size() == size);
      for (size_t k = 0; k < size; ++k) {
        INFO(docs[first + k].id << " in a batch of " << size);
        CHECK(Describe(results[k]) == Describe(batch[first + k]));
      }
    }
  }
  CHECK(ex.ExtractBatch({}).empty());
}

TEST_CASE("a batch follows a rename to a later pronoun") {
  // The rules of the first sentence rename the body; the pronoun of the
  // second, resolved before the rules ran, must still mean the new name.
  const Extractor& ex = testing::SharedExtractor();
  const Document rename = RenameThenPronoun();
  const Document other = Doc("other", "Amazon invested $4 billion in Anthropic.\n");
  const std::vector<const Document*> docs = {&other, &rename, &other};
  const auto results = ex.ExtractBatch(docs);
  REQUIRE(results.size() == 3);
  REQUIRE(results[1].ok());
  std::vector<std::string> partners;
  for (const auto& r : results[1]->relations)
    if (r.relation == "partner_of" && r.object.coreference)
      partners.push_back(r.subject.name + " -> " + r.object.name);
  CHECK(partners ==
        std::vector<std::string>{"GE Vernova -> AIP", "Microsoft -> AIP"});
  CHECK(Describe(results[0]) == Describe(results[2]));
}

TEST_CASE("buffers reused from earlier sentences and documents change nothing") {
  // A thread keeps working space (the dictionary's candidates, ...) from
  // document to document, and Extract one sentence record from sentence
  // to sentence. A new thread starts with none: its first batch gets fresh
  // buffers, every later call reused ones, filled before by other
  // sentences (longer, shorter, with other mentions).
  const Extractor& ex = testing::SharedExtractor();
  const std::vector<Document> docs = Documents();
  std::vector<const Document*> forward, backward;
  for (const auto& d : docs) forward.push_back(&d);
  backward.assign(forward.rbegin(), forward.rend());
  std::vector<std::string> fresh, reused_batch, reused_one;
  std::thread worker([&] {
    for (const auto& r : ex.ExtractBatch(forward)) fresh.push_back(Describe(r));
    for (const auto& r : ex.ExtractBatch(backward))
      reused_batch.push_back(Describe(r));
    for (const Document* d : forward) reused_one.push_back(Describe(ex.Extract(*d)));
  });
  worker.join();
  REQUIRE(fresh.size() == docs.size());
  REQUIRE(reused_batch.size() == docs.size());
  REQUIRE(reused_one.size() == docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    INFO(docs[i].id);
    CHECK(reused_batch[docs.size() - 1 - i] == fresh[i]);
    CHECK(reused_one[i] == fresh[i]);
  }
}
