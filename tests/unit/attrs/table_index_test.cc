#include "extract/attrs/table_index.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "extract/attrs/amount_tables.h"

namespace newsgraph::extract::attrs {
namespace {

namespace t = amount_tables;

// Texts made of the table's entries, their first and last bytes, spaces,
// letters and digits (so entries meet word boundaries and not), and at
// every position the indexed look-up must pick what comparing every entry
// picks. Returns how many positions found an entry.
template <const auto& Table>
int CompareOnRandomText(std::mt19937& rng) {
  std::vector<std::string> pieces = {" ", "a", "s", "5", ",", "_", "\xE4\xB8\x80"};
  for (const auto& e : Table) {
    const std::string w(EntryText(e));
    pieces.push_back(w);
    pieces.push_back(w.substr(0, 1));
    pieces.push_back(w.substr(0, w.size() - 1));
    pieces.push_back(w + "s");
  }
  int found = 0;
  for (int n = 0; n < 400; ++n) {
    std::string text;
    const int len = 1 + int(rng() % 8);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    for (size_t pos = 0; pos <= text.size() + 1; ++pos) {
      const int want = LongestLinear(text, pos, Table);
      INFO("text '" << text << "' at " << pos);
      REQUIRE(Longest<Table>(text, pos) == want);
      found += want >= 0;
    }
  }
  return found;
}

TEST_CASE("table index: the longest entry, as a scan of every entry finds it",
          "[amount]") {
  std::mt19937 rng(5);
  CHECK(CompareOnRandomText<t::kZhCurrencies>(rng) > 100);
  CHECK(CompareOnRandomText<t::kPrefixCurrencies>(rng) > 100);
  CHECK(CompareOnRandomText<t::kEnCurrencies>(rng) > 100);
  CHECK(CompareOnRandomText<t::kScales>(rng) > 100);
  CHECK(CompareOnRandomText<t::kZhClassifiers>(rng) > 100);
  CHECK(CompareOnRandomText<t::kNotCounts>(rng) > 100);
  CHECK(CompareOnRandomText<t::kEnUnits>(rng) > 100);
  CHECK(CompareOnRandomText<t::kTailMarkers>(rng) > 100);
}

TEST_CASE("table index: each entry listed once, under its first byte", "[amount]") {
  const auto& index = kTableIndex<t::kEnCurrencies>;
  CHECK(index.begin[0] == 0);
  CHECK(index.begin[256] == std::size(t::kEnCurrencies));
  std::vector<int> seen(std::size(t::kEnCurrencies), 0);
  for (int b = 0; b < 256; ++b) {
    for (size_t x = index.begin[b]; x < index.begin[b + 1]; ++x) {
      const size_t k = index.entries[x];
      ++seen[k];
      CHECK(static_cast<unsigned char>(EntryText(t::kEnCurrencies[k])[0]) == b);
      if (x > index.begin[b]) CHECK(index.entries[x - 1] < k);  // table order
    }
  }
  for (int s : seen) CHECK(s == 1);
}

}  // namespace
}  // namespace newsgraph::extract::attrs
