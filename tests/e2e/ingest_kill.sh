#!/usr/bin/env bash
# Kill during ingest (issue 4): start `newsgraph ingest` on a generated corpus,
# SIGKILL it a random short moment after it starts writing, check that the
# store is intact (integrity_check; every document has exactly the evidence
# rows its relation_count says; aggregates match), repeat; then finish the
# ingest and check that every document is stored exactly once.
set -euo pipefail
NG=$1 ROOT=$2 ROUNDS=${3:-10}
E2E=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
docs=$(python3 "$E2E/gen_corpus.py" "$ROOT/examples" "$tmp/corpus" --docs 4000 --seed 11)

python3 - "$NG" "$db" "$tmp/corpus" "$ROUNDS" "$E2E" <<'PY'
import os, random, signal, sqlite3, subprocess, sys, time
ng, db, corpus, rounds, e2e = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
sys.path.insert(0, e2e)
from store_check import check

def stored():
    if not os.path.exists(db):
        return 0
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0
    finally:
        c.close()

rng = random.Random(4242)
prev = 0
mid_write = 0
for r in range(1, rounds + 1):
    p = subprocess.Popen([ng, "ingest", "--db", db, "--batch", "8", corpus],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait for the first commit of this run, then a random short delay.
    deadline = time.time() + 60
    while p.poll() is None and stored() <= prev and time.time() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 1.5))
    running = p.poll() is None
    if running:
        p.send_signal(signal.SIGKILL)
        mid_write += 1
    p.wait()
    counts, errors = check(db)
    if errors:
        sys.exit("FAIL round %d: %s" % (r, errors))
    n = counts["documents"]
    if n < prev:
        sys.exit("FAIL round %d: documents went from %d to %d" % (r, prev, n))
    print("round %d: %s; %d documents stored, store intact" %
          (r, "killed mid-ingest" if running else "finished before the kill", n))
    prev = n
if mid_write < rounds // 2:
    sys.exit("FAIL: only %d of %d kills landed while ingest was writing" % (mid_write, rounds))
PY

"$NG" ingest --db "$db" "$tmp/corpus" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
cat "$tmp/err"
out=$(python3 "$E2E/store_check.py" "$db" --docs "$docs" --indexes) || { echo "FAIL final: $out"; exit 1; }
python3 - "$out" "$docs" <<'PY'
import json, sys
c, n = json.loads(sys.argv[1]), int(sys.argv[2])
assert c["distinct_hashes"] == n and c["distinct_keys"] == n, ("duplicates", c)
PY
echo "ok: final $out"
