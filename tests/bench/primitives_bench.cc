// The reference stages of issue 7, measured on this machine (not a test).
// The issue gives the speed of each building block of extraction "on this
// machine kind": ICU NFKC_Casefold ~440 MB/s, ICU sentence splitting
// ~270 MB/s, 5,000 literals in Hyperscan ~274 MB/s (one RE2 alternation of
// them ~40 MB/s), an RE2::Set of 200 rules ~180 MB/s, SQLite ~1.5M
// unindexed inserts/s in one transaction. This program runs the same
// blocks on the same corpus as pipeline_bench, one thread, and prints each
// speed with its ratio to the issue's figure: how fast this machine is, at
// the moment of the run, against the one the targets were set on
// (docs/benchmarks.md, "The machine").
//
//   primitives_bench [--resources DIR] [--mb N] [--repeat N] [--literals N]
//                    [--set-patterns N] [--rows N] CORPUS...
//
// Speeds are by the thread's CPU time (the figure to compare on a shared
// machine); each stage runs once untimed (RE2 builds its DFA states as it
// goes: a long extraction runs on warm DFAs), then --repeat times, and the
// median is reported.
#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <sqlite3.h>
#include <time.h>
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/resources_impl.h"
#include "newsgraph/extractor.h"
#include "newsgraph/input.h"

namespace fs = std::filesystem;

namespace {

double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "primitives_bench: " << message << "\n";
  std::exit(1);
}

// One stage: its name, the issue's figure and unit, and what to run.
struct Stage {
  std::string name;
  std::string unit;             // "MB/s" or "rows/s"
  double reference;             // the issue's figure
  double amount;                // MB (or rows) one run handles
  std::function<size_t()> run;  // returns a count, printed (and kept live)
  // The work is the issue's own, whatever the corpus and rules (NFKC of
  // mixed Chinese and English news, SQLite rows): its ratio tells the
  // machine's speed. The others also depend on our text and rules.
  bool fixed_work = false;
  // One of the four stages the issue adds up into its per-core cap.
  bool in_cap = false;
};

struct Measured {
  double median = 0, best = 0;
  size_t count = 0;
};

Measured Measure(const Stage& s, int repeat) {
  std::vector<double> speeds;
  Measured m;
  s.run();  // warm-up, untimed: RE2 builds its DFAs' states lazily
  for (int i = 0; i < repeat; ++i) {
    double t0 = ThreadCpu();
    m.count = s.run();
    double dt = std::max(ThreadCpu() - t0, 1e-9);
    speeds.push_back(s.amount / dt);
  }
  std::sort(speeds.begin(), speeds.end());
  m.median = speeds[speeds.size() / 2];
  if (speeds.size() % 2 == 0)
    m.median = (m.median + speeds[speeds.size() / 2 - 1]) / 2;
  m.best = speeds.back();
  return m;
}

std::string Fold(const icu::Normalizer2& norm, const std::string& s) {
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode st = U_ZERO_ERROR;
  norm.normalizeUTF8(0, icu::StringPiece(s.data(), int32_t(s.size())), sink,
                     nullptr, st);
  if (U_FAILURE(st)) Die(std::string("ICU normalization: ") + u_errorName(st));
  return out;
}

