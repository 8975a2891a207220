#pragma once
// One JSON Lines corpus line to a Document, by two parsers.
//
// nlohmann's parser (ParseCorpusLineReference) is the reference: it gives
// every error message. Its lexer costs about 80 instructions a byte, close
// to a tenth of extraction, so simdjson (decision 0007) parses first and
// takes a line only when its Document is certain to be the reference's: a
// JSON object with a string 'text', whose fields id, date, title, url and
// lang are absent, null or strings (id also an int64), each of the six at
// most once, with no 'entities' (or null), no byte below 0x20 and no
// escaped surrogate (\uD800-\uDFFF) anywhere in the line. Anything else,
// every error included, goes to the reference.
#include <optional>
#include <string>
#include <string_view>

#include "newsgraph/document.h"
#include "newsgraph/status.h"

namespace newsgraph::pipeline {

// The Document simdjson reads, or nullopt where the reference must decide.
// `where` ("file:line") is the id of a line without one. Thread-safe.
std::optional<Document> ParseCorpusLineFast(std::string_view line,
                                            const std::string& where);

// nlohmann's reading of the line, with the messages users see.
Result<Document> ParseCorpusLineReference(std::string_view line,
                                          const std::string& where);

}  // namespace newsgraph::pipeline
