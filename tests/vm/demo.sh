#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: runs in the test VM with mcast_router loaded (tests/vm/init).
#
#                +------------------ ns router ------------------+
#   [ ns isp ]---| up0 (proxy)     dn1 (router)    dn2 (router)   |
#                +----------------------|---------------|---------+
#                                    [ ns h1 ]       [ ns h2 ]
#
# The router namespace's upstream interface faces the provider (proxy
# mode), the two downstream ones face hosts (router mode; dn2's hosts are
# old and speak IGMPv2). The demo configures it with mcastctl and shows the
# result, in text and JSON, and what `mcastctl monitor` saw meanwhile.
# Then a source at the provider streams to one IPv4 and one IPv6 group
# through static forwarding entries; both hosts receive it, and
# `mcastctl mfe show` and the interface counters show what the router did.
# Then membership drives forwarding: h2 joins a group, the router learns
# it (group show), h1's stream reaches h2 through a membership entry, and
# after h2 leaves the group and the entry's outgoing interface are gone.
# Last, the seeds' proxy picture: the provider runs a router too (a
# second mcast_router in router mode); h1 joins, the router reports it on
# up0 (proxy show), the provider's router learns it from that report
# (group show in isp), the provider's stream reaches h1, and h1's leave
# goes upstream.
# Then MADCAP (RFC 2730): madcapd on the router leases addresses from a
# site-local scope; h2 asks for one with mcastctl madcap request, joins
# it, h1 streams to it, and the scope boundary on up0 keeps it inside.
set -eu

root=${MCR_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=../scenarios/lib.sh
. "$root/tests/scenarios/lib.sh"
# The transcript shows the commands and their output, not the waits.
# shellcheck disable=SC2034 # read by wait_for (lib.sh)
WAIT_QUIET=1

say() {
	printf '\n### %s\n' "$*"
}
run() {
	echo "router# $*"
	ip netns exec router "$@"
}

say "topology: router with three interfaces, a provider and two hosts"
netns_add router
for peer in isp h1 h2; do
	netns_add "$peer"
done
veth_pair up0 router eth0 isp
veth_pair dn1 router eth0 h1
veth_pair dn2 router eth0 h2
for ns in router isp h1 h2; do
	ip netns exec "$ns" sh -c '
		echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad
		echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
done
ip -n router -b - <<'IP'
addr add 192.0.2.1/24 dev up0
addr add 2001:db8:1::1/64 dev up0 nodad
addr add 198.51.100.1/24 dev dn1
addr add 2001:db8:2::1/64 dev dn1 nodad
addr add 203.0.113.1/24 dev dn2
addr add 2001:db8:3::1/64 dev dn2 nodad
IP
ip -n isp -b - <<'IP'
addr add 192.0.2.2/24 dev eth0
addr add 2001:db8:1::2/64 dev eth0 nodad
route add 224.0.0.0/4 dev eth0
IP
ip -n h1 addr add 198.51.100.2/24 dev eth0
ip -n h1 addr add 2001:db8:2::2/64 dev eth0 nodad
ip -n h2 addr add 203.0.113.2/24 dev eth0
ip -n h2 addr add 2001:db8:3::2/64 dev eth0 nodad
ip -n router -br link show type veth

say "watching configuration events"
mon=$(mktemp)
monerr=$(mktemp)
cleanup_add "rm -f $mon $monerr"
ip netns exec router mcastctl monitor >"$mon" 2>"$monerr" &
cleanup_add "kill $! 2>/dev/null"
wait_for 60 "mcastctl monitor to subscribe" grep -q "monitoring" "$monerr"

say "configuring the router"
run mcastctl interface set up0 mode proxy ttl-threshold 32 \
	boundary 239.192.0.0/14 boundary ff05::/16
run mcastctl interface set dn1 mode router
run mcastctl interface set dn2 mode router igmp-version 2 \
	query-interval 60s query-response-interval 5s

say "mcastctl interface show"
run mcastctl interface show

say "mcastctl -j -p interface show dn2"
run mcastctl -j -p interface show dn2

say "a mistake is refused, with the kernel's reason, and changes nothing"
if run mcastctl interface set dn1 query-response-interval 200s; then
	fail "the demo expected that to be refused"
fi

say "events seen by mcastctl monitor"
wait_for 30 "three monitor events" sh -c "[ \$(wc -l <'$mon') -ge 3 ]"
cat "$mon"

# A receiver: joins GROUP on eth0, counts UDP datagrams to port 5000 and
# writes the count to FILE after each (and 0 at start: ready).
receiver='
import os, socket, struct, sys
group, out = sys.argv[1], sys.argv[2]
idx = socket.if_nametoindex("eth0")
if ":" in group:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
                 socket.inet_pton(socket.AF_INET6, group) + struct.pack("=I", idx))
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                 struct.pack("=4s4si", socket.inet_aton(group),
                             socket.inet_aton("0.0.0.0"), idx))
