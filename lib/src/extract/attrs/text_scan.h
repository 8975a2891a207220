// Small byte/code-point scanning helpers shared by the attribute finders.
// Private to lib/src/extract/attrs. All functions are pure, never read
// outside the given string_view, and accept any bytes (invalid UTF-8 decodes
// to U+FFFD one byte at a time), so callers can scan untrusted text safely.
#ifndef NEWSGRAPH_EXTRACT_ATTRS_TEXT_SCAN_H_
#define NEWSGRAPH_EXTRACT_ATTRS_TEXT_SCAN_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::extract::attrs {

// Decodes the code point starting at text[pos] and stores its byte length in
// *len (>= 1). Returns U+FFFD with *len == 1 for an invalid or truncated
// sequence. Requires pos < text.size().
char32_t DecodeAt(std::string_view text, size_t pos, size_t* len);

// DecodeAt with the three-byte sequences that make up Chinese text decoded
// inline (the other forms call DecodeAt). Requires pos < text.size().
inline char32_t DecodeAtInline(std::string_view text, size_t pos,
                               size_t* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (text.size() - pos >= 3 && (s[0] & 0xF0) == 0xE0 &&
      (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
    *len = 3;
    return static_cast<char32_t>(((s[0] & 0x0Fu) << 12) |
                                 ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
  }
  return DecodeAt(text, pos, len);
}

// Decodes the code point that ends just before text[pos] and stores its byte
// length in *len. Returns 0 with *len == 0 when pos == 0.
char32_t DecodeBefore(std::string_view text, size_t pos, size_t* len);

// Byte length of the code point at text[pos] (1 for invalid bytes); 0 when
// pos >= text.size(). (ASCII inline, the rest out of line.)
size_t MultiByteCodePointLength(std::string_view text, size_t pos);
inline size_t CodePointLength(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if (static_cast<unsigned char>(text[pos]) < 0x80) return 1;
  return MultiByteCodePointLength(text, pos);
}

// ASCII character classes; false for every byte of a multi-byte character.
inline constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline constexpr bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline constexpr bool IsAsciiAlnum(char c) {
  return IsAsciiDigit(c) || IsAsciiAlpha(c);
}

// True when text[pos] exists and is an ASCII digit / letter.
inline bool DigitAt(std::string_view text, size_t pos) {
  return pos < text.size() && IsAsciiDigit(text[pos]);
}
inline bool AlphaAt(std::string_view text, size_t pos) {
  return pos < text.size() && IsAsciiAlpha(text[pos]);
}

// True when `lit` occurs in text at byte offset pos. (Inline, first byte
// compared first: the attribute scanners probe word tables at every
// position, and most probes fail on the first byte.)
inline bool HasAt(std::string_view text, size_t pos, std::string_view lit) {
  return pos <= text.size() && text.size() - pos >= lit.size() &&
         (lit.empty() ||
          (text[pos] == lit[0] &&
           std::memcmp(text.data() + pos + 1, lit.data() + 1, lit.size() - 1) == 0));
}

// True when text[0, pos) ends with `lit`.
inline bool EndsAt(std::string_view text, size_t pos, std::string_view lit) {
  return pos <= text.size() && pos >= lit.size() &&
         (lit.empty() ||
          (text[pos - 1] == lit.back() &&
           std::memcmp(text.data() + pos - lit.size(), lit.data(), lit.size() - 1) == 0));
}

// True when no ASCII letter or digit touches position pos from the left /
// from the right (a word boundary for ASCII words).
inline bool BoundaryBefore(std::string_view text, size_t pos) {
  return pos == 0 || pos > text.size() || !IsAsciiAlnum(text[pos - 1]);
}
inline bool BoundaryAfter(std::string_view text, size_t pos) {
  return pos >= text.size() || !IsAsciiAlnum(text[pos]);
}

// Position of the first byte at or after pos that is not ASCII or is an
// ASCII letter or digit: skips spaces, punctuation and the '_' of masks.
inline size_t SkipAsciiOther(std::string_view text, size_t pos) {
  static constexpr auto kOther = [] {
    std::array<bool, 256> other{};
    for (int b = 0; b < 0x80; ++b) {
      other[b] = !IsAsciiAlnum(static_cast<char>(b));
    }
    return other;
  }();
  while (pos < text.size() && kOther[static_cast<unsigned char>(text[pos])]) {
    ++pos;
  }
  return pos;
}

// Position after any ASCII spaces starting at pos.
inline size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos;
}

// A fixed set of words starting with an ASCII byte, for testing a text's
// words against a word list at once: a length check, then a comparison with
// only the entries that have the word's first byte. Holds views: the added
// words must outlive the set.
class WordSet {
 public:
  void Add(std::string_view word) {
    const auto b = static_cast<unsigned char>(word.at(0));
    if (b >= 0x80) throw std::invalid_argument("WordSet: non-ASCII first byte");
    if (Contains(word)) return;
    lengths_[b] |= uint32_t{1} << std::min<size_t>(word.size(), 31);
    by_first_[b].push_back(word);
  }
  bool Contains(std::string_view word) const {
    if (word.empty()) return false;
    const auto b = static_cast<unsigned char>(word[0]);
    if (b >= 0x80) return false;
    if (!((lengths_[b] >> std::min<size_t>(word.size(), 31)) & 1)) return false;
    for (std::string_view w : by_first_[b]) {
      if (w == word) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 0x80> by_first_;
  // Bit n of lengths_[b]: an entry of n bytes (31: 31 or more) starts with b.
  std::array<uint32_t, 0x80> lengths_{};
};

// True when the run of ASCII letters at pos (which must be a letter)
// begins a word and is one of `words`: the only letters where a scanner's
// forms written in letters may start. Sets *end to the end of the run.
inline bool WordAtIn(std::string_view text, size_t pos, const WordSet& words,
                     size_t* end) {
  size_t e = pos + 1;
  while (e < text.size() && IsAsciiAlpha(text[e])) ++e;
  *end = e;
  return BoundaryBefore(text, pos) && words.Contains(text.substr(pos, e - pos));
}

// A set of BMP code points, one bit each (8 KiB): every character the
// scanners look for lies in the BMP.
class BmpSet {
 public:
  constexpr void Add(char32_t cp) {
    if (cp >= 0x10000) throw std::invalid_argument("BmpSet: not in the BMP");
    bits_[cp / 64] |= uint64_t{1} << (cp % 64);
  }
  constexpr void AddAll(const BmpSet& other) {
    for (size_t i = 0; i < bits_.size(); ++i) bits_[i] |= other.bits_[i];
  }
  constexpr bool Contains(char32_t cp) const {
    return cp < 0x10000 && ((bits_[cp / 64] >> (cp % 64)) & 1);
  }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

// An ASCII decimal number: "300", "6.5", "1,000,000", "11.9".
struct DecimalNumber {
  size_t end = 0;      // byte offset just past the number
  std::string digits;  // the number without group separators, e.g. "1000000.5"
  int integer_digits = 0;  // digits before the decimal point
  bool grouped = false;    // written with "," thousands separators
  bool fraction = false;   // has a decimal point
};

// Scans a decimal number starting at text[pos] (which must be a digit for a
// match). Groups must be exactly three digits ("1,000" but not "1,00"); a
// '.' or ',' not followed by the right digits ends the number before it.
std::optional<DecimalNumber> ScanDecimal(std::string_view text, size_t pos);

// The double nearest to digits * 10^exp10, where digits is a DecimalNumber's
// digits ("6.5") and exp10 a power of ten; correctly rounded.
double DecimalValue(std::string_view digits, int exp10);

// An English number word and where it ends.
struct NumberWord {
  int value = 0;
  size_t end = 0;
};

// Scans an English number word ("one".."ninety-nine", "ten", "a dozen" is
// not one) starting at a word boundary at text[pos] and ending at one.
// "twenty-five" is read as one word. With allow_article, "a" and "an" read
// as 1.
std::optional<NumberWord> ScanNumberWord(std::string_view text, size_t pos,
                                         bool allow_article);

// The words ScanNumberWord reads: its number words and, with
// allow_article, "a" and "an".
std::vector<std::string_view> NumberWords(bool allow_article);

}  // namespace newsgraph::extract::attrs

#endif  // NEWSGRAPH_EXTRACT_ATTRS_TEXT_SCAN_H_
