#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcastctl interface set / show / del, in text and JSON.
#
#   +------------- ns r --------------+
#   |  d1 (dummy)      d2 (dummy)     |
#   +---------------------------------+
#
# Defaults after a bare `set`, every keyword round-trips through the kernel,
# text output can be pasted back into `set`, `boundary none` clears, `del`
# removes and a deleted config is reported as not configured.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add r
ip -n r link add d1 type dummy
ip -n r link add d2 type dummy
R() { ip netns exec r "$@"; }
# jfield DEV KEY: one field of `mcastctl -j interface show DEV`
jfield() { R mcastctl -j interface show "$1" | jq -c ".[0][\"$2\"]"; }
# check_fields DEV WHAT KEY=JSON...: every field of DEV's JSON as expected
# (one mcastctl and one jq per call: processes are slow in the debug VM)
check_fields() {
	local dev=$1 what=$2 fields kv
	shift 2
	fields=$(R mcastctl -j interface show "$dev" |
		jq -r '.[0] | to_entries[] | "\(.key)=\(.value | tojson)"')
	for kv in "$@"; do
		check_eq "$kv" "$(echo "$fields" | grep -m1 "^${kv%%=*}=" || true)" "$what ${kv%%=*}"
	done
}

check_eq "" "$(R mcastctl interface show)" "text show with nothing configured"
check_eq "[]" "$(R mcastctl -j interface show)" "JSON show with nothing configured"
check_fail R mcastctl interface show d1

# A bare set creates the config with every default.
R mcastctl interface set d1
check_fields d1 default mode='"off"' igmp-version=3 mld-version=2 robustness=2 \
	query-interval=125000 query-response-interval=10000 \
	last-member-query-interval=1000 last-member-query-count=2 \
	startup-query-interval=31250 startup-query-count=2 \
	derived='["last-member-query-count","startup-query-interval","startup-query-count"]' \
	ttl-threshold=1 max-groups=4096 ifname='"d1"' \
	ifindex="$(ip -n r -j link show d1 | jq '.[0].ifindex')"

# Every keyword, then read back through JSON.
R mcastctl interface set d1 mode router igmp-version 2 mld-version 1 \
	robustness 3 query-interval 60s query-response-interval 5s \
	last-member-query-interval 500ms last-member-query-count 3 \
	startup-query-interval 15s startup-query-count 4 ttl-threshold 32 \
	boundary 239.192.0.0/14 boundary ff05::/16 max-groups 100
check_fields d1 set mode='"router"' igmp-version=2 mld-version=1 robustness=3 \
	query-interval=60000 query-response-interval=5000 \
	last-member-query-interval=500 last-member-query-count=3 \
	startup-query-interval=15000 startup-query-count=4 derived='[]' \
	ttl-threshold=32 max-groups=100 \
	boundaries='["239.192.0.0/14","ff05::/16"]'

# Text output: one block per interface, keywords as `set` takes them.
text=$(R mcastctl interface show d1)
echo "$text"
check_eq "d1:" "$(echo "$text" | head -n1 | cut -d' ' -f1)" "text block starts with the name"
for want in "mode router" "igmp-version 2" "mld-version 1" "robustness 3" \
	    "query-interval 60s" "query-response-interval 5s" \
	    "last-member-query-interval 500ms" "last-member-query-count 3" \
	    "startup-query-interval 15s" "startup-query-count 4" \
	    "ttl-threshold 32" "max-groups 100" \
	    "boundary 239.192.0.0/14" "boundary ff05::/16"; do
	echo "$text" | grep -qw -- "$want" || fail "text show lacks '$want'"
done

# The text is valid `set` input: paste it onto d2, both read back equal.
# shellcheck disable=SC2046 # word splitting is the point
R mcastctl interface set d2 $(echo "$text" | sed '1s/^d1://')
strip='.[0] | del(.ifindex, .ifname)'
d1_json=$(R mcastctl -j interface show d1 | jq -c "$strip")
[ -n "$d1_json" ] || fail "no JSON for d1"
check_eq "$d1_json" "$(R mcastctl -j interface show d2 | jq -c "$strip")" \
	"text output pasted into set"

