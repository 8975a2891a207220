#include "rules/rule_set.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "base/file_util.h"
#include "base/per_thread.h"
#include "base/serial.h"
#include "rules/atom_scanner.h"
#include "rules/atom_set_memo.h"
#include "rules/jit_capture.h"
#include "rules/presence_set.h"
#include "text/utf8.h"

namespace newsgraph::rules {

namespace {

// Memory budget of one pattern: its program and its lazily built DFA
// caches (reset when full; RE2 falls back to its NFA if a DFA cannot make
// progress). With the default rules about 500 RE2 objects get it (each
// rule pattern's unbounded and relaxed forms, the coreference, discovery
// and marker patterns, and any pattern as written compiled on first use);
// in practice their caches stay far below it. At 8 MiB
// the largest patterns (17,000 instructions) ran out of DFA memory when
// searched for their span and fell back to the NFA; 32 and 64 MiB cost
// the same.
constexpr int64_t kPatternMaxMem = int64_t(32) << 20;

// A budget too small for any program: RE2 parses the pattern (reporting any
// syntax error) and gives up before compiling it.
constexpr int64_t kParseOnlyMem = 64;

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_max_mem(kPatternMaxMem);
  return o;
}

// Indices of every capture group called `name` (RE2 accepts the same name
// in several alternatives).
std::vector<int> GroupsNamed(const RE2& re, const std::string& name) {
  std::vector<int> out;
  for (const auto& [index, n] : re.CapturingGroupNames())
    if (n == name) out.push_back(index);
  return out;
}

// Says which of a list of patterns may occur in a text: a Hyperscan
// PresenceSet, or where it cannot take the patterns an RE2::Set of them.
struct Preselect {
  std::unique_ptr<PresenceSet> presence;
  std::unique_ptr<RE2::Set> set;
  size_t count = 0;
};

// The indices (ascending) of the patterns of `pre` that match somewhere in
// `text`, by its RE2::Set; all of them when it has none or the set failed
// (the caller's own matching then decides).
std::vector<int> OccurringByRe2(const Preselect& pre, std::string_view text) {
  std::vector<int> hits;
  if (pre.set) {
    RE2::Set::ErrorInfo error;
    // Most sentences hold none of the patterns: asked only whether one
    // occurs, RE2 stops at the first match and allocates nothing (asked
    // which, it allocates a set of the patterns' size on every call).
    if (!pre.set->Match(text, nullptr, &error)) {
      if (error.kind == RE2::Set::kNoError) return hits;
    } else if (pre.set->Match(text, &hits, &error) ||
               error.kind == RE2::Set::kNoError) {
      std::sort(hits.begin(), hits.end());
      return hits;
    }
  }
  hits.resize(pre.count);
  for (size_t i = 0; i < pre.count; ++i) hits[i] = int(i);
  return hits;
}

// (*hits)[i]: the indices (ascending) of the patterns of `pre` that may
// occur in texts[i] (every one that does, possibly more).
void Occurring(const Preselect& pre, std::span<const std::string_view> texts,
               std::vector<std::vector<int>>* hits) {
  if (pre.presence && pre.presence->Occurring(texts, hits)) return;
  hits->resize(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    (*hits)[i] = OccurringByRe2(pre, texts[i]);
}

// The pre-selection of the patterns of `items` (in order), in their
// unbounded form (a superset, and far smaller automata): Hyperscan's if it
// takes them, else an unanchored RE2::Set, else neither (then every pattern
// is tried: it costs speed, not output).
template <typename Items>
Preselect PreselectSet(const Items& items, int64_t max_mem) {
  Preselect pre;
  pre.count = items.size();
  if (items.empty()) return pre;
  std::vector<std::string> patterns;
  for (const auto& it : items)
    patterns.push_back(UnboundedRepetitions(it.re->pattern()));
  pre.presence = PresenceSet::Create(patterns);
  if (pre.presence) return pre;
  RE2::Options o = PatternOptions();
  o.set_max_mem(max_mem);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& p : patterns)
    if (set->Add(p, nullptr) < 0) return pre;
  if (!set->Compile()) return pre;
  pre.set = std::move(set);
  return pre;
}

// Memory budget of the RE2::Set that finds the prefilter's literal atoms
// in a sentence, and of the Sets that pre-select coreference and discovery
// patterns for a sentence.
constexpr int64_t kPreselectMaxMem = int64_t(64) << 20;

// Atoms (required literals) shorter than this many bytes are not used by the
// rule prefilter.
constexpr int kMinAtomLength = 1;

struct Slot {
  std::string name;
  bool list = false;
  // Every match holds a mention of this slot: the slot stands outside any
  // group, is not made optional by a quantifier and the pattern has no
  // alternative at its top level.
  bool required = false;
  // The type codes of the slot's mentions, as bits (1 << (code - 'a'));
  // 0 when a code falls outside a-z (then the slot is not checked).
  uint32_t codes = 0;
};

int StatusRank(const std::string& s) {
  if (s == "denied") return 4;
  if (s == "negated") return 3;
  if (s == "planned") return 2;
  if (s == "reported") return 1;
  return 0;
}

}  // namespace

