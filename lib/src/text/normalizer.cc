#include "text/normalizer.h"

#include <unicode/translit.h>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "base/per_thread.h"
#include "text/icu_status.h"
#include "text/utf8.h"

namespace newsgraph::text {

namespace {

// Eight ASCII bytes with 'A'..'Z' made lower case. Each byte is below 0x80,
// so adding to it carries into its own top bit only: that bit is set in
// `ge_a` for bytes from 'A' up and in `gt_z` for bytes past 'Z'.
inline uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  const uint64_t ge_a = w + kOnes * (0x80 - 'A');
  const uint64_t gt_z = w + kOnes * (0x7F - 'Z');
  return w | (((ge_a ^ gt_z) & (kOnes * 0x80)) >> 2);  // 0x80 >> 2 = 0x20
}

// Writes `s` (ASCII) lower-cased to `out`, eight bytes a step.
void LowerAsciiTo(const char* s, size_t n, char* out) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    w = LowerAscii8(w);
    std::memcpy(out + i, &w, 8);
  }
  for (; i < n; ++i) {
    const char c = s[i];
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

void AppendAsciiLower(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->resize(start + s.size());
  LowerAsciiTo(s.data(), s.size(), out->data() + start);
}

}  // namespace

// ---------------------------------------------------------------------------
// Normalized

size_t Normalized::source_size() const {
  return anchors_.empty() ? 0 : anchors_.back().source;
}

size_t Normalized::segment_count() const {
  return anchors_.empty() ? 0 : anchors_.size() - 1;
}

size_t Normalized::SegmentOf(size_t norm_offset) const {
  // The last anchor whose norm start is <= norm_offset. Segments with empty
  // output share their norm start with the next segment and are skipped.
  auto it = std::upper_bound(
      anchors_.begin(), anchors_.end(), norm_offset,
      [](size_t value, const Anchor& a) { return value < a.norm; });
  return static_cast<size_t>(it - anchors_.begin()) - 1;
}

size_t Normalized::SourceBegin(size_t norm_offset) const {
  if (anchors_.empty()) return 0;
  if (norm_offset >= text.size()) return source_size();
  const size_t i = SegmentOf(norm_offset);
  const Anchor& a = anchors_[i];
  return a.linear ? a.source + (norm_offset - a.norm) : a.source;
}

size_t Normalized::SourceEnd(size_t norm_end) const {
  norm_end = std::min(norm_end, text.size());
  // (An empty text has only the sentinel: nothing after it to read.)
  if (anchors_.empty() || norm_end == 0) return 0;
  const size_t i = SegmentOf(norm_end - 1);
  const Anchor& a = anchors_[i];
  return a.linear ? a.source + (norm_end - a.norm) : anchors_[i + 1].source;
}

void Normalized::AddLinear(size_t source, size_t norm, size_t length) {
  if (length == 0) return;
  if (!anchors_.empty()) {
    const Anchor& last = anchors_.back();
    // A linear run continuing the previous linear run needs no anchor.
    if (last.linear && source - last.source == norm - last.norm) return;
  }
  anchors_.push_back({source, norm, true});
}

void Normalized::AddOpaque(size_t source, size_t norm) {
  anchors_.push_back({source, norm, false});
}

// ---------------------------------------------------------------------------
// Normalizer

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;  // owned by ICU, immutable
  // Traditional -> Simplified Chinese, one code point to one code point, for
  // U+3400..U+9FFF (0 = unchanged). Built from ICU's Hant-Hans transform.
  std::vector<char16_t> hant_to_hans;
  // What NormalizeInto may do with each BMP code point without asking ICU
  // (the Fast* values below), from ICU's own answers for it alone.
  std::vector<uint16_t> fast;
  // The output (Hant-Hans folded) of each code point marked kFastMapped + k
  // in `fast`, at index k.
  std::vector<std::string> mapped;
};

