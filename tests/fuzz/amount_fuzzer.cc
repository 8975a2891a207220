// Fuzzes the amount parser. Invariants: mentions are in text order, do not
// overlap and lie inside the input; values are finite and non-negative;
// every mention re-rendered by FormatAmount (lower-cased, as normalization
// would) parses back to exactly one amount with the same value, currency,
// unit and approximation (round trip); parsing is deterministic; FindAmounts
// and FindDurations agree with their references (which try every position).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/attrs/amount.h"
#include "extract/attrs/duration.h"
#include "fuzz_common.h"

using namespace newsgraph;
using extract::attrs::AmountMention;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<AmountMention> found = extract::attrs::FindAmounts(in);
  size_t last = 0;
  for (const AmountMention& a : found) {
    FUZZ_CHECK(a.begin >= last && a.begin < a.end && a.end <= in.size(),
               "amount span");
    last = a.end;
    FUZZ_CHECK(std::isfinite(a.value) && a.value >= 0, "amount value");
    std::string text = extract::attrs::FormatAmount(a);
    for (char& c : text)
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    std::vector<AmountMention> back = extract::attrs::FindAmounts(text);
    std::string what = std::string(in.substr(a.begin, a.end - a.begin)) +
                       " -> " + text;
    FUZZ_CHECK(back.size() == 1, what);
    FUZZ_CHECK(back[0].value == a.value, what);
    FUZZ_CHECK(back[0].currency == a.currency, what);
    FUZZ_CHECK(back[0].unit == a.unit, what);
    FUZZ_CHECK(back[0].approximate == a.approximate, what);
  }
  std::vector<AmountMention> again = extract::attrs::FindAmounts(in);
  FUZZ_CHECK(again.size() == found.size(), "deterministic");
  for (size_t i = 0; i < found.size(); ++i)
    FUZZ_CHECK(again[i].begin == found[i].begin && again[i].end == found[i].end &&
                   again[i].value == found[i].value,
               "deterministic");
  std::vector<AmountMention> ref = extract::attrs::FindAmountsReference(in);
  FUZZ_CHECK(ref.size() == found.size(), "reference");
  for (size_t i = 0; i < found.size(); ++i)
    FUZZ_CHECK(ref[i].begin == found[i].begin && ref[i].end == found[i].end &&
                   ref[i].value == found[i].value &&
                   ref[i].currency == found[i].currency &&
                   ref[i].unit == found[i].unit &&
                   ref[i].approximate == found[i].approximate,
               "reference");
  const auto durations = extract::attrs::FindDurations(in);
  const auto durations_ref = extract::attrs::FindDurationsReference(in);
  FUZZ_CHECK(durations.size() == durations_ref.size(), "duration reference");
  for (size_t i = 0; i < durations.size(); ++i)
    FUZZ_CHECK(durations[i].begin == durations_ref[i].begin &&
                   durations[i].end == durations_ref[i].end &&
                   durations[i].years == durations_ref[i].years,
               "duration reference");
  return 0;
}
