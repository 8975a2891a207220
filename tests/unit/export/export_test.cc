// Export: escapers, the style table, the exported graph and its formats,
// atomic writes.
#include "newsgraph/export.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../store/store_test_util.h"
#include "export/escape.h"
#include "export/styles.h"
#include "export/writers.h"
#include "newsgraph/query.h"

namespace newsgraph {
namespace {

using exporter::DotQuote;
using exporter::JsonQuote;
using exporter::XmlEscape;
using testing::Doc;
using testing::Ent;
using testing::Rel;
using testing::TempDir;

// Names that need escaping in some format.
const char* const kQuoted = "Say \"Hi\" Labs";
const char* const kBackslash = "Back\\slash\\N AI";
const char* const kNewline = "Two\nLines Inc";
const char* const kMarkup = "<Angle> & Sons";
const char* const kEmoji = "Rocket \xF0\x9F\x9A\x80 AI";  // U+1F680
const char* const kCjk =
    "\xE6\xB7\xB1\xE5\xBA\xA6\xE6\xB1\x82\xE7\xB4\xA2";  // 深度求索

TEST_CASE("DotQuote escapes quotes, backslashes and line breaks",
          "[export][escape]") {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"plain", "\"plain\""},
      {kQuoted, "\"Say \\\"Hi\\\" Labs\""},
      {kBackslash, "\"Back\\\\slash\\\\N AI\""},
      {kNewline, "\"Two\\nLines Inc\""},
      {"cr\r\nlf", "\"cr\\nlf\""},
      {"tab\there", "\"tab here\""},
      {kMarkup, "\"<Angle> & Sons\""},
      {kEmoji, std::string("\"") + kEmoji + "\""},
      {kCjk, std::string("\"") + kCjk + "\""},
      {"", "\"\""},
      {"\\", "\"\\\\\""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(DotQuote(c.in) == c.want);
  }
}

TEST_CASE("XmlEscape escapes markup and characters XML cannot carry",
          "[export][escape]") {
  struct Case {
    std::string in;
    bool attribute;
    std::string want;
  } cases[] = {
      {kMarkup, false, "&lt;Angle&gt; &amp; Sons"},
      {kQuoted, false, "Say &quot;Hi&quot; Labs"},
      {"it's", false, "it&apos;s"},
      {kNewline, false, "Two\nLines Inc"},
      {kNewline, true, "Two&#10;Lines Inc"},
      {"a\tb", true, "a&#9;b"},
      {"a\rb", false, "a&#13;b"},
      {std::string("bell\x07"), false, "bell\xEF\xBF\xBD"},
      {kBackslash, false, kBackslash},
      {kEmoji, false, kEmoji},
      {kCjk, true, kCjk},
  };
  for (const Case& c : cases) {
    INFO(c.in << " attribute=" << c.attribute);
    CHECK(XmlEscape(c.in, c.attribute) == c.want);
  }
}

TEST_CASE("JsonQuote escapes and round-trips through a JSON parser",
          "[export][escape]") {
  CHECK(JsonQuote(kQuoted) == "\"Say \\\"Hi\\\" Labs\"");
  CHECK(JsonQuote(kNewline) == "\"Two\\nLines Inc\"");
  CHECK(JsonQuote(kBackslash) == "\"Back\\\\slash\\\\N AI\"");
  CHECK(JsonQuote(std::string("nul\x01")) == "\"nul\\u0001\"");
  CHECK(JsonQuote(std::string("bad \xFF utf8")) == "\"bad \xEF\xBF\xBD utf8\"");
  for (const char* s : {kQuoted, kBackslash, kNewline, kMarkup, kEmoji, kCjk}) {
    INFO(s);
    CHECK(nlohmann::json::parse(JsonQuote(s)).get<std::string>() == s);
  }
}

TEST_CASE("ShortAmount scales to M, bn and tn", "[export][dot]") {
  CHECK(exporter::ShortAmount(3e10, "USD") == "30 bn USD");
  CHECK(exporter::ShortAmount(1.25e10, "USD") == "12.5 bn USD");
  CHECK(exporter::ShortAmount(5e5, "") == "5e+05");
  CHECK(exporter::ShortAmount(800, "EUR") == "800 EUR");
  CHECK(exporter::ShortAmount(2.5e6, "CNY") == "2.5 M CNY");
  CHECK(exporter::ShortAmount(1.5e12, "USD") == "1.5 tn USD");
}

TEST_CASE("The style table is parsed and bad rows name file and line",
          "[export][styles]") {
  const std::string good =
      "# comment\n\nrelation\t*\t#777777\tsolid\n"
      "relation\tsued\tred\tbold\nentity\t*\t#eeeeee\tbox\n"
      "entity\tperson\t#ffeedd\tellipse\n";
  auto st = exporter::Styles::Parse(good, "s.tsv");
  INFO(st.status().message());
  REQUIRE(st.ok());
  CHECK(st->Relation("sued").colour == "red");
  CHECK(st->Relation("sued").style == "bold");
  CHECK(st->Relation("owns").colour == "#777777");
  CHECK(st->Entity("person").style == "ellipse");
  CHECK(st->Entity("company").style == "box");

  struct Bad {
    std::string text, message;
  } bad[] = {
      {"relation\tsued\tred\n", "s.tsv:1: expected 4 tab-separated fields"},
      {"relation\t*\tre d\tsolid\n", "s.tsv:1: bad colour 're d'"},
      {"\nrelation\t*\t#12345\tsolid\n", "s.tsv:2: bad colour '#12345'"},
      {"relation\t*\tred\twavy\n", "s.tsv:1: bad relation style 'wavy'"},
      {"entity\t*\tred\tblob\n", "s.tsv:1: unknown node shape 'blob'"},
      {"edge\t*\tred\tsolid\n", "s.tsv:1: unknown kind 'edge'"},
      {"relation\t*\tred\tsolid\nrelation\t*\tred\tsolid\n",
       "s.tsv:2: duplicate row"},
      {"relation\t*\tred\tsolid\n", "s.tsv: no default row ('entity"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    auto r = exporter::Styles::Parse(b.text, "s.tsv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kDataError);
    CHECK(r.status().message().rfind(b.message, 0) == 0);
  }
}

TEST_CASE("The project's style table loads and covers every relation type",
          "[export][styles]") {
  auto st = exporter::Styles::Load(NEWSGRAPH_SOURCE_DIR);
  INFO(st.status().message());
  REQUIRE(st.ok());
  std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) +
                   "/schemas/relation_types.tsv");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, name;
    std::getline(fields, id, '\t');
    std::getline(fields, name, '\t');
    INFO(name);
    CHECK(&st->Relation(name) != &st->Relation("*"));
    ++n;
  }
  CHECK(n >= 19);
}

