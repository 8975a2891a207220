# Shared by the e2e scripts that count checks. Source it first:
#   . "$(dirname "$0")/lib.sh"
# It gives a temporary directory $tmp (removed on exit), the counters and
# the checks built on them; end the script with `finish`.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ok() { passes=$((passes+1)); }
bad() { echo "FAIL $*"; fails=$((fails+1)); }

# expect NAME WANT_EXIT STDERR_SUBSTRING -- command...: runs the command with
# stdout in $tmp/out and stderr in $tmp/err; passes when it exits with
# WANT_EXIT and (unless the substring is "") stderr contains the substring.
expect() {
  local name=$1 code=$2 needle=$3; shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ] || { [ -n "$needle" ] && ! grep -qF -- "$needle" "$tmp/err"; }; then
    bad "$name: exit $got (want $code, '$needle'), stderr:"; cat "$tmp/err"
  else
    ok
  fi
}

# digest DB: a SHA-256 of the store's content (a logical dump, so WAL state
# is covered).
digest() {
  python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
h = hashlib.sha256()
for line in c.iterdump():
    h.update(line.encode())
print(h.hexdigest())
PY
}

# finish: prints the counts; succeeds when no check failed.
finish() {
  echo "$passes passed, $fails failed"
  [ "$fails" -eq 0 ]
}
