#include "extract/document_pass.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "base/per_thread.h"
#include "text/chrome_filter.h"

namespace newsgraph::extract {

namespace {

// How many sentences back a coreference phrase may reach for its antecedent.
constexpr size_t kCorefWindow = 3;
// How far back "the venture" / 该项目 may reach for an alliance.
constexpr size_t kTopicWindow = 12;

// Distance from an attribute span to the rule match; attributes before the
// match (sentence-initial time adverbials, "以6.5亿美元") are preferred.
size_t Distance(size_t ab, size_t ae, size_t mb, size_t me) {
  if (ae <= mb) return mb - ae;
  if (ab >= me) return 2 * (ab - me) + 1;
  return 0;
}

template <typename T>
const T* Nearest(const std::vector<T>& v, size_t mb, size_t me,
                 bool (*keep)(const T&)) {
  const T* best = nullptr;
  size_t bd = SIZE_MAX;
  for (const auto& x : v) {
    if (keep && !keep(x)) continue;
    size_t d = Distance(x.begin, x.end, mb, me);
    if (d < bd) bd = d, best = &x;
  }
  return best;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Working space of FindMentions: the dictionary's candidates.
std::vector<dict::Candidate>& ThreadCandidates() {
  struct Candidates {};
  return base::PerThread<Candidates, std::vector<dict::Candidate>>();
}

}  // namespace

void SentenceWork::Reset(text::Span s) {
  span = s;
  mentions.clear();
  masked.clear();
  attrs.amounts.reset();
  attrs.dates.clear();
  attrs.durations.reset();
  attrs.inherited_date.reset();
  phrases.clear();
  slotted = false;
  slotted_text.text.clear();
  slotted_text.tokens.clear();
  pronoun = false;
}

DocumentPass::DocumentPass(const Resources::Impl& res, const Document& doc,
                           std::string_view text, attrs::DateContext ctx)
    : res_(res),
      doc_(doc),
      text_(text),
      ctx_(ctx),
      dict_size_(int(res.dictionary->entities().size())) {}

const dict::Entity& DocumentPass::Entity(int i) const {
  return i < dict_size_ ? res_.dictionary->entities()[i]
                        : local_->entities()[i - dict_size_];
}

char DocumentPass::Code(int i) const {
  return res_.ontology->FindEntityType(Entity(i).type)->code;
}

void DocumentPass::Layout() {
  std::vector<text::Span> spans;
  if (doc_.kind == Document::Kind::kPage) {
    text::ContentLayout layout = text::FindContent(text_);
    if (layout.title) spans.push_back(*layout.title);
    for (const auto& b : layout.blocks) spans.push_back(b);
  } else {
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      if (nl > pos) spans.push_back(text::Span{pos, nl});
      pos = nl + 1;
    }
  }
  for (const auto& s : spans) {
    Block b;
    b.span = s;
    b.sentences =
        res_.splitter->Split(text_.substr(s.begin, s.end - s.begin), s.begin);
    blocks_.push_back(std::move(b));
  }
}

Status DocumentPass::BuildLocalEntities() {
  local_ = std::make_unique<dict::Dictionary>(res_.ontology.get());
  for (size_t i = 0; i < doc_.entities.size(); ++i) {
    const DocumentEntity& de = doc_.entities[i];
    if (res_.dictionary->Find(de.name) >= 0) continue;  // known already
    dict::Entity e;
    e.name = de.name;
    e.type = de.type.empty() ? "company" : de.type;
    e.aliases = de.aliases;
    e.discovered = true;
    NEWSGRAPH_RETURN_IF_ERROR(
        local_->Add(std::move(e), doc_.id + ": entity " + std::to_string(i + 1)));
  }
  // Names introduced by a descriptor ("the startup Foo", "Foo Inc."), all
  // the document's sentences pre-selected in one scan.
  std::vector<std::string_view> sentences;
  for (const Block& b : blocks_)
    for (const text::Span& s : b.sentences) sentences.push_back(SentenceText(s));
  std::vector<std::vector<rules::Discovery>> discoveries;
  res_.rules->DiscoverEach(sentences, &discoveries);
  for (size_t k = 0; k < sentences.size(); ++k) {
    for (const rules::Discovery& d : discoveries[k]) {
      std::string name(
          sentences[k].substr(d.name_begin, d.name_end - d.name_begin));
      if (res_.dictionary->FindForm(name) >= 0 || local_->FindForm(name) >= 0)
        continue;
      dict::Entity e;
      e.name = name;
      e.type = d.type;
      e.discovered = true;
      // A clash (same name, another type) keeps the first reading.
      (void)local_->Add(std::move(e), doc_.id);
    }
  }
  if (!local_->entities().empty()) {
    auto m = dict::Matcher::Build(*local_, *res_.normalizer);
    if (!m.ok()) return m.status();
    local_matcher_ = std::move(m).value();
  }
  return Status::Ok();
}

void DocumentPass::FindMentions(std::string_view sentence,
                                const text::Normalized& norm,
                                std::vector<Mention>* out) const {
  std::vector<dict::Candidate>& cands = ThreadCandidates();
  cands.clear();
  res_.matcher->FindAll(sentence, norm, &cands);
  MentionsFrom(&cands, sentence, norm, out);
}

void DocumentPass::MentionsFrom(std::vector<dict::Candidate>* cands,
                                std::string_view sentence,
                                const text::Normalized& norm,
                                std::vector<Mention>* out) const {
  if (local_matcher_) {
    size_t first = cands->size();
    local_matcher_->FindAll(sentence, norm, cands);
    for (size_t k = first; k < cands->size(); ++k)
      (*cands)[k].entity += dict_size_;
  }
  dict::SelectLeftmostLongest(cands);
  BuildMentions(*cands, norm.text, [&](int e) { return Code(e); }, out);
}

int DocumentPass::Antecedent(const rules::CorefPhrase& ph,
                             const std::vector<Mention>& before) const {
  auto fits = [&](int e) { return Contains(ph.types, Entity(e).type); };
  // A description ("该基金", "the group") takes the nearest compatible
  // entity; a pronoun ("he", "it") the subject, i.e. the first compatible
  // mention of its own sentence or of the latest sentence that has one.
  if (ph.pronoun) {
    for (const auto& m : before)
      if (!m.coreference && fits(m.entity)) return m.entity;
    size_t sentence = SIZE_MAX;
    int found = -1;
    for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
      if (sentence_no_ - it->sentence > kCorefWindow) break;
      if (sentence != SIZE_MAX && it->sentence != sentence) break;
      if (fits(it->entity)) {
        sentence = it->sentence;
        found = it->entity;  // keeps going back to the sentence's first one
      }
    }
    return found;
  }
  for (auto it = before.rbegin(); it != before.rend(); ++it)
    if (fits(it->entity)) return it->entity;
  for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
    if (sentence_no_ - it->sentence > kCorefWindow) break;
    if (fits(it->entity)) return it->entity;
  }
  return -1;
}

