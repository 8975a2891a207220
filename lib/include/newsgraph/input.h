// Reading documents from files: plain text pages and JSON Lines corpora.
#ifndef NEWSGRAPH_INPUT_H_
#define NEWSGRAPH_INPUT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/document.h"
#include "newsgraph/status.h"

namespace newsgraph {

// A document that could not be read; the rest of the input goes on.
struct InputProblem {
  std::string where;    // "file", "file:line"
  std::string message;  // "<where>: <what>"
};

// The default cap on the size of one document's input (a file, or a line of
// a JSON Lines corpus): 16 MiB.
inline constexpr size_t kDefaultMaxDocBytes = size_t{16} << 20;

struct InputOptions {
  // A document whose input is larger (a text or HTML file, a JSON Lines
  // line) is reported in `problems` ("<where>: document too large ...")
  // and skipped, without being parsed; 0 = no limit.
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  // Standard input and JSON Lines are read as bytes arrive: from a pipe or
  // a terminal a line is handed to `sink` once it is complete, not when a
  // buffer fills. When reading one of those has waited 200 ms for more
  // input, on_idle (if set) is called, every document read so far having
  // been handed to `sink`: a caller streaming a slow feed finishes and
  // writes out what it holds there. A non-ok Status from it stops the
  // reading and is returned. Never called while reading a regular file.
  std::function<Status()> on_idle;
};

// Calls `sink` for every document of `path`, in order:
//  - "*.jsonl": one document per line {"id", "text", "date"?, "title"?,
//    "url"?, "lang"?, "entities"?: [{"name", "type"?, "aliases"?}]};
//    a malformed line is reported in `problems` and skipped;
//  - "*.html" / "*.htm" (and stdin starting with "<!doctype html" or
//    "<html"): one clean document (kind kClean) holding the article text of
//    the page, with title, date and lang taken from the page; a page that
//    cannot be parsed is reported in `problems`;
//  - "-": standard input, JSON Lines when its first non-blank byte is '{',
//    else one text document with id "stdin" (read to its end);
//  - anything else: one text document (a saved page) whose id is the file
//    name; a file holding a NUL byte (binary data; UTF-16 with a byte-order
//    mark aside, which the extractor names) is reported in `problems`.
// Returns a non-ok Status only when the file itself cannot be read (that
// too is an InputProblem the caller reports), or when `sink` fails.
Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems);
// Same, with options (the one above uses the defaults).
Status ReadDocuments(const std::string& path,
                     const std::function<Status(Document&&)>& sink,
                     std::vector<InputProblem>* problems,
                     const InputOptions& options);

// Parses one JSON Lines corpus line; `where` is "file:line".
Result<Document> ParseCorpusLine(std::string_view line,
                                 const std::string& where);

}  // namespace newsgraph

#endif  // NEWSGRAPH_INPUT_H_
