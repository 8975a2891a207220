#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ucharstrie.h>
#include <unicode/ucharstriebuilder.h>
#include <unicode/unistr.h>
#include <unicode/ustringtrie.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "base/per_thread.h"
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

// Largest chunk ICU reads from a UTF-16 copy; longer ones (never seen in
// news text) are read as UTF-8 through a UText, which copies nothing.
constexpr size_t kMaxUtf16Chunk = size_t{1} << 20;

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The Sentence_Break classes (UAX #29), Extend and Format as one. Upper,
// Lower and OLetter only matter after a full stop (ATerm). Built once from
// ICU's property data: a byte per BMP code point, ICU itself above.
enum class SbClass : uint8_t {
  // Classes that matter only right after a terminator (first, so that
  // `<= kNumeric` tells them and Other apart from the rest).
  kOther,
  kUpper,
  kLower,
  kOLetter,
  kClose,
  kSp,
  kSContinue,
  kNumeric,
  // Classes that may end a sentence, or make RuleBounds ask ICU.
  kSTerm,
  kATerm,
  kCR,
  kLF,
  kSep,
  kExtendOrFormat,  // attaches to the character before it (SB5)
  kIllFormed,       // not a Unicode property: bytes that are not UTF-8
};

// Other, Upper, Lower, OLetter, Close, Sp, SContinue or Numeric: nothing to
// do outside the tail of a terminator.
bool Passive(SbClass c) { return c <= SbClass::kNumeric; }

class SbClasses {
 public:
  static const SbClasses& Get() {
    static const SbClasses table;
    return table;
  }

  SbClass Of(char32_t c) const {
    return c < 0x10000 ? static_cast<SbClass>(bmp_[c])
                       : FromIcu(static_cast<UChar32>(c));
  }

  // Whether every code point a three-byte sequence led by `lead` can encode
  // is Passive. With ICU 72: U+4000-U+9FFF (CJK ideographs), U+B000-U+CFFF
  // (most Hangul syllables) and U+E000-U+EFFF (private use). Never for 0xE0
  // and 0xED, whose second byte is restricted.
  bool PassiveLead(unsigned char lead) const { return passive_lead_[lead]; }
  // Whether every ASCII character that is not Passive is a control
  // character (below 0x20), '.', '!' or '?': then SkipPassiveAscii may
  // stop only at those (and at non-ASCII bytes).
  bool AsciiStopsKnown() const { return ascii_stops_known_; }

 private:
  SbClasses() {
    for (UChar32 c = 0; c < 0x10000; ++c)
      bmp_[c] = static_cast<uint8_t>(FromIcu(c));
    for (unsigned lead = 0xE1; lead < 0xF0; ++lead) {
      if (lead == 0xED) continue;
      const char32_t first = char32_t{lead & 0x0Fu} << 12;
      bool passive = true;
      for (char32_t c = first; c < first + 0x1000 && passive; ++c)
        passive = Passive(static_cast<SbClass>(bmp_[c]));
      passive_lead_[lead] = passive;
    }
    ascii_stops_known_ = true;
    for (char32_t c = 0; c < 0x80; ++c)
      if (!Passive(static_cast<SbClass>(bmp_[c])) && c >= 0x20 && c != '.' &&
          c != '!' && c != '?')
        ascii_stops_known_ = false;
  }

  static SbClass FromIcu(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_STERM: return SbClass::kSTerm;
      case U_SB_ATERM: return SbClass::kATerm;
      case U_SB_CLOSE: return SbClass::kClose;
      case U_SB_SP: return SbClass::kSp;
      case U_SB_SCONTINUE: return SbClass::kSContinue;
      case U_SB_NUMERIC: return SbClass::kNumeric;
      case U_SB_UPPER: return SbClass::kUpper;
      case U_SB_LOWER: return SbClass::kLower;
      case U_SB_OLETTER: return SbClass::kOLetter;
      case U_SB_CR: return SbClass::kCR;
      case U_SB_LF: return SbClass::kLF;
      case U_SB_SEP: return SbClass::kSep;
      case U_SB_EXTEND:
      case U_SB_FORMAT: return SbClass::kExtendOrFormat;
      default: return SbClass::kOther;
    }
  }

  std::array<uint8_t, 0x10000> bmp_{};
  std::array<bool, 256> passive_lead_{};
  bool ascii_stops_known_ = false;
};

