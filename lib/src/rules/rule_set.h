// The rule language (docs/rule-language.md): RE2 patterns over "slotted"
// sentences, in which every entity mention is replaced by a token
// "\x01<type code><mention index>\x02". A pattern names slots such as
// {S:org} (one mention of those types) or {O+:player} (a coordinated list
// of mentions); `emit` lines turn the captured slots into relations.
#ifndef NEWSGRAPH_RULES_RULE_SET_H_
#define NEWSGRAPH_RULES_RULE_SET_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/status.h"
#include "ontology/ontology.h"

namespace newsgraph::rules {

// One `emit RELATION SUBJECT OBJECT` line of a rule.
struct Emit {
  std::string relation;
  std::string subject_slot;
  std::string object_slot;
};

struct Rule {
  std::string id;
  std::string file;  // where it was defined
  int line = 0;
  std::vector<Emit> emits;
  std::string status;  // fixed status ("planned", ...) or "" for asserted
};

// The mentions one slot captured, in text order.
struct SlotCapture {
  std::string slot;
  std::vector<int> mentions;  // mention indices
};

struct RuleMatch {
  int rule = -1;               // index into RuleSet::rules()
  size_t begin = 0, end = 0;   // span of the match in the slotted sentence
  std::vector<SlotCapture> slots;
};

// A phrase that refers back to an entity named earlier ("该公司",
// "the company"): "coref TYPES REGEX", or a pronoun ("he", "它"):
// "pronoun TYPES REGEX".
struct CorefPhrase {
  size_t begin = 0, end = 0;       // span in the normalized sentence
  std::vector<std::string> types;  // entity types it may refer to
  bool pronoun = false;            // "pronoun" statement: prefers the
                                   // subject (first mention) of a sentence
};

// A name of an entity nobody listed, found by "discover TYPE REGEX" in the
// original (not normalized) sentence, e.g. "the startup Foo", "Foo Inc.".
struct Discovery {
  size_t name_begin = 0, name_end = 0;  // the name, in the source sentence
  std::string type;
};

// Compiled rules. Immutable after Compile; Match is const and thread-safe.
class RuleSet {
 public:
  ~RuleSet();
  // Parses and compiles rule files in order (macros are shared across files,
  // defined before use). Errors read "<file>:<line>: <what>".
  static Result<std::unique_ptr<RuleSet>> Compile(
      const std::vector<std::string>& files, const ontology::Ontology& onto);
  // Same, from in-memory text (`name` is used in messages).
  static Result<std::unique_ptr<RuleSet>> CompileText(
      const std::vector<std::pair<std::string, std::string>>& named_texts,
      const ontology::Ontology& onto);

  // Appends all matches of all rules in `slotted`. Only the patterns whose
  // required literals all occur in `slotted` (RE2's prefilter) are run.
  void Match(std::string_view slotted, std::vector<RuleMatch>* out) const;
  // Match on each sentence, into (*out)[i] (resized to the sentences), but
  // pattern by pattern: each pattern searches every sentence that may hold
  // it before the next pattern runs, so its DFA states stay cached. Over a
  // few documents' sentences this is markedly faster than one sentence at
  // a time; the matches are the same, in the same order.
  void MatchBatch(std::span<const std::string_view> sentences,
                  std::vector<std::vector<RuleMatch>>* out) const;
  // The same without the prefilter and without the unbounded pre-check:
  // every pattern is run as written. The reference Match must agree with
  // (tests and fuzzing); slower.
  void MatchUnfiltered(std::string_view slotted,
                       std::vector<RuleMatch>* out) const;

  // The status the markers give a match (sentence-level context), or
  // "asserted". Precedence: denied > negated > planned > reported. Only
  // the markers whose required literals occur are run (RE2's prefilter,
  // as for the patterns). The string lives as long as the RuleSet.
  const std::string& StatusFor(std::string_view slotted, size_t begin,
                               size_t end) const;
  // The same, running every marker: the reference StatusFor must agree
  // with (tests and fuzzing).
  const std::string& StatusForUnfiltered(std::string_view slotted,
                                         size_t begin, size_t end) const;

