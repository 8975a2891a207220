// Shared helpers of the newsgraph command line: argument parsing and exit
// codes. Verbs live in one file each.
#ifndef NEWSGRAPH_APPS_CLI_H_
#define NEWSGRAPH_APPS_CLI_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/extractor.h"
#include "newsgraph/input.h"
#include "newsgraph/status.h"

namespace newsgraph::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // an operation failed, or input was
                                       // skipped
inline constexpr int kExitUsage = 2;   // bad command line

// A parsed command line of one verb: options (--name value / --flag) and
// positional arguments. `value_options` lists the options taking a value;
// every other --option is a flag. Repeated value options accumulate.
struct Args {
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, bool> flags;
  std::vector<std::string> positional;

  bool Flag(const std::string& name) const { return flags.count(name) > 0; }
  std::string Value(const std::string& name, const std::string& def = "") const;
  const std::vector<std::string>& Values(const std::string& name) const;
};

// Parses argv[first..]; errors name the bad option. "--" ends options; a
// lone "-" is positional.
Result<Args> ParseArgs(int argc, char** argv, int first,
                       const std::vector<std::string>& value_options,
                       const std::vector<std::string>& flag_options);

// Prints "newsgraph: <message>" on stderr and returns the exit code that
// matches the status.
int Fail(const Status& status);

// Checks the --date (or `option`) of `verb`: empty, or YYYY-MM-DD naming a
// real calendar day (2025-02-29 and 2025-04-31 are refused).
Status CheckDateOption(const std::string& verb, const std::string& date,
                       const std::string& option = "--date");

// The --max-doc-bytes of `verb`: a number of bytes (0 = no limit), default
// kDefaultMaxDocBytes (newsgraph/input.h).
Result<size_t> MaxDocBytesOption(const std::string& verb, const Args& args);

// The --jobs of `verb`: 1 to 256 extraction threads, default 1.
Result<int> JobsOption(const std::string& verb, const Args& args);

// The store named by --db, else $NEWSGRAPH_DB, else "newsgraph.db".
std::string DbPath(const Args& args);

// Loads the resources named by --resources, --dict and --rules and makes
// an extractor honouring --replace-invalid.
Result<std::unique_ptr<Extractor>> ExtractorFromArgs(const Args& args);

// Verbs.
int RunExtract(int argc, char** argv);
int RunIngest(int argc, char** argv);
int RunRemove(int argc, char** argv);
int RunExport(int argc, char** argv);  // export_command.cc
// Query verbs (query_command.cc); `verb` is argv[1].
bool IsQueryVerb(const std::string& verb);
int RunQuery(int argc, char** argv);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_APPS_CLI_H_
