#!/usr/bin/env bash
# Finds the ns-3.37 source and prints the path of the ns-3.37 folder on stdout.
# Order: $1 (an ns-3.37 tree given with -DNS3_SOURCE_DIR), a tarball in the cache, the Debian source
# package ns3 3.37, the upstream release tarball. Every tarball is checked against a pinned SHA-256.
# Usage: fetch-ns3.sh [NS3_SOURCE_DIR] CACHE_DIR
set -euo pipefail

NS3_VERSION=3.37
TARBALL=ns-allinone-${NS3_VERSION}.tar.bz2
# SHA-256 of Debian's ns3_3.37.orig.tar.bz2, expected to be the unchanged upstream ns-allinone-3.37.tar.bz2.
SHA256=dfa5ca1994ff3dbe1d4b23cef54e05e6079f5707a2ed6055f717bdd5b458c38d
UPSTREAM_URL=https://www.nsnam.org/releases/${TARBALL}

given=${1:-}
cache=${2:?cache dir}
tried=()

log() { echo "fetch-ns3: $*" >&2; }

check_tree() {
  [ -f "$1/CMakeLists.txt" ] && [ -d "$1/src/lte" ] && grep -q "3.37" "$1/VERSION" 2>/dev/null
}

if [ -n "$given" ]; then
  if check_tree "$given"; then
    echo "$given"
    exit 0
  fi
  log "NS3_SOURCE_DIR=$given is not an ns-3.37 source tree (needs VERSION 3.37, CMakeLists.txt, src/lte)"
  exit 1
fi

mkdir -p "$cache"
tarball="$cache/$TARBALL"

verify() {
  echo "$SHA256  $1" | sha256sum -c --status
}

extract() {
  local dest="$cache/src"
  if [ ! -f "$dest/.complete" ]; then
    rm -rf "$dest"
    mkdir -p "$dest"
    log "extracting $tarball"
    tar -xjf "$tarball" -C "$dest" --wildcards "ns-allinone-${NS3_VERSION}/ns-${NS3_VERSION}/*"
    touch "$dest/.complete"
  fi
  echo "$dest/ns-allinone-${NS3_VERSION}/ns-${NS3_VERSION}"
}

# 1. cache
if [ -f "$tarball" ]; then
  if verify "$tarball"; then
    extract
    exit 0
  fi
  log "cached $tarball has the wrong SHA-256; removing it"
  rm -f "$tarball"
fi
tried+=("cache: no verified $tarball")

# 2. Debian source package
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if [ -f /etc/debian_version ] && ! apt-cache showsrc ns3 2>/dev/null | grep -q "^Version: ${NS3_VERSION}"; then
    # Add a deb-src entry mirroring the configured Debian suites, then refresh the lists.
    if [ ! -f /etc/apt/sources.list.d/lte-security-src.sources ]; then
      codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
      log "adding a deb-src entry for $codename main"
      printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$codename" | $SUDO tee /etc/apt/sources.list.d/lte-security-src.sources >/dev/null || true
    fi
    $SUDO apt-get update -qq >&2 || true
  fi
  work=$(mktemp -d)
  if (cd "$work" && apt-get source --download-only "ns3=${NS3_VERSION}-2" >&2 2>&1 || apt-get source --download-only ns3 >&2 2>&1); then
    orig=$(ls "$work"/ns3_${NS3_VERSION}.orig.tar.* 2>/dev/null | head -n1 || true)
    if [ -n "$orig" ] && verify "$orig"; then
      mv "$orig" "$tarball"
      rm -rf "$work"
      extract
      exit 0
    fi
    tried+=("Debian source package ns3: downloaded but no ns3_${NS3_VERSION}.orig.tar.bz2 with the pinned SHA-256")
  else
    tried+=("Debian source package ns3 ${NS3_VERSION}: apt-get source failed (no deb-src entry or no network)")
  fi
  rm -rf "$work"
else
  tried+=("Debian source package: no apt-get")
fi

# 3. upstream
if command -v curl >/dev/null 2>&1 && curl -fsSL --connect-timeout 15 -o "$tarball.part" "$UPSTREAM_URL"; then
  if verify "$tarball.part"; then
    mv "$tarball.part" "$tarball"
    extract
    exit 0
  fi
  tried+=("upstream $UPSTREAM_URL: SHA-256 mismatch")
else
  tried+=("upstream $UPSTREAM_URL: download failed")
fi
rm -f "$tarball.part"

log "could not obtain the ns-3.37 source. Tried:"
for t in "${tried[@]}"; do log "  - $t"; done
log "Supply it with -DNS3_SOURCE_DIR=/path/to/ns-3.37, or put $TARBALL (SHA-256 $SHA256) into $cache/"
exit 1