struct RuleSet::Impl {
  // A pattern as written, for RE2, compiled on first use: only where PCRE2
  // declines the pattern or gives up on a sentence, and for
  // MatchUnfiltered. Its syntax is checked when the rules load.
  struct LazyRE2 {
    std::string pattern;
    std::once_flag once;
    std::unique_ptr<RE2> re;
  };
  struct Pattern {
    int rule = -1;
    // The pattern with every {m,n} read as {m,} (UnboundedRepetitions), a
    // superset whose DFA stays small, followed by "\C*\z" (StartForm).
    // Its matches start where the unbounded form's do, and end at the end
    // of the text: RE2 finds the leftmost one's start with one backward
    // pass of its reverse DFA, where the unbounded form alone took a
    // forward pass to the match's end and a backward one to its start.
    // The prefilter's source, the search that locates where a match can
    // start, and the capture group numbers (the same as the pattern's).
    // Owned by `filtered`.
    const RE2* start = nullptr;
    // The pattern as written.
    std::unique_ptr<LazyRE2> exact;
    // The pattern as written, for RE2 (compiled now if need be).
    const RE2& Exact() const {
      std::call_once(exact->once, [this] {
        exact->re = std::make_unique<RE2>(exact->pattern, PatternOptions());
      });
      return *exact->re;
    }
    // The same pattern in PCRE2's JIT, which finds a match and its captures
    // far faster than RE2 does; null when it has no PCRE2 equivalent
    // (rules/jit_capture.h).
    std::unique_ptr<JitCapture> jit;
    std::vector<Slot> slots;
    std::vector<int> groups;  // capture group index per slot
    // The slots every match holds (Slot::required), as their type-code
    // bits: a sentence without a mention of each cannot match.
    std::vector<uint32_t> required_codes;
    std::string relaxed;  // Expand's relaxed form; cleared once compiled
  };
  struct Marker {
    std::string status;
    bool match_scope = false;
    std::unique_ptr<RE2> re;
  };
  std::vector<Pattern> patterns;
  // Pre-selection of the patterns that can match a sentence: RE2's
  // prefilter keeps, for each pattern, the literals ("atoms") any match
  // must contain; `atoms` finds which occur in the sentence. It holds each
  // pattern twice: its unbounded form (id h, Pattern::start) and its
  // relaxed form, unbounded too (id h + patterns.size(), never matched). A
  // pattern is a candidate when both let it through: with the slots, RE2
  // merges a slot's token bytes with the text next to it and keeps little
  // more than "\x01c" (a company mention) of, say, "{O}'s {S}"; the
  // relaxed form keeps "'s".
  re2::FilteredRE2 filtered{kMinAtomLength};
  // Which atoms occur: an Aho-Corasick table where it can decide
  // (rules/atom_scanner.h), else a case-insensitive RE2::Set; both null
  // when there is no atom.
  std::unique_ptr<AtomScanner> atom_scanner;
  std::unique_ptr<RE2::Set> atoms;
  const uint64_t serial = base::NextSerial();  // tells rule sets apart in caches

  // The patterns (ascending) the prefilter lets through for `atoms`
  // (sorted). Memoized per thread (rules/atom_set_memo.h): the same verbs
  // and markers come back sentence after sentence, and
  // FilteredRE2::AllPotentials costs about 2 µs a call. The span is valid
  // until this thread's next call.
  std::span<const int> Candidates(std::span<const int> atoms) const;
  // In order of precedence once compiled (denied first; file order within
  // one status): the first that matches gives the status.
  std::vector<Marker> markers;
  // The markers' own prefilter (ids: indices into `markers`) and the table
  // that finds its atoms; the scanner is null when it cannot decide (as
  // for the rules), and then every marker runs.
  re2::FilteredRE2 marker_filter{kMinAtomLength};
  std::unique_ptr<AtomScanner> marker_scanner;
  std::vector<int> all_markers;  // 0, 1, ... markers.size() - 1
  // The markers (ascending) that may match somewhere in `text`: those
  // whose literals all occur in it (memoized per thread, like Candidates).
  // The span is valid until this thread's next call.
  std::span<const int> MarkersIn(std::string_view text) const;
  std::unique_ptr<RE2> possessive;   // anchored at start
  struct Coref {
    std::vector<std::string> types;
    std::unique_ptr<RE2> re;  // group "m" (or the whole match) is the phrase
    bool pronoun = false;
    std::vector<int> groups;  // indices of the groups called "m"
    std::unique_ptr<JitCapture> jit;  // the same pattern in PCRE2, or null
  };
  std::vector<Coref> corefs;
  Preselect coref_set;  // which corefs may occur in a sentence
  struct Discover {
    std::string type;
    std::unique_ptr<RE2> re;  // group "name" is the entity name
    std::vector<int> groups;  // indices of the groups called "name"
    std::unique_ptr<JitCapture> jit;  // the same pattern in PCRE2, or null
  };
  std::vector<Discover> discovers;
  Preselect discover_set;
};

std::span<const int> RuleSet::Impl::Candidates(
    std::span<const int> atoms) const {
  struct Cache {
    uint64_t serial = 0;
    AtomSetMemo memo;  // at most 4,096 sets, then emptied
  };
  Cache& cache = base::PerThread<Cache, Cache>();
  if (cache.serial != serial) {
    cache.memo.Clear();
    cache.serial = serial;
  }
  return cache.memo.Get(atoms, [&](std::vector<int>* candidates) {
    std::vector<int> both;
    filtered.AllPotentials(std::vector<int>(atoms.begin(), atoms.end()), &both);
    std::sort(both.begin(), both.end());
    const int n = int(patterns.size());
    for (int h : both) {
      if (h >= n) break;
      if (std::binary_search(both.begin(), both.end(), h + n))
        candidates->push_back(h);
    }
  });
}

