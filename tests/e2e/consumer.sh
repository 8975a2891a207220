#!/usr/bin/env bash
# The installed library and CLI (issue 6): installs the build tree into a
# temporary prefix, moves the installed tree elsewhere (a relocated prefix),
# builds examples/cpp once with CMake find_package and once with pkg-config,
# runs both and checks the AIP members they print against the gold relations
# of the sample article. Then checks the installed CLI: it finds the
# resources of its own (moved) tree, NEWSGRAPH_RESOURCES and --resources
# override them, and --dict/--rules add a user's files on top of the
# defaults.
# Usage: consumer.sh CMAKE SOURCE_DIR BUILD_DIR
set -euo pipefail
CMAKE=$1 SRC=$2 BUILD=$3
ARTICLE=$SRC/examples/zh/zh-01-aip-expands.txt
GOLD=$SRC/examples/gold/zh-01-aip-expands.relations.jsonl
for tool in c++ pkg-config make python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# The test environment points NEWSGRAPH_RESOURCES at the source tree; the
# installed programs must do without it.
unset NEWSGRAPH_RESOURCES

# --- install, then move the tree
"$CMAKE" --install "$BUILD" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "cmake --install"; }
mv "$tmp/prefix" "$tmp/moved"
P=$tmp/moved
[ -x "$P/bin/newsgraph" ] || fail "no bin/newsgraph"
[ -f "$P/share/newsgraph/schemas/relation_types.tsv" ] || fail "no share/newsgraph/schemas"
[ -d "$P/share/newsgraph/dictionaries/rules" ] || fail "no share/newsgraph/dictionaries/rules"
lib=$(find "$P" -name 'libnewsgraph.so' | head -1)
[ -n "$lib" ] || fail "no libnewsgraph.so"
pc=$(find "$P" -name newsgraph.pc | head -1)
[ -n "$pc" ] || fail "no newsgraph.pc"
config=$(find "$P" -name newsgraphConfig.cmake | head -1)
[ -n "$config" ] || fail "no newsgraphConfig.cmake"
[ -f "$(dirname "$config")/newsgraphConfigVersion.cmake" ] || fail "no newsgraphConfigVersion.cmake"
# Every public header is installed, nothing else.
diff <(cd "$SRC/lib/include/newsgraph" && ls ./*.h) <(cd "$P/include/newsgraph" && ls ./*.h) ||
  fail "installed headers differ from lib/include/newsgraph"

# --- expected members: gold member_of relations (not negated) of AIP and of
# every name renamed to AIP
expected=$(python3 - "$GOLD" <<'PY'
import json, sys
rels = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
names = {"AIP"} | {r["subject"] for r in rels
                   if r["relation"] == "renamed_to" and r["object"] == "AIP"}
members = {r["subject"] for r in rels
           if r["relation"] == "member_of" and r["object"] in names
           and r.get("tier") == "required"
           and r.get("status", "asserted") not in ("negated", "denied")}
print("\n".join(sorted(members)))
PY
)
[ -n "$expected" ] || fail "no expected members in $GOLD"

check_output() {  # name output-file
  local got
  grep -q '^AIP members ([0-9]*):$' "$2" || { cat "$2"; fail "$1: no 'AIP members' line"; }
  got=$(sed -n 's/^  \(.*\) (\(founding_member\|member\), since .*)$/\1/p' "$2" | sort)
  if [ "$got" != "$expected" ]; then
    echo "expected:"; echo "$expected"; echo "got:"; echo "$got"
    fail "$1: wrong AIP members"
  fi
  # The default resources are the installed (moved) ones.
  local want; want=$(cd "$P/share/newsgraph" && pwd -P)
  grep -qF "resources: $want (" "$2" || { head -1 "$2"; fail "$1: resources not from $want"; }
  echo "ok: $1 prints $(echo "$expected" | wc -l) AIP members"
}

# --- consumer built with CMake find_package
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
"$CMAKE" -S "$SRC/examples/cpp" -B "$tmp/cmake-build" "${gen[@]}" \
  -DCMAKE_PREFIX_PATH="$P" -DCMAKE_BUILD_TYPE=Release >"$tmp/cfg.log" 2>&1 ||
  { cat "$tmp/cfg.log"; fail "configure examples/cpp with find_package"; }
"$CMAKE" --build "$tmp/cmake-build" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; fail "build examples/cpp with CMake"; }
(cd "$tmp" && "$tmp/cmake-build/aip_members" "$ARTICLE") >"$tmp/out-cmake.txt" ||
  { cat "$tmp/out-cmake.txt"; fail "aip_members (CMake build) failed"; }
check_output "find_package build" "$tmp/out-cmake.txt"

# --- consumer built with pkg-config (examples/cpp/Makefile)
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --cflags --libs newsgraph) || fail "pkg-config --cflags --libs newsgraph"
case "$flags" in *"-lnewsgraph"*) ;; *) fail "pkg-config gives no -lnewsgraph: $flags" ;; esac
cp "$SRC/examples/cpp/Makefile" "$SRC/examples/cpp/aip_members.cc" "$tmp/"
mkdir -p "$tmp/pc-build" && mv "$tmp/Makefile" "$tmp/aip_members.cc" "$tmp/pc-build/"
make -C "$tmp/pc-build" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; fail "make (pkg-config)"; }
(cd "$tmp" && "$tmp/pc-build/aip_members" "$ARTICLE") >"$tmp/out-pc.txt" ||
  { cat "$tmp/out-pc.txt"; fail "aip_members (pkg-config build) failed"; }
check_output "pkg-config build" "$tmp/out-pc.txt"

# --- the installed CLI
NG=$P/bin/newsgraph
(cd "$tmp" && "$NG" extract "$ARTICLE") >"$tmp/cli.jsonl" || fail "installed newsgraph extract"
grep -q '"relation":"member_of"' "$tmp/cli.jsonl" || fail "installed CLI extracts no member_of"

# A user's own entity and rule, in our words.
cat >"$tmp/user.jsonl" <<'JSONL'
{"name": "Qorvix Labs", "type": "company", "aliases": ["奎维实验室"]}
JSONL
cat >"$tmp/user.rules" <<'RULES'
rule user.outfits
  pattern {S:company}\s+(?:outfits|outfitted)\s+{O:company}\s+with\b
  emit supplier_of S O
RULES
printf 'Qorvix Labs outfits NVIDIA with liquid cooling racks.\n' >"$tmp/user.txt"
has_user_relation() { grep -q '"rule":"user.outfits"' "$1" && grep -q '"name":"Qorvix Labs"' "$1"; }

"$NG" extract --date 2025-01-01 "$tmp/user.txt" >"$tmp/u0.jsonl" || fail "extract without user files"
! has_user_relation "$tmp/u0.jsonl" || fail "user relation found without --dict/--rules"
"$NG" extract --date 2025-01-01 --dict "$tmp/user.jsonl" --rules "$tmp/user.rules" \
  "$tmp/user.txt" >"$tmp/u1.jsonl" || fail "extract with --dict/--rules"
has_user_relation "$tmp/u1.jsonl" || { cat "$tmp/u1.jsonl"; fail "--dict/--rules not applied"; }
# ... and the defaults are still loaded with them.
"$NG" extract --dict "$tmp/user.jsonl" --rules "$tmp/user.rules" "$ARTICLE" >"$tmp/u2.jsonl" ||
  fail "extract the article with --dict/--rules"
cmp -s "$tmp/cli.jsonl" "$tmp/u2.jsonl" || fail "--dict/--rules changed the article's relations"
echo "ok: --dict/--rules add to the defaults"

# Files dropped into the installed resources are defaults: this proves the
# CLI reads the resources of its own moved tree ...
cp "$tmp/user.jsonl" "$P/share/newsgraph/dictionaries/entities/zz-user.jsonl"
cp "$tmp/user.rules" "$P/share/newsgraph/dictionaries/rules/zz-user.rules"
"$NG" extract --date 2025-01-01 "$tmp/user.txt" >"$tmp/u3.jsonl" || fail "extract with installed user files"
has_user_relation "$tmp/u3.jsonl" || fail "the installed CLI does not read $P/share/newsgraph"
# ... and that NEWSGRAPH_RESOURCES and --resources override them.
NEWSGRAPH_RESOURCES=$SRC "$NG" extract --date 2025-01-01 "$tmp/user.txt" >"$tmp/u4.jsonl" ||
  fail "extract with NEWSGRAPH_RESOURCES"
! has_user_relation "$tmp/u4.jsonl" || fail "NEWSGRAPH_RESOURCES does not override the installed resources"
"$NG" extract --resources "$SRC" --date 2025-01-01 "$tmp/user.txt" >"$tmp/u5.jsonl" ||
  fail "extract with --resources"
! has_user_relation "$tmp/u5.jsonl" || fail "--resources does not override the installed resources"
# A resource directory without schemas is one clear error.
set +e
"$NG" extract --resources "$tmp/nowhere" "$tmp/user.txt" >/dev/null 2>"$tmp/err.txt"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "--resources nowhere: exit $rc, expected 1"
grep -q "nowhere" "$tmp/err.txt" || { cat "$tmp/err.txt"; fail "--resources nowhere: message names no directory"; }
echo "ok: installed CLI finds its resources; NEWSGRAPH_RESOURCES and --resources override"
