// Escapers of the export formats. (The module's namespace is
// newsgraph::exporter: `export` is a C++ keyword.)
#ifndef NEWSGRAPH_EXPORT_ESCAPE_H_
#define NEWSGRAPH_EXPORT_ESCAPE_H_

#include <string>
#include <string_view>

namespace newsgraph::exporter {

// A GraphViz double-quoted string, quotes included: a quote and a
// backslash get a backslash before them (so escString sequences such as
// \N stay literal), a new line becomes backslash-n (a
// centred line break), '\r' dropped, other control characters -> a space.
// UTF-8 passes through. Pure.
std::string DotQuote(std::string_view s);

// XML 1.0 text: & < > " ' as entities; in an attribute value (`attribute`)
// also tab, new line and carriage return as character references (so they
// survive attribute normalization), in element content only '\r' (which
// parsers would turn into '\n'). Characters XML 1.0 cannot carry (C0
// controls other than tab, new line and carriage return) become U+FFFD.
// UTF-8 passes through. Pure.
std::string XmlEscape(std::string_view s, bool attribute = false);

// A JSON string, quotes included (RFC 8259): '"', '\' and control
// characters escaped, UTF-8 kept as is, invalid UTF-8 replaced by U+FFFD.
// Pure.
std::string JsonQuote(std::string_view s);

}  // namespace newsgraph::exporter

#endif  // NEWSGRAPH_EXPORT_ESCAPE_H_
