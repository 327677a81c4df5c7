#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# TTL thresholds: a copy leaves an oif only if the TTL (hop limit) as
# received is greater than the oif's threshold; TTL 1 is never forwarded
# and counted as ttl-expired on the arrival interface. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 (threshold 1)  ---- k1 :fk
#                       o2 (threshold 32) ---- k2
#                       o3 (threshold 64) ---- k3

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

dmesg_mark
fwd_topo 3
fwd_router_on i0 o1
R mcastctl interface set o2 mode router ttl-threshold 32
R mcastctl interface set o3 mode router ttl-threshold 64
R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 oif o1 oif o2 oif o3
R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 oif o1 oif o2 oif o3

# step FAM GROUP TTL COUNT K1 K2 K3: send, then every sink's running total
step() {
	fwd_ping "$1" s0 "$3" "$4" "$2"
	check_eq "$5 $6 $7" "$(fwd_all "$1")" "IPv$1 after $4 with TTL $3: k1 k2 k3"
}

for fam in 4 6; do
	if [ "$fam" = 4 ]; then g=239.1.1.1; else g=ff0e::101; fi
	# Running totals per sink; thresholds 1, 32, 64.
	step "$fam" "$g" 1 3 0 0 0
	step "$fam" "$g" 2 4 4 0 0
	step "$fam" "$g" 32 2 6 0 0
	step "$fam" "$g" 33 2 8 2 0
	step "$fam" "$g" 64 2 10 4 0
	step "$fam" "$g" 65 2 12 6 2
	step "$fam" "$g" 255 1 13 7 3
done

# Per family: 3 TTL 1 datagrams expired; o2 refused TTL 2 and 32 (6),
# o3 TTL 2, 32, 33, 64 (10); o1 forwarded 13.
check_eq 6 "$(fwd_iface_stat i0 ttl-expired)" "i0 ttl-expired (3 per family)"
check_eq 0 "$(fwd_iface_stat o1 threshold-drops)" "o1 threshold-drops"
check_eq 12 "$(fwd_iface_stat o2 threshold-drops)" "o2 threshold-drops"
check_eq 20 "$(fwd_iface_stat o3 threshold-drops)" "o3 threshold-drops"
check_eq 26 "$(fwd_iface_stat o1 forwarded-packets)" "o1 forwarded-packets"
check_eq 6 "$(fwd_iface_stat o3 forwarded-packets)" "o3 forwarded-packets"
check_eq 16 "$(fwd_mfe_stat 239.1.1.1 threshold-drops)" "IPv4 entry threshold-drops"

# Raising o1's threshold takes effect for the next datagram.
R mcastctl interface set o1 ttl-threshold 128
step 4 239.1.1.1 128 2 13 9 5
step 4 239.1.1.1 129 1 14 10 6
dmesg_check_clean
