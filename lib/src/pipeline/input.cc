#include "newsgraph/input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/file_util.h"
#include "html/html_text.h"
#include "pipeline/corpus_line.h"

namespace newsgraph {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ".html" / ".htm", in any case.
bool IsHtmlPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return ext == ".html" || ext == ".htm";
}

// One document from a web page: the article text, already free of chrome.
Status ReadHtml(std::string_view content, const std::string& id,
                const std::string& name,
                const std::function<Status(Document&&)>& sink,
                std::vector<InputProblem>* problems) {
  auto page = html::HtmlToText(content, name);
  if (!page.ok()) {
    problems->push_back({name, page.status().message()});
    return page.status();
  }
  Document d;
  d.id = id;
  d.kind = Document::Kind::kClean;
  d.text = std::move(page->text);
  d.title = std::move(page->title);
  d.date = std::move(page->date);
  d.lang = std::move(page->lang);
  return sink(std::move(d));
}

// Reports a document whose input is over the size limit; true when it is.
bool TooLarge(size_t bytes, const std::string& where,
              const InputOptions& options,
              std::vector<InputProblem>* problems) {
  if (options.max_doc_bytes == 0 || bytes <= options.max_doc_bytes)
    return false;
  problems->push_back({where, where + ": document too large (" +
                                  std::to_string(bytes) +
                                  " bytes; the limit is " +
                                  std::to_string(options.max_doc_bytes) +
                                  " bytes)"});
  return true;
}

// Reads JSON Lines fed to it in chunks of any size, one document per line,
// holding one line at a time: a line over the size limit is counted,
// reported and skipped without being kept.
class JsonLinesReader {
 public:
  JsonLinesReader(std::string name,
                  const std::function<Status(Document&&)>& sink,
                  std::vector<InputProblem>* problems,
                  const InputOptions& options)
      : name_(std::move(name)),
        sink_(sink),
        problems_(problems),
        options_(options) {}

  Status Feed(std::string_view chunk) {
    size_t pos = 0;
    while (pos < chunk.size()) {
      size_t nl = chunk.find('\n', pos);
      size_t end = nl == std::string_view::npos ? chunk.size() : nl;
      Append(chunk.substr(pos, end - pos));
      pos = end;
      if (nl != std::string_view::npos) {
        ++pos;
        NEWSGRAPH_RETURN_IF_ERROR(EndLine());
      }
    }
    return Status::Ok();
  }

  // The last line, if the input does not end with a newline.
  Status Finish() {
    if (skipping_ || !line_.empty()) return EndLine();
    return Status::Ok();
  }

 private:
  static bool Space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  // Adds `part` (no newline) to the current line. Past the limit, the
  // trimmed span is tracked as bytes come (each byte looked at once), and
  // the line is dropped once the trimmed span is over the limit.
  void Append(std::string_view part) {
    const size_t limit = options_.max_doc_bytes;
    if (!tracking_ && (limit == 0 || line_.size() + part.size() <= limit)) {
      line_.append(part);
      return;
    }
    if (!tracking_) {
      tracking_ = true;
      Track(line_);
    }
    Track(part);
    if (skipping_) return;
    line_.append(part);
    if (seen_ && last_ - lead_ > limit) {
      skipping_ = true;
      std::string().swap(line_);
    }
  }

  // Extends the trimmed span [lead_, last_) over `part`, the line's bytes
  // from offset total_ on.
  void Track(std::string_view part) {
    for (size_t i = 0; i < part.size(); ++i) {
      if (Space(part[i])) continue;
      if (!seen_) lead_ = total_ + i;
      seen_ = true;
      last_ = total_ + i + 1;
    }
    total_ += part.size();
  }

