#!/usr/bin/env bash
# `newsgraph export` on the store built from examples/ (issue 5):
#  - golden files, one per format (dot, graphml, json) in
#    tests/golden-export/; NEWSGRAPH_UPDATE_GOLDEN=1 rewrites them;
#  - GraphViz renders the dot (`dot -Tsvg`) and --format svg gives SVG;
#  - networkx reads the GraphML back, the JSON validates against
#    schemas/graph.schema.json, both hold the same graph;
#  - --focus/--depth/--rel/--as-of narrow the graph;
#  - errors: bad flags (exit 2), unknown focus, missing store or missing
#    GraphViz (exit 1); a failed `-o FILE` leaves FILE as it was.
set -uo pipefail
NG=$1 ROOT=$2
GOLD=$ROOT/tests/golden-export
command -v dot >/dev/null || { echo "skipped: GraphViz dot not installed"; exit 77; }
python3 -c "import networkx, jsonschema" 2>/dev/null ||
  { echo "skipped: python3 networkx/jsonschema not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
fail() { echo "FAIL: $*"; exit 1; }
run() {  # run NAME WANT_RC ARGS...: output in $tmp/NAME.{out,err}
  local name=$1 want=$2; shift 2
  "$NG" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  [ "$rc" = "$want" ] || { cat "$tmp/$name.err"; fail "$name: exit $rc, want $want: newsgraph $*"; }
}

"$NG" ingest --db "$db" "$ROOT/examples/" 2>"$tmp/ingest.err" || { cat "$tmp/ingest.err"; fail ingest; }

# Golden files, and the same bytes on a second run.
status=0
for f in dot graphml json; do
  run "golden_$f" 0 export --db "$db" --format $f
  if [ "${NEWSGRAPH_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$GOLD"; cp "$tmp/golden_$f.out" "$GOLD/examples.$f"; continue
  fi
  if ! diff -u "$GOLD/examples.$f" "$tmp/golden_$f.out" >"$tmp/diff_$f"; then
    head -40 "$tmp/diff_$f"; echo "golden export $f differs"; status=1
  else
    echo "ok: golden $f"
  fi
  run "again_$f" 0 export --db "$db" --format $f
  cmp -s "$tmp/golden_$f.out" "$tmp/again_$f.out" || fail "export --format $f is not deterministic"
done
if [ "$status" != 0 ]; then
  echo "The export of the examples store changed. If extraction changed on purpose"
  echo "(rules, dictionaries, examples/), review the diff and rewrite the goldens:"
  echo "  NEWSGRAPH_UPDATE_GOLDEN=1 ctest --test-dir BUILD -R export_examples"
  exit 1
fi

# GraphViz renders the dot; --format svg is SVG with the alliance clusters.
dot -Tsvg "$tmp/golden_dot.out" >"$tmp/rendered.svg" 2>"$tmp/dot.err" || { cat "$tmp/dot.err"; fail "dot -Tsvg"; }
[ -s "$tmp/dot.err" ] && { cat "$tmp/dot.err"; fail "dot warns"; }
run svg 0 export --db "$db" --format svg -o "$tmp/g.svg"
[ -s "$tmp/svg.out" ] && fail "svg with -o printed to stdout"
python3 - "$tmp/g.svg" <<'PY' || fail "svg"
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
assert doc.documentElement.tagName == "svg"
titles = [t.firstChild.data for t in doc.getElementsByTagName("title") if t.firstChild]
assert "cluster_legend" in titles and "cluster_0" in titles, titles[:5]
texts = {t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild}
assert {"AIP", "Stargate", "Legend", "Microsoft", "OpenAI"} <= texts
PY
echo "ok: dot renders, svg"

# networkx reads the GraphML; it matches the JSON, which validates.
python3 - "$tmp/golden_graphml.out" "$tmp/golden_json.out" "$ROOT/schemas/graph.schema.json" <<'PY' || fail "graphml/json"
import json, sys
import networkx as nx, jsonschema
g = nx.read_graphml(sys.argv[1])
j = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft202012Validator(json.load(open(sys.argv[3]))).validate(j)
assert g.is_directed() and g.is_multigraph()
assert g.number_of_nodes() == len(j["nodes"]) > 50, g.number_of_nodes()
assert g.number_of_edges() == len(j["links"]) > 100, g.number_of_edges()
name = {n: d["name"] for n, d in g.nodes(data=True)}
assert {n["id"]: n["name"] for n in j["nodes"]} == name
edges = {(name[s], d["type"], name[t]) for s, t, d in g.edges(data=True)}
assert ("Microsoft", "member_of", "GAIIP") in edges
assert ("GAIIP", "renamed_to", "AIP") in edges
assert all(isinstance(d["docs"], int) and isinstance(d["symmetric"], bool)
           for _, _, d in g.edges(data=True))
assert any(isinstance(d.get("amount"), float) for _, _, d in g.edges(data=True))
aip = {d["name"] for _, d in g.nodes(data=True) if d.get("alliance") == "AIP"}
assert {"AIP", "GAIIP", "Microsoft", "BlackRock", "NVIDIA", "xAI"} <= aip, aip
print(f"graphml: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; json valid")
PY
echo "ok: networkx reads graphml; json valid"

# Focus, depth, relation types, as-of.
run focus 0 export --db "$db" --format json --focus aip --depth 1
run focus2 0 export --db "$db" --format json --focus AIP --depth 2
run rel 0 export --db "$db" --format json --rel member_of,renamed_to
run asof 0 export --db "$db" --format json --as-of 2025-03-15
python3 - "$tmp" <<'PY' || fail "focus/rel/as-of"
import json, sys
t = sys.argv[1]
load = lambda n: json.load(open(f"{t}/{n}.out", encoding="utf-8"))
full, f1, f2, rel, asof = (load(n) for n in ("golden_json", "focus", "focus2", "rel", "asof"))
names = lambda j: {n["name"] for n in j["nodes"]}
assert f1["graph"]["focus"] == "AIP" and f1["graph"]["depth"] == 1
assert {"AIP", "GAIIP", "NVIDIA", "GE Vernova"} <= names(f1) and "OpenAI" not in names(f1)
assert all(n["depth"] <= 1 for n in f1["nodes"])
assert names(f1) < names(f2) < names(full)
assert {l["type"] for l in rel["links"]} == {"member_of", "renamed_to"}
assert 0 < len(asof["links"]) < len(full["links"])
assert {l["id"] for l in asof["links"]} < {l["id"] for l in full["links"]}
assert asof["graph"]["as_of"] == "2025-03-15"
print("focus, rel, as-of ok")
PY

# Errors.
run nofmt 2 export --db "$db"
run badfmt 2 export --db "$db" --format png
grep -q "unknown format 'png'" "$tmp/badfmt.err" || fail "bad format message"
run depth_nofocus 2 export --db "$db" --format dot --depth 2
run baddepth 2 export --db "$db" --format dot --focus AIP --depth 0
run badrel 2 export --db "$db" --format dot --rel friend_of
run badstatus 2 export --db "$db" --format dot --status maybe
run badasof 2 export --db "$db" --format dot --as-of 2024-13-01
run extra 2 export --db "$db" --format dot stray
run unknown 1 export --db "$db" --format dot --focus "No Such Entity"
grep -q "unknown entity 'No Such Entity'" "$tmp/unknown.err" || fail "unknown focus message"
run nodb 1 export --db "$tmp/none.db" --format dot
[ -e "$tmp/none.db" ] && fail "export created the store"
run help 0 export --help
grep -q -- "--focus NAME" "$tmp/help.out" || fail "help"
# A failed export leaves an existing -o file untouched, and leaves no
# temporary file; a missing GraphViz is a clear error.
echo "previous content" >"$tmp/keep.svg"
PATH=/nonexistent run nodot 1 export --db "$db" --format svg -o "$tmp/keep.svg"
grep -q "install graphviz" "$tmp/nodot.err" || { cat "$tmp/nodot.err"; fail "missing dot message"; }
run badfocus_o 1 export --db "$db" --format dot --focus "No Such Entity" -o "$tmp/keep.svg"
[ "$(cat "$tmp/keep.svg")" = "previous content" ] || fail "failed export changed the -o file"
run nodir 1 export --db "$db" --format dot -o "$tmp/no/such/dir/g.dot"
grep -q "$tmp/no/such/dir/g.dot" "$tmp/nodir.err" || fail "write error names the file"
ls -A "$tmp" | grep -q '\.tmp-' && fail "temporary file left behind"
echo "ok: export errors"
