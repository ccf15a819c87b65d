#!/usr/bin/env bash
# README command 2: build everything and run all tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure --parallel "$(nproc)"
