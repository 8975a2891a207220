#include <algorithm>
#include <filesystem>

#include "extract/resources_impl.h"
#include "newsgraph/resource_dir.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {


Result<std::vector<std::string>> FilesWithExtension(const fs::path& dir,
                                                    const std::string& ext) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ext)
      files.push_back(e.path().string());
  if (ec)
    return Status::NotFound(dir.string() + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Resources::Resources() : impl_(std::make_unique<Impl>()) {}
Resources::~Resources() = default;

size_t Resources::entity_count() const {
  return impl_->dictionary->entities().size();
}
size_t Resources::rule_count() const { return impl_->rules->rules().size(); }
const std::string& Resources::resource_dir() const { return impl_->dir; }

Result<std::shared_ptr<const Resources>> Resources::Load(
    const ResourceOptions& options) {
  std::shared_ptr<Resources> r(new Resources());
  Impl& im = *r->impl_;
  im.dir = options.resource_dir.empty() ? DefaultResourceDir()
                                        : options.resource_dir;
  if (im.dir.empty() || !IsResourceDir(im.dir))
    return Status::NotFound(
        "resources: cannot find schemas/relation_types.tsv" +
        (im.dir.empty() ? std::string() : " under '" + im.dir + "'") +
        "; set --resources DIR or NEWSGRAPH_RESOURCES");
  fs::path dir(im.dir);
  auto onto = ontology::Ontology::Load((dir / "schemas").string());
  if (!onto.ok()) return onto.status();
  im.ontology = std::make_unique<ontology::Ontology>(std::move(onto).value());

  auto norm = text::Normalizer::Create();
  if (!norm.ok()) return norm.status();
  im.normalizer = std::move(norm).value();
  auto split = text::SentenceSplitter::Create();
  if (!split.ok()) return split.status();
  im.splitter = std::move(split).value();

  im.dictionary = std::make_unique<dict::Dictionary>(im.ontology.get());
  if (options.load_defaults)
    NEWSGRAPH_RETURN_IF_ERROR(im.dictionary->LoadDirectory(
        (dir / "dictionaries" / "entities").string()));
  for (const auto& f : options.extra_dictionaries)
    NEWSGRAPH_RETURN_IF_ERROR(im.dictionary->LoadFile(f));
  auto matcher = dict::Matcher::Build(*im.dictionary, *im.normalizer,
                                      dict::Matcher::kDefaultDenseDepth,
                                      /*literal_scanner=*/true);
  if (!matcher.ok()) return matcher.status();
  im.matcher = std::move(matcher).value();

  std::vector<std::string> rule_files;
  if (options.load_defaults) {
    auto files =
        FilesWithExtension(dir / "dictionaries" / "rules", ".rules");
    if (!files.ok()) return files.status();
    rule_files = std::move(files).value();
  }
  for (const auto& f : options.extra_rules) rule_files.push_back(f);
  auto rules = rules::RuleSet::Compile(rule_files, *im.ontology);
  if (!rules.ok()) return rules.status();
  im.rules = std::move(rules).value();
  return std::shared_ptr<const Resources>(std::move(r));
}

}  // namespace newsgraph
