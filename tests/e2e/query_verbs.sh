#!/usr/bin/env bash
# The query verbs (issue 5) on the store built from examples/: alliance
# members inherited through renames, paths with evidence on every hop,
# lookup by alias, clean errors for unknown names and SQL metacharacters,
# and a read-only `sql` that refuses writes without touching the store.
set -uo pipefail
NG=$1 ROOT=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
export NEWSGRAPH_DB=$db
fail() { echo "FAIL: $*"; exit 1; }
# run NAME WANT_RC ARGS...: runs newsgraph, output in $tmp/NAME.{out,err}.
run() {
  local name=$1 want=$2; shift 2
  "$NG" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  if [ "$rc" != "$want" ]; then
    cat "$tmp/$name.out" "$tmp/$name.err"
    fail "$name: exit $rc, want $want: newsgraph $*"
  fi
}
check() {  # check NAME PYTHON-EXPRESSION over j (the parsed JSON output)
  python3 - "$tmp/$1.out" "$2" <<'PY' || fail "$1: $2"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
ok = eval(sys.argv[2])
if not ok:
    print(json.dumps(j, ensure_ascii=False, indent=1)[:3000])
sys.exit(0 if ok else 1)
PY
  echo "ok: $1: $2"
}

"$NG" ingest --db "$db" "$ROOT/examples/" 2>/dev/null || fail "ingest"
sum_before=$(sha256sum "$db" | cut -d' ' -f1)

# alliance AIP: founders via GAIIP since 2024-09, later members, partners.
run aip 0 alliance AIP --json
check aip 'j["alliance"] == "AIP" and j["former_names"] == ["GAIIP"]'
for m in Microsoft BlackRock GIP MGX; do
  check aip "any(x['name'] == '$m' and x['since'].startswith('2024-09') and x['via'] == 'GAIIP' for x in j['members'])"
done
for m in NVIDIA xAI; do check aip "'$m' in [x['name'] for x in j['members']]"; done
for m in "GE Vernova" "NextEra Energy"; do
  check aip "'$m' in [x['name'] for x in j['partners']]"
  check aip "'$m' not in [x['name'] for x in j['members']]"
done
run aip_table 0 alliance aip
for m in Microsoft BlackRock GIP MGX NVIDIA xAI "GE Vernova" "NextEra Energy" GAIIP; do
  grep -q "$m" "$tmp/aip_table.out" || fail "alliance AIP table lacks $m"
done
run gaiip 0 alliance GAIIP --json
check gaiip 'j["alliance"] == "AIP"'
run aip_early 0 alliance AIP --as-of 2024-12-31 --json
full_events=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["timeline"]))' "$tmp/aip.out")
check aip_early "len(j['timeline']) < $full_events and j['members']"

run stargate 0 alliance Stargate --json
for m in OpenAI SoftBank Oracle; do check stargate "'$m' in [x['name'] for x in j['members']]"; done
# alliance AIP --compare Stargate: the Microsoft-OpenAI and Musk-OpenAI ties.
run compare 0 alliance AIP --compare Stargate --json
check compare 'j["a"] == "AIP" and j["b"] == "Stargate"'
check compare 'any(t["a"] == "Microsoft" and t["b"] == "OpenAI" for t in j["ties"])'
check compare 'any(t["a"] == "Elon Musk" and t["b"] == "OpenAI" for t in j["ties"])'
run compare_same 2 alliance AIP --compare GAIIP
# camps: Musk/xAI and OpenAI end up apart.
run camps 0 camps --json
check camps 'any("OpenAI" in c for c in j["camps"]) and any("xAI" in c for c in j["camps"])'
check camps 'not any("OpenAI" in c and ("xAI" in c or "Elon Musk" in c) for c in j["camps"])'
run camps_table 0 camps
grep -q '^camp 1 ' "$tmp/camps_table.out" || fail "camps table"
run camps_bad 2 camps --against nonsense
run alliances 0 alliances --json
check alliances '{"AIP", "Stargate"} <= {a["alliance"] for a in j["alliances"]}'

