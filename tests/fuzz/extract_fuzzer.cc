// Fuzzes whole-document extraction with the default resources (loaded once).
// The first input byte chooses the document kind (page or clean text), a
// publication date (none or one of a few) and --replace-invalid; the rest is
// the text. Invariants: invalid UTF-8 fails the document with a message
// naming it, or is repaired when asked; every evidence span lies inside the
// text, on code point boundaries, and holds exactly the evidence sentence;
// mentions are inside their sentence; relation dates are valid ISO dates;
// extraction is deterministic, and a batch of the document twice
// (Extractor::ExtractBatch) gives each copy the same JSON lines.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "fuzz_common.h"
#include "newsgraph/extractor.h"
#include "text/utf8.h"

using namespace newsgraph;

namespace {

const Extractor& Get(bool replace) {
  static const std::shared_ptr<const Resources> res = [] {
    ResourceOptions o;
    o.resource_dir = fuzz::ResourceDir();
    return fuzz::MustOk(Resources::Load(o), "resources");
  }();
  static const std::unique_ptr<Extractor> strict =
      fuzz::MustOk(Extractor::Create(res), "extractor");
  static const std::unique_ptr<Extractor> lenient = [] {
    ExtractOptions o;
    o.replace_invalid_utf8 = true;
    return fuzz::MustOk(Extractor::Create(res, o), "extractor");
  }();
  return replace ? *lenient : *strict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* const kDates[] = {"", "2025-03-19", "2024-02-29",
                                       "1999-12-31"};
  Document doc;
  doc.id = "fuzz-doc";
  doc.kind = (data[0] & 1) ? Document::Kind::kClean : Document::Kind::kPage;
  doc.date = kDates[(data[0] >> 1) & 3];
  const bool replace = data[0] & 8;
  doc.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool valid =
      text::FindInvalidUtf8(doc.text) == std::string_view::npos;

  const Extractor& ex = Get(replace);
  auto out = ex.Extract(doc);
  if (!valid && !replace) {
    FUZZ_CHECK(!out.ok(), "invalid UTF-8 accepted");
    // A UTF-16 byte-order mark (never valid UTF-8) is named as such.
    const bool bom = doc.text.size() >= 2 &&
                     ((doc.text[0] == '\xFF' && doc.text[1] == '\xFE') ||
                      (doc.text[0] == '\xFE' && doc.text[1] == '\xFF'));
    FUZZ_CHECK(out.status().message().rfind(
                   bom ? "fuzz-doc: UTF-16 text" : "fuzz-doc: invalid UTF-8", 0) == 0,
               out.status().message());
    return 0;
  }
  FUZZ_CHECK(out.ok(), out.status().message());
  const std::string text =
      valid ? doc.text : text::ReplaceInvalidUtf8(doc.text, nullptr);
  std::vector<std::string> lines;
  for (const Relation& r : out->relations) {
    const Evidence& e = r.evidence;
    fuzz::CheckSpan(text, e.start, e.end, "evidence span");
    FUZZ_CHECK(text.compare(e.start, e.end - e.start, e.sentence) == 0,
               "evidence sentence is the text at its span");
    FUZZ_CHECK(r.doc == doc.id, r.doc);
    for (const EntityRef* ref : {&r.subject, &r.object}) {
      FUZZ_CHECK(!ref->name.empty() && !ref->type.empty(), r.rule);
      FUZZ_CHECK(text::FindInvalidUtf8(ref->name) == std::string_view::npos,
                 ref->name);
    }
    if (!r.attrs.date.empty()) {
      auto d = base::Date::ParseIso(r.attrs.date);
      FUZZ_CHECK(d && d->ToIso() == r.attrs.date, r.attrs.date);
    }
    lines.push_back(ToJsonLine(r));
  }
  // Again, twice in one batch (the rules pattern by pattern over both
  // copies' sentences): the same relations as one at a time.
  const Document* const twice[] = {&doc, &doc};
  auto batch = ex.ExtractBatch(twice);
  FUZZ_CHECK(batch.size() == 2, "one result a document");
  for (auto& again : batch) {
    FUZZ_CHECK(again.ok(), "second run failed");
    FUZZ_CHECK(again->relations.size() == lines.size(), "batch = one at a time");
    for (size_t i = 0; i < lines.size(); ++i)
      FUZZ_CHECK(ToJsonLine(again->relations[i]) == lines[i],
                 "batch = one at a time");
    FUZZ_CHECK(again->warnings == out->warnings, "deterministic warnings");
  }
  return 0;
}
