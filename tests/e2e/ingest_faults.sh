#!/usr/bin/env bash
# Fault injection on the store (issue 8): a full disk (a size-capped database:
# $NEWSGRAPH_MAX_DB_PAGES sets SQLite's max_page_count, so writes fail with
# SQLITE_FULL), a read-only database file, a read-only directory, a database
# locked by another writer (python3's sqlite3 holding BEGIN IMMEDIATE), and
# queries on a database of a newer schema, a truncated file, a non-SQLite
# file, an empty file and a missing one. After each fault: one clear message,
# exit 1, the store intact (integrity_check, every document has all its
# evidence: store_check.py) and unchanged where nothing could be written,
# and re-running the same ingest completes the rest with no duplicates.
# Read-only cases expect as user nobody (setpriv) when expect as root.
set -uo pipefail
NG=$1 ROOT=$2
E2E=$(dirname "$0")
. "$E2E/lib.sh"
chmod 755 "$tmp"
check_store() {  # NAME DB [store_check args]
  local name=$1 db=$2; shift 2
  if python3 "$E2E/store_check.py" "$db" "$@" >"$tmp/check" 2>&1; then ok; else
    bad "$name: store check:"; cat "$tmp/check"; fi
}
no_duplicates() {  # NAME DB N
  python3 - "$2" "$3" <<'PY' || bad "$1: duplicates"
import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
n = int(sys.argv[2])
got = c.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash), COUNT(DISTINCT doc_key) FROM documents").fetchone()
sys.exit(0 if got == (n, n, n) else "documents/hashes/keys %r, want %d" % (got, n))
PY
  [ $? -eq 0 ] && ok
}
# As another user when root (permissions do not stop root).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  as_user() { "$@"; }
fi

docs=$(python3 "$E2E/gen_corpus.py" "$ROOT/examples" "$tmp/corpus" --docs 200 --seed 5)
chmod -R a+rX "$tmp/corpus"

# --- a full disk -------------------------------------------------------------
# Room for the schema and a few pages more (the 200 documents need more).
db=$tmp/full.db
mkdir "$tmp/none"
"$NG" ingest --db "$db" "$tmp/none" 2>/dev/null
schema_pages=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA page_count').fetchone()[0])" "$db")
NEWSGRAPH_MAX_DB_PAGES=$((schema_pages + 4)) expect disk_full 1 "$db: disk full" -- "$NG" ingest --db "$db" --batch 4 "$tmp/corpus"
[ "$(grep -c . "$tmp/err")" -eq 1 ] && ok || { bad "disk_full: more than one line:"; cat "$tmp/err"; }
check_store disk_full "$db"
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM documents').fetchone()[0])" "$db")
if [ "$stored" -gt 0 ] && [ "$stored" -lt "$docs" ]; then ok; else bad "disk_full: $stored of $docs stored (want some, not all)"; fi
expect disk_full_rerun 0 "ingest: $((docs - stored)) new, $stored skipped (already stored), 0 failed" -- "$NG" ingest --db "$db" "$tmp/corpus"
check_store disk_full_rerun "$db" --docs "$docs" --indexes
no_duplicates disk_full_rerun "$db" "$docs"
# Full while the store is being created: nothing half-made stays in the way.
db2=$tmp/full2.db
NEWSGRAPH_MAX_DB_PAGES=4 expect disk_full_create 1 "$db2: disk full" -- "$NG" ingest --db "$db2" "$tmp/corpus/txt"
expect disk_full_create_rerun 0 "ingest: " -- "$NG" ingest --db "$db2" "$tmp/corpus/txt"
check_store disk_full_create_rerun "$db2" --indexes

# --- a read-only database file -------------------------------------------------
mkdir -m 777 "$tmp/rw"
ro=$tmp/rw/ro.db
cp "$db" "$ro"
printf 'Northwind Robotics, a maker of warehouse robots, said Microsoft invested in OpenAI.\n' > "$tmp/new.txt"
chmod 444 "$ro"; chmod 644 "$tmp/new.txt"
before=$(digest "$ro")
expect read_only_file 1 "$ro: the database is read-only" -- as_user "$NG" ingest --db "$ro" "$tmp/new.txt"
[ "$(digest "$ro")" = "$before" ] && ok || bad "read_only_file: the store changed"
expect read_only_file_query 0 "" -- as_user "$NG" stats --db "$ro"
grep -q "^documents *$docs\b\|$docs" "$tmp/out" && ok || { bad "read_only_file_query: output"; cat "$tmp/out"; }
chmod 644 "$ro"
expect read_only_rerun 0 "ingest: 1 new, 0 skipped" -- "$NG" ingest --db "$ro" "$tmp/new.txt"
check_store read_only_rerun "$ro" --docs $((docs + 1)) --indexes

