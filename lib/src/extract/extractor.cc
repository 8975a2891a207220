#include "newsgraph/extractor.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "base/date.h"
#include "extract/attrs/amount.h"
#include "extract/attrs/date_finder.h"
#include "extract/attrs/duration.h"
#include "extract/mentions.h"
#include "extract/resources_impl.h"
#include "text/chrome_filter.h"
#include "text/document_date.h"
#include "text/utf8.h"

namespace newsgraph {

namespace {

// The entities visible in one document: the shared dictionary plus the
// document's own entities (indices past the dictionary's).
class EntityView {
 public:
  EntityView(const Resources::Impl& res, const dict::Dictionary* local)
      : res_(res), local_(local) {}
  const dict::Entity& Get(int i) const {
    int n = int(res_.dictionary->entities().size());
    return i < n ? res_.dictionary->entities()[i] : local_->entities()[i - n];
  }
  char Code(int i) const {
    return res_.ontology->FindEntityType(Get(i).type)->code;
  }

 private:
  const Resources::Impl& res_;
  const dict::Dictionary* local_;
};

// Distance from an attribute span to the rule match; attributes before the
// match (sentence-initial time adverbials, "以6.5亿美元") are preferred.
size_t Distance(size_t ab, size_t ae, size_t mb, size_t me) {
  if (ae <= mb) return mb - ae;
  if (ab >= me) return 2 * (ab - me) + 1;
  return 0;
}

struct SentenceAttrs {
  std::vector<extract::attrs::AmountMention> amounts;
  std::vector<extract::attrs::DateMention> dates;
  std::vector<extract::attrs::DurationMention> durations;
};

// Sentence-level consistency of the relations rels[first..] (one sentence):
//  - a sentence that renames an alliance ("随着X的加入,A将更名为B", "X joined
//    A, now renamed B") speaks of the renamed body: member_of relations to
//    the old name point at the new name;
//  - a unit and its parent named together ("A及旗下的B") are not partners:
//    partner_of is dropped where the sentence states subsidiary_of.
void MakeSentenceConsistent(std::vector<Relation>* rels, size_t first) {
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
  if (renamed.empty() && units.empty()) return;
  std::set<std::pair<std::string, std::string>> members;
  std::vector<Relation> sentence;
  for (size_t i = first; i < rels->size(); ++i) {
    Relation& r = (*rels)[i];
    if (r.relation == "partner_of" &&
        units.count({r.subject.name, r.object.name}))
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

}  // namespace

Extractor::Extractor(std::shared_ptr<const Resources> r, ExtractOptions o)
    : resources_(std::move(r)), options_(o) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Resources> resources, ExtractOptions options) {
  if (!resources) return Status::InvalidArgument("extractor: no resources");
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(resources), options));
}

