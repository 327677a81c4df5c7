#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two routers on one LAN elect the lower address as querier, for IGMP and
# MLD; the loser keeps quiet, follows the winner's robustness and query
# interval (RFC 3376 4.1.6, 4.1.7), and takes over when the winner goes
# away (after the other querier present interval, measured). The queries
# on the wire, captured by a host and decoded by tshark on the test host
# after the run (on-host/42-memb-querier.sh): IGMPv3 / MLDv2
# general queries with TTL / hop limit 1 and Router Alert, then IGMPv2
# and MLDv1 ones after a version change, none malformed and no bad
# checksum.
#
#   ra: e0 --+
#   rb: e0 --+-- br0 (lan) --- e0 :h
#
# Timers are shortened. ra, the winner: query interval 4 s, response 1 s,
# startup interval 1 s. rb: query interval 1 s, response 0.5 s, so its own
# group membership interval (2.5 s) is shorter than the gap between ra's
# queries: rb keeps h's groups only because it adopts ra's QQI (its group
# membership interval becomes 2 x 4 + 0.5 s and its other querier present
# interval 2 x 4 + 0.25 s).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"

dmesg_mark
for ns in ra rb h lan; do
	netns_add "$ns"
done
ip -n lan link add br0 type bridge mcast_snooping 0
ip -n lan link set br0 up
n=1
for ns in ra rb h; do
	ip link add e0 netns "$ns" type veth peer name p$n netns lan
	ip -n lan link set p$n master br0 up
	ip -n "$ns" link set e0 addrgenmode none
	ip -n "$ns" addr add 10.9.0.$n/24 dev e0
	ip -n "$ns" addr add fe80::$n/64 dev e0 nodad
	ip -n "$ns" link set e0 up
	n=$((n + 1))
done

ip netns exec ra mcastctl interface set e0 mode router \
	query-interval 4s query-response-interval 1s startup-query-interval 1s
ip netns exec rb mcastctl interface set e0 mode router \
	query-interval 1s query-response-interval 500ms

# qfield NS FAMILY KEY: the querier state of e0.
qfield() {
	ip netns exec "$1" mcastctl -j "-$2" querier show dev e0 | jq -r --arg k "$3" '.[0][$k]'
}

elected() {
	[ "$(qfield ra "$1" self)" = true ] && [ "$(qfield rb "$1" self)" = false ] &&
		[ "$(qfield rb "$1" querier)" = "$2" ]
}

cap=$(mktemp -d)
cleanup_add "rm -rf $cap"
# -Z root: tcpdump would otherwise drop to its own user, which cannot
# write into the private temporary directory.
ip netns exec h tcpdump -Z root -i e0 -n -U -w "$cap/q.pcap" 'igmp or ip6' \
	>"$cap/tcpdump.log" 2>&1 &
tcpdump_pid=$!
cleanup_add "kill $tcpdump_pid 2>/dev/null"

wait_for 30 "10.9.0.1 elected" elected 4 10.9.0.1
wait_for 30 "fe80::1 elected" elected 6 fe80::1
check_eq 10.9.0.1 "$(qfield ra 4 querier)" "ra knows it is the IGMP querier"
check_eq fe80::1 "$(qfield ra 6 querier)" "ra knows it is the MLD querier"
[ "$(qfield rb 4 other-querier-expires)" -gt 0 ] || fail "rb runs the other querier present timer"
rbtx=$(ip netns exec rb mcastctl -s -j -4 querier show dev e0 | jq '.[0].stats["queries-tx"]')
rarx=$(ip netns exec rb mcastctl -s -j -4 querier show dev e0 | jq '.[0].stats["queries-rx"]')
[ "$rarx" -gt 0 ] || fail "rb heard ra's queries"

