// Character classes used by the text heuristics (white space, letters, CJK)
// and white-space trimming of spans.
//
// All functions are pure and thread-safe; they accept any code point.
#ifndef NEWSGRAPH_TEXT_CHAR_CLASS_H_
#define NEWSGRAPH_TEXT_CHAR_CLASS_H_

#include <string_view>

#include "text/span.h"

namespace newsgraph::text {

// Unicode White_Space (tab, LF, CR, space, NBSP, U+3000 ideographic space,
// U+2000..U+200A, ...) plus the invisible U+200B zero width space and U+FEFF
// byte order mark, which saved pages use like spaces.
bool IsWhiteSpace(char32_t c);

// False when a UTF-8 sequence starting with the bytes b0 b1 b2 (0 past the
// end) cannot be an IsWhiteSpace code point; true for ASCII. Above ASCII
// only a few byte sequences start white space.
bool MayStartWhiteSpace(unsigned char b0, unsigned char b1, unsigned char b2);

// Alphabetic code points (ICU UCHAR_ALPHABETIC): Latin, Greek, Cyrillic, CJK
// ideographs, kana, Hangul, ... Digits are not letters.
bool IsLetter(char32_t c);

// Han ideographs, kana, Hangul and bopomofo.
bool IsCjk(char32_t c);

// Decimal digits, ASCII and others (ICU u_isdigit).
bool IsDigit(char32_t c);

// General categories Ps (open punctuation) and Pi (initial quote).
bool IsOpeningPunctuation(char32_t c);

// `span` of `text` without leading and trailing IsWhiteSpace code points; an
// empty span at the original end when it is all white space. Requires
// span.end <= text.size() and span boundaries on code point boundaries.
Span TrimSpan(std::string_view text, Span span);

// `s` without leading and trailing white space.
std::string_view TrimWhiteSpace(std::string_view s);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_CHAR_CLASS_H_
