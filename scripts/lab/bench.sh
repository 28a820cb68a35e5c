#!/usr/bin/env bash
# Batch benchmark: postern's posture checks vs checkdmarc 6.0.4 on the same lab, same resolver.
# usage: bench.sh [N=1000] [CONCURRENCY=256]
# Needs: the apt packages in scripts/test-deps/posture.apt; checkdmarc in /tmp/venv-posture
#   (python3 -m venv /tmp/venv-posture && /tmp/venv-posture/bin/pip install checkdmarc==6.0.4)
# The resolver listens on 127.0.0.54:53 because checkdmarc cannot be given a port.
set -euo pipefail
N=${1:-1000}; C=${2:-256}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
W=$(mktemp -d /tmp/posture-bench.XXXX)
trap '"$here/lab.sh" down "$W" >/dev/null 2>&1 || true' EXIT
"$here/build-zones.sh" "$W/lab" "$N" >/dev/null
for i in $(seq 0 $((N - 1))); do echo "d$i.bench.post"; done > "$W/domains.txt"
(cd "$root" && cargo build --release -q -p posture --example batch)
BATCH="$root/target/release/examples/batch"
start_lab() {
  "$here/lab.sh" down "$W" >/dev/null 2>&1 || true
  "$here/write-conf.sh" "$W/lab" "$W/run" 127.0.0.54 15399 53
  nsd -d -c "$W/run/nsd.conf" & echo $! > "$W/run/nsd.fg.pid"
  unbound -d -c "$W/run/unbound.conf" 2>/dev/null & echo $! > "$W/run/unbound.fg.pid"
  for _ in $(seq 1 100); do
    [ -n "$(dig +short +time=1 +tries=1 @127.0.0.54 SOA post. 2>/dev/null)" ] && return 0; sleep 0.1
  done
  echo "lab did not start" >&2; exit 1
}
T='wall %e s, user %U s, sys %S s, max RSS %M KB'
echo "== posture (cold resolver cache), $N domains, concurrency $C"
start_lab; /usr/bin/time -f "$T" "$BATCH" 127.0.0.54:53 "$W/lab/anchor.ds" "$W/domains.txt" "$C" sel1
echo "== posture (warm resolver cache)"
/usr/bin/time -f "$T" "$BATCH" 127.0.0.54:53 "$W/lab/anchor.ds" "$W/domains.txt" "$C" sel1
if [ -x /tmp/venv-posture/bin/checkdmarc ]; then
  echo "== checkdmarc 6.0.4 (cold resolver cache), $N domains"
  start_lab; /usr/bin/time -f "$T" /tmp/venv-posture/bin/checkdmarc -n 127.0.0.54 -t 2 "$W/domains.txt" > "$W/checkdmarc.json"
  echo "== checkdmarc 6.0.4 (warm resolver cache)"
  /usr/bin/time -f "$T" /tmp/venv-posture/bin/checkdmarc -n 127.0.0.54 -t 2 "$W/domains.txt" > "$W/checkdmarc2.json"
fi
