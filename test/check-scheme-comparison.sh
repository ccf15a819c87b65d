#!/usr/bin/env bash
# The scheme comparison end to end: every scheme on the same short mobility, the table, the audit,
# the plot; run twice with the same seed, the outputs are byte-identical.
# usage: check-scheme-comparison.sh PROGRAM PLOT_SCRIPT WORKDIR
set -euo pipefail
program=$1
plot=$2
work=$3
rm -rf "$work" && mkdir -p "$work/a" "$work/b"
args=(--pools=2 --enbsPerPool=2 --numUes=1 --distance=200)
(cd "$work/a" && "$program" "${args[@]}" > out.txt 2> err.txt)
(cd "$work/b" && "$program" "${args[@]}" > out.txt 2> err.txt)
fail() { echo "FAIL: $*"; exit 1; }
for f in lte-security-scheme-comparison.csv lte-security-scheme-comparison.md \
         lte-security-key-audit.csv lte-security-key-audit.md; do
  [ -s "$work/a/$f" ] || fail "$f not written"
  cmp -s "$work/a/$f" "$work/b/$f" || fail "$f differs between two runs with the same seed"
done
csv=$work/a/lte-security-scheme-comparison.csv
head -1 "$csv" | grep -qx 'scheme,type,interface,handovers,completed,keys_agree,messages,bytes,security_bytes,extra_messages,latency_ms' \
  || fail "CSV header"
for scheme in off seed ts33401 alt1 alt2; do
  for type in "X2" "S1 intra-MME" "S1 inter-MME"; do
    grep -q "^$scheme,$type,S1-MME," "$csv" || fail "no row for $scheme / $type"
  done
done
# every security run: all handovers completed with agreeing keys
awk -F, 'NR > 1 && $1 != "off" && ($5 != $4 || $6 != $5) { print; bad = 1 } END { exit bad }' "$csv" \
  || fail "a handover did not complete with agreeing keys"
# security off carries no security byte; TS 33.401's X2 IE has one byte more than the seed's
awk -F, 'NR > 1 && $1 == "off" && $9 != 0 { bad = 1 } END { exit bad }' "$csv" || fail "security bytes with security off"
grep -q '^seed,X2,X2,.*,39.00,' "$csv" || fail "seed X2 security bytes"
grep -q '^ts33401,X2,X2,.*,40.00,' "$csv" || fail "ts33401 X2 security bytes"
# alternative 1 prepares through the MME: no security byte on X2, the key and fresh input on S1
grep -q '^alt1,X2,X2,.*,0.00,' "$csv" || fail "alt1 X2 security bytes"
audit=$work/a/lte-security-key-audit.csv
grep -q '^seed, X2 in the pool areas, S1 between them,backward security (compromised target),fails,' "$audit" || fail "audit: seed backward"
grep -q '^ts33401, X2 in the pool areas, S1 between them,backward security (compromised target),holds,' "$audit" || fail "audit: ts33401 backward"
grep -q '^ts33401, X2 in the pool areas, S1 between them,forward security (compromised eNB),after 2 hops,' "$audit" || fail "audit: ts33401 forward"
grep -q '^alt1, X2 in the pool areas, S1 between them,forward security (compromised eNB),after 1 hop,' "$audit" || fail "audit: alt1 forward"
(cd "$work/a" && "$plot" lte-security-scheme-comparison.csv > /dev/null) || fail "plot"
[ -s "$work/a/lte-security-scheme-comparison.png" ] && [ -s "$work/a/lte-security-scheme-comparison.svg" ] || fail "no plot"
echo "scheme comparison: tables, audit and plot checked"