bool DocumentPass::ResolveCoreferences(
    const text::Normalized& norm, const std::vector<rules::CorefPhrase>& phrases,
    std::vector<Mention>* mentions) const {
  if (phrases.empty()) return false;
  bool pronoun = false;
  std::vector<Mention> merged;
  size_t k = 0;
  for (const auto& ph : phrases) {
    // Mentions before the phrase come first (and may be its antecedent).
    while (k < mentions->size() && (*mentions)[k].end <= ph.begin)
      merged.push_back((*mentions)[k++]);
    if (k < mentions->size() && (*mentions)[k].begin < ph.end) continue;
    // "X, the venture ..." is an apposition that describes X, not a
    // reference back: leave it to the rules.
    // (A pronoun is never an apposition: "Stargate, its joint venture".)
    if (!ph.pronoun && !merged.empty() &&
        std::isalpha(static_cast<unsigned char>(norm.text[ph.begin]))) {
      std::string_view between = std::string_view(norm.text).substr(
          merged.back().end, ph.begin - merged.back().end);
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
      if (between == ",") continue;
    }
    int antecedent = Antecedent(ph, merged);
    // A description with nothing to refer back to may point forward to the
    // first fitting name later in its sentence ("joined the group, and the
    // Global ... Partnership was renamed ...").
    if (antecedent < 0 && !ph.pronoun) {
      for (size_t j = k; j < mentions->size() && antecedent < 0; ++j)
        if (Contains(ph.types, Entity((*mentions)[j].entity).type))
          antecedent = (*mentions)[j].entity;
    }
    // An alliance is what an article is about: "the venture" or "as
    // partners" may reach further back for it than other references.
    if (antecedent < 0 && Contains(ph.types, "alliance")) {
      for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
        if (sentence_no_ - it->sentence > kTopicWindow) break;
        if (Entity(it->entity).type == "alliance") {
          antecedent = it->entity;
          break;
        }
      }
    }
    pronoun = pronoun || (ph.pronoun && antecedent >= 0);
    // A pronoun follows renames stated earlier: the body now goes by its
    // new name. (A description such as "该基金" names the body as the
    // sentence sees it; a rename in that sentence redirects it anyway.)
    for (int hops = 0; ph.pronoun && antecedent >= 0 && hops < 8; ++hops) {
      auto it = renamed_.find(antecedent);
      if (it == renamed_.end()) break;
      antecedent = it->second;
    }
    if (antecedent < 0) continue;
    Mention m;
    m.begin = m.core_begin = uint32_t(ph.begin);
    m.end = m.core_end = uint32_t(ph.end);
    m.entity = antecedent;
    m.code = Code(antecedent);
    m.coreference = true;
    merged.push_back(m);
  }
  while (k < mentions->size()) merged.push_back((*mentions)[k++]);
  *mentions = std::move(merged);
  return pronoun;
}

