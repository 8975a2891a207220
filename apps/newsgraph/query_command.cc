// The query verbs: entity, neighbors, path, alliance, alliances, timeline,
// evidence, stats, sql. Each opens the store read-only (never creating it)
// and prints a table, or JSON with --json.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli.h"
#include "newsgraph/query.h"
#include "query_format.h"
#include "table.h"

namespace newsgraph::cli {

namespace {

using json = nlohmann::json;

constexpr const char* kCommonHelp =
    R"(  --db FILE          the store (default: $NEWSGRAPH_DB, else newsgraph.db);
                     it must exist: queries never create it
  --json             print JSON instead of a table
  -h, --help         show this help
)";

constexpr const char* kFilterHelp =
    R"(  --as-of YYYY-MM-DD only evidence of documents dated on or before it
  --status S,...     evidence statuses to count (asserted, reported,
                     planned, negated, denied; default: all but negated
                     and denied)
)";

constexpr const char* kRelHelp =
    R"(  --rel TYPE,...     only these relation types (schemas/relation_types.tsv)
)";

struct Verb {
  const char* name;
  size_t positional;  // required positional arguments
  const char* usage;
  const char* what;
  bool filter;  // takes --as-of and --status
  bool rel;     // takes --rel
  std::vector<std::string> extra_values;
  const char* extra_help;
};

const std::vector<Verb>& Verbs() {
  static const std::vector<Verb> kVerbs = {
      {"entity",
       1,
       "entity NAME",
       "Shows an entity found by its canonical name or any alias (any\n"
       "language, ignoring case): type, aliases, degree, and its relations\n"
       "grouped by type with counts and first/last dates.\n",
       true,
       true,
       {},
       ""},
      {"neighbors",
       1,
       "neighbors NAME",
       "Lists the entities within --depth hops of NAME, nearest first, with\n"
       "the relation that reached each.\n",
       true,
       true,
       {"depth", "since"},
       "  --depth N          hops, 1..10 (default: 1)\n"
       "  --since YYYY-MM-DD only relations last dated on or after it\n"},
      {"path",
       2,
       "path A B",
       "Shows the k shortest paths between two entities (relations taken in\n"
       "either direction), each hop with its relation, direction and one\n"
       "evidence sentence with its document and date.\n",
       true,
       true,
       {"k"},
       "  --k N              paths to show, 1..50 (default: 1)\n"},
      {"alliance",
       1,
       "alliance NAME",
       "Shows an alliance or joint venture by any of its names: members\n"
       "with role and join date (inherited through renames), partners,\n"
       "former names and a timeline of its dated relations. Membership\n"
       "comes from all evidence; --as-of and --status filter the timeline.\n"
       "With --compare B: the players (members, partners and the entities\n"
       "that own or lead one) both alliances share, and every relation\n"
       "between a player of one and a player of the other.\n",
       true,
       false,
       {"compare"},
       "  --compare NAME     compare with another alliance\n"},
      {"alliances",
       0,
       "alliances",
       "Lists every alliance with its member and partner counts.\n",
       false,
       false,
       {},
       ""},
      {"timeline",
       1,
       "timeline NAME",
       "Lists the dated relations of an entity, oldest first (the date is\n"
       "the earliest event date, else document date, of its evidence).\n",
       true,
       true,
       {},
       ""},
      {"evidence",
       3,
       "evidence A REL B",
       "Prints every sentence stating relation REL between A and B (in\n"
       "either direction), with document, date, rule and status. Unlike the\n"
       "other verbs it shows every status unless --status is given.\n",
       true,
       false,
       {},
       ""},
      {"camps",
       0,
       "camps",
       "Partitions the players (entities on a cooperation or rivalry\n"
       "relation) into camps on the signed graph: each cooperation relation\n"
       "counts +1, each rivalry one -1. Starts from the groups the\n"
       "cooperation relations connect, then moves players to the camp they\n"
       "agree with most (or alone) until nothing moves; lists the camps,\n"
       "the unaligned players and the relations that disagree with the\n"
       "partition. See docs/cli.md for the method.\n",
       true,
       true,
       {"against"},
       "  --against TYPE,... rivalry types (default: rival_of,sued); --rel "
       "sets\n"
       "                     the cooperation types (default:\n"
       "                     partner_of,member_of)\n"},
      {"stats",
       0,
       "stats",
       "Counts documents, entities, aliases, relations and evidence.\n",
       false,
       false,
       {},
       ""},
      {"sql",
       1,
       "sql \"SELECT ...\"",
       "Runs one read-only SQL query over the store (docs/storage.md) on a\n"
       "read-only connection. Anything but a single SELECT or WITH query is\n"
       "refused (exit 2).\n",
       false,
       false,
       {"limit"},
       "  --limit N          at most N rows (default: 1000)\n"},
  };
  return kVerbs;
}

