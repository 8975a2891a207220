#include "dict/matcher.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>

namespace newsgraph::dict {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

bool IsShortUpperCaseAlias(std::string_view alias) {
  if (alias.empty() || alias.size() > 5) return false;
  bool letter = false;
  for (char c : alias) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!((c >= '0' && c <= '9') || c == '.' || c == '&' || c == '-')) {
      return false;
    }
  }
  return letter;
}

Result<std::unique_ptr<Matcher>> Matcher::Build(
    const Dictionary& dictionary, const text::Normalizer& normalizer) {
  auto m = std::unique_ptr<Matcher>(new Matcher());
  // Trie construction with ordered maps, flattened afterwards.
  std::vector<std::map<uint8_t, int32_t>> trie(1);
  std::vector<int32_t> output(1, -1);
  auto add = [&](const std::string& form, int entity, bool exact) {
    std::string norm = normalizer.Normalize(form).text;
    if (norm.empty()) return;
    Pattern p;
    p.entity = entity;
    p.length = uint32_t(norm.size());
    p.case_sensitive = exact || IsShortUpperCaseAlias(form);
    p.left_boundary = IsAsciiAlnum(uint8_t(norm.front()));
    p.right_boundary = IsAsciiAlnum(uint8_t(norm.back()));
    p.exact_form = form;
    int32_t s = 0;
    for (unsigned char c : norm) {
      auto it = trie[s].find(c);
      if (it == trie[s].end()) {
        trie.emplace_back();
        output.push_back(-1);
        int32_t t = int32_t(trie.size() - 1);
        trie[s][c] = t;
        s = t;
      } else {
        s = it->second;
      }
    }
    if (output[s] >= 0) {
      // Same normalized form twice. Keep a case-insensitive one if any, so
      // that "Meta" listed as alias and exact does not lose the loose form.
      Pattern& old = m->patterns_[output[s]];
      if (old.entity == entity && !p.case_sensitive) old.case_sensitive = false;
      if (old.entity != entity && old.case_sensitive && !p.case_sensitive)
        old = p;
      return;
    }
    output[s] = int32_t(m->patterns_.size());
    m->patterns_.push_back(std::move(p));
  };
  // Foreign names in Chinese are written with several middle dots; the
  // dictionary uses U+00B7, the text may use any of them.
  auto add_spellings = [&](const std::string& form, int entity, bool exact) {
    add(form, entity, exact);
    static const char* kMiddleDot = "\u00B7";
    if (form.find(kMiddleDot) == std::string::npos) return;
    for (const char* dot : {"\u30FB", "\u2022", "\u2027"}) {
      std::string v = form;
      for (size_t p = v.find(kMiddleDot); p != std::string::npos;
           p = v.find(kMiddleDot, p + std::strlen(dot))) {
        v.replace(p, std::strlen(kMiddleDot), dot);
      }
      add(v, entity, exact);
    }
  };
  const auto& ents = dictionary.entities();
  for (int i = 0; i < int(ents.size()); ++i) {
    const Entity& e = ents[i];
    bool name_exact =
        std::find(e.exact.begin(), e.exact.end(), e.name) != e.exact.end();
    add_spellings(e.name, i, name_exact);
    for (const auto& a : e.aliases) add_spellings(a, i, false);
    for (const auto& a : e.former) add_spellings(a, i, false);
    for (const auto& a : e.exact) add_spellings(a, i, true);
  }
  // Flatten and compute failure links breadth first.
  m->nodes_.resize(trie.size());
  for (size_t s = 0; s < trie.size(); ++s) {
    m->nodes_[s].output = output[s];
    m->nodes_[s].edge_begin = uint32_t(m->edges_.size());
    for (auto [c, t] : trie[s]) m->edges_.push_back(Edge{c, t});
    m->nodes_[s].edge_end = uint32_t(m->edges_.size());
  }
  for (int c = 0; c < 256; ++c) m->root_next_[c] = 0;
  for (auto [c, t] : trie[0]) m->root_next_[c] = t;
  std::deque<int32_t> queue;
  for (auto [c, t] : trie[0]) {
    m->nodes_[t].fail = 0;
    queue.push_back(t);
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop_front();
    for (auto [c, t] : trie[s]) {
      int32_t f = m->nodes_[s].fail;
      m->nodes_[t].fail = m->Next(f, c);
      if (m->nodes_[t].fail == t) m->nodes_[t].fail = 0;
      int32_t fl = m->nodes_[t].fail;
      m->nodes_[t].dict_link =
          m->nodes_[fl].output >= 0 ? fl : m->nodes_[fl].dict_link;
      queue.push_back(t);
    }
  }
  return m;
}

int32_t Matcher::Next(int32_t state, uint8_t byte) const {
  while (true) {
    if (state == 0) return root_next_[byte];
    const Node& n = nodes_[state];
    // Edges are sorted by byte: binary search.
    auto first = edges_.begin() + n.edge_begin;
    auto last = edges_.begin() + n.edge_end;
    auto it = std::lower_bound(first, last, byte,
                               [](const Edge& e, uint8_t b) { return e.byte < b; });
    if (it != last && it->byte == byte) return it->target;
    state = n.fail;
  }
}

bool Matcher::Accept(const Pattern& p, std::string_view source,
                     const text::Normalized& norm, uint32_t begin,
                     uint32_t end) const {
  const std::string& t = norm.text;
  if (p.left_boundary && begin > 0 && IsAsciiAlnum(uint8_t(t[begin - 1])))
    return false;
  if (p.right_boundary && end < t.size() && IsAsciiAlnum(uint8_t(t[end])))
    return false;
  if (p.case_sensitive) {
    size_t sb = norm.SourceBegin(begin), se = norm.SourceEnd(end);
    if (se < sb || se > source.size()) return false;
    if (source.substr(sb, se - sb) != p.exact_form) return false;
  }
  return true;
}

void Matcher::FindAll(std::string_view source, const text::Normalized& norm,
                      std::vector<Candidate>* out) const {
  const std::string& t = norm.text;
  int32_t s = 0;
  for (uint32_t i = 0; i < t.size(); ++i) {
    s = Next(s, uint8_t(t[i]));
    for (int32_t o = nodes_[s].output >= 0 ? s : nodes_[s].dict_link; o > 0;
         o = nodes_[o].dict_link) {
      const Pattern& p = patterns_[nodes_[o].output];
      uint32_t end = i + 1, begin = end - p.length;
      if (Accept(p, source, norm, begin, end))
        out->push_back(Candidate{begin, end, p.entity});
    }
  }
}

std::vector<Candidate> SelectLeftmostLongest(std::vector<Candidate> all) {
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.entity < b.entity;
  });
  std::vector<Candidate> kept;
  uint32_t covered = 0;
  for (const auto& c : all) {
    if (!kept.empty() && c.begin < covered) continue;
    kept.push_back(c);
    covered = c.end;
  }
  return kept;
}

}  // namespace newsgraph::dict
