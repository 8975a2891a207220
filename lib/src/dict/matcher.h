// A compiled, immutable alias matcher (Aho-Corasick over normalized bytes).
#ifndef NEWSGRAPH_DICT_MATCHER_H_
#define NEWSGRAPH_DICT_MATCHER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"
#include "newsgraph/status.h"
#include "text/normalizer.h"

namespace newsgraph::dict {

// One possible mention: a span of the normalized text naming an entity.
struct Candidate {
  uint32_t begin = 0, end = 0;  // normalized byte offsets, half-open
  int entity = -1;              // index into the owning Dictionary
};

// Built once from a Dictionary; Find is const and thread-safe.
// Matching rules: Latin aliases match on ASCII word boundaries only;
// aliases listed as `exact`, and all-upper-case Latin aliases of at most
// five characters, must match the source text case-sensitively.
//
// The automaton is laid out for a cache-cold scan: bytes map to classes
// (bytes of no alias share class 0 and always lead back to the root); the
// states of depth <= dense_depth, numbered first (breadth first), have
// full transition rows over the classes (failure links resolved), deeper
// states, numbered depth first so that a name's path is consecutive, keep
// their sorted edges and a failure link. A state id carries in its low bit
// whether a match ends there, so the scan touches output data only then.
class Matcher {
 public:
  // Depth of the states with dense rows; rows are built only while their
  // table stays within kMaxDenseEntries.
  static constexpr int kDefaultDenseDepth = 2;
  static constexpr size_t kMaxDenseEntries = size_t(1) << 16;

  // With `literal_scanner`, FindAllEach also gets a Hyperscan literal
  // database of the aliases (worth its compilation, some milliseconds, for
  // a matcher that scans many texts: the shipped dictionary's, not a
  // document's own).
  static Result<std::unique_ptr<Matcher>> Build(
      const Dictionary& dictionary, const text::Normalizer& normalizer,
      int dense_depth = kDefaultDenseDepth, bool literal_scanner = false);

  // Appends every valid candidate in `norm` (the normalization of `source`).
  void FindAll(std::string_view source, const text::Normalized& norm,
               std::vector<Candidate>* out) const;

  // A sentence to search with FindAllEach: its source text and its
  // normalization.
  struct Text {
    std::string_view source;
    const text::Normalized* norm;
  };
  // FindAll on each text: (*out)[i] gets the candidates of texts[i], the
  // same ones FindAll gives, possibly in another order (SelectLeftmostLongest
  // orders them). With the literal scanner, the texts are joined by
  // newlines and scanned once; else each goes through the automaton.
  void FindAllEach(std::span<const Text> texts,
                   std::vector<std::vector<Candidate>>* out) const;

  // The same candidates in the same order, found by comparing every
  // pattern at every position: slow, a reference for tests.
  void FindAllSlow(std::string_view source, const text::Normalized& norm,
                   std::vector<Candidate>* out) const;

  size_t pattern_count() const { return patterns_.size(); }
  size_t state_count() const { return sparse_.size(); }
  size_t dense_state_count() const { return dense_states_; }

 private:
  struct Pattern {
    int entity;
    uint32_t length;          // bytes of the normalized alias
    bool case_sensitive;
    bool left_boundary, right_boundary;
    std::string exact_form;   // source spelling, for case-sensitive checks
    std::string norm;         // normalized alias (FindAllSlow)
  };
  // A sparse (deep) state: its failure link and edges, one edge inline.
  struct Sparse {
    uint32_t fail = 0;        // plain state id
    uint32_t edge = 0;        // the target (one edge) or index into edge_*_
    uint16_t count = 0;       // number of edges
    uint8_t first_byte = 0;   // smallest edge byte
  };

  // Next packed state (id << 1 | has-output) from state `id` on `byte`.
  inline uint32_t Step(uint32_t id, uint8_t byte) const;
  bool Accept(const Pattern& p, std::string_view source,
              const text::Normalized& norm, uint32_t begin,
              uint32_t end) const;

  // The patterns' normalized forms as one Hyperscan literal database, or
  // null (then FindAllEach runs the automaton).
  struct Literals;
  std::shared_ptr<const Literals> literals_;
  std::vector<Pattern> patterns_;
  uint8_t byte_class_[256] = {};
  uint32_t class_count_ = 1;
  uint32_t dense_states_ = 0;            // states [0, dense_states_) are dense
  std::vector<uint32_t> dense_;          // dense_states_ x class_count_
  std::vector<Sparse> sparse_;           // per state; unused for dense ones
  std::vector<uint8_t> edge_bytes_;      // sorted per state
  std::vector<uint32_t> edge_targets_;   // packed
  std::vector<int32_t> output_;          // pattern ending at a state, or -1
  std::vector<int32_t> dict_link_;       // next state with an output, or -1
};

// Keeps the leftmost-longest non-overlapping candidates of `all`, in text
// order, in place. Ties (same span, several entities) keep the lowest
// entity index.
void SelectLeftmostLongest(std::vector<Candidate>* all);

// True for an alias that must match case-sensitively by the automatic rule:
// only upper-case ASCII letters, digits, '.', '&' or '-', at most five
// characters, at least one letter.
bool IsShortUpperCaseAlias(std::string_view alias);

}  // namespace newsgraph::dict

#endif  // NEWSGRAPH_DICT_MATCHER_H_
