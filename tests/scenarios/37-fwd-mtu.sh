#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A datagram larger than an oif's MTU is not sent there (routers do not
# fragment IPv6; the fast path does not fragment IPv4 either) and counts
# as tx-errors on that oif; the other oifs get it. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 (MTU 1280) ---- k1 :fk
#                       o2 (MTU 1500) ---- k2

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

# bigping FAM COUNT PAYLOAD GROUP
bigping() {
	ip netns exec fs timeout 120 ping -"$1" -n -q -t 8 -c "$2" -s "$3" \
		-i 0.05 -W 0.2 -I s0 "$4" >/dev/null 2>&1 || true
}

dmesg_mark
fwd_topo 2
R ip link set o1 mtu 1280
fwd_router_on i0 o1 o2
R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 oif o1 oif o2
R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 oif o1 oif o2

# IPv4: 20 + 8 + 1252 = 1280 fits; 1253 bytes of payload do not.
bigping 4 3 1252 239.1.1.1
check_eq "3 3" "$(fwd_all 4)" "IPv4 datagrams of exactly the MTU"
bigping 4 2 1253 239.1.1.1
check_eq "3 5" "$(fwd_all 4)" "IPv4 datagrams over o1's MTU"
check_eq 2 "$(fwd_iface_stat o1 tx-errors)" "o1 tx-errors after IPv4"

# IPv6: 40 + 8 + 1232 = 1280 fits.
bigping 6 3 1232 ff0e::101
check_eq "3 3" "$(fwd_all 6)" "IPv6 datagrams of exactly the MTU"
bigping 6 4 1233 ff0e::101
check_eq "3 7" "$(fwd_all 6)" "IPv6 datagrams over o1's MTU"
check_eq 6 "$(fwd_iface_stat o1 tx-errors)" "o1 tx-errors after IPv6"
check_eq 0 "$(fwd_iface_stat o2 tx-errors)" "o2 tx-errors"
dmesg_check_clean