// The pieces of `text` the RE2::Set runs on: cut after 。！？；!?; and
// newlines, and after a full stop followed by a space. These are shorter
// than the extractor's sentences, which a semicolon does not end: over
// those (117,648 for 15 MB, against 276,466 pieces) the Set kept adding
// DFA states and had not finished after 13 minutes.
std::vector<std::pair<size_t, size_t>> Pieces(std::string_view text) {
  static const std::string_view kEnds[] = {"。", "！", "？", "；",
                                           "!",  "?",  ";",  "\n"};
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = 0;
    for (std::string_view e : kEnds)
      if (text.substr(pos, e.size()) == e) end = pos + e.size();
    if (end == 0 && text[pos] == '.' &&
        (pos + 1 == text.size() || text[pos + 1] == ' '))
      end = pos + 1;
    if (end == 0) {
      ++pos;
      continue;
    }
    out.emplace_back(begin, end);
    begin = pos = end;
  }
  if (begin < text.size()) out.emplace_back(begin, text.size());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string resources;  // empty: the default, as the CLI finds it
  double max_mb = 50;
  int repeat = 5;
  size_t literal_count = 5000, set_patterns = 200, rows = 1000000;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    auto number = [&](const std::string& v) {
      try {
        size_t used = 0;
        double d = std::stod(v, &used);
        if (used != v.size() || !(d > 0)) throw std::invalid_argument(v);
        return d;
      } catch (const std::exception&) {
        Die(a + ": not a positive number: '" + v + "'");
      }
    };
    if (a == "-h" || a == "--help") {
      std::cout
          << "usage: primitives_bench [--resources DIR] [--mb N] [--repeat N]\n"
             "         [--literals N] [--set-patterns N] [--rows N] CORPUS...\n"
             "Times issue 7's reference stages (ICU NFKC_Casefold, ICU\n"
             "sentence splitting, Hyperscan literals, one RE2 alternation,\n"
             "an RE2::Set of rule patterns, SQLite inserts) on the first --mb\n"
             "MB (default 50) of the corpus, one thread, once untimed, then\n"
             "--repeat runs each (default 5, median), and prints each speed "
             "with its ratio to\n"
             "the issue's figure. --literals (default 5000): the dictionary's\n"
             "names and aliases, made up to this count with the same names\n"
             "followed by company suffixes; --set-patterns (default 200): the\n"
             "first rule patterns; --rows (default 1000000).\n";
      return 0;
    } else if (a == "--resources") {
      resources = value();
    } else if (a == "--mb") {
      max_mb = number(value());
    } else if (a == "--repeat") {
      repeat = int(number(value()));
    } else if (a == "--literals") {
      literal_count = size_t(number(value()));
    } else if (a == "--set-patterns") {
      set_patterns = size_t(number(value()));
    } else if (a == "--rows") {
      rows = size_t(number(value()));
    } else if (!a.empty() && a[0] == '-') {
      Die("unknown option '" + a + "' (--help)");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) Die("no corpus given (--help)");
  if (repeat < 1) repeat = 1;

  // The corpus: the documents' texts, up to --mb.
  std::vector<std::string> texts;
  size_t bytes = 0;
  const size_t limit = size_t(max_mb * 1e6);
  for (const auto& path : inputs) {
    std::vector<newsgraph::InputProblem> problems;
    auto st = newsgraph::ReadDocuments(
        path,
        [&](newsgraph::Document&& d) -> newsgraph::Status {
          if (bytes >= limit) return newsgraph::Status::Ok();
          bytes += d.text.size();
          texts.push_back(std::move(d.text));
          return newsgraph::Status::Ok();
        },
        &problems);
    if (!st.ok()) Die(st.message());
    for (const auto& p : problems)
      std::cerr << "primitives_bench: " << p.message << "\n";
  }
  if (bytes == 0) Die("the corpus has no text");
  const double mb = double(bytes) / 1e6;

  UErrorCode ust = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCCasefoldInstance(ust);
  if (U_FAILURE(ust)) Die(std::string("ICU: ") + u_errorName(ust));

  // Normalized texts (input of the literal and rule stages).
  std::vector<std::string> folded;
  folded.reserve(texts.size());
  size_t folded_bytes = 0;
  for (const auto& t : texts) {
    folded.push_back(Fold(*norm, t));
    folded_bytes += folded.back().size();
  }

  // Literals: names and aliases, case-folded, distinct, made up to the
  // count with "<name> <suffix>" (names that seldom occur, as most of a
  // large dictionary's do).
  newsgraph::ResourceOptions resource_options;
  resource_options.resource_dir = resources;
  auto loaded = newsgraph::Resources::Load(resource_options);
  if (!loaded.ok()) Die(loaded.status().message());
  const newsgraph::Resources::Impl& res = loaded.value()->impl();
  std::vector<std::string> literals;
  std::vector<char> codes;
  std::set<std::string> seen;
  auto add = [&](const std::string& lit, const std::string& type) {
    if (lit.size() < 2 || literals.size() >= literal_count) return;
    if (!seen.insert(lit).second) return;
    const auto* t = res.ontology->FindEntityType(type);
    literals.push_back(lit);
    codes.push_back(t ? t->code : 'c');
  };
  for (const auto& e : res.dictionary->entities()) {
    add(Fold(*norm, e.name), e.type);
    for (const auto& a : e.aliases) add(Fold(*norm, a), e.type);
  }
  const size_t dictionary_literals = literals.size();
  static const char* kSuffixes[] = {
      " holdings", " capital", " labs", " group", " technologies", " systems",
      "科技",      "集团",     "控股",  "资本",   "实验室",        "股份"};
  for (const char* suffix : kSuffixes)
    for (size_t i = 0; i < dictionary_literals; ++i)
      add(literals[i] + suffix, "company");
  if (literals.empty()) Die("no literal in the dictionary");

  std::vector<const char*> lit_ptrs;
  std::vector<size_t> lit_lens;
  std::vector<unsigned> lit_ids, lit_flags(literals.size(), 0);
  for (size_t i = 0; i < literals.size(); ++i) {
    lit_ptrs.push_back(literals[i].data());
    lit_lens.push_back(literals[i].size());
    lit_ids.push_back(unsigned(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* herr = nullptr;
  if (hs_compile_lit_multi(lit_ptrs.data(), lit_flags.data(), lit_ids.data(),
                           lit_lens.data(), unsigned(literals.size()),
                           HS_MODE_BLOCK, nullptr, &db, &herr) != HS_SUCCESS) {
    std::string m = herr ? herr->message : "?";
    hs_free_compile_error(herr);
    Die("Hyperscan: " + m);
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) Die("Hyperscan scratch");

  // Slotted sentences for the RE2::Set: the normalized text cut into
  // Pieces, each leftmost-longest literal replaced by a mention token
  // ("\x01<type code><index>\x02"), as in the extractor's slotted
  // sentences.
  std::vector<std::string> slotted;
  size_t slotted_bytes = 0;
  {
    struct Hit {
      size_t begin, end;
      unsigned id;
    };
    struct Context {
      std::vector<Hit>* hits;
      const std::vector<size_t>* lengths;
    };
    std::vector<Hit> hits;
    for (const auto& f : folded) {
      hits.clear();
      auto on_match = [](unsigned id, unsigned long long, unsigned long long to,
                         unsigned, void* ctx) -> int {
        auto* c = static_cast<Context*>(ctx);
        c->hits->push_back({size_t(to) - (*c->lengths)[id], size_t(to), id});
        return 0;
      };
      Context ctx{&hits, &lit_lens};
      if (hs_scan(db, f.data(), unsigned(f.size()), 0, scratch, on_match,
                  &ctx) != HS_SUCCESS)
        Die("Hyperscan: scan failed");
      std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
      });
      size_t h = 0;
      for (const auto& [begin, end] : Pieces(f)) {
        std::string cur;
        int mention = 0;
        for (size_t pos = begin; pos < end;) {
          while (h < hits.size() && hits[h].begin < pos) ++h;
          if (h < hits.size() && hits[h].begin == pos && hits[h].end <= end) {
            cur += '\x01';
            cur += codes[hits[h].id];
            cur += std::to_string(mention++);
            cur += '\x02';
            pos = hits[h].end;
          } else {
            cur += f[pos++];
          }
        }
        slotted_bytes += cur.size();
        slotted.push_back(std::move(cur));
      }
    }
  }

  // The rule patterns for the Set.
  RE2::Options set_options;
  set_options.set_log_errors(false);
  set_options.set_max_mem(int64_t{1} << 30);
  RE2::Set set(set_options, RE2::UNANCHORED);
  const size_t n_set = std::min(set_patterns, res.rules->pattern_count());
  for (size_t i = 0; i < n_set; ++i) {
    std::string error;
    if (set.Add(res.rules->pattern_text(i), &error) < 0)
      Die("RE2::Set: pattern " + std::to_string(i) + ": " + error);
  }
  if (!set.Compile()) Die("RE2::Set: compilation failed");

  // One RE2 alternation of the literals.
  std::string alternation;
  for (const auto& l : literals) {
    if (!alternation.empty()) alternation += '|';
    alternation += RE2::QuoteMeta(l);
  }
  RE2::Options alt_options;
  alt_options.set_log_errors(false);
  alt_options.set_max_mem(int64_t{1} << 30);
  RE2 alt(alternation, alt_options);
  if (!alt.ok()) Die("RE2 alternation: " + alt.error());

  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), ust));
  if (U_FAILURE(ust)) Die(std::string("ICU: ") + u_errorName(ust));

  const fs::path db_path =
      fs::temp_directory_path() /
      ("primitives_bench." + std::to_string(::getpid()) + ".db");

  std::vector<Stage> stages;
  stages.push_back({"ICU NFKC_Casefold", "MB/s", 440, mb,
                    [&] {
                      std::string out;
                      size_t n = 0;
                      for (const auto& t : texts) {
                        out.clear();
                        icu::StringByteSink<std::string> sink(&out);
                        UErrorCode st = U_ZERO_ERROR;
                        norm->normalizeUTF8(
                            0, icu::StringPiece(t.data(), int32_t(t.size())),
                            sink, nullptr, st);
                        n += out.size();
                      }
                      return n;
                    },
                    /*fixed_work=*/true, /*in_cap=*/true});
  stages.push_back({"ICU sentence splitting", "MB/s", 270, mb,
                    [&] {
                      size_t n = 0;
                      UText* ut = nullptr;
                      for (const auto& t : texts) {
                        UErrorCode st = U_ZERO_ERROR;
                        ut = utext_openUTF8(ut, t.data(), int64_t(t.size()),
                                            &st);
                        sentences->setText(ut, st);
                        while (sentences->next() != icu::BreakIterator::DONE)
                          ++n;
                      }
                      utext_close(ut);
                      return n;
                    },
                    false, /*in_cap=*/true});
  const double folded_mb = double(folded_bytes) / 1e6;
  stages.push_back(
      {"Hyperscan, " + std::to_string(literals.size()) + " literals", "MB/s",
       274, folded_mb,
       [&] {
         size_t n = 0;
         auto count = [](unsigned, unsigned long long, unsigned long long,
                         unsigned, void* ctx) -> int {
           ++*static_cast<size_t*>(ctx);
           return 0;
         };
         for (const auto& f : folded)
           hs_scan(db, f.data(), unsigned(f.size()), 0, scratch, count, &n);
         return n;
       },
       false, /*in_cap=*/true});
  stages.push_back({"one RE2 alternation of them", "MB/s", 40, folded_mb, [&] {
                      size_t n = 0;
                      for (const auto& f : folded) {
                        re2::StringPiece in(f);
                        while (RE2::FindAndConsume(&in, alt)) ++n;
                      }
                      return n;
                    }});
  stages.push_back({"RE2::Set, " + std::to_string(n_set) + " rule patterns",
                    "MB/s", 180, double(slotted_bytes) / 1e6,
                    [&] {
                      size_t n = 0;
                      std::vector<int> ids;
                      for (const auto& s : slotted)
                        if (set.Match(s, &ids)) n += ids.size();
                      return n;
                    },
                    false, /*in_cap=*/true});
  stages.push_back(
      {"SQLite inserts, one transaction", "rows/s", 1.5e6, double(rows),
       [&] {
         fs::remove(db_path);
         sqlite3* sq = nullptr;
         if (sqlite3_open(db_path.c_str(), &sq) != SQLITE_OK)
           Die("SQLite: cannot open " + db_path.string());
         sqlite3_stmt* ins = nullptr;
         if (sqlite3_exec(sq,
                          "CREATE TABLE t(a INTEGER, b INTEGER, c TEXT);"
                          "BEGIN",
                          nullptr, nullptr, nullptr) != SQLITE_OK ||
             sqlite3_prepare_v2(sq, "INSERT INTO t VALUES(?,?,?)", -1, &ins,
                                nullptr) != SQLITE_OK)
           Die(std::string("SQLite: ") + sqlite3_errmsg(sq));
         static const char kText[] = "investor_in";
         for (size_t i = 0; i < rows; ++i) {
           sqlite3_bind_int64(ins, 1, int64_t(i));
           sqlite3_bind_int64(ins, 2, int64_t(i * 7 % 1000));
           sqlite3_bind_text(ins, 3, kText, sizeof kText - 1, SQLITE_STATIC);
           if (sqlite3_step(ins) != SQLITE_DONE)
             Die(std::string("SQLite: ") + sqlite3_errmsg(sq));
           sqlite3_reset(ins);
         }
         sqlite3_finalize(ins);
         if (sqlite3_exec(sq, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
           Die(std::string("SQLite: ") + sqlite3_errmsg(sq));
         sqlite3_close(sq);
         fs::remove(db_path);
         fs::remove(db_path.string() + "-journal");
         return rows;
       },
       /*fixed_work=*/true, false});

  std::printf(
      "corpus: %.3f MB, %zu documents (%.3f MB normalized, %zu "
      "sentences); %zu literals (%zu from the dictionary); timed "
      "runs a stage: %d\n",
      mb, texts.size(), folded_mb, slotted.size(), literals.size(),
      dictionary_literals, repeat);
  std::printf("%-34s %12s %12s %12s %8s\n", "stage", "median", "best", "issue",
              "ratio");
  nlohmann::json out = {{"bench", "primitives"}, {"mb", mb}};
  nlohmann::json rows_json = nlohmann::json::array();
  double log_sum = 0, ours_cap = 0, issue_cap = 0;
  int counted = 0;
  for (const auto& s : stages) {
    Measured m = Measure(s, repeat);
    double ratio = m.median / s.reference;
    bool rows_unit = s.unit == "rows/s";
    std::printf("%-34s %12.*f %12.*f %12.*f %8.2f  %s (%zu)\n", s.name.c_str(),
                rows_unit ? 0 : 1, m.median, rows_unit ? 0 : 1, m.best,
                rows_unit ? 0 : 1, s.reference, ratio, s.unit.c_str(), m.count);
    std::fflush(stdout);
    rows_json.push_back({{"stage", s.name},
                         {"unit", s.unit},
                         {"median", m.median},
                         {"best", m.best},
                         {"issue", s.reference},
                         {"ratio", ratio}});
    if (s.fixed_work) {
      log_sum += std::log(ratio);
      ++counted;
    }
    if (s.in_cap) {
      ours_cap += 1 / m.median;
      issue_cap += 1 / s.reference;
    }
  }
  const double machine = std::exp(log_sum / counted);
  std::printf(
      "the machine: %.2f of the issue's (geometric mean of the ratios of "
      "NFKC_Casefold and SQLite, whose work does not depend on our text or "
      "rules)\n"
      "the four text stages in a row (NFKC, splitting, literals, Set): "
      "%.1f MB/s here, %.1f MB/s by the issue's figures\n",
      machine, 1 / ours_cap, 1 / issue_cap);
  out["stages"] = rows_json;
  out["machine"] = machine;
  out["text_stages_mb_per_s"] = 1 / ours_cap;
  out["text_stages_issue_mb_per_s"] = 1 / issue_cap;
  std::cout << out.dump() << "\n";
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}
