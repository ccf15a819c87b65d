#!/usr/bin/env bash
# Makes the working ns-3 tree: a copy of the pristine ns-3.37 source, every patch of PATCH_DIR applied
# in order, and the lte-security module linked into its contrib/. Files that end up unchanged keep
# their time stamps, so a rebuild after a patch change recompiles only what the patch touched.
# Usage: prepare-ns3-tree.sh PRISTINE WORK PATCH_DIR MODULE_DIR
set -euo pipefail
pristine=$1
work=$2
patches=$3
module=$4

stage="$work.stage"
rm -rf "$stage"
mkdir -p "$stage"
cp -a "$pristine/." "$stage/"

shopt -s nullglob
for p in "$patches"/*.patch; do
  name=$(basename "$p")
  if ! out=$(patch -d "$stage" -p1 --forward --batch --no-backup-if-mismatch -r - < "$p" 2>&1); then
    bad=$(printf '%s\n' "$out" | awk '
      /^\+\+\+ /{sub(/^\+\+\+ [ab]\//,""); sub(/\t.*/,""); f=$0}
      /^patching file /{f=substr($0,15)}
      /FAILED|can.t find file|malformed|Reversed/{print f; exit}')
    echo "prepare-ns3-tree: patch $name does not apply to ns-3.37 (file: ${bad:-unknown})" >&2
    printf '%s\n' "$out" | sed 's/^/  /' >&2
    rm -rf "$stage"
    exit 1
  fi
done

mkdir -p "$work"
# Bring the staged tree over, keeping our build outputs and leaving unchanged files untouched.
rsync -a --checksum --delete \
  --exclude=/build/ --exclude=/cmake-cache/ --exclude=/contrib/lte-security \
  "$stage/" "$work/"
rm -rf "$stage"
ln -sfn "$module" "$work/contrib/lte-security"
