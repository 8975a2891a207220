#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "newsgraph/input.h"
#include "pipeline/corpus_line.h"

using namespace newsgraph;
using pipeline::ParseCorpusLineFast;
using pipeline::ParseCorpusLineReference;

namespace {

bool Same(const Document& a, const Document& b) {
  return a.id == b.id && a.text == b.text && a.date == b.date &&
         a.title == b.title && a.url == b.url && a.lang == b.lang &&
         a.kind == b.kind && a.entities.size() == b.entities.size();
}

}  // namespace

TEST_CASE("corpus line: the fast path reads what the reference reads") {
  const std::string line =
      R"({"id": "a-1", "date": "2025-03-20", "lang": "zh", "title": "T \"q\"",)"
      R"( "url": null, "text": "微软与英伟达\n合作。\u00e9 \/x", "extra": [1, {"k": 2.5e300}]})";
  auto fast = ParseCorpusLineFast(line, "f:1");
  REQUIRE(fast);
  auto ref = ParseCorpusLineReference(line, "f:1");
  REQUIRE(ref.ok());
  CHECK(Same(*fast, *ref));
  CHECK(fast->text == "微软与英伟达\n合作。\xc3\xa9 /x");
  CHECK(fast->id == "a-1");
  CHECK(fast->title == "T \"q\"");
  CHECK(fast->url.empty());
  CHECK(fast->kind == Document::Kind::kClean);
  // Integer ids, absent and empty ids.
  fast = ParseCorpusLineFast(R"({"id": -42, "text": "x"})", "f:2");
  REQUIRE(fast);
  CHECK(fast->id == "-42");
  fast = ParseCorpusLineFast(R"({"text": "x"})", "f:3");
  REQUIRE(fast);
  CHECK(fast->id == "f:3");
  fast = ParseCorpusLineFast(R"({"id": "", "text": "x", "entities": null})", "f:4");
  REQUIRE(fast);
  CHECK(fast->id == "f:4");
}

TEST_CASE("corpus line: what the fast path leaves to the reference") {
  const char* lines[] = {
      R"({"text": "a", "text": "b"})",                    // repeated field
      R"({"id": "x", "id": "y", "text": "a"})",
      R"({"text": "a", "entities": []})",                 // entities
      "{\"text\": \"a\x01b\"}",                           // a control byte
      "{\"text\":\t\"a\"}",                                // even a tab
      R"({"text": "\ud800"})",                            // lone surrogates
      R"({"text": "\uDC00x"})",
      R"({"text": "\ud83d\ude00"})",                      // even a pair
      R"({"id": 18446744073709551615, "text": "a"})",     // not an int64
      R"({"id": 1.0, "text": "a"})",
      R"({"id": true, "text": "a"})",
      R"({"date": 20250320, "text": "a"})",
      R"({"text": null})",
      R"({"text": 5})",
      R"({"title": "t"})",                                // no text
      R"(["text", "a"])",                                 // not an object
      R"({"text": "a"} x)",                               // trailing bytes
      R"({"text": "a",})",
      "{\"text\": \"\xff\"}",                              // not UTF-8
      "\xef\xbb\xbf{\"text\": \"a\"}",                    // byte-order mark
      "",
  };
  for (const char* line : lines) {
    INFO(line);
    CHECK_FALSE(ParseCorpusLineFast(line, "f:1"));
    // The public entry point still reads or reports it (the reference).
    auto got = ParseCorpusLine(line, "f:1");
    auto ref = ParseCorpusLineReference(line, "f:1");
    REQUIRE(got.ok() == ref.ok());
    if (ref.ok()) CHECK(Same(*got, *ref));
    else CHECK(got.status().message() == ref.status().message());
  }
}

TEST_CASE("corpus line: random lines, the fast path never disagrees") {
  // Lines built from pieces that tell JSON parsers apart: escapes,
  // surrogates, raw and broken UTF-8, control bytes, big and odd numbers,
  // repeated and unknown fields, nesting; then some bytes mutated.
  const std::vector<std::string> keys = {"id", "text", "date", "title", "url",
                                         "lang", "entities", "other", "te\\u0078t"};
  const std::vector<std::string> good = {
      "a", "微软", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u4e2d",
      "\\u0000", "\xc3\xa9", "\xf0\x9f\x98\x80", " ", "\x7f", "{}[],:"};
  const std::vector<std::string> bad = {
      "\\ud83d\\ude00", "\\ud800", "\\udc00", "\xff", "\xc3",
      "\xed\xa0\x80", "\x01", "\t", "\\x", "\\u12"};
  const std::vector<std::string> scalars = {
      "0", "-1", "42", "9223372036854775807", "9223372036854775808",
      "18446744073709551616", "1.5", "1e400", "-0", "01", "true", "false",
      "null", "[]", "{}", "[1,[2,{\"a\":null}]]", "{\"text\":\"x\"}"};
  std::mt19937 rng(20261129);
  auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
  auto str = [&] {
    std::string s = "\"";
    const int n = int(rng() % 5);
    for (int k = 0; k < n; ++k) s += rng() % 8 ? pick(good) : pick(bad);
    return s + "\"";
  };
  int taken = 0, agreed_rejections = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line = "{";
    const int fields = int(rng() % 5);
    for (int k = 0; k < fields; ++k) {
      if (k) line += rng() % 8 ? ", " : ",";
      line += "\"" + pick(keys) + "\":";
      line += rng() % 3 ? str() : pick(scalars);
    }
    if (rng() % 2) line += std::string(fields ? ", " : "") + "\"text\": " + str();
    line += "}";
    if (rng() % 5 == 0) {  // mutate a byte
      const size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0: line.erase(at, 1); break;
        case 1: line.insert(at, 1, char(rng() % 256)); break;
        default: line[at] = char(rng() % 256); break;
      }
    }
    INFO(line);
    auto fast = ParseCorpusLineFast(line, "f:1");
    auto ref = ParseCorpusLineReference(line, "f:1");
    if (fast) {
      ++taken;
      REQUIRE(ref.ok());
      REQUIRE(Same(*fast, *ref));
    } else if (!ref.ok()) {
      ++agreed_rejections;
    }
  }
  INFO("taken " << taken << ", both rejected " << agreed_rejections);
  CHECK(taken > 2000);             // the fast path does the work (2,617)
  CHECK(agreed_rejections > 3000);  // and the reference decides errors (16,150)
}
