// UTF-8 validation, repair and decoding helpers.
//
// All functions are pure and thread-safe. Offsets are byte offsets into the
// given string_view. Well-formedness follows Unicode 15 Table 3-7: overlong
// forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and
// truncated sequences are ill-formed.
#ifndef NEWSGRAPH_TEXT_UTF8_H_
#define NEWSGRAPH_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::text {

// The replacement character U+FFFD, encoded.
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Length of the sequence introduced by `lead`: 1 for ASCII, 2..4 for a valid
// lead byte, 0 for a continuation byte or a byte that never starts a
// well-formed sequence (0xC0, 0xC1, 0xF5..0xFF). Does not look further.
size_t Utf8Length(char lead);

// True for bytes 0x80..0xBF.
inline bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The result of decoding one code point.
struct Decoded {
  char32_t code_point = 0xFFFD;  // U+FFFD when !valid
  size_t length = 1;             // bytes consumed; always >= 1 when pos < size
  bool valid = false;            // false: `length` bytes form a maximal subpart
};

// Decodes the code point starting at byte `pos` (requires pos < s.size()).
// When the bytes are ill-formed, returns valid=false, U+FFFD, and the length
// of the maximal subpart of the ill-formed sequence (Unicode 3.9, "U+FFFD
// substitution of maximal subparts"; the practice of ICU and WHATWG).
Decoded DecodeUtf8(std::string_view s, size_t pos);

// Appends the UTF-8 encoding of `code_point` to `out`. Surrogates and values
// above U+10FFFF are appended as U+FFFD.
void AppendUtf8(char32_t code_point, std::string* out);

// True when every byte of `s` is < 0x80. Checks eight bytes at a time.
bool IsAscii(std::string_view s);

// The offset of the first byte >= 0x80 of `s` from `pos` on, or s.size();
// eight bytes at a time.
size_t SkipAscii(std::string_view s, size_t pos);

// Byte offset of the first ill-formed (invalid lead byte, overlong, surrogate,
// out-of-range or truncated) sequence in `s`, or std::string_view::npos when
// `s` is well-formed UTF-8. ASCII runs are skipped eight bytes at a time.
size_t FindInvalidUtf8(std::string_view s);

// The same, one sequence at a time (FindInvalidUtf8 checks the whole text
// with a vectorized validator first, then calls this where it fails; the
// reference for tests).
size_t FindInvalidUtf8Scalar(std::string_view s);

// Returns `s` with each maximal subpart of an ill-formed sequence replaced by
// U+FFFD (so "\xF0\x9F\x98" -> one U+FFFD, "\x80\x80" -> two). When
// `replaced_offsets` is not null, the offset in `s` of every replaced subpart
// is appended to it, in increasing order. Well-formed input is returned
// unchanged.
std::string ReplaceInvalidUtf8(std::string_view s,
                               std::vector<size_t>* replaced_offsets);

// Moves `pos` back to the start of the code point that contains byte pos-1
// (at most 3 continuation bytes are skipped). Requires 0 < pos <= s.size().
size_t PreviousCodePointStart(std::string_view s, size_t pos);

// Number of code points in `s` (each maximal ill-formed subpart counts as
// one).
size_t CountCodePoints(std::string_view s);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_UTF8_H_
