// Query latency benchmark (not a test; issue 5): generates a store of
// --edges relations over --entities entities through the GraphStore API
// (in a child process, so its memory does not count below), then times
// GraphQuery::Neighbors (depth 1), Path (k=1, k=3) and Alliance over
// --queries random queries each, and prints p50/p99 latency per verb and
// the peak RSS of the querying process, as a table and as JSON.
//
//   query_bench [--edges 1000000] [--entities 100000] [--queries 200]
//               [--alliance-queries N] [--seed 1] [--db FILE]
//
// --alliance-queries (default: --queries) exists because Alliance reads the
// alliance_members view, which SQLite computes for every alliance at once
// (about 5 s per query at 1M relations; see docs/benchmarks.md).
//
// With --db FILE the store is kept there, and an existing FILE is reused
// without generating (so queries can be timed again on the same store).
//
// The graph: 1% of the entities are alliances; each relation picks its
// subject and object uniformly (80%) or among the first 1% of entities
// (20%: hubs, as large companies are in news), and a type by a fixed mix
// (partner_of, investor_in, member_of to an alliance, supplier_of,
// rival_of, acquired, ...). One evidence row per relation, 50 relations
// per document, dates spread over 2015..2025.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "newsgraph/query.h"
#include "newsgraph/store.h"

namespace fs = std::filesystem;
using newsgraph::Status;

