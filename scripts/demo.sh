#!/usr/bin/env bash
# Builds newsgraph if needed and runs it on the bundled sample articles:
# extracts the relations of one article, ingests every sample into a fresh
# graph store (build/demo.db) and shows what the store holds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
NG=./build/bin/newsgraph
DB=build/demo.db
rm -f "$DB" "$DB-wal" "$DB-shm"

echo "== relations in one sample article (examples/zh/zh-01-aip-expands.txt)"
"$NG" extract --format table examples/zh/zh-01-aip-expands.txt

echo
echo "== ingest every sample article into $DB"
"$NG" ingest --db "$DB" examples/

echo
echo "== members and partners of the alliances in the store"
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for alliance, member, role, since in db.execute(
        "SELECT alliance, member, role, COALESCE(since, '') FROM alliance_members "
        "ORDER BY alliance, role, member"):
    print(f"{alliance:10} {role:16} {member:22} {since}")
PY
