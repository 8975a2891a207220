// Fuzzes the text layer: UTF-8 checking and repair, NFKC_Casefold
// normalization with its alignment map, and sentence splitting.
// Invariants: repair yields well-formed UTF-8 and leaves valid input alone;
// the alignment is monotonic, stays inside the source and lands on code
// point boundaries; sentence spans are ordered, non-empty, inside the text,
// on code point boundaries, and the same on a second run.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/utf8.h"

using namespace newsgraph;
using newsgraph::fuzz::CheckSpan;
using newsgraph::fuzz::OnBoundary;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto normalizer =
      fuzz::MustOk(text::Normalizer::Create(), "normalizer");
  static const auto splitter =
      fuzz::MustOk(text::SentenceSplitter::Create(), "sentence splitter");

  std::string_view raw(reinterpret_cast<const char*>(data), size);

  // UTF-8 check and repair.
  size_t bad = text::FindInvalidUtf8(raw);
  std::vector<size_t> replaced;
  std::string s = text::ReplaceInvalidUtf8(raw, &replaced);
  FUZZ_CHECK(text::FindInvalidUtf8(s) == std::string_view::npos, "repaired");
  if (bad == std::string_view::npos) {
    FUZZ_CHECK(s == raw, "valid input changed by repair");
    FUZZ_CHECK(replaced.empty(), "valid input reported replaced");
  } else {
    FUZZ_CHECK(!replaced.empty() && replaced.front() == bad,
               "first replaced offset is the first invalid byte");
  }
  for (size_t i = 1; i < replaced.size(); ++i)
    FUZZ_CHECK(replaced[i - 1] < replaced[i], "replaced offsets increase");
  // Decoding walks the repaired text code point by code point.
  size_t count = 0;
  for (size_t pos = 0; pos < s.size(); ++count) {
    text::Decoded d = text::DecodeUtf8(s, pos);
    FUZZ_CHECK(d.valid && d.length >= 1 && pos + d.length <= s.size(),
               "decode of valid text");
    if (pos > 0)
      FUZZ_CHECK(text::PreviousCodePointStart(s, pos + d.length) == pos,
                 "previous code point start");
    pos += d.length;
  }
  FUZZ_CHECK(count == text::CountCodePoints(s), "code point count");
  FUZZ_CHECK(text::IsAscii(s) == (count == s.size()), "IsAscii");

  // Normalization and alignment.
  text::Normalized n = normalizer->Normalize(s);
  FUZZ_CHECK(n.source_size() == s.size(), "source size");
  FUZZ_CHECK(text::FindInvalidUtf8(n.text) == std::string_view::npos,
             "normalized text is UTF-8");
  size_t prev_begin = 0, prev_end = 0;
  for (size_t i = 0; i <= n.text.size(); ++i) {
    size_t b = n.SourceBegin(i), e = n.SourceEnd(i);
    FUZZ_CHECK(b <= s.size() && e <= s.size(), "alignment inside the source");
    FUZZ_CHECK(b >= prev_begin && e >= prev_end, "alignment monotonic");
    prev_begin = b;
    prev_end = e;
    if (OnBoundary(n.text, i)) {
      FUZZ_CHECK(OnBoundary(s, b), "SourceBegin on a code point boundary");
      FUZZ_CHECK(OnBoundary(s, e), "SourceEnd on a code point boundary");
    }
    if (i < n.text.size()) FUZZ_CHECK(b < n.SourceEnd(i + 1), "b < e");
  }
  FUZZ_CHECK(n.SourceBegin(n.text.size()) == s.size(), "end maps to end");
  FUZZ_CHECK(n.SourceEnd(0) == 0, "SourceEnd(0)");

  // Sentences.
  std::vector<text::Span> spans = splitter->Split(s, 7);
  size_t last = 7;
  for (const text::Span& sp : spans) {
    FUZZ_CHECK(sp.begin >= last && sp.begin < sp.end, "sentences ordered");
    CheckSpan(s, sp.begin - 7, sp.end - 7, "sentence span");
    last = sp.end;
  }
  FUZZ_CHECK(splitter->Split(s, 7) == spans, "split deterministic");
  return 0;
}
