#include "rules/atom_set_memo.h"

#include <algorithm>
#include <bit>

namespace newsgraph::rules {

uint64_t AtomSetMemo::HashAtoms(std::span<const int> atoms) {
  // Multiply-xorshift over the indices, then MurmurHash3's finalizer.
  uint64_t h = 0x9E3779B97F4A7C15ull ^ atoms.size();
  for (int a : atoms) {
    h = (h ^ uint32_t(a)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

AtomSetMemo::AtomSetMemo(size_t max_entries, Hash hash)
    : max_entries_(std::max<size_t>(max_entries, 1)), hash_(hash) {}

void AtomSetMemo::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  pool_.assign(1, 0);
  entries_ = 0;
}

AtomSetMemo::Slot* AtomSetMemo::Probe(uint64_t hash,
                                      std::span<const int> atoms) {
  if (slots_.empty()) {
    slots_.resize(std::bit_ceil(2 * max_entries_));
    pool_.assign(1, 0);
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.offset == 0) return &s;
    if (s.hash != hash) continue;
    const int* stored = pool_.data() + s.offset;
    if (size_t(stored[0]) == atoms.size() &&
        std::equal(atoms.begin(), atoms.end(), stored + 1))
      return &s;
  }
}

AtomSetMemo::Slot* AtomSetMemo::Insert(Slot* slot, uint64_t hash,
                                       std::span<const int> atoms,
                                       const std::vector<int>& value) {
  slot->hash = hash;
  slot->offset = uint32_t(pool_.size());
  pool_.push_back(int(atoms.size()));
  pool_.insert(pool_.end(), atoms.begin(), atoms.end());
  pool_.push_back(int(value.size()));
  pool_.insert(pool_.end(), value.begin(), value.end());
  ++entries_;
  return slot;
}

std::span<const int> AtomSetMemo::Value(const Slot& slot) const {
  const int* p = pool_.data() + slot.offset;
  p += 1 + p[0];  // past the set
  return {p + 1, size_t(p[0])};
}

}  // namespace newsgraph::rules