namespace {

constexpr UChar32 kCjkFirst = 0x3400, kCjkLast = 0x9FFF;

// The longest text ICU is given (its lengths are int32_t); longer text is
// only case folded.
constexpr size_t kMaxIcuInput = std::numeric_limits<int32_t>::max();

// Builds the per-character Traditional -> Simplified table. Characters whose
// simplified form is not a single character of the same block are left
// alone, so that the fold never changes byte offsets.
std::vector<char16_t> BuildHantToHans() {
  std::vector<char16_t> table(kCjkLast - kCjkFirst + 1, 0);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      "Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) return {};
  // One call over all characters, separated by newlines, then a check that
  // the lines still pair up one to one.
  icu::UnicodeString all;
  for (UChar32 c = kCjkFirst; c <= kCjkLast; ++c) {
    all.append(c);
    all.append(static_cast<char16_t>(u'\n'));
  }
  icu::UnicodeString out(all);
  t->transliterate(out);
  if (out.length() != all.length()) return {};
  for (UChar32 c = kCjkFirst; c <= kCjkLast; ++c) {
    int32_t i = (c - kCjkFirst) * 2;
    char16_t to = out.charAt(i);
    if (to != static_cast<char16_t>(c) && to >= kCjkFirst && to <= kCjkLast)
      table[c - kCjkFirst] = to;
  }
  return table;
}

// Writes the BMP code point c (U+0800 and above) as three bytes of UTF-8.
inline void WriteThreeBytes(char32_t c, char* o) {
  o[0] = static_cast<char>(0xE0 | (c >> 12));
  o[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  o[2] = static_cast<char>(0x80 | (c & 0x3F));
}

// Rewrites, in place, every 3-byte CJK character of t[0, size) that has a
// Simplified form (same UTF-8 length, so offsets are unchanged).
void FoldHantToHans(const std::vector<char16_t>& table, char* t, size_t size) {
  if (table.empty()) return;
  for (size_t i = 0; i + 2 < size;) {
    unsigned char b0 = static_cast<unsigned char>(t[i]);
    if (b0 < 0xE3 || b0 > 0xE9) {  // U+3000..U+9FFF start with E3..E9
      i += b0 < 0x80 ? 1 : (b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4));
      continue;
    }
    UChar32 c = ((b0 & 0x0F) << 12) |
                ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(t[i + 2]) & 0x3F);
    if (c >= kCjkFirst && c <= kCjkLast) {
      const char16_t to = table[c - kCjkFirst];
      if (to != 0) WriteThreeBytes(to, t + i);
    }
    i += 3;
  }
}

// Values of Impl::fast, one per BMP code point c:
// - kFastNone: c may combine with the character before it (no
//   normalization boundary before c), or is a surrogate. ICU normalizes it,
//   with the character before it.
// - kFastBoundary: a boundary before c, but c changes in a way the table
//   does not hold. ICU normalizes it; a piece given to ICU may end before c.
// - kFastSame: a boundary before c, and c alone normalizes to itself.
// - kFastFold: the same, then Hant-Hans folds it (the table of that).
// - kFastMapped + k: boundaries before and after c, which alone normalizes
//   to Impl::mapped[k].
// A text is the concatenation of the normalized pieces it has when cut
// before any character with a boundary before it (ICU's definition of
// hasBoundaryBefore), so a run of kFastSame characters is its own output.
constexpr uint16_t kFastNone = 0;
constexpr uint16_t kFastBoundary = 1;
constexpr uint16_t kFastSame = 2;
constexpr uint16_t kFastFold = 3;
constexpr uint16_t kFastMapped = 4;

// Copies to o the three-byte characters from s on (n bytes) that `fast`
// marks kFastSame, or Hant-Hans folds those it marks kFastFold, up to the
// first other one; returns how many bytes (as many as it wrote). Most
// Chinese text is such characters: a loop of its own, on plain pointers.
size_t CopyThreeByteRun(const unsigned char* s, size_t n, const uint16_t* fast,
                        const char16_t* hant_to_hans, char* o) {
  size_t i = 0;
  while (i + 2 < n) {
    const unsigned b0 = s[i], b1 = s[i + 1], b2 = s[i + 2];
    // Lead bytes E1..EC and EE..EF take any two continuation bytes.
    if (b0 < 0xE1 || b0 >= 0xF0 || b0 == 0xED || (b1 & 0xC0) != 0x80 ||
        (b2 & 0xC0) != 0x80)
      break;
    const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    const uint16_t v = fast[c];
    if (v == kFastSame) {
      o[i] = static_cast<char>(b0);
      o[i + 1] = static_cast<char>(b1);
      o[i + 2] = static_cast<char>(b2);
    } else if (v == kFastFold) {
      WriteThreeBytes(hant_to_hans[c - kCjkFirst], o + i);
    } else {
      break;
    }
    i += 3;
  }
  return i;
}