std::span<const int> RuleSet::Impl::MarkersIn(std::string_view text) const {
  if (!marker_scanner) return all_markers;
  struct Cache {
    uint64_t serial = 0;
    AtomSetMemo memo{1024};  // the markers' literals make few sets
    std::vector<int> atoms;
  };
  Cache& cache = base::PerThread<Cache, Cache>();
  if (cache.serial != serial) {
    cache.memo.Clear();
    cache.serial = serial;
  }
  cache.atoms.clear();
  marker_scanner->Find(text, &cache.atoms);
  return cache.memo.Get(cache.atoms, [&](std::vector<int>* markers) {
    marker_filter.AllPotentials(cache.atoms, markers);
    std::sort(markers->begin(), markers->end());
  });
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;

size_t RuleSet::pattern_count() const { return impl_->patterns.size(); }

const std::string& RuleSet::pattern_text(size_t i) const {
  return impl_->patterns.at(i).exact->pattern;
}

namespace {

// `pattern` followed by anything up to the end of the text: its matches
// start where those of `pattern` do (Pattern::start). "Anything" is any
// bytes (\C): "." would stop at a byte that is not UTF-8, and a match
// before such a byte would be lost.
std::string StartForm(std::string_view pattern) {
  return "(?:" + std::string(pattern) + ")\\C*\\z";
}

}  // namespace

std::string UnboundedRepetitions(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') {
      // \Q...\E: literal text, copied through \E (or to the end).
      size_t e = pattern.find("\\E", i + 2);
      e = e == std::string_view::npos ? pattern.size() : e + 2;
      out.append(pattern.substr(i, e - i));
      i = e - 1;
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      out.append(pattern.substr(i, 2));
      ++i;
      continue;
    }
    if (c == '[') {  // a class: up to its closing ']' (a leading ']' or '^]' is literal)
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      j = std::min(j, pattern.size() - 1);
      out.append(pattern.substr(i, j - i + 1));
      i = j;
      continue;
    }
    if (c == '{') {
      size_t j = i + 1, m_end, n_end;
      while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) ++j;
      m_end = j;
      if (m_end > i + 1 && j < pattern.size() && pattern[j] == ',') {
        ++j;
        while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) ++j;
        n_end = j;
        if (n_end > m_end + 1 && j < pattern.size() && pattern[j] == '}') {
          out.append(pattern.substr(i, m_end + 1 - i));  // "{m,"
          out.push_back('}');
          i = j;
          if (i + 1 < pattern.size() && pattern[i + 1] == '?') ++i;  // lazy: same language
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return out;
}


namespace {

// Parser/compiler state shared across files.
class Compiler {
 public:
  explicit Compiler(const ontology::Ontology& onto) : onto_(onto) {}

  Status CompileFile(const std::string& name, std::string_view text,
                     std::vector<Rule>* rules, RuleSet::Impl* impl);

 private:
  // Expands {@macro} and {SLOT:types} / {SLOT+:types} in `pattern`. With
  // `relaxed`, also the pattern with every slot replaced by "(?s:.+)": a
  // superset whose required literals are the text's own, not merged with
  // the bytes of the mention tokens (see RuleSet::Impl::filtered).
  Status Expand(std::string_view pattern, const std::string& where,
                std::string* out, std::vector<Slot>* slots,
                std::string* relaxed = nullptr) const;
  Result<std::string> TypeClass(std::string_view types,
                                const std::string& where) const;

  const ontology::Ontology& onto_;
  std::map<std::string, std::string> macros_;
  std::set<std::string> rule_ids_;
};

Result<std::string> Compiler::TypeClass(std::string_view types,
                                        const std::string& where) const {
  std::string codes;
  for (std::string_view g : base::Split(types, '|')) {
    auto names = onto_.ExpandTypeGroup(base::Trim(g));
    if (names.empty())
      return Status::DataError(where + ": unknown entity type or group '" +
                               std::string(g) + "'");
    for (const auto& n : names) {
      char c = onto_.FindEntityType(n)->code;
      if (codes.find(c) == std::string::npos) codes += c;
    }
  }
  return "\\x01[" + codes + "]\\d+\\x02";
}

Status Compiler::Expand(std::string_view p, const std::string& where,
                        std::string* out, std::vector<Slot>* slots,
                        std::string* relaxed) const {
  out->clear();
  if (relaxed) relaxed->clear();
  auto emit = [&](std::string_view text) {
    out->append(text);
    if (relaxed) relaxed->append(text);
  };
  // Where the pattern's own syntax stands, to tell required slots: the
  // group depth, inside a character class or not, a top-level '|'.
  int depth = 0;
  bool in_class = false, top_alternative = false;
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {  // keep escapes verbatim
      emit(p.substr(i, 2));
      i += 2;
      continue;
    }
    bool starts_ref =
        !in_class && c == '{' && i + 1 < p.size() &&
        (p[i + 1] == '@' || std::isalpha(static_cast<unsigned char>(p[i + 1])));
    if (!starts_ref) {
      if (in_class) {
        if (c == ']') in_class = false;
      } else if (c == '[') {
        in_class = true;
        // A ']' right after '[' or '[^' is a literal.
        size_t j = i + 1;
        if (j < p.size() && p[j] == '^') ++j;
        if (j < p.size() && p[j] == ']') {
          emit(p.substr(i, j + 1 - i));
          i = j + 1;
          continue;
        }
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else if (c == '|' && depth == 0) {
        top_alternative = true;
      }
      emit(p.substr(i, 1));
      ++i;
      continue;
    }
    size_t close = p.find('}', i);
    if (close == std::string_view::npos)
      return Status::DataError(where + ": unclosed '{' at column " +
                               std::to_string(i + 1));
    std::string_view body = p.substr(i + 1, close - i - 1);
    i = close + 1;
    if (body[0] == '@') {
      auto it = macros_.find(std::string(body.substr(1)));
      if (it == macros_.end())
        return Status::DataError(where + ": unknown macro '{" +
                                 std::string(body) +
                                 "}'; define it first with 'define NAME REGEX'");
      emit("(?:" + it->second + ")");
      continue;
    }
    size_t colon = body.find(':');
    if (colon == std::string_view::npos)
      return Status::DataError(where + ": slot '{" + std::string(body) +
                               "}' needs a type: {NAME:type|type}");
    Slot slot;
    slot.name = std::string(body.substr(0, colon));
    if (!slot.name.empty() && slot.name.back() == '+') {
      slot.list = true;
      slot.name.pop_back();
    }
    for (char ch : slot.name)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_')
        return Status::DataError(where + ": bad slot name '" + slot.name + "'");
    for (const auto& s : *slots)
      if (s.name == slot.name)
        return Status::DataError(where + ": slot '" + slot.name +
                                 "' used twice in one pattern");
    auto cls = TypeClass(body.substr(colon + 1), where);
    if (!cls.ok()) return cls.status();
    // A descriptor may stand right before a name ("可再生能源公司X",
    // "chipmaker X"); it belongs to the slot.
    std::string desc;
    if (macros_.count("descriptor"))
      desc = "(?:" + macros_.at("descriptor") + ")?";
    std::string sep, poss, suffix;
    if (slot.list) {
      auto need = [&](const char* m) -> Result<std::string> {
        auto it = macros_.find(m);
        if (it == macros_.end())
          return Status::DataError(where + ": list slot '{" + slot.name +
                                   "+:...}' needs the macro '" + m +
                                   "' (define it before this rule)");
        return "(?:" + it->second + ")";
      };
      auto s = need("sep");
      if (!s.ok()) return s.status();
      sep = *s;
      std::string any = "\\x01[a-z]\\d+\\x02";
      if (macros_.count("possessive"))
        poss = "(?:" + any + "(?:" + macros_.at("possessive") + "))?";
      if (macros_.count("item_suffix"))
        suffix = "(?:" + macros_.at("item_suffix") + ")?";
    }
    std::string token = desc + *cls;
    if (!slot.list) {
      *out += "(?P<" + slot.name + ">" + token + ")";
    } else {
      std::string item = poss + token + suffix;
      *out += "(?P<" + slot.name + ">" + item + "(?:" + sep + item + ")*)";
    }
    if (relaxed) *relaxed += "(?s:.+)";
    // The type codes: cls is "\\x01[codes]\\d+\\x02".
    const size_t open = cls->find('['), shut = cls->find(']');
    for (size_t k = open + 1; k < shut; ++k) {
      const char code = (*cls)[k];
      if (code < 'a' || code > 'z') {
        slot.codes = 0;
        break;
      }
      slot.codes |= uint32_t{1} << (code - 'a');
    }
    const bool optional_after =
        i < p.size() && (p[i] == '?' || p[i] == '*' ||
                         (p[i] == '{' && i + 1 < p.size() && p[i + 1] == '0'));
    slot.required = depth == 0 && !optional_after;
    slots->push_back(std::move(slot));
  }
  if (top_alternative)
    for (Slot& s : *slots) s.required = false;
  return Status::Ok();
}

Status Compiler::CompileFile(const std::string& name, std::string_view text,
                             std::vector<Rule>* rules, RuleSet::Impl* impl) {
  size_t n = 0;
  Rule* current = nullptr;
  int current_patterns = 0;
  std::set<std::string> current_slots;
  auto finish = [&](const std::string& where) -> Status {
    if (!current) return Status::Ok();
    if (current_patterns == 0)
      return Status::DataError(where + ": rule '" + current->id +
                               "' has no pattern");
    if (current->emits.empty())
      return Status::DataError(where + ": rule '" + current->id +
                               "' has no emit line");
    return Status::Ok();
  };
  // Emits are validated once the rule's patterns are known.
  std::vector<std::pair<std::string, int>> emit_lines;  // where, emit index
  auto check_emits = [&]() -> Status {
    if (!current) return Status::Ok();
    for (auto& [where, k] : emit_lines) {
      const Emit& e = current->emits[k];
      for (const auto* s : {&e.subject_slot, &e.object_slot}) {
        // Every pattern of the rule must define the slot.
        for (const auto& p : impl->patterns) {
          if (p.rule != int(rules->size()) - 1) continue;
          bool has = std::any_of(p.slots.begin(), p.slots.end(),
                                 [&](const Slot& sl) { return sl.name == *s; });
          if (!has)
            return Status::DataError(where + ": emit uses slot '" + *s +
                                     "' that a pattern of rule '" +
                                     current->id + "' does not define");
        }
      }
    }
    emit_lines.clear();
    return Status::Ok();
  };

  for (std::string_view raw : base::SplitLines(text)) {
    ++n;
    std::string where = name + ":" + std::to_string(n);
    std::string_view line = base::Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    std::string_view kw = line.substr(0, sp);
    std::string_view rest =
        sp == std::string_view::npos ? "" : base::Trim(line.substr(sp));
    if (kw == "define") {
      size_t s2 = rest.find_first_of(" \t");
      if (s2 == std::string_view::npos)
        return Status::DataError(where + ": expected 'define NAME REGEX'");
      std::string mname(rest.substr(0, s2));
      std::string body;
      std::vector<Slot> slots;
      NEWSGRAPH_RETURN_IF_ERROR(
          Expand(base::Trim(rest.substr(s2)), where, &body, &slots));
      if (!slots.empty())
        return Status::DataError(where + ": a macro cannot contain slots");
      RE2 check(body, PatternOptions());
      if (!check.ok())
        return Status::DataError(where + ": bad regex in macro '" + mname +
                                 "': " + check.error());
      macros_[mname] = body;
      if (mname == "possessive")
        impl->possessive =
            std::make_unique<RE2>("^(?:" + body + ")", PatternOptions());
    } else if (kw == "marker") {
      auto f = base::Split(rest, ' ');
      if (f.size() < 3)
        return Status::DataError(
            where + ": expected 'marker STATUS sentence|match REGEX'");
      RuleSet::Impl::Marker m;
      m.status = std::string(f[0]);
      if (StatusRank(m.status) == 0)
        return Status::DataError(where + ": unknown status '" + m.status +
                                 "' (denied, negated, planned, reported)");
      if (f[1] != "sentence" && f[1] != "match")
        return Status::DataError(where + ": marker scope must be 'sentence' "
                                         "or 'match', not '" +
                                 std::string(f[1]) + "'");
      m.match_scope = f[1] == "match";
      size_t off = f[0].size() + 1 + f[1].size() + 1;
      std::string body;
      std::vector<Slot> slots;
      NEWSGRAPH_RETURN_IF_ERROR(
          Expand(base::Trim(rest.substr(off)), where, &body, &slots));
      m.re = std::make_unique<RE2>(body, PatternOptions());
      if (!m.re->ok())
        return Status::DataError(where + ": bad marker regex: " +
                                 m.re->error());
      impl->markers.push_back(std::move(m));
    } else if (kw == "coref" || kw == "pronoun" || kw == "discover") {
      size_t s2 = rest.find_first_of(" \t");
      if (s2 == std::string_view::npos)
        return Status::DataError(where + ": expected '" + std::string(kw) +
                                 " TYPES REGEX'");
      std::vector<std::string> types;
      for (std::string_view g : base::Split(rest.substr(0, s2), '|')) {
        auto names = onto_.ExpandTypeGroup(g);
        if (names.empty())
          return Status::DataError(where + ": unknown entity type or group '" +
                                   std::string(g) + "'");
        types.insert(types.end(), names.begin(), names.end());
      }
      std::string body;
      std::vector<Slot> slots;
      NEWSGRAPH_RETURN_IF_ERROR(
          Expand(base::Trim(rest.substr(s2)), where, &body, &slots));
      if (!slots.empty())
        return Status::DataError(where + ": a " + std::string(kw) +
                                 " pattern cannot contain slots");
      auto re = std::make_unique<RE2>(body, PatternOptions());
      if (!re->ok())
        return Status::DataError(where + ": bad regex: " + re->error());
      // Matches and their groups are found by PCRE2's JIT where it can
      // give the pattern the same meaning (ForEachMatch).
      auto jit = JitCapture::Create(body, re->NumberOfCapturingGroups());
      if (kw == "coref" || kw == "pronoun") {
        std::vector<int> groups = GroupsNamed(*re, "m");
        impl->corefs.push_back({std::move(types), std::move(re),
                                kw == "pronoun", std::move(groups),
                                std::move(jit)});
      } else {
        if (types.size() != 1)
          return Status::DataError(where + ": discover takes one entity type");
        if (!re->NamedCapturingGroups().count("name"))
          return Status::DataError(
              where + ": a discover pattern needs a group (?P<name>...)");
        std::vector<int> groups = GroupsNamed(*re, "name");
        impl->discovers.push_back(
            {types[0], std::move(re), std::move(groups), std::move(jit)});
      }
    } else if (kw == "rule") {
      NEWSGRAPH_RETURN_IF_ERROR(check_emits());
      NEWSGRAPH_RETURN_IF_ERROR(finish(where));
      auto f = base::Split(rest, ' ');
      if (rest.empty())
        return Status::DataError(where + ": expected 'rule ID [status=S]'");
      Rule r;
      r.id = std::string(f[0]);
      r.file = name;
      r.line = int(n);
      for (size_t k = 1; k < f.size(); ++k) {
        std::string_view opt = base::Trim(f[k]);
        if (opt.empty()) continue;
        if (opt.substr(0, 7) == "status=") {
          r.status = std::string(opt.substr(7));
          if (StatusRank(r.status) == 0)
            return Status::DataError(where + ": unknown status '" + r.status +
                                     "'");
        } else {
          return Status::DataError(where + ": unknown rule option '" +
                                   std::string(opt) + "'");
        }
      }
      if (!rule_ids_.insert(r.id).second)
        return Status::DataError(where + ": duplicate rule id '" + r.id + "'");
      rules->push_back(std::move(r));
      current = &rules->back();
      current_patterns = 0;
    } else if (kw == "pattern") {
      if (!current)
        return Status::DataError(where + ": 'pattern' outside a rule");
      if (rest.empty()) return Status::DataError(where + ": empty pattern");
      RuleSet::Impl::Pattern p;
      p.rule = int(rules->size()) - 1;
      std::string body;
      NEWSGRAPH_RETURN_IF_ERROR(
          Expand(rest, where, &body, &p.slots, &p.relaxed));
      if (p.slots.empty())
        return Status::DataError(where + ": pattern has no slot");
      for (const Slot& sl : p.slots)
        if (sl.required && sl.codes != 0) p.required_codes.push_back(sl.codes);
      // The syntax of the pattern as written: RE2 parses it, then stops at
      // once for want of memory (its program is built on first use).
      {
        RE2::Options o = PatternOptions();
        o.set_max_mem(kParseOnlyMem);
        RE2 check(body, o);
        if (check.error_code() != RE2::ErrorPatternTooLarge &&
            check.error_code() != RE2::NoError)
          return Status::DataError(where + ": bad regex: " + check.error());
      }
      // The unbounded form goes to the prefilter (a superset: sound); the
      // pattern itself where that form does not compile. In start form.
      int id = -1;
      const std::string loose = UnboundedRepetitions(body);
      if (loose == body ||
          impl->filtered.Add(StartForm(loose), PatternOptions(), &id) !=
              RE2::NoError) {
        if (impl->filtered.Add(StartForm(body), PatternOptions(), &id) !=
            RE2::NoError) {
          RE2 bad(body, PatternOptions());  // for the message
          return Status::DataError(where + ": bad regex: " + bad.error());
        }
      }
      p.exact = std::make_unique<RuleSet::Impl::LazyRE2>();
      p.exact->pattern = body;
      p.start = &impl->filtered.GetRE2(id);
      p.jit = JitCapture::Create(body, p.start->NumberOfCapturingGroups());
      if (!p.jit && !p.Exact().ok())  // RE2 runs it at every match: now
        return Status::DataError(where + ": bad regex: " + p.Exact().error());
      const auto& groups = p.start->NamedCapturingGroups();
      for (const auto& s : p.slots) p.groups.push_back(groups.at(s.name));
      impl->patterns.push_back(std::move(p));
      ++current_patterns;
    } else if (kw == "emit") {
      if (!current) return Status::DataError(where + ": 'emit' outside a rule");
      auto f = base::Split(rest, ' ');
      std::vector<std::string_view> words;
      for (auto w : f)
        if (!base::Trim(w).empty()) words.push_back(base::Trim(w));
      if (words.size() != 3)
        return Status::DataError(where +
                                 ": expected 'emit RELATION SUBJECT OBJECT'");
      Emit e{std::string(words[0]), std::string(words[1]),
             std::string(words[2])};
      if (!onto_.FindRelationType(e.relation))
        return Status::DataError(where + ": unknown relation type '" +
                                 e.relation + "' (see schemas/relation_types.tsv)");
      current->emits.push_back(e);
      emit_lines.emplace_back(where, int(current->emits.size()) - 1);
    } else {
      return Status::DataError(where + ": unknown keyword '" +
                               std::string(kw) +
                               "' (define, marker, coref, pronoun, discover, rule, pattern, emit)");
    }
  }
  std::string where = name + ":" + std::to_string(n);
  NEWSGRAPH_RETURN_IF_ERROR(check_emits());
  NEWSGRAPH_RETURN_IF_ERROR(finish(where));
  current = nullptr;
  return Status::Ok();
}

}  // namespace

namespace {

// True when a pattern turns on case-insensitive matching anywhere (a flag
// group holding 'i': "(?i)", "(?i:", "(?si)"). The atom scanner only folds
// ASCII, which is enough for case-sensitive patterns only.
bool CaseInsensitive(const std::string& re) {
  for (size_t i = 0; i + 1 < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
      continue;
    }
    if (re[i] != '(' || re[i + 1] != '?') continue;
    bool has_i = false;
    size_t k = i + 2;
    for (; k < re.size() && (std::isalpha(static_cast<unsigned char>(re[k])) || re[k] == '-'); ++k)
      has_i = has_i || re[k] == 'i';
    if (has_i && k < re.size() && (re[k] == ':' || re[k] == ')')) return true;
  }
  return false;
}

bool AnyCaseInsensitive(const std::vector<RuleSet::Impl::Pattern>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [](const auto& p) {
    return CaseInsensitive(p.start->pattern());
  });
}