// The first position from i on whose byte is not ASCII, is a control
// character, '.', '!' or '?' (or the end of 16-byte blocks: the caller
// looks at what is left one character at a time). Sixteen bytes a step.
inline size_t SkipPassiveAscii(const unsigned char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                question = _mm_set1_epi8('?'), space = _mm_set1_epi8(0x20);
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // Signed: bytes from 0x80 on are negative, so below 0x20 too.
    __m128i stop = _mm_cmplt_epi8(v, space);
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, dot));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, bang));
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, question));
    const unsigned mask = unsigned(_mm_movemask_epi8(stop));
    if (mask != 0) return i + unsigned(__builtin_ctz(mask));
    i += 16;
  }
#else
  (void)s;
  (void)n;
#endif
  return i;
}

// The class of the code point at text[i] and its length in bytes. ASCII and
// three-byte sequences (CJK) are decoded here; the rest by DecodeUtf8.
inline SbClass ClassAt(const SbClasses& classes, std::string_view text,
                       size_t i, size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char b0 = s[i];
  if (b0 < 0x80) {
    *length = 1;
    return classes.Of(b0);
  }
  if (b0 >= 0xE1 && b0 != 0xED && b0 < 0xF0 && i + 2 < text.size() &&
      IsContinuation(s[i + 1]) && IsContinuation(s[i + 2])) {
    *length = 3;
    return classes.Of((char32_t{b0 & 0x0Fu} << 12) |
                      (char32_t{s[i + 1] & 0x3Fu} << 6) | (s[i + 2] & 0x3Fu));
  }
  const Decoded d = DecodeUtf8(text, i);
  *length = d.length;
  return d.valid ? classes.Of(d.code_point) : SbClass::kIllFormed;
}

bool IsParaSep(SbClass c) {
  return c == SbClass::kCR || c == SbClass::kLF || c == SbClass::kSep;
}

// ICU's abbreviation filter for "en@ss=standard" (SimpleFilteredSentence-
// BreakIterator, i18n/filteredbrk.cpp), redone on UTF-8 text: the same
// exception list, read from ICU's data as FilteredBreakIteratorBuilder reads
// it, split into the same two key sets, in ICU's own tries, walked as ICU
// walks them.
// The filter is crude: it ignores word starts ("XMr. Smith" keeps "Mr."),
// and as "U." and "U.S." share a first part, every entry starting "U."
// goes to the forward keys, looked at only when the text before a boundary
// ends in "U.", so ICU breaks "U.S. Treasury" after "U.S.". Reproduced as
// is: only ICU's boundaries keep the output unchanged.
class IcuAbbreviations {
 public:
  static const IcuAbbreviations& Get() {
    static const IcuAbbreviations abbreviations;
    return abbreviations;
  }

  // False when ICU's data lacks the list; then ICU itself must split text
  // with full stops.
  bool loaded() const { return loaded_; }

  // True when ICU drops its rules' boundary b (0 < b < text.size()) of the
  // well-formed text: when, skipping one space before b, the text before
  // ends with an exception ("Mr."), or with the first part of one with an
  // inner full stop ("Ph." of "Ph.D.") and the text from there starts with
  // such an exception (or with a part of one that the text ends in).
  bool Suppresses(std::string_view text, size_t b) const {
    size_t pos = b;
    if (text[pos - 1] == ' ') --pos;
    // Most boundaries follow a character no key ends with (。 ! ?).
    if (pos == 0) return false;
    const auto last = static_cast<unsigned char>(text[pos - 1]);
    if (last < 0x80 ? !key_ends_ascii_[last] : !key_ends_other_) return false;
    icu::UCharsTrie backward(*backward_);  // shares the trie's array
    size_t best = std::string_view::npos;
    int32_t best_value = 0;
    while (pos > 0) {
      char32_t c = static_cast<unsigned char>(text[pos - 1]);
      if (c < 0x80) {  // most of the time, English before a boundary
        --pos;
      } else {
        pos = PreviousCodePointStart(text, pos);
        c = DecodeUtf8(text, pos).code_point;
      }
      const UStringTrieResult r =
          backward.nextForCodePoint(static_cast<UChar32>(c));
      if (USTRINGTRIE_HAS_VALUE(r)) {
        best = pos;
        best_value = backward.getValue();
      }
      if (!USTRINGTRIE_HAS_NEXT(r)) break;
    }
    if (best == std::string_view::npos) return false;
    if (best_value == kMatch) return true;
    if (best_value != kPartial || !forward_) return false;
    icu::UCharsTrie forward(*forward_);
    UStringTrieResult r = USTRINGTRIE_INTERMEDIATE_VALUE;
    for (size_t i = best; i < text.size();) {
      const Decoded d = DecodeUtf8(text, i);
      i += d.length;
      r = forward.nextForCodePoint(static_cast<UChar32>(d.code_point));
      if (!USTRINGTRIE_HAS_NEXT(r)) break;
    }
    // As in ICU, running out of text part way through a key counts as a
    // match.
    return USTRINGTRIE_MATCHES(r);
  }