void BuildFastTable(const icu::Normalizer2& n,
                    const std::vector<char16_t>& hant_to_hans,
                    std::vector<uint16_t>* fast,
                    std::vector<std::string>* mapped) {
  fast->assign(0x10000, kFastNone);
  mapped->clear();
  std::string utf8;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || !n.hasBoundaryBefore(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized =
        n.normalize(icu::UnicodeString(c), status);
    uint16_t value = kFastBoundary;
    if (U_FAILURE(status)) {
      // ICU decides, as it does for any character the table leaves to it.
    } else if (normalized.length() == 1 && normalized.charAt(0) == c) {
      const bool folds = c >= kCjkFirst && c <= kCjkLast &&
                         !hant_to_hans.empty() &&
                         hant_to_hans[c - kCjkFirst] != 0;
      value = folds ? kFastFold : kFastSame;
    } else if (n.hasBoundaryAfter(c) &&
               mapped->size() < size_t{0x10000 - kFastMapped}) {
      utf8.clear();
      normalized.toUTF8String(utf8);
      FoldHantToHans(hant_to_hans, utf8.data(), utf8.size());
      value = static_cast<uint16_t>(kFastMapped + mapped->size());
      mapped->push_back(utf8);
    }
    (*fast)[c] = value;
  }
}

}  // namespace

Normalizer::Normalizer(std::unique_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  NEWSGRAPH_RETURN_IF_ERROR(IcuStatus(status, "text: NFKC_Casefold data"));
  // The ASCII fast paths below rely on every ASCII character starting a
  // segment and folding to its lower case.
  for (UChar32 c = 0; c < 0x80; ++c) {
    if (!n->hasBoundaryBefore(c)) {
      return Status::Internal(
          "text: NFKC_Casefold: ASCII character without a boundary before it");
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->nfkc_cf = n;
  impl->hant_to_hans = BuildHantToHans();
  BuildFastTable(*n, impl->hant_to_hans, &impl->fast, &impl->mapped);
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

void Normalizer::AddChangedRange(std::string_view source, size_t s0,
                                 size_t old_length, size_t d0,
                                 size_t new_length, Normalized* out) const {
  const std::string_view old_text = source.substr(s0, old_length);
  // The range as one segment.
  const auto whole = [&] {
    if (old_length == new_length && IsAscii(old_text)) {
      out->AddLinear(s0, d0, old_length);
    } else {
      out->AddOpaque(s0, d0);
    }
  };
  // One code point (most changes: a full-width comma, an upper-case letter)
  // has no cut inside.
  if (old_text.empty() || DecodeUtf8(old_text, 0).length == old_text.size())
    return whole();
  // Cut points: code points with a normalization boundary before them.
  std::vector<size_t> cuts = {0};
  for (size_t pos = 0; pos < old_text.size();) {
    const Decoded d = DecodeUtf8(old_text, pos);
    if (pos > 0 && (!d.valid || impl_->nfkc_cf->hasBoundaryBefore(
                                    static_cast<UChar32>(d.code_point)))) {
      cuts.push_back(pos);
    }
    pos += d.length;
  }
  cuts.push_back(old_text.size());
  if (cuts.size() == 2) return whole();  // a single segment
  // Normalize the pieces one by one; if their outputs do not concatenate to
  // ICU's output for the whole range, keep the range as one segment.
  const std::string_view expected =
      std::string_view(out->text).substr(d0, new_length);
  std::vector<std::string> outputs(cuts.size() - 1);
  size_t produced = 0;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::string_view piece =
        old_text.substr(cuts[k], cuts[k + 1] - cuts[k]);
    if (IsAscii(piece)) {
      AppendAsciiLower(piece, &outputs[k]);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      icu::StringByteSink<std::string> sink(&outputs[k]);
      impl_->nfkc_cf->normalizeUTF8(
          0, icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())),
          sink, nullptr, status);
      if (U_FAILURE(status)) {
        out->AddOpaque(s0, d0);
        return;
      }
    }
    if (expected.substr(produced, outputs[k].size()) != outputs[k]) {
      out->AddOpaque(s0, d0);
      return;
    }
    produced += outputs[k].size();
  }
  if (produced != expected.size()) {
    out->AddOpaque(s0, d0);
    return;
  }
  size_t d = d0;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::string_view piece =
        old_text.substr(cuts[k], cuts[k + 1] - cuts[k]);
    if (piece == outputs[k] ||
        (piece.size() == outputs[k].size() && IsAscii(piece))) {
      out->AddLinear(s0 + cuts[k], d, piece.size());
    } else {
      out->AddOpaque(s0 + cuts[k], d);
    }
    d += outputs[k].size();
  }
}

