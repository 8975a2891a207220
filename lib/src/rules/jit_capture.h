#pragma once
// Slot captures of a rule pattern by PCRE2's JIT-compiled backtracking
// matcher, on the span RE2's DFA has already found.
//
// RE2 finds a match's span with its DFAs in a few microseconds, but its
// submatch engines (BitState, and the NFA for spans too long for BitState's
// bitmap) cost 10-60 µs per match on the rule patterns, whose programs run
// to 5,000-17,000 instructions. PCRE2's JIT does the same work anchored on
// the span in about a microsecond. Both engines give leftmost-first (Perl)
// priority, so the first path from the span's start is the same one.
//
// This is only an accelerator: when the pattern uses a construct whose
// meaning differs between the engines, it is not compiled (Create returns
// null), and when a match does not end exactly where RE2's did, or PCRE2
// gives up (match limit, JIT stack), Captures returns false; the caller
// then asks RE2 for the captures.
#include <memory>
#include <string_view>

#include <re2/stringpiece.h>

namespace newsgraph::rules {

class JitCapture {
 public:
  ~JitCapture();
  JitCapture(const JitCapture&) = delete;
  JitCapture& operator=(const JitCapture&) = delete;

  // Compiles an RE2 pattern (UTF-8, case-sensitive, RE2 syntax) whose
  // capturing groups number `ngroups` (group 0 not counted). Null when the
  // pattern cannot be given the same meaning in PCRE2, or PCRE2 or its JIT
  // cannot compile it.
  static std::unique_ptr<JitCapture> Create(std::string_view re2_pattern,
                                            int ngroups);

  // The pattern's translation to PCRE2 syntax, or "" if it has none (the
  // same test Create makes; for tests).
  static std::string Translate(std::string_view re2_pattern);

  // Fills groups[0..ngroups] (ngroups counts group 0 too) with the match
  // that starts at text[begin] and must end at text[end]; a group that took
  // no part is a null StringPiece. False when there is no such match or
  // PCRE2 could not decide; the groups are then unspecified. Thread-safe.
  bool Captures(std::string_view text, size_t begin, size_t end, int ngroups,
                re2::StringPiece* groups) const;

 private:
  struct Impl;
  explicit JitCapture(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::rules