 private:
  // ICU's trie values.
  static constexpr int32_t kPartial = 1;  // look again forward
  static constexpr int32_t kMatch = 2;    // an exception: no boundary

  IcuAbbreviations() {
    std::vector<std::u16string> list;
    if (!Load(&list)) return;
    // SimpleFilteredBreakIteratorBuilder::build: an entry with a full stop
    // before its end ("Ph.D.") puts its first part, up to that full stop,
    // reversed in the backward keys as kPartial, unless an entry with the
    // same first part came first; every entry sharing that first part
    // (including one equal to it, "U." beside "U.S.") goes to the forward
    // keys whole. The rest go reversed to the backward keys as kMatch.
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    constexpr int kSuppressInReverse = 1, kAddToForward = 2;
    std::vector<int> partials(list.size(), 0);
    std::vector<std::pair<std::u16string, int32_t>> backward, forward;
    for (size_t i = 0; i < list.size(); ++i) {
      const size_t dot = list[i].find(u'.');
      if (dot == std::u16string::npos || dot + 1 == list[i].size()) continue;
      const std::u16string prefix = list[i].substr(0, dot + 1);
      bool same_as = false;
      for (size_t j = 0; j < list.size(); ++j) {
        if (j == i || list[j].compare(0, dot + 1, prefix) != 0) continue;
        if (partials[j] == 0) {
          partials[j] = kSuppressInReverse | kAddToForward;
        } else if (partials[j] & kSuppressInReverse) {
          same_as = true;
        }
      }
      if (!same_as && partials[i] == 0) {
        backward.emplace_back(std::u16string(prefix.rbegin(), prefix.rend()),
                              kPartial);
        partials[i] = kSuppressInReverse | kAddToForward;
      }
    }
    for (size_t i = 0; i < list.size(); ++i) {
      if (partials[i] == 0) {
        backward.emplace_back(std::u16string(list[i].rbegin(), list[i].rend()),
                              kMatch);
      } else {
        forward.emplace_back(list[i], kMatch);
      }
    }
    if (backward.empty()) return;  // ICU filters nothing then, nor can we
    for (const auto& [key, value] : backward) {
      if (key.empty() || key[0] >= 0x80) {
        key_ends_other_ = true;  // (an empty key: any text might match)
        if (key.empty()) key_ends_ascii_.set();
      } else {
        key_ends_ascii_.set(key[0]);
      }
    }
    backward_ = BuildTrie(backward);
    forward_ = BuildTrie(forward);
    loaded_ = backward_ && (forward.empty() || forward_);
  }

  // ICU's trie of `keys` (as FilteredBreakIteratorBuilder builds it), or
  // null when there are none or the builder fails (a key twice).
  static std::unique_ptr<icu::UCharsTrie> BuildTrie(
      const std::vector<std::pair<std::u16string, int32_t>>& keys) {
    if (keys.empty()) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    icu::UCharsTrieBuilder builder(status);
    for (const auto& [key, value] : keys) {
      builder.add(icu::UnicodeString(key.data(), static_cast<int32_t>(key.size())),
                  value, status);
    }
    std::unique_ptr<icu::UCharsTrie> trie(
        builder.build(USTRINGTRIE_BUILD_FAST, status));
    if (U_FAILURE(status)) return nullptr;
    return trie;
  }

