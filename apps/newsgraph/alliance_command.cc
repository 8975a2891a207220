// The alliance verbs (alliance, alliance --compare, alliances) and camps.
#include <iostream>
#include <string>
#include <vector>

#include "query_format.h"
#include "table.h"

namespace newsgraph::cli {

using json = nlohmann::json;

namespace {

int RunCompare(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  auto c = q.CompareAlliances(a.positional[0], a.Value("compare"), f);
  if (!c.ok()) return Fail(c.status());
  if (js) {
    json ties = json::array();
    for (const AllianceTie& t : c->ties) {
      json l = ToJson(t.link);
      ties.push_back({{"a", t.a},
                      {"a_role", t.a_role},
                      {"relation", t.link.type},
                      {"direction", t.link.direction},
                      {"b", t.link.other},
                      {"b_role", t.b_role},
                      {"docs", t.link.docs},
                      {"first_date", t.link.first_date},
                      {"last_date", t.link.last_date}});
    }
    Print({{"a", c->a}, {"b", c->b}, {"shared", c->shared}, {"ties", ties}});
    return kExitOk;
  }
  std::cout << c->a << " vs " << c->b << "\n\nshared: ";
  for (size_t i = 0; i < c->shared.size(); ++i)
    std::cout << (i ? ", " : "") << c->shared[i];
  std::cout << (c->shared.empty() ? "-" : "") << "\n\nties (" << c->ties.size()
            << ")\n";
  Table t(
      {c->a, "role", "relation", "dir", c->b, "role", "docs", "first", "last"});
  for (const AllianceTie& tie : c->ties)
    t.Add({tie.a, tie.a_role, tie.link.type, Arrow(tie.link.direction),
           tie.link.other, tie.b_role, std::to_string(tie.link.docs),
           tie.link.first_date, tie.link.last_date});
  t.Print(std::cout, "  ");
  return kExitOk;
}

}  // namespace

int RunAlliance(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  if (!a.Value("compare").empty()) return RunCompare(q, a, f, js);
  auto info = q.Alliance(a.positional[0], f);
  if (!info.ok()) return Fail(info.status());
  std::vector<std::string> former;
  for (size_t i = 0; i + 1 < info->names.size(); ++i)
    former.push_back(info->names[i].name);
  if (js) {
    json names = json::array(), members = json::array(),
         partners = json::array(), timeline = json::array();
    for (const NameRecord& n : info->names)
      names.push_back({{"name", n.name}, {"since", n.since}});
    for (const auto& m : info->members) members.push_back(ToJson(m));
    for (const auto& m : info->partners) partners.push_back(ToJson(m));
    for (const AllianceEvent& e : info->timeline) {
      json l = ToJson(e.link);
      l["name"] = e.name;
      timeline.push_back(l);
    }
    Print({{"alliance", info->name},
           {"former_names", former},
           {"names", names},
           {"members", members},
           {"partners", partners},
           {"timeline", timeline}});
    return kExitOk;
  }
  std::cout << info->name << " (alliance)\n";
  if (!former.empty()) {
    std::cout << "former names:";
    for (const NameRecord& n : info->names)
      std::cout << (n.name == info->names.front().name ? " " : " -> ") << n.name
                << (n.since.empty() ? "" : " (" + n.since + ")");
    std::cout << "\n";
  }
  auto members = [](const std::vector<AllianceMember>& ms) {
    Table t({"name", "type", "role", "since", "via"});
    for (const AllianceMember& m : ms)
      t.Add({m.member, m.member_type, m.role, m.since, m.via_name});
    t.Print(std::cout, "  ");
  };
  std::cout << "\nmembers (" << info->members.size() << ")\n";
  members(info->members);
  std::cout << "\npartners (" << info->partners.size() << ")\n";
  members(info->partners);
  std::cout << "\ntimeline\n";
  Table t({"date", "name", "relation", "dir", "other", "type", "docs"});
  for (const AllianceEvent& e : info->timeline)
    t.Add({e.link.first_date, e.name, e.link.type, Arrow(e.link.direction),
           e.link.other, e.link.other_type, std::to_string(e.link.docs)});
  t.Print(std::cout, "  ");
  return kExitOk;
}

int RunAlliances(GraphQuery& q, const Args&, const QueryFilter&, bool js) {
  auto list = q.Alliances();
  if (!list.ok()) return Fail(list.status());
  if (js) {
    json arr = json::array();
    for (const AllianceSummary& s : *list)
      arr.push_back({{"alliance", s.name},
                     {"members", s.members},
                     {"partners", s.partners},
                     {"since", s.since}});
    Print({{"alliances", arr}});
    return kExitOk;
  }
  Table t({"alliance", "members", "partners", "since"});
  for (const AllianceSummary& s : *list)
    t.Add({s.name, std::to_string(s.members), std::to_string(s.partners),
           s.since});
  t.Print(std::cout);
  return kExitOk;
}

int RunCamps(GraphQuery& q, const Args& a, const QueryFilter& f, bool js) {
  CampOptions o;
  o.filter = f;
  if (!f.relation_types.empty()) o.cooperation = f.relation_types;
  if (auto against = SplitList(a.Values("against")); !against.empty())
    o.against = against;
  auto camps = q.Camps(o);
  if (!camps.ok()) return Fail(camps.status());
  if (js) {
    json dis = json::array();
    for (const CampEdge& e : camps->disagreements)
      dis.push_back({{"subject", e.subject},
                     {"relation", e.relation},
                     {"object", e.object}});
    Print({{"camps", camps->camps},
           {"unaligned", camps->unaligned},
           {"disagreements", dis}});
    return kExitOk;
  }
  auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? std::string("-") : out;
  };
  for (size_t i = 0; i < camps->camps.size(); ++i)
    std::cout << "camp " << i + 1 << " (" << camps->camps[i].size()
              << "): " << list(camps->camps[i]) << "\n";
  std::cout << "unaligned: " << list(camps->unaligned) << "\n\n"
            << "disagreeing relations (" << camps->disagreements.size()
            << ")\n";
  Table t({"subject", "relation", "object"});
  for (const CampEdge& e : camps->disagreements)
    t.Add({e.subject, e.relation, e.object});
  t.Print(std::cout, "  ");
  return kExitOk;
}

}  // namespace newsgraph::cli
