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

Span TrimSpan(std::string_view text, Span span) {
  size_t b = span.begin;
  size_t e = span.end;
  // ASCII bytes are their own code points: no decoding for them.
  while (b < e) {
    const unsigned char c = static_cast<unsigned char>(text[b]);
    if (c < 0x80) {
      if (!IsWhiteSpace(c)) break;
      ++b;
      continue;
    }
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
