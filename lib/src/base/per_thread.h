// The calling thread's own object of a type, reached through one call.
#ifndef NEWSGRAPH_BASE_PER_THREAD_H_
#define NEWSGRAPH_BASE_PER_THREAD_H_

namespace newsgraph::base {

// The calling thread's default-constructed T, one per Tag (any type; a
// local struct will do), destroyed when the thread ends.
//
// Not inlined on purpose. In a shared library a thread_local's address
// comes from a call (__tls_get_addr), and GCC makes that call again for
// each use of the variable after any call it cannot see through: a
// function-local thread_local used in a loop costs a call per use (27 in
// SentenceSplitter::SplitChunk). Returned from here, the object is
// reached through a plain reference.
template <typename Tag, typename T>
[[gnu::noinline]] T& PerThread() {
  thread_local T value;
  return value;
}

}  // namespace newsgraph::base

#endif  // NEWSGRAPH_BASE_PER_THREAD_H_
