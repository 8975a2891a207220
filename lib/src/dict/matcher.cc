#include "dict/matcher.h"

#include <hs.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "base/joined_texts.h"
#include "base/per_thread.h"
#include "base/serial.h"

namespace newsgraph::dict {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// A thread's working space for the literal scan: Hyperscan's scratch,
// grown for every database the thread has used (it only grows), and the
// joined text.
struct LiteralWork {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> grown_for;  // serials of the databases
  base::JoinedTexts joined;
  ~LiteralWork() { hs_free_scratch(scratch); }
};

}  // namespace

struct Matcher::Literals {
  hs_database_t* db = nullptr;
  uint64_t serial = 0;
  ~Literals() { hs_free_database(db); }
};

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
    const Dictionary& dictionary, const text::Normalizer& normalizer,
    int dense_depth, bool literal_scanner) {
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
    p.norm = std::move(norm);
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

  // Renumber the states breadth first: a state's failure link (shallower)
  // then always has a smaller id, and the shallow states form a prefix.
  const size_t n = trie.size();
  std::vector<uint32_t> order;  // new id -> trie index
  std::vector<uint32_t> id(n);  // trie index -> new id
  std::vector<int> depth;       // by new id
  order.reserve(n);
  order.push_back(0);
  depth.push_back(0);
  for (size_t k = 0; k < order.size(); ++k) {
    for (auto [c, t] : trie[order[k]]) {
      id[t] = uint32_t(order.size());
      order.push_back(uint32_t(t));
      depth.push_back(depth[k] + 1);
    }
  }
  // Children by new id, sorted by byte; failure and dictionary links.
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> kids(n);
  for (size_t s = 0; s < n; ++s)
    for (auto [c, t] : trie[order[s]]) kids[s].emplace_back(c, id[t]);
  auto child = [&](uint32_t s, uint8_t c) -> int64_t {
    for (auto [b, t] : kids[s])
      if (b == c) return t;
    return -1;
  };
  std::vector<uint32_t> fail(n, 0);
  m->output_.assign(n, -1);
  m->dict_link_.assign(n, -1);
  for (size_t s = 0; s < n; ++s) m->output_[s] = output[order[s]];
  for (uint32_t s = 0; s < n; ++s) {
    for (auto [c, t] : kids[s]) {
      uint32_t f = 0;
      if (s != 0) {
        // The longest proper suffix that can go on with c.
        uint32_t g = fail[s];
        while (true) {
          int64_t next = child(g, c);
          if (next >= 0) {
            f = uint32_t(next);
            break;
          }
          if (g == 0) break;
          g = fail[g];
        }
      }
      fail[t] = f;
      m->dict_link_[t] = m->output_[f] >= 0 ? int32_t(f) : m->dict_link_[f];
    }
  }
  // Byte classes, in byte order; class 0 is every byte of no alias.
  bool used[256] = {};
  for (const auto& k : kids)
    for (auto [c, t] : k) used[c] = true;
  m->class_count_ = 1;
  for (int b = 0; b < 256; ++b)
    m->byte_class_[b] = used[b] ? uint8_t(m->class_count_++) : 0;
  const uint32_t classes = m->class_count_;

  // Dense rows for the shallow states, as deep as the size cap allows.
  int d = std::max(dense_depth, 0);
  auto dense_count = [&](int max_depth) {
    size_t r = 0;
    while (r < n && depth[r] <= max_depth) ++r;
    return r;
  };
  size_t rows = dense_count(d);
  while (d > 0 && rows * classes > kMaxDenseEntries) rows = dense_count(--d);
  m->dense_states_ = uint32_t(rows);

  // The deep states renumbered depth first, each alias's path below the
  // dense states in consecutive records: a scan that follows a name reads
  // one or two cache lines of sparse_ instead of one a byte (the dense
  // states, breadth first, keep their ids).
  {
    std::vector<uint32_t> perm(n);
    for (uint32_t s = 0; s < rows; ++s) perm[s] = s;
    uint32_t next = uint32_t(rows);
    std::vector<uint32_t> stack;
    for (uint32_t s = 0; s < rows; ++s) {
      for (auto it = kids[s].rbegin(); it != kids[s].rend(); ++it)
        if (it->second >= rows) stack.push_back(it->second);
      while (!stack.empty()) {
        const uint32_t t = stack.back();
        stack.pop_back();
        perm[t] = next++;
        for (auto it = kids[t].rbegin(); it != kids[t].rend(); ++it)
          stack.push_back(it->second);
      }
    }
    std::vector<std::vector<std::pair<uint8_t, uint32_t>>> kids2(n);
    std::vector<uint32_t> fail2(n);
    std::vector<int32_t> output2(n), link2(n);
    for (uint32_t s = 0; s < n; ++s) {
      const uint32_t p = perm[s];
      for (auto [c, t] : kids[s]) kids2[p].emplace_back(c, perm[t]);
      fail2[p] = perm[fail[s]];
      output2[p] = m->output_[s];
      link2[p] = m->dict_link_[s] >= 0 ? int32_t(perm[m->dict_link_[s]]) : -1;
    }
    kids = std::move(kids2);
    fail = std::move(fail2);
    m->output_ = std::move(output2);
    m->dict_link_ = std::move(link2);
  }
  auto packed = [&](uint32_t s) {
    return s << 1 | uint32_t(m->output_[s] >= 0 || m->dict_link_[s] >= 0);
  };
  m->dense_.assign(rows * classes, 0);
  for (uint32_t s = 0; s < rows; ++s) {
    uint32_t* row = &m->dense_[size_t(s) * classes];
    if (s != 0) {
      const uint32_t* from = &m->dense_[size_t(fail[s]) * classes];
      std::copy(from, from + classes, row);
    }
    for (auto [c, t] : kids[s]) row[m->byte_class_[c]] = packed(t);
  }
  // The literal database: every normalized form, its pattern index as id.
  // A form with a newline could run across two joined texts: none then.
  if (literal_scanner && !m->patterns_.empty()) {
    std::vector<const char*> forms;
    std::vector<size_t> lengths;
    std::vector<unsigned> flags, ids;
    bool usable = true;
    for (size_t k = 0; k < m->patterns_.size() && usable; ++k) {
      const std::string& f = m->patterns_[k].norm;
      if (f.find('\n') != std::string::npos) usable = false;
      forms.push_back(f.data());
      lengths.push_back(f.size());
      flags.push_back(0);
      ids.push_back(unsigned(k));
    }
    auto lit = std::make_shared<Literals>();
    hs_compile_error_t* error = nullptr;
    if (usable &&
        hs_compile_lit_multi(forms.data(), flags.data(), ids.data(),
                             lengths.data(), unsigned(forms.size()),
                             HS_MODE_BLOCK, nullptr, &lit->db,
                             &error) == HS_SUCCESS) {
      lit->serial = base::NextSerial();
      m->literals_ = std::move(lit);
    } else {
      hs_free_compile_error(error);
    }
  }
  // Sparse states: failure link and edges.
  m->sparse_.assign(n, Sparse{});
  for (uint32_t s = uint32_t(rows); s < n; ++s) {
    Sparse& sp = m->sparse_[s];
    sp.fail = fail[s];
    sp.count = uint16_t(kids[s].size());
    if (kids[s].empty()) continue;
    sp.first_byte = kids[s].front().first;
    if (kids[s].size() == 1) {
      sp.edge = packed(kids[s].front().second);
      continue;
    }
    sp.edge = uint32_t(m->edge_bytes_.size());
    for (auto [c, t] : kids[s]) {
      m->edge_bytes_.push_back(c);
      m->edge_targets_.push_back(packed(t));
    }
  }
  return m;
}

