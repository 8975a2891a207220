#!/usr/bin/env bash
# Kill during ingest (issues 4 and 8): start `newsgraph ingest` on a generated
# corpus and SIGKILL it at a random point, KILLS times (default 50): mostly a
# random short moment after the run's first commit (mid-write), sometimes a
# random moment after start (resource loading, store creation, the first
# batch). After every kill the store must be intact (integrity_check; every
# document has exactly the evidence rows its relation_count says; aggregates
# match) and never lose documents; then the ingest is finished and every
# document must be stored exactly once.
#   usage: ingest_kill.sh NG ROOT [KILLS] [DOCS]
set -euo pipefail
NG=$1 ROOT=$2 KILLS=${3:-50} DOCS=${4:-400}
E2E=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/g.db
docs=$(python3 "$E2E/gen_corpus.py" "$ROOT/examples" "$tmp/corpus" --docs "$DOCS" --seed 11)

python3 - "$NG" "$db" "$tmp/corpus" "$KILLS" "$E2E" "$docs" <<'PY'
import os, random, signal, sqlite3, subprocess, sys, time
ng, db, corpus, kills_wanted, e2e = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
total = int(sys.argv[6])
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

def schema_less():
    # A kill while the store was being created leaves a file without
    # tables (the first migration is one transaction): the next run creates
    # the store in it.
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        return c.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        c.close()

rng = random.Random(4242)
prev = 0
kills = mid_write = early = finished = restarts = 0
r = 0
while kills < kills_wanted and r < 4 * kills_wanted:
    r += 1
    if prev >= total:
        # Everything is stored: start a new store so that the next run has
        # work to be killed in (a fast machine finishes the corpus early).
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        prev = 0
        restarts += 1
    p = subprocess.Popen([ng, "ingest", "--db", db, "--batch", "4", corpus],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.time()
    wrote = False
    if rng.random() < 0.2:
        # Anywhere from start-up on: loading, opening or creating the
        # store, extracting the first batch.
        time.sleep(rng.uniform(0.0, 1.5))
    else:
        # Wait for the first commit of this run, then a random short delay.
        while p.poll() is None and stored() <= prev and time.time() < started + 60:
            time.sleep(0.01)
        wrote = stored() > prev
        time.sleep(rng.uniform(0.0, 0.4))
    running = p.poll() is None
    if running:
        p.send_signal(signal.SIGKILL)
        kills += 1
        if wrote:
            mid_write += 1
        else:
            early += 1
    else:
        finished += 1
    p.wait()
    if os.path.exists(db) and not schema_less():
        counts, errors = check(db)
        if errors:
            sys.exit("FAIL round %d: %s" % (r, errors))
        n = counts["documents"]
    else:
        n = 0
    if n < prev:
        sys.exit("FAIL round %d: documents went from %d to %d" % (r, prev, n))
    prev = n
print("%d kills (%d after a commit of the run, %d earlier), %d runs finished "
      "before the kill, %d fresh stores; %d documents stored, store intact "
      "after every kill" % (kills, mid_write, early, finished, restarts, prev))
if kills < kills_wanted:
    sys.exit("FAIL: only %d kills landed while ingest was running" % kills)
if mid_write < kills_wanted // 2:
    sys.exit("FAIL: only %d of %d kills landed while ingest was writing" % (mid_write, kills))
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