// Orders the markers by precedence and builds their prefilter. Every
// marker runs where the prefilter cannot decide.
void CompileMarkers(RuleSet::Impl* impl) {
  auto& markers = impl->markers;
  std::stable_sort(markers.begin(), markers.end(),
                   [](const auto& a, const auto& b) {
                     return StatusRank(a.status) > StatusRank(b.status);
                   });
  for (size_t i = 0; i < markers.size(); ++i)
    impl->all_markers.push_back(int(i));
  if (markers.empty()) return;
  for (const auto& m : markers) {
    if (CaseInsensitive(m.re->pattern())) return;
    int id = -1;
    if (impl->marker_filter.Add(m.re->pattern(), PatternOptions(), &id) !=
        RE2::NoError)
      return;
  }
  std::vector<std::string> atoms;
  impl->marker_filter.Compile(&atoms);
  if (!atoms.empty()) impl->marker_scanner = AtomScanner::Create(atoms);
}

}  // namespace

Result<std::unique_ptr<RuleSet>> RuleSet::CompileText(
    const std::vector<std::pair<std::string, std::string>>& named_texts,
    const ontology::Ontology& onto) {
  std::unique_ptr<RuleSet> rs(new RuleSet());
  Compiler c(onto);
  for (const auto& [name, text] : named_texts)
    NEWSGRAPH_RETURN_IF_ERROR(
        c.CompileFile(name, text, &rs->rules_, rs->impl_.get()));
  if (rs->impl_->patterns.empty())
    return Status::DataError("rules: no rule patterns loaded");
  // The atoms are lower case: the scanner folds ASCII, else a
  // case-insensitive Set finds them in any case.
  // The relaxed forms (ids after the patterns'); one that does not compile
  // is replaced by a form with no atom, which lets every sentence through.
  for (auto& p : rs->impl_->patterns) {
    int id = -1;
    if (rs->impl_->filtered.Add(UnboundedRepetitions(p.relaxed), PatternOptions(),
                                &id) != RE2::NoError)
      rs->impl_->filtered.Add("(?s:.*)", PatternOptions(), &id);
    std::string().swap(p.relaxed);
  }
  std::vector<std::string> atoms;
  rs->impl_->filtered.Compile(&atoms);
  if (!atoms.empty() && !AnyCaseInsensitive(rs->impl_->patterns))
    rs->impl_->atom_scanner = AtomScanner::Create(atoms);
  if (!atoms.empty() && !rs->impl_->atom_scanner) {
    RE2::Options o = PatternOptions();
    o.set_case_sensitive(false);
    o.set_max_mem(kPreselectMaxMem);
    auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (const auto& a : atoms)
      if (set->Add(RE2::QuoteMeta(a), nullptr) < 0)
        return Status::DataError("rules: cannot compile the prefilter atom '" +
                                 a + "'");
    if (!set->Compile())
      return Status::DataError(
          "rules: the rule prefilter is too large to compile (RE2 memory budget)");
    rs->impl_->atoms = std::move(set);
  }
  CompileMarkers(rs->impl_.get());
  rs->impl_->coref_set = PreselectSet(rs->impl_->corefs, kPreselectMaxMem);
  rs->impl_->discover_set = PreselectSet(rs->impl_->discovers, kPreselectMaxMem);
  return rs;
}