Result<Extractor::Output> Extractor::Extract(const Document& doc) const {
  const Resources::Impl& res = resources_->impl();
  Output out;
  std::string_view text = doc.text;
  std::string repaired;
  size_t bad = text::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    if (!options_.replace_invalid_utf8)
      return Status::DataError(doc.id + ": invalid UTF-8 at byte " +
                               std::to_string(bad) +
                               "; fix the file or pass --replace-invalid");
    std::vector<size_t> replaced;
    repaired = text::ReplaceInvalidUtf8(text, &replaced);
    text = repaired;
    out.warnings.push_back(doc.id + ": replaced " +
                           std::to_string(replaced.size()) +
                           " invalid UTF-8 sequence(s), the first at byte " +
                           std::to_string(bad) +
                           " (offsets refer to the repaired text)");
  }

  // Document date: given, else from the header of the text.
  extract::attrs::DateContext ctx;
  if (!doc.date.empty()) {
    auto d = base::Date::ParseIso(doc.date.substr(0, 10));
    if (!d)
      return Status::InvalidArgument(doc.id + ": bad document date '" +
                                     doc.date + "' (expected YYYY-MM-DD)");
    ctx.document_date = *d;
  } else if (doc.kind == Document::Kind::kPage) {
    ctx.document_date = text::FindDocumentDate(text);
  }
  if (ctx.document_date) out.date = ctx.document_date->ToIso();

  // The document's own entities.
  std::unique_ptr<dict::Dictionary> local;
  std::unique_ptr<dict::Matcher> local_matcher;
  if (!doc.entities.empty()) {
    local = std::make_unique<dict::Dictionary>(res.ontology.get());
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const DocumentEntity& de = doc.entities[i];
      if (res.dictionary->Find(de.name) >= 0) continue;  // known already
      dict::Entity e;
      e.name = de.name;
      e.type = de.type.empty() ? "company" : de.type;
      e.aliases = de.aliases;
      e.discovered = true;
      Status st = local->Add(std::move(e), doc.id + ": entity " +
                                               std::to_string(i + 1));
      if (!st.ok()) return st;
    }
    auto m = dict::Matcher::Build(*local, *res.normalizer);
    if (!m.ok()) return m.status();
    local_matcher = std::move(m).value();
  }
  EntityView view(res, local.get());
  const int dict_size = int(res.dictionary->entities().size());

  // Content blocks: the title first, then paragraphs.
  std::vector<text::Span> blocks;
  if (doc.kind == Document::Kind::kPage) {
    text::ContentLayout layout = text::FindContent(text);
    if (layout.title) blocks.push_back(*layout.title);
    for (const auto& b : layout.blocks) blocks.push_back(b);
  } else {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      if (nl > pos) blocks.push_back(text::Span{pos, nl});
      pos = nl + 1;
    }
  }

  const rules::RuleSet& rules = *res.rules;
  for (const text::Span& block : blocks) {
    std::optional<extract::attrs::DateMention> paragraph_date;
    auto sentences = res.splitter->Split(
        text.substr(block.begin, block.end - block.begin), block.begin);
    for (const text::Span& sspan : sentences) {
      std::string_view sentence =
          text.substr(sspan.begin, sspan.end - sspan.begin);
      text::Normalized norm = res.normalizer->Normalize(sentence);
      std::vector<dict::Candidate> cands;
      res.matcher->FindAll(sentence, norm, &cands);
      if (local_matcher) {
        size_t first = cands.size();
        local_matcher->FindAll(sentence, norm, &cands);
        for (size_t k = first; k < cands.size(); ++k)
          cands[k].entity += dict_size;
      }
      auto selected = dict::SelectLeftmostLongest(std::move(cands));
      auto mentions = extract::BuildMentions(
          selected, norm.text, [&](int e) { return view.Code(e); });

      // Attributes, found on the text with mentions masked out.
      std::string masked = norm.text;
      for (const auto& m : mentions)
        for (uint32_t k = m.core_begin; k < m.core_end; ++k) masked[k] = '_';
      SentenceAttrs attrs;
      attrs.dates = extract::attrs::FindDates(masked, &ctx);
      std::optional<extract::attrs::DateMention> inherited = paragraph_date;
      if (!attrs.dates.empty()) paragraph_date = attrs.dates.back();
      if (mentions.size() < 2) continue;
      attrs.amounts = extract::attrs::FindAmounts(masked);
      attrs.durations = extract::attrs::FindDurations(masked);

      extract::Slotted slotted = extract::BuildSlotted(norm.text, mentions);
      std::vector<rules::RuleMatch> matches;
      rules.Match(slotted.text, &matches);
      if (matches.empty()) continue;
      std::stable_sort(matches.begin(), matches.end(),
                       [](const rules::RuleMatch& a, const rules::RuleMatch& b) {
                         return std::tie(a.begin, a.rule) <
                                std::tie(b.begin, b.rule);
                       });

      std::set<std::tuple<int, std::string, int>> seen;
      const size_t first_relation = out.relations.size();
      for (const auto& match : matches) {
        const rules::Rule& rule = rules.rules()[match.rule];
        size_t mb = slotted.ToNorm(match.begin, false);
        size_t me = slotted.ToNorm(match.end, true);
        std::string status = rule.status.empty()
                                 ? rules.StatusFor(slotted.text, match.begin,
                                                   match.end)
                                 : rule.status;
        auto slot = [&](const std::string& name) -> const std::vector<int>* {
          for (const auto& s : match.slots)
            if (s.slot == name) return &s.mentions;
          return nullptr;
        };
        for (const rules::Emit& emit : rule.emits) {
          const auto* rt = res.ontology->FindRelationType(emit.relation);
          const auto* subs = slot(emit.subject_slot);
          const auto* objs = slot(emit.object_slot);
          if (!subs || !objs) continue;
          bool same_slot = emit.subject_slot == emit.object_slot;
          for (size_t i = 0; i < subs->size(); ++i) {
            for (size_t j = same_slot ? i + 1 : 0; j < objs->size(); ++j) {
              const extract::Mention& sm = mentions[(*subs)[i]];
              const extract::Mention& om = mentions[(*objs)[j]];
              if (sm.entity == om.entity) continue;
              const dict::Entity& se = view.Get(sm.entity);
              const dict::Entity& oe = view.Get(om.entity);
              auto allowed = [](const std::vector<std::string>& v,
                                const std::string& t) {
                return std::find(v.begin(), v.end(), t) != v.end();
              };
              if (!allowed(rt->subject_types, se.type) ||
                  !allowed(rt->object_types, oe.type))
                continue;
              int a = sm.entity, b = om.entity;
              if (rt->symmetric && b < a) std::swap(a, b);
              if (!seen.emplace(a, emit.relation, b).second) continue;

              Relation r;
              r.doc = doc.id;
              r.relation = emit.relation;
              r.rule = rule.id;
              auto ref = [&](const extract::Mention& m, const dict::Entity& e) {
                EntityRef er;
                er.name = e.name;
                er.type = e.type;
                size_t b0 = norm.SourceBegin(m.core_begin);
                size_t e0 = norm.SourceEnd(m.core_end);
                er.mention = std::string(sentence.substr(b0, e0 - b0));
                er.discovered = e.discovered;
                return er;
              };
              r.subject = ref(sm, se);
              r.object = ref(om, oe);
              r.attrs.status = status;
              if (rt->has_date) {
                const extract::attrs::DateMention* best = nullptr;
                size_t bd = SIZE_MAX;
                for (const auto& d : attrs.dates) {
                  size_t dd = Distance(d.begin, d.end, mb, me);
                  if (dd < bd) bd = dd, best = &d;
                }
                if (!best && inherited) best = &*inherited;
                if (best) {
                  r.attrs.date_text = best->surface;
                  r.attrs.since = best->since;
                  if (best->date) r.attrs.date = best->date->ToIso();
                  else r.attrs.date_unresolved = true;
                }
              }
              if (rt->has_amount) {
                const extract::attrs::AmountMention* best = nullptr;
                size_t bd = SIZE_MAX;
                for (const auto& a2 : attrs.amounts) {
                  if (a2.currency.empty()) continue;  // counts are not money
                  size_t dd = Distance(a2.begin, a2.end, mb, me);
                  if (dd < bd) bd = dd, best = &a2;
                }
                if (best) {
                  r.attrs.amount = best->value;
                  r.attrs.currency = best->currency;
                  r.attrs.amount_text =
                      std::string(sentence.substr(
                          norm.SourceBegin(best->begin),
                          norm.SourceEnd(best->end) -
                              norm.SourceBegin(best->begin)));
                }
              }
              if (rt->has_duration) {
                const extract::attrs::DurationMention* best = nullptr;
                size_t bd = SIZE_MAX;
                for (const auto& du : attrs.durations) {
                  size_t dd = Distance(du.begin, du.end, mb, me);
                  if (dd < bd) bd = dd, best = &du;
                }
                if (best) r.attrs.duration_years = best->years;
              }
              r.evidence.sentence = std::string(sentence);
              r.evidence.start = sspan.begin;
              r.evidence.end = sspan.end;
              out.relations.push_back(std::move(r));
            }
          }
        }
      }
      MakeSentenceConsistent(&out.relations, first_relation);
    }
  }
  return out;
}

}  // namespace newsgraph