  Status EndLine() {
    ++n_;
    std::string where = name_ + ":" + std::to_string(n_);
    const bool skipped = skipping_;
    const size_t trimmed = last_ - lead_;
    tracking_ = skipping_ = seen_ = false;
    total_ = lead_ = last_ = 0;
    if (skipped) {
      (void)TooLarge(trimmed, where, options_, problems_);
      return Status::Ok();
    }
    std::string line;
    line.swap(line_);
    std::string_view raw = base::Trim(line);
    if (raw.empty()) return Status::Ok();
    if (TooLarge(raw.size(), where, options_, problems_)) return Status::Ok();
    auto doc = ParseCorpusLine(raw, where);
    if (!doc.ok()) {
      problems_->push_back({where, doc.status().message()});
      return Status::Ok();
    }
    return sink_(std::move(doc).value());
  }

  std::string name_;
  const std::function<Status(Document&&)>& sink_;
  std::vector<InputProblem>* problems_;
  const InputOptions& options_;
  std::string line_;       // the current line, while it is kept
  size_t n_ = 0;           // lines ended so far
  bool tracking_ = false;  // the current line went past the limit
  bool skipping_ = false;  // ... and so did its trimmed span: dropped
  bool seen_ = false;      // a byte that is not a space was tracked
  size_t total_ = 0, lead_ = 0, last_ = 0;  // bytes tracked, trimmed span
};

constexpr size_t kReadChunk = size_t(1) << 20;

// A file descriptor read in chunks of what is there: a pipe or terminal
// gives the bytes written so far rather than waiting for a full chunk.
class FdInput {
 public:
  static constexpr int kIdleMs = 200;

  // `on_idle`, if set, is called before a read of a pipe, socket or
  // terminal that would wait (InputOptions::on_idle).
  FdInput(int fd, const std::function<Status()>& on_idle)
      : fd_(fd), on_idle_(on_idle) {
    struct stat st {};
    regular_ = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  }