Result<std::unique_ptr<RuleSet>> RuleSet::Compile(
    const std::vector<std::string>& files, const ontology::Ontology& onto) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& f : files) {
    auto t = base::ReadFile(f);
    if (!t.ok()) return t.status();
    texts.emplace_back(f, std::move(t).value());
  }
  return CompileText(texts, onto);
}

namespace {

// Calls found(index) for each token ("\x01c12\x02") in text[begin, end), in
// order, until it returns false.
template <typename Found>
void ForEachToken(std::string_view text, size_t begin, size_t end, Found found) {
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    if (text[i] != '\x01') continue;
    size_t j = i + 2;
    int v = 0;
    bool digits = false;
    while (j < end && text[j] >= '0' && text[j] <= '9') {
      v = v * 10 + (text[j] - '0');
      ++j;
      digits = true;
    }
    if (digits && j < text.size() && text[j] == '\x02' && !found(v)) return;
    i = j;
  }
}

}  // namespace

std::vector<int> RuleSet::TokensIn(std::string_view text, size_t begin,
                                   size_t end) {
  std::vector<int> out;
  ForEachToken(text, begin, end, [&](int v) {
    out.push_back(v);
    return true;
  });
  return out;
}

std::vector<int> RuleSet::ListItems(std::string_view slotted, size_t begin,
                                    size_t end) const {
  // Items are the tokens outside parentheses ("X(Y分拆后...)" names X) that
  // are not possessors ("A的B" names B).
  std::vector<int> items;
  int depth = 0;
  for (size_t i = begin; i < end; ++i) {
    char c = slotted[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c != '\x01') continue;
    size_t te = slotted.find('\x02', i);
    if (te == std::string_view::npos || te >= end) break;
    int token = -1;  // the first of TokensIn(slotted, i, te + 1)
    ForEachToken(slotted, i, te + 1, [&](int v) {
      token = v;
      return false;
    });
    i = te;
    if (depth > 0 || token < 0) continue;
    // A possessor: the possessive and another token right after it. Only
    // worth asking RE2 when a token starts further on (the possessive is
    // at least a byte long).
    const size_t next = slotted.find('\x01', te + 2);
    if (next < end) {
      size_t pl = PossessiveLength(slotted, te + 1);
      if (pl > 0 && te + 1 + pl < end && slotted[te + 1 + pl] == '\x01') continue;
    }
    items.push_back(token);
  }
  return items;
}

