#!/usr/bin/env bash
# Export escaping (issue 5): a JSON Lines document whose entities (given in
# its "entities" field) have names with quotes, backslashes, a new line,
# <>&, an emoji and CJK is ingested and exported in every format; then
# `dot -Tsvg` renders the dot, networkx reads the GraphML, the JSON loads
# and validates against schemas/graph.schema.json, the SVG is well-formed
# XML, and every name comes back unchanged.
set -uo pipefail
NG=$1 ROOT=$2
command -v dot >/dev/null || { echo "skipped: GraphViz dot not installed"; exit 77; }
python3 -c "import networkx, jsonschema" 2>/dev/null ||
  { echo "skipped: python3 networkx/jsonschema not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 - "$tmp/corpus.jsonl" "$tmp/names.json" <<'PY'
import json, sys
names = [("Say \"Hi\" Labs", "company"), ("Back\\slash\\N AI", "company"),
         ("Two\nLines Inc", "company"), ("<Angle> & Sons", "investor"),
         ("Rocket \U0001F680 AI", "company"), ("星河智算", "company")]
text = ("<Angle> & Sons invested $2 billion in Say \"Hi\" Labs in May 2024. "
        "Back\\slash\\N AI partnered with Rocket \U0001F680 AI. "
        "星河智算 sued Rocket \U0001F680 AI in 2025. "
        "Two Lines Inc partnered with 星河智算.")
ents = [{"name": n, "type": t} for n, t in names]
ents[2]["aliases"] = ["Two Lines Inc"]  # the text cannot hold the new line
doc = {"id": "escape-1", "date": "2025-02-01", "lang": "en", "text": text,
       "entities": ents}
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False) + "\n")
json.dump([n for n, _ in names], open(sys.argv[2], "w"))
PY
db=$tmp/g.db
"$NG" ingest --db "$db" "$tmp/corpus.jsonl" 2>"$tmp/ingest.err" || { cat "$tmp/ingest.err"; fail ingest; }
for f in dot svg graphml json; do
  "$NG" export --db "$db" --format $f -o "$tmp/g.$f" 2>"$tmp/$f.err" || { cat "$tmp/$f.err"; fail "export --format $f"; }
done
dot -Tsvg "$tmp/g.dot" >"$tmp/rendered.svg" 2>"$tmp/dot.err" || { cat "$tmp/dot.err"; fail "dot -Tsvg rejects the dot export"; }
[ -s "$tmp/dot.err" ] && { cat "$tmp/dot.err"; fail "dot warns about the dot export"; }

python3 - "$tmp" "$ROOT/schemas/graph.schema.json" <<'PY' || fail "names do not round-trip"
import json, sys, xml.dom.minidom
import networkx as nx, jsonschema
tmp, schema = sys.argv[1], sys.argv[2]
names = set(json.load(open(f"{tmp}/names.json")))
# JSON: valid, loads into networkx, every name intact.
j = json.load(open(f"{tmp}/g.json", encoding="utf-8"))
jsonschema.Draft202012Validator(json.load(open(schema))).validate(j)
try:
    gj = nx.node_link_graph(j, edges="links")
except TypeError:  # networkx < 3.4
    gj = nx.node_link_graph(j)
got = {d["name"] for _, d in gj.nodes(data=True)}
assert names <= got, f"json: missing {names - got}"
# GraphML: networkx reads it; names, types and the amount intact.
g = nx.read_graphml(f"{tmp}/g.graphml")
got = {d["name"] for _, d in g.nodes(data=True)}
assert names <= got, f"graphml: missing {names - got}"
assert g.number_of_edges() == gj.number_of_edges() == 4, g.number_of_edges()
amounts = [d.get("amount") for _, _, d in g.edges(data=True) if d["type"] == "investor_in"]
assert amounts == [2e9], amounts
# dot: every name appears as an escaped label; the rendered SVG (by dot)
# and our SVG are well-formed XML holding the names' text.
dot = open(f"{tmp}/g.dot", encoding="utf-8").read()
for n in names:
    q = n.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    assert f'label="{q}"' in dot, f"dot: no label for {n!r}"
for svg in ("g.svg", "rendered.svg"):
    doc = xml.dom.minidom.parse(f"{tmp}/{svg}")
    text = "".join(t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild)
    for n in names:
        for part in n.split("\n"):
            assert part in text, f"{svg}: {part!r} not drawn"
print(f"{len(names)} names intact in json, graphml, dot and svg")
PY
echo "ok: export escaping"
