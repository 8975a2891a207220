// Serial numbers that tell compiled objects apart in per-thread caches.
#ifndef NEWSGRAPH_BASE_SERIAL_H_
#define NEWSGRAPH_BASE_SERIAL_H_

#include <atomic>
#include <cstdint>

namespace newsgraph::base {

// A number no earlier call in this process returned (never 0), from any
// thread. A cache keyed by it cannot mistake a new object for a destroyed
// one at the same address.
inline uint64_t NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_SERIAL_H_
