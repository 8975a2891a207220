// Sentence segmentation of original (not normalized) UTF-8 text with ICU.
#ifndef NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_
#define NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "newsgraph/status.h"
#include "text/span.h"

namespace newsgraph::text {

// Splits text into sentences: ICU's sentence break iterator for locale
// "en@ss=standard" (UAX #29 plus English abbreviation suppressions such as
// "Mr." and "Mrs."), with these adjustments. Text without Extend or Format
// characters (nearly all news text) gets ICU's boundaries from ICU's rules
// redone here, without ICU's iterator, and ICU's abbreviation filter with
// the exception list from ICU's data. Other text is split by ICU, run on a
// UTF-16 copy. The adjustments:
//  - a line break always ends a sentence (UAX #29 rule SB4);
//  - opening quotes and brackets (“ 「 『 ( and an unbalanced ") that UAX #29
//    attaches to the end of the previous sentence (as in 。“) move to the
//    sentence they open;
//  - no break after a few abbreviations ICU's list misses or cannot suppress
//    ("U.S.", "U.K.", "Dr.", "St.", "Gen.", "Corp.", "Ltd.", ...; see the
//    table in sentence_splitter.cc) when the sentence continues on the same
//    line;
//  - no break before a lower-case ASCII letter on the same line, so
//    "“Why now?” she asked." stays whole (UAX #29 does this after "." only).
// A quotation ending in 。” followed by more text ("“……。”她说。") is split
// after the closing quote, as UAX #29 specifies.
// Terminators are 。！？!? and . (not inside numbers: "6.5亿", "$1.5 billion");
// closing quotes and brackets after them (” 」 』 " ') stay in the sentence.
//
// Thread safety: Split is const and may be called concurrently; each call
// borrows an ICU iterator from an internal mutex-guarded pool and uses
// per-thread scratch buffers.
class SentenceSplitter {
 public:
  // Loads ICU break rules; fails with Internal when ICU data is missing.
  static Result<std::unique_ptr<SentenceSplitter>> Create();

  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentence spans of `text` (valid UTF-8), in order, each shifted by
  // `base_offset`. Spans exclude leading and trailing white space (including
  // U+3000 and NBSP) and are never empty; text that is all white space gives
  // no spans. `text` is not retained after the call.
  std::vector<Span> Split(std::string_view text, size_t base_offset = 0) const;

  // For tests: Split done the straightforward way, ICU reading every chunk's
  // UTF-8 bytes through a UText (no UTF-16 copy, no skipping) and the
  // adjustments comparing every abbreviation in full. Returns what Split
  // returns.
  std::vector<Span> SplitReferenceForTesting(std::string_view text,
                                             size_t base_offset = 0) const;

  // For tests: the raw boundaries after 0 of `text` (under 1 MiB), as byte
  // offsets, the last one text.size(), before the adjustments: when
  // `rules`, those of the rules Split applies itself (false, nothing
  // appended, for text it leaves to ICU: with Extend or Format characters,
  // ill-formed); otherwise ICU's, reading the UTF-8 bytes.
  bool RawBoundsForTesting(std::string_view text, bool rules,
                           std::vector<size_t>* bounds) const;

 private:
  class IteratorPool;
  explicit SentenceSplitter(std::unique_ptr<IteratorPool> pool);

  std::vector<Span> SplitImpl(std::string_view text, size_t base_offset,
                              bool reference) const;

  // Appends the sentences of `chunk` (< 2 GiB), shifted by `offset`, to out;
  // the straightforward way when `reference`.
  void SplitChunk(std::string_view chunk, size_t offset, std::vector<Span>* out,
                  bool reference) const;

  // Appends ICU's boundaries after 0 in `chunk` (byte offsets, the last one
  // chunk.size()) to bounds; false when ICU fails. IcuBoundsUtf8 has ICU read
  // the UTF-8 bytes through a UText; IcuBounds gives the same answer faster.
  bool IcuBoundsUtf8(std::string_view chunk, std::vector<size_t>* bounds) const;
  bool IcuBounds(std::string_view chunk, std::vector<size_t>* bounds) const;

  std::unique_ptr<IteratorPool> pool_;
};

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_
