#!/usr/bin/env bash
# Scenario 1 with the module off is ns-3's own handover campaign: lte-security-ns3-reference and
# lena-dual-stripe (ns-3.37's example with the same random streams, lena-dual-stripe-streams.patch)
# run the user guide's command lines for a few seconds and make the same handovers, one by one:
# same time, same UE, same target cell. A3 and A2-A4, two runs each, two processes at a time.
#   check-lena-dual-stripe.sh <bin dir> [simulated seconds]
set -euo pipefail
bin=$1
simTime=${2:-7}
work=$(mktemp -d /tmp/lte-sec-lena-XXXXXX)
trap 'rm -rf "$work"' EXIT

# the user guide's campaign command line, nothing else but the fixed streams
lena_args="--simTime=$simTime --nBlocks=0 --nMacroEnbSites=7 --nMacroEnbSitesX=2 --epc=1
  --useUdp=0 --outdoorUeMinSpeed=16.6667 --outdoorUeMaxSpeed=16.6667 --fixedStreams=1"

compare() { # <algorithm: a3|a2a4> <ns-3 handover algorithm> <RngRun>
  local alg=$1 ho=$2 run=$3 dir="$work/$1-$3"
  mkdir -p "$dir/lena" "$dir/ours"
  (cd "$dir/lena" &&
    "$bin/lena-dual-stripe-streams" $lena_args --ns3::LteHelper::HandoverAlgorithm="$ho" \
      --RngRun="$run" >out.txt 2>err.txt) &
  local lena=$!
  (cd "$dir/ours" &&
    "$bin/lte-security-ns3-reference" --security=0 --algorithm="$alg" --run="$run" \
      --simTime="$simTime" >out.txt 2>err.txt) &
  local ours=$!
  wait "$lena" || { echo "FAIL: lena-dual-stripe ($alg, RngRun $run)"; cat "$dir/lena/err.txt"; exit 1; }
  wait "$ours" || { echo "FAIL: lte-security-ns3-reference ($alg, RngRun $run)"; cat "$dir/ours/err.txt"; exit 1; }
  # lena: "handover <time> <imsi> <cell>" at HandoverEndOk; ours: the completed records
  awk '$1 == "handover" { printf "%.3f %s %s\n", $2, $3, $4 }' "$dir/lena/out.txt" |
    sort -k1,1n -k2,2n >"$dir/lena.txt"
  python3 - "$dir/ours/lte-security-ns3-reference-handovers.csv" >"$dir/ours.txt" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
out = []
for r in rows:
    if r["outcome"] == "completed":
        end = float(r["start_s"]) + float(r["latency_ms"]) / 1000
        out.append((round(end, 3), int(r["imsi"]), int(r["target_cell"])))
for t, imsi, cell in sorted(out):
    print(f"{t:.3f} {imsi} {cell}")
EOF
  local n
  n=$(wc -l <"$dir/lena.txt")
  [ "$n" -ge 3 ] || { echo "FAIL: only $n handovers in lena-dual-stripe ($alg, RngRun $run)"; exit 1; }
  if ! diff "$dir/lena.txt" "$dir/ours.txt" >"$dir/diff.txt"; then
    echo "FAIL: $alg RngRun $run: the handovers differ (< lena-dual-stripe, > lte-security-ns3-reference)"
    head -20 "$dir/diff.txt"
    exit 1
  fi
  echo "$alg RngRun $run: the same $n handovers in both programs"
}

compare a3 ns3::A3RsrpHandoverAlgorithm 2
compare a2a4 ns3::A2A4RsrqHandoverAlgorithm 1
compare a3 ns3::A3RsrpHandoverAlgorithm 3
compare a2a4 ns3::A2A4RsrqHandoverAlgorithm 4
echo "PASS"