// A store whose entities have names that need escaping, plus an alliance.
class Fixture {
 public:
  Fixture() : path_(dir_.File("g.db")) {
    {
      auto store = testing::OpenStore(path_);
      const EntityRef quoted = Ent(kQuoted, "company");
      const EntityRef back = Ent(kBackslash, "company");
      const EntityRef nl = Ent(kNewline, "company");
      const EntityRef markup = Ent(kMarkup, "investor");
      const EntityRef emoji = Ent(kEmoji, "company");
      const EntityRef cjk = Ent(kCjk, "company");
      const EntityRef alliance = Ent("Pact", "alliance");
      Relation invest =
          Rel(markup, "investor_in", quoted, "asserted", "2024-05");
      invest.attrs.amount = 2e9;
      invest.attrs.currency = "USD";
      auto add = [&](const StoredDocument& d, const std::vector<Relation>& r) {
        auto res = store->AddDocument(d, r);
        INFO(res.status().message());
        REQUIRE(res.ok());
      };
      add(Doc("d1", "2024-05-02"),
          {invest, Rel(quoted, "partner_of", back),
           Rel(back, "member_of", alliance, "asserted", "2024-05"),
           Rel(nl, "member_of", alliance, "asserted", "2024-05")});
      add(Doc("d2", "2025-01-15"),
          {Rel(emoji, "rival_of", cjk), Rel(cjk, "sued", nl),
           Rel(emoji, "acquired", quoted, "denied")});
    }
    auto q = GraphQuery::Open(path_);
    INFO(q.status().message());
    REQUIRE(q.ok());
    q_ = std::move(q).value();
  }
  GraphQuery& q() { return *q_; }