namespace {

struct Options {
  int64_t edges = 1000000;
  int64_t entities = 100000;
  int queries = 200;
  int alliance_queries = -1;  // -1 = queries
  uint64_t seed = 1;
  std::string db;
};

std::string EntityName(int64_t i, int64_t n) {
  char buf[32];
  if (i < n / 100)  // the first 1% are alliances
    std::snprintf(buf, sizeof buf, "Alliance %06lld",
                  static_cast<long long>(i));
  else
    std::snprintf(buf, sizeof buf, "Entity %07lld", static_cast<long long>(i));
  return buf;
}

newsgraph::EntityRef Ref(int64_t i, int64_t n) {
  newsgraph::EntityRef e;
  e.name = EntityName(i, n);
  e.mention = e.name;
  if (i < n / 100)
    e.type = "alliance";
  else
    e.type = i % 10 == 0 ? "person" : i % 10 == 1 ? "investor" : "company";
  return e;
}

int Generate(const Options& o) {
  newsgraph::StoreOptions so;
  so.resource_dir = NEWSGRAPH_SOURCE_DIR;
  auto store = newsgraph::GraphStore::Open(o.db, so);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  std::mt19937_64 rng(o.seed);
  const int64_t n = o.entities, alliances = std::max<int64_t>(1, n / 100);
  const int64_t hubs = std::max<int64_t>(alliances + 1, n / 50);
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&] {
    if (u(rng) < 0.2)
      return alliances + static_cast<int64_t>(u(rng) * (hubs - alliances));
    return alliances + static_cast<int64_t>(u(rng) * (n - alliances));
  };
  struct Mix {
    const char* type;
    double weight;
  };
  const Mix mix[] = {{"partner_of", 0.30},  {"investor_in", 0.20},
                     {"member_of", 0.15},   {"supplier_of", 0.12},
                     {"rival_of", 0.08},    {"acquired", 0.05},
                     {"licensed_to", 0.05}, {"sued", 0.05}};
  std::set<std::tuple<int64_t, int, int64_t>> seen;
  if (Status st = (*store)->SetBulkLoad(true); !st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  int64_t made = 0, doc = 0;
  const int kPerDoc = 50, kDocsPerBatch = 400;
  while (made < o.edges) {
    if (Status st = (*store)->BeginBatch(); !st.ok()) {
      std::cerr << st.message() << "\n";
      return 1;
    }
    for (int d = 0; d < kDocsPerBatch && made < o.edges; ++d, ++doc) {
      newsgraph::StoredDocument meta;
      meta.content_hash = "bench-" + std::to_string(doc);
      meta.doc_key = "doc-" + std::to_string(doc);
      meta.path = "/bench/" + meta.doc_key;
      meta.source = meta.path;
      int year = 2015 + static_cast<int>(doc % 11);
      int month = 1 + static_cast<int>((doc / 11) % 12);
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d", year, month);
      meta.date = date;
      meta.lang = "en";
      meta.bytes = 1000;
      std::vector<newsgraph::Relation> rels;
      while (static_cast<int>(rels.size()) < kPerDoc && made < o.edges) {
        double w = u(rng);
        int t = 0;
        for (double acc = mix[0].weight; acc < w && t + 1 < 8;)
          acc += mix[++t].weight;
        int64_t s = pick(), ob;
        if (std::string(mix[t].type) == "member_of")
          ob = static_cast<int64_t>(u(rng) * alliances);
        else
          ob = pick();
        if (s == ob) continue;
        if (!seen.emplace(s, t, ob).second) continue;
        newsgraph::Relation r;
        r.doc = meta.doc_key;
        r.subject = Ref(s, n);
        r.relation = mix[t].type;
        r.object = Ref(ob, n);
        r.attrs.date = meta.date;
        if (t == 1) {
          r.attrs.amount = 1e6 * (1 + static_cast<int>(u(rng) * 1000));
          r.attrs.currency = "USD";
        }
        r.evidence.sentence =
            r.subject.name + " " + r.relation + " " + r.object.name + ".";
        r.evidence.end = r.evidence.sentence.size();
        r.rule = "bench";
        rels.push_back(std::move(r));
        ++made;
      }
      auto added = (*store)->AddDocument(meta, rels);
      if (!added.ok()) {
        std::cerr << added.status().message() << "\n";
        return 1;
      }
    }
    if (Status st = (*store)->CommitBatch(); !st.ok()) {
      std::cerr << st.message() << "\n";
      return 1;
    }
    if (doc % 4000 == 0) std::cerr << "generated " << made << " relations\n";
  }
  if (Status st = (*store)->SetBulkLoad(false); !st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  std::cerr << "generated " << made << " relations in " << doc
            << " documents in " << s << " s\n";
  return 0;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

long MaxRssKb(int who) {
  rusage ru{};
  getrusage(who, &ru);
  return ru.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--edges")
      o.edges = std::atoll(next().c_str());
    else if (a == "--entities")
      o.entities = std::atoll(next().c_str());
    else if (a == "--queries")
      o.queries = std::atoi(next().c_str());
    else if (a == "--alliance-queries")
      o.alliance_queries = std::atoi(next().c_str());
    else if (a == "--seed")
      o.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--db")
      o.db = next();
    else {
      std::cerr << "usage: query_bench [--edges N] [--entities N] "
                   "[--queries N] [--alliance-queries N] [--seed N] "
                   "[--db FILE]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  if (o.alliance_queries < 0) o.alliance_queries = o.queries;
  if (o.entities < 200 || o.edges < 1 || o.queries < 1 ||
      o.alliance_queries < 1) {
    std::cerr
        << "query_bench: need --entities >= 200, --edges and --queries >= 1\n";
    return 2;
  }
  fs::path tmpdir;
  if (o.db.empty()) {
    tmpdir = fs::temp_directory_path() /
             ("newsgraph-query-bench-" + std::to_string(getpid()));
    fs::create_directories(tmpdir);
    o.db = (tmpdir / "bench.db").string();
  }
  auto cleanup = [&] {
    std::error_code ec;
    if (!tmpdir.empty()) fs::remove_all(tmpdir, ec);
  };
  if (!fs::exists(o.db)) {
    pid_t pid = fork();
    if (pid == 0) _exit(Generate(o));
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      cleanup();
      return 1;
    }
  } else {
    std::cerr << "reusing " << o.db << "\n";
  }

  auto q = newsgraph::GraphQuery::Open(o.db);
  if (!q.ok()) {
    std::cerr << q.status().message() << "\n";
    cleanup();
    return 1;
  }
  auto stats = (*q)->Stats();
  if (!stats.ok()) {
    std::cerr << stats.status().message() << "\n";
    cleanup();
    return 1;
  }
  const int64_t n = stats->entities;
  std::mt19937_64 rng(o.seed + 1);
  // Entity names from the store, so a reused store of another size works.
  auto names = (*q)->Sql(
      "SELECT name FROM entities WHERE type <> 'alliance' "
      "ORDER BY id",
      static_cast<size_t>(n));
  auto alliance_names =
      (*q)->Sql("SELECT name FROM entities WHERE type = 'alliance' ORDER BY id",
                static_cast<size_t>(n));
  if (!names.ok() || !alliance_names.ok() || names->rows.empty() ||
      alliance_names->rows.empty()) {
    std::cerr << "query_bench: the store has no entities or alliances\n";
    cleanup();
    return 1;
  }
  auto any = [&](const newsgraph::SqlRows& rows) {
    return rows.rows[std::uniform_int_distribution<size_t>(
        0, rows.rows.size() - 1)(rng)][0];
  };

  struct Verb {
    std::string name;
    std::function<size_t()> run;  // returns the size of the answer
    int queries = 0;
  };
  std::vector<Verb> verbs = {
      {"neighbors",
       [&] {
         newsgraph::NeighborOptions no;
         auto r = (*q)->Neighbors(any(*names), no);
         return r.ok() ? r->size() : 0;
       },
       o.queries},
      {"path k=1",
       [&] {
         newsgraph::PathOptions po;
         auto r = (*q)->Path(any(*names), any(*names), po);
         return r.ok() ? r->size() : 0;
       },
       o.queries},
      {"path k=3",
       [&] {
         newsgraph::PathOptions po;
         po.k = 3;
         auto r = (*q)->Path(any(*names), any(*names), po);
         return r.ok() ? r->size() : 0;
       },
       o.queries},
      {"alliance",
       [&] {
         auto r = (*q)->Alliance(any(*alliance_names), {});
         return r.ok() ? r->members.size() + r->partners.size() : 0;
       },
       o.alliance_queries},
  };
  nlohmann::ordered_json out = {
      {"relations", stats->relations},
      {"entities", stats->entities},
      {"evidence", stats->evidence},
      {"generation_peak_rss_mb", MaxRssKb(RUSAGE_CHILDREN) / 1024.0},
      {"verbs", nlohmann::ordered_json::array()}};
  std::printf("store: %lld relations, %lld entities, %lld evidence rows\n",
              static_cast<long long>(stats->relations),
              static_cast<long long>(stats->entities),
              static_cast<long long>(stats->evidence));
  std::printf("%-10s %8s %10s %10s %10s %12s\n", "verb", "queries", "p50 ms",
              "p99 ms", "max ms", "mean answer");
  for (const Verb& v : verbs) {
    std::vector<double> ms;
    double answers = 0;
    for (int i = 0; i < v.queries; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      answers += static_cast<double>(v.run());
      ms.push_back(std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - t0)
                       .count());
    }
    double p50 = Percentile(ms, 0.5), p99 = Percentile(ms, 0.99),
           mx = *std::max_element(ms.begin(), ms.end());
    std::printf("%-10s %8d %10.3f %10.3f %10.3f %12.1f\n", v.name.c_str(),
                v.queries, p50, p99, mx, answers / v.queries);
    out["verbs"].push_back({{"verb", v.name},
                            {"queries", v.queries},
                            {"p50_ms", p50},
                            {"p99_ms", p99},
                            {"max_ms", mx},
                            {"mean_answer", answers / v.queries}});
  }
  double rss = MaxRssKb(RUSAGE_SELF) / 1024.0;
  out["query_peak_rss_mb"] = rss;
  std::printf("peak RSS while querying: %.1f MB\n", rss);
  if (MaxRssKb(RUSAGE_CHILDREN) > 0)
    std::printf("peak RSS while generating: %.1f MB\n",
                MaxRssKb(RUSAGE_CHILDREN) / 1024.0);
  std::printf("%s\n", out.dump().c_str());
  cleanup();
  return 0;
}