s.bind((group, 5000))
n = 0
while True:
    with open(out + ".tmp", "w") as f:
        f.write("%d\n" % n)
    os.rename(out + ".tmp", out)
    s.recv(2048)
    n += 1
'
# The source: COUNT datagrams of 1000 bytes to GROUP port 5000, TTL 16.
source='
import socket, sys, time
group, count = sys.argv[1], int(sys.argv[2])
fam = socket.AF_INET6 if ":" in group else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
if fam == socket.AF_INET6:
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 16)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF,
                 socket.if_nametoindex("eth0"))
else:
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 16)
for i in range(count):
    s.sendto(b"x" * 1000, (group, 5000))
    time.sleep(0.01)
'
rxdir=$(mktemp -d)
cleanup_add "rm -rf $rxdir"
g4=233.252.0.1
g6=ff0e::db8:1
count=100

say "a stream from the provider to $g4 and $g6"
run mcastctl mfe add group $g4 source 192.0.2.2 iif up0 oif dn1 oif dn2
run mcastctl mfe add group $g6 source 2001:db8:1::2 iif up0 oif dn1 oif dn2
for h in h1 h2; do
	for g in $g4 $g6; do
		ip netns exec $h python3 -c "$receiver" "$g" "$rxdir/$h-$g" &
		cleanup_add "kill $! 2>/dev/null"
	done
done
for h in h1 h2; do
	for g in $g4 $g6; do
		wait_for 60 "the receiver of $g on $h" test -s "$rxdir/$h-$g"
	done
done
echo "isp# sending $count datagrams to each group (TTL 16)"
ip netns exec isp python3 -c "$source" $g4 $count
ip netns exec isp python3 -c "$source" $g6 $count
rx_done() {
	[ "$(cat "$rxdir/$1-$2")" -ge "$count" ]
}
rx_done50() {
	[ "$(cat "$rxdir/h2-233.252.0.2")" -ge 50 ]
}
for h in h1 h2; do
	for g in $g4 $g6; do
		wait_for 60 "$h to receive $count datagrams of $g" rx_done $h "$g"
		echo "$h received $(cat "$rxdir/$h-$g") of $count datagrams to $g"
	done
done

say "mcastctl mfe show"
run mcastctl mfe show

say "mcastctl -s interface show dn1"
run mcastctl -s interface show dn1

say "the IPv4 table in JSON: mcastctl -j -p -4 mfe show"
run mcastctl -j -p -4 mfe show

g=233.252.0.2
say "membership: h2 joins $g, h1 streams to it, h2 leaves"
ip -n h1 route add 224.0.0.0/4 dev eth0
ip netns exec h2 python3 -c "$receiver" $g "$rxdir/h2-$g" &
rx=$!
cleanup_add "kill $rx 2>/dev/null"
wait_for 60 "the receiver of $g on h2" test -s "$rxdir/h2-$g"
joined() {
	[ -n "$(ip netns exec router mcastctl -j group show dev dn2 group $g | jq '.[]')" ]
}
wait_for 30 "the router to learn $g on dn2 from h2's report" joined
run mcastctl group show
echo "h1# sending 50 datagrams to $g (TTL 16)"
ip netns exec h1 python3 -c "$source" $g 50
wait_for 60 "h2 to receive 50 datagrams of $g" rx_done50
echo "h2 received $(cat "$rxdir/h2-$g") of 50 datagrams to $g"
run mcastctl mfe show group $g
run mcastctl querier show

echo "h2# leaving $g"
kill $rx
wait $rx 2>/dev/null || true
left() {
	! joined
}
wait_for 30 "the router to forget $g after h2's leave" left
run mcastctl group show dev dn2
run mcastctl -s mfe show group $g
echo "(h1's datagrams also went to the proxy's upstream up0, as RFC 4605 has a"
echo " downstream source's traffic go upstream; up0's ttl-threshold is 32 and"
echo " their TTL 16, so its 50 copies were held back: threshold-drops 50)"

