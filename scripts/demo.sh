#!/usr/bin/env bash
# Builds newsgraph if needed and runs it on the bundled sample articles:
# extracts relations from examples/ and prints them as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
NG=./build/bin/newsgraph
echo "== relations in the sample articles (examples/zh, examples/en, examples/corpus.jsonl)"
"$NG" extract --format table examples/zh/*.txt examples/en/*.txt examples/corpus.jsonl
