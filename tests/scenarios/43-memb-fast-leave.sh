#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two hosts watch one channel behind one interface (the "two TVs" case).
# With fast-leave and explicit host tracking, the first host's leave
# does not cut the second, and the last host's leave stops forwarding at
# once; without fast-leave the same leaves take the last member query
# time (measured against it). IGMPv3 and MLDv2 hosts (no report
# suppression, so every host is seen).
#
#   fs: s0 ---- i0 :fr: o1 ---- br0 (lan) --+-- e0 :h1
#                                           +-- e0 :h2

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"
# shellcheck source=../lib/topo.sh
. "$MCR_ROOT/tests/lib/topo.sh"

R() {
	ip netns exec fr "$@"
}

dmesg_mark
topo_ns fs fr lan h1 h2
topo_router fr
topo_link fs s0 fr i0
topo_if fs s0 10.0.0.1/24 fd00::1/64
topo_route fs 224.0.0.0/4 dev s0
topo_if fr i0 10.0.0.2/24 fd00::2/64
topo_bridge lan br0
topo_port lan br0 p0 fr o1
topo_if fr o1 10.1.1.1/24 fd01:1::1/64
n=1
for h in h1 h2; do
	topo_port lan br0 p$n "$h" e0
	topo_if "$h" e0 10.1.1.1$n/24 fd01:1::1$n/64
	n=$((n + 1))
done
topo_commit
for h in h1 h2; do
	topo_nft "$h" <<NFT
table inet count {
	chain pre {
		type filter hook prerouting priority -300; policy accept;
		ip saddr 10.0.0.1 icmp type echo-request counter comment "4"
		ip6 saddr fd00::1 icmpv6 type echo-request counter comment "6"
	}
}
NFT
done
mon=$(mktemp)
cleanup_add "rm -f $mon"
memb_monitor_start fr "$mon"
R mcastctl interface set i0 mode router
R mcastctl interface set o1 mode router fast-leave on

# got HOST FAMILY: echo requests from s0 that reached HOST.
got() {
	ip netns exec "$1" nft -j list chain inet count pre |
		jq -r --arg f "$2" '.nftables[] | .rule? // empty |
			select(.comment == $f) | .expr[] | .counter? // empty | .packets'
}

ping_g() {
	ip netns exec fs timeout 60 ping "-$1" -n -q -t 8 -c "$2" -i 0.05 -W 0.2 \
		-I s0 "$3" >/dev/null 2>&1 || true
}

nhosts() {
	R mcastctl -j group show dev o1 group "$1" | jq -r '.[0].hosts // [] | length'
}

# run FAMILY GROUP FAST(on|off)
run() {
	R mcastctl interface set o1 fast-leave "$3"
	what="IPv$1 fast-leave $3"
	memb_join h1 e0 "$2"
	p1=$memb_pid
	memb_join h2 e0 "$2"
	p2=$memb_pid
	wait_eq 20 "both hosts tracked ($what)" 2 nhosts "$2"
	a=$(got h2 "$1")

	memb_leave "$p1"
	wait_eq 20 "h1's leave ($what)" 1 nhosts "$2"
	memb_has o1 "$2" || fail "$what: the first leave cut the group"
	ping_g "$1" 5 "$2"
	check_eq $((a + 5)) "$(got h2 "$1")" "$what: h2 still receives after h1 left"

	# The latency to the monitor's leave event, stamped on arrival.
	n=$(wc -l <"$mon")
	t0=$(memb_now)
	memb_leave "$p2"
	memb_wait_event "$mon" "$n" leave o1 "$2"
	lat=$(memb_diff "$memb_at" "$t0")
	echo "last leave latency, $what: $lat s"
	if [ "$3" = on ]; then
		memb_between "$lat" 0 1 || fail "$what: last leave took $lat s"
	else
		memb_between "$lat" 1.8 3.5 || fail "$what: last leave took $lat s, not 2 s"
	fi
	memb_hasnt o1 "$2" || fail "$what: $2 still on o1 after its leave event"
	b=$(got h2 "$1")
	ping_g "$1" 3 "$2"
	check_eq "$b" "$(got h2 "$1")" "$what: nothing forwarded after the last leave"
}

run 4 239.3.3.3 on
run 6 ff0e::303 on
run 4 239.3.3.4 off
run 6 ff0e::304 off
dmesg_check_clean