namespace {

bool IsAsciiWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'';
}

// The surname in a person's name as the document writes it (normalized,
// lower case): the last word of a Latin name of two or more words, skipping
// generational suffixes ("gerard williams iii" -> "williams"), or the part
// after the last middle dot of a transliterated name ("蕾妮·詹姆斯" ->
// "詹姆斯", two characters or more); "" otherwise.
std::string Surname(std::string_view name) {
  for (std::string_view dot : {"\u00b7", "\u30fb", "\u2022", "\u2027"}) {
    size_t d = name.rfind(dot);
    if (d == std::string_view::npos || d == 0) continue;
    std::string_view last = name.substr(d + dot.size());
    if (last.size() < 6 || static_cast<unsigned char>(last[0]) < 0x80) return "";
    return std::string(last);
  }
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    if (j > i) words.push_back(name.substr(i, j - i));
    i = j + 1;
  }
  static const std::set<std::string_view> kSuffixes = {"jr.", "jr", "sr.",
                                                       "sr",  "ii", "iii", "iv"};
  while (!words.empty() && kSuffixes.count(words.back())) words.pop_back();
  if (words.size() < 2) return "";
  std::string_view last = words.back();
  if (last.size() < 3) return "";
  for (char c : last)
    if (!std::islower(static_cast<unsigned char>(c)) && c != '-') return "";
  return std::string(last);
}

}  // namespace

