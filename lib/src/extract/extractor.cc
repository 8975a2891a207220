#include "newsgraph/extractor.h"

#include "base/date.h"
#include "extract/document_pass.h"
#include "extract/resources_impl.h"
#include "text/document_date.h"
#include "text/utf8.h"

namespace newsgraph {

Extractor::Extractor(std::shared_ptr<const Resources> r, ExtractOptions o)
    : resources_(std::move(r)), options_(o) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Resources> resources, ExtractOptions options) {
  if (!resources) return Status::InvalidArgument("extractor: no resources");
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(resources), options));
}

namespace {

// Documents longer than this are extracted sentence by sentence, even in a
// batch (ExtractBatch).
constexpr size_t kLongDocument = size_t(1) << 20;

}  // namespace

struct Extractor::Job {
  Output out;
  std::string repaired;  // the text with invalid UTF-8 replaced, if need be
  std::string_view text;
  extract::attrs::DateContext ctx;
  Status status;
  // Extracted apart, by Extract: a long document, or one whose halves
  // cannot give what one pass gives (DocumentPass::Finish).
  bool sequential = false;
  std::unique_ptr<extract::DocumentPass> pass;
  size_t first_sentence = 0, sentences = 0;  // its slotted sentences
};

Status Extractor::Begin(const Document& doc, Job* job) const {
  std::string_view text = doc.text;
  // A UTF-16 file is not broken UTF-8: say what it is.
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                            (text[0] == '\xFE' && text[1] == '\xFF')))
    return Status::DataError(doc.id +
                             ": UTF-16 text (byte-order mark); convert it "
                             "to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8");
  size_t bad = text::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    if (!options_.replace_invalid_utf8)
      return Status::DataError(doc.id + ": invalid UTF-8 at byte " +
                               std::to_string(bad) +
                               "; fix the file or pass --replace-invalid");
    std::vector<size_t> replaced;
    job->repaired = text::ReplaceInvalidUtf8(text, &replaced);
    text = job->repaired;
    job->out.warnings.push_back(doc.id + ": replaced " +
                                std::to_string(replaced.size()) +
                                " invalid UTF-8 sequence(s), the first at byte " +
                                std::to_string(bad) +
                                " (offsets refer to the repaired text)");
  }
  job->text = text;

  // Document date: given, else from the header of the text.
  if (!doc.date.empty()) {
    auto d = base::Date::ParseIso(doc.date.substr(0, 10));
    if (!d)
      return Status::InvalidArgument(doc.id + ": bad document date '" +
                                     doc.date + "' (expected YYYY-MM-DD)");
    job->ctx.document_date = *d;
  } else if (doc.kind == Document::Kind::kPage) {
    job->ctx.document_date = text::FindDocumentDate(text);
  }
  if (job->ctx.document_date) job->out.date = job->ctx.document_date->ToIso();
  return Status::Ok();
}

Result<Extractor::Output> Extractor::Extract(const Document& doc) const {
  Job job;
  NEWSGRAPH_RETURN_IF_ERROR(Begin(doc, &job));
  extract::DocumentPass pass(resources_->impl(), doc, job.text, job.ctx);
  pass.Layout();
  NEWSGRAPH_RETURN_IF_ERROR(pass.BuildLocalEntities());
  pass.Run(&job.out.relations);
  return std::move(job.out);
}

std::vector<Result<Extractor::Output>> Extractor::ExtractBatch(
    std::span<const Document* const> docs) const {
  const Resources::Impl& res = resources_->impl();
  // Each document up to the rules, one step at a time over the whole
  // batch (each step's tables stay cached while it runs); their slotted
  // sentences in one list.
  std::vector<Job> jobs(docs.size());
  std::vector<std::string_view> sentences;
  for (size_t i = 0; i < docs.size(); ++i) {
    Job& job = jobs[i];
    // A long document has sentences enough of its own, and holding all of
    // them up to the rules would take memory in proportion to its size:
    // it goes sentence by sentence (Extract).
    if (docs[i]->text.size() > kLongDocument) {
      job.sequential = true;
      continue;
    }
    job.status = Begin(*docs[i], &job);
    if (!job.status.ok()) continue;
    job.pass = std::make_unique<extract::DocumentPass>(res, *docs[i], job.text,
                                                       job.ctx);
    job.pass->Layout();
  }
  for (Job& job : jobs)
    if (job.pass) job.status = job.pass->BuildLocalEntities();
  // The steps each sentence needs alone, step by step over the batch.
  for (auto step : extract::DocumentPass::kSteps)
    for (Job& job : jobs)
      if (job.pass && job.status.ok()) job.pass->PrepareStep(step);
  for (Job& job : jobs) {
    if (!job.pass || !job.status.ok()) continue;
    job.first_sentence = sentences.size();
    job.pass->Prepare(&sentences);
    job.sentences = sentences.size() - job.first_sentence;
  }
  std::vector<std::vector<rules::RuleMatch>> matches;
  res.rules->MatchBatch(sentences, &matches);

  std::vector<Result<Output>> results;
  results.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    Job& job = jobs[i];
    if (!job.status.ok()) {
      results.emplace_back(std::move(job.status));
      continue;
    }
    if (!job.sequential) {
      std::span<std::vector<rules::RuleMatch>> mine(
          matches.data() + job.first_sentence, job.sentences);
      // False where a rename redirects a later pronoun: then this
      // document goes sentence by sentence, from a fresh start.
      job.sequential = !job.pass->Finish(mine, &job.out.relations);
      job.pass.reset();
    }
    if (job.sequential) results.push_back(Extract(*docs[i]));
    else results.emplace_back(std::move(job.out));
  }
  return results;
}

}  // namespace newsgraph
