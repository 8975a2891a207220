// Fuzzes the rule-file parser and compiler (RE2) and rule matching. The
// input is a rule file, optionally followed by a line "%%" and a sentence
// to match (slot tokens are written "\x01<type code><index>\x02").
// Invariants: errors start with "fuzz.rules:<line>: " for a line of the
// file (or "rules: " for the file as a whole); compiled rules point at lines of the file; matches, coreference
// phrases and discoveries lie inside the sentence; the prefilter drops no
// match (Match equals MatchUnfiltered, which runs every pattern) and
// changes no status (StatusFor equals StatusForUnfiltered); the coreference
// and discovery pre-selection drops no phrase or name, alone or with the
// sentence's lines scanned together.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "ontology/ontology.h"
#include "rules/rule_set.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ontology::Ontology onto = fuzz::MustOk(
      ontology::Ontology::Load(fuzz::ResourceDir() + "/schemas"), "ontology");
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view file = in, sentence;
  if (size_t sep = in.find("\n%%\n"); sep != std::string_view::npos) {
    file = in.substr(0, sep + 1);
    sentence = in.substr(sep + 4);
  }
  size_t lines = 1;
  for (char c : file) lines += c == '\n';
  auto rs = rules::RuleSet::CompileText({{"fuzz.rules", std::string(file)}},
                                        onto);
  if (!rs.ok()) {
    const std::string& m = rs.status().message();
    // A file without any rule fails as a whole ("rules: no rule patterns
    // loaded"); every other error names its line.
    if (m.rfind("rules: ", 0) == 0) return 0;
    FUZZ_CHECK(m.rfind("fuzz.rules:", 0) == 0, m);
    size_t line = std::strtoul(m.c_str() + 11, nullptr, 10);
    FUZZ_CHECK(line <= lines, m);
    return 0;
  }
  for (const auto& r : (*rs)->rules()) {
    FUZZ_CHECK(r.line >= 1 && size_t(r.line) <= lines, r.id);
  }
  std::vector<rules::RuleMatch> matches;
  (*rs)->Match(sentence, &matches);
  for (const auto& m : matches) {
    FUZZ_CHECK(m.rule >= 0 && size_t(m.rule) < (*rs)->rules().size(), "rule");
    FUZZ_CHECK(m.begin <= m.end && m.end <= sentence.size(), "match span");
    FUZZ_CHECK((*rs)->StatusFor(sentence, m.begin, m.end) ==
                   (*rs)->StatusForUnfiltered(sentence, m.begin, m.end),
               "marker prefilter changed a status");
    (void)(*rs)->ListItems(sentence, m.begin, m.end);
  }
  std::vector<rules::RuleMatch> all;
  (*rs)->MatchUnfiltered(sentence, &all);
  FUZZ_CHECK(all.size() == matches.size(), "prefilter dropped a match");
  for (size_t i = 0; i < all.size(); ++i)
    FUZZ_CHECK(all[i].rule == matches[i].rule &&
                   all[i].begin == matches[i].begin &&
                   all[i].end == matches[i].end,
               "prefilter changed a match");
  size_t last = 0;
  const auto corefs = (*rs)->FindCorefs(sentence);
  for (const auto& c : corefs) {
    FUZZ_CHECK(c.begin >= last && c.begin <= c.end && c.end <= sentence.size(),
               "coref span");
    last = c.end;
  }
  const auto discoveries = (*rs)->Discover(sentence);
  for (const auto& d : discoveries)
    FUZZ_CHECK(d.name_begin <= d.name_end && d.name_end <= sentence.size(),
               "discovery span");
  // The pre-selection drops nothing: the same as trying every pattern, and
  // the sentence's lines pre-selected together (as a document's sentences
  // are) give each line what it gets alone.
  auto same_corefs = [](const std::vector<rules::CorefPhrase>& a,
                        const std::vector<rules::CorefPhrase>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].begin != b[i].begin || a[i].end != b[i].end ||
          a[i].types != b[i].types || a[i].pronoun != b[i].pronoun)
        return false;
    return true;
  };
  auto same_discoveries = [](const std::vector<rules::Discovery>& a,
                             const std::vector<rules::Discovery>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].name_begin != b[i].name_begin || a[i].name_end != b[i].name_end ||
          a[i].type != b[i].type)
        return false;
    return true;
  };
  FUZZ_CHECK(same_corefs(corefs, (*rs)->FindCorefsUnfiltered(sentence)),
             "coreference pre-selection dropped a phrase");
  FUZZ_CHECK(same_discoveries(discoveries, (*rs)->DiscoverUnfiltered(sentence)),
             "discovery pre-selection dropped a name");
  std::vector<std::string_view> parts;
  for (size_t b = 0; b <= sentence.size();) {
    size_t e = sentence.find('\n', b);
    if (e == std::string_view::npos) e = sentence.size();
    parts.push_back(sentence.substr(b, e - b));
    b = e + 1;
  }
  std::vector<std::vector<rules::CorefPhrase>> each_corefs;
  std::vector<std::vector<rules::Discovery>> each_discoveries;
  (*rs)->FindCorefsEach(parts, &each_corefs);
  (*rs)->DiscoverEach(parts, &each_discoveries);
  FUZZ_CHECK(each_corefs.size() == parts.size() &&
                 each_discoveries.size() == parts.size(),
             "one result a line");
  for (size_t i = 0; i < parts.size(); ++i) {
    FUZZ_CHECK(same_corefs(each_corefs[i], (*rs)->FindCorefs(parts[i])),
               "a line's phrases differ when pre-selected with the others");
    FUZZ_CHECK(same_discoveries(each_discoveries[i], (*rs)->Discover(parts[i])),
               "a line's names differ when pre-selected with the others");
  }
  for (size_t p = 0; p < sentence.size() && p < 64; ++p)
    FUZZ_CHECK((*rs)->PossessiveLength(sentence, p) <= sentence.size() - p,
               "possessive length");
  return 0;
}
