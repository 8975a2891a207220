#!/usr/bin/env bash
# Two processes (issue 4): one ingesting, one querying the store in a loop
# through Python's sqlite3 (read-only). The reader must never see "database
# is locked" nor a half-written batch, and never wait for a batch: its
# slowest snapshot must be far shorter than the writer's transactions. (Its
# 2 s busy timeout only covers the instant the last writer closes the file
# and folds the WAL back into it.)
set -euo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
db=$tmp/g.db
docs=$(python3 "$E2E/gen_corpus.py" "$ROOT/examples" "$tmp/corpus" --docs 1500 --seed 5)
# The store exists (and is in WAL mode) before the reader starts.
"$NG" ingest --db "$db" "$ROOT/examples/en/en-01-aip-expands.txt" 2>/dev/null

"$NG" ingest --db "$db" --batch 8 "$tmp/corpus" 2>"$tmp/err" &
pid=$!
python3 - "$db" "$pid" <<'PY'
import os, sqlite3, sys, time
db, pid = sys.argv[1], int(sys.argv[2])
def alive():  # the ingest is the shell's child: a zombie once it exits
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
reads = 0
last = -1
errors = []
slowest = 0.0
while True:
    running = alive()
    t = time.time()
    try:
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=2)
        c.execute("BEGIN")
        docs, promised = c.execute(
            "SELECT COUNT(*), COALESCE(SUM(relation_count), 0) FROM documents").fetchone()
        evidence = c.execute("SELECT COUNT(*) FROM evidence").fetchone()[0]
        members = c.execute("SELECT COUNT(*) FROM alliance_members").fetchone()[0]
        c.execute("COMMIT")
        c.close()
        reads += 1
        slowest = max(slowest, time.time() - t)
        if evidence != promised:
            errors.append("snapshot with %d evidence rows for %d promised" % (evidence, promised))
        if docs < last:
            errors.append("document count went back from %d to %d" % (last, docs))
        last = docs
    except sqlite3.Error as e:
        errors.append("%s: %s" % (type(e).__name__, e))
    if errors or not running:
        break
    time.sleep(0.002)
print("reader: %d consistent snapshots while ingesting, last saw %d documents, "
      "slowest %.3f s" % (reads, last, slowest))
if slowest > 1.0:
    errors.append("a snapshot took %.2f s: the reader waited for the writer" % slowest)
for e in errors[:5]:
    print("FAIL reader:", e)
sys.exit(1 if errors or reads < 5 else 0)
PY
wait "$pid"; pid=
cat "$tmp/err"
python3 "$E2E/store_check.py" "$db" --docs "$((docs + 1))"
