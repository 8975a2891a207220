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
echo "== the AIP alliance: members (through its former name GAIIP), partners, timeline"
"$NG" alliance AIP --db "$DB"

echo
echo "== Stargate compared with AIP"
"$NG" alliance Stargate --compare AIP --db "$DB"

echo
echo "== how Elon Musk connects to Microsoft"
"$NG" path "Elon Musk" Microsoft --k 2 --db "$DB"

echo
echo "== camps on the signed graph (cooperation vs rivalry)"
"$NG" camps --db "$DB"
