#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12 (idempotent: installs only what is missing).
set -euo pipefail

PKGS=(g++ cmake ninja-build ccache pkg-config python3 patch rsync libssl-dev libsqlite3-dev libboost-test-dev libipsec-mb-dev bzip2 xz-utils valgrind tshark clang libclang-rt-14-dev python3-matplotlib slurm-wlm munge)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing packages (${missing[*]}) and no apt-get; install them by hand" >&2
    exit 1
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
