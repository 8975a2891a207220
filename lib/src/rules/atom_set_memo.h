#pragma once
// A bounded memo from a set of prefilter atoms (their indices, ascending)
// to a list of ints: what re2::FilteredRE2 lets through for that set,
// which costs microseconds to work out and comes back sentence after
// sentence (the same verbs, markers and mention tokens).
//
// One flat open-addressing table: a set is hashed to 64 bits, and each
// entry keeps the set itself next to its value, so a set whose hash
// collides with another's is still told apart and a hit allocates
// nothing. When it holds `max_entries` sets, the next new set empties it
// first. Not thread-safe: each thread keeps its own.
#include <cstdint>
#include <span>
#include <vector>

namespace newsgraph::rules {

class AtomSetMemo {
 public:
  using Hash = uint64_t (*)(std::span<const int> atoms);
  static uint64_t HashAtoms(std::span<const int> atoms);

  // `hash` is for tests (one that collides); the table is allocated on
  // first use.
  explicit AtomSetMemo(size_t max_entries = 4096, Hash hash = HashAtoms);

  // The value stored for `atoms`; on a miss, `compute(&value)` fills an
  // empty vector and the result is stored. The span is valid until the
  // next call of Get or Clear.
  template <typename Compute>
  std::span<const int> Get(std::span<const int> atoms, Compute compute) {
    const uint64_t h = hash_(atoms);
    Slot* slot = Probe(h, atoms);
    if (slot->offset == 0) {
      if (entries_ >= max_entries_) {
        Clear();
        slot = Probe(h, atoms);
      }
      scratch_.clear();
      compute(&scratch_);
      slot = Insert(slot, h, atoms, scratch_);
    }
    return Value(*slot);
  }

  void Clear();
  size_t size() const { return entries_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    // Into pool_: the set's size, the set, the value's size, the value.
    // 0 when the slot is empty (pool_[0] is a placeholder).
    uint32_t offset = 0;
  };
  // The slot holding `atoms`, or the empty slot where it would go.
  Slot* Probe(uint64_t hash, std::span<const int> atoms);
  Slot* Insert(Slot* slot, uint64_t hash, std::span<const int> atoms,
               const std::vector<int>& value);
  std::span<const int> Value(const Slot& slot) const;

  size_t max_entries_;
  Hash hash_;
  std::vector<Slot> slots_;  // a power of two, at least twice max_entries_
  std::vector<int> pool_;
  std::vector<int> scratch_;
  size_t entries_ = 0;
};

}  // namespace newsgraph::rules