 private:
  TempDir dir_;
  std::string path_;
  std::unique_ptr<GraphQuery> q_;
};

ExportOptions Options() {
  ExportOptions o;
  o.resource_dir = NEWSGRAPH_SOURCE_DIR;
  return o;
}

const ExportNode* FindNode(const ExportGraph& g, const std::string& name) {
  for (const ExportNode& n : g.nodes)
    if (n.name == name) return &n;
  return nullptr;
}

TEST_CASE(
    "The exported graph holds supported relations, sorted, with "
    "clusters",
    "[export][graph]") {
  Fixture fx;
  auto g = LoadExportGraph(fx.q(), Options());
  INFO(g.status().message());
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == 7);
  CHECK(g->edges.size() == 6);  // the denied acquisition is left out
  for (size_t i = 1; i < g->nodes.size(); ++i)
    CHECK(g->nodes[i - 1].name <= g->nodes[i].name);
  REQUIRE(g->clusters.size() == 1);
  CHECK(g->clusters[0].alliance == "Pact");
  CHECK(g->clusters[0].node_ids.size() == 3);  // Pact and its two members
  CHECK(FindNode(*g, kNewline)->alliance == "Pact");
  CHECK(FindNode(*g, kQuoted)->alliance.empty());
  bool amount = false;
  for (const ExportEdge& e : g->edges)
    if (e.type == "investor_in") {
      amount = true;
      CHECK(e.amount == 2e9);
      CHECK(e.currency == "USD");
      CHECK(e.first_date == "2024-05");
      CHECK(e.status == "asserted");
      CHECK(e.source == FindNode(*g, kMarkup)->id);
      CHECK(e.target == FindNode(*g, kQuoted)->id);
    }
  CHECK(amount);

  SECTION("a second load gives the same bytes") {
    auto again = LoadExportGraph(fx.q(), Options());
    REQUIRE(again.ok());
    for (ExportFormat f :
         {ExportFormat::kDot, ExportFormat::kGraphml, ExportFormat::kJson}) {
      auto a = RenderExport(*g, f, Options());
      auto b = RenderExport(*again, f, Options());
      REQUIRE(a.ok());
      REQUIRE(b.ok());
      CHECK(*a == *b);
    }
  }
}

