#!/usr/bin/env bash
# Shared by the README commands: installs what is missing, configures and builds everything in build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup-deps.sh

# ccache: hash paths relative to the checkout, so another clone of the project reuses the cache.
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=true

args=("$@")
if [ -n "${NS3_SOURCE_DIR:-}" ]; then
  args+=("-DNS3_SOURCE_DIR=$NS3_SOURCE_DIR")
fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${args[@]}"
elif [ ${#args[@]} -gt 0 ]; then
  cmake -S . -B build "${args[@]}"
fi
cmake --build build --parallel "$(nproc)"
