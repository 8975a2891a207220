#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/ and runs each for a given time.
#
#   usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 60; TARGETs default to all of: text html
# jsonl dict rules amount date extract. Seeds come from examples/,
# tests/golden/, dictionaries/ and tests/fuzz/seeds/; what the fuzzer learns
# is kept in build-fuzz/fuzz/corpus/<target>/ for the next run. Prints the
# executions of every target (libFuzzer's final stats) and exits 1 when any
# target crashed, broke an invariant, leaked or timed out; the input is then
# in build-fuzz/fuzz/artifacts/. Needs clang and libclang-rt-14-dev (Debian);
# installs them with apt-get when run as root or with sudo.
# Environment: BUILD_DIR (default build-fuzz), FUZZ_JOBS (build
# parallelism, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-60}
shift || true
ALL=(text html jsonl dict rules amount date extract)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")
BUILD=${BUILD_DIR:-$ROOT/build-fuzz}

case $SECONDS_PER_TARGET in
  ''|*[!0-9]*) echo "fuzz.sh: bad SECONDS_PER_TARGET '$SECONDS_PER_TARGET' (a number)" >&2; exit 2 ;;
esac
for t in "${TARGETS[@]}"; do
  case " ${ALL[*]} " in *" $t "*) ;; *)
    echo "fuzz.sh: unknown target '$t' (one of: ${ALL[*]})" >&2; exit 2 ;;
  esac
done

# clang and its fuzzer runtime (Debian: clang, libclang-rt-14-dev).
have_fuzzer_rt() {
  command -v clang++ >/dev/null 2>&1 &&
    compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a' >/dev/null
}
if ! have_fuzzer_rt; then
  pkgs=(clang libclang-rt-14-dev)
  if [ "$(id -u)" -eq 0 ]; then SUDO=""
  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo
  else
    echo "fuzz.sh: clang with libFuzzer is missing; as root run: apt-get install -y ${pkgs[*]}" >&2
    exit 1
  fi
  echo "fuzz.sh: installing ${pkgs[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi
./scripts/install-deps.sh

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${launcher[@]}" -DNEWSGRAPH_FUZZ=ON \
  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  >/dev/null
targets=()
for t in "${TARGETS[@]}"; do targets+=(--target "fuzz_$t"); done
# The build's output goes to a log; where it fails, its end is shown.
build_log=$BUILD/fuzz-build.log
if ! cmake --build "$BUILD" --parallel "${FUZZ_JOBS:-2}" "${targets[@]}" >"$build_log" 2>&1; then
  echo "fuzz.sh: building the fuzz targets failed; the end of $build_log:" >&2
  tail -n 30 "$build_log" >&2
  exit 1
fi

# Seed directories per target (read only; libFuzzer reads them recursively).
seeds() {
  local s=$ROOT/tests/fuzz/seeds
  case $1 in
    text)    echo "$ROOT/examples/en $ROOT/examples/zh $ROOT/tests/golden" ;;
    html)    echo "$ROOT/examples/html" ;;
    jsonl)   echo "$s/jsonl $ROOT/examples" ;;
    dict)    echo "$s/dict $ROOT/dictionaries/entities" ;;
    rules)   echo "$s/rules $ROOT/dictionaries/rules" ;;
    amount)  echo "$s/amount $ROOT/tests/golden" ;;
    date)    echo "$s/date $ROOT/tests/golden" ;;
    extract) echo "$ROOT/examples/en $ROOT/examples/zh $ROOT/tests/golden" ;;
  esac
}

export NEWSGRAPH_RESOURCES=$ROOT
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$BUILD/fuzz/artifacts" "$BUILD/fuzz/logs"
failed=0 total=0
printf '%-8s %14s %10s %8s  %s\n' target executions exec/s corpus result
for t in "${TARGETS[@]}"; do
  corpus=$BUILD/fuzz/corpus/$t
  log=$BUILD/fuzz/logs/$t.log
  mkdir -p "$corpus"
  # shellcheck disable=SC2046
  set +e
  "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
    -timeout=60 -rss_limit_mb=3072 -max_len=65536 \
    -artifact_prefix="$BUILD/fuzz/artifacts/$t-" \
    "$corpus" $(seeds "$t") >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ "$rc" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|runtime error:|invariant broken|^SUMMARY: ' "$log"; then
    result="FAILED (exit $rc; see $log)"
    failed=$((failed + 1))
  fi
  total=$((total + ${execs:-0}))
  printf '%-8s %14s %10s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "$units" "$result"
  if [ "$result" != ok ]; then
    grep -E 'invariant broken|ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -8 | sed 's/^/    /'
  fi
done
printf '%-8s %14s\n' total "$total"
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: $failed target(s) failed" >&2
  exit 1
fi