Normalized Normalizer::Normalize(std::string_view source) const {
  Normalized out;
  NormalizeInto(source, &out);
  return out;
}

Normalized Normalizer::NormalizeWholeForTesting(std::string_view source) const {
  Normalized out;
  NormalizeWhole(source, &out);
  return out;
}

void Normalizer::NormalizeWhole(std::string_view source,
                                Normalized* out) const {
  out->anchors_.clear();
  size_t end = 0;
  const bool ascii = IsAscii(source);
  if (ascii || source.size() > kMaxIcuInput ||
      !NormalizeRange(source, 0, source.size(), 0, out, &end)) {
    NormalizeAsciiOnly(source, ascii, out);
    return;
  }
  out->text.resize(end);
  out->anchors_.push_back({source.size(), end, false});
}

void Normalizer::NormalizeAsciiOnly(std::string_view source, bool ascii,
                                    Normalized* out) const {
  out->text.clear();
  out->anchors_.clear();
  AppendAsciiLower(source, &out->text);
  out->AddLinear(0, 0, source.size());
  out->anchors_.push_back({source.size(), out->text.size(), false});
  if (!ascii)
    FoldHantToHans(impl_->hant_to_hans, out->text.data(), out->text.size());
}

bool Normalizer::NormalizeRange(std::string_view source, size_t begin,
                                size_t end, size_t d, Normalized* out,
                                size_t* d_end) const {
  // ICU writes to a buffer of the thread's; its output is then copied to
  // out->text at d, where AddChangedRange reads it.
  struct Piece {};
  std::string& piece = base::PerThread<Piece, std::string>();
  piece.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(&piece);
  impl_->nfkc_cf->normalizeUTF8(
      0,
      icu::StringPiece(source.data() + begin,
                       static_cast<int32_t>(end - begin)),
      sink, &edits, status);
  if (U_FAILURE(status)) return false;
  std::string& t = out->text;
  if (t.size() < d + piece.size())
    t.resize(std::max(2 * t.size(), d + piece.size()));
  std::memcpy(t.data() + d, piece.data(), piece.size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const size_t s0 = begin + static_cast<size_t>(it.sourceIndex());
    const size_t d0 = d + static_cast<size_t>(it.destinationIndex());
    const auto old_length = static_cast<size_t>(it.oldLength());
    const auto new_length = static_cast<size_t>(it.newLength());
    if (!it.hasChange()) {
      out->AddLinear(s0, d0, old_length);
    } else {
      AddChangedRange(source, s0, old_length, d0, new_length, out);
    }
  }
  if (U_FAILURE(status)) return false;
  FoldHantToHans(impl_->hant_to_hans, t.data() + d, piece.size());
  *d_end = d + piece.size();
  return true;
}

void Normalizer::NormalizeInto(std::string_view source,
                               Normalized* result) const {
  const bool ascii = IsAscii(source);
  if (ascii || source.size() > kMaxIcuInput) {
    // ASCII needs only its case folded; oversized text gets no more.
    NormalizeAsciiOnly(source, ascii, result);
  } else if (!NormalizeFast(source, result)) {
    NormalizeWhole(source, result);  // ill-formed: as ICU reads it
  }
}

