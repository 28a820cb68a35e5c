#!/usr/bin/env bash
# Build the posture lab: a private signed root, a signed "post." TLD (NSEC3) and one zone per
# posture case, good and bad, signed with ldns-signzone. Output: OUT/zones/*.zone (signed),
# OUT/zones.list ("name file" per line, for nsd.conf) and OUT/anchor.ds (the root trust anchor).
#
# usage: build-zones.sh OUT [BENCH_N]
#   env WEB_ADDR  address every host name resolves to (default 127.0.0.1)
#   env NS_ADDR   glue address of ns.post (default 127.0.0.1; the lab queries NSD by port anyway)
#   env TLSA_GOOD sha256 of good.post's served SPKI, for its _443._tcp TLSA (optional)
#   BENCH_N       add bench.post with that many generated domains d0..d(N-1) (default 0)
set -euo pipefail
OUT=${1:?usage: build-zones.sh OUT [BENCH_N]}
BENCH_N=${2:-0}
WEB=${WEB_ADDR:-127.0.0.1}
NSA=${NS_ADDR:-127.0.0.1}
TLSA_GOOD=${TLSA_GOOD:-0000000000000000000000000000000000000000000000000000000000000000}
mkdir -p "$OUT/zones" "$OUT/keys" "$OUT/src"
cd "$OUT"
: > zones.list
: > src/post.ds

now=$(date -u +%s)
# Signatures valid from a day ago to 30 days ahead; the expired case is entirely in the past.
INC=$(date -u -d "@$((now - 86400))" +%Y%m%d%H%M%S)
EXP=$(date -u -d "@$((now + 30 * 86400))" +%Y%m%d%H%M%S)

keygen() { # zone -> prints key base name
  (cd keys && ldns-keygen -a ECDSAP256SHA256 -k "$1")
}

head_records() { # zone
  cat <<Z
\$ORIGIN $1.
\$TTL 300
@ IN SOA ns.post. hostmaster.post. 1 3600 600 86400 300
@ IN NS ns.post.
Z
}

DKIM2048=$(openssl genrsa 2048 2>/dev/null | openssl rsa -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n')
DKIM512=$(openssl genrsa 512 2>/dev/null | openssl rsa -pubout 2>/dev/null | grep -v -- ----- | tr -d '\n')

txt() { # long string -> zone-file TXT rdata split in 255-byte chunks
  local s=$1 out=""
  while [ -n "$s" ]; do out+="\"${s:0:255}\" "; s=${s:255}; done
  printf '%s' "$out"
}

# The good mail and web set; each variable may be overridden per zone (empty = omit).
good() { # zone
  local z=$1
  echo "@ IN A $WEB"
  [ -n "${MX-10 mail}" ] && echo "@ IN MX ${MX-10 mail}"
  echo "mail IN A $WEB"
  [ -n "${SPF-v=spf1 mx -all}" ] && echo "@ IN TXT $(txt "${SPF-v=spf1 mx -all}")"
  [ -n "${DMARC-v=DMARC1; p=reject; rua=mailto:dmarc@$z}" ] && echo "_dmarc IN TXT \"${DMARC-v=DMARC1; p=reject; rua=mailto:dmarc@$z}\""
  [ -n "${DKIM-v=DKIM1; k=rsa; p=$DKIM2048}" ] && echo "sel1._domainkey IN TXT $(txt "${DKIM-v=DKIM1; k=rsa; p=$DKIM2048}")"
  [ -n "${CAA-0 issue \"ca.post\"}" ] && echo "@ IN CAA ${CAA-0 issue \"ca.post\"}"
  [ -n "${STS-v=STSv1; id=20260101}" ] && echo "_mta-sts IN TXT \"${STS-v=STSv1; id=20260101}\""
  echo "mta-sts IN A $WEB"
  [ -n "${RPT-v=TLSRPTv1; rua=mailto:tls@$z}" ] && echo "_smtp._tls IN TXT \"${RPT-v=TLSRPTv1; rua=mailto:tls@$z}\""
  echo "_25._tcp.mail IN TLSA 3 1 1 $TLSA_GOOD"
  [ -n "${TLSA443-$TLSA_GOOD}" ] && echo "_443._tcp IN TLSA 3 1 1 ${TLSA443-$TLSA_GOOD}"
  echo "${EXTRA-}"
}

# sign ZONE [mode]: mode = ok | expired | dsmismatch | unsigned | nsec3
sign() {
  local z=$1 mode=${2:-ok} key
  if [ "$mode" = unsigned ]; then
    cp "src/$z.zone" "zones/$z.zone"
  else
    key=$(keygen "$z")
    local opts=(-i "$INC" -e "$EXP")
    [ "$mode" = expired ] && opts=(-i 20200101000000 -e 20200201000000)
    [ "$mode" = nsec3 ] && opts+=(-n -t 0)
    ldns-signzone "${opts[@]}" -f "zones/$z.zone" "src/$z.zone" "keys/$key" >/dev/null
    if [ "$mode" = badsig ]; then
      # Corrupt the SOA signature: same key, same validity, the bytes no longer verify.
      awk -F'\t' 'BEGIN{OFS="\t"} $4=="RRSIG" && $5 ~ /^SOA / && !done {
        n=split($5,f," "); s=f[n]; c=substr(s,5,1); r=(c=="A")?"B":"A";
        f[n]=substr(s,1,4) r substr(s,6); $5=f[1]; for(i=2;i<=n;i++) $5=$5" "f[i]; done=1 } {print}' \
        "zones/$z.zone" > "zones/$z.zone.tmp" && mv "zones/$z.zone.tmp" "zones/$z.zone"
    fi
    if [ "$mode" = dsmismatch ]; then
      local other; other=$(keygen "$z")   # a key the zone never uses
      cat "keys/$other.ds" >> src/post.ds
    elif [ "$z" != post ] && [ "$z" != . ]; then
      cat "keys/$key.ds" >> src/post.ds
    fi
    LAST_KEY=$key
  fi
  echo "$z zones/$z.zone" >> zones.list
}

