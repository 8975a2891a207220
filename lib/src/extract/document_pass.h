// One document's extraction: the state that lives from the first sentence to
// the last (document date, the document's own and discovered entities, the
// entities mentioned so far for coreference) and the per-sentence steps.
#ifndef NEWSGRAPH_EXTRACT_DOCUMENT_PASS_H_
#define NEWSGRAPH_EXTRACT_DOCUMENT_PASS_H_

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"
#include "dict/matcher.h"
#include "extract/attrs/amount.h"
#include "extract/attrs/date_finder.h"
#include "extract/attrs/duration.h"
#include "extract/mentions.h"
#include "extract/resources_impl.h"
#include "newsgraph/extractor.h"
#include "text/sentence_splitter.h"

namespace newsgraph::extract {

// A paragraph (or the title) and its sentences, as source spans.
struct Block {
  text::Span span;
  std::vector<text::Span> sentences;
};

// The attribute mentions of one sentence (normalized offsets).
struct SentenceAttrs {
  // Amounts and durations are looked for once a relation takes them.
  std::optional<std::vector<attrs::AmountMention>> amounts;
  std::vector<attrs::DateMention> dates;
  std::optional<std::vector<attrs::DurationMention>> durations;
  std::optional<attrs::DateMention> inherited_date;  // from the paragraph
};

// One sentence between the steps of a document pass: its mentions and
// attributes, and the slotted text the rules run on.
struct SentenceWork {
  text::Span span;
  text::Normalized norm;
  std::vector<Mention> mentions;
  std::string masked;  // normalized text with the names masked out
  SentenceAttrs attrs;
  std::vector<rules::CorefPhrase> phrases;  // coreference phrases in `norm`
  bool slotted = false;  // two mentions or more: the rules run on it
  Slotted slotted_text;
  // A pronoun here was given an antecedent: a rename stated earlier in the
  // document would redirect it (ResolveCoreferences).
  bool pronoun = false;

  // Empties the record for the sentence at `s`, keeping its buffers (`norm`
  // is replaced whole by the normalize step).
  void Reset(text::Span s);
};

// Not thread-safe; one per Extract call.
class DocumentPass {
 public:
  DocumentPass(const Resources::Impl& res, const Document& doc,
               std::string_view text, attrs::DateContext ctx);

  // Lays out blocks and sentences (chrome filtered for pages).
  void Layout();
  // Adds the document's own entities and the names found by `discover`
  // patterns to a per-document dictionary. Errors name the document.
  Status BuildLocalEntities();
  // Runs every sentence, appending relations to `out`.
  void Run(std::vector<Relation>* out);

  // Run in two halves, so that the rules can run on several documents'
  // sentences at once (RuleSet::MatchBatch): Prepare takes every sentence
  // up to the rules and appends the slotted sentences the rules must run
  // on; Finish takes their matches (in the same order) and appends the
  // relations. Finish returns false, having appended nothing, where the
  // halves cannot give what Run gives: a rename stated in one sentence
  // redirects a pronoun of a later one, which Prepare resolved without
  // knowing of it. The caller then runs a new pass sequentially.
  //
  // Before Prepare, PrepareStep runs the steps that depend on each
  // sentence alone, in the order of kSteps (kSentences, a record a
  // sentence, first), each over all the sentences; a batch runs each step
  // over all its documents before the next step, so that the step's
  // tables (normalization, dictionary automaton, coreference patterns)
  // stay cached.
  enum class Step { kSentences, kNormalize, kNames, kPhrases };
  static constexpr Step kSteps[] = {Step::kSentences, Step::kNormalize,
                                    Step::kNames, Step::kPhrases};
  void PrepareStep(Step step);
  void Prepare(std::vector<std::string_view>* slotted);
  bool Finish(std::span<std::vector<rules::RuleMatch>> matches,
              std::vector<Relation>* out);

 private:
  struct Seen {  // an entity mentioned so far, for coreference
    int entity;
    size_t sentence;  // running sentence number
  };