void DocumentPass::AddSurnameMentions(std::string_view sentence,
                                      const text::Normalized& norm,
                                      std::vector<Mention>* mentions) {
  bool added = false;
  for (const auto& [surname, entity] : surnames_) {
    if (entity < 0) continue;
    for (size_t pos = norm.text.find(surname); pos != std::string::npos;
         pos = norm.text.find(surname, pos + 1)) {
      size_t end = pos + surname.size();
      // A Latin surname is a whole word, capitalized where it names the
      // person; Chinese text has no word boundaries to check.
      const bool latin = static_cast<unsigned char>(surname[0]) < 0x80;
      if (latin && ((pos > 0 && IsAsciiWordByte(norm.text[pos - 1])) ||
                    (end < norm.text.size() && IsAsciiWordByte(norm.text[end]))))
        continue;
      size_t src = norm.SourceBegin(pos);
      if (latin && (src >= sentence.size() ||
                    !std::isupper(static_cast<unsigned char>(sentence[src]))))
        continue;
      bool overlaps = false;
      for (const Mention& m : *mentions)
        if (m.begin < end && pos < m.end) overlaps = true;
      if (overlaps) continue;
      Mention m;
      m.begin = m.core_begin = uint32_t(pos);
      m.end = m.core_end = uint32_t(end);
      m.entity = entity;
      m.code = Code(entity);
      mentions->push_back(m);
      added = true;
    }
  }
  if (added)
    std::sort(mentions->begin(), mentions->end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  for (const Mention& m : *mentions) {
    if (m.coreference || Entity(m.entity).type != "person") continue;
    std::string s = Surname(std::string_view(norm.text).substr(
        m.core_begin, m.core_end - m.core_begin));
    if (s.empty()) continue;
    auto [it, inserted] = surnames_.emplace(s, m.entity);
    if (!inserted && it->second != m.entity) it->second = -1;
  }
}

std::string_view DocumentPass::SentenceText(const text::Span& span) const {
  return text_.substr(span.begin, span.end - span.begin);
}

void DocumentPass::Normalize(SentenceWork* w) const {
  res_.normalizer->NormalizeInto(SentenceText(w->span), &w->norm);
}

void DocumentPass::FindNames(SentenceWork* w) const {
  FindMentions(SentenceText(w->span), w->norm, &w->mentions);
}

void DocumentPass::FindPhrases(SentenceWork* w) const {
  w->phrases = res_.rules->FindCorefs(w->norm.text);
}

void DocumentPass::PrepareSentence(
    SentenceWork* w, std::optional<attrs::DateMention>* paragraph_date) {
  ++sentence_no_;
  AddSurnameMentions(SentenceText(w->span), w->norm, &w->mentions);
  w->pronoun = ResolveCoreferences(w->norm, w->phrases, &w->mentions);

  // Attributes, found on the text with names masked out.
  w->masked = w->norm.text;
  for (const auto& m : w->mentions)
    for (uint32_t i = m.core_begin; i < m.core_end; ++i) w->masked[i] = '_';
  w->attrs.dates = attrs::FindDates(w->masked, &ctx_);
  w->attrs.inherited_date = *paragraph_date;
  if (!w->attrs.dates.empty()) *paragraph_date = w->attrs.dates.back();
  if (w->mentions.size() >= 2) {
    w->slotted = true;
    BuildSlotted(w->norm.text, w->mentions, &w->slotted_text);
  }
  for (const auto& m : w->mentions) seen_.push_back({m.entity, sentence_no_});
}

void DocumentPass::Run(std::vector<Relation>* out) {
  std::vector<rules::RuleMatch> matches;
  SentenceWork w;  // one record, its buffers reused sentence after sentence
  for (const Block& block : blocks_) {
    std::optional<attrs::DateMention> paragraph_date;
    for (const text::Span& span : block.sentences) {
      w.Reset(span);
      Normalize(&w);
      FindNames(&w);
      FindPhrases(&w);
      PrepareSentence(&w, &paragraph_date);
      if (!w.slotted) continue;
      matches.clear();
      res_.rules->Match(w.slotted_text.text, &matches);
      ExtractSentence(w, matches, out);
    }
  }
  NameByDate(out);
}

void DocumentPass::PrepareStep(Step step) {
  switch (step) {
    case Step::kSentences: {
      size_t n = 0;
      for (const Block& block : blocks_) n += block.sentences.size();
      work_.reserve(n);
      for (const Block& block : blocks_)
        for (const text::Span& span : block.sentences)
          work_.emplace_back().span = span;
      return;
    }
    case Step::kNormalize:
      for (SentenceWork& w : work_) Normalize(&w);
      return;
    case Step::kNames: {
      // The dictionary's names in all the document's sentences at once
      // (one literal scan), then each sentence's own.
      struct Texts {};
      auto& texts = base::PerThread<Texts, std::vector<dict::Matcher::Text>>();
      texts.clear();
      for (const SentenceWork& w : work_)
        texts.push_back({SentenceText(w.span), &w.norm});
      struct Found {};
      auto& found =
          base::PerThread<Found, std::vector<std::vector<dict::Candidate>>>();
      res_.matcher->FindAllEach(texts, &found);
      for (size_t k = 0; k < work_.size(); ++k)
        MentionsFrom(&found[k], texts[k].source, work_[k].norm,
                     &work_[k].mentions);
      return;
    }
    case Step::kPhrases: {
      // All the document's sentences at once: one scan pre-selects the
      // coreference patterns of each.
      std::vector<std::string_view> texts;
      texts.reserve(work_.size());
      for (const SentenceWork& w : work_) texts.push_back(w.norm.text);
      struct Phrases {};
      auto& phrases =
          base::PerThread<Phrases, std::vector<std::vector<rules::CorefPhrase>>>();
      res_.rules->FindCorefsEach(texts, &phrases);
      for (size_t k = 0; k < work_.size(); ++k)
        work_[k].phrases.swap(phrases[k]);
      return;
    }
  }
}

void DocumentPass::Prepare(std::vector<std::string_view>* slotted) {
  size_t k = 0;
  for (const Block& block : blocks_) {
    std::optional<attrs::DateMention> paragraph_date;
    for (size_t n = 0; n < block.sentences.size(); ++n)
      PrepareSentence(&work_[k++], &paragraph_date);
  }
  for (const SentenceWork& w : work_)
    if (w.slotted) slotted->push_back(w.slotted_text.text);
}

bool DocumentPass::Finish(std::span<std::vector<rules::RuleMatch>> matches,
                          std::vector<Relation>* out) {
  const size_t first = out->size();
  size_t matched = 0;  // most matches give one relation
  for (const auto& m : matches) matched += m.size();
  out->reserve(first + matched);
  size_t next = 0;
  for (SentenceWork& w : work_) {
    // Run would have resolved this sentence's pronouns knowing the renames
    // stated so far.
    if (w.pronoun && !renamed_.empty()) {
      out->resize(first);
      return false;
    }
    if (w.slotted) ExtractSentence(w, matches[next++], out);
  }
  NameByDate(out);
  work_.clear();
  return true;
}

// A body is named as it was at the time: members who joined before a
// rename stated in this document joined the former name ("formed the group
// last September", the group having been renamed this week). The store
// carries them over to the new name through the rename.
void NameByDate(std::vector<Relation>* rels) {
  struct Rename {
    EntityRef from;
    std::string date;
    std::string sentence;
  };
  std::map<std::string, Rename> renamed;  // new name -> former
  for (const Relation& r : *rels)
    if (r.relation == "renamed_to" && (r.attrs.status.empty() || r.attrs.status == "asserted") && !r.attrs.date.empty())
      renamed.emplace(r.object.name, Rename{r.subject, r.attrs.date, r.evidence.sentence});
  if (renamed.empty()) return;
  std::set<std::pair<std::string, std::string>> present;
  for (const Relation& r : *rels)
    if (r.relation == "member_of") present.emplace(r.subject.name, r.object.name);
  std::vector<Relation> kept;
  for (Relation& r : *rels) {
    if (r.relation == "member_of" && !r.attrs.date.empty()) {
      auto it = renamed.find(r.object.name);
      const std::string& d = r.attrs.date;
      if (it != renamed.end() && it->second.sentence != r.evidence.sentence &&
          d < it->second.date && it->second.date.compare(0, d.size(), d) != 0) {
        if (present.count({r.subject.name, it->second.from.name})) continue;
        present.emplace(r.subject.name, it->second.from.name);
        r.object = it->second.from;
      }
    }
    kept.push_back(std::move(r));
  }
  *rels = std::move(kept);
}

void DocumentPass::Attach(const ontology::RelationType& rt,
                          const SentenceAttrs& attrs, std::string_view sentence,
                          const text::Normalized& norm, size_t mb, size_t me,
                          Attributes* a) const {
  if (rt.has_date) {
    const attrs::DateMention* d = Nearest<attrs::DateMention>(attrs.dates, mb, me, nullptr);
    if (!d && attrs.inherited_date) d = &*attrs.inherited_date;
    if (d) {
      a->date_text = d->surface;
      a->since = d->since;
      if (d->date) a->date = d->date->ToIso();
      else a->date_unresolved = true;
    }
  }
  if (rt.has_amount && attrs.amounts) {
    // Counts ("10万个") are not money.
    const attrs::AmountMention* m = Nearest<attrs::AmountMention>(
        *attrs.amounts, mb, me,
        [](const attrs::AmountMention& x) { return !x.currency.empty(); });
    if (m) {
      a->amount = m->value;
      a->currency = m->currency;
      size_t b = norm.SourceBegin(m->begin), e = norm.SourceEnd(m->end);
      a->amount_text = std::string(sentence.substr(b, e - b));
    }
  }
  if (rt.has_duration && attrs.durations) {
    const attrs::DurationMention* d = Nearest<attrs::DurationMention>(*attrs.durations, mb, me, nullptr);
    if (d) a->duration_years = d->years;
  }
}

void DocumentPass::ExtractSentence(SentenceWork& work,
                                   std::vector<rules::RuleMatch>& matches,
                                   std::vector<Relation>* out) {
  if (matches.empty()) return;
  const rules::RuleSet& rules = *res_.rules;
  const text::Span& span = work.span;
  const std::string_view sentence = SentenceText(span);
  const text::Normalized& norm = work.norm;
  const std::vector<Mention>& mentions = work.mentions;
  const Slotted& slotted = work.slotted_text;
  // Amounts and durations only where a relation takes them.
  SentenceAttrs& attrs = work.attrs;
  auto find_attrs = [&](const ontology::RelationType& rt) {
    if (rt.has_amount && !attrs.amounts)
      attrs.amounts = attrs::FindAmounts(work.masked);
    if (rt.has_duration && !attrs.durations)
      attrs.durations = attrs::FindDurations(work.masked);
  };
  // In text order. (std::stable_sort takes a buffer from the heap even for
  // one element; most sentences have one match, in order already.)
  auto by_position = [](const rules::RuleMatch& a, const rules::RuleMatch& b) {
    return std::tie(a.begin, a.rule) < std::tie(b.begin, b.rule);
  };
  if (!std::is_sorted(matches.begin(), matches.end(), by_position))
    std::stable_sort(matches.begin(), matches.end(), by_position);
  auto ref = [&](const Mention& m) {
    const dict::Entity& e = Entity(m.entity);
    EntityRef er;
    er.name = e.name;
    er.type = e.type;
    size_t b = norm.SourceBegin(m.core_begin), end = norm.SourceEnd(m.core_end);
    er.mention = std::string(sentence.substr(b, end - b));
    er.discovered = e.discovered;
    er.coreference = m.coreference;
    return er;
  };

  // The relations emitted so far (a sentence holds few).
  struct Emitted {
    int subject;
    const std::string* relation;
    int object;
  };
  std::vector<Emitted> seen;
  auto first_time = [&seen](int a, const std::string& relation, int b) {
    for (const Emitted& e : seen)
      if (e.subject == a && e.object == b && *e.relation == relation)
        return false;
    seen.push_back({a, &relation, b});
    return true;
  };
  const size_t first_relation = out->size();
  for (const auto& match : matches) {
    const rules::Rule& rule = rules.rules()[match.rule];
    const size_t mb = slotted.ToNorm(match.begin, false);
    const size_t me = slotted.ToNorm(match.end, true);
    const std::string& status =
        rule.status.empty() ? rules.StatusFor(slotted.text, match.begin, match.end)
                            : rule.status;
    auto slot = [&](const std::string& name) -> const std::vector<int>* {
      for (const auto& s : match.slots)
        if (s.slot == name) return &s.mentions;
      return nullptr;
    };
    for (const rules::Emit& emit : rule.emits) {
      const auto* rt = res_.ontology->FindRelationType(emit.relation);
      const auto* subs = slot(emit.subject_slot);
      const auto* objs = slot(emit.object_slot);
      if (!subs || !objs) continue;
      const bool same_slot = emit.subject_slot == emit.object_slot;
      for (size_t i = 0; i < subs->size(); ++i) {
        for (size_t j = same_slot ? i + 1 : 0; j < objs->size(); ++j) {
          const Mention& sm = mentions[(*subs)[i]];
          const Mention& om = mentions[(*objs)[j]];
          if (sm.entity == om.entity) continue;
          if (!Contains(rt->subject_types, Entity(sm.entity).type) ||
              !Contains(rt->object_types, Entity(om.entity).type))
            continue;
          int a = sm.entity, b = om.entity;
          if (rt->symmetric && b < a) std::swap(a, b);
          if (!first_time(a, emit.relation, b)) continue;
          if (emit.relation == "renamed_to" && rule.status.empty())
            renamed_[sm.entity] = om.entity;
          Relation& r = out->emplace_back();  // built in place
          r.doc = doc_.id;
          r.relation = emit.relation;
          r.rule = rule.id;
          r.subject = ref(sm);
          r.object = ref(om);
          r.attrs.status = status;
          find_attrs(*rt);
          Attach(*rt, attrs, sentence, norm, mb, me, &r.attrs);
          r.evidence.sentence = std::string(sentence);
          r.evidence.start = span.begin;
          r.evidence.end = span.end;
        }
      }
    }
  }
  MakeSentenceConsistent(out, first_relation);
}

void MakeSentenceConsistent(std::vector<Relation>* rels, size_t first) {
  // Every rule below needs two relations of the sentence.
  if (rels->size() < first + 2) return;
  std::map<std::string, EntityRef> renamed;
  std::set<std::pair<std::string, std::string>> units;
  for (size_t i = first; i < rels->size(); ++i) {
    const Relation& r = (*rels)[i];
    if (r.relation == "renamed_to") renamed.emplace(r.subject.name, r.object);
    if (r.relation == "subsidiary_of") {
      units.emplace(r.subject.name, r.object.name);
      units.emplace(r.object.name, r.subject.name);
    }
  }
  // A controlling owner is more than an investor: owns supersedes
  // investor_in for the same pair ("持有Arm约90%的股份").
  std::set<std::pair<std::string, std::string>> owners;
  for (size_t i = first; i < rels->size(); ++i)
    if ((*rels)[i].relation == "owns")
      owners.emplace((*rels)[i].subject.name, (*rels)[i].object.name);
  // A chief executive, chair or founder is more than an employee.
  std::set<std::pair<std::string, std::string>> roles;
  for (size_t i = first; i < rels->size(); ++i) {
    const std::string& t = (*rels)[i].relation;
    if (t == "ceo_of" || t == "chairman_of" || t == "founded")
      roles.emplace((*rels)[i].subject.name, (*rels)[i].object.name);
  }
  if (renamed.empty() && units.empty() && owners.empty() && roles.empty())
    return;
  std::set<std::pair<std::string, std::string>> members;
  std::vector<Relation> sentence;
  for (size_t i = first; i < rels->size(); ++i) {
    Relation& r = (*rels)[i];
    if (r.relation == "partner_of" && units.count({r.subject.name, r.object.name}))
      continue;
    if (r.relation == "investor_in" &&
        owners.count({r.subject.name, r.object.name}))
      continue;
    if (r.relation == "employee_of" &&
        roles.count({r.subject.name, r.object.name}))
      continue;
    if (r.relation == "member_of") {
      if (auto it = renamed.find(r.object.name); it != renamed.end())
        r.object = it->second;
      if (!members.emplace(r.subject.name, r.object.name).second) continue;
    }
    sentence.push_back(std::move(r));
  }
  rels->resize(first);
  for (auto& r : sentence) rels->push_back(std::move(r));
}

}  // namespace newsgraph::extract
