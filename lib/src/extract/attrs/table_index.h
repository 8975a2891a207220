// Longest-entry look-up in the constant word tables of the attribute
// finders (amount_tables.h), through an index of the entries by first
// byte built at compile time. Private to lib/src/extract/attrs; pure and
// thread-safe.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_TABLE_INDEX_H_
#define NEWSGRAPH_EXTRACT_ATTRS_TABLE_INDEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include "extract/attrs/text_scan.h"

namespace newsgraph::extract::attrs {

// The text of a table entry: the entry of a word list, the `text` member
// of a struct.
constexpr std::string_view EntryText(std::string_view word) { return word; }
template <typename T>
constexpr std::string_view EntryText(const T& entry) {
  return entry.text;
}

// The entries of `Table` (an array of words or of structs with a `text`)
// whose first byte is b: entries[begin[b], begin[b + 1]), in table order.
template <const auto& Table>
struct TableIndex {
  std::array<uint16_t, 257> begin{};
  std::array<uint16_t, std::size(Table)> entries{};
};

template <const auto& Table>
constexpr TableIndex<Table> MakeTableIndex() {
  TableIndex<Table> x;
  size_t n = 0;
  for (int b = 0; b < 256; ++b) {
    x.begin[b] = static_cast<uint16_t>(n);
    for (size_t k = 0; k < std::size(Table); ++k) {
      const std::string_view w = EntryText(Table[k]);
      // An empty entry would match anywhere; a table must not have one
      // (this stops the compilation).
      if (w.empty()) throw std::logic_error("empty table entry");
      if (static_cast<unsigned char>(w.front()) == b)
        x.entries[n++] = static_cast<uint16_t>(k);
    }
  }
  x.begin[256] = static_cast<uint16_t>(n);
  return x;
}

template <const auto& Table>
inline constexpr TableIndex<Table> kTableIndex = MakeTableIndex<Table>();

// True when `w`, an entry, is found at text[pos] as Longest counts it:
// byte for byte, and at a word boundary after it when it ends in an ASCII
// letter.
inline bool EntryAt(std::string_view text, size_t pos, std::string_view w) {
  return HasAt(text, pos, w) &&
         !(IsAsciiAlpha(w.back()) && !BoundaryAfter(text, pos + w.size()));
}

// The longest entry of `Table` found at text[pos] (the first of equally
// long ones); for entries ending in an ASCII letter the match must also end
// at a word boundary. Returns the entry index or -1. Only the entries
// starting with text[pos] are compared.
template <const auto& Table>
int Longest(std::string_view text, size_t pos) {
  if (pos >= text.size()) return -1;  // no entry is empty
  const TableIndex<Table>& index = kTableIndex<Table>;
  const auto first = static_cast<unsigned char>(text[pos]);
  int best = -1;
  for (size_t x = index.begin[first]; x < index.begin[first + 1]; ++x) {
    const size_t k = index.entries[x];
    const std::string_view w = EntryText(Table[k]);
    if (!EntryAt(text, pos, w)) continue;
    if (best < 0 || w.size() > EntryText(Table[best]).size())
      best = static_cast<int>(k);
  }
  return best;
}

// The same, comparing every entry: the reference for tests.
template <typename T, size_t N>
int LongestLinear(std::string_view text, size_t pos, const T (&table)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    const std::string_view w = EntryText(table[i]);
    if (!EntryAt(text, pos, w)) continue;
    if (best < 0 || w.size() > EntryText(table[best]).size())
      best = static_cast<int>(i);
  }
  return best;
}

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_TABLE_INDEX_H_
