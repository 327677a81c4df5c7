#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Coexistence with the kernel's native multicast routing. While an mroute
# socket (MRT_INIT / MRT6_INIT, what smcroute, pimd and igmpproxy open) is
# open in the namespace, router and proxy mode are refused with a clear
# error and nothing changes; an mroute socket opened while the module
# forwards stops its forwarding (counted as native-routing) instead of
# forwarding twice; closing it lets forwarding resume. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 ---- k1 :fk

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

# The mroute holder: MRT_INIT (IPv4) or MRT6_INIT (IPv6), both 200, on a
# raw socket; it holds the socket until killed.
holder='
import signal, socket, struct, sys
if sys.argv[1] == "4":
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_IGMP)
    s.setsockopt(socket.IPPROTO_IP, 200, struct.pack("i", 1))
else:
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    s.setsockopt(socket.IPPROTO_IPV6, 200, struct.pack("i", 1))
signal.pause()
'
holder_pid=
holder_start() {
	ip netns exec fr python3 -c "$holder" "$1" &
	holder_pid=$!
	cleanup_add "kill $holder_pid 2>/dev/null"
}
holder_stop() {
	kill "$holder_pid"
	wait "$holder_pid" 2>/dev/null || true
}
mcfwd() {
	if [ "$1" = 4 ]; then
		R cat /proc/sys/net/ipv4/conf/all/mc_forwarding
	else
		R cat /proc/sys/net/ipv6/conf/all/mc_forwarding
	fi
}
mcfwd_is() {
	[ "$(mcfwd "$1")" = "$2" ]
}

dmesg_mark
fwd_topo 1
for fam in 4 6; do
	fwd_family "$fam"

	# 1. Refused while native routing is active; nothing configured.
	holder_start "$fam"
	wait_for 60 "IPv$fam mc_forwarding to be set by the mroute socket" \
		mcfwd_is "$fam" 1
	err=$(R mcastctl interface set i0 mode router 2>&1) &&
		fail "IPv$fam: router mode accepted beside native routing"
	case "$err" in
	*"native multicast routing is active in this namespace"*) ;;
	*) fail "IPv$fam: unexpected error: $err" ;;
	esac
	echo "ok: IPv$fam: refused: $err"
	err=$(R mcastctl interface set o1 mode proxy 2>&1) &&
		fail "IPv$fam: proxy mode accepted beside native routing"
	check_eq "[]" "$(R mcastctl -j interface show)" \
		"IPv$fam: nothing configured after the refusals"
	# Mode off and other settings are not forwarding: still allowed.
	R mcastctl interface set i0 mode off ttl-threshold 5
	R mcastctl interface del i0
	holder_stop
	wait_for 60 "IPv$fam mc_forwarding to be cleared" mcfwd_is "$fam" 0

	# 2. Accepted once the socket is closed; forwarding works.
	fwd_router_on i0 o1
	R mcastctl mfe add group "$g" source "$s" iif i0 oif o1
	fwd_ping "$fam" s0 8 3 "$g"
	check_eq 3 "$(fwd_all "$fam")" "IPv$fam: forwarding"

	# 3. A socket opened now: the module stands back and counts.
	holder_start "$fam"
	wait_for 60 "IPv$fam mc_forwarding to be set again" mcfwd_is "$fam" 1
	fwd_ping "$fam" s0 8 4 "$g"
	check_eq 3 "$(fwd_all "$fam")" \
		"IPv$fam: no copies from the module beside native routing"
	# i0 was configured afresh in step 2: its counters start at 0.
	check_eq 4 "$(fwd_iface_stat i0 native-routing)" \
		"IPv$fam: i0 native-routing"

	# 4. Closed again: forwarding resumes.
	holder_stop
	wait_for 60 "IPv$fam mc_forwarding to be cleared again" \
		mcfwd_is "$fam" 0
	fwd_ping "$fam" s0 8 2 "$g"
	check_eq 5 "$(fwd_all "$fam")" "IPv$fam: forwarding resumed"

	R mcastctl mfe flush
	R mcastctl interface del i0
	R mcastctl interface del o1
done
dmesg_check_clean
