#!/usr/bin/env bash
# Vehicle trajectories for lte-security-urban-vehicles: SUMO on a generated street grid, exported
# as an ns-2 mobility trace centred on (0, 0) (the macro layout's centre site) with the UE height
# of the 3GPP models. Fixed seeds: the same arguments give the same trace; it is cached.
#
#   scripts/make-vehicle-trace.sh [--vehicles 60] [--time 60] [--grid 7] [--block 250]
#                                 [--speed 13.89] [--min-trip 1000] [--seed 1] [--out FILE]
#
# netgenerate (a grid of --grid x --grid junctions --block m apart, --speed m/s, two lanes),
# randomTrips.py (--vehicles vehicles departing in the first 10 s, trips of at least --min-trip m),
# sumo --fcd-output (0.1 s steps), traceExporter.py (1 s granularity). Installs sumo and
# sumo-tools with apt when missing. Prints the trace's path; --out copies it there too.
set -euo pipefail
vehicles=60 time=60 grid=7 block=250 speed=13.89 mintrip=1000 seed=1 out=
while [ $# -gt 0 ]; do
  case $1 in
    --vehicles) vehicles=$2 ;;
    --time) time=$2 ;;
    --grid) grid=$2 ;;
    --block) block=$2 ;;
    --speed) speed=$2 ;;
    --min-trip) mintrip=$2 ;;
    --seed) seed=$2 ;;
    --out) out=$2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-vehicle-trace.sh: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
  esac
  [ $# -ge 2 ] || { echo "make-vehicle-trace.sh: $1 needs a value" >&2; exit 2; }
  shift 2
done
for v in vehicles time grid block mintrip seed; do
  [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "make-vehicle-trace.sh: --${v/mintrip/min-trip} must be a positive integer, not '${!v}'" >&2; exit 2; }
done
[[ $speed =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "make-vehicle-trace.sh: --speed must be a positive number (m/s), not '$speed'" >&2; exit 2; }
[ "$grid" -ge 2 ] || { echo "make-vehicle-trace.sh: --grid must be at least 2" >&2; exit 2; }

if ! command -v sumo >/dev/null || ! command -v netgenerate >/dev/null || [ ! -f /usr/share/sumo/tools/traceExporter.py ]; then
  echo "make-vehicle-trace.sh: installing sumo and sumo-tools" >&2
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y sumo sumo-tools >&2
fi
export SUMO_HOME=/usr/share/sumo
python=/usr/bin/python3
[ -x "$python" ] || python=python3

key="v${vehicles}-t${time}-g${grid}-b${block}-s${speed}-m${mintrip}-seed${seed}"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lte-security/sumo/$key
trace=$cache/vehicles.ns2
if [ ! -s "$trace" ]; then
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/tmp-XXXXXX")
  trap 'rm -rf "$work"' EXIT
  (
    cd "$work"
    netgenerate --grid --grid.number="$grid" --grid.length="$block" --default.speed="$speed" \
      --default.lanenumber=2 --no-turnarounds true --seed "$seed" -o grid.net.xml >log 2>&1
    period=$($python -c "print(10.0 / $vehicles)")
    $python $SUMO_HOME/tools/randomTrips.py -n grid.net.xml -o trips.xml -r routes.rou.xml \
      -b 0 -e 10 -p "$period" --min-distance "$mintrip" --random-depart --seed "$seed" \
      --validate --trip-attributes 'departLane="best" departSpeed="max"' >>log 2>&1
    sumo -n grid.net.xml -r routes.rou.xml --begin 0 --end "$time" --step-length 0.1 \
      --fcd-output fcd.xml --seed "$seed" --no-step-log true >>log 2>&1
    $python $SUMO_HOME/tools/traceExporter.py --fcd-input fcd.xml \
      --ns2mobility-output mobility.tcl -d 1 >>log 2>&1
    # centre the net's bounding box on (0, 0); vehicles at 1.5 m (3GPP UE height)
    boundary=$(grep -o 'convBoundary="[^"]*"' grid.net.xml | head -1 | cut -d'"' -f2)
    $python - "$boundary" mobility.tcl vehicles.ns2 <<'EOF'
import re, sys
x0, y0, x1, y1 = (float(v) for v in sys.argv[1].split(","))
cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
setpos = re.compile(r'^(\$node_\(\d+\) set )([XYZ])_ (\S+)$')
setdest = re.compile(r'^(\$ns_ at \S+ "\$node_\(\d+\) setdest )(\S+) (\S+) (\S+)"$')
with open(sys.argv[2]) as src, open(sys.argv[3], "w") as dst:
    for line in src:
        line = line.rstrip("\n")
        m = setpos.match(line)
        if m:
            axis, v = m.group(2), float(m.group(3))
            v = {"X": v - cx, "Y": v - cy, "Z": 1.5}[axis]
            dst.write(f"{m.group(1)}{axis}_ {v:.2f}\n")
            continue
        m = setdest.match(line)
        if m:
            x, y = float(m.group(2)) - cx, float(m.group(3)) - cy
            dst.write(f'{m.group(1)}{x:.2f} {y:.2f} {m.group(4)}"\n')
            continue
        sys.exit(f"traceExporter wrote a line this script does not know: {line}")
EOF
  )
  mv "$work/vehicles.ns2" "$trace"
fi
nodes=$(grep -o '^\$node_([0-9]*) set X_' "$trace" | sort -u | wc -l)
echo "make-vehicle-trace.sh: $nodes vehicles, $time s: $trace" >&2
if [ -n "$out" ]; then cp "$trace" "$out"; fi
echo "$trace"
