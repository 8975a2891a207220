#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <utility>

#include "text/char_class.h"
#include "text/icu_status.h"
#include "text/utf8.h"

namespace newsgraph::text {

namespace {

// Abbreviations after which a sentence never ends on the same line. ICU's
// "en@ss=standard" list already covers Mr., Mrs., Inc., Co., No., Jan. ..
// Dec. and others, but lacks some common news abbreviations and cannot
// suppress multi-period ones such as "U.S." (observed with ICU 72).
// Case-sensitive; matched as whole tokens.
constexpr std::string_view kAbbreviations[] = {
    "U.S.",  "U.K.",    "U.N.", "E.U.", "U.S.A.", "D.C.",  "Dr.",   "St.",
    "Gen.",  "Gov.",    "Sen.", "Rep.", "Rev.",   "Prof.", "Sgt.",  "Col.",
    "Capt.", "Lt.",     "Jr.",  "Sr.",  "Ltd.",   "Corp.", "Inc.",  "Co.",
    "Mr.",   "Mrs.",    "Ms.",  "Mt.",  "Ave.",   "Dept.", "Univ.", "vs.",
    "No.",   "approx.", "e.g.", "i.e.",
};

// Largest chunk handed to ICU at once: break positions are int32_t.
constexpr size_t kMaxChunk = size_t{1} << 30;

bool IsLineBreakByte(char c) {
  return c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// End of the text of [begin, end) without trailing white space.
size_t ContentEnd(std::string_view text, size_t begin, size_t end) {
  const Span s = TrimSpan(text, {begin, end});
  return s.empty() ? begin : s.end;
}

// True when [q, b) contains a line break (U+2028, U+2029 and U+0085 count).
bool HasLineBreak(std::string_view text, size_t q, size_t b) {
  const std::string_view gap = text.substr(q, b - q);
  for (char c : gap) {
    if (IsLineBreakByte(c)) return true;
  }
  return gap.find("\xE2\x80\xA8") != gap.npos ||
         gap.find("\xE2\x80\xA9") != gap.npos ||
         gap.find("\xC2\x85") != gap.npos;
}

// True when a full stop at text[q - 1] touches the next character, an
// ASCII one that starts no sentence: not a space nor an upper-case letter.
bool GluedFullStop(std::string_view text, size_t q, size_t next) {
  if (q != next || q == 0 || text[q - 1] != '.' || next >= text.size())
    return false;
  const unsigned char c = static_cast<unsigned char>(text[next]);
  return c < 0x80 && !std::isspace(c) && !std::isupper(c) && c != '"' &&
         c != '\'';
}

// True when text[begin, q) ends with a whole-token abbreviation.
bool EndsWithAbbreviation(std::string_view text, size_t begin, size_t q) {
  const std::string_view sentence = text.substr(begin, q - begin);
  if (sentence.empty() || sentence.back() != '.') return false;
  for (std::string_view abbr : kAbbreviations) {
    if (sentence.size() < abbr.size() ||
        sentence.substr(sentence.size() - abbr.size()) != abbr) {
      continue;
    }
    const size_t at = q - abbr.size();
    if (at == begin) return true;
    const Decoded d = DecodeUtf8(text, PreviousCodePointStart(text, at));
    if (IsWhiteSpace(d.code_point) || IsOpeningPunctuation(d.code_point)) {
      return true;
    }
  }
  return false;
}

// True when text[b] is an ASCII lower-case letter.
bool StartsLowerCase(std::string_view text, size_t b) {
  return b < text.size() && text[b] >= 'a' && text[b] <= 'z';
}

// Where the sentence [begin, b) really ends once opening punctuation left
// dangling at its end is moved to the next sentence; b when nothing moves.
size_t MoveOpenersForward(std::string_view text, size_t begin, size_t b) {
  size_t q = ContentEnd(text, begin, b);
  const size_t content_end = q;
  while (q > begin) {
    const size_t p = PreviousCodePointStart(text, q);
    const Decoded d = DecodeUtf8(text, p);
    bool opener = d.valid && IsOpeningPunctuation(d.code_point);
    if (d.code_point == '"') {
      // A straight quote opens when the quotes before it are balanced.
      const auto before = text.substr(begin, p - begin);
      opener = std::count(before.begin(), before.end(), '"') % 2 == 0;
    }
    if (!opener) break;
    q = p;
  }
  return q == content_end ? b : q;
}

}  // namespace

// A mutex-guarded free list of clones of one prototype iterator.
class SentenceSplitter::IteratorPool {
 public:
  explicit IteratorPool(std::unique_ptr<icu::BreakIterator> prototype)
      : prototype_(std::move(prototype)) {}

