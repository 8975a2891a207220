#!/usr/bin/env bash
# Ingesting the same folder twice: the second run skips every document and
# changes nothing in the store (issue 4: idempotent re-ingest).
set -euo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db

"$NG" ingest --db "$db" "$ROOT/examples/" 2>"$tmp/err1" || { cat "$tmp/err1"; exit 1; }
cat "$tmp/err1"
n=$(grep -oE '^ingest: [0-9]+ new' "$tmp/err1" | grep -oE '[0-9]+')
[ "$n" -gt 0 ] || { echo "FAIL: first ingest stored no documents"; exit 1; }
python3 "$E2E/store_check.py" "$db" --docs "$n" --indexes > "$tmp/c1"

snapshot() {
  python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for q in ("SELECT id, content_hash, ingested_at, relation_count FROM documents ORDER BY id",
          "SELECT * FROM entities ORDER BY id", "SELECT * FROM aliases ORDER BY 1, 2",
          "SELECT * FROM relations ORDER BY id", "SELECT * FROM evidence ORDER BY id"):
    for row in c.execute(q):
        print(row)
PY
}
snapshot > "$tmp/s1"

# Second run, through another spelling of the same path and with the
# environment variable instead of --db.
(cd "$ROOT" && NEWSGRAPH_DB="$db" "$NG" ingest examples) 2>"$tmp/err2" || { cat "$tmp/err2"; exit 1; }
cat "$tmp/err2"
grep -q "^ingest: 0 new, $n skipped (already stored), 0 failed" "$tmp/err2" \
  || { echo "FAIL: second ingest did not skip all $n documents"; exit 1; }
grep -q "^ingest: added 0 entities, 0 relations, 0 evidence rows" "$tmp/err2" \
  || { echo "FAIL: second ingest added rows"; exit 1; }
python3 "$E2E/store_check.py" "$db" --docs "$n" --indexes > "$tmp/c2"
snapshot > "$tmp/s2"
cmp -s "$tmp/c1" "$tmp/c2" || { echo "FAIL: counts changed"; diff "$tmp/c1" "$tmp/c2"; exit 1; }
cmp -s "$tmp/s1" "$tmp/s2" || { echo "FAIL: rows changed"; diff "$tmp/s1" "$tmp/s2" | head; exit 1; }
echo "ok: $(cat "$tmp/c2")"
