#!/usr/bin/env bash
# The key tool under valgrind memcheck: every algorithm on buffers whose size leaves the
# allocator no slack (where an over-read or over-write shows), plus the refused lengths.
# Fails (exit 1) on any memcheck error or an unexpected exit code.
# Usage: memcheck-keytool.sh VALGRIND KEYTOOL
set -u
valgrind=$1
tool=$2
key=2bd6459f82c5b300952c49104881ff48
fails=0
runs=0
run() { # expected-exit args...
  local want=$1
  shift
  "$valgrind" -q --error-exitcode=99 "$tool" "$@" >/dev/null 2>memcheck-keytool.err
  local got=$?
  runs=$((runs + 1))
  if [ "$got" -ne "$want" ]; then
    echo "FAIL (exit $got, expected $want): lte-keytool $*" | cut -c1-200
    grep -v '^lte-keytool:' memcheck-keytool.err | head -20
    fails=$((fails + 1))
  else
    echo "ok   (exit $got): lte-keytool ${*:1:1} ... --length ${*: -3:1}" | cut -c1-120
  fi
}
zeros() { head -c "$1" /dev/zero | od -An -v -tx1 | tr -d ' \n'; }
for n in 5000 8188; do
  data=$(zeros "$n")
  for alg in eea0 eea1 eea2 eea3 eia1 eia2 eia3; do
    run 0 "$alg" --key $key --count 1 --bearer 3 --direction 1 --length $((n * 8)) --data "$data"
    run 0 "$alg" --key $key --count 1 --bearer 3 --direction 1 --length $((n * 8 - 3)) --data "$data"
  done
done
data=$(zeros 8189)
run 2 eea3 --key $key --count 0 --bearer 0 --direction 0 --length 65512 --data "$data"
run 2 eia3 --key $key --count 0 --bearer 0 --direction 0 --length 65512 --data "$data"
run 2 eia1 --key $key --count 0 --bearer 0 --direction 0 --length 0 --data ""
rm -f memcheck-keytool.err
echo "$((runs - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