# path: evidence on every hop.
run path 0 path "Elon Musk" Microsoft --json
check path 'j["from"] == "Elon Musk" and j["to"] == "Microsoft" and len(j["paths"]) >= 1'
check path 'j["paths"][0]["hops"][0]["from"] == "Elon Musk" and j["paths"][0]["hops"][-1]["to"] == "Microsoft"'
run path3 0 path "elon musk" 微软 --k 3 --json
check path3 'len(j["paths"]) == 3 and all(h["evidence"]["sentence"] and h["evidence"]["doc"] for p in j["paths"] for h in p["hops"])'
check path3 'all(len(a["hops"]) <= len(b["hops"]) for a, b in zip(j["paths"], j["paths"][1:]))'
run path_table 0 path "Elon Musk" Microsoft
grep -q '^path 1' "$tmp/path_table.out" || fail "path table"

# entity by a Chinese alias; neighbours, timeline, evidence, stats.
run zh 0 entity 微软 --json
check zh 'j["name"] == "Microsoft" and "微软" in j["aliases"] and j["degree"] > 0'
run zh_table 0 entity 微软
head -1 "$tmp/zh_table.out" | grep -q '^Microsoft (company)' || fail "entity 微软 table"
run nb 0 neighbors "Elon Musk" --depth 2 --json
check nb '{"OpenAI", "Microsoft"} <= {n["name"] for n in j["neighbors"]}'
run nb_rel 0 neighbors "Elon Musk" --rel sued --json
check nb_rel 'j["neighbors"] and all(n["via"]["relation"] == "sued" for n in j["neighbors"])'
run nb_old 0 neighbors Microsoft --as-of 2000-01-01 --json
check nb_old 'j["neighbors"] == []'
run tl 0 timeline Microsoft --json
check tl 'j["timeline"] and [e["first_date"] for e in j["timeline"]] == sorted(e["first_date"] for e in j["timeline"])'
run ev 0 evidence Microsoft investor_in OpenAI --json
check ev 'j["evidence"] and all(e["sentence"] and e["doc"] and e["rule"] and e["status"] for e in j["evidence"])'
run stats 0 stats --json
check stats 'j["documents"] > 0 and j["relations"] > 0'
run sql 0 sql "SELECT COUNT(*) AS n FROM entities" --json
check sql 'j["columns"] == ["n"] and int(j["rows"][0][0]) > 0'
entities=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rows"][0][0])' "$tmp/sql.out")

# Errors: unknown names, SQL metacharacters, refused writes, bad options.
run unknown 1 entity Nobody
grep -qx "newsgraph: unknown entity 'Nobody'" "$tmp/unknown.err" || fail "unknown entity message: $(cat "$tmp/unknown.err")"
run inject 1 entity "x' OR 1=1 --"
grep -qx "newsgraph: unknown entity 'x' OR 1=1 --'" "$tmp/inject.err" || fail "injection message: $(cat "$tmp/inject.err")"
run inject2 1 path '"; DROP TABLE entities; --' Microsoft
grep -q "unknown entity" "$tmp/inject2.err" || fail "injection in path"
run pct 1 entity "%"
run delete 2 sql "DELETE FROM entities"
grep -q "only a single SELECT or WITH query" "$tmp/delete.err" || fail "sql refusal message"
run two 2 sql "SELECT 1; DROP TABLE entities"
run with_delete 2 sql "WITH x AS (SELECT 1) DELETE FROM entities"
run pragma 2 sql "PRAGMA user_version = 7"
run badrel 2 neighbors Microsoft --rel no_such_type
run badstatus 2 entity Microsoft --status maybe
run baddate 2 neighbors Microsoft --as-of 2024-13-01
run baddepth 2 neighbors Microsoft --depth 0
run args 2 path Microsoft
run missing 1 entity Microsoft --db "$tmp/none.db"
[ ! -e "$tmp/none.db" ] || fail "a query created the missing store"
grep -q "no such database" "$tmp/missing.err" || fail "missing store message"

run sql_after 0 sql "SELECT COUNT(*) FROM entities"
grep -qx "$entities" "$tmp/sql_after.out" || fail "entities changed"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum_before" ] || fail "the store file changed"

for verb in entity neighbors path alliance alliances camps timeline evidence stats sql; do
  run "help_$verb" 0 "$verb" --help
  grep -q "^usage: newsgraph $verb" "$tmp/help_$verb.out" || fail "$verb --help"
done
echo "all query checks passed"
