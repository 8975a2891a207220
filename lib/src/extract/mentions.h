// Mentions of entities in one normalized sentence, and the "slotted" form
// of the sentence that rules match against.
#ifndef NEWSGRAPH_EXTRACT_MENTIONS_H_
#define NEWSGRAPH_EXTRACT_MENTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/matcher.h"

namespace newsgraph::extract {

struct Mention {
  uint32_t begin = 0, end = 0;            // normalized span, incl. descriptor
                                          // and parenthetical alias
  uint32_t core_begin = 0, core_end = 0;  // the name itself
  int entity = -1;                        // resolver-defined entity index
  char code = '?';                        // entity type code
  bool coreference = false;               // a phrase like 该公司 / the company
};

// Turns selected dictionary candidates into mentions: a parenthesis right
// after a name that holds only names of the same entity ("(GIP)",
// "(Global ..., GAIIP)") is absorbed into the mention.
// `code_of(entity)` gives the type code of an entity index.
// The mentions replace what `out` held, in its buffer.
template <typename CodeOf>
void BuildMentions(const std::vector<dict::Candidate>& sel,
                   std::string_view norm, CodeOf code_of,
                   std::vector<Mention>* out);

// The sentence with every mention replaced by "\x01<code><index>\x02",
// and a map back to normalized offsets.
struct Slotted {
  std::string text;
  struct Token {
    uint32_t slotted_begin, slotted_end, norm_begin, norm_end;
  };
  std::vector<Token> tokens;  // in order
  // Normalized offset of a slotted offset (inside a token: the token's
  // start, or its end when `is_end`).
  size_t ToNorm(size_t slotted_offset, bool is_end) const;
};

// Replaces what `out` held, keeping its buffers.
void BuildSlotted(std::string_view norm, const std::vector<Mention>& ms,
                  Slotted* out);

// ---- implementation of the template ----

namespace internal {
size_t ParenAliasEnd(std::string_view norm, const std::vector<Mention>& ms,
                     size_t i);
}  // namespace internal

template <typename CodeOf>
void BuildMentions(const std::vector<dict::Candidate>& sel,
                   std::string_view norm, CodeOf code_of,
                   std::vector<Mention>* out) {
  std::vector<Mention>& ms = *out;
  ms.clear();
  ms.reserve(sel.size());
  for (const auto& c : sel) {
    Mention m;
    m.begin = m.core_begin = c.begin;
    m.end = m.core_end = c.end;
    m.entity = c.entity;
    m.code = code_of(c.entity);
    ms.push_back(m);
  }
  // Absorb parenthetical aliases of the same entity, in place: the kept
  // mentions move to the front, and ParenAliasEnd reads only ms[i] and
  // those after it, which no write has reached yet.
  size_t kept = 0;
  for (size_t i = 0; i < ms.size(); ++i) {
    Mention m = ms[i];
    size_t j = internal::ParenAliasEnd(norm, ms, i);
    if (j > i) {
      // ms[i+1 .. j-1] are inside the parenthesis; the mention now ends
      // after the closing parenthesis.
      size_t close = norm.find(')', ms[j - 1].end);
      m.end = uint32_t(close + 1);
      i = j - 1;
    }
    ms[kept++] = m;
  }
  ms.resize(kept);
}

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_MENTIONS_H_
