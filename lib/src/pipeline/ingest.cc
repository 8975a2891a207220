// The ingest pipeline: input files -> documents -> extraction -> store.
#include "newsgraph/ingest.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/file_util.h"
#include "pipeline/sha256.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

bool HasInputExtension(const fs::path& p) {
  // A build file is no article, though it ends in .txt (examples/cpp/).
  if (p.filename() == "CMakeLists.txt") return false;
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".jsonl";
}

bool IsHidden(const fs::path& relative) {
  for (const auto& part : relative) {
    std::string s = part.string();
    if (s.size() > 1 && s[0] == '.' && s != "..") return true;
  }
  return false;
}

// True when the first non-blank line of a .jsonl file is a document object.
bool LooksLikeCorpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = base::Trim(line);
    if (t.empty()) continue;
    auto j = nlohmann::json::parse(t, nullptr, false);
    return !j.is_discarded() && j.is_object() && j.contains("text") &&
           j["text"].is_string();
  }
  return false;  // empty: nothing to ingest
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

// A title for a document that has none: an HTML <title>, else the first
// non-blank line of the text.
std::string GuessTitle(const std::string& text) {
  constexpr size_t kMax = 200;
  size_t t = text.find("<title");
  if (t != std::string::npos && t < 4096) {
    size_t open_end = text.find('>', t);
    size_t close = text.find("</title>", t);
    if (open_end != std::string::npos && close != std::string::npos &&
        open_end < close)
      return CutUtf8(base::Trim(std::string_view(text).substr(
                         open_end + 1, close - open_end - 1)),
                     kMax);
  }
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line =
        base::Trim(std::string_view(text).substr(pos, nl - pos));
    if (!line.empty()) return line[0] == '<' ? "" : CutUtf8(line, kMax);
    pos = nl + 1;
  }
  return "";
}

// The problem message for a document the extractor refused: names the file
// it came from (the extractor names the document id only).
std::string DocumentWhere(const std::string& file, const Document& doc) {
  if (file == "-") return "stdin";
  if (fs::path(file).filename().string() == doc.id) return file;
  return file + ": document '" + doc.id + "'";
}

// Drops the "<doc id>: " the extractor puts in front of its messages.
std::string StripId(const std::string& message, const std::string& id) {
  if (message.rfind(id + ": ", 0) == 0) return message.substr(id.size() + 2);
  return message;
}

// One extracted document waiting for its batch.
struct Pending {
  StoredDocument meta;
  std::vector<Relation> relations;
  std::string where;
};

class Ingestor {
 public:
  Ingestor(const Extractor& extractor, GraphStore& store,
           const IngestOptions& options)
      : extractor_(extractor), store_(store), options_(options) {}

  Result<IngestSummary> Run(const std::vector<std::string>& paths);

 private:
  // Reads a document: counts it, hashes it and queues it for extraction
  // (not extracted when already stored); Extracted takes it back, in input
  // order, on this thread.
  Status OnDocument(OrderedExtraction* run, Document&& doc);
  Status Extracted(const std::string& file, Document& doc,
                   Result<Extractor::Output>& out);
  Result<bool> Seen(const std::string& hash);
  // Writes the pending documents into the open transaction (beginning one)
  // and commits it, unless a bulk load keeps it open (`commit` false and
  // fewer than bulk_commit_documents written in it).
  Status Flush(bool commit);
  Status Commit();
  void Problem(InputProblem p) {
    if (options_.on_problem) options_.on_problem(p);
    summary_.problems.push_back(std::move(p));
  }
  void Progress() {
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
            .count();
    if (options_.progress) options_.progress(summary_);
  }

  const Extractor& extractor_;
  GraphStore& store_;
  const IngestOptions& options_;
  IngestSummary summary_;
  std::vector<Pending> pending_;
  std::unordered_set<std::string> pending_hashes_;
  std::deque<std::string> queued_hashes_;  // of documents being extracted
  bool bulk_ = false;  // loading into an empty store (SetBulkLoad)
  // What the open transaction wrote, counted into summary_ at its commit.
  struct Written {
    size_t added = 0, skipped = 0, failed = 0;
    size_t entities = 0, relations = 0, evidence = 0;
    std::vector<InputProblem> problems;
  };
  Written written_;
  size_t in_transaction_ = 0;  // documents written since BeginBatch
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
};

Result<bool> Ingestor::Seen(const std::string& hash) {
  if (pending_hashes_.count(hash) > 0) return true;
  return store_.HasDocument(hash);
}

Status Ingestor::OnDocument(OrderedExtraction* run, Document&& doc) {
  summary_.bytes += doc.text.size();
  ++summary_.documents_read;
  std::string hash = ContentHash(doc.text);
  auto seen = Seen(hash);
  if (!seen.ok()) return seen.status();
  queued_hashes_.push_back(std::move(hash));
  if (!options_.date.empty()) doc.date = options_.date;
  return run->Add(std::move(doc), /*extract=*/!*seen);
}

