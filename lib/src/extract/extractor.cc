#include "newsgraph/extractor.h"

#include "base/date.h"
#include "extract/document_pass.h"
#include "extract/resources_impl.h"
#include "text/document_date.h"
#include "text/utf8.h"

namespace newsgraph {

Extractor::Extractor(std::shared_ptr<const Resources> r, ExtractOptions o)
    : resources_(std::move(r)), options_(o) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(
    std::shared_ptr<const Resources> resources, ExtractOptions options) {
  if (!resources) return Status::InvalidArgument("extractor: no resources");
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(resources), options));
}

Result<Extractor::Output> Extractor::Extract(const Document& doc) const {
  const Resources::Impl& res = resources_->impl();
  Output out;
  std::string_view text = doc.text;
  std::string repaired;
  // A UTF-16 file is not broken UTF-8: say what it is.
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                            (text[0] == '\xFE' && text[1] == '\xFF')))
    return Status::DataError(doc.id +
                             ": UTF-16 text (byte-order mark); convert it "
                             "to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8");
  size_t bad = text::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    if (!options_.replace_invalid_utf8)
      return Status::DataError(doc.id + ": invalid UTF-8 at byte " +
                               std::to_string(bad) +
                               "; fix the file or pass --replace-invalid");
    std::vector<size_t> replaced;
    repaired = text::ReplaceInvalidUtf8(text, &replaced);
    text = repaired;
    out.warnings.push_back(doc.id + ": replaced " +
                           std::to_string(replaced.size()) +
                           " invalid UTF-8 sequence(s), the first at byte " +
                           std::to_string(bad) +
                           " (offsets refer to the repaired text)");
  }

  // Document date: given, else from the header of the text.
  extract::attrs::DateContext ctx;
  if (!doc.date.empty()) {
    auto d = base::Date::ParseIso(doc.date.substr(0, 10));
    if (!d)
      return Status::InvalidArgument(doc.id + ": bad document date '" +
                                     doc.date + "' (expected YYYY-MM-DD)");
    ctx.document_date = *d;
  } else if (doc.kind == Document::Kind::kPage) {
    ctx.document_date = text::FindDocumentDate(text);
  }
  if (ctx.document_date) out.date = ctx.document_date->ToIso();

  extract::DocumentPass pass(res, doc, text, ctx);
  pass.Layout();
  NEWSGRAPH_RETURN_IF_ERROR(pass.BuildLocalEntities());
  pass.Run(&out.relations);
  return out;
}

}  // namespace newsgraph
