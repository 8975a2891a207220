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

  size_t state_count() const { return delta_.size() / size_t(classes_); }
  // States from this number on are those where an atom ends.
  size_t first_output_state() const { return first_output_; }

 private:
  AtomScanner() = default;
  int classes_ = 0;
  uint8_t class_of_[256] = {};      // after ASCII lower-casing; 0 = in no atom
  // state * classes_ + class -> state. States are numbered breadth first
  // (the root, 0, and the shallow states most steps land on stay close
  // together), those where no atom ends before those where one does: a
  // step compares its new state with first_output_ and reads the output
  // tables only where an atom ends (about half the steps on the generated
  // corpus: the shipped rules have one-byte atoms such as "\x01" and ",").
  // 16 bits: the table (3,690 states x 124 classes for the shipped rules,
  // 0.9 MB) stays within a 1 MB L2; 32 bits would not.
  std::vector<uint16_t> delta_;
  uint32_t first_output_ = 0;
  // Per state from first_output_ on (indexed state - first_output_), into
  // outputs_; one more entry ends the last.
  std::vector<uint32_t> outputs_begin_;
  std::vector<int> outputs_;        // atoms ending at a state (failure chain too)
  size_t atom_count_ = 0;
};

}  // namespace newsgraph::rules
