#!/usr/bin/env bash
# --jobs N changes nothing but speed: `extract` prints the same bytes and
# `ingest` builds the same store (compared table by table through
# `newsgraph sql`, ingestion times left out) with --jobs 1, 2 and 3.
# Arguments: NEWSGRAPH SOURCE_DIR.
set -euo pipefail
NG=$1 ROOT=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Many small documents in several files, plus the sample articles, so that
# threads finish out of order.
python3 "$ROOT/tests/bench/gen_corpus.py" "$ROOT" "$tmp/corpus.jsonl" --mb 0.4 --seed 3 >/dev/null
python3 "$ROOT/tests/e2e/gen_corpus.py" "$ROOT/examples" "$tmp/small" --docs 300 --seed 9 >/dev/null
inputs=("$ROOT/examples" "$tmp/corpus.jsonl" "$tmp/small")

"$NG" extract --jobs 1 "${inputs[@]}" > "$tmp/j1.jsonl"
"$NG" extract --jobs 3 "${inputs[@]}" > "$tmp/j3.jsonl"
[ -s "$tmp/j1.jsonl" ] || { echo "FAIL: extract printed nothing"; exit 1; }
cmp "$tmp/j1.jsonl" "$tmp/j3.jsonl" || { echo "FAIL: extract --jobs 3 differs from --jobs 1"; exit 1; }
echo "extract: $(wc -l < "$tmp/j1.jsonl") relations, identical with --jobs 1 and 3"

dump() {  # DB -> one file per table
  local db=$1 out=$2
  "$NG" sql "SELECT id, content_hash, source, path, doc_key, title, date, lang, bytes, relation_count FROM documents ORDER BY id" --db "$db" --limit 100000000 > "$out"
  for t in entities aliases relations evidence; do
    "$NG" sql "SELECT * FROM $t ORDER BY 1, 2" --db "$db" --limit 100000000 >> "$out"
  done
}
"$NG" ingest --jobs 1 --db "$tmp/j1.db" "${inputs[@]}" 2>/dev/null
"$NG" ingest --jobs 3 --db "$tmp/j3.db" "${inputs[@]}" 2>/dev/null
# --jobs 2: one thread extracts while the main thread writes.
"$NG" ingest --jobs 2 --db "$tmp/j2.db" "${inputs[@]}" 2>/dev/null
dump "$tmp/j1.db" "$tmp/j1.dump"
dump "$tmp/j2.db" "$tmp/j2.dump"
dump "$tmp/j3.db" "$tmp/j3.dump"
[ "$(wc -l < "$tmp/j1.dump")" -gt 100 ] || { echo "FAIL: store dump too small"; exit 1; }
cmp "$tmp/j1.dump" "$tmp/j2.dump" || { echo "FAIL: ingest --jobs 2 store differs from --jobs 1"; diff "$tmp/j1.dump" "$tmp/j2.dump" | head; exit 1; }
cmp "$tmp/j1.dump" "$tmp/j3.dump" || { echo "FAIL: ingest --jobs 3 store differs from --jobs 1"; diff "$tmp/j1.dump" "$tmp/j3.dump" | head; exit 1; }
# Ingesting the same inputs again with threads stores nothing new.
"$NG" ingest --jobs 3 --db "$tmp/j3.db" "${inputs[@]}" 2>/dev/null
dump "$tmp/j3.db" "$tmp/j3b.dump"
cmp "$tmp/j1.dump" "$tmp/j3b.dump" || { echo "FAIL: re-ingest with --jobs 3 changed the store"; exit 1; }
echo "ingest: $(wc -l < "$tmp/j1.dump") rows, identical with --jobs 1, 2 and 3"