child() { # name mode [env overrides via caller]
  local z=$1.post
  { head_records "$z"; good "$z"; } > "src/$z.zone"
  sign "$z" "${2:-ok}"
  echo "$1 IN NS ns.post." >> src/post.children
}
: > src/post.children

child good
SPF="v=spf1 +all" child spf-pass-all
SPF="v=spf1 ?all" child spf-neutral-all
SPF="v=spf1 mx ~all" child spf-softfail-all
SPF="v=spf1 mx" child spf-no-all
SPF="v=spf1 ptr -all" child spf-ptr
SPF="v=spf1 ip4:300.1.1.1 -all" child spf-syntax
EXTRA='@ IN TXT "v=spf1 -all"' child spf-multi
# Exactly 10 DNS-querying terms (a, mx, include + 7 x a) is allowed; 11 is not.
EXTRA='inc IN A '$WEB$'\ninc IN TXT "v=spf1 a a a a a a a -all"' SPF="v=spf1 a mx include:inc.spf-10.post -all" child spf-10
EXTRA='inc IN A '$WEB$'\ninc IN TXT "v=spf1 a a a a a a a a -all"' SPF="v=spf1 a mx include:inc.spf-11.post -all" child spf-11
# Two void lookups are allowed, three are not.
SPF="v=spf1 a:nx1.spf-void-2.post a:nx2.spf-void-2.post mx -all" child spf-void-2
SPF="v=spf1 a:nx1.spf-void-3.post a:nx2.spf-void-3.post a:nx3.spf-void-3.post mx -all" child spf-void-3
EXTRA=$'a IN TXT "v=spf1 include:b.spf-loop.post -all"\nb IN TXT "v=spf1 include:a.spf-loop.post -all"' SPF="v=spf1 include:a.spf-loop.post -all" child spf-loop
EXTRA='nospf IN TXT "just a note"' SPF="v=spf1 include:nospf.spf-include-none.post -all" child spf-include-none
# A record far larger than the 1232-byte UDP answer: the client must fall back to TCP.
big="v=spf1"; for i in $(seq 1 120); do big+=" ip4:192.0.2.$i"; done; big+=" -all"
SPF="$big" child spf-big
DMARC="" child dmarc-missing
DMARC="v=DMARC1; p=none; rua=mailto:d@dmarc-none.post" child dmarc-none
DMARC="v=DMARC1; p=quarantine; rua=mailto:d@dmarc-quarantine.post" child dmarc-quarantine
DMARC="v=DMARC1; p=reject; sp=none; pct=50" child dmarc-weak
DMARC="v=DMARC1; p=reject; pct=150" child dmarc-syntax
DMARC="v=DMARC1 p=reject rua=mailto:d@dmarc-nosep.post" child dmarc-nosep
EXTRA='_dmarc IN TXT "v=DMARC1; p=none"' child dmarc-multi
EXTRA="sub IN A $WEB" child dmarc-inherit
DMARC="v=DMARC1; p=reject; rua=mailto:agg@reports.post" child dmarc-external
DMARC="v=DMARC1; p=reject; rua=mailto:agg@reports.post" child dmarc-external-ok
EXTRA='dmarc-external-ok.post._report._dmarc IN TXT "v=DMARC1"' child reports
DKIM="v=DKIM1; k=rsa; p=$DKIM512" child dkim-short
DKIM="v=DKIM1; k=rsa; p=" child dkim-revoked
DKIM="v=DKIM1; t=y; p=$DKIM2048" child dkim-testing
DKIM="v=DKIM1; k=rsa; p=bm90IGEga2V5" child dkim-malformed
DKIM="" child dkim-missing
MX="0 ." SPF="v=spf1 -all" DKIM="" STS="" RPT="" child nullmx
MX="" child mx-missing
CAA='128 tbs "Unknown"' child caa-critical
CAA="" child caa-missing
STS="" RPT="" child mta-sts-missing
STS="v=STSv1; id=bad-id" RPT="v=TLSRPTv1; rua=ftp://x" child mta-sts-bad-txt
child mta-sts-testing
child mta-sts-mismatch
TLSA443="" child https-expired
TLSA443="" child https-wrongname
TLSA443="" child https-untrusted
TLSA443="" child https-incomplete
child https-nohsts
child https-noredirect
TLSA443="1111111111111111111111111111111111111111111111111111111111111111" child tlsa-mismatch
child dnssec-expired expired
child dnssec-dsmismatch dsmismatch
child insecure unsigned
child dnssec-badsig badsig
child xn--bcher-kva

