#!/usr/bin/env bash
# The campaign runner's SLURM path end to end on a real SLURM: starts munged, slurmctld and slurmd
# on this machine with a configuration of its own (one node, its cores), submits a 4-point study
# as an array job with a merge job after it, waits for the merge, checks the merged table, and
# stops the daemons. Skips (exit 77) where slurm-wlm is not installed.
#   slurm-campaign.sh <campaign script> <bin dir>
set -euo pipefail
campaign=$1
bin=$2
for p in munged slurmctld slurmd sbatch squeue; do
  command -v "$p" >/dev/null || { echo "SKIP: $p not installed (apt-get install slurm-wlm)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: slurmd needs root here"; exit 77; }

work=$(mktemp -d /tmp/lte-sec-slurm-XXXXXX)
host=$(hostname -s)
cpus=$(nproc)
port=$((20000 + RANDOM % 20000))
export SLURM_CONF=$work/slurm.conf
cat > "$SLURM_CONF" <<EOF
ClusterName=ltesec
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/ctld
SlurmdSpoolDir=$work/slurmd
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=ltesec Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
mkdir -p "$work/ctld" "$work/slurmd" "$work/munge"
cleanup() {
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

# munge with a key and socket of its own
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munge/log" --seed-file="$work/munge/seed"
sed -i "1i AuthInfo=socket=$work/munge/socket" "$SLURM_CONF"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -qx idle && break
  sleep 1
done
sinfo -h -o %T | grep -qx idle || { echo "FAIL: the node never became idle"; tail -n 20 "$work"/*.log "$work"/results/slurm/*.out "$work"/results/points/*/stderr 2>/dev/null || true; exit 1; }

cat > "$work/study.json" <<EOF
{"name": "slurm-test", "program": "lte-security-macro",
 "args": {"sites": 1, "numUes": 3, "simTime": 0.6},
 "axes": {"scheme": ["off", "seed"], "run": [1, 2]}}
EOF
LTESEC_BIN_DIR=$bin python3 "$campaign" slurm "$work/study.json" --out "$work/results" --time 00:10:00
for _ in $(seq 180); do
  [ -f "$work/results/slurm/merge.out" ] && [ -z "$(squeue -h 2>/dev/null)" ] && break
  squeue -h -o %r 2>/dev/null | grep -q DependencyNeverSatisfied && break # a task failed
  sleep 1
done
cat "$work/results/slurm/merge.out" || { echo "FAIL: the merge job never ran"; squeue; tail -n 20 "$work"/*.log "$work"/results/slurm/*.out "$work"/results/points/*/stderr 2>/dev/null || true; exit 1; }
rows=$(($(wc -l < "$work/results/summary.csv") - 1))
[ "$rows" = 4 ] || { echo "FAIL: $rows rows in the merged summary, not 4"; exit 1; }
for t in 0 1 2 3; do
  [ -f "$work/results/slurm/task-$t.out" ] || { echo "FAIL: no output of array task $t"; exit 1; }
done
n=$(cat "$work"/results/points/*/runs.log | wc -l)
[ "$n" = 4 ] || { echo "FAIL: $n finished runs, not 4"; exit 1; }
echo "PASS: 4 array tasks and the merge job on the local SLURM, 4 rows merged"