  // A free iterator, or a new clone; nullptr when cloning fails.
  std::unique_ptr<icu::BreakIterator> Acquire() {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      auto it = std::move(free_.back());
      free_.pop_back();
      return it;
    }
    return std::unique_ptr<icu::BreakIterator>(prototype_->clone());
  }

  void Release(std::unique_ptr<icu::BreakIterator> it) {
    if (it == nullptr) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.size() < kMaxFree) free_.push_back(std::move(it));
  }

 private:
  static constexpr size_t kMaxFree = 64;
  const std::unique_ptr<icu::BreakIterator> prototype_;
  std::mutex mu_;
  std::vector<std::unique_ptr<icu::BreakIterator>> free_;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<IteratorPool> pool)
    : pool_(std::move(pool)) {}

SentenceSplitter::~SentenceSplitter() = default;

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> prototype(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"),
                                                 status));
  NEWSGRAPH_RETURN_IF_ERROR(IcuStatus(status, "text: sentence break iterator"));
  if (prototype == nullptr) {
    return Status::Internal("text: sentence break iterator: not created");
  }
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(
      std::make_unique<IteratorPool>(std::move(prototype))));
}

std::vector<Span> SentenceSplitter::Split(std::string_view text,
                                          size_t base_offset) const {
  std::vector<Span> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.size();
    if (end - pos > kMaxChunk) {
      // Cut after the last line break of the window, else at a code point.
      const size_t nl = text.substr(pos, kMaxChunk).rfind('\n');
      end = nl != std::string_view::npos ? pos + nl + 1 : pos + kMaxChunk;
      while (end > pos + 1 && IsUtf8Continuation(text[end])) --end;
    }
    SplitChunk(text.substr(pos, end - pos), base_offset + pos, &out);
    pos = end;
  }
  return out;
}

void SentenceSplitter::SplitChunk(std::string_view text, size_t offset,
                                  std::vector<Span>* out) const {
  // 1. Raw boundaries from ICU, or line ends if ICU fails.
  std::vector<size_t> bounds = {0};
  std::unique_ptr<icu::BreakIterator> it = pool_->Acquire();
  UErrorCode status = U_ZERO_ERROR;
  bool ok = false;
  if (it != nullptr) {
    icu::LocalUTextPointer ut(utext_openUTF8(
        nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_SUCCESS(status)) it->setText(ut.getAlias(), status);
    if (U_SUCCESS(status)) {
      it->first();
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE;
           b = it->next()) {
        bounds.push_back(static_cast<size_t>(b));
      }
      ok = U_SUCCESS(status);
    }
    pool_->Release(std::move(it));
  }
  if (!ok) {
    bounds = {0};
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') bounds.push_back(i + 1);
    }
  }
  if (bounds.back() != text.size()) bounds.push_back(text.size());

  // 2. Drop breaks on the same line after listed abbreviations, before
  //    a lower-case Latin letter ("'Really?' he asked."), and after a full
  //    stop glued to the next character ("<N>.<N>%", "v2.x").
  std::vector<size_t> merged = {0};
  for (size_t i = 1; i + 1 < bounds.size(); ++i) {
    const size_t begin = merged.back();
    const size_t q = ContentEnd(text, begin, bounds[i]);
    if (q > begin && !HasLineBreak(text, q, bounds[i]) &&
        (EndsWithAbbreviation(text, begin, q) ||
         StartsLowerCase(text, bounds[i]) || GluedFullStop(text, q, bounds[i]))) {
      continue;
    }
    merged.push_back(bounds[i]);
  }
  merged.push_back(text.size());

  // 3. Move dangling opening punctuation forward, trim, drop empty spans.
  size_t begin = 0;
  for (size_t i = 1; i < merged.size(); ++i) {
    size_t end = merged[i];
    if (i + 1 < merged.size()) end = MoveOpenersForward(text, begin, end);
    const Span s = TrimSpan(text, {begin, end});
    if (!s.empty()) out->push_back({s.begin + offset, s.end + offset});
    begin = end;
  }
}

}  // namespace newsgraph::text
