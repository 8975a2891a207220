#pragma once
// Which of a list of patterns occur in each of a document's sentences, by
// one Hyperscan scan of them all.
//
// The coreference and discovery patterns are tried on every sentence, and
// nine sentences in ten hold none of them. An RE2::Set said which occur,
// sentence by sentence: about 2,200 instructions for a sentence of 70
// bytes, a third of it the call's own set-up. Here the sentences of a
// document are joined by newlines and scanned once; each match is put
// down to the sentence it ends in.
//
// This only pre-selects: the caller's own matching (RE2 or PCRE2, on the
// sentence alone) decides. The set must therefore report every pattern
// RE2 finds in a sentence, and may report more:
//  - each pattern is compiled in Hyperscan's prefilter mode, which keeps
//    every match of the pattern (and may add some);
//  - "^" and "$" match at every newline (multi-line mode), so at each
//    sentence's start and end as they do in the sentence alone; "\b" and
//    the classes see a newline, a non-word character, where the sentence
//    alone has its start or end;
//  - a match across a newline is extra, and harmless.
// Where the dialects could differ otherwise (a construct with no
// translation, "\A" or "\z"), or Hyperscan cannot compile the patterns,
// Create returns null and the caller uses an RE2::Set (decision 0009).
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::rules {

class PresenceSet {
 public:
  ~PresenceSet();
  PresenceSet(const PresenceSet&) = delete;
  PresenceSet& operator=(const PresenceSet&) = delete;

  // Compiles RE2 patterns (UTF-8, case-sensitive, unanchored). Null when a
  // pattern has no translation, or Hyperscan cannot compile the set.
  static std::unique_ptr<PresenceSet> Create(
      const std::vector<std::string>& re2_patterns);

  // Sets (*hits)[i] to the indices (ascending, each once) of the patterns
  // that may occur in texts[i]: every pattern RE2 finds in it, and
  // possibly others. False if a text is not valid UTF-8 or Hyperscan
  // failed (no memory for its scratch space); `hits` is then unspecified.
  // Thread-safe.
  bool Occurring(std::span<const std::string_view> texts,
                 std::vector<std::vector<int>>* hits) const;

  size_t size() const { return count_; }

  // The PCRE spelling Hyperscan gets for an RE2 pattern, or "" if it has
  // none (for tests).
  static std::string Translate(std::string_view re2_pattern);

 private:
  struct Impl;
  PresenceSet(std::unique_ptr<Impl> impl, size_t count);
  std::unique_ptr<Impl> impl_;
  size_t count_;
};

}  // namespace newsgraph::rules