  // Up to buf.size() bytes into buf; 0 at the end of the input. A read
  // error carries errno's text; a failure of on_idle is returned as it is,
  // with idle_failed() true.
  Result<size_t> Read(std::string& buf) {
    // A pause, not a producer that is momentarily behind (a pipe from a
    // decompressor on a busy machine): nothing for kIdleMs.
    if (on_idle_ && !regular_ && !Ready(0) && !Ready(kIdleMs)) {
      Status st = on_idle_();
      if (!st.ok()) {
        idle_failed_ = true;
        return st;
      }
    }
    for (;;) {
      const ssize_t got = ::read(fd_, buf.data(), buf.size());
      if (got >= 0) return size_t(got);
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking fd
        (void)Ready(-1);
        continue;
      }
      return Status::IoError(std::strerror(errno));
    }
  }
  bool idle_failed() const { return idle_failed_; }

 private:
  // Whether a read would not wait, waiting up to `timeout_ms` (-1: no
  // limit). An error or hang-up counts as ready: the read reports it.
  bool Ready(int timeout_ms) const {
    pollfd p{fd_, POLLIN, 0};
    int r;
    do {
      r = ::poll(&p, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    return r != 0;
  }

  int fd_;
  const std::function<Status()>& on_idle_;
  bool regular_ = false;
  bool idle_failed_ = false;
};

// The status of a failed FdInput::Read: on_idle's as it is, a read error
// reported as a problem of `where`.
Status ReadFailed(const FdInput& in, const Status& st,
                  const std::string& where,
                  std::vector<InputProblem>* problems) {
  if (in.idle_failed()) return st;
  problems->push_back(
      {where, where + ": read failed (" + st.message() + ")"});
  return Status::IoError(problems->back().message);
}

// Feeds the rest of `in` to `reader`, a chunk at a time.
Status StreamRest(FdInput& in, JsonLinesReader& reader,
                  const std::string& where,
                  std::vector<InputProblem>* problems) {
  std::string buf(kReadChunk, '\0');
  for (;;) {
    auto got = in.Read(buf);
    if (!got.ok()) return ReadFailed(in, got.status(), where, problems);
    if (*got == 0) break;
    NEWSGRAPH_RETURN_IF_ERROR(
        reader.Feed(std::string_view(buf.data(), *got)));
  }
  return reader.Finish();
}

// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<Document> ParseCorpusLine(std::string_view line,
                                 const std::string& where) {
  if (auto d = pipeline::ParseCorpusLineFast(line, where)) return std::move(*d);
  return pipeline::ParseCorpusLineReference(line, where);
}

Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems) {
  return ReadDocuments(path, sink, problems, InputOptions());
}

Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems,
                     const InputOptions& options) {
  const auto too_large = [&](size_t bytes) {
    return TooLarge(bytes, path == "-" ? "stdin" : path, options, problems)
               ? Status::DataError(problems->back().message)
               : Status::Ok();
  };
  std::string content;
  std::string name = path;
  if (path == "-") {
    name = "stdin";
    // JSON Lines (the first character that is not a space is '{') are
    // streamed; anything else is one document, read whole.
    FdInput in(STDIN_FILENO, options.on_idle);
    std::string buf(kReadChunk, '\0');
    size_t first = std::string::npos;
    for (;;) {
      auto got = in.Read(buf);
      if (!got.ok()) return ReadFailed(in, got.status(), name, problems);
      content.append(buf.data(), *got);
      first = content.find_first_not_of(" \t\r\n");
      if (*got == 0 || first != std::string::npos) break;
    }
    if (first != std::string::npos && content[first] == '{') {
      JsonLinesReader reader(name, sink, problems, options);
      NEWSGRAPH_RETURN_IF_ERROR(reader.Feed(content));
      std::string().swap(content);
      return StreamRest(in, reader, name, problems);
    }
    for (;;) {
      auto got = in.Read(buf);
      if (!got.ok()) return ReadFailed(in, got.status(), name, problems);
      if (*got == 0) break;
      content.append(buf.data(), *got);
    }
    NEWSGRAPH_RETURN_IF_ERROR(too_large(content.size()));
    if (html::LooksLikeHtml(content))
      return ReadHtml(content, name, name, sink, problems);
  } else {
    if (EndsWith(path, ".jsonl")) {
      // Also a named pipe: read as lines arrive.
      FdCloser fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
      std::error_code ec;
      if (fd.fd < 0 || std::filesystem::is_directory(path, ec)) {
        auto t = base::ReadFile(path);  // the same error, with its message
        Status st = t.ok() ? Status::IoError(path + ": cannot open") : t.status();
        problems->push_back({path, st.message()});
        return st;
      }
      FdInput in(fd.fd, options.on_idle);
      JsonLinesReader reader(path, sink, problems, options);
      return StreamRest(in, reader, path, problems);
    }
    // A page over the limit is not even read.
    std::error_code ec;
    if (!EndsWith(path, ".jsonl") &&
        std::filesystem::is_regular_file(path, ec)) {
      uintmax_t bytes = std::filesystem::file_size(path, ec);
      if (!ec) NEWSGRAPH_RETURN_IF_ERROR(too_large(size_t(bytes)));
    }
    auto t = base::ReadFile(path);
    if (!t.ok()) {
      problems->push_back({path, t.status().message()});
      return t.status();
    }
    content = std::move(t).value();
    NEWSGRAPH_RETURN_IF_ERROR(too_large(content.size()));
    if (IsHtmlPath(path))
      return ReadHtml(content, std::filesystem::path(path).filename().string(),
                      path, sink, problems);
  }
  // A NUL byte never occurs in text (UTF-16, which the extractor names by
  // its byte-order mark, aside): the file is binary.
  if (size_t nul = content.find('\0'); nul != std::string::npos &&
      content.rfind("\xFF\xFE", 0) != 0 && content.rfind("\xFE\xFF", 0) != 0) {
    std::string where = path == "-" ? "stdin" : path;
    problems->push_back({where, where + ": binary data (a NUL byte at byte " +
                                    std::to_string(nul) +
                                    "), not a text file"});
    return Status::DataError(problems->back().message);
  }
  Document d;
  d.id = path == "-" ? "stdin"
                     : std::filesystem::path(path).filename().string();
  d.kind = Document::Kind::kPage;
  d.text = std::move(content);
  return sink(std::move(d));
}

}  // namespace newsgraph