# rb follows ra's QRV and QQI, and so keeps h's groups between ra's
# queries: a group's age passes 9 s (more than two of ra's intervals,
# three of rb's own group membership intervals) without being forgotten.
for f in 4 6; do
	check_eq "2 4000" "$(ip netns exec rb mcastctl -j "-$f" querier show dev e0 |
		jq -r '.[0] | "\(.qrv) \(.qqi)"')" "IPv$f: rb's adopted qrv and qqi"
done
memb_join h e0 239.1.2.3
memb_join h e0 ff0e::1:2:3
# kept GROUP: rb has GROUP, learnt at least 9 s ago; fails at once if rb
# forgot it after having learnt it.
kept() {
	_age=$(ip netns exec rb mcastctl -j group show dev e0 group "$1" |
		jq -r '.[0].age // empty')
	if [ -z "$_age" ]; then
		[ -z "${seen:-}" ] || fail "rb forgot $1 between ra's queries"
		return 1
	fi
	seen=1
	[ "$_age" -ge 9000 ]
}
for g in 239.1.2.3 ff0e::1:2:3; do
	seen=
	wait_for 40 "rb to keep $g for 9 s" kept "$g"
done

# The winner leaves: rb takes over when its other querier present timer
# (8.25 s, from ra's QQI) runs out. The takeover is timed by rb's
# QUERIER_NTF events, stamped on arrival.
mon=$cap/monitor
memb_monitor_start rb "$mon"
# takeover_at FAMILY: the stamp of rb's first "self" querier event.
takeover_at() {
	jq -rR --arg f "$1" '(index(" ")) as $i | .[:$i] as $ts |
		(.[$i + 1:] | fromjson) |
		select(.event == "querier" and .family == $f and .self == true) | $ts' \
		"$mon" | head -n 1
}
took_over() {
	[ -n "$(takeover_at "$1")" ]
}
# ra stops somewhere between t0 and t1 (starting mcastctl takes a while
# in the guest). rb's timer was restarted by ra's last query, up to one
# query interval (4 s) before: it expires 4.25-8.25 s after ra stops (with
# rb's own values it would be 2.25 s at most).
t0=$(memb_now)
ip netns exec ra mcastctl interface set e0 mode off
t1=$(memb_now)
for f in inet inet6; do
	wait_for 30 "rb to take over ($f)" took_over "$f"
	at=$(takeover_at "$f")
	echo "takeover ($f) $(memb_diff "$at" "$t0") s after 'mode off' started, $(memb_diff "$at" "$t1") s after it returned"
	memb_between "$(memb_diff "$at" "$t0")" 4.1 60 ||
		fail "$f: rb took over before the other querier present interval"
	memb_between "$(memb_diff "$at" "$t1")" -60 9 ||
		fail "$f: rb took over later than the other querier present interval"
done
check_eq true "$(qfield rb 4 self)" "rb is the IGMP querier"
check_eq true "$(qfield rb 6 self)" "rb is the MLD querier"
check_eq 10.9.0.2 "$(qfield rb 4 querier)" "rb's IGMP querier address"
check_eq fe80::2 "$(qfield rb 6 querier)" "rb's MLD querier address"
txq() {
	ip netns exec rb mcastctl -s -j "-$1" querier show dev e0 | jq '.[0].stats["queries-tx"]'
}
wait_ge 10 "rb to send a query" $((rbtx + 1)) txq 4

# Older versions on the wire: two more queries of each family.
ip netns exec rb mcastctl interface set e0 igmp-version 2 mld-version 1
check_eq 2 "$(qfield rb 4 version)" "rb queries with IGMPv2"
tx4=$(txq 4)
tx6=$(txq 6)
wait_ge 20 "two IGMPv2 queries" $((tx4 + 2)) txq 4
wait_ge 20 "two MLDv1 queries" $((tx6 + 2)) txq 6
kill "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true
cat "$cap/tcpdump.log"

# Decoded on the host after the run (on-host/42-memb-querier.sh): a
# tshark start costs 15-30 s in the debug guest.
capture_keep "$cap/q.pcap"
dmesg_check_clean
