#!/usr/bin/env bash
# A slow feed on standard input (issue 7: keeping up with a firehose): a
# document is extracted, printed or stored while the feed pauses, not once a
# buffer fills or the feed ends. The feed is a named pipe that sends one
# line, waits until the first document's output (or its store row) is
# there, then sends a second line and ends.
set -uo pipefail
NG=$1
E2E=$(dirname "$0")
. "$E2E/lib.sh"
mkfifo "$tmp/feed"
doc_a='{"id":"a","date":"2025-03-20","text":"微软宣布向OpenAI投资100亿美元。"}'
doc_b='{"id":"b","date":"2025-03-21","text":"Google acquired Wiz for $32 billion."}'

# until SECONDS CMD...: retries CMD every 0.2 s; fails after SECONDS.
until_ok() {
  local limit=$1; shift
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# feed NAME CHECK...: runs the command in $cmd reading the feed; sends doc a,
# waits for CHECK, sends doc b and ends the feed. Leaves the exit status in
# $rc.
feed() {
  local name=$1; shift
  "${cmd[@]}" <"$tmp/feed" >"$tmp/out" 2>"$tmp/err" &
  local pid=$!
  exec 3>"$tmp/feed"
  echo "$doc_a" >&3
  if until_ok 60 "$@"; then ok; else bad "$name: nothing before the feed went on"; fi
  echo "$doc_b" >&3
  exec 3>&-
  wait "$pid"; rc=$?
}

# extract: the first document's relation is printed during the pause.
cmd=("$NG" extract -)
feed extract grep -q '"doc":"a"' "$tmp/out"
[ "$rc" -eq 0 ] && ok || { bad "extract: exit $rc"; cat "$tmp/err"; }
grep -q '"doc":"a".*"relation":"investor_in"' "$tmp/out" && ok || bad "extract: no record for a"
grep -q '"doc":"b".*"relation":"acquired"' "$tmp/out" && ok || bad "extract: no record for b"
[ "$(grep -c '"doc":"a"' "$tmp/out")" -eq 1 ] && ok || bad "extract: a printed more than once"

# extract --jobs 2: the same, from worker threads.
cmd=("$NG" extract --jobs 2 -)
feed "extract --jobs 2" grep -q '"doc":"a"' "$tmp/out"
[ "$rc" -eq 0 ] && ok || { bad "extract --jobs 2: exit $rc"; cat "$tmp/err"; }
grep -q '"doc":"b"' "$tmp/out" && ok || bad "extract --jobs 2: no record for b"

# ingest into a new store: the first document is committed during the
# pause, with the store's indexes in place (the bulk load ends there).
for jobs in 1 2; do
  db=$tmp/g$jobs.db
  cmd=("$NG" ingest --jobs "$jobs" --db "$db" -)
  feed "ingest --jobs $jobs" python3 "$E2E/store_check.py" "$db" --docs 1 --indexes
  [ "$rc" -eq 0 ] && ok || { bad "ingest --jobs $jobs: exit $rc"; cat "$tmp/err"; }
  grep -q "^ingest: 2 new, 0 skipped" "$tmp/err" && ok || { bad "ingest --jobs $jobs: summary"; cat "$tmp/err"; }
  python3 "$E2E/store_check.py" "$db" --docs 2 --indexes >/dev/null && ok || bad "ingest --jobs $jobs: store check"
done

finish
