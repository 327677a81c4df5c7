#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# An exact (S,G) entry wins over (*,G); datagrams of a group arriving on an
# interface that is not the entry's incoming interface are not forwarded
# and are counted (wrong-iif on the interface and on the entry), not as
# no-entry. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 ---- k1 :fk     (S,G)  S = s0's address -> o1
#       s1 ---- i1      o2 ---- k2         (*,G)                   -> o2

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

dmesg_mark
fwd_topo 2
fwd_router_on i0 i1 o1 o2

for fam in 4 6; do
	fwd_family "$fam"
	# (*,G) alone: s0's traffic goes to o2.
	R mcastctl mfe add group "$g" iif i0 oif o2
	fwd_ping "$fam" s0 8 3 "$g"
	check_eq "0 3" "$(fwd_all "$fam")" "IPv$fam (*,G) only"
	# (S,G) for s0's address: it wins.
	R mcastctl mfe add group "$g" source "$s" iif i0 oif o1
	fwd_ping "$fam" s0 8 4 "$g"
	check_eq "4 3" "$(fwd_all "$fam")" "IPv$fam (S,G) wins over (*,G)"
	check_eq 4 "$(fwd_mfe_stat "$g" packets "$s")" "IPv$fam (S,G) entry packets"
	# The same group arriving on i1: not forwarded, wrong-iif.
	ne=$(fwd_iface_stat i1 no-entry)
	wi=$(fwd_iface_stat i1 wrong-iif)
	fwd_ping "$fam" s1 8 5 "$g"
	check_eq "4 3" "$(fwd_all "$fam")" "IPv$fam from the wrong interface not forwarded"
	check_eq $((wi + 5)) "$(fwd_iface_stat i1 wrong-iif)" "IPv$fam i1 wrong-iif"
	check_eq "$ne" "$(fwd_iface_stat i1 no-entry)" "IPv$fam wrong-iif is not no-entry"
	check_eq 5 "$(fwd_mfe_sum "$g" wrong-iif)" "IPv$fam entries' wrong-iif"
	# Deleting the (S,G) gives the traffic back to the (*,G).
	R mcastctl mfe del group "$g" source "$s"
	fwd_ping "$fam" s0 8 2 "$g"
	check_eq "4 5" "$(fwd_all "$fam")" "IPv$fam back to (*,G) after del"
	# An entry for i1 too: now s1's traffic is forwarded.
	R mcastctl mfe add group "$g" iif i1 oif o1
	fwd_ping "$fam" s1 8 2 "$g"
	check_eq "6 5" "$(fwd_all "$fam")" "IPv$fam (*,G) on i1"
	check_eq $((wi + 5)) "$(fwd_iface_stat i1 wrong-iif)" "IPv$fam no wrong-iif once i1 has an entry"
done
check_eq 4 "$(R mcastctl -j mfe show | jq length)" "two (*,G) entries per family"
R mcastctl -s mfe show
dmesg_check_clean