const Verb* FindVerb(const std::string& name) {
  for (const Verb& v : Verbs())
    if (name == v.name) return &v;
  return nullptr;
}

std::string Help(const Verb& v) {
  std::string h = std::string("usage: newsgraph ") + v.usage +
                  " [options]\n\n" + v.what + "\nOptions:\n" + kCommonHelp;
  if (v.rel) h += kRelHelp;
  if (v.filter) h += kFilterHelp;
  h += v.extra_help;
  h += "\nExit codes: 0 ok; 1 unknown entity, missing store or failed query; "
       "2 bad\ncommand line, ambiguous entity or refused SQL.\n";
  return h;
}

Result<int> IntOption(const Args& args, const std::string& verb,
                      const std::string& name, int def, int lo, int hi) {
  std::string s = args.Value(name);
  if (s.empty()) return def;
  char* end = nullptr;
  long n = std::strtol(s.c_str(), &end, 10);
  if (*end != '\0' || n < lo || n > hi)
    return Status::InvalidArgument(verb + ": bad --" + name + " '" + s +
                                   "' (expected " + std::to_string(lo) + ".." +
                                   std::to_string(hi) + ")");
  return static_cast<int>(n);
}

// One verb's work once the store is open; returns the exit code.
using Runner = std::function<int(GraphQuery&, const Args&, const QueryFilter&,
                                 bool json_out)>;

int RunEntity(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  auto info = q.Entity(a.positional[0], f);
  if (!info.ok()) return Fail(info.status());
  if (js) {
    json groups = json::array();
    for (const RelationGroup& g : info->groups)
      groups.push_back({{"relation", g.type},
                        {"count", g.count},
                        {"first_date", g.first_date},
                        {"last_date", g.last_date}});
    Print({{"name", info->name},
           {"type", info->type},
           {"discovered", info->discovered},
           {"aliases", info->aliases},
           {"degree", info->degree},
           {"relations", groups}});
    return kExitOk;
  }
  std::cout << info->name << " (" << info->type
            << (info->discovered ? ", discovered" : "") << ")\n";
  std::string aliases;
  for (const std::string& s : info->aliases)
    aliases += (aliases.empty() ? "" : ", ") + s;
  std::cout << "aliases: " << (aliases.empty() ? "-" : aliases) << "\n"
            << "degree:  " << info->degree << "\n\n";
  Table t({"relation", "count", "first", "last"});
  for (const RelationGroup& g : info->groups)
    t.Add({g.type, std::to_string(g.count), g.first_date, g.last_date});
  t.Print(std::cout);
  return kExitOk;
}

