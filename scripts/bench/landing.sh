#!/usr/bin/env bash
# Landing page under load: a dry-run campaign of $TARGETS targets (SQLite, fresh data directory),
# `postern serve` on 127.0.0.1, and wrk opening the targets' simulation links in turn for
# $DURATION with $CONNECTIONS connections. Prints wrk's latency distribution (p50 ... p99) and
# requests/s. Every request is a real landing hit: the token is looked up, the hit recorded.
#
#   scripts/bench/landing.sh [path/to/postern]   # default: target/release/postern, else debug
#
# Traffic goes to 127.0.0.1 only; wrk stops after $DURATION, and the server with the script.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [ -z "$bin" ]; then
    if [ -x target/release/postern ]; then bin=target/release/postern; else bin=target/debug/postern; fi
fi
TARGETS=${TARGETS:-200}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" --data "$work/data" --json org add "La Poste" --country FR > /dev/null
"$bin" --data "$work/data" --json serve --no-config --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 100); do grep -q '"listening"' "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
url=$(grep '"listening"' "$work/serve.out" | sed -E 's/.*"url":"([^"]+)".*/\1/')
[ -n "$url" ] || { echo "postern serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }

{ echo "email,group"; for i in $(seq 1 "$TARGETS"); do echo "clerk$i@poste.example,counter"; done; } > "$work/targets.csv"
"$bin" --data "$work/data" --json awareness campaign create --org "La Poste" --name "Landing bench" \
    --targets "$work/targets.csv" --channel email --template redelivery-email --dry-run --public-url "$url" \
    | python3 -c 'import json,sys; [print("/" + l["url"].split("/", 3)[3]) for l in json.load(sys.stdin)["links"]]' \
    > "$work/paths"
echo "$bin ($(wc -l < "$work/paths") targets) at $url, wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
curl -fsS -o /dev/null "$url$(head -1 "$work/paths")"
LANDING_PATHS="$work/paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/bench/landing.lua "$url"