  // The exceptions of locale "en" as SimpleFilteredBreakIteratorBuilder
  // finds them: brkitr bundle, "exceptions", "SentenceBreak" (top-level
  // keys fall back to the parent locales; root has none).
  static bool Load(std::vector<std::u16string>* list) {
    UErrorCode status = U_ZERO_ERROR;
    icu::LocalUResourceBundlePointer bundle(
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en",
                  &status));
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return false;
    icu::LocalUResourceBundlePointer exceptions(
        ures_getByKey(bundle.getAlias(), "exceptions", nullptr, &status));
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return false;
    icu::LocalUResourceBundlePointer breaks(ures_getByKey(
        exceptions.getAlias(), "SentenceBreak", nullptr, &status));
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return false;
    ures_resetIterator(breaks.getAlias());
    while (ures_hasNext(breaks.getAlias())) {
      int32_t length = 0;
      const UChar* s =
          ures_getNextString(breaks.getAlias(), &length, nullptr, &status);
      if (U_FAILURE(status)) return false;
      list->emplace_back(reinterpret_cast<const char16_t*>(s),
                         static_cast<size_t>(length));
    }
    return true;
  }

  bool loaded_ = false;
  // The last characters of the exceptions (the first of the backward
  // keys): the ASCII ones, and whether there are others.
  std::bitset<128> key_ends_ascii_;
  bool key_ends_other_ = false;
  std::unique_ptr<icu::UCharsTrie> backward_;  // reversed: ".rM" for "Mr."
  std::unique_ptr<icu::UCharsTrie> forward_;   // null: no such keys
};

