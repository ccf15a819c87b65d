#!/usr/bin/env bash
# README command 1: build everything and run the main example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "$root/build" && ./bin/lte-security-x2-handover "$@"
