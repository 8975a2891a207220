// The boilerplate vocabulary of the page-chrome filter: words and phrases
// that mark a line as navigation, a label, a button, an ad, a comment box, a
// disclaimer or a site footer. The table and how each entry matches are in
// chrome_vocabulary.cc.
#ifndef NEWSGRAPH_TEXT_CHROME_VOCABULARY_H_
#define NEWSGRAPH_TEXT_CHROME_VOCABULARY_H_

#include <cstddef>
#include <string_view>

namespace newsgraph::text {

// What a line matched in the vocabulary.
enum class VocabularyMatch {
  kNone,    // no entry
  kChrome,  // a boilerplate entry
  kFooter,  // an entry that also ends the article (责任编辑, Read more, ...)
};

// Matches one trimmed line against the vocabulary. `lower` is the line with
// ASCII letters lower-cased, `head` the suffix of `lower` left after leading
// brackets, bullets and spaces, `code_points` the line's length. kFooter
// wins over kChrome. Pure; thread-safe.
VocabularyMatch MatchVocabulary(std::string_view lower, std::string_view head,
                                size_t code_points);

// True when `word` occurs in `s` with no ASCII letter right before or after
// it (the check applies only at ends of `word` that are ASCII letters, so
// CJK entries match anywhere).
bool ContainsWord(std::string_view s, std::string_view word);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_CHROME_VOCABULARY_H_
