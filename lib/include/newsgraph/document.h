// Document: one article handed to the extractor.
#ifndef NEWSGRAPH_DOCUMENT_H_
#define NEWSGRAPH_DOCUMENT_H_

#include <string>
#include <vector>

namespace newsgraph {

// An entity a corpus line declares for its own document only
// (JSON Lines field "entities"); it extends the dictionary for that document.
struct DocumentEntity {
  std::string name;
  std::string type;                  // "" = organization
  std::vector<std::string> aliases;
};

struct Document {
  // How the text is laid out, which decides the page-chrome filter.
  enum class Kind {
    kPage,   // plain text of a saved web page: filter navigation, footers...
    kClean,  // already clean article text (a corpus line): keep every line
  };

  std::string id;     // shown as "doc" in every relation record
  std::string text;   // UTF-8 (checked by the extractor)
  std::string date;   // ISO "YYYY-MM-DD" publication date, or "" (unknown:
                      // then the header of the text is searched for one)
  std::string title;  // optional
  std::string url;    // optional
  std::string lang;   // optional: "zh", "en"
  Kind kind = Kind::kPage;
  std::vector<DocumentEntity> entities;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_DOCUMENT_H_
