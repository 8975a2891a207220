// NFKC_Casefold normalization with an alignment map back to the source.
//
// Rules and dictionaries match against the normalized text (full-width forms
// folded to ASCII, case folded, compatibility characters decomposed), while
// spans reported to users must index the original bytes; Normalized carries
// both and maps one to the other.
#ifndef NEWSGRAPH_TEXT_NORMALIZER_H_
#define NEWSGRAPH_TEXT_NORMALIZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/status.h"

namespace newsgraph::text {

// The result of Normalizer::Normalize: the normalized text and the alignment
// between it and the source it was made from.
//
// The source is cut into segments at normalization boundaries. A segment is
// either "linear" (its output has the same bytes as its input, or ASCII
// case-folded bytes, so offsets map one to one) or "opaque" (its output maps
// as a whole to its input, e.g. "ﬁ" -> "fi", "e" + U+0301 -> "é"). Memory is
// O(number of opaque segments + number of linear runs).
//
// Immutable after Normalize returns; safe to share between threads.
struct Normalized {
  // The ICU NFKC_Casefold output of the source: "ＡＢＣ" -> "abc",
  // "，（）：；！？" -> ",():;!?"; 、。“” stay; spaces are kept. Then
  // Traditional Chinese characters are folded to Simplified one for one
  // (ICU "Hant-Hans", characters U+3400..U+9FFF only, same byte length), so
  // that 軟銀 reads 软银 for the dictionary and the rules.
  std::string text;

  // Start in the source of the smallest source span producing text byte
  // `norm_offset`: exact in linear segments, the segment start in opaque ones.
  // Returns the source size when norm_offset >= text.size(). Non-decreasing
  // in norm_offset; always on a source code point boundary when norm_offset
  // is on a text code point boundary.
  size_t SourceBegin(size_t norm_offset) const;

  // End in the source of the smallest source span producing text byte
  // norm_end - 1: exact in linear segments, the segment end in opaque ones.
  // Returns 0 for norm_end == 0; norm_end > text.size() counts as
  // text.size(). Non-decreasing in norm_end. For b < e, SourceBegin(b) <
  // SourceEnd(e), and normalizing the source span [SourceBegin(b),
  // SourceEnd(e)) yields a text that contains text[b, e).
  size_t SourceEnd(size_t norm_end) const;

  // Size in bytes of the source this was normalized from.
  size_t source_size() const;

  // Number of alignment segments (for tests and memory accounting).
  size_t segment_count() const;

  // The same text with the same alignment.
  friend bool operator==(const Normalized&, const Normalized&) = default;

 private:
  friend class Normalizer;
  // The start of a segment in both texts. Segment i spans
  // [anchors_[i].source, anchors_[i+1].source) and likewise in `text`; the
  // last anchor is a sentinel at (source size, text size).
  struct Anchor {
    size_t source = 0;
    size_t norm = 0;
    bool linear = false;
    friend bool operator==(const Anchor&, const Anchor&) = default;
  };
  // Index of the segment holding text byte `norm_offset` (< text.size()).
  size_t SegmentOf(size_t norm_offset) const;
  void AddLinear(size_t source, size_t norm, size_t length);
  void AddOpaque(size_t source, size_t norm);

  std::vector<Anchor> anchors_;
};

// Applies Unicode NFKC_Casefold (ICU Normalizer2::getNFKCCasefoldInstance).
// Immutable; Normalize may be called concurrently from any number of threads.
class Normalizer {
 public:
  // Loads the ICU normalization data; fails with Internal when ICU data is
  // missing.
  static Result<std::unique_ptr<Normalizer>> Create();

  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Normalizes `source`, which must be valid UTF-8 (see FindInvalidUtf8) and
  // shorter than 2 GiB; ill-formed bytes and oversized input are passed
  // through with ASCII case folding only. The result does not refer to
  // `source`.
  Normalized Normalize(std::string_view source) const;
  // The same into `out`, whose buffers are reused (what it held is
  // replaced): a caller normalizing sentence after sentence allocates only
  // when one is longer than any before.
  void NormalizeInto(std::string_view source, Normalized* out) const;

  // What Normalize returns, made by giving ICU the whole text at once; the
  // reference for tests of the table-driven path Normalize takes.
  Normalized NormalizeWholeForTesting(std::string_view source) const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<const Impl> impl);

  // ICU normalizes the whole text (ASCII and text ICU fails on are only
  // case folded).
  void NormalizeWhole(std::string_view source, Normalized* out) const;
  // Only ASCII case folding (and the Hant-Hans fold unless `ascii` says
  // the source is ASCII).
  void NormalizeAsciiOnly(std::string_view source, bool ascii,
                          Normalized* out) const;
  // Normalizes well-formed UTF-8 without ICU where a table of ICU's own
  // answers per character allows (most Chinese and Latin text), asking ICU
  // for the pieces around the rest; false for ill-formed text.
  bool NormalizeFast(std::string_view source, Normalized* out) const;
  // ICU normalizes source[begin, end), which starts and ends at
  // normalization boundaries; its output goes to out->text at d (grown as
  // needed, not cut) and ends at *d_end; the segments are recorded and the
  // output folded Hant-Hans. False if ICU fails.
  bool NormalizeRange(std::string_view source, size_t begin, size_t end,
                      size_t d, Normalized* out, size_t* d_end) const;

  // Splits the changed source range [s0, s0 + old) whose output is
  // out->text[d0, d0 + new) at normalization boundaries and records one
  // segment per piece.
  void AddChangedRange(std::string_view source, size_t s0, size_t old_length,
                       size_t d0, size_t new_length, Normalized* out) const;

  std::unique_ptr<const Impl> impl_;
};

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_NORMALIZER_H_
