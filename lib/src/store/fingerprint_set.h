// A set of 64-bit fingerprints (hashes of keys): Contains never answers
// false for a fingerprint that was inserted; two keys with one fingerprint
// share an entry, so it may answer true for a key never inserted. The store
// uses it to know that a relation is new without looking it up.
#ifndef NEWSGRAPH_STORE_FINGERPRINT_SET_H_
#define NEWSGRAPH_STORE_FINGERPRINT_SET_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph::store {

class FingerprintSet {
 public:
  bool Contains(uint64_t fp) const {
    if (slots_.empty()) return false;
    fp = Stored(fp);
    const size_t mask = slots_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void Insert(uint64_t fp) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    if (Place(slots_, Stored(fp))) ++size_;
  }
  size_t size() const { return size_; }
  // Empties the set and frees its memory.
  void Clear() {
    std::vector<uint64_t>().swap(slots_);
    size_ = 0;
  }

 private:
  // 0 marks an empty slot: fingerprint 0 is kept as 1.
  static uint64_t Stored(uint64_t fp) { return fp == 0 ? 1 : fp; }
  // Inserts into open-addressed `slots` (linear probing); false if present.
  static bool Place(std::vector<uint64_t>& slots, uint64_t fp) {
    const size_t mask = slots.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots[i] == fp) return false;
      if (slots[i] == 0) {
        slots[i] = fp;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
    for (uint64_t fp : slots_)
      if (fp != 0) Place(bigger, fp);
    slots_ = std::move(bigger);
  }

  std::vector<uint64_t> slots_;  // a power of two, at most half full
  size_t size_ = 0;
};

// Mixes 64 bits (the finalizer of SplitMix64): fingerprints of keys that
// differ in a few bits differ in all, and their low bits index the table.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

}  // namespace newsgraph::store

#endif  // NEWSGRAPH_STORE_FINGERPRINT_SET_H_
