// newsgraph: tech-industry news -> typed entity-relationship graph.
#include <cstring>
#include <iostream>
#include <string>

#include "cli.h"

namespace {

constexpr const char* kUsage = R"(usage: newsgraph <command> [options] [args]

Turns tech-industry news (Chinese and English) into a typed
entity-relationship graph, every relation backed by its sentence.

Commands:
  extract    extract relations from articles and print them (JSON Lines)
  ingest     extract relations from articles into the graph store
  remove     remove documents from the graph store, retracting their evidence

Queries of the graph store (read-only):
  entity     an entity: names, aliases, relations by type
  neighbors  entities within N hops of an entity
  path       the k shortest paths between two entities, with evidence
  alliance   members, partners, former names and timeline of an alliance
  alliances  every alliance with its member counts
  camps      partition the players into camps (cooperation vs rivalry)
  timeline   dated relations of an entity, in order
  evidence   every sentence supporting a relation between two entities
  stats      counts of documents, entities, relations and evidence
  sql        run one read-only SQL query (SELECT or WITH)
  export     the graph (or the part around an entity) as dot, SVG,
             GraphML or JSON

Run 'newsgraph <command> --help' for the options of a command.
Exit codes: 0 ok, 1 failed or some input skipped, 2 bad command line.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return newsgraph::cli::kExitUsage;
  }
  std::string verb = argv[1];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (verb == "--version") {
    std::cout << "newsgraph 0.1.0\n";
    return 0;
  }
  if (verb == "extract") return newsgraph::cli::RunExtract(argc, argv);
  if (verb == "ingest") return newsgraph::cli::RunIngest(argc, argv);
  if (verb == "remove") return newsgraph::cli::RunRemove(argc, argv);
  if (verb == "export") return newsgraph::cli::RunExport(argc, argv);
  if (newsgraph::cli::IsQueryVerb(verb))
    return newsgraph::cli::RunQuery(argc, argv);
  std::cerr << "newsgraph: unknown command '" << verb
            << "'; run 'newsgraph --help'\n";
  return newsgraph::cli::kExitUsage;
}