// The sentence boundaries after 0 of `text` as ICU's "en@ss=standard"
// iterator finds them: appends them (the last one text.size()) and returns
// true; gives up (appends nothing, returns false) on Extend and Format
// characters, ill-formed UTF-8, and when ICU's data lacks the exception
// list. ICU's rules (sent.txt, chained) find the
// longest match from the last boundary; for text without Extend and Format
// that comes down to this machine:
//  - outside a terminator's tail nothing happens but at a terminator and
//    a paragraph separator (SB4: boundary after it, CR LF as one);
//  - a terminator's tail is Close* Sp* (SB9, SB10); the boundary falls
//    after it (SB11) unless the tail goes on with SContinue, STerm or ATerm
//    (SB8a) or, after a full stop only, with a digit right after it (SB6),
//    an Upper right after it when Upper or Lower precede it (SB7), or
//    with characters other than letters, separators and terminators that
//    end in a Lower (SB8);
//  - when the SB8 look-ahead fails, the boundary falls where the tail
//    ended, and ICU starts again from there;
//  - a match starts at the last boundary, so SB7 sees no letter before a
//    full stop that comes first after a boundary.
// ICU's abbreviation filter then drops boundaries ("Mr. Smith").
bool RuleBounds(std::string_view text, std::vector<size_t>* bounds) {
  const IcuAbbreviations& abbreviations = IcuAbbreviations::Get();
  if (!abbreviations.loaded()) return false;
  const SbClasses& classes = SbClasses::Get();
  const size_t first = bounds->size();
  const size_t n = text.size();
  auto boundary = [&](size_t b) {
    if (b == n || !abbreviations.Suppresses(text, b)) bounds->push_back(b);
  };
  enum class State {
    kText,        // outside a terminator's tail
    kTerm,        // right after a terminator
    kTermClose,   // after a terminator and Close characters
    kTermSp,      // after a terminator, Close and Sp characters
    kLowerAhead,  // SB8: the tail of a full stop went on, a Lower may come
  };
  State state = State::kText;
  bool full_stop = false;  // the terminator of the tail is an ATerm
  bool sb7 = false;        // the full stop of the tail follows a letter
  size_t tail_end = 0;     // where the tail ended (kLowerAhead)
  size_t i = 0, length = 0;
  while (true) {
    if (state == State::kText) {
      // Only terminators, separators and what ICU must judge matter here:
      // the rest goes at a table lookup a character. Runs of CJK
      // ideographs go three bytes a step, without decoding; after a
      // passive ASCII character, sixteen bytes a step.
      const auto* s = reinterpret_cast<const unsigned char*>(text.data());
      const bool ascii_runs = classes.AsciiStopsKnown();
      while (i < n) {
        if (classes.PassiveLead(s[i]) && i + 2 < n &&
            IsContinuation(s[i + 1]) && IsContinuation(s[i + 2])) {
          i += 3;
        } else if (Passive(ClassAt(classes, text, i, &length))) {
          i += length;
          if (length == 1 && ascii_runs) i = SkipPassiveAscii(s, i, n);
        } else {
          break;
        }
      }
    }
    if (i == n) {
      if (state != State::kLowerAhead) break;
      // No Lower came: the boundary is where the tail ended.
      boundary(tail_end);
      i = tail_end;
      state = State::kText;
      continue;
    }
    const SbClass c = ClassAt(classes, text, i, &length);
    if (c == SbClass::kExtendOrFormat || c == SbClass::kIllFormed) {
      bounds->resize(first);
      return false;
    }
    if (IsParaSep(c) && state != State::kLowerAhead) {
      i += length + (c == SbClass::kCR && i + 1 < n && text[i + 1] == '\n');
      boundary(i);  // SB4, or SB11 after a terminator's tail
      state = State::kText;
      continue;
    }
    switch (state) {
      case State::kText: {  // a terminator
        state = State::kTerm;
        full_stop = c == SbClass::kATerm;
        // SB7 looks at the character before the full stop (in the same
        // match: no boundary ever follows a letter).
        sb7 = false;
        if (full_stop && i > 0) {
          size_t letter_length = 0;
          const SbClass before = ClassAt(
              classes, text, PreviousCodePointStart(text, i), &letter_length);
          sb7 = before == SbClass::kUpper || before == SbClass::kLower;
        }
        i += length;
        break;
      }
      case State::kTerm:
      case State::kTermClose:
      case State::kTermSp: {
        // Where the tail goes on, and where ICU keeps looking for a Lower.
        State next = State::kText;
        bool ends = false;  // the tail ends before text[i]: a boundary
        switch (c) {
          case SbClass::kClose:
            if (state != State::kTermSp) {
              next = State::kTermClose;
            } else if (full_stop) {
              next = State::kLowerAhead;
            } else {
              ends = true;
            }
            break;
          case SbClass::kSp:
            next = State::kTermSp;
            break;
          case SbClass::kSTerm:
          case SbClass::kATerm:  // SB8a: a new tail
            next = State::kTerm;
            break;
          case SbClass::kSContinue:  // SB8a
            break;
          case SbClass::kNumeric:  // SB6, else maybe SB8
            if (!full_stop) {
              ends = true;
            } else if (state != State::kTerm) {
              next = State::kLowerAhead;
            }
            break;
          case SbClass::kUpper:  // SB7
            ends = !(full_stop && sb7 && state == State::kTerm);
            break;
          case SbClass::kLower:  // SB8
            ends = !full_stop;
            break;
          case SbClass::kOther:  // maybe SB8
            if (full_stop) {
              next = State::kLowerAhead;
            } else {
              ends = true;
            }
            break;
          default:  // OLetter
            ends = true;
            break;
        }
        if (ends) {
          boundary(i);
          state = State::kText;
          break;  // text[i] starts the next sentence
        }
        if (next == State::kLowerAhead) tail_end = i;
        if (next == State::kTerm) {
          full_stop = c == SbClass::kATerm;
          sb7 = false;  // a terminator, not a letter, precedes it
        }
        state = next;
        i += length;
        break;
      }
      case State::kLowerAhead:
        if (c == SbClass::kLower) {
          state = State::kText;
        } else if (c != SbClass::kClose && c != SbClass::kSp &&
                   c != SbClass::kNumeric && c != SbClass::kSContinue &&
                   c != SbClass::kOther) {
          // A letter other than Lower, a separator or a terminator: no
          // SB8; the boundary is where the tail ended.
          boundary(tail_end);
          i = tail_end;
          state = State::kText;
          break;
        }
        i += length;
        break;
    }
  }
  if (n > 0 && (bounds->size() == first || bounds->back() != n))
    bounds->push_back(n);
  return true;
}

// Per-thread buffers reused across calls (Split does not recurse).
struct Scratch {
  std::unique_ptr<char16_t[]> utf16;
  size_t utf16_capacity = 0;
  std::vector<size_t> bounds;
  std::vector<size_t> merged;

  // A buffer of at least n units, valid until the next call.
  char16_t* Utf16(size_t n) {
    if (utf16_capacity < n) {
      utf16.reset(new char16_t[n]);
      utf16_capacity = n;
    }
    return utf16.get();
  }
};

Scratch& ThreadScratch() { return base::PerThread<Scratch, Scratch>(); }