inline uint32_t Matcher::Step(uint32_t s, uint8_t byte) const {
  const uint32_t cls = byte_class_[byte];
  if (cls == 0) return 0;  // no alias has this byte: back to the root
  while (true) {
    if (s < dense_states_) return dense_[size_t(s) * class_count_ + cls];
    const Sparse& n = sparse_[s];
    if (n.count != 0 && byte >= n.first_byte) {
      if (n.count == 1) {
        if (byte == n.first_byte) return n.edge;
      } else {
        const uint8_t* first = edge_bytes_.data() + n.edge;
        const uint8_t* last = first + n.count;
        const uint8_t* it = first;
        if (n.count <= 8) {
          while (it != last && *it < byte) ++it;
        } else {
          it = std::lower_bound(first, last, byte);
        }
        if (it != last && *it == byte) return edge_targets_[n.edge + (it - first)];
      }
    }
    s = n.fail;
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
  const size_t size = t.size();
  uint32_t v = 0;  // packed state
  for (uint32_t i = 0; i < size; ++i) {
    v = Step(v >> 1, uint8_t(t[i]));
    if (!(v & 1)) continue;
    const uint32_t s = v >> 1;
    for (int32_t o = output_[s] >= 0 ? int32_t(s) : dict_link_[s]; o > 0;
         o = dict_link_[o]) {
      const Pattern& p = patterns_[output_[o]];
      uint32_t end = i + 1, begin = end - p.length;
      if (Accept(p, source, norm, begin, end))
        out->push_back(Candidate{begin, end, p.entity});
    }
  }
}

void Matcher::FindAllEach(std::span<const Text> texts,
                          std::vector<std::vector<Candidate>>* out) const {
  out->resize(texts.size());
  for (auto& o : *out) o.clear();
  auto by_automaton = [&] {
    for (size_t i = 0; i < texts.size(); ++i)
      FindAll(texts[i].source, *texts[i].norm, &(*out)[i]);
  };
  if (!literals_ || texts.empty()) return by_automaton();
  LiteralWork& w = base::PerThread<LiteralWork, LiteralWork>();
  if (std::find(w.grown_for.begin(), w.grown_for.end(), literals_->serial) ==
      w.grown_for.end()) {
    if (hs_alloc_scratch(literals_->db, &w.scratch) != HS_SUCCESS)
      return by_automaton();
    w.grown_for.push_back(literals_->serial);
  }
  if (!w.joined.Join(texts, [](const Text& t) {
        return std::string_view(t.norm->text);
      }))
    return by_automaton();
  struct Receiver {
    const Matcher* m;
    std::span<const Text> texts;
    const base::JoinedTexts* joined;
    std::vector<std::vector<Candidate>>* out;
  } r{this, texts, &w.joined, out};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to,
                     unsigned, void* context) -> int {
    auto* rc = static_cast<Receiver*>(context);
    // No form holds a newline: the match lies inside the text it ends in.
    const size_t k = rc->joined->TextOf(to);
    const Pattern& p = rc->m->patterns_[id];
    const Text& t = rc->texts[k];
    const uint32_t end = uint32_t(to) - rc->joined->Start(k, t.norm->text.size());
    const uint32_t begin = end - p.length;
    if (rc->m->Accept(p, t.source, *t.norm, begin, end))
      (*rc->out)[k].push_back(Candidate{begin, end, p.entity});
    return 0;
  };
  const std::string& joined = w.joined.text();
  if (hs_scan(literals_->db, joined.data(), unsigned(joined.size()), 0,
              w.scratch, on_match, &r) != HS_SUCCESS) {
    for (auto& o : *out) o.clear();
    return by_automaton();
  }
}

