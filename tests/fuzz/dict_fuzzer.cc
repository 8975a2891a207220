// Fuzzes the dictionary loader: each line of the input is a dictionary
// line (ParseEntityLine) added to a dictionary over the real ontology, as
// Dictionary::LoadFile does. Invariants: errors start with "file:line";
// an added entity is found by its canonical name with its type; every
// entity keeps a known type.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/file_util.h"
#include "dict/dictionary.h"
#include "fuzz_common.h"
#include "ontology/ontology.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ontology::Ontology onto = fuzz::MustOk(
      ontology::Ontology::Load(fuzz::ResourceDir() + "/schemas"), "ontology");
  std::string_view in(reinterpret_cast<const char*>(data), size);
  dict::Dictionary d(&onto);
  size_t n = 0;
  for (std::string_view line : base::SplitLines(in)) {
    ++n;
    std::string_view t = base::Trim(line);
    if (t.empty() || t[0] == '#') continue;
    const std::string where = "fuzz.jsonl:" + std::to_string(n);
    auto e = dict::ParseEntityLine(t, where);
    if (!e.ok()) {
      FUZZ_CHECK(e.status().message().rfind(where + ": ", 0) == 0,
                 e.status().message());
      break;  // LoadFile stops at the first error
    }
    const std::string name = e->name, type = e->type;
    Status st = d.Add(std::move(e).value(), where);
    if (!st.ok()) {
      FUZZ_CHECK(st.message().rfind(where + ": ", 0) == 0, st.message());
      break;
    }
    int idx = d.Find(name);
    FUZZ_CHECK(idx >= 0, "added entity not found: " + name);
    FUZZ_CHECK(d.entities()[idx].type == type, "type of " + name);
    FUZZ_CHECK(d.FindForm(name) == idx, "canonical name is its form: " + name);
  }
  for (const auto& e : d.entities())
    FUZZ_CHECK(onto.FindEntityType(e.type) != nullptr, "known type " + e.type);
  return 0;
}
