#!/usr/bin/env bash
# newsgraph remove --doc (issue 4): removing a document retracts its
# evidence; relations and entities left without support disappear; the
# document can be ingested again to the same state.
set -uo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
fail() { echo "FAIL: $*"; exit 1; }

"$NG" ingest --db "$db" "$ROOT/examples/" 2>/dev/null || fail "ingest"
full=$(python3 "$E2E/store_check.py" "$db") || fail "store_check: $full"

"$NG" remove --db "$db" --doc en-04-musk-v-openai.txt >"$tmp/out" 2>"$tmp/err" \
  || { cat "$tmp/err"; fail "remove by doc id"; }
cat "$tmp/out"
grep -q "^removed en-04-musk-v-openai.txt (.*en-04-musk-v-openai.txt): [1-9][0-9]* evidence rows" "$tmp/out" \
  || fail "remove did not report the document"
after=$(python3 "$E2E/store_check.py" "$db") || fail "store_check after remove: $after"
python3 - "$db" "$full" "$after" <<'PY' || exit 1
import json, sqlite3, sys
db, full, after = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
assert after["documents"] == full["documents"] - 1, (full, after)
assert after["evidence"] < full["evidence"], (full, after)
left = c.execute("SELECT COUNT(*) FROM documents WHERE doc_key = 'en-04-musk-v-openai.txt'").fetchone()[0]
assert left == 0, "document still stored"
orphans = c.execute("""SELECT COUNT(*) FROM entities e WHERE NOT EXISTS
    (SELECT 1 FROM relations r WHERE r.subject_id = e.id OR r.object_id = e.id)""").fetchone()[0]
assert orphans == 0, "%d entities without relations" % orphans
print("ok: retracted %d evidence rows, %d relations" % (
    full["evidence"] - after["evidence"], full["relations"] - after["relations"]))
PY

# By path (relative to the current directory), then a corpus file: all of
# its documents.
(cd "$ROOT" && "$NG" remove --db "$db" --doc examples/zh/zh-02-stargate-launch.txt \
   --doc examples/corpus.jsonl) >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "remove by path"; }
cat "$tmp/out"
[ "$(grep -c '^removed ' "$tmp/out")" -eq 4 ] || fail "expected 4 documents removed by path"
python3 "$E2E/store_check.py" "$db" >/dev/null || fail "store_check after remove by path"

# Errors: unknown document, missing store, no --doc.
"$NG" remove --db "$db" --doc no-such-doc 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "no stored document matches 'no-such-doc'" "$tmp/err" \
  || { cat "$tmp/err"; fail "unknown doc: exit $rc"; }
"$NG" remove --db "$tmp/none.db" --doc x 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "none.db: no such database" "$tmp/err" && [ ! -e "$tmp/none.db" ] \
  || { cat "$tmp/err"; fail "missing store: exit $rc"; }
"$NG" remove --db "$db" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q "no --doc given" "$tmp/err" || { cat "$tmp/err"; fail "no --doc: exit $rc"; }

# Ingesting again restores the same graph.
"$NG" ingest --db "$db" "$ROOT/examples/" 2>"$tmp/err" || { cat "$tmp/err"; fail "re-ingest"; }
grep -q "^ingest: 5 new, " "$tmp/err" || { cat "$tmp/err"; fail "re-ingest should store the 5 removed documents"; }
again=$(python3 "$E2E/store_check.py" "$db") || fail "store_check after re-ingest"
[ "$again" = "$full" ] || fail "re-ingest gave $again, want $full"
echo "ok: $again"