// Decodes `text` into out[0, *length) as UTF-16; out has room for
// text.size() units. Returns false at the first ill-formed sequence
// (Unicode Table 3-7).
bool ToUtf16(std::string_view text, char16_t* out, size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  char16_t* o = out;
  size_t i = 0;
  while (i < n) {
    // Runs of eight ASCII bytes at once.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080u) != 0) break;
      unsigned char bytes[8];  // a local copy lets the compiler vectorize
      std::memcpy(bytes, &word, 8);
      for (size_t k = 0; k < 8; ++k) o[k] = bytes[k];
      o += 8;
      i += 8;
    }
    if (i == n) break;
    const unsigned char b0 = s[i];
    char32_t c;
    if (b0 < 0x80) {
      c = b0;
      i += 1;
    } else if (b0 < 0xC2) {
      return false;
    } else if (b0 < 0xE0) {
      if (i + 1 >= n || !IsContinuation(s[i + 1])) return false;
      c = (char32_t{b0 & 0x1Fu} << 6) | (s[i + 1] & 0x3Fu);
      i += 2;
    } else if (b0 < 0xF0) {
      if (i + 2 >= n) return false;
      const unsigned char b1 = s[i + 1];
      const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
      const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
      if (b1 < lo || b1 > hi || !IsContinuation(s[i + 2])) return false;
      c = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) |
          (s[i + 2] & 0x3Fu);
      i += 3;
    } else if (b0 < 0xF5) {
      if (i + 3 >= n) return false;
      const unsigned char b1 = s[i + 1];
      const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
      if (b1 < lo || b1 > hi || !IsContinuation(s[i + 2]) ||
          !IsContinuation(s[i + 3])) {
        return false;
      }
      c = (char32_t{b0 & 0x07u} << 18) | (char32_t{b1 & 0x3Fu} << 12) |
          (char32_t{s[i + 2] & 0x3Fu} << 6) | (s[i + 3] & 0x3Fu);
      i += 4;
    } else {
      return false;
    }
    if (c < 0x10000) {
      *o++ = static_cast<char16_t>(c);
    } else {
      *o++ = static_cast<char16_t>(0xD7C0 + (c >> 10));
      *o++ = static_cast<char16_t>(0xDC00 | (c & 0x3FF));
    }
  }
  *length = static_cast<size_t>(o - out);
  return true;
}

// Appends the boundaries after 0 that `it` finds in the UTF-16 text `utf16`
// it was set to, as byte offsets into the well-formed UTF-8 text `utf16`
// was decoded from.
void CollectUtf16Bounds(icu::BreakIterator* it, const char16_t* utf16,
                        std::vector<size_t>* bounds) {
  size_t unit = 0;
  size_t byte = 0;
  it->first();
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    const auto target = static_cast<size_t>(b);
    while (unit < target) {
      // Runs of four ASCII units at once.
      while (unit + 4 <= target) {
        uint64_t units;
        std::memcpy(&units, utf16 + unit, 8);
        if ((units & 0xFF80FF80FF80FF80u) != 0) break;
        byte += 4;
        unit += 4;
      }
      if (unit == target) break;
      const char16_t c = utf16[unit];
      if (c < 0x80) {
        byte += 1;
        unit += 1;
      } else if (c < 0x800) {
        byte += 2;
        unit += 1;
      } else if (c >= 0xD800 && c < 0xDC00) {  // a surrogate pair
        byte += 4;
        unit += 2;
      } else {
        byte += 3;
        unit += 1;
      }
    }
    bounds->push_back(byte);
  }
}

static_assert(std::ranges::all_of(kAbbreviations, [](std::string_view a) {
  return a.size() >= 2 && a.back() == '.';
}));

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