namespace {

// The mention tokens of a slotted sentence from some offset on: their type
// codes as bits, and how many there are.
struct MentionTypes {
  uint32_t present = 0;
  size_t tokens = 0;
  // Whether a match could hold every required slot (one type-code bitmask
  // a slot): one mention of a fitting type each.
  bool Fit(const std::vector<uint32_t>& required) const {
    if (required.size() > tokens) return false;
    for (uint32_t codes : required)
      if ((codes & present) == 0) return false;
    return true;
  }
};

MentionTypes MentionTypesFrom(std::string_view slotted, size_t from) {
  MentionTypes t;
  for (size_t i = slotted.find('\x01', from);
       i != std::string_view::npos && i + 1 < slotted.size();
       i = slotted.find('\x01', i + 1)) {
    const char code = slotted[i + 1];
    t.present |= code >= 'a' && code <= 'z' ? uint32_t{1} << (code - 'a') : 0;
    ++t.tokens;
  }
  return t;
}

}  // namespace

void RuleSet::Match(std::string_view slotted,
                    std::vector<RuleMatch>* out) const {
  struct Work {};
  auto& work = base::PerThread<Work, std::vector<std::pair<int, int>>>();
  work.clear();
  if (!Plan(slotted, 0, &work)) return MatchUnfiltered(slotted, out);
  if (work.empty()) return;
  const bool valid_utf8 =
      text::FindInvalidUtf8(slotted) == std::string_view::npos;
  for (const auto& [h, i] : work)
    MatchPattern(h, slotted, /*accelerated=*/true, valid_utf8, out);
}

