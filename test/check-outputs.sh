#!/usr/bin/env bash
# Every example on a short run, twice with the same seed (with ideal and with real RRC where the
# example has the choice): the outputs (stdout, stderr, CSVs, Markdown, pcaps) are byte-identical,
# and no key of the run's key log appears in any of its text outputs. The key log is asked for with
# the helper's attribute (--ns3::LteSecurityHelper::KeyLogFile), so the runs are the default ones
# plus that file. The pcaps are compared but not searched: S1-AP carries KeNB in clear on a backhaul
# without NDS/IP, as the model intends, and a pcap is an output the user asks for.
# usage: check-outputs.sh BIN_DIR WORKDIR
set -euo pipefail
bin=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
checked=0

# check NAME PROGRAM ARGS...: two runs in WORKDIR/NAME/{a,b}
check() {
  local name=$1 program=$2
  shift 2
  local dir=$work/$name
  # the main example has a --keyLog of its own, which sets the attribute
  local keylog=--ns3::LteSecurityHelper::KeyLogFile=keys.log
  [ "$program" = lte-security-x2-handover ] && keylog=--keyLog=keys.log
  for run in a b; do
    mkdir -p "$dir/$run"
    (cd "$dir/$run" && "$bin/$program" "$@" "$keylog" \
       > stdout.txt 2> stderr.txt) || fail "$name: $program $* failed: $(tail -3 "$dir/$run/stderr.txt")"
  done
  local files
  files=$(cd "$dir/a" && ls)
  [ "$(cd "$dir/b" && ls)" = "$files" ] || fail "$name: the two runs wrote different files"
  for f in $files; do
    cmp -s "$dir/a/$f" "$dir/b/$f" || fail "$name: $f differs between two runs with the same seed"
  done
  [ -s "$dir/a/keys.log" ] || fail "$name: the key log is empty (no key derived?)"
  # the last field of every key log line is a key in hex
  awk '!/^#/ { print $NF }' "$dir/a/keys.log" | sort -u > "$dir/keys.hex"
  grep -qvE '^[0-9a-f]{32}([0-9a-f]{32})?$' "$dir/keys.hex" && fail "$name: key log format"
  for f in $files; do
    case $f in
      keys.log | *.pcap) ;;
      *)
        if grep -qiF -f "$dir/keys.hex" "$dir/a/$f"; then
          fail "$name: a key of the key log appears in $f"
        fi
        ;;
    esac
  done
  echo "ok: $name ($program $*): $(echo "$files" | wc -w) outputs identical, $(wc -l < "$dir/keys.hex") keys absent"
  checked=$((checked + 1))
}

for rrc in 0 1; do
  check "x2-handover-ideal$rrc" lte-security-x2-handover --numUes=2 --idealRrc=$rrc
  check "mme-pools-ideal$rrc" lte-security-mme-pools --numUes=1 --pcap=1 --idealRrc=$rrc
  check "mme-pools-ts33401-ideal$rrc" lte-security-mme-pools --numUes=1 --scheme=ts33401 --idealRrc=$rrc
done
check scheme-comparison lte-security-scheme-comparison --pools=2 --enbsPerPool=2 --numUes=1 --distance=200
check macro lte-security-macro --sites=1 --numUes=6 --simTime=2 --scheme=alt1
check macro-ideal lte-security-macro --sites=1 --numUes=6 --simTime=2 --idealRrc=1
check ho-parameter-sets lte-security-ho-parameter-sets --set=2 --sites=1 --numUes=3 --simTime=2
check ns3-reference lte-security-ns3-reference --simTime=2 --density=5e-6 --scheme=alt2
check urban-vehicles lte-security-urban-vehicles --numUes=10 --simTime=2
check nas-replay lte-security-nas-replay
check nas-replay-ideal lte-security-nas-replay --idealRrc=1 --policy=smc-reset
echo "all $checked runs: deterministic, no key in the default outputs"
