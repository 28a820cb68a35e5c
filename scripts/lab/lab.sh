#!/usr/bin/env bash
# Run the posture lab by hand (the Rust tests start their own instances).
# usage: lab.sh up DIR [ADDR] [NSD_PORT] [UNBOUND_PORT] [BENCH_N]   -> builds zones, starts NSD + Unbound
#        lab.sh down DIR
# Then: postern posture --resolver ADDR:UNBOUND_PORT --trust-anchor DIR/anchor.ds good.post
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?usage: lab.sh up|down DIR ...}; DIR=${2:?}
case $cmd in
  up)
    ADDR=${3:-127.0.0.53}; NP=${4:-15353}; UP=${5:-15354}; N=${6:-0}
    "$here/build-zones.sh" "$DIR/lab" "$N"
    "$here/write-conf.sh" "$DIR/lab" "$DIR/run" "$ADDR" "$NP" "$UP"
    nsd -d -c "$DIR/run/nsd.conf" & echo $! > "$DIR/run/nsd.fg.pid"
    unbound -d -c "$DIR/run/unbound.conf" & echo $! > "$DIR/run/unbound.fg.pid"
    for _ in $(seq 1 100); do
      if dig +short +time=1 +tries=1 -p "$UP" @"$ADDR" SOA post. >/dev/null 2>&1 \
         && [ -n "$(dig +short +time=1 +tries=1 -p "$UP" @"$ADDR" SOA post.)" ]; then
        echo "lab up: resolver $ADDR:$UP, anchor $DIR/lab/anchor.ds"; exit 0
      fi
      sleep 0.1
    done
    echo "lab did not come up" >&2; exit 1 ;;
  down)
    for p in unbound nsd; do
      [ -f "$DIR/run/$p.fg.pid" ] && kill "$(cat "$DIR/run/$p.fg.pid")" 2>/dev/null || true
    done ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
