#include "text/normalizer.h"

#include <unicode/translit.h>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <limits>
#include <utility>

#include "text/icu_status.h"
#include "text/utf8.h"

namespace newsgraph::text {

namespace {

void AppendAsciiLower(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->append(s);
  for (size_t i = start; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
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
};

namespace {

constexpr UChar32 kCjkFirst = 0x3400, kCjkLast = 0x9FFF;

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

// Rewrites, in place, every 3-byte CJK character of `text` that has a
// Simplified form (same UTF-8 length, so offsets are unchanged).
void FoldHantToHans(const std::vector<char16_t>& table, std::string* text) {
  if (table.empty()) return;
  std::string& t = *text;
  for (size_t i = 0; i + 2 < t.size();) {
    unsigned char b0 = static_cast<unsigned char>(t[i]);
    if (b0 < 0xE3 || b0 > 0xE9) {  // U+3000..U+9FFF start with E3..E9
      i += b0 < 0x80 ? 1 : (b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4));
      continue;
    }
    UChar32 c = ((b0 & 0x0F) << 12) |
                ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(t[i + 2]) & 0x3F);
    if (c >= kCjkFirst && c <= kCjkLast) {
      char16_t to = table[c - kCjkFirst];
      if (to != 0) {
        t[i] = static_cast<char>(0xE0 | (to >> 12));
        t[i + 1] = static_cast<char>(0x80 | ((to >> 6) & 0x3F));
        t[i + 2] = static_cast<char>(0x80 | (to & 0x3F));
      }
    }
    i += 3;
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

void Normalizer::NormalizeInto(std::string_view source,
                               Normalized* result) const {
  Normalized& out = *result;
  out.text.clear();
  out.anchors_.clear();
  const auto fallback = [&out, source]() {
    out.text.clear();
    out.anchors_.clear();
    AppendAsciiLower(source, &out.text);
    out.AddLinear(0, 0, source.size());
  };
  if (IsAscii(source) ||
      source.size() >
          static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    fallback();
  } else {
    out.text.reserve(source.size());
    // Room for the anchors of a sentence with a few changes (full-width
    // punctuation, capitals) without growing the vector step by step.
    out.anchors_.reserve(16);
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits edits;
    icu::StringByteSink<std::string> sink(&out.text);
    impl_->nfkc_cf->normalizeUTF8(
        0, icu::StringPiece(source.data(), static_cast<int32_t>(source.size())),
        sink, &edits, status);
    if (U_FAILURE(status)) {
      fallback();
    } else {
      icu::Edits::Iterator it = edits.getFineIterator();
      while (it.next(status)) {
        const auto s0 = static_cast<size_t>(it.sourceIndex());
        const auto d0 = static_cast<size_t>(it.destinationIndex());
        const auto old_length = static_cast<size_t>(it.oldLength());
        const auto new_length = static_cast<size_t>(it.newLength());
        if (!it.hasChange()) {
          out.AddLinear(s0, d0, old_length);
        } else {
          AddChangedRange(source, s0, old_length, d0, new_length, &out);
        }
      }
      if (U_FAILURE(status)) fallback();
    }
  }
  out.anchors_.push_back({source.size(), out.text.size(), false});
  FoldHantToHans(impl_->hant_to_hans, &out.text);
}

}  // namespace newsgraph::text