  const dict::Entity& Entity(int i) const;
  char Code(int i) const;
  void FindMentions(std::string_view sentence, const text::Normalized& norm,
                    std::vector<Mention>* out) const;
  // The mentions of a sentence from the dictionary's candidates in it
  // (reordered): adds the document's own names, keeps the leftmost
  // longest.
  void MentionsFrom(std::vector<dict::Candidate>* cands,
                    std::string_view sentence, const text::Normalized& norm,
                    std::vector<Mention>* out) const;
  // The entity a coreference phrase refers to, or -1; `before` holds the
  // sentence's mentions in front of the phrase.
  int Antecedent(const rules::CorefPhrase& ph,
                 const std::vector<Mention>& before) const;
  // Adds the mentions the coreference `phrases` of a sentence refer to.
  // Returns whether a pronoun found an antecedent.
  bool ResolveCoreferences(const text::Normalized& norm,
                           const std::vector<rules::CorefPhrase>& phrases,
                           std::vector<Mention>* mentions) const;
  // A person named in full earlier in the document may be referred to by
  // the surname alone ("Gerard Williams III" ... "Williams"): adds those
  // mentions, then learns the surnames of the persons in `mentions`.
  void AddSurnameMentions(std::string_view sentence,
                          const text::Normalized& norm,
                          std::vector<Mention>* mentions);
  std::string_view SentenceText(const text::Span& span) const;
  // The steps that depend on the sentence alone: its normalized text, the
  // dictionary's names in it, its coreference phrases.
  void Normalize(SentenceWork* w) const;
  void FindNames(SentenceWork* w) const;
  void FindPhrases(SentenceWork* w) const;
  // The rest of a sentence up to the rules, after those three: surnames,
  // antecedents, dates, the slotted text. Keeps the document's running
  // state (sentence number, entities seen, surnames).
  void PrepareSentence(SentenceWork* w,
                       std::optional<attrs::DateMention>* paragraph_date);
  // Given the rules' matches on a prepared sentence, appends the
  // relations, finding the amounts and durations of its masked text once a
  // relation of a type that takes them is emitted.
  void ExtractSentence(SentenceWork& work,
                       std::vector<rules::RuleMatch>& matches,
                       std::vector<Relation>* out);
  void Attach(const ontology::RelationType& rt, const SentenceAttrs& attrs,
              std::string_view sentence, const text::Normalized& norm,
              size_t match_begin, size_t match_end, Attributes* a) const;

  const Resources::Impl& res_;
  const Document& doc_;
  std::string_view text_;
  attrs::DateContext ctx_;
  std::vector<Block> blocks_;
  std::unique_ptr<dict::Dictionary> local_;
  std::unique_ptr<dict::Matcher> local_matcher_;
  int dict_size_;
  std::vector<Seen> seen_;
  size_t sentence_no_ = 0;
  // Renames stated so far (old entity -> new entity): a later reference to
  // the renamed body means its new name.
  std::map<int, int> renamed_;
  // Lower-case surname -> person entity; -1 when two persons share it.
  std::map<std::string, int> surnames_;
  // Prepare's sentences, for Finish. (Fresh records: a pool of the
  // thread's records, moved in and out, cost more in cache misses than
  // the allocations it saved; docs/benchmarks.md.)
  std::vector<SentenceWork> work_;
};

// Sentence-level consistency of rels[first..] (one sentence):
//  - a sentence that renames an alliance speaks of the renamed body:
//    member_of relations to the old name point at the new name;
//  - a unit and its parent named together ("A及旗下的B") are not partners:
//    partner_of is dropped where the sentence states subsidiary_of;
//  - owns supersedes investor_in, and ceo_of, chairman_of or founded
//    supersede employee_of, for the same pair.
void MakeSentenceConsistent(std::vector<Relation>* rels, size_t first);

// Points member_of relations dated before a rename stated in the document
// at the former name (the body's name at the time).
void NameByDate(std::vector<Relation>* rels);

}  // namespace newsgraph::extract

#endif  // NEWSGRAPH_EXTRACT_DOCUMENT_PASS_H_
