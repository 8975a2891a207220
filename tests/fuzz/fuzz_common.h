// Helpers shared by the libFuzzer targets (tests/fuzz/*_fuzzer.cc).
#ifndef NEWSGRAPH_TESTS_FUZZ_FUZZ_COMMON_H_
#define NEWSGRAPH_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "newsgraph/status.h"
#include "text/utf8.h"

namespace newsgraph::fuzz {

// An invariant that must hold for every input: prints what broke and aborts,
// which libFuzzer reports as a crash with the input that caused it.
#define FUZZ_CHECK(cond, what)                                          \
  do {                                                                  \
    if (!(cond)) {                                                      \
      std::fprintf(stderr, "invariant broken at %s:%d: %s (%s)\n",      \
                   __FILE__, __LINE__, #cond, std::string(what).c_str()); \
      std::abort();                                                     \
    }                                                                   \
  } while (0)

// The directory holding schemas/ and dictionaries/: $NEWSGRAPH_RESOURCES,
// else the source tree the target was built from.
inline std::string ResourceDir() {
  if (const char* env = std::getenv("NEWSGRAPH_RESOURCES"); env && *env)
    return env;
  return NEWSGRAPH_SOURCE_DIR;
}

// Aborts on a failed set-up step (missing resources): not a finding.
template <typename T>
T MustOk(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "fuzz set-up failed: %s: %s\n", what,
                 r.status().message().c_str());
    std::exit(2);
  }
  return std::move(r).value();
}

// True when byte offset `pos` of `s` starts a code point (or is the end).
inline bool OnBoundary(std::string_view s, size_t pos) {
  return pos == 0 || pos >= s.size() || !text::IsUtf8Continuation(s[pos]);
}

// Checks that [begin, end) is a non-reversed span of `s` whose ends lie on
// UTF-8 code point boundaries.
inline void CheckSpan(std::string_view s, size_t begin, size_t end,
                      const char* what) {
  FUZZ_CHECK(begin <= end, what);
  FUZZ_CHECK(end <= s.size(), what);
  FUZZ_CHECK(OnBoundary(s, begin), what);
  FUZZ_CHECK(OnBoundary(s, end), what);
}

}  // namespace newsgraph::fuzz

#endif  // NEWSGRAPH_TESTS_FUZZ_FUZZ_COMMON_H_
