// newsgraph extract: articles -> relation records.
#include <fstream>
#include <iostream>

#include "cli.h"
#include "newsgraph/extractor.h"
#include "newsgraph/ingest.h"
#include "newsgraph/input.h"

namespace newsgraph::cli {

namespace {

constexpr const char* kHelp = R"(usage: newsgraph extract [options] FILE... | -

Extracts typed relations from articles and prints one record per relation.
FILE is a text file (a saved article or web page), an HTML page (*.html,
*.htm: the article text without page chrome), a JSON Lines corpus
(*.jsonl, one {"id","text","date"?,...} object per line) or a directory
(read recursively: *.txt, *.html, *.htm, *.jsonl); '-' reads stdin.
JSON Lines on stdin or from a named pipe are printed as they arrive: when
the input pauses, every document sent so far is extracted and written out.

Options:
  --date YYYY-MM-DD     publication date of the documents (otherwise taken
                        from the corpus field or the article header); used
                        to resolve relative dates such as 去年9月
  --format jsonl|table  output format (default: jsonl)
  -o, --output FILE     write to FILE instead of standard output
  --resources DIR       directory with schemas/ and dictionaries/
                        (default: $NEWSGRAPH_RESOURCES or the installed set)
  --dict FILE           extra entity dictionary (JSON Lines); repeatable
  --rules FILE          extra rule file; repeatable
  --replace-invalid     replace invalid UTF-8 by U+FFFD instead of skipping
                        the document
  --max-doc-bytes N     skip (and report) documents larger than N bytes: a
                        text or HTML file, or one JSON Lines line (default:
                        16777216 = 16 MiB; 0 = no limit)
  --jobs N              extract on N threads (default: 1); the output is the
                        same, in the same order, for every N
  -h, --help            show this help

Exit codes: 0 ok; 1 a document or file was skipped (reported on stderr) or
resources failed to load; 2 bad command line.
)";

std::string Truncate(const std::string& s, size_t max_chars) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return s.substr(0, i) + "…";
      ++chars;
    }
  }
  return s;
}

void PrintTable(std::ostream& os, const Relation& r) {
  std::string attrs;
  if (!r.attrs.date.empty()) attrs += r.attrs.date + " ";
  if (r.attrs.amount) attrs += r.attrs.amount_text + " ";
  if (r.attrs.status != "asserted") attrs += "[" + r.attrs.status + "] ";
  os << r.doc << "\t" << r.subject.name << "\t" << r.relation << "\t"
     << r.object.name << "\t" << attrs << "\t"
     << Truncate(r.evidence.sentence, 60) << "\n";
}

}  // namespace

int RunExtract(int argc, char** argv) {
  auto parsed = ParseArgs(argc, argv, 2,
                          {"date", "format", "output", "resources", "dict",
                           "rules", "max-doc-bytes", "jobs"},
                          {"replace-invalid"});
  if (!parsed.ok()) return Fail(parsed.status());
  const Args& args = *parsed;
  if (args.Flag("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.positional.empty())
    return Fail(Status::InvalidArgument(
        "extract: no input files; see 'newsgraph extract --help'"));
  std::string format = args.Value("format", "jsonl");
  if (format != "jsonl" && format != "table")
    return Fail(Status::InvalidArgument("extract: unknown --format '" +
                                        format + "' (jsonl or table)"));
  std::string date = args.Value("date");
  if (Status st = CheckDateOption("extract", date); !st.ok()) return Fail(st);
  auto max_doc_bytes = MaxDocBytesOption("extract", args);
  if (!max_doc_bytes.ok()) return Fail(max_doc_bytes.status());
  auto jobs = JobsOption("extract", args);
  if (!jobs.ok()) return Fail(jobs.status());
  auto extractor = ExtractorFromArgs(args);
  if (!extractor.ok()) return Fail(extractor.status());

  std::ofstream file;
  std::ostream* os = &std::cout;
  if (std::string out = args.Value("output"); !out.empty()) {
    file.open(out, std::ios::binary);
    if (!file)
      return Fail(Status::IoError("extract: cannot write '" + out + "'"));
    os = &file;
  }

  bool skipped = false;
  std::vector<InputProblem> problems;
  size_t ignored = 0;
  // Directories are read recursively, as by ingest.
  const std::vector<std::string> files =
      CollectInputFiles(args.positional, &problems, &ignored);
  for (const auto& p : problems) {
    std::cerr << "newsgraph: " << p.message << " (skipped)\n";
    skipped = true;
  }
  problems.clear();
  // Results come back in input order whatever the number of threads.
  // --jobs N: N threads extract (one: the main thread, which also prints).
  OrderedExtraction run(
      **extractor, *jobs > 1 ? *jobs : 0,
      [&](Document&, Result<Extractor::Output>& result) -> Status {
          if (!result.ok()) {
            std::cerr << "newsgraph: " << result.status().message()
                      << " (document skipped)\n";
            skipped = true;
            return Status::Ok();
          }
          for (const auto& w : result->warnings)
            std::cerr << "newsgraph: warning: " << w << "\n";
          for (const auto& r : result->relations) {
            if (format == "jsonl")
              *os << ToJsonLine(r) << "\n";
            else
              PrintTable(*os, r);
          }
          return Status::Ok();
      });
  auto report = [&] {
    for (const auto& p : problems) {
      std::cerr << "newsgraph: " << p.message << " (skipped)\n";
      skipped = true;
    }
    problems.clear();
  };
  InputOptions input;
  input.max_doc_bytes = *max_doc_bytes;
  // A stream that pauses: print what it sent so far before waiting.
  input.on_idle = [&]() -> Status {
    Status st = run.Finish();
    report();
    os->flush();
    return st;
  };
  for (const auto& path : files) {
    Status st = ReadDocuments(
        path,
        [&](Document&& doc) -> Status {
          if (!date.empty()) doc.date = date;
          return run.Add(std::move(doc));
        },
        &problems, input);
    (void)st;  // every failure is also listed in `problems`
    (void)run.Finish();  // report the file's problems after its output
    report();
  }
  os->flush();
  if (!*os) return Fail(Status::IoError("extract: write failed"));
  return skipped ? kExitFailed : kExitOk;
}

}  // namespace newsgraph::cli
