#pragma once
// Finds which of the rule prefilter's atoms occur in a sentence: an
// Aho-Corasick automaton compiled to a table over byte classes, one table
// step per byte of the sentence.
//
// The atoms come from re2::FilteredRE2, in lower case. The rule patterns
// are case-sensitive, so an atom a pattern requires is in a matching
// sentence byte for byte; the scanner also folds ASCII letters, so that a
// pattern's upper-case literal (whose atom FilteredRE2 lowered) is found.
// It cannot fold other scripts: Create declines atoms holding a non-ASCII
// letter that has case, and the caller then keeps RE2's case-insensitive
// Set.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::rules {

class AtomScanner {
 public:
  // Null when an atom is empty or holds a character with case outside
  // ASCII (or is not UTF-8), or the automaton would exceed 65,535 states.
  static std::unique_ptr<AtomScanner> Create(const std::vector<std::string>& atoms);

  // Appends the indices (ascending, each once) of the atoms that occur in
  // `text`, ASCII letters compared without case. Thread-safe.
  void Find(std::string_view text, std::vector<int>* out) const;

  size_t state_count() const { return outputs_begin_.size() - 1; }

 private:
  AtomScanner() = default;
  int classes_ = 0;
  uint8_t class_of_[256] = {};      // after ASCII lower-casing; 0 = in no atom
  std::vector<uint16_t> delta_;     // state * classes_ + class -> state
  std::vector<uint32_t> outputs_begin_;  // per state, into outputs_ (+1 end)
  std::vector<int> outputs_;        // atoms ending at a state (failure chain too)
  size_t atom_count_ = 0;
};

}  // namespace newsgraph::rules