if [ "$BENCH_N" -gt 0 ]; then
  {
    head_records bench.post
    for i in $(seq 0 $((BENCH_N - 1))); do
      d=d$i
      cat <<B
$d IN A $WEB
$d IN MX 10 mail.$d
mail.$d IN A $WEB
$d IN TXT "v=spf1 mx include:_spf.bench.post -all"
_dmarc.$d IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@bench.post"
sel1._domainkey.$d IN TXT $(txt "v=DKIM1; k=rsa; p=$DKIM2048")
$d IN CAA 0 issue "ca.post"
_mta-sts.$d IN TXT "v=STSv1; id=1"
_smtp._tls.$d IN TXT "v=TLSRPTv1; rua=mailto:tls@bench.post"
B
    done
    echo '_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"'
  } > src/bench.post.zone
  sign bench.post
  echo "bench IN NS ns.post." >> src/post.children
fi

# The TLD: delegations with DS, signed with NSEC3 so both denial kinds are exercised.
{ head_records post; echo "ns IN A $NSA"; cat src/post.children; cat src/post.ds; } > src/post.zone
sign post nsec3
POST_DS=$(cat "keys/$LAST_KEY.ds")

# The private root.
{
  cat <<R
\$ORIGIN .
\$TTL 300
. IN SOA ns.post. hostmaster.post. 1 3600 600 86400 300
. IN NS ns.post.
post. IN NS ns.post.
ns.post. IN A $NSA
$POST_DS
R
} > src/root.zone
key=$(keygen .)
ldns-signzone -i "$INC" -e "$EXP" -o . -f zones/root.zone src/root.zone "keys/$key" >/dev/null
echo ". zones/root.zone" >> zones.list
cp "keys/$key.ds" anchor.ds
echo "lab built in $OUT: $(wc -l < zones.list) zones, anchor $(cut -d' ' -f4 anchor.ds)"
