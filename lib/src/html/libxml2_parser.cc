#include "html/libxml2_parser.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace newsgraph::html {

namespace {

constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

struct CtxtDeleter {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};
struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

const char* Chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

std::string Lower(const char* s) {
  std::string out = s ? s : "";
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

// Receives the parser's errors: they are expected (recovery mode) and the
// library never prints. The outcome is read from the context afterwards.
void IgnoreStructuredError(void* /*user_data*/, xmlError* /*error*/) {}

std::vector<std::pair<std::string, std::string>> Attributes(xmlNode* n) {
  std::vector<std::pair<std::string, std::string>> attrs;
  for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    std::unique_ptr<xmlChar, XmlCharDeleter> value(
        xmlNodeGetContent(reinterpret_cast<xmlNode*>(a)));
    std::string key = Lower(Chars(a->name));
    if (a->ns != nullptr && a->ns->prefix != nullptr)
      key = Lower(Chars(a->ns->prefix)) + ":" + key;
    attrs.emplace_back(std::move(key), value ? Chars(value.get()) : "");
  }
  return attrs;
}

// Copies libxml2's tree into a Dom, iteratively (parent/next pointers).
Dom Copy(xmlDoc* doc) {
  Dom dom;
  int parent = Dom::kDocument;
  xmlNode* n = doc->children;
  while (n != nullptr) {
    int index = -1;
    switch (n->type) {
      case XML_ELEMENT_NODE:
        index = dom.AddElement(parent, Lower(Chars(n->name)), Attributes(n));
        break;
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (n->content != nullptr && n->content[0] != 0)
          dom.AddText(parent, Chars(n->content));
        break;
      default:  // comments, processing instructions, the DTD
        break;
    }
    if (index >= 0 && n->children != nullptr) {
      parent = index;
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n == reinterpret_cast<xmlNode*>(doc)) return dom;
      parent = dom.node(parent).parent;
    }
    if (n != nullptr) n = n->next;
  }
  return dom;
}

Status StoppedError(const htmlParserCtxt& ctxt, const std::string& name) {
  const int line = ctxt.lastError.line;
  const std::string at = line > 0 ? " (line " + std::to_string(line) + ")" : "";
  switch (ctxt.errNo) {
    case XML_ERR_INTERNAL_ERROR:
      return Status::DataError(name + ": HTML elements nested deeper than " +
                               std::to_string(kMaxNestingDepth) + " levels" +
                               at + "; the HTML parser stops there");
    case XML_ERR_NO_MEMORY:
      return Status::DataError(
          name + ": a text node longer than 10 MB or out of memory" + at +
          "; the HTML parser stops there");
    default:
      return Status::DataError(name + ": the HTML parser stopped with error " +
                               std::to_string(ctxt.errNo) + at);
  }
}

}  // namespace

Result<Dom> ParseHtml(std::string_view utf8, const std::string& name) {
  if (utf8.find_first_not_of(" \t\r\n\f") == std::string_view::npos)
    return Dom();
  if (utf8.size() > size_t(INT_MAX))
    return Status::DataError(name + ": page larger than 2 GiB");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });

  std::unique_ptr<htmlParserCtxt, CtxtDeleter> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr)
    return Status::Internal(name + ": cannot create an HTML parser context");
  // HTML_PARSE_NOERROR clears only the context's plain error callbacks; a
  // structured handler on the context also keeps errors away from any
  // process-wide handler and libxml2's default printer.
  ctxt->sax->serror = IgnoreStructuredError;
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlCtxtReadMemory(
      ctxt.get(), utf8.data(), int(utf8.size()), nullptr, "UTF-8", kOptions));
  // xmlStopParser sets disableSAX: the parser gave up before the end.
  if (ctxt->disableSAX != 0) return StoppedError(*ctxt, name);
  if (!doc) return Dom();
  return Copy(doc.get());
}

}  // namespace newsgraph::html