void RuleSet::MatchBatch(std::span<const std::string_view> sentences,
                         std::vector<std::vector<RuleMatch>>* out) const {
  out->resize(sentences.size());
  // The thread's own buffers, kept from batch to batch.
  struct Work {
    std::vector<std::pair<int, int>> planned, by_pattern;
    std::vector<uint32_t> first;
    std::vector<bool> valid_utf8;
  };
  Work& w = base::PerThread<Work, Work>();
  w.planned.clear();
  // Which sentences are UTF-8, checked once for all their patterns.
  w.valid_utf8.assign(sentences.size(), false);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!Plan(sentences[i], int(i), &w.planned))
      MatchUnfiltered(sentences[i], &(*out)[i]);
    else
      w.valid_utf8[i] =
          text::FindInvalidUtf8(sentences[i]) == std::string_view::npos;
  }
  // Pattern by pattern, each over every sentence that may hold it while
  // its DFA states and code are cached; within a sentence the patterns
  // still come in ascending order, as in Match. Plan went through the
  // sentences in order, so a stable counting sort by pattern leaves each
  // pattern's sentences ascending: (pattern, sentence) order.
  w.first.assign(impl_->patterns.size() + 1, 0);
  for (const auto& [h, i] : w.planned) ++w.first[h + 1];
  for (size_t h = 1; h < w.first.size(); ++h) w.first[h] += w.first[h - 1];
  w.by_pattern.resize(w.planned.size());
  for (const auto& item : w.planned) w.by_pattern[w.first[item.first]++] = item;
  for (const auto& [h, i] : w.by_pattern)
    MatchPattern(h, sentences[i], /*accelerated=*/true, w.valid_utf8[i],
                 &(*out)[i]);
}

bool RuleSet::Plan(std::string_view slotted, int sentence,
                   std::vector<std::pair<int, int>>* work) const {
  // The atoms that occur, then the patterns the prefilter lets through
  // (every pattern if the atom Set's DFA ran out of memory). The atoms'
  // vector is the thread's own, kept from call to call.
  struct Atoms {};
  std::vector<int>& atoms = base::PerThread<Atoms, std::vector<int>>();
  atoms.clear();
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (impl_->atom_scanner) {
    impl_->atom_scanner->Find(slotted, &atoms);  // ascending already
  } else if (impl_->atoms) {
    impl_->atoms->Match(slotted, &atoms, &error);
    if (error.kind != RE2::Set::kNoError) return false;
    std::sort(atoms.begin(), atoms.end());
  }
  const MentionTypes types = MentionTypesFrom(slotted, 0);
  for (int h : impl_->Candidates(atoms))
    if (types.Fit(impl_->patterns[h].required_codes))
      work->emplace_back(h, sentence);
  return true;
}

void RuleSet::MatchUnfiltered(std::string_view slotted,
                              std::vector<RuleMatch>* out) const {
  for (size_t h = 0; h < impl_->patterns.size(); ++h)
    MatchPattern(int(h), slotted, /*accelerated=*/false,
                 /*valid_utf8=*/false, out);
}

void RuleSet::MatchPattern(int index, std::string_view slotted,
                           bool accelerated, bool valid_utf8,
                           std::vector<RuleMatch>* out) const {
  const auto& p = impl_->patterns[index];
  const int ngroups = p.start->NumberOfCapturingGroups() + 1;
  // The thread's own, grown to the most groups seen: a search that finds a
  // match sets every group it reports, and nothing else reads them.
  struct Groups {};
  std::vector<re2::StringPiece>& groups =
      base::PerThread<Groups, std::vector<re2::StringPiece>>();
  if (groups.size() < size_t(ngroups)) groups.resize(ngroups);
  const bool jit = accelerated && p.jit;
  size_t pos = 0;
  while (pos <= slotted.size()) {
    // A further match lies after the last one: it needs the mentions of
    // its required slots there.
    if (accelerated && pos > 0 &&
        !MentionTypesFrom(slotted, pos).Fit(p.required_codes))
      break;
    bool captured = false;
    if (jit) {
      // RE2's reverse DFA finds the leftmost start of a match of the
      // unbounded form (a superset of the pattern, whose DFA stays small):
      // no match of the pattern starts before it. From there PCRE2 finds
      // the match and its captures; RE2 decides where PCRE2 gives up.
      re2::StringPiece whole;
      if (!p.start->Match(slotted, pos, slotted.size(), RE2::UNANCHORED, &whole, 1))
        break;
      const size_t start = size_t(whole.data() - slotted.data());
      const JitCapture::Outcome found =
          p.jit->Find(slotted, start, ngroups, groups.data(), valid_utf8);
      if (found == JitCapture::Outcome::kNoMatch) break;
      captured = found == JitCapture::Outcome::kMatch;
    } else if (accelerated &&
               !p.start->Match(slotted, pos, slotted.size(), RE2::UNANCHORED,
                               nullptr, 0)) {
      break;
    }
    if (!captured && !p.Exact().Match(slotted, pos, slotted.size(),
                                      RE2::UNANCHORED, groups.data(), ngroups))
      break;
    RuleMatch m;
    m.rule = p.rule;
    m.begin = size_t(groups[0].data() - slotted.data());
    m.end = m.begin + groups[0].size();
    m.slots.reserve(p.slots.size());
    for (size_t k = 0; k < p.slots.size(); ++k) {
      const auto& g = groups[p.groups[k]];
      SlotCapture sc;
      sc.slot = p.slots[k].name;
      if (g.data() != nullptr) {
        size_t b = size_t(g.data() - slotted.data());
        sc.mentions = p.slots[k].list ? ListItems(slotted, b, b + g.size())
                                      : TokensIn(slotted, b, b + g.size());
      }
      m.slots.push_back(std::move(sc));
    }
    out->push_back(std::move(m));
    size_t next = out->back().end;
    if (next <= pos) next = pos + 1;
    pos = next;
  }
}

namespace {

const std::string& Asserted() {
  static const std::string asserted = "asserted";
  return asserted;
}

}  // namespace

const std::string& RuleSet::StatusFor(std::string_view slotted, size_t begin,
                                      size_t end) const {
  // A marker can only match where its literals occur: in the sentence up to
  // `end` (a match-scope marker's text lies inside it).
  for (int i : impl_->MarkersIn(slotted.substr(0, end))) {
    const auto& m = impl_->markers[i];
    const size_t from = m.match_scope ? begin : 0;
    if (RE2::PartialMatch(slotted.substr(from, end - from), *m.re))
      return m.status;
  }
  return Asserted();
}

const std::string& RuleSet::StatusForUnfiltered(std::string_view slotted,
                                                size_t begin,
                                                size_t end) const {
  const std::string* best = &Asserted();
  int rank = 0;
  for (const auto& m : impl_->markers) {
    const size_t from = m.match_scope ? begin : 0;
    if (RE2::PartialMatch(slotted.substr(from, end - from), *m.re) &&
        StatusRank(m.status) > rank) {
      rank = StatusRank(m.status);
      best = &m.status;
    }
  }
  return *best;
}

