#include "extract/mentions.h"

#include <algorithm>
#include <charconv>

namespace newsgraph::extract {

namespace internal {

// If ms[i] is followed by "(" holding only names of the same entity (and
// separators), returns the index one past the last mention inside; else i.
size_t ParenAliasEnd(std::string_view norm, const std::vector<Mention>& ms,
                     size_t i) {
  size_t p = ms[i].end;
  // Spaces and closing quotes may stand between a name and "(": “星际之门”(...)
  while (p < norm.size()) {
    if (norm[p] == ' ' || norm[p] == '"') {
      ++p;
    } else if (norm.compare(p, 3, "”") == 0 || norm.compare(p, 3, "」") == 0 ||
               norm.compare(p, 3, "』") == 0) {
      p += 3;
    } else {
      break;
    }
  }
  if (p >= norm.size() || norm[p] != '(') return i;
  size_t close = norm.find(')', p);
  if (close == std::string_view::npos || close - p > 160) return i;
  size_t j = i + 1;
  size_t q = p + 1;
  bool any = false;
  while (true) {
    // Separators between names inside the parenthesis.
    while (q < close && (norm[q] == ' ' || norm[q] == ',' || norm[q] == ';' ||
                         norm[q] == '/'))
      ++q;
    if (q >= close) break;
    if (norm.compare(q, 3, "、") == 0) {
      q += 3;
      continue;
    }
    if (j < ms.size() && ms[j].core_begin == q && ms[j].core_end <= close &&
        ms[j].entity == ms[i].entity) {
      q = ms[j].core_end;
      ++j;
      any = true;
      continue;
    }
    return i;  // something else inside: a description, not an alias
  }
  return any ? j : i;
}

}  // namespace internal

void BuildSlotted(std::string_view norm, const std::vector<Mention>& ms,
                  Slotted* out) {
  Slotted& s = *out;
  s.text.clear();
  s.tokens.clear();
  s.text.reserve(norm.size() + ms.size() * 4);
  s.tokens.reserve(ms.size());
  size_t pos = 0;
  for (size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    s.text.append(norm.substr(pos, m.begin - pos));
    Slotted::Token t;
    t.slotted_begin = uint32_t(s.text.size());
    s.text.push_back('\x01');
    s.text.push_back(m.code);
    char digits[16];
    s.text.append(digits, std::to_chars(digits, digits + sizeof digits, k).ptr);
    s.text.push_back('\x02');
    t.slotted_end = uint32_t(s.text.size());
    t.norm_begin = m.begin;
    t.norm_end = m.end;
    s.tokens.push_back(t);
    pos = m.end;
  }
  s.text.append(norm.substr(pos));
}

size_t Slotted::ToNorm(size_t off, bool is_end) const {
  // Last token starting at or before off.
  auto it = std::upper_bound(
      tokens.begin(), tokens.end(), off,
      [](size_t o, const Token& t) { return o < t.slotted_begin; });
  if (it == tokens.begin()) return off;
  const Token& t = *(it - 1);
  if (off < t.slotted_end) {
    if (off == t.slotted_begin) return t.norm_begin;
    return is_end ? t.norm_end : t.norm_begin;
  }
  return t.norm_end + (off - t.slotted_end);
}

}  // namespace newsgraph::extract
