#include "rules/jit_capture.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cctype>
#include <string>

#include "base/per_thread.h"

namespace newsgraph::rules {

namespace {

// Backtracking steps one search may take before PCRE2 gives up (RE2 then
// decides). This bounds the time a pattern can take on any sentence; the
// rule patterns on news sentences take a few hundred.
constexpr uint32_t kMatchLimit = 200000;

// RE2's \s: [\t\n\f\r ] (PCRE2's also holds \v).
constexpr std::string_view kSpace = "\\t\\n\\f\\r\\x20";

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

}  // namespace

std::string JitCapture::Translate(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 32);
  bool in_class = false;
  size_t class_start = 0;  // index in p just after '[' or '[^'
  size_t i = 0;
  // Copies "\x{...}" or "\p{...}" at i through its '}' (false: unclosed);
  // i is left on the '}'.
  auto copy_braced = [&]() {
    const size_t close = p.find('}', i + 3);
    if (close == std::string_view::npos) return false;
    out.append(p.substr(i, close + 1 - i));
    i = close;
    return true;
  };
  for (; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return "";
      const char e = p[i + 1];
      if (e == 'Q') {  // literal text through \E, as it is in both
        size_t end = p.find("\\E", i + 2);
        end = end == std::string_view::npos ? p.size() : end + 2;
        out.append(p.substr(i, end - i));
        i = end - 1;
        continue;
      }
      switch (e) {
        case 's':
          if (in_class) out.append(kSpace);
          else out.append("[").append(kSpace).append("]");
          break;
        case 'S':
          if (in_class) return "";  // [^\S...] has no short PCRE2 spelling
          out.append("[^").append(kSpace).append("]");
          break;
        case 'v':  // RE2: the VT character; PCRE2: a class
          out.append("\\x0b");
          break;
        case 'x':
          // \xHH or \x{...}: the same in both.
          if (i + 2 < p.size() && p[i + 2] == '{') {
            if (!copy_braced()) return "";
            continue;
          }
          if (i + 3 < p.size() && IsHex(p[i + 2]) && IsHex(p[i + 3])) {
            out.append(p.substr(i, 4));
            i += 3;
            continue;
          }
          return "";
        case 'p':
        case 'P':
          // \pL or \p{Han}: Unicode properties in both.
          if (i + 2 < p.size() && p[i + 2] == '{') {
            if (!copy_braced()) return "";
            continue;
          }
          if (i + 2 >= p.size()) return "";
          out.append(p.substr(i, 3));
          i += 2;
          continue;
        case 'd': case 'D': case 'w': case 'W':  // ASCII in both
        case 'b': case 'B': case 'A': case 'z':
        case 'a': case 'f': case 't': case 'n': case 'r':
          out.append(p.substr(i, 2));
          break;
        default:
          // Escaped punctuation means the character itself in both;
          // any other escape (\C, \1, ...) is not translated.
          if (std::isalnum(static_cast<unsigned char>(e)) ||
              static_cast<unsigned char>(e) >= 0x80)
            return "";
          out.append(p.substr(i, 2));
          break;
      }
      ++i;
      continue;
    }
    if (in_class) {
      // A ']' right after '[' or '[^' is a literal; '[:alpha:]' is the
      // same in both.
      if (c == ']' && i != class_start) in_class = false;
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {
        size_t close = p.find(":]", i + 2);
        if (close == std::string_view::npos) return "";
        out.append(p.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      if (i + 1 < p.size() && p[i + 1] == '^') {
        out.push_back('^');
        ++i;
      }
      class_start = i + 1;
      continue;
    }
    // "{,n}" is a literal in RE2 and in PCRE2 10.42 but a repetition in
    // later PCRE2 releases.
    if (c == '{' && i + 1 < p.size() && p[i + 1] == ',') return "";
    out.push_back(c);
  }
  if (in_class) return "";
  return out;
}

struct JitCapture::Impl {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Impl() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

JitCapture::JitCapture(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JitCapture::~JitCapture() = default;

std::unique_ptr<JitCapture> JitCapture::Create(std::string_view re2_pattern,
                                               int ngroups) {
  const std::string pattern = Translate(re2_pattern);
  if (pattern.empty()) return nullptr;
  pcre2_compile_context* cc = pcre2_compile_context_create(nullptr);
  if (!cc) return nullptr;
  pcre2_set_newline(cc, PCRE2_NEWLINE_LF);  // '.' excludes \n only, as in RE2
  int error = 0;
  PCRE2_SIZE offset = 0;
  auto impl = std::make_unique<Impl>();
  // "$" is the end of the text only, as in RE2.
  impl->code = pcre2_compile(
      reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
      PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_DUPNAMES,
      &error, &offset, cc);
  pcre2_compile_context_free(cc);
  if (!impl->code) return nullptr;
  uint32_t count = 0;
  if (pcre2_pattern_info(impl->code, PCRE2_INFO_CAPTURECOUNT, &count) != 0 ||
      int(count) != ngroups)
    return nullptr;
  if (pcre2_jit_compile(impl->code, PCRE2_JIT_COMPLETE) != 0) return nullptr;
  impl->context = pcre2_match_context_create(nullptr);
  if (!impl->context) return nullptr;
  pcre2_set_match_limit(impl->context, kMatchLimit);
  return std::unique_ptr<JitCapture>(new JitCapture(std::move(impl)));
}

JitCapture::Outcome JitCapture::Find(std::string_view text, size_t pos,
                                     int ngroups, re2::StringPiece* groups,
                                     bool valid_utf8) const {
  // One match data block per thread, grown to the largest pattern seen.
  struct Data {
    pcre2_match_data* md = nullptr;
    uint32_t pairs = 0;
    ~Data() { pcre2_match_data_free(md); }
  };
  Data& data = base::PerThread<Data, Data>();
  if (data.pairs < uint32_t(ngroups)) {
    pcre2_match_data_free(data.md);
    data.md = pcre2_match_data_create(uint32_t(ngroups), nullptr);
    data.pairs = data.md ? uint32_t(ngroups) : 0;
    if (!data.md) return Outcome::kUndecided;
  }
  // pcre2_match, not pcre2_jit_match: it runs the JIT code too, after
  // checking that the text is valid UTF-8 (the JIT code assumes it is),
  // unless the caller has. Without the check nothing tells a start inside
  // a character, which PCRE2 would refuse: that is looked at here.
  uint32_t options = 0;
  if (valid_utf8) {
    if (pos > text.size()) return Outcome::kUndecided;
    if (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
      return Outcome::kUndecided;
    options = PCRE2_NO_UTF_CHECK;
  }
  const int rc = pcre2_match(
      impl_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
      pos, options, data.md, impl_->context);
  if (rc == PCRE2_ERROR_NOMATCH) return Outcome::kNoMatch;
  if (rc <= 0) return Outcome::kUndecided;  // limit reached, or an error
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data.md);
  for (int g = 0; g < ngroups; ++g) {
    if (g >= rc || ov[2 * g] == PCRE2_UNSET) {
      groups[g] = re2::StringPiece();
    } else {
      groups[g] = re2::StringPiece(text.data() + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
    }
  }
  return Outcome::kMatch;
}

}  // namespace newsgraph::rules
