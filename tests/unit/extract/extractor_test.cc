// Extraction end to end through the public API, with the shipped resources
// and sentences written for these tests.
#include <algorithm>

#include <catch2/catch.hpp>

#include "newsgraph/extractor.h"
#include "shared_extractor.h"

using namespace newsgraph;

namespace {

std::vector<Relation> Run(const std::string& text, const std::string& date,
                          Document::Kind kind = Document::Kind::kClean) {
  Document d;
  d.id = "t";
  d.text = text;
  d.date = date;
  d.kind = kind;
  auto out = testing::SharedExtractor().Extract(d);
  REQUIRE(out.ok());
  return out->relations;
}

// "Subject relation Object" strings.
std::vector<std::string> Triples(const std::vector<Relation>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs)
    out.push_back(r.subject.name + " " + r.relation + " " + r.object.name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const Relation* Find(const std::vector<Relation>& rs, const std::string& s,
                     const std::string& rel, const std::string& o) {
  for (const auto& r : rs)
    if (r.subject.name == s && r.relation == rel && r.object.name == o)
      return &r;
  return nullptr;
}

}  // namespace

// True when every element of `want` is in `got`.
bool Includes(std::vector<std::string> got, std::vector<std::string> want) {
  std::sort(want.begin(), want.end());
  return std::includes(got.begin(), got.end(), want.begin(), want.end());
}

// A sentence and relations its extraction must include.
struct TriplesCase {
  const char* text;
  std::vector<std::string> want;
};

void CheckIncludes(const std::vector<TriplesCase>& cases) {
  for (const auto& c : cases) {
    INFO(c.text);
    auto got = Triples(Run(c.text, "2025-03-20"));
    CAPTURE(got);
    CHECK(Includes(got, c.want));
  }
}

TEST_CASE("coordinated lists fan out to one relation per member") {
  CheckIncludes({
      {"亚马逊、谷歌和微软共同发起了星际之门。",
       {"Amazon member_of Stargate", "Google member_of Stargate",
        "Microsoft member_of Stargate"}},
      {"Amazon, Google and Microsoft joined Stargate.",
       {"Amazon member_of Stargate", "Google member_of Stargate",
        "Microsoft member_of Stargate"}},
      {"马斯克起诉了OpenAI及其首席执行官奥特曼。",
       {"Elon Musk sued OpenAI", "Elon Musk sued Sam Altman",
        "Sam Altman ceo_of OpenAI"}},
  });
}

TEST_CASE("relative dates resolve against the document date, never the clock") {
  struct Case {
    const char* text;
    const char* doc_date;
    const char* want_date;  // "" = unresolved
  };
  const Case cases[] = {
      {"去年9月，微软加入了星际之门。", "2025-03-20", "2024-09"},
      {"今年1月22日，微软加入了星际之门。", "2025-03-20", "2025-01-22"},
      {"微软周三宣布加入星际之门。", "2025-03-20", "2025-03-19"},
      {"Last September, Microsoft joined Stargate.", "2025-03-20", "2024-09"},
      {"去年9月，微软加入了星际之门。", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text << " @ " << c.doc_date);
    auto rs = Run(c.text, c.doc_date);
    const Relation* r = Find(rs, "Microsoft", "member_of", "Stargate");
    REQUIRE(r != nullptr);
    CHECK(r->attrs.date == c.want_date);
    CHECK(r->attrs.date_unresolved == (std::string(c.want_date).empty()));
  }
}

TEST_CASE("amounts attach as number plus currency") {
  struct Case {
    const char* text;
    double amount;
    const char* currency;
  };
  const Case cases[] = {
      {"亚马逊向Anthropic投资了40亿美元。", 4e9, "USD"},
      {"Amazon invested $4 billion in Anthropic.", 4e9, "USD"},
      {"Amazon invested US$4bn in Anthropic.", 4e9, "USD"},
      {"Microsoft invested €15m in Mistral AI.", 1.5e7, "EUR"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto rs = Run(c.text, "2025-03-20");
    REQUIRE(!rs.empty());
    const Relation& r = rs.front();
    CHECK(r.relation == "investor_in");
    REQUIRE(r.attrs.amount.has_value());
    CHECK(*r.attrs.amount == Approx(c.amount));
    CHECK(r.attrs.currency == c.currency);
  }
}

TEST_CASE("hedges and denials set a status instead of a plain fact") {
  struct Case {
    const char* text;
    const char* status;
  };
  const Case cases[] = {
      {"据悉，亚马逊收购了Anthropic。", "reported"},
      {"亚马逊拟收购Anthropic。", "planned"},
      {"亚马逊否认收购Anthropic。", "denied"},
      {"Amazon reportedly acquired Anthropic.", "reported"},
      {"Amazon plans to acquire Anthropic.", "planned"},
      {"Amazon denied that it acquired Anthropic; Amazon acquired Anthropic.", "denied"},
      {"亚马逊收购了Anthropic。", "asserted"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto rs = Run(c.text, "2025-03-20");
    const Relation* r = Find(rs, "Amazon", "acquired", "Anthropic");
    REQUIRE(r != nullptr);
    CHECK(r->attrs.status == c.status);
  }
}

TEST_CASE("evidence spans index the original bytes, through full-width text") {
  // Full-width Latin and punctuation normalize to ASCII; the evidence must
  // still be the original sentence at its original offsets.
  const std::string text =
      "标题行\n\n２０２５年３月２０日\n\n这是第一段，与主题无关的说明文字。ＯｐｅｎＡＩ的最大投资者是微软。\n";
  auto rs = Run(text, "2025-03-20", Document::Kind::kClean);
  const Relation* r = Find(rs, "Microsoft", "investor_in", "OpenAI");
  REQUIRE(r != nullptr);
  CHECK(text.substr(r->evidence.start, r->evidence.end - r->evidence.start) ==
        r->evidence.sentence);
  CHECK(r->evidence.sentence == "ＯｐｅｎＡＩ的最大投资者是微软。");
  CHECK(r->object.mention == "ＯｐｅｎＡＩ");
}

TEST_CASE("invalid UTF-8 fails the document with its byte offset, or is replaced") {
  Document d;
  d.id = "bad.txt";
  d.text = "Amazon invested in Anthropic \xC3\x28 today.";
  auto out = testing::SharedExtractor().Extract(d);
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().message() ==
        "bad.txt: invalid UTF-8 at byte 29; fix the file or pass --replace-invalid");
}

TEST_CASE("page chrome produces no relations") {
  const std::string page =
      "首页 > 科技 > 正文\n"
      "亚马逊加码押注Anthropic\n"
      "2025年03月20日 09:30\n"
      "分享到：微信 微博\n"
      "亚马逊向Anthropic追加投资40亿美元。\n"
      "郑重声明：本文仅代表作者观点，不构成投资建议。\n"
      "A\n"
      "安联基金亚马逊基金谷歌基金微软基金贝莱德基金管理博时基金\n";
  auto rs = Run(page, "", Document::Kind::kPage);
  CHECK(Triples(rs) == std::vector<std::string>{"Amazon investor_in Anthropic"});
}

TEST_CASE("Traditional Chinese is matched like Simplified") {
  CheckIncludes({
      {"軟銀與甲骨文聯手打造星際之門。",
       {"Oracle member_of Stargate", "SoftBank member_of Stargate"}},
      {"微軟是OpenAI的最大投資者。", {"Microsoft investor_in OpenAI"}},
  });
}

TEST_CASE("descriptors introduce entities nobody listed") {
  struct Case {
    const char* text;
    const char* name;
    const char* type;
  };
  const Case cases[] = {
      {"AI云计算提供商Nimbulus与微软签署了合作协议。", "Nimbulus", "company"},
      {"Microsoft invested in the startup Quorvia last year.", "Quorvia", "company"},
      {"Amazon acquired Zentrix Inc. for $2 billion.", "Zentrix", "company"},
      {"Halcyon Capital invested $5 million in Anthropic.", "Halcyon Capital", "investor"},
      {"Microsoft named Jane Doe as its new chief executive.", "Jane Doe", "person"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto rs = Run(c.text, "2025-03-20");
    bool found = false;
    for (const auto& r : rs)
      for (const EntityRef* e : {&r.subject, &r.object})
        if (e->name == c.name) {
          found = true;
          CHECK(e->discovered);
          CHECK(e->type == c.type);
        }
    CHECK(found);
  }
  // A discovered name is found again later in the document without its
  // descriptor.
  auto rs = Run("AI创业公司Nimbulus发布了新模型。\n微软投资了Nimbulus。", "2025-03-20");
  CHECK(Find(rs, "Microsoft", "investor_in", "Nimbulus") != nullptr);
}

TEST_CASE("coreference phrases resolve to the right earlier entity") {
  struct Case {
    const char* text;
    const char* s;
    const char* rel;
    const char* o;
  };
  const Case cases[] = {
      {"月之暗面的创始人是杨植麟。该公司开发了Kimi。", "Moonshot AI", "developed", "Kimi"},
      {"英伟达由黄仁勋创立，他至今仍担任公司首席执行官。", "Jensen Huang", "ceo_of", "NVIDIA"},
      {"Musk founded xAI in 2023. The start-up is now a direct rival of OpenAI.",
       "xAI", "rival_of", "OpenAI"},
      {"Microsoft spent heavily this year. In February it invested $15 million in Mistral AI.",
       "Microsoft", "investor_in", "Mistral AI"},
      // "Stargate, the venture ..." is an apposition, not a reference.
      {"OpenAI runs through Stargate, the venture it formed with SoftBank.",
       "SoftBank", "member_of", "Stargate"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto rs = Run(c.text, "2025-03-20");
    CAPTURE(Triples(rs));
    const Relation* r = Find(rs, c.s, c.rel, c.o);
    REQUIRE(r != nullptr);
    CHECK((r->subject.coreference || r->object.coreference ||
           std::string(c.rel) == "member_of"));
  }
}

TEST_CASE("each status marker in both languages") {
  struct Case {
    const char* text;
    const char* s;
    const char* rel;
    const char* o;
    const char* status;
  };
  const Case cases[] = {
      {"据外媒报道，亚马逊投资了Anthropic。", "Amazon", "investor_in", "Anthropic", "reported"},
      {"传闻亚马逊投资了Anthropic。", "Amazon", "investor_in", "Anthropic", "reported"},
      {"亚马逊正洽谈收购Anthropic。", "Amazon", "acquired", "Anthropic", "planned"},
      {"亚马逊计划收购Anthropic。", "Amazon", "acquired", "Anthropic", "planned"},
      {"亚马逊并未收购Anthropic。", "Amazon", "acquired", "Anthropic", "negated"},
      {"亚马逊没有投资Anthropic。", "Amazon", "investor_in", "Anthropic", "negated"},
      {"Amazon is in talks to acquire Anthropic.", "Amazon", "acquired", "Anthropic", "planned"},
      {"According to people familiar, Amazon invested in Anthropic.", "Amazon", "investor_in", "Anthropic", "reported"},
      {"Amazon did not acquire Anthropic.", "Amazon", "acquired", "Anthropic", "negated"},
      {"Amazon denied reports that it acquired Anthropic.", "Amazon", "acquired", "Anthropic", "denied"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto rs = Run(c.text, "2025-03-20");
    CAPTURE(Triples(rs));
    const Relation* r = Find(rs, c.s, c.rel, c.o);
    REQUIRE(r != nullptr);
    CHECK(r->attrs.status == c.status);
  }
}

TEST_CASE("a person named in full may later be named by the surname alone") {
  auto rs = Run(
      "Aidan Gomez co-founded Cohere in 2019. Oracle sued Gomez last year.",
      "2025-03-01");
  CHECK(Find(rs, "Oracle", "sued", "Aidan Gomez") != nullptr);
  // A surname two persons of the document share names neither.
  rs = Run(
      "Dario Amodei and Daniela Amodei founded Anthropic. Oracle sued Amodei.",
      "2025-03-01");
  for (const auto& r : rs) CHECK(r.relation != "sued");
  // A transliterated name: the part after the middle dot.
  rs = Run("蕾妮·詹姆斯是芯片业的资深高管。詹姆斯2016年离开英特尔。", "2025-03-01");
  CHECK(Find(rs, "Renee James", "left", "Intel") != nullptr);
  // Without the full name earlier, a bare surname is not a mention.
  rs = Run("Oracle sued Gomez last year.", "2025-03-01");
  CHECK(rs.empty());
}

TEST_CASE("members who joined before a rename joined the former name") {
  auto rs = Run(
      "The AI Infrastructure Partnership, known until this week as the Global "
      "AI Infrastructure Investment Partnership, said on Wednesday that NVIDIA "
      "has become a member. Microsoft and BlackRock formed the group last "
      "September.",
      "2025-03-20");
  const Relation* m = Find(rs, "Microsoft", "member_of", "GAIIP");
  REQUIRE(m != nullptr);
  CHECK(m->attrs.date == "2024-09");
  CHECK(Find(rs, "Microsoft", "member_of", "AIP") == nullptr);
  CHECK(Find(rs, "NVIDIA", "member_of", "AIP") != nullptr);
}

TEST_CASE("a possessive pronoun after a name is a reference, not an apposition") {
  auto rs = Run(
      "OpenAI said that Stargate, its joint venture with SoftBank, will add "
      "more sites.",
      "2025-03-01");
  CHECK(Find(rs, "OpenAI", "member_of", "Stargate") != nullptr);
  CHECK(Find(rs, "SoftBank", "member_of", "Stargate") != nullptr);
  rs = Run("Arm is about 90% owned by SoftBank, which took it private in 2016.",
           "2025-03-01");
  CHECK(Find(rs, "SoftBank", "acquired", "Arm") != nullptr);
}

TEST_CASE("the venture reaches further back for the alliance of the article") {
  auto rs = Run(
      "OpenAI and SoftBank announced Stargate in January. The plan was shown "
      "at the White House. Work has begun in Texas. More sites are being "
      "scouted. Officials praised it. According to people familiar with the "
      "plan, SoftBank is expected to commit $19 billion in return for 40% of "
      "the venture.",
      "2025-03-01");
  const Relation* r = Find(rs, "SoftBank", "investor_in", "Stargate");
  REQUIRE(r != nullptr);
  CHECK(r->attrs.status == "reported");
}

TEST_CASE("rankings and stake transfers in Chinese") {
  auto rs = Run("今年一季度，小米的出货量超越了苹果，仅次于华为。", "2025-03-01");
  CHECK(Find(rs, "Xiaomi", "rival_of", "Apple") != nullptr);
  rs = Run("软银将其持有的Arm 5%股权转让给英伟达。", "2025-03-01");
  CHECK(Find(rs, "NVIDIA", "acquired", "Arm") != nullptr);
  CHECK(Find(rs, "SoftBank", "investor_in", "Arm") != nullptr);
}

TEST_CASE("'as partners' refers to the alliance of the article, far back") {
  auto rs = Run(
      "GAIIP于去年9月由微软牵头发起。贝莱德是主要出资方。这笔资金将投向数据中心。"
      "英伟达此前只是顾问。各方仍在商谈细节。能源方面，GE Vernova以能源合作伙伴的身份加入。",
      "2025-03-20");
  CHECK(Find(rs, "GE Vernova", "partner_of", "GAIIP") != nullptr);
}
