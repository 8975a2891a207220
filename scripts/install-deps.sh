#!/usr/bin/env bash
# Installs newsgraph's build and test dependencies from Debian packages
# (Debian 12 "bookworm"). Installs only what is missing; says what it needs
# when it cannot install (not root and no sudo).
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config make python3
  libicu-dev libre2-dev libpcre2-dev libvectorscan-dev libsqlite3-dev libfmt-dev libboost-graph-dev
  nlohmann-json3-dev libsimdjson-dev libmimalloc-dev catch2 libxml2-dev python3-jsonschema
  graphviz python3-networkx python3-ahocorasick
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "newsgraph: installing missing packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "newsgraph: cannot install packages (not root, no sudo). Please run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
