#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Changes while streams of both families flow: an oif renamed keeps
# forwarding under its new name; an oif set to mode off stops getting
# copies and gets them again in router mode; the router namespace deleted
# mid-stream; rmmod mid-stream (and modprobe again). Clean kernel log
# throughout (KASAN, lockdep, kmemleak at the end of the run).
#
#   fs: s0 ---- i0 :fr: o1 o2 ---- k1 k2 :fk

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

pids=
# streams: one IPv4 and one IPv6 stream of echo requests (20/s each)
streams() {
	ip netns exec fs ping -4 -n -q -t 8 -i 0.05 -I s0 239.1.1.1 >/dev/null 2>&1 &
	pids="$pids $!"
	cleanup_add "kill $! 2>/dev/null"
	ip netns exec fs ping -6 -n -q -t 8 -i 0.05 -I s0 ff0e::101 >/dev/null 2>&1 &
	pids="$pids $!"
	cleanup_add "kill $! 2>/dev/null"
}
streams_stop() {
	for p in $pids; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	pids=
}
# grows SINK FAM BASE N: SINK's FAM count is at least BASE + N
grows() {
	[ "$(fwd_count "$1" "$2")" -ge $(($3 + $4)) ]
}
# both_grow SINK N: both families' counts of SINK grow by N from now
both_grow() {
	_b4=$(fwd_count "$1" 4)
	_b6=$(fwd_count "$1" 6)
	wait_for 60 "$1 to receive $2 more IPv4 datagrams" grows "$1" 4 "$_b4" "$2"
	wait_for 60 "$1 to receive $2 more IPv6 datagrams" grows "$1" 6 "$_b6" "$2"
}
in_rx_ge() {
	[ "$(fwd_iface_stat i0 rx-packets)" -ge "$1" ]
}
setup() {
	fwd_router_on i0 o1 o2
	R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 oif o1 oif o2
	R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 oif o1 oif o2
}

dmesg_mark
fwd_topo 2
setup
streams
both_grow k1 3

# 1. Rename: same ifindex, same entries, the new name in the output.
R ip link set o1 down
R ip link set o1 name uplink1
R ip link set uplink1 up
check_eq "uplink1 o2" "$(fwd_mfe_oifs 239.1.1.1)" "renamed oif in the IPv4 entry"
check_eq "uplink1 o2" "$(fwd_mfe_oifs ff0e::101)" "renamed oif in the IPv6 entry"
both_grow k1 5

# 2. Mode off: no copies for that oif, the other keeps receiving.
R mcastctl interface set uplink1 mode off
rx=$(fwd_iface_stat i0 rx-packets)
# Two datagrams of each family in flight may already be past the check.
wait_for 60 "4 datagrams to arrive after mode off" in_rx_ge $((rx + 4))
c1=$(fwd_all 4)
c1_6=$(fwd_all 6)
both_grow k2 10
check_eq "${c1%% *}" "$(fwd_count k1 4)" "k1 gets no IPv4 copies with mode off"
check_eq "${c1_6%% *}" "$(fwd_count k1 6)" "k1 gets no IPv6 copies with mode off"
R mcastctl interface set uplink1 mode router
both_grow k1 5

# 3. The router namespace deleted mid-stream.
ip netns del fr
wait_for 60 "the router namespace's devices to go" sh -c '! ip -n fk link show k1 >/dev/null 2>&1'
streams_stop
dmesg_check_clean

# 4. rmmod mid-stream, then modprobe: nothing configured afterwards. The
# namespace's deletion took the veth peers (s0, k1, k2) with it.
netns_add fr
ip -b - <<'IP'
link add s0 netns fs type veth peer name i0 netns fr
link add o1 netns fr type veth peer name k1 netns fk
link add o2 netns fr type veth peer name k2 netns fk
IP
ip -n fs -b - <<'IP'
addr add 10.0.0.1/24 dev s0
addr add fd00::1/64 dev s0 nodad
link set s0 up
route add 224.0.0.0/4 dev s0
IP
ip netns exec fr sh -c '
	echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad
	echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad'
ip -n fr -b - <<'IP'
addr add 10.0.0.2/24 dev i0
addr add fd00::2/64 dev i0 nodad
link set i0 up
link set o1 up
link set o2 up
IP
ip -n fk link set k1 up
ip -n fk link set k2 up
setup
streams
both_grow k2 3
rmmod mcast_router
streams_stop
modprobe mcast_router
check_eq "[]" "$(R mcastctl -j mfe show)" "no entries after reload"
check_eq "[]" "$(R mcastctl -j interface show)" "no interfaces after reload"
dmesg_check_clean
