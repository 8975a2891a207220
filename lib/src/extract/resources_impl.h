// The compiled resources behind newsgraph::Resources.
#ifndef NEWSGRAPH_EXTRACT_RESOURCES_IMPL_H_
#define NEWSGRAPH_EXTRACT_RESOURCES_IMPL_H_

#include <memory>
#include <string>

#include "dict/dictionary.h"
#include "dict/matcher.h"
#include "newsgraph/extractor.h"
#include "ontology/ontology.h"
#include "rules/rule_set.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace newsgraph {

struct Resources::Impl {
  std::string dir;
  std::unique_ptr<ontology::Ontology> ontology;
  std::unique_ptr<dict::Dictionary> dictionary;
  std::unique_ptr<text::Normalizer> normalizer;
  std::unique_ptr<text::SentenceSplitter> splitter;
  std::unique_ptr<dict::Matcher> matcher;
  std::unique_ptr<rules::RuleSet> rules;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RESOURCES_IMPL_H_
