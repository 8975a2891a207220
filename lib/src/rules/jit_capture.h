#pragma once
// Rule pattern matches by PCRE2's JIT-compiled backtracking matcher.
//
// RE2 finds a match's span with its DFAs, but needs a forward and a reverse
// pass for it, and its submatch engines (BitState, and the NFA for spans
// too long for BitState's bitmap) cost 10-60 us per match on the rule
// patterns, whose programs run to 5,000-17,000 instructions. PCRE2's JIT
// finds the match and its captures in one search, jumping to the places a
// match can start. Both engines give leftmost-first (Perl) priority, so
// they report the same match (decisions 0005 and 0006).
//
// This is only an accelerator: when the pattern uses a construct whose
// meaning differs between the engines, it is not compiled (Create returns
// null), and when PCRE2 gives up (backtracking limit, JIT stack), Find says
// so; the caller then asks RE2.
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

  enum class Outcome { kMatch, kNoMatch, kUndecided };

  // Searches text[pos..] (text before pos is context, as for RE2::Match)
  // for the leftmost-first match. kMatch fills groups[0..ngroups) (ngroups
  // counts group 0 too; a group that took no part is a null StringPiece).
  // kNoMatch: there is none. kUndecided: PCRE2 gave up (backtracking
  // limit, JIT stack, text not UTF-8, pos inside a character); the groups
  // are unspecified and RE2 must decide. Thread-safe.
  //
  // `valid_utf8`: the caller has checked that the whole of `text` is UTF-8.
  // PCRE2 then skips its own check of text[pos..], a pass over the rest of
  // the text one byte at a time at every call: about 870 instructions a
  // call, a sixth of PCRE2's instructions on the generated corpus (a pos
  // inside a character still gives kUndecided). With a text that is not
  // UTF-8 the result is undefined.
  Outcome Find(std::string_view text, size_t pos, int ngroups,
               re2::StringPiece* groups, bool valid_utf8 = false) const;

 private:
  struct Impl;
  explicit JitCapture(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::rules
