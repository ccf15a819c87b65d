#!/usr/bin/env bash
# plot-study.py on the committed reference study: it draws the four plots and regenerates the
# committed study.md byte for byte from the committed summary.csv and handovers.csv, and its
# totals count every attempt of handovers.csv.
#   check-plot-study.sh <plot-study.py> <doc/study folder>
set -euo pipefail
plot=$1
study=$2
work=$(mktemp -d /tmp/lte-sec-plot-study-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp "$study/summary.csv" "$study/handovers.csv" "$work/"
"$plot" "$work" > /dev/null || fail "plot-study.py"
for name in security-bytes handover-rate ttt latency; do
  for ext in png svg; do
    [ -s "$work/study-$name.$ext" ] || fail "no study-$name.$ext"
  done
done
diff -u "$study/study.md" "$work/study.md" || fail "study.md differs from the committed one"
rows=$(($(wc -l < "$study/handovers.csv") - 1))
grep -q "^All points: $rows attempts," "$work/study.md" || fail "the totals do not count $rows attempts"
echo "plot-study: $rows attempts, study.md regenerated identically"
