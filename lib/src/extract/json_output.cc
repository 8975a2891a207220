#include <cmath>

#include <nlohmann/json.hpp>

#include "newsgraph/extractor.h"

namespace newsgraph {

namespace {

nlohmann::ordered_json EntityJson(const EntityRef& e) {
  nlohmann::ordered_json j;
  j["name"] = e.name;
  j["type"] = e.type;
  j["mention"] = e.mention;
  if (e.discovered) j["discovered"] = true;
  if (e.coreference) j["coreference"] = true;
  return j;
}

void PutNumber(nlohmann::ordered_json& j, const char* key, double v) {
  if (std::fabs(v) < 9e15 && v == std::floor(v))
    j[key] = static_cast<long long>(v);
  else
    j[key] = v;
}

}  // namespace

std::string ToJsonLine(const Relation& r) {
  nlohmann::ordered_json j;
  j["doc"] = r.doc;
  j["subject"] = EntityJson(r.subject);
  j["relation"] = r.relation;
  j["object"] = EntityJson(r.object);
  nlohmann::ordered_json a = nlohmann::ordered_json::object();
  const Attributes& at = r.attrs;
  if (at.amount) {
    PutNumber(a, "amount", *at.amount);
    if (!at.currency.empty()) a["currency"] = at.currency;
    a["amount_text"] = at.amount_text;
  }
  if (!at.date.empty()) a["date"] = at.date;
  if (!at.date_text.empty()) a["date_text"] = at.date_text;
  if (at.date_unresolved) a["date_unresolved"] = true;
  if (at.since) a["since"] = true;
  if (at.duration_years) PutNumber(a, "duration_years", *at.duration_years);
  a["status"] = at.status;
  j["attrs"] = std::move(a);
  nlohmann::ordered_json ev;
  ev["sentence"] = r.evidence.sentence;
  ev["start"] = r.evidence.start;
  ev["end"] = r.evidence.end;
  j["evidence"] = std::move(ev);
  j["rule"] = r.rule;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace newsgraph