Status Ingestor::Extracted(const std::string& file, Document& doc,
                           Result<Extractor::Output>& out) {
  std::string hash = std::move(queued_hashes_.front());
  queued_hashes_.pop_front();
  // Checked again: an identical document may have been stored meanwhile.
  auto seen_now = Seen(hash);
  if (!seen_now.ok()) return seen_now.status();
  if (*seen_now) {
    ++summary_.documents_skipped;
    Progress();
    return Status::Ok();
  }
  std::string where = DocumentWhere(file, doc);

  if (!out.ok()) {
    Problem({where, where + ": " + StripId(out.status().message(), doc.id)});
    ++summary_.documents_failed;
    Progress();
    return Status::Ok();
  }
  if (options_.on_warning)
    for (const auto& w : out->warnings)
      options_.on_warning(where + ": " + StripId(w, doc.id));

  Pending p;
  p.where = std::move(where);
  StoredDocument& m = p.meta;
  m.content_hash = hash;
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  m.path = file == "-" ? "-" : (ec ? file : abs.lexically_normal().string());
  m.source = doc.url.empty() ? m.path : doc.url;
  m.doc_key = doc.id;
  m.title = doc.title.empty() ? GuessTitle(doc.text) : doc.title;
  m.date = out->date;
  m.lang = doc.lang.empty() ? GuessLanguage(doc.text) : doc.lang;
  m.bytes = doc.text.size();
  summary_.relations_extracted += out->relations.size();
  p.relations = std::move(out->relations);
  pending_hashes_.insert(hash);
  pending_.push_back(std::move(p));
  if (pending_.size() >= std::max<size_t>(options_.batch_size, 1))
    NEWSGRAPH_RETURN_IF_ERROR(Flush(/*commit=*/false));
  Progress();
  return Status::Ok();
}

// Writes the pending documents in the open transaction. The write lock is
// held only while writing, not while extracting, except in a bulk load: an
// empty store's load commits its batches together, every
// bulk_commit_documents, as each commit writes every page the batches
// changed (the relation rows and their index, spread over the file): 53
// commits were a fifth of the writer's time on 50 MB. The transaction's
// documents stay in memory until it commits (GraphStore's replay log).
Status Ingestor::Flush(bool commit) {
  if (!pending_.empty()) {
    if (!store_.in_batch()) {
      NEWSGRAPH_RETURN_IF_ERROR(store_.BeginBatch());
      in_transaction_ = 0;
    }
    in_transaction_ += pending_.size();
    Written& w = written_;
    for (Pending& p : pending_) {
      // Taken by the store's batch (no copy); only `where` is used after.
      auto r = store_.AddDocument(std::move(p.meta), std::move(p.relations));
      if (!r.ok()) {
        if (r.status().code() != StatusCode::kDataError) {
          store_.RollbackBatch();
          return r.status();
        }
        w.problems.push_back({p.where, p.where + ": " + r.status().message()});
        ++w.failed;
        continue;
      }
      if (r->duplicate) {  // stored by another process meanwhile
        ++w.skipped;
        continue;
      }
      ++w.added;
      w.entities += r->new_entities;
      w.relations += r->new_relations;
      w.evidence += r->evidence_rows;
    }
    pending_.clear();
    pending_hashes_.clear();  // the store's transaction has them now
  }
  if (!store_.in_batch()) return Status::Ok();
  if (!commit && bulk_ && in_transaction_ < options_.bulk_commit_documents)
    return Status::Ok();
  return Commit();
}

Status Ingestor::Commit() {
  NEWSGRAPH_RETURN_IF_ERROR(store_.CommitBatch());
  Written w = std::move(written_);
  written_ = Written{};
  summary_.documents_new += w.added;
  summary_.documents_skipped += w.skipped;
  summary_.documents_failed += w.failed;
  summary_.entities += w.entities;
  summary_.relations += w.relations;
  summary_.evidence += w.evidence;
  for (auto& p : w.problems) Problem(std::move(p));
  return Status::Ok();
}

