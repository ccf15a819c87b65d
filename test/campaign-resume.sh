#!/usr/bin/env bash
# The campaign runner resumes an interrupted study: a 6-point study run on one process is stopped
# (SIGTERM) after its second point finished; the rerun runs only the unfinished points, and in
# the end every point ran to completion exactly once and the merged table has every point.
#   campaign-resume.sh <campaign script> <bin dir>
set -euo pipefail
campaign=$1
export LTESEC_BIN_DIR=$2
work=$(mktemp -d /tmp/lte-sec-resume-XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/study.json" <<EOF2
{"name": "resume-test", "program": "lte-security-macro",
 "args": {"sites": 1, "numUes": 3, "simTime": 1.5},
 "axes": {"scheme": ["off", "seed", "ts33401"], "run": [1, 2]}}
EOF2
python3 "$campaign" run "$work/study.json" --out "$work/r" --jobs 1 2>"$work/first.err" &
runner=$!
for _ in $(seq 600); do
  [ "$(ls "$work"/r/points/*/done 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 0.1
done
kill -TERM "$runner"
wait "$runner" || true
done1=$(ls "$work"/r/points/*/done | wc -l)
[ "$done1" -ge 2 ] && [ "$done1" -lt 6 ] || { echo "FAIL: $done1 points done at the interruption"; exit 1; }
sleep 0.5
if pgrep -f "lte-security-macro --prefix=point" >/dev/null; then
  echo "FAIL: a point's process outlived the interrupted runner"; exit 1
fi
python3 "$campaign" status "$work/study.json" --out "$work/r" && { echo "FAIL: status says finished"; exit 1; }
python3 "$campaign" run "$work/study.json" --out "$work/r" --jobs 2 2>"$work/second.err"
grep -q "6 points, $done1 finished, $((6 - done1)) to run" "$work/second.err" \
  || { echo "FAIL: the rerun did not skip the finished points"; cat "$work/second.err"; exit 1; }
python3 "$campaign" status "$work/study.json" --out "$work/r"
for log in "$work"/r/points/*/runs.log; do
  [ "$(wc -l < "$log")" = 1 ] || { echo "FAIL: $log: a point finished more than once"; exit 1; }
done
[ "$(ls "$work"/r/points/*/runs.log | wc -l)" = 6 ] || { echo "FAIL: not every point ran"; exit 1; }
rows=$(($(wc -l < "$work/r/summary.csv") - 1))
[ "$rows" = 6 ] || { echo "FAIL: $rows rows merged, not 6"; exit 1; }
# the merged tables again in results.sqlite: the same rows, numbers typed
sql=$(python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM summary").fetchone()[0],
      db.execute("SELECT COUNT(*) FROM handovers").fetchone()[0],
      db.execute("SELECT typeof(attempts) FROM summary LIMIT 1").fetchone()[0])' "$work/r/results.sqlite")
hrows=$(($(wc -l < "$work/r/handovers.csv") - 1))
[ "$sql" = "6 $hrows integer" ] || { echo "FAIL: results.sqlite holds '$sql', not '6 $hrows integer'"; exit 1; }
echo "PASS: interrupted after $done1 points, resumed, 6 points each finished once, 6 rows merged (CSV and SQLite)"
