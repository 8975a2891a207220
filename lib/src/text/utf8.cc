#include "text/utf8.h"

#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace newsgraph::text {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

}  // namespace

size_t SkipAscii(std::string_view s, size_t pos) {
  const size_t n = s.size();
  while (pos + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + pos, 8);
    if (word & kHighBits) break;
    pos += 8;
  }
  while (pos < n && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos;
}

size_t Utf8Length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  if (b < 0x80) return 1;
  if (b < 0xC2) return 0;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  if (b < 0xF5) return 4;
  return 0;
}

Decoded DecodeUtf8(std::string_view s, size_t pos) {
  Decoded d;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  size_t n = Utf8Length(static_cast<char>(b0));
  if (n == 0) return d;
  // Allowed range of the second byte (Table 3-7); later bytes are 80..BF.
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 == 0xE0) lo = 0xA0;
  if (b0 == 0xED) hi = 0x9F;
  if (b0 == 0xF0) lo = 0x90;
  if (b0 == 0xF4) hi = 0x8F;
  char32_t cp = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) {
    if (pos + k >= s.size()) {
      d.length = k;
      return d;
    }
    const auto b = static_cast<unsigned char>(s[pos + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
      d.length = k;
      return d;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n, true};
}

void AppendUtf8(char32_t c, std::string* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsAscii(std::string_view s) { return SkipAscii(s, 0) == s.size(); }

size_t FindInvalidUtf8(std::string_view s) {
  // simdjson's validator (Unicode's definition too, many bytes a step)
  // clears well-formed text; the scan below finds where it goes wrong.
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
  return FindInvalidUtf8Scalar(s);
}

size_t FindInvalidUtf8Scalar(std::string_view s) {
  size_t pos = 0;
  while (true) {
    pos = SkipAscii(s, pos);
    if (pos >= s.size()) return std::string_view::npos;
    const Decoded d = DecodeUtf8(s, pos);
    if (!d.valid) return pos;
    pos += d.length;
  }
}

std::string ReplaceInvalidUtf8(std::string_view s,
                               std::vector<size_t>* replaced_offsets) {
  std::string out;
  size_t bad = FindInvalidUtf8(s);
  if (bad == std::string_view::npos) return std::string(s);
  out.reserve(s.size() + 8);
  size_t copied = 0;  // s[0, copied) has been handled
  size_t pos = bad;
  while (pos < s.size()) {
    pos = SkipAscii(s, pos);
    if (pos >= s.size()) break;
    const Decoded d = DecodeUtf8(s, pos);
    if (d.valid) {
      pos += d.length;
      continue;
    }
    out.append(s.substr(copied, pos - copied));
    out.append(kReplacementUtf8);
    if (replaced_offsets != nullptr) replaced_offsets->push_back(pos);
    pos += d.length;
    copied = pos;
  }
  out.append(s.substr(copied));
  return out;
}

size_t PreviousCodePointStart(std::string_view s, size_t pos) {
  size_t p = pos - 1;
  for (int i = 0; i < 3 && p > 0 && IsUtf8Continuation(s[p]); ++i) --p;
  // Accept p only if the sequence starting there really covers pos-1.
  const Decoded d = DecodeUtf8(s, p);
  if (p + d.length >= pos) return p;
  return pos - 1;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t pos = 0; pos < s.size(); ++count) {
    pos += DecodeUtf8(s, pos).length;
  }
  return count;
}

}  // namespace newsgraph::text