bool Normalizer::NormalizeFast(std::string_view source,
                               Normalized* result) const {
  Normalized& out = *result;
  std::string& t = out.text;
  out.anchors_.clear();
  // Room for the anchors of a sentence with a few changes (full-width
  // punctuation, capitals) without growing the vector step by step.
  out.anchors_.reserve(16);
  const auto* s = reinterpret_cast<const unsigned char*>(source.data());
  const size_t n = source.size();
  const std::vector<uint16_t>& fast = impl_->fast;
  // The output is written at t[d]; t is grown ahead of it and cut to d at
  // the end. Copied and folded characters take no more bytes than they had
  // in the source, so room for what is left of the source (kept after each
  // mapping and each piece ICU writes) is room for them.
  size_t d = 0;
  size_t i = 0;
  auto room = [&](size_t more) {
    if (t.size() < d + more) t.resize(std::max(2 * t.size(), d + more));
  };
  room(n);
  // The run of kFastSame characters (and ASCII) being copied, and its last
  // character, where a piece for ICU starts if the next one may combine
  // with it.
  size_t run_s = 0, run_d = 0;
  size_t last_s = 0, last_d = 0;
  bool has_last = false;
  // The fast table's value for the character at source[at] and its length;
  // false for ill-formed bytes. Characters outside the BMP are kFastNone.
  auto classify = [&](size_t at, size_t* length, uint16_t* value,
                      char32_t* cp) {
    const unsigned char b0 = s[at];
    if (b0 < 0x80) {
      *length = 1;
      *value = kFastSame;
      *cp = b0;
      return true;
    }
    const Decoded dc = DecodeUtf8(source, at);
    if (!dc.valid) return false;
    *length = dc.length;
    *cp = dc.code_point;
    *value = dc.code_point < 0x10000 ? fast[dc.code_point] : kFastNone;
    return true;
  };
  while (i < n) {
    const unsigned char b0 = s[i];
    if (b0 < 0x80) {
      const size_t k = SkipAscii(source, i);
      LowerAsciiTo(source.data() + i, k - i, t.data() + d);
      d += k - i;
      last_s = k - 1;
      last_d = d - 1;
      has_last = true;
      i = k;
      continue;
    }
    if (b0 >= 0xE1) {
      const size_t k = CopyThreeByteRun(s + i, n - i, fast.data(),
                                        impl_->hant_to_hans.data(),
                                        t.data() + d);
      if (k > 0) {
        last_s = i + k - 3;
        last_d = d + k - 3;
        has_last = true;
        i += k;
        d += k;
        continue;
      }
    }
    char32_t c = 0;
    size_t length = 0;
    uint16_t value = kFastNone;
    if (!classify(i, &length, &value, &c)) return false;
    if (value == kFastSame || value == kFastFold) {
      // Two bytes, or three not taken above (lead byte E0 or ED).
      if (value == kFastSame) {
        std::memcpy(t.data() + d, s + i, length);
      } else {
        WriteThreeBytes(impl_->hant_to_hans[c - kCjkFirst], t.data() + d);
      }
      last_s = i;
      last_d = d;
      has_last = true;
      d += length;
      i += length;
      continue;
    }
    // A character with a mapping of its own is one segment, as ICU records
    // it, when nothing after it may combine with it: a boundary after it,
    // and one before the next character.
    size_t next_length = 0;
    uint16_t next_value = kFastNone;
    char32_t next_c = 0;
    if (value >= kFastMapped &&
        (i + length == n ||
         (classify(i + length, &next_length, &next_value, &next_c) &&
          next_value != kFastNone))) {
      out.AddLinear(run_s, run_d, i - run_s);
      const std::string& m = impl_->mapped[value - kFastMapped];
      room(m.size());
      std::memcpy(t.data() + d, m.data(), m.size());
      out.AddOpaque(i, d);
      d += m.size();
      i += length;
      room(n - i);
      run_s = i;
      run_d = d;
      has_last = false;
      continue;
    }
    // ICU normalizes a piece: from the character before this one (which may
    // combine with it; a boundary lies before that one) to the next
    // character with a boundary before it.
    const size_t begin = has_last ? last_s : i;
    const size_t begin_d = has_last ? last_d : d;
    out.AddLinear(run_s, run_d, begin - run_s);
    size_t end = i + length;
    while (end < n) {
      size_t l = 0;
      uint16_t v = kFastNone;
      char32_t cp = 0;
      if (!classify(end, &l, &v, &cp)) return false;
      if (v != kFastNone) break;
      end += l;
    }
    if (!NormalizeRange(source, begin, end, begin_d, &out, &d)) return false;
    i = end;
    room(n - i);
    run_s = i;
    run_d = d;
    has_last = false;
  }
  out.AddLinear(run_s, run_d, n - run_s);
  t.resize(d);
  out.anchors_.push_back({n, d, false});
  return true;
}

}  // namespace newsgraph::text