Result<IngestSummary> Ingestor::Run(const std::vector<std::string>& paths) {
  std::vector<InputProblem> walk_problems;
  std::vector<std::string> files =
      CollectInputFiles(paths, &walk_problems, &summary_.files_ignored);
  for (auto& p : walk_problems) {
    ++summary_.files_failed;
    Problem(std::move(p));
  }

  if (options_.bulk_load) {
    auto stats = store_.Stats();
    if (!stats.ok()) return stats.status();
    if (stats->documents == 0) {
      NEWSGRAPH_RETURN_IF_ERROR(store_.SetBulkLoad(true));
      bulk_ = true;
    }
  }
  Status fatal;
  for (const std::string& file : files) {
    std::vector<InputProblem> problems;
    // Reported as they come, so that problems stay in input order.
    auto report = [&] {
      for (auto& p : problems) {
        // A whole file that cannot be read is a file failure; a bad line
        // of a corpus is a document failure.
        if (p.where == file) {
          ++summary_.files_failed;
        } else {
          ++summary_.documents_failed;
          ++summary_.documents_read;
        }
        Problem(std::move(p));
      }
      problems.clear();
    };
    queued_hashes_.clear();
    // Extraction may run on other threads; documents come back in order.
    // While this thread writes a batch, the threads extract the next one:
    // room for a batch more than the default window.
    // jobs = N >= 2: N - 1 threads extract while this one writes (two
    // extracting threads and a writer on two cores went slower than one
    // and one: the writer waited for a core), and this one extracts too
    // when it has nothing to write (caller_extracts).
    // In a bulk load the writer also stops for a commit of up to
    // bulk_commit_documents, reading no input meanwhile: room for that
    // many documents more keeps the threads extracting through it. With
    // the window above alone, the extracting thread of `--jobs 2` stood
    // idle for 1.0-1.8 s of a 50 MB load's 5-6.5 s, for 0.3-0.5 s with it.
    const int threads = options_.jobs > 1 ? options_.jobs - 1 : 0;
    const size_t window =
        size_t(std::max(threads, 1)) * 2 * OrderedExtraction::kBatchDocuments +
        std::max<size_t>(options_.batch_size, 1) +
        (bulk_ && threads > 0 ? options_.bulk_commit_documents : 0);
    OrderedExtraction run(
        extractor_, threads,
        [&](Document& doc, Result<Extractor::Output>& out) {
          return Extracted(file, doc, out);
        },
        window, /*caller_extracts=*/true);
    InputOptions input;
    input.max_doc_bytes = options_.max_doc_bytes;
    // A stream that pauses (a feed on stdin or a named pipe): what it sent
    // so far is extracted, written and committed before waiting for more.
    // A bulk load ends there too: a feed slower than ingest gains nothing
    // from it, and readers of the store need its indexes meanwhile.
    input.on_idle = [&]() -> Status {
      report();
      fatal = run.Finish();
      if (fatal.ok()) fatal = Flush(/*commit=*/true);
      if (fatal.ok() && bulk_) {
        bulk_ = false;
        fatal = store_.SetBulkLoad(false);
      }
      return fatal;
    };
    Status st = ReadDocuments(
        file,
        [&](Document&& doc) -> Status {
          report();
          fatal = OnDocument(&run, std::move(doc));
          return fatal;
        },
        &problems, input);
    if (fatal.ok()) fatal = run.Finish();
    ++summary_.files;
    report();
    if (!fatal.ok()) break;
    (void)st;  // every other failure is listed in `problems`
  }
  if (fatal.ok()) fatal = Flush(/*commit=*/true);
  if (!fatal.ok() && store_.in_batch()) store_.RollbackBatch();
  if (bulk_) {
    Status st = store_.SetBulkLoad(false);
    if (fatal.ok()) fatal = st;
  }
  if (!fatal.ok()) return fatal;
  Progress();
  return std::move(summary_);
}

}  // namespace

std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& paths, std::vector<InputProblem>* problems,
    size_t* ignored) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({path, path + ": no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      fs::path rel = it->path().lexically_relative(path);
      std::error_code fec;
      if (IsHidden(rel)) {
        if (it->is_directory(fec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(fec) && HasInputExtension(it->path()))
        found.push_back(it->path().string());
    }
    if (ec) {
      problems->push_back({path, path + ": cannot list: " + ec.message()});
      continue;
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) {
      if (fs::path(f).extension() == ".jsonl" && !LooksLikeCorpus(f)) {
        ++*ignored;
        continue;
      }
      files.push_back(std::move(f));
    }
  }
  return files;
}

Result<IngestSummary> Ingest(const std::vector<std::string>& paths,
                             const Extractor& extractor, GraphStore& store,
                             const IngestOptions& options) {
  if (store.in_batch())
    return Status::Internal("ingest: a batch is already open on the store");
  return Ingestor(extractor, store, options).Run(paths);
}

std::string ContentHash(const std::string& text) {
  return pipeline::Sha256Hex(text);
}

std::string GuessLanguage(const std::string& text) {
  size_t cjk = 0, latin = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
      ++i;
      continue;
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < text.size()) {
      char32_t cp = ((c & 0x0F) << 12) |
                    ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        ++cjk;
      i += 3;
      continue;
    }
    ++i;
  }
  if (cjk > 0 && cjk * 4 >= latin) return "zh";
  if (latin > 0) return "en";
  return "";
}

}  // namespace newsgraph