TEST_CASE("Focus and depth keep the entities within reach", "[export][graph]") {
  Fixture fx;
  ExportOptions o = Options();
  o.focus = kCjk;
  o.depth = 1;
  auto g = LoadExportGraph(fx.q(), o);
  INFO(g.status().message());
  REQUIRE(g.ok());
  CHECK(g->focus == kCjk);
  REQUIRE(g->nodes.size() == 3);  // itself, the emoji rival, the one it sued
  CHECK(FindNode(*g, kCjk)->depth == 0);
  CHECK(FindNode(*g, kEmoji)->depth == 1);
  CHECK(FindNode(*g, kNewline)->depth == 1);
  CHECK(g->edges.size() == 2);

  o.depth = 2;  // through Two Lines to the alliance
  g = LoadExportGraph(fx.q(), o);
  REQUIRE(g.ok());
  REQUIRE(FindNode(*g, "Pact") != nullptr);
  CHECK(FindNode(*g, "Pact")->depth == 2);
  CHECK(FindNode(*g, kQuoted) == nullptr);

  o.filter.relation_types = {"rival_of"};
  g = LoadExportGraph(fx.q(), o);
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == 2);

  o.filter = {};
  o.filter.as_of = "2024-12-31";  // the 2025 relations are not known yet
  g = LoadExportGraph(fx.q(), o);
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == 1);
  CHECK(g->edges.empty());

  o.focus = "Nobody";
  auto missing = LoadExportGraph(fx.q(), o);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  o.focus = kCjk;
  o.depth = 0;
  CHECK(LoadExportGraph(fx.q(), o).status().code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("Every format carries the hard names intact", "[export][formats]") {
  Fixture fx;
  auto g = LoadExportGraph(fx.q(), Options());
  REQUIRE(g.ok());

  auto json = RenderExport(*g, ExportFormat::kJson, Options());
  REQUIRE(json.ok());
  auto j = nlohmann::json::parse(*json);
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  std::vector<std::string> names;
  for (const auto& n : j["nodes"]) names.push_back(n["name"]);
  for (const char* s : {kQuoted, kBackslash, kNewline, kMarkup, kEmoji, kCjk}) {
    INFO(s);
    CHECK(std::find(names.begin(), names.end(), s) != names.end());
  }
  CHECK(j["links"].size() == g->edges.size());

  auto dot = RenderExport(*g, ExportFormat::kDot, Options());
  REQUIRE(dot.ok());
  CHECK(dot->find("digraph newsgraph {") == 0);
  CHECK(dot->find("subgraph cluster_0") != std::string::npos);
  CHECK(dot->find("subgraph cluster_legend") != std::string::npos);
  CHECK(dot->find("label=\"Say \\\"Hi\\\" Labs\"") != std::string::npos);
  CHECK(dot->find("label=\"Two\\nLines Inc\"") != std::string::npos);
  CHECK(dot->find("label=\"Back\\\\slash\\\\N AI\"") != std::string::npos);
  CHECK(dot->find("investor_in\\n2 bn USD, 2024-05") != std::string::npos);
  CHECK(dot->find('\n' + std::string(kNewline)) == std::string::npos);

  auto xml = RenderExport(*g, ExportFormat::kGraphml, Options());
  REQUIRE(xml.ok());
  CHECK(xml->find("<data key=\"n_name\">&lt;Angle&gt; &amp; Sons</data>") !=
        std::string::npos);
  CHECK(xml->find("<data key=\"n_name\">Say &quot;Hi&quot; Labs</data>") !=
        std::string::npos);
  CHECK(xml->find("attr.name=\"amount\" attr.type=\"double\"") !=
        std::string::npos);
  CHECK(xml->find("<data key=\"e_amount\">2000000000</data>") !=
        std::string::npos);
}

TEST_CASE("SVG needs the dot program: a clear error when it is missing",
          "[export][svg]") {
  ExportGraph g;
  ExportOptions o = Options();
  o.dot_program = "/nonexistent/dot";
  auto svg = RenderExport(g, ExportFormat::kSvg, o);
  REQUIRE_FALSE(svg.ok());
  CHECK(svg.status().code() == StatusCode::kNotFound);
  CHECK(svg.status().message().find("install graphviz") != std::string::npos);
  o.dot_program = "false";  // runs, fails
  svg = RenderExport(g, ExportFormat::kSvg, o);
  REQUIRE_FALSE(svg.ok());
  CHECK(svg.status().code() == StatusCode::kIoError);
}

TEST_CASE("Unknown formats are refused", "[export]") {
  CHECK(ParseExportFormat("graphml").ok());
  auto bad = ParseExportFormat("png");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "export: unknown format 'png' (dot, svg, graphml or json)");
}

TEST_CASE(
    "WriteFileAtomically replaces whole files and leaves nothing on "
    "failure",
    "[export][atomic]") {
  TempDir dir;
  std::string path = dir.File("out.txt");
  REQUIRE(WriteFileAtomically(path, "first version\n").ok());
  REQUIRE(WriteFileAtomically(path, "second\n").ok());
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == "second\n");
  auto files = [&] {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.File("")))
      (void)e, ++n;
    return n;
  };
  CHECK(files() == 1);  // no temporary left behind

  Status st = WriteFileAtomically(dir.File("no/such/dir/out.txt"), "x");
  CHECK(st.code() == StatusCode::kIoError);
  CHECK(st.message().find("no/such/dir/out.txt") != std::string::npos);
  std::filesystem::create_directory(dir.File("adir"));
  st = WriteFileAtomically(dir.File("adir"), "x");  // a directory: refused
  CHECK_FALSE(st.ok());
  CHECK(files() == 2);  // out.txt and adir, no temporary
}

}  // namespace
}  // namespace newsgraph