  // Length of the `possessive` macro (e.g. "的", "'s ") matched at `pos`,
  // or 0. A list token followed by it and another token is a possessor,
  // not a list item.
  size_t PossessiveLength(std::string_view text, size_t pos) const;

  const std::vector<Rule>& rules() const { return rules_; }
  size_t pattern_count() const;
  // Pattern `i` (i < pattern_count()) as written, its macros and slots
  // expanded: RE2 syntax over slotted sentences (tests/bench/primitives_bench).
  const std::string& pattern_text(size_t i) const;

  // Coreference phrases in a normalized sentence, in text order, not
  // overlapping each other.
  std::vector<CorefPhrase> FindCorefs(std::string_view normalized) const;
  // FindCorefs of each sentence: (*phrases)[i] for normalized[i]. One scan
  // of all of them pre-selects the patterns for each (give a document's
  // sentences together).
  void FindCorefsEach(std::span<const std::string_view> normalized,
                      std::vector<std::vector<CorefPhrase>>* phrases) const;

  // Names of unlisted entities in an original sentence, in text order.
  std::vector<Discovery> Discover(std::string_view source) const;
  // Discover on each sentence: (*found)[i] for sources[i], as
  // FindCorefsEach.
  void DiscoverEach(std::span<const std::string_view> sources,
                    std::vector<std::vector<Discovery>>* found) const;
  // The same two, trying every pattern on the sentence: the references
  // the pre-selected ones must agree with (tests and fuzzing).
  std::vector<CorefPhrase> FindCorefsUnfiltered(
      std::string_view normalized) const;
  std::vector<Discovery> DiscoverUnfiltered(std::string_view source) const;

  // Mention indices of the tokens ("\x01c12\x02") in text[begin, end).
  static std::vector<int> TokensIn(std::string_view text, size_t begin,
                                   size_t end);

  // The items of a list slot captured as slotted[begin, end): its tokens
  // outside parentheses that are not possessors.
  std::vector<int> ListItems(std::string_view slotted, size_t begin,
                             size_t end) const;

  struct Impl;  // compiled patterns (rule_set.cc)

 private:
  RuleSet();
  // Appends the matches of pattern `index`, left to right; with
  // `accelerated`, a search its unbounded form does not match is skipped and
  // the captures come from the JIT where it can (reference: without).
  // `valid_utf8`: the caller has checked that `slotted` is UTF-8 (once for
  // all its patterns; JitCapture::Find).
  void MatchPattern(int index, std::string_view slotted, bool accelerated,
                    bool valid_utf8, std::vector<RuleMatch>* out) const;
  // Appends (pattern, sentence) for each pattern worth running on
  // `slotted` (the prefilter's candidates that fit its mention types), in
  // ascending pattern order; false when the prefilter cannot decide (then
  // every pattern must run: MatchUnfiltered).
  bool Plan(std::string_view slotted, int sentence,
            std::vector<std::pair<int, int>>* work) const;
  // The phrases (discoveries) of the coreference (discovery) patterns
  // `patterns` (ascending indices) in a text.
  std::vector<CorefPhrase> CorefsAmong(std::span<const int> patterns,
                                       std::string_view text) const;
  std::vector<Discovery> DiscoveriesAmong(std::span<const int> patterns,
                                          std::string_view text) const;
  std::vector<Rule> rules_;
  std::unique_ptr<Impl> impl_;
};

// `pattern` with the upper bound of every counted repetition dropped:
// "x{m,n}" and "x{m,n}?" become "x{m,}" ("x{n}" stays); escapes, \Q...\E and
// character classes are copied as they are. It accepts a superset of what
// `pattern` accepts, and RE2's DFA runs it much faster (a bounded gap such
// as [^。]{0,80} gives the DFA a new state at almost every byte), so Match
// searches a pattern only where its unbounded form matches.
std::string UnboundedRepetitions(std::string_view pattern);

}  // namespace newsgraph::rules

#endif  // NEWSGRAPH_RULES_RULE_SET_H_
