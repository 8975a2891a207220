#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.h"

namespace newsgraph::text {

bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c == 0x200B || c == 0xFEFF) return true;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

bool IsCjk(char32_t c) {
  if (c < 0x1100) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return false;
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
         s == USCRIPT_HANGUL || s == USCRIPT_BOPOMOFO;
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsOpeningPunctuation(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

bool MayStartWhiteSpace(unsigned char b0, unsigned char b1, unsigned char b2) {
  switch (b0) {
    case 0xC2: return true;            // U+0085, U+00A0
    case 0xE1: return b1 == 0x9A;      // U+1680
    case 0xE2:                         // U+2000..U+200B, U+2028, U+2029,
      return (b1 == 0x80 &&            // U+202F, U+205F
              (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ||
             (b1 == 0x81 && b2 == 0x9F);
    case 0xE3: return b1 == 0x80 && b2 == 0x80;  // U+3000 (not 。)
    case 0xEF: return b1 == 0xBB;      // U+FEFF
    default: return b0 < 0x80;
  }
}

Span TrimSpan(std::string_view text, Span span) {
  size_t b = span.begin;
  size_t e = span.end;
  const auto byte = [&](size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
  };
  // ASCII bytes are their own code points, and most others (CJK) show
  // from their first two bytes that they are not white space: no decoding
  // for them.
  while (b < e) {
    const unsigned char c = static_cast<unsigned char>(text[b]);
    if (c < 0x80) {
      if (!IsWhiteSpace(c)) break;
      ++b;
      continue;
    }
    if (!MayStartWhiteSpace(c, byte(b + 1), byte(b + 2))) break;
    const Decoded d = DecodeUtf8(text, b);
    if (!d.valid || !IsWhiteSpace(d.code_point)) break;
    b += d.length;
  }
  while (e > b) {
    const unsigned char c = static_cast<unsigned char>(text[e - 1]);
    if (c < 0x80) {
      if (!IsWhiteSpace(c)) break;
      --e;
      continue;
    }
    // A white-space code point ending at e starts at the last byte before
    // e that is not a continuation byte, and shows there.
    size_t q = e - 1;
    while (q > b && q + 3 >= e && IsUtf8Continuation(text[q])) --q;
    if (!MayStartWhiteSpace(static_cast<unsigned char>(text[q]), byte(q + 1),
                            byte(q + 2)))
      break;
    const size_t p = PreviousCodePointStart(text, e);
    if (p < b) break;
    const Decoded d = DecodeUtf8(text, p);
    if (!d.valid || !IsWhiteSpace(d.code_point)) break;
    e = p;
  }
  if (b == e) return {span.end, span.end};
  return {b, e};
}

std::string_view TrimWhiteSpace(std::string_view s) {
  return TrimSpan(s, {0, s.size()}).In(s);
}

}  // namespace newsgraph::text