void Matcher::FindAllSlow(std::string_view source, const text::Normalized& norm,
                          std::vector<Candidate>* out) const {
  // At each end position the candidates come longest first, as the
  // automaton's output chain gives them.
  std::vector<size_t> by_length(patterns_.size());
  for (size_t k = 0; k < by_length.size(); ++k) by_length[k] = k;
  std::stable_sort(by_length.begin(), by_length.end(), [&](size_t a, size_t b) {
    return patterns_[a].length > patterns_[b].length;
  });
  const std::string& t = norm.text;
  for (uint32_t end = 1; end <= t.size(); ++end) {
    for (size_t k : by_length) {
      const Pattern& p = patterns_[k];
      if (p.length > end) continue;
      const uint32_t begin = end - p.length;
      if (t.compare(begin, p.length, p.norm) != 0) continue;
      if (Accept(p, source, norm, begin, end))
        out->push_back(Candidate{begin, end, p.entity});
    }
  }
}

void SelectLeftmostLongest(std::vector<Candidate>* all) {
  std::sort(all->begin(), all->end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.entity < b.entity;
  });
  // Kept candidates are compacted to the front; each is read before any
  // later one is written over it.
  size_t kept = 0;
  uint32_t covered = 0;
  for (size_t i = 0; i < all->size(); ++i) {
    const Candidate c = (*all)[i];
    if (kept > 0 && c.begin < covered) continue;
    (*all)[kept++] = c;
    covered = c.end;
  }
  all->resize(kept);
}

}  // namespace newsgraph::dict
