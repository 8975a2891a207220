// The patterns of the coref, pronoun and discover statements of the shipped
// dictionaries/rules/10-reference.rules (they use no macros), and words to
// build texts from that they look for: shared by the rules' unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/file_util.h"

namespace newsgraph::testing {

inline std::vector<std::string> ReferencePatterns() {
  auto file = base::ReadFile(std::string(NEWSGRAPH_SOURCE_DIR) +
                             "/dictionaries/rules/10-reference.rules");
  REQUIRE(file.ok());
  std::vector<std::string> patterns;
  for (std::string_view line : base::SplitLines(*file)) {
    line = base::Trim(line);
    const size_t kw = line.find(' ');
    if (kw == std::string_view::npos) continue;
    const std::string_view word = line.substr(0, kw);
    if (word != "coref" && word != "pronoun" && word != "discover") continue;
    const size_t types = line.find(' ', kw + 1);
    REQUIRE(types != std::string_view::npos);
    std::string pattern(base::Trim(line.substr(types + 1)));
    REQUIRE(pattern.find("{@") == std::string::npos);  // no macros to expand
    patterns.push_back(pattern);
  }
  REQUIRE(patterns.size() >= 15);
  return patterns;
}

inline const std::vector<std::string>& ReferencePieces() {
  static const std::vector<std::string> pieces = {
      " ", ", ", "\n", "。", "the ", "company", "venture", "fund", "group",
      "it", "its ", "he", "she", "they", "as ", "partners", "invested ",
      "has ", "rivals", "该公司", "该基金", "这家公司", "公司", "宣布", "他",
      "她", "们", "其", "子公司", "持有", "将", "项目", "合作伙伴", "的身份",
      "startup ", "Startup ", "chipmaker ", "Acme", "Foo", "Bar", "Inc", "Corp",
      " Capital", " Ventures", "CEO ", "chief executive ", "Jane", "Doe",
      "named ", "as its ", "初创公司", "投资机构", "提供商", "A", "x1", "-", ".",
      "&"};
  return pieces;
}

}  // namespace newsgraph::testing
