// Name folding and relation aggregates: pure helpers of the store.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/store_impl.h"

namespace newsgraph::store {

namespace {

// Decodes one UTF-8 sequence at s[i] (the text is valid UTF-8: the
// extractor checked it); returns the code point and advances i.
char32_t Decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {
    ++i;
    return c;
  }
  char32_t cp = len == 1   ? c
                : len == 2 ? c & 0x1F
                : len == 3 ? c & 0x0F
                           : c & 0x07;
  for (int k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x3000;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < name.size()) {
    size_t start = i;
    char32_t cp = Decode(name, i);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
    } else {
      out.append(name.substr(start, i - start));
    }
  }
  return out;
}

bool IsSupport(std::string_view status) {
  return status != "denied" && status != "negated";
}

void Aggregate::AddDocument(int64_t evidence, bool supported,
                            const std::string& date, const std::string& lang) {
  evidence_count += evidence;
  if (!supported) return;
  ++support_docs;
  if (!date.empty()) {
    if (first_seen.empty() || date < first_seen) first_seen = date;
    if (last_seen.empty() || date > last_seen) last_seen = date;
  }
  if (!lang.empty()) languages.insert(lang);
}

std::string Aggregate::LanguagesText() const {
  std::string out;
  for (const auto& l : languages) {
    if (!out.empty()) out.push_back(',');
    out += l;
  }
  return out;
}

void Aggregate::ParseLanguages(const std::string& text) {
  languages.clear();
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    if (comma > pos) languages.insert(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
}

}  // namespace newsgraph::store
