#include "cli.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace newsgraph::cli {

std::string Args::Value(const std::string& name, const std::string& def) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? def : it->second.back();
}

const std::vector<std::string>& Args::Values(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values.find(name);
  return it == values.end() ? kEmpty : it->second;
}

Result<Args> ParseArgs(int argc, char** argv, int first,
                       const std::vector<std::string>& value_options,
                       const std::vector<std::string>& flag_options) {
  Args a;
  bool options_done = false;
  auto known = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (int i = first; i < argc; ++i) {
    std::string s = argv[i];
    if (options_done || s == "-" || s.size() < 2 || s.rfind("--", 0) != 0) {
      if (!options_done && s.size() > 1 && s[0] == '-' && s != "-" &&
          s != "-o" && s != "-h")
        return Status::InvalidArgument("unknown option '" + s +
                                       "'; see --help");
      if (s == "-h" && !options_done) {
        a.flags["help"] = true;
        continue;
      }
      if (s == "-o" && !options_done && known(value_options, "output")) {
        if (i + 1 >= argc)
          return Status::InvalidArgument("option '-o' needs a value");
        a.values["output"].push_back(argv[++i]);
        continue;
      }
      a.positional.push_back(s);
      continue;
    }
    if (s == "--") {
      options_done = true;
      continue;
    }
    std::string name = s.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (known(value_options, name)) {
      if (!has_value) {
        if (i + 1 >= argc)
          return Status::InvalidArgument("option '--" + name +
                                         "' needs a value");
        value = argv[++i];
      }
      a.values[name].push_back(value);
    } else if (known(flag_options, name) || name == "help") {
      if (has_value)
        return Status::InvalidArgument("option '--" + name +
                                       "' takes no value");
      a.flags[name] = true;
    } else {
      return Status::InvalidArgument("unknown option '--" + name +
                                     "'; see --help");
    }
  }
  return a;
}

int Fail(const Status& status) {
  std::cerr << "newsgraph: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                       : kExitFailed;
}

std::string DbPath(const Args& args) {
  const char* env = std::getenv("NEWSGRAPH_DB");
  return args.Value("db", env && *env ? env : "newsgraph.db");
}

Status CheckDateOption(const std::string& verb, const std::string& date,
                       const std::string& option) {
  if (date.empty()) return Status::Ok();
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
            digits(0, 4) && digits(5, 2) && digits(8, 2);
  if (ok) {
    int year = std::stoi(date.substr(0, 4));
    int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    ok = month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1] &&
         !(month == 2 && day == 29 && !leap);
  }
  if (!ok)
    return Status::InvalidArgument(verb + ": bad " + option + " '" + date +
                                   "' (expected YYYY-MM-DD)");
  return Status::Ok();
}

Result<size_t> MaxDocBytesOption(const std::string& verb, const Args& args) {
  std::string v = args.Value("max-doc-bytes");
  if (v.empty()) return kDefaultMaxDocBytes;
  size_t n = 0;
  bool ok = v.size() <= 15;
  for (char c : v) {
    if (c < '0' || c > '9') ok = false;
    else n = n * 10 + size_t(c - '0');
  }
  if (!ok)
    return Status::InvalidArgument(verb + ": bad --max-doc-bytes '" + v +
                                   "' (expected a number of bytes; 0 = no "
                                   "limit)");
  return n;
}

Result<std::unique_ptr<Extractor>> ExtractorFromArgs(const Args& args) {
  ResourceOptions ro;
  ro.resource_dir = args.Value("resources");
  ro.extra_dictionaries = args.Values("dict");
  ro.extra_rules = args.Values("rules");
  auto resources = Resources::Load(ro);
  if (!resources.ok()) return resources.status();
  ExtractOptions eo;
  eo.replace_invalid_utf8 = args.Flag("replace-invalid");
  return Extractor::Create(*resources, eo);
}

Result<int> JobsOption(const std::string& verb, const Args& args) {
  std::string v = args.Value("jobs", "1");
  int n = 0;
  bool ok = !v.empty() && v.size() <= 3;
  for (char c : v) {
    if (c < '0' || c > '9') ok = false;
    else n = n * 10 + (c - '0');
  }
  if (!ok || n < 1 || n > 256)
    return Status::InvalidArgument(verb + ": bad --jobs '" + v +
                                   "' (expected a number of threads, 1 to 256)");
  return n;
}

}  // namespace newsgraph::cli