int RunNeighbors(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  NeighborOptions o;
  o.filter = f;
  auto depth = IntOption(a, "neighbors", "depth", 1, 1, 10);
  if (!depth.ok()) return Fail(depth.status());
  o.depth = *depth;
  o.since = a.Value("since");
  if (Status st = CheckDateOption("neighbors", o.since, "--since"); !st.ok())
    return Fail(st);
  auto start = q.Resolve(a.positional[0]);
  if (!start.ok()) return Fail(start.status());
  auto ns = q.Neighbors(a.positional[0], o);
  if (!ns.ok()) return Fail(ns.status());
  if (js) {
    json arr = json::array();
    for (const Neighbor& n : *ns) {
      json via = ToJson(n.via);
      via.erase("other");
      via.erase("other_type");
      arr.push_back({{"name", n.name},
                     {"type", n.type},
                     {"depth", n.depth},
                     {"from", n.from},
                     {"via", via}});
    }
    Print({{"entity", start->name}, {"neighbors", arr}});
    return kExitOk;
  }
  std::cout << start->name << ": " << ns->size() << " neighbour(s)\n\n";
  Table t({"depth", "name", "type", "from", "relation", "dir", "docs", "first",
           "last"});
  for (const Neighbor& n : *ns)
    t.Add({std::to_string(n.depth), n.name, n.type, n.from, n.via.type,
           Arrow(n.via.direction), std::to_string(n.via.docs), n.via.first_date,
           n.via.last_date});
  t.Print(std::cout);
  return kExitOk;
}

int RunPath(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  PathOptions o;
  o.filter = f;
  auto k = IntOption(a, "path", "k", 1, 1, 50);
  if (!k.ok()) return Fail(k.status());
  o.k = *k;
  auto from = q.Resolve(a.positional[0]);
  if (!from.ok()) return Fail(from.status());
  auto to = q.Resolve(a.positional[1]);
  if (!to.ok()) return Fail(to.status());
  auto paths = q.Path(a.positional[0], a.positional[1], o);
  if (!paths.ok()) return Fail(paths.status());
  if (js) {
    json arr = json::array();
    for (const GraphPath& p : *paths) {
      json hops = json::array();
      for (const PathHop& h : p.hops)
        hops.push_back({{"from", h.from},
                        {"to", h.to},
                        {"relation", h.relation},
                        {"direction", h.direction},
                        {"docs", h.docs},
                        {"evidence", ToJson(h.evidence)}});
      arr.push_back({{"length", p.hops.size()}, {"hops", hops}});
    }
    Print({{"from", from->name}, {"to", to->name}, {"paths", arr}});
    return kExitOk;
  }
  if (paths->empty()) {
    std::cout << "no path between " << from->name << " and " << to->name
              << "\n";
    return kExitOk;
  }
  for (size_t i = 0; i < paths->size(); ++i) {
    const GraphPath& p = (*paths)[i];
    std::cout << (i ? "\n" : "") << "path " << i + 1 << " (" << p.hops.size()
              << " hop" << (p.hops.size() == 1 ? "" : "s") << ")\n";
    for (const PathHop& h : p.hops) {
      std::string rel = h.direction == "->"   ? "-[" + h.relation + "]->"
                        : h.direction == "<-" ? "<-[" + h.relation + "]-"
                                              : "-[" + h.relation + "]-";
      std::cout << "  " << h.from << " " << rel << " " << h.to << "\n";
      EvidenceLines(h.evidence, "      ");
    }
  }
  return kExitOk;
}

int RunTimeline(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  auto who = q.Resolve(a.positional[0]);
  if (!who.ok()) return Fail(who.status());
  auto links = q.Timeline(a.positional[0], f);
  if (!links.ok()) return Fail(links.status());
  if (js) {
    json arr = json::array();
    for (const Link& l : *links) arr.push_back(ToJson(l));
    Print({{"entity", who->name}, {"timeline", arr}});
    return kExitOk;
  }
  std::cout << who->name << ": " << links->size() << " dated relation(s)\n\n";
  LinkTable(*links, "");
  return kExitOk;
}

int RunEvidence(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  auto items = q.Evidence(a.positional[0], a.positional[1], a.positional[2], f);
  if (!items.ok()) return Fail(items.status());
  if (js) {
    json arr = json::array();
    for (const EvidenceItem& e : *items) arr.push_back(ToJson(e));
    Print({{"evidence", arr}});
    return kExitOk;
  }
  if (items->empty()) {
    std::cout << "no evidence\n";
    return kExitOk;
  }
  for (const EvidenceItem& e : *items) {
    std::cout << e.subject << " " << e.relation << " " << e.object
              << (e.amount ? "  [" + Amount(e.amount, e.currency) + "]" : "")
              << "\n";
    EvidenceLines(e, "  ");
  }
  return kExitOk;
}

