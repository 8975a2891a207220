#!/usr/bin/env bash
# Builds newsgraph and runs every test (unit, golden, end-to-end, and the
# scores on ../shared when that folder exists).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
