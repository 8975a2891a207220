#!/usr/bin/env bash
# Builds newsgraph with AddressSanitizer + UndefinedBehaviorSanitizer into
# ./build-asan and runs the unit and golden tests under them. Any sanitizer
# report aborts the test that triggered it, so the run fails on the first
# report. Extra arguments go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
BUILD=${NEWSGRAPH_ASAN_BUILD:-build-asan}
FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
start=$(date +%s)
# Debug with -O1: the optimisation level AddressSanitizer recommends (fast
# enough to run the tests, frames still readable in reports).
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_CXX_FLAGS="$FLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  "${launcher[@]}" "$@" >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)"
built=$(date +%s)

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$BUILD" --output-on-failure --parallel "$(nproc)" -L unit
ctest --test-dir "$BUILD" --output-on-failure --parallel "$(nproc)" -R golden
end=$(date +%s)
echo "sanitize: build $((built - start)) s, tests $((end - built)) s"
