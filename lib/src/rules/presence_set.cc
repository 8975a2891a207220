#include "rules/presence_set.h"

#include <hs.h>

#include <algorithm>
#include <cstdint>

#include "base/joined_texts.h"
#include "base/per_thread.h"
#include "base/serial.h"
#include "rules/jit_capture.h"
#include "text/utf8.h"

namespace newsgraph::rules {

namespace {

// A thread's working space: Hyperscan's scratch, grown for every database
// the thread has scanned with (it only grows, so it stays valid for each),
// and the joined text.
struct Work {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> grown_for;  // serials of the databases
  base::JoinedTexts joined;
  ~Work() { hs_free_scratch(scratch); }
};

// The matches' receiver during a scan.
struct Receiver {
  const base::JoinedTexts* joined;
  std::vector<std::vector<int>>* hits;
};

int OnMatch(unsigned id, unsigned long long, unsigned long long to, unsigned,
            void* context) {
  auto* r = static_cast<Receiver*>(context);
  const size_t k = r->joined->TextOf(to);
  if (k < r->hits->size()) (*r->hits)[k].push_back(int(id));
  return 0;
}

}  // namespace

std::string PresenceSet::Translate(std::string_view re2_pattern) {
  // PCRE syntax, with \s spelled out as RE2 means it and no construct
  // whose meaning differs (JitCapture's translation).
  const std::string pcre = JitCapture::Translate(re2_pattern);
  if (pcre.empty()) return "";
  // Then: a named group becomes a plain one (only presence is asked, and
  // RE2 lets several alternatives name their capture alike, which
  // Hyperscan refuses), and a pattern anchored at the start or end of the
  // text itself ("\A", "\z") is refused: in the joined text those are
  // not at each sentence.
  std::string out;
  out.reserve(pcre.size());
  bool in_class = false;
  for (size_t i = 0; i < pcre.size(); ++i) {
    const char c = pcre[i];
    if (c == '\\') {
      if (i + 1 < pcre.size() && !in_class &&
          (pcre[i + 1] == 'A' || pcre[i + 1] == 'z' || pcre[i + 1] == 'Z'))
        return "";
      out.append(pcre.substr(i, 2));
      ++i;
      continue;
    }
    if (in_class) {
      if (c == '[' && pcre.substr(i, 2) == "[:") {  // "[:alpha:]"
        const size_t close = pcre.find(":]", i + 2);
        if (close == std::string_view::npos) return "";
        out.append(pcre.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
      // A ']' right after "[" or "[^" is a literal.
      const bool first = out.back() == '[' ||
                         (out.back() == '^' && out[out.size() - 2] == '[');
      if (c == ']' && !first) in_class = false;
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      if (i + 1 < pcre.size() && pcre[i + 1] == '^') {
        out.push_back('^');
        ++i;
      }
      continue;
    }
    if (c == '(' && pcre.substr(i, 4) == "(?P<") {
      const size_t close = pcre.find('>', i + 4);
      if (close == std::string_view::npos) return "";
      out.push_back('(');
      i = close;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

struct PresenceSet::Impl {
  hs_database_t* db = nullptr;  // null when every pattern is in `always`
  uint64_t serial = 0;
  std::vector<int> always;  // patterns that match the empty string
  ~Impl() { hs_free_database(db); }
};

PresenceSet::PresenceSet(std::unique_ptr<Impl> impl, size_t count)
    : impl_(std::move(impl)), count_(count) {}
PresenceSet::~PresenceSet() = default;

std::unique_ptr<PresenceSet> PresenceSet::Create(
    const std::vector<std::string>& re2_patterns) {
  if (re2_patterns.empty()) return nullptr;
  // UTF-8 characters, not bytes; "^" and "$" at every newline; prefilter
  // mode: a superset where Hyperscan cannot match exactly (large bounded
  // repeats, for one).
  const unsigned kFlags = HS_FLAG_UTF8 | HS_FLAG_MULTILINE | HS_FLAG_PREFILTER;
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> translated;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < re2_patterns.size(); ++i) {
    std::string t = Translate(re2_patterns[i]);
    if (t.empty()) return nullptr;
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(t.c_str(), kFlags | HS_FLAG_ALLOWEMPTY, &info,
                           &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return nullptr;
    }
    const bool empty = info->min_width == 0;
    std::free(info);
    if (empty) {
      // It occurs in every text; scanning for it would report every offset.
      impl->always.push_back(int(i));
      continue;
    }
    translated.push_back(std::move(t));
    ids.push_back(unsigned(i));
  }
  if (!translated.empty()) {
    std::vector<const char*> expressions;
    for (const std::string& t : translated) expressions.push_back(t.c_str());
    const std::vector<unsigned> flags(translated.size(), kFlags);
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         unsigned(expressions.size()), HS_MODE_BLOCK, nullptr,
                         &impl->db, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return nullptr;
    }
  }
  impl->serial = base::NextSerial();
  return std::unique_ptr<PresenceSet>(
      new PresenceSet(std::move(impl), re2_patterns.size()));
}

bool PresenceSet::Occurring(std::span<const std::string_view> texts,
                            std::vector<std::vector<int>>* hits) const {
  hits->resize(texts.size());
  for (auto& h : *hits) h.assign(impl_->always.begin(), impl_->always.end());
  if (!impl_->db || texts.empty()) return true;
  Work& w = base::PerThread<Work, Work>();
  if (std::find(w.grown_for.begin(), w.grown_for.end(), impl_->serial) ==
      w.grown_for.end()) {
    if (hs_alloc_scratch(impl_->db, &w.scratch) != HS_SUCCESS) return false;
    w.grown_for.push_back(impl_->serial);
  }
  // Hyperscan's UTF-8 mode assumes valid UTF-8 (the extractor's texts
  // are; other callers' may not be).
  if (!w.joined.Join(texts, [](std::string_view t) { return t; }) ||
      text::FindInvalidUtf8(w.joined.text()) != std::string_view::npos)
    return false;
  Receiver r{&w.joined, hits};
  const std::string& joined = w.joined.text();
  if (hs_scan(impl_->db, joined.data(), unsigned(joined.size()), 0, w.scratch,
              OnMatch, &r) != HS_SUCCESS)
    return false;
  // A pattern may end several times in a text.
  for (auto& h : *hits) {
    if (h.size() < 2) continue;
    std::sort(h.begin(), h.end());
    h.erase(std::unique(h.begin(), h.end()), h.end());
  }
  return true;
}

}  // namespace newsgraph::rules
