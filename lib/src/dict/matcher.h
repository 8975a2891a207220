// A compiled, immutable alias matcher (Aho-Corasick over normalized bytes).
#ifndef NEWSGRAPH_DICT_MATCHER_H_
#define NEWSGRAPH_DICT_MATCHER_H_

#include <cstdint>
#include <memory>
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
class Matcher {
 public:
  static Result<std::unique_ptr<Matcher>> Build(
      const Dictionary& dictionary, const text::Normalizer& normalizer);

  // Appends every valid candidate in `norm` (the normalization of `source`).
  void FindAll(std::string_view source, const text::Normalized& norm,
               std::vector<Candidate>* out) const;

  size_t pattern_count() const { return patterns_.size(); }

 private:
  struct Pattern {
    int entity;
    uint32_t length;          // bytes of the normalized alias
    bool case_sensitive;
    bool left_boundary, right_boundary;
    std::string exact_form;   // source spelling, for case-sensitive checks
  };
  struct Node {
    int32_t fail = 0;
    int32_t output = -1;      // pattern ending here, or -1
    int32_t dict_link = -1;   // next node on the fail chain with an output
    uint32_t edge_begin = 0, edge_end = 0;  // into edges_
  };
  struct Edge {
    uint8_t byte;
    int32_t target;
  };

  int32_t Next(int32_t state, uint8_t byte) const;
  bool Accept(const Pattern& p, std::string_view source,
              const text::Normalized& norm, uint32_t begin,
              uint32_t end) const;

  std::vector<Pattern> patterns_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  int32_t root_next_[256];
};

// Keeps the leftmost-longest non-overlapping candidates, in text order.
// Ties (same span, several entities) keep the lowest entity index.
std::vector<Candidate> SelectLeftmostLongest(std::vector<Candidate> all);

// True for an alias that must match case-sensitively by the automatic rule:
// only upper-case ASCII letters, digits, '.', '&' or '-', at most five
// characters, at least one letter.
bool IsShortUpperCaseAlias(std::string_view alias);

}  // namespace newsgraph::dict

#endif  // NEWSGRAPH_DICT_MATCHER_H_