namespace {

// The first of `indices` that took part in the match, or the whole match.
const re2::StringPiece& FirstMatched(const std::vector<re2::StringPiece>& groups,
                                     const std::vector<int>& indices) {
  for (int i : indices)
    if (groups[i].data() != nullptr) return groups[i];
  return groups[0];
}

// Calls found(begin, end) for the span of the first of the groups `named`
// that took part (else the whole match) of every non-overlapping match of
// `re` in `text`, left to right. `jit`, if not null, is `re` in PCRE2: it
// finds each match, and RE2 only where it gives up (both engines give the
// leftmost-first match; jit_capture.h).
// `valid_utf8`: the caller has checked `text` (JitCapture::Find).
template <typename Found>
void ForEachMatch(const RE2& re, const JitCapture* jit, std::string_view text,
                  bool valid_utf8, const std::vector<int>& named, Found found) {
  const int ngroups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(ngroups);
  auto next = [&](size_t pos) {
    if (jit) {
      switch (jit->Find(text, pos, ngroups, groups.data(), valid_utf8)) {
        case JitCapture::Outcome::kMatch: return true;
        case JitCapture::Outcome::kNoMatch: return false;
        case JitCapture::Outcome::kUndecided: break;
      }
    }
    return re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(),
                    ngroups);
  };
  size_t pos = 0;
  while (pos < text.size() && next(pos)) {
    const re2::StringPiece& m = FirstMatched(groups, named);
    size_t whole_end = size_t(groups[0].data() - text.data()) + groups[0].size();
    if (m.data() != nullptr && !m.empty()) {
      size_t b = size_t(m.data() - text.data());
      found(b, b + m.size());
    }
    pos = whole_end > pos ? whole_end : pos + 1;
  }
}

}  // namespace

std::vector<CorefPhrase> RuleSet::CorefsAmong(std::span<const int> patterns,
                                              std::string_view text) const {
  std::vector<CorefPhrase> out, kept;
  if (patterns.empty()) return kept;
  // Checked once for all the patterns, not by PCRE2 at every search.
  const bool valid_utf8 = text::FindInvalidUtf8(text) == std::string_view::npos;
  for (int i : patterns) {
    const auto& c = impl_->corefs[i];
    ForEachMatch(*c.re, c.jit.get(), text, valid_utf8, c.groups,
                 [&](size_t b, size_t e) {
                   out.push_back({b, e, c.types, c.pronoun});
                 });
  }
  // Text order; where phrases overlap, the earlier (then longer) one wins.
  std::sort(out.begin(), out.end(), [](const CorefPhrase& a, const CorefPhrase& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  for (auto& c : out) {
    if (!kept.empty() && c.begin == kept.back().begin &&
        c.end == kept.back().end) {
      // The same phrase under several statements may refer to any of their
      // types ("该基金": an investor or an alliance).
      for (auto& t : c.types)
        if (std::find(kept.back().types.begin(), kept.back().types.end(), t) ==
            kept.back().types.end())
          kept.back().types.push_back(t);
    } else if (kept.empty() || c.begin >= kept.back().end) {
      kept.push_back(std::move(c));
    }
  }
  return kept;
}

std::vector<Discovery> RuleSet::DiscoveriesAmong(std::span<const int> patterns,
                                                 std::string_view text) const {
  std::vector<Discovery> out;
  if (patterns.empty()) return out;
  // Checked once for all the patterns, not by PCRE2 at every search.
  const bool valid_utf8 = text::FindInvalidUtf8(text) == std::string_view::npos;
  for (int i : patterns) {
    const auto& d = impl_->discovers[i];
    ForEachMatch(*d.re, d.jit.get(), text, valid_utf8, d.groups,
                 [&](size_t b, size_t e) { out.push_back({b, e, d.type}); });
  }
  std::sort(out.begin(), out.end(), [](const Discovery& a, const Discovery& b) {
    return a.name_begin < b.name_begin;
  });
  return out;
}

namespace {

std::vector<int> AllOf(size_t n) {
  std::vector<int> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = int(i);
  return all;
}

struct Hits {};

}  // namespace

std::vector<CorefPhrase> RuleSet::FindCorefs(
    std::string_view normalized) const {
  std::vector<std::vector<CorefPhrase>> out;
  FindCorefsEach(std::span<const std::string_view>(&normalized, 1), &out);
  return std::move(out[0]);
}

void RuleSet::FindCorefsEach(
    std::span<const std::string_view> normalized,
    std::vector<std::vector<CorefPhrase>>* phrases) const {
  auto& hits = base::PerThread<Hits, std::vector<std::vector<int>>>();
  Occurring(impl_->coref_set, normalized, &hits);
  phrases->resize(normalized.size());
  for (size_t t = 0; t < normalized.size(); ++t)
    (*phrases)[t] = CorefsAmong(hits[t], normalized[t]);
}

std::vector<CorefPhrase> RuleSet::FindCorefsUnfiltered(
    std::string_view normalized) const {
  return CorefsAmong(AllOf(impl_->corefs.size()), normalized);
}

std::vector<Discovery> RuleSet::Discover(std::string_view source) const {
  std::vector<std::vector<Discovery>> out;
  DiscoverEach(std::span<const std::string_view>(&source, 1), &out);
  return std::move(out[0]);
}

void RuleSet::DiscoverEach(std::span<const std::string_view> sources,
                           std::vector<std::vector<Discovery>>* found) const {
  auto& hits = base::PerThread<Hits, std::vector<std::vector<int>>>();
  Occurring(impl_->discover_set, sources, &hits);
  found->resize(sources.size());
  for (size_t t = 0; t < sources.size(); ++t)
    (*found)[t] = DiscoveriesAmong(hits[t], sources[t]);
}

std::vector<Discovery> RuleSet::DiscoverUnfiltered(
    std::string_view source) const {
  return DiscoveriesAmong(AllOf(impl_->discovers.size()), source);
}

size_t RuleSet::PossessiveLength(std::string_view text, size_t pos) const {
  if (!impl_->possessive || pos >= text.size()) return 0;
  re2::StringPiece m;
  re2::StringPiece rest(text.data() + pos, text.size() - pos);
  if (!impl_->possessive->Match(rest, 0, rest.size(), RE2::ANCHOR_START, &m, 1))
    return 0;
  return m.size();
}

}  // namespace newsgraph::rules
