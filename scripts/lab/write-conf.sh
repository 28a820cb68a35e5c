#!/usr/bin/env bash
# Write nsd.conf and unbound.conf for one lab instance.
# usage: write-conf.sh LAB RUN ADDR NSD_PORT UNBOUND_PORT
#   LAB  the directory build-zones.sh wrote; RUN  this instance's directory (pid files, logs)
# NSD serves every zone authoritatively; Unbound is the recursive resolver the checker queries,
# forwarding everything to NSD (a private root cannot be reached through root hints on port 53).
set -euo pipefail
LAB=$(cd "${1:?}" && pwd); RUN=${2:?}; ADDR=${3:?}; NPORT=${4:?}; UPORT=${5:?}
mkdir -p "$RUN"; RUN=$(cd "$RUN" && pwd)
{
  cat <<N
server:
  ip-address: $ADDR@$NPORT
  port: $NPORT
  username: ""
  chroot: ""
  zonesdir: "$LAB"
  pidfile: "$RUN/nsd.pid"
  xfrdfile: "$RUN/xfrd.state"
  zonelistfile: "$RUN/zone.list"
  database: ""
  logfile: "$RUN/nsd.log"
  server-count: 1
  # Response rate limiting would drop the burst of similar NXDOMAINs a batch scan causes.
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
  tcp-count: 200
  verbosity: 0
  hide-version: yes
  minimal-responses: no
remote-control:
  control-enable: no
N
  while read -r name file; do
    printf 'zone:\n  name: "%s"\n  zonefile: "%s"\n' "$name" "$file"
  done < "$LAB/zones.list"
} > "$RUN/nsd.conf"
cat > "$RUN/unbound.conf" <<U
server:
  interface: $ADDR@$UPORT
  port: $UPORT
  do-daemonize: no
  username: ""
  chroot: ""
  directory: "$RUN"
  pidfile: "$RUN/unbound.pid"
  logfile: ""
  use-syslog: no
  verbosity: 0
  num-threads: 1
  # Batch scans keep thousands of queries in flight; the defaults (1024) would drop some.
  num-queries-per-thread: 4096
  outgoing-range: 8192
  so-rcvbuf: 4m
  jostle-timeout: 2000
  access-control: 127.0.0.0/8 allow
  do-not-query-localhost: no
  module-config: "iterator"
  edns-buffer-size: 1232
  max-udp-size: 1232
  harden-glue: no
  qname-minimisation: no
  msg-cache-size: 16m
  rrset-cache-size: 32m
  minimal-responses: no
  so-reuseport: no
  infra-keep-probing: yes
remote-control:
  control-enable: no
# A zone whose only server is down: Unbound answers SERVFAIL (or times out) for it.
forward-zone:
  name: "lame.post"
  forward-addr: 127.0.0.1@9
forward-zone:
  name: "."
  forward-addr: $ADDR@$NPORT
U