// True when text[begin, q) ends with a whole-token abbreviation. `plain`
// compares every abbreviation in full (for SplitReferenceForTesting).
bool EndsWithAbbreviation(std::string_view text, size_t begin, size_t q,
                          bool plain) {
  const std::string_view sentence = text.substr(begin, q - begin);
  if (sentence.empty() || sentence.back() != '.') return false;
  for (std::string_view abbr : kAbbreviations) {
    // Every abbreviation is at least two characters and a full stop; the
    // one before the full stop rules out most of them quickly.
    if (sentence.size() < abbr.size() ||
        (!plain && sentence[sentence.size() - 2] != abbr[abbr.size() - 2]) ||
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
  SbClasses::Get();  // built now rather than in the first Split
  IcuAbbreviations::Get();  // the exception list, read from ICU's data now
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(
      std::make_unique<IteratorPool>(std::move(prototype))));
}

std::vector<Span> SentenceSplitter::Split(std::string_view text,
                                          size_t base_offset) const {
  return SplitImpl(text, base_offset, /*reference=*/false);
}

std::vector<Span> SentenceSplitter::SplitReferenceForTesting(
    std::string_view text, size_t base_offset) const {
  return SplitImpl(text, base_offset, /*reference=*/true);
}

bool SentenceSplitter::RawBoundsForTesting(std::string_view text, bool rules,
                                           std::vector<size_t>* bounds) const {
  return rules ? RuleBounds(text, bounds) : IcuBoundsUtf8(text, bounds);
}

std::vector<Span> SentenceSplitter::SplitImpl(std::string_view text,
                                              size_t base_offset,
                                              bool reference) const {
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
    SplitChunk(text.substr(pos, end - pos), base_offset + pos, &out,
               reference);
    pos = end;
  }
  return out;
}

bool SentenceSplitter::IcuBoundsUtf8(std::string_view text,
                                     std::vector<size_t>* bounds) const {
  std::unique_ptr<icu::BreakIterator> it = pool_->Acquire();
  if (it == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool ok = false;
  icu::LocalUTextPointer ut(utext_openUTF8(
      nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_SUCCESS(status)) it->setText(ut.getAlias(), status);
  if (U_SUCCESS(status)) {
    it->first();
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE;
         b = it->next()) {
      bounds->push_back(static_cast<size_t>(b));
    }
    ok = U_SUCCESS(status);
  }
  pool_->Release(std::move(it));
  return ok;
}

bool SentenceSplitter::IcuBounds(std::string_view text,
                                 std::vector<size_t>* bounds) const {
  if (text.size() > kMaxUtf16Chunk) return IcuBoundsUtf8(text, bounds);
  char16_t* utf16 = ThreadScratch().Utf16(text.size());
  size_t length = 0;
  if (!ToUtf16(text, utf16, &length)) {
    return IcuBoundsUtf8(text, bounds);  // ill-formed: ICU reads U+FFFD
  }
  std::unique_ptr<icu::BreakIterator> it = pool_->Acquire();
  if (it == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, reinterpret_cast<const UChar*>(utf16),
                   static_cast<int64_t>(length), &status);
  if (U_SUCCESS(status)) it->setText(&ut, status);
  bool ok = false;
  if (U_SUCCESS(status)) {
    CollectUtf16Bounds(it.get(), utf16, bounds);
    ok = U_SUCCESS(status);
  }
  utext_close(&ut);
  pool_->Release(std::move(it));
  return ok;
}

void SentenceSplitter::SplitChunk(std::string_view text, size_t offset,
                                  std::vector<Span>* out,
                                  bool reference) const {
  // 1. Raw boundaries from ICU, or line ends if ICU fails.
  Scratch& scratch = ThreadScratch();
  std::vector<size_t>& bounds = scratch.bounds;
  bounds.assign(1, 0);
  const bool ok = reference ? IcuBoundsUtf8(text, &bounds)
                            : RuleBounds(text, &bounds) ||
                                  IcuBounds(text, &bounds);
  if (!ok) {
    bounds.assign(1, 0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') bounds.push_back(i + 1);
    }
  }
  if (bounds.back() != text.size()) bounds.push_back(text.size());

  // 2. Drop breaks on the same line after listed abbreviations, before
  //    a lower-case Latin letter ("'Really?' he asked."), and after a full
  //    stop glued to the next character ("<N>.<N>%", "v2.x").
  std::vector<size_t>& merged = scratch.merged;
  merged.assign(1, 0);
  for (size_t i = 1; i + 1 < bounds.size(); ++i) {
    const size_t begin = merged.back();
    const size_t q = ContentEnd(text, begin, bounds[i]);
    if (q > begin && !HasLineBreak(text, q, bounds[i]) &&
        (EndsWithAbbreviation(text, begin, q, reference) ||
         StartsLowerCase(text, bounds[i]) || GluedFullStop(text, q, bounds[i]))) {
      continue;
    }
    merged.push_back(bounds[i]);
  }
  merged.push_back(text.size());

  // 3. Move dangling opening punctuation forward, trim, drop empty spans.
  if (const size_t need = out->size() + merged.size() - 1;
      need > out->capacity())
    out->reserve(std::max(need, 2 * out->capacity()));  // stays geometric
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