# A shorter query interval brings the pending general query forward: d2
# queries once at startup, then every 100 s, until it is set to 5 s.
# nextq: both families' ms to d2's next general query.
nextq() {
	R mcastctl -j querier show dev d2 | jq -r '[.[]["next-query"]] | map(tostring) | join(" ")'
}
# nextq_min: the sooner of the two.
nextq_min() {
	nextq | tr ' ' '\n' | sort -n | head -n 1
}
R mcastctl interface set d2 mode off
R mcastctl interface set d2 mode router query-interval 100s \
	startup-query-count 1
wait_ge 20 "d2's startup queries to go out (the next 100 s away)" 60000 \
	nextq_min
R mcastctl interface set d2 query-interval 5s query-response-interval 1s \
	robustness 3 startup-query-interval auto startup-query-count auto \
	last-member-query-count auto
for ms in $(nextq); do
	[ "$ms" -le 5000 ] || fail "the next query is $ms ms away after query-interval 5s"
done

# Derived values (RFC 3376 8.6, 8.7, 8.9) follow query-interval and
# robustness until set; "(auto)" marks them; "auto" derives them again.
check_fields d2 derived startup-query-interval=1250 startup-query-count=3 \
	last-member-query-count=3 \
	derived='["last-member-query-count","startup-query-interval","startup-query-count"]'
R mcastctl interface show d2 | grep -q 'startup-query-interval 1.25s (auto) startup-query-count 3 (auto)' ||
	fail "text show does not mark the derived values: $(R mcastctl interface show d2)"
R mcastctl interface set d2 startup-query-interval 2s robustness 2
R mcastctl interface set d2 query-interval 8s
check_fields d2 "explicit kept" startup-query-interval=2000 \
	startup-query-count=2 last-member-query-count=2 \
	derived='["last-member-query-count","startup-query-count"]'
R mcastctl interface set d2 startup-query-interval auto
check_fields d2 "derived again" startup-query-interval=2000 \
	derived='["last-member-query-count","startup-query-interval","startup-query-count"]'

# A partial set changes only what it names.
R mcastctl interface set d1 robustness 4
check_fields d1 "partial set" robustness=4 query-interval=60000 \
	boundaries='["239.192.0.0/14","ff05::/16"]'

# The boundary list is replaced as a whole; `none` clears it.
R mcastctl interface set d1 boundary 239.255.0.0/16
check_eq '["239.255.0.0/16"]' "$(jfield d1 boundaries)" "boundaries replaced"
R mcastctl interface set d1 boundary none
b=$(jfield d1 boundaries)
[ "$b" = "null" ] || [ "$b" = "[]" ] || fail "boundary none left $b"

# Dump lists both, sorted by ifindex; pretty JSON parses the same.
check_eq '["d1","d2"]' "$(R mcastctl -j interface show | jq -c 'map(.ifname)')" "dump lists both"
all_json=$(R mcastctl -j interface show | jq -c .)
[ -n "$all_json" ] || fail "no JSON from interface show"
check_eq "$all_json" "$(R mcastctl -j -p interface show | jq -c .)" "-p prints the same JSON"

# del removes exactly one, and a second del is an error.
R mcastctl interface del d1
check_fail R mcastctl interface show d1
check_eq '["d2"]' "$(R mcastctl -j interface show | jq -c 'map(.ifname)')" "del removed d1 only"
err=$(R mcastctl interface del d1 2>&1) && fail "second del succeeded"
echo "$err" | grep -q "not configured" || fail "second del: unclear error '$err'"

# Unknown devices and keywords are errors naming the culprit.
err=$(R mcastctl interface set nosuchdev mode router 2>&1) && fail "set on missing device succeeded"
echo "$err" | grep -q nosuchdev || fail "missing device error does not name it: $err"
err=$(R mcastctl interface set d2 mod router 2>&1) && fail "prefix keyword accepted"
echo "$err" | grep -q '"mod"' || fail "unknown keyword error does not name it: $err"
check_eq 0 "$(R mcastctl interface help >/dev/null; echo $?)" "interface help"