# --- a read-only directory (SQLite cannot create -wal / -shm) -----------------
mkdir "$tmp/ro-dir"
cp "$db" "$tmp/ro-dir/g.db"
rm -f "$tmp/ro-dir/g.db-wal" "$tmp/ro-dir/g.db-shm"
chmod 555 "$tmp/ro-dir"
before=$(digest "$db")
expect read_only_dir 1 "$tmp/ro-dir/g.db: cannot use the database: its directory is not writable" -- as_user "$NG" ingest --db "$tmp/ro-dir/g.db" "$tmp/new.txt"
expect read_only_dir_query 1 "$tmp/ro-dir/g.db: cannot use the database: its directory is not writable" -- as_user "$NG" stats --db "$tmp/ro-dir/g.db"
chmod 755 "$tmp/ro-dir"
cmp -s "$db" "$tmp/ro-dir/g.db" && ok || bad "read_only_dir: the file changed"

# --- a database locked by another writer --------------------------------------
lk=$tmp/lock.db
cp "$db" "$lk"
python3 - "$lk" "$tmp/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")  # the write lock, held until killed
open(sys.argv[2], "w").close()
time.sleep(300)
PY
holder=$!
for _ in $(seq 1 500); do [ -e "$tmp/locked" ] && break; sleep 0.02; done
[ -e "$tmp/locked" ] && ok || bad "locked: the lock holder did not start"
before=$(digest "$lk")
expect locked 1 "$lk: database is locked by another process (waited 300 ms)" -- "$NG" ingest --db "$lk" --busy-timeout 300 "$tmp/new.txt"
[ "$(grep -c . "$tmp/err")" -eq 1 ] && ok || { bad "locked: more than one line:"; cat "$tmp/err"; }
[ "$(digest "$lk")" = "$before" ] && ok || bad "locked: the store changed"
expect locked_query 0 "" -- "$NG" stats --db "$lk"  # readers are not blocked (WAL)
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
check_store locked "$lk" --docs "$docs"
expect locked_rerun 0 "ingest: 1 new, 0 skipped" -- "$NG" ingest --db "$lk" --busy-timeout 300 "$tmp/new.txt"
check_store locked_rerun "$lk" --docs $((docs + 1)) --indexes
expect bad_busy_timeout 2 "ingest: bad --busy-timeout 'soon'" -- "$NG" ingest --db "$lk" --busy-timeout soon "$tmp/new.txt"

# --- queries on databases that are not (this build's) newsgraph stores --------
cp "$db" "$tmp/newer.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 999'); c.commit()" "$tmp/newer.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()" "$db"
head -c $(( $(stat -c %s "$db") / 2 )) "$db" > "$tmp/truncated.db"
head -c 60 "$db" > "$tmp/stub.db"
printf 'plain text, not a database at all; long enough to fill a header\n%.0s' {1..10} > "$tmp/text.db"
: > "$tmp/empty.db"
declare -A want=(
  [newer.db]="written by a newer newsgraph (schema 999, this build knows"
  [truncated.db]="the database file is corrupt"
  [stub.db]="the database file is corrupt"
  [text.db]="not a newsgraph database (not an SQLite file)"
  [empty.db]="an empty database (nothing ingested yet)"
  [missing.db]="no such database"
)
for f in newer.db truncated.db stub.db text.db empty.db missing.db; do
  sum_before=$(sha256sum "$tmp/$f" 2>/dev/null)
  for verb in "stats" "entity|NVIDIA" "alliances" "timeline|NVIDIA" "sql|SELECT 1"; do
    IFS='|' read -ra argv <<<"$verb"
    expect "query_$f:$verb" 1 "newsgraph: $tmp/$f: ${want[$f]}" -- "$NG" "${argv[@]}" --db "$tmp/$f"
    [ "$(grep -c . "$tmp/err")" -eq 1 ] && ok || { bad "query_$f:$verb: not one line:"; cat "$tmp/err"; }
  done
  [ "$(sha256sum "$tmp/$f" 2>/dev/null)" = "$sum_before" ] && ok || bad "query_$f: the file changed"
done

finish