g=233.252.0.3
say "the proxy: h1 joins $g, the router reports it to the provider's router, whose stream reaches h1"
echo "isp# mcastctl interface set eth0 mode router"
ip netns exec isp mcastctl interface set eth0 mode router
ip netns exec h1 python3 -c "$receiver" $g "$rxdir/h1-$g" &
rx=$!
cleanup_add "kill $rx 2>/dev/null"
wait_for 60 "the receiver of $g on h1" test -s "$rxdir/h1-$g"
proxied() {
	[ -n "$(ip netns exec router mcastctl -j proxy show group $g | jq '.[]')" ]
}
isp_learnt() {
	[ -n "$(ip netns exec isp mcastctl -j group show dev eth0 group $g | jq '.[]')" ]
}
wait_for 30 "the router to report $g on up0" proxied
run mcastctl proxy show
wait_for 30 "the provider's router to learn $g from the router's report" isp_learnt
echo "isp# mcastctl group show"
ip netns exec isp mcastctl group show
echo "isp# sending 50 datagrams to $g (TTL 16)"
ip netns exec isp python3 -c "$source" $g 50
rx_h1() {
	[ "$(cat "$rxdir/h1-$g")" -ge 50 ]
}
wait_for 60 "h1 to receive 50 datagrams of $g" rx_h1
echo "h1 received $(cat "$rxdir/h1-$g") of 50 datagrams to $g"
run mcastctl mfe show group $g
echo "h1# leaving $g"
kill $rx
wait $rx 2>/dev/null || true
unproxied() {
	! proxied
}
wait_for 30 "the router to leave $g upstream after h1's leave" unproxied
run mcastctl proxy show
echo "($g is no longer reported upstream; the first section's receivers still are)"

say "MADCAP: the router leases a group address to h2, which then uses it"
# The guest's /run is its own tmpfs; /var/lib is the host's, read-only.
export MCASTCTL_MADCAP_DIR=/run/mcast_router/madcap-client
echo "router# madcapd --db /run/mcast_router/madcap.db --interface dn1 --interface dn2 &"
ip netns exec router madcapd --foreground --db /run/mcast_router/madcap.db \
	--interface dn1 --interface dn2 2>"$rxdir/madcapd.log" &
cleanup_add "kill $! 2>/dev/null"
wait_for 30 "madcapd's control socket" test -S /run/mcast_router/madcapd.sock
run mcastctl madcap scope add site range 239.192.0.0-239.192.3.255 ttl 16 lease 1d
run mcastctl madcap exclude add site 239.192.0.0-239.192.0.15
run mcastctl madcap scope show
ip -n h2 route add 224.0.0.0/4 dev eth0
echo "h2# mcastctl madcap getinfo"
ip netns exec h2 mcastctl madcap getinfo
echo "h2# mcastctl madcap request scope site"
ip netns exec h2 mcastctl madcap request scope site | tee "$rxdir/lease"
g=$(sed -n 's/^    \(239\.[0-9.]*\)$/\1/p' "$rxdir/lease" | head -n 1)
[ -n "$g" ] || fail "no address in mcastctl madcap request's answer"
echo "(the first address after the excluded 239.192.0.0-239.192.0.15)"
run mcastctl madcap lease show
ip netns exec h2 python3 -c "$receiver" "$g" "$rxdir/h2-$g" &
rx=$!
cleanup_add "kill $rx 2>/dev/null"
wait_for 60 "the receiver of $g on h2" test -s "$rxdir/h2-$g"
wait_for 30 "the router to learn $g on dn2 from h2's report" joined
echo "h1# sending 50 datagrams to $g (TTL 16)"
ip netns exec h1 python3 -c "$source" "$g" 50
rx_lease() {
	[ "$(cat "$rxdir/h2-$g")" -ge 50 ]
}
wait_for 60 "h2 to receive 50 datagrams of $g" rx_lease
echo "h2 received $(cat "$rxdir/h2-$g") of 50 datagrams to $g"
run mcastctl -s mfe show group "$g"
echo "(up0 is listed, as RFC 4605 sends a downstream source's traffic upstream,"
echo " but its boundary 239.192.0.0/14 keeps the site scope inside the site:"
echo " boundary-drops 50)"
bdrops=$(ip netns exec router mcastctl -j -s mfe show group "$g" | jq '.[0]."boundary-drops"')
[ "$bdrops" = 50 ] || fail "the boundary was to stop 50 copies on up0, not $bdrops"
echo "h2# mcastctl madcap release $(sed -n 's/^lease \([0-9a-f]*\) .*/\1/p' "$rxdir/lease")"
ip netns exec h2 mcastctl madcap release \
	"$(sed -n 's/^lease \([0-9a-f]*\) .*/\1/p' "$rxdir/lease")"
run mcastctl madcap stats
echo
echo "demo: done"

