#include "rules/atom_scanner.h"

#include <algorithm>
#include <bit>

#include "base/per_thread.h"

namespace newsgraph::rules {

namespace {

unsigned char Lower(unsigned char b) {
  return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b + 32) : b;
}

// Characters without case outside ASCII: punctuation, symbols, CJK, kana,
// hangul. A conservative list: anything else makes Create decline.
bool Caseless(uint32_t c) {
  return c < 0x80 || (c >= 0xA0 && c <= 0xBF && c != 0xB5) || c == 0xD7 ||
         c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x3000 && c <= 0x30FF) ||
         (c >= 0x3100 && c <= 0x312F) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF01 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF9F);
}

// True when `s` is UTF-8 made only of caseless characters.
bool AllCaseless(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t c = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      const auto t = static_cast<unsigned char>(s[i + k]);
      if ((t >> 6) != 2) return false;
      c = (c << 6) | (t & 0x3F);
    }
    if (!Caseless(c)) return false;
    i += len;
  }
  return true;
}

}  // namespace

std::unique_ptr<AtomScanner> AtomScanner::Create(
    const std::vector<std::string>& atoms) {
  std::unique_ptr<AtomScanner> s(new AtomScanner());
  s->atom_count_ = atoms.size();
  for (const auto& a : atoms) {
    if (a.empty() || !AllCaseless(a)) return nullptr;
    for (char ch : a) {
      const unsigned char b = Lower(static_cast<unsigned char>(ch));
      if (s->class_of_[b] == 0) {
        if (s->classes_ == 255) return nullptr;
        s->class_of_[b] = static_cast<uint8_t>(++s->classes_);
      }
    }
  }
  // Upper-case ASCII letters share their lower-case letter's class.
  for (int b = 'A'; b <= 'Z'; ++b) s->class_of_[b] = s->class_of_[b + 32];
  const int nc = ++s->classes_;  // class 0: bytes in no atom

  // The trie (goto function), -1 where there is no edge.
  std::vector<int32_t> go(nc, -1);
  std::vector<std::vector<int>> own(1);
  for (size_t i = 0; i < atoms.size(); ++i) {
    int32_t state = 0;
    for (char ch : atoms[i]) {
      const int c = s->class_of_[static_cast<unsigned char>(ch)];
      int32_t& next = go[size_t(state) * nc + c];
      if (next < 0) {
        next = int32_t(own.size());
        own.emplace_back();
        go.resize(go.size() + nc, -1);
      }
      state = go[size_t(state) * nc + c];  // `next` may dangle after resize
    }
    own[state].push_back(int(i));
  }
  const size_t n = own.size();
  if (n > 65535) return nullptr;

  // Breadth first: failure links, the full transition table (trie ids),
  // and each state's outputs (its own atoms, then its failure state's).
  std::vector<int32_t> fail(n, 0);
  std::vector<std::vector<int>> out(n);
  std::vector<int32_t> delta(n * nc, 0);
  std::vector<int32_t> bfs = {0};  // the states in breadth-first order
  bfs.reserve(n);
  out[0] = own[0];
  for (int c = 0; c < nc; ++c) {
    const int32_t t = go[c];
    if (t > 0) {
      delta[c] = t;
      fail[t] = 0;
      bfs.push_back(t);
    }
  }
  for (size_t next = 1; next < bfs.size(); ++next) {
    const int32_t u = bfs[next];
    out[u] = own[u];
    out[u].insert(out[u].end(), out[fail[u]].begin(), out[fail[u]].end());
    for (int c = 0; c < nc; ++c) {
      const int32_t t = go[size_t(u) * nc + c];
      if (t > 0) {
        fail[t] = delta[size_t(fail[u]) * nc + c];
        delta[size_t(u) * nc + c] = t;
        bfs.push_back(t);
      } else {
        delta[size_t(u) * nc + c] = delta[size_t(fail[u]) * nc + c];
      }
    }
  }

  // The final numbering: breadth first, the states without output first
  // (the root among them: no atom is empty), then those with.
  std::vector<uint16_t> id(n);
  uint16_t next_id = 0;
  for (const bool with_output : {false, true}) {
    if (with_output) s->first_output_ = next_id;
    for (int32_t u : bfs)
      if (out[u].empty() != with_output) id[u] = next_id++;
  }
  s->delta_.resize(n * nc);
  for (size_t u = 0; u < n; ++u)
    for (int c = 0; c < nc; ++c)
      s->delta_[size_t(id[u]) * nc + c] = id[delta[u * nc + c]];
  s->outputs_begin_.reserve(n - s->first_output_ + 1);
  for (int32_t u : bfs) {
    if (out[u].empty()) continue;
    s->outputs_begin_.push_back(uint32_t(s->outputs_.size()));
    s->outputs_.insert(s->outputs_.end(), out[u].begin(), out[u].end());
  }
  s->outputs_begin_.push_back(uint32_t(s->outputs_.size()));
  return s;
}

void AtomScanner::Find(std::string_view text, std::vector<int>* found) const {
  // The atoms that end are set in a per-thread bitmap, one bit an atom,
  // with a second level saying which of its words are non-zero: no branch
  // on whether an atom was seen before, and reading the bits back in
  // order gives them ascending, each once, without a sort (and clears the
  // bitmap for the next call).
  struct Bitmaps {
    std::vector<uint64_t> bitmap, words;
  };
  Bitmaps& bitmaps = base::PerThread<Bitmaps, Bitmaps>();
  std::vector<uint64_t>& bitmap = bitmaps.bitmap;
  std::vector<uint64_t>& words = bitmaps.words;
  const size_t nwords = (atom_count_ + 63) / 64;
  if (bitmap.size() < nwords) {
    bitmap.resize(nwords, 0);
    words.resize((nwords + 63) / 64, 0);
  }
  // Locals: the compiler would otherwise load the members again after
  // every store into the bitmaps.
  uint64_t* const bits = bitmap.data();
  uint64_t* const nonzero = words.data();
  const uint16_t* const delta = delta_.data();
  const uint8_t* const class_of = class_of_;
  const uint32_t first_output = first_output_;
  const uint32_t* const outputs_begin = outputs_begin_.data();
  const int* const outputs = outputs_.data();
  const size_t nc = size_t(classes_);
  uint32_t state = 0;
  for (char ch : text) {
    state = delta[state * nc + class_of[static_cast<unsigned char>(ch)]];
    if (state < first_output) continue;  // no atom ends here
    const uint32_t o = state - first_output;
    for (uint32_t k = outputs_begin[o], e = outputs_begin[o + 1]; k < e; ++k) {
      const uint32_t atom = uint32_t(outputs[k]);
      bits[atom >> 6] |= uint64_t{1} << (atom & 63);
      nonzero[atom >> 12] |= uint64_t{1} << ((atom >> 6) & 63);
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    for (uint64_t w = nonzero[i]; w != 0; w &= w - 1) {
      const size_t word = i * 64 + size_t(std::countr_zero(w));
      for (uint64_t b = bits[word]; b != 0; b &= b - 1)
        found->push_back(int(word * 64 + size_t(std::countr_zero(b))));
      bits[word] = 0;
    }
    nonzero[i] = 0;
  }
}

}  // namespace newsgraph::rules