int RunStats(GraphQuery& q, const Args&, const QueryFilter&, bool js) {
  auto s = q.Stats();
  if (!s.ok()) return Fail(s.status());
  std::vector<std::pair<std::string, int64_t>> rows = {
      {"schema_version", s->schema_version},
      {"documents", s->documents},
      {"entities", s->entities},
      {"discovered_entities", s->discovered_entities},
      {"aliases", s->aliases},
      {"relations", s->relations},
      {"supported_relations", s->supported_relations},
      {"evidence", s->evidence}};
  if (js) {
    json j = json::object();
    for (const auto& [k, v] : rows) j[k] = v;
    Print(j);
    return kExitOk;
  }
  Table t({"what", "count"});
  for (const auto& [k, v] : rows) t.Add({k, std::to_string(v)});
  t.Print(std::cout);
  return kExitOk;
}

int RunSql(GraphQuery& q, const Args& a, const QueryFilter&, bool js) {
  auto limit = IntOption(a, "sql", "limit", 1000, 1, 100000000);
  if (!limit.ok()) return Fail(limit.status());
  auto rows = q.Sql(a.positional[0], static_cast<size_t>(*limit));
  if (!rows.ok()) return Fail(rows.status());
  if (js) {
    Print({{"columns", rows->columns},
           {"rows", rows->rows},
           {"truncated", rows->truncated}});
    return kExitOk;
  }
  Table t(rows->columns);
  for (const auto& r : rows->rows) t.Add(r);
  t.Print(std::cout);
  if (rows->truncated)
    std::cerr << "newsgraph: sql: output stopped at " << *limit
              << " rows; use --limit\n";
  return kExitOk;
}

Runner RunnerFor(const std::string& verb) {
  if (verb == "entity") return RunEntity;
  if (verb == "neighbors") return RunNeighbors;
  if (verb == "path") return RunPath;
  if (verb == "alliance") return RunAlliance;
  if (verb == "alliances") return RunAlliances;
  if (verb == "timeline") return RunTimeline;
  if (verb == "evidence") return RunEvidence;
  if (verb == "stats") return RunStats;
  if (verb == "camps") return RunCamps;
  return RunSql;
}


}  // namespace

bool IsQueryVerb(const std::string& verb) { return FindVerb(verb) != nullptr; }

int RunQuery(int argc, char** argv) {
  const Verb& v = *FindVerb(argv[1]);
  std::vector<std::string> values = {"db"};
  if (v.filter) values.insert(values.end(), {"as-of", "status"});
  if (v.rel) values.push_back("rel");
  values.insert(values.end(), v.extra_values.begin(), v.extra_values.end());
  auto parsed = ParseArgs(argc, argv, 2, values, {"json"});
  if (!parsed.ok()) return Fail(parsed.status());
  const Args& args = *parsed;
  if (args.Flag("help")) {
    std::cout << Help(v);
    return kExitOk;
  }
  std::string verb = v.name;
  if (args.positional.size() != v.positional)
    return Fail(Status::InvalidArgument(
        verb + ": expected " + v.usage + " (got " +
        std::to_string(args.positional.size()) +
        " argument(s)); see 'newsgraph " + verb + " --help'"));
  QueryFilter filter;
  filter.as_of = args.Value("as-of");
  if (Status st = CheckDateOption(verb, filter.as_of, "--as-of"); !st.ok())
    return Fail(st);
  filter.statuses = SplitList(args.Values("status"));
  filter.relation_types = SplitList(args.Values("rel"));

  auto query = GraphQuery::Open(DbPath(args));
  if (!query.ok()) return Fail(query.status());
  QueryFilter check = filter;
  for (const std::string& t : SplitList(args.Values("against")))
    check.relation_types.push_back(t);
  // evidence A REL B: REL must be a relation type too.
  if (verb == "evidence") check.relation_types.push_back(args.positional[1]);
  if (Status st = CheckFilter(**query, verb, check); !st.ok()) return Fail(st);
  return RunnerFor(verb)(**query, args, filter, args.Flag("json"));
}

}  // namespace newsgraph::cli
