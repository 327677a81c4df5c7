#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# While a stream flows: deleting its entry stops forwarding at once (the
# later datagrams are learnt as a membership entry nobody asked for, no
# sink counts more); a sink
# interface deleted mid-stream vanishes from the entry while the other
# sinks keep receiving, with a clean kernel log. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 o2 o3 ---- k1 k2 k3 :fk

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

stream_pid=
# stream FAM GROUP: a stream of echo requests in the background (20/s)
stream() {
	if [ "$1" = 6 ]; then f=-6; else f=-4; fi
	ip netns exec fs ping "$f" -n -q -t 8 -i 0.05 -I s0 "$2" >/dev/null 2>&1 &
	stream_pid=$!
	cleanup_add "kill $stream_pid 2>/dev/null"
}
stream_stop() {
	kill "$stream_pid" 2>/dev/null || true
	wait "$stream_pid" || true
}
# counts FAM: "k1 k2 k3" counts
counts() {
	fwd_all "$1"
}
# grows_by SINK FAM BASE N: SINK counted at least N more than BASE
grows_by() {
	[ "$(fwd_count "$1" "$2")" -ge $(($3 + $4)) ]
}
# learnt_ge N: the membership entry the stream fell back to matched N
learnt_ge() {
	_p=$(fwd_mfe_stat "$g" packets "$s")
	[ "$(fwd_mfe_stat "$g" origin "$s")" = membership ] && [ "$_p" -ge "$1" ]
}

dmesg_mark
fwd_topo 3
fwd_router_on i0 o1 o2 o3

for fam in 4 6; do
	fwd_family "$fam"
	R mcastctl mfe add group "$g" source "$s" iif i0 oif o1 oif o2 oif o3
	stream "$fam" "$g"
	wait_for 60 "IPv$fam stream to reach k1" grows_by k1 "$fam" 0 5

	# Entry deletion: from the first datagram that arrives after it
	# returned (learnt as a membership entry without oifs: no host
	# joined), nothing more is forwarded.
	R mcastctl mfe del group "$g" source "$s" iif i0
	wait_for 60 "IPv$fam datagrams after the delete" learnt_ge 2
	c1=$(counts "$fam")
	n=$(fwd_mfe_stat "$g" packets "$s")
	wait_for 60 "20 more IPv$fam datagrams after the delete" learnt_ge $((n + 20))
	check_eq "$c1" "$(counts "$fam")" "IPv$fam sinks after deleting the entry"
	check_eq 0 "$(fwd_mfe_noifs "$g" "$s")" "IPv$fam static entry gone, learnt one forwards nowhere"
	stream_stop
	R mcastctl mfe del group "$g" source "$s"
done

# Sink interface deleted mid-stream (both families' entries name it).
R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 oif o1 oif o2 oif o3
R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 oif o1 oif o2 oif o3
stream 4 239.1.1.1
wait_for 60 "the stream to reach k2" grows_by k2 4 "$(fwd_count k2 4)" 3
ip -n fr link del o2
check_eq "o1 o3" "$(fwd_mfe_oifs 239.1.1.1)" "o2 gone from the IPv4 entry"
check_eq "o1 o3" "$(fwd_mfe_oifs ff0e::101)" "o2 gone from the IPv6 entry"
b1=$(fwd_count k1 4)
b3=$(fwd_count k3 4)
wait_for 60 "k1 to keep receiving" grows_by k1 4 "$b1" 20
wait_for 60 "k3 to keep receiving" grows_by k3 4 "$b3" 20
stream_stop
check_eq 0 "$(R mcastctl -j interface show | jq 'map(select(.ifname == "o2")) | length')" "o2's configuration gone"

# The input interface deleted mid-stream takes its entries with it.
stream 6 ff0e::101
wait_for 60 "the IPv6 stream to reach k1" grows_by k1 6 "$(fwd_count k1 6)" 3
ip -n fs link del s0
check_eq 0 "$(R mcastctl -j mfe show | jq length)" "entries of the deleted iif gone"
stream_stop
dmesg_check_clean
