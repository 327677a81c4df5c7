#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The router's own sockets still receive the traffic it forwards, and an
# nftables FORWARD drop rule in the router namespace stops (and counts)
# the forwarded copies while local delivery goes on. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 o2 ---- k1 k2 :fk
#                |
#             listener (raw ICMP sockets joined to the groups on i0)

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

# The listener: joins 239.1.1.1 and ff0e::101 on i0, counts the echo
# requests sent to them, and rewrites "V4 V6" into $1 after each (and
# once at start: the readiness signal).
listener='
import os, select, socket, struct, sys
out, ifname = sys.argv[1], sys.argv[2]
idx = socket.if_nametoindex(ifname)
s4 = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
s4.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
              struct.pack("=4s4si", socket.inet_aton("239.1.1.1"),
                          socket.inet_aton("0.0.0.0"), idx))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
              socket.inet_pton(socket.AF_INET6, "ff0e::101") + struct.pack("=I", idx))
s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVPKTINFO, 1)
g6 = socket.inet_pton(socket.AF_INET6, "ff0e::101")
n = [0, 0]
def write():
    with open(out + ".tmp", "w") as f:
        f.write("%d %d\n" % (n[0], n[1]))
    os.rename(out + ".tmp", out)
write()
while True:
    r, _, _ = select.select([s4, s6], [], [])
    if s4 in r:
        d = s4.recv(65536)
        hl = (d[0] & 15) * 4
        if len(d) > hl and d[16:20] == socket.inet_aton("239.1.1.1") and d[hl] == 8:
            n[0] += 1
            write()
    if s6 in r:
        d, anc, _, _ = s6.recvmsg(65536, 1024)
        dst = b""
        for lvl, typ, data in anc:
            if lvl == socket.IPPROTO_IPV6 and typ == socket.IPV6_PKTINFO:
                dst = data[:16]
        if d and d[0] == 128 and dst == g6:
            n[1] += 1
            write()
'
heard=$(mktemp)
rm -f "$heard"
cleanup_add "rm -f $heard $heard.tmp"

dmesg_mark
fwd_topo 2
fwd_router_on i0 o1 o2
R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 oif o1 oif o2
R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 oif o1 oif o2

ip netns exec fr python3 -c "$listener" "$heard" i0 &
cleanup_add "kill $! 2>/dev/null"
wait_for 120 "the listener on the router to be ready" test -s "$heard"
check_eq "0 0" "$(cat "$heard")" "listener ready"

# heard_is "V4 V6": the listener's counts (it writes after each datagram)
heard_is() {
	[ "$(cat "$heard")" = "$1" ]
}

fwd_ping 4 s0 8 5 239.1.1.1
fwd_ping 6 s0 8 4 ff0e::101
wait_for 30 "the listener to hear 5 + 4" heard_is "5 4"
check_eq "5 5 4 4" "$(fwd_all 4) $(fwd_all 6)" \
	"forwarded while the router listens"

R nft -f - <<'NFT'
table inet fwdrop {
	chain copies {
		type filter hook forward priority 0; policy accept;
		ip daddr 239.1.1.1 counter drop
		ip6 daddr ff0e::101 counter drop
	}
}
NFT
fwd_ping 4 s0 8 3 239.1.1.1
fwd_ping 6 s0 8 2 ff0e::101
wait_for 30 "the listener to hear 3 + 2 more" heard_is "8 6"
check_eq "5 5 4 4" "$(fwd_all 4) $(fwd_all 6)" \
	"FORWARD drop rule stops the copies"
check_eq "6 4" "$(R nft -j list chain inet fwdrop copies | jq -r '[.nftables[] | .rule? // empty | .expr[] | .counter? // empty | .packets] | join(" ")')" \
	"FORWARD drop rule counted a copy per oif"

R nft delete table inet fwdrop
fwd_ping 4 s0 8 2 239.1.1.1
wait_for 30 "the listener to hear 2 more" heard_is "10 6"
check_eq "7 7" "$(fwd_all 4)" "forwarding again without the rule"
dmesg_check_clean
