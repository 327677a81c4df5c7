#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Scope boundaries: a group inside an oif's boundary does not leave that
# oif (counted as boundary-drops) but does leave another; link-local
# groups (224.0.0.0/24, ff02::/16) are never forwarded: the kernel refuses
# entries for them, and their traffic is neither forwarded nor counted as
# no-entry, while a routable group is learnt. IPv4 and IPv6.
#
#   fs: s0 ---- i0 :fr: o1 (boundary 239.192.0.0/14, ff05::/16) ---- k1 :fk
#                       o2 (no boundary)                        ---- k2

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

dmesg_mark
fwd_topo 2
fwd_router_on i0 o2
R mcastctl interface set o1 mode router boundary 239.192.0.0/14 boundary ff05::/16

for e in "239.192.1.1 source 10.0.0.1" "239.1.1.1 source 10.0.0.1" \
	"ff05::101 source fd00::1" "ff0e::101 source fd00::1"; do
	# shellcheck disable=SC2086 # word splitting wanted
	R mcastctl mfe add group $e iif i0 oif o1 oif o2
done

# Inside the boundary: only o2.
fwd_ping 4 s0 64 5 239.192.1.1
check_eq "0 5" "$(fwd_all 4)" "239.192.1.1 stops at o1's boundary"
check_eq 5 "$(fwd_iface_stat o1 boundary-drops)" "o1 boundary-drops after IPv4"
check_eq 0 "$(fwd_iface_stat o2 boundary-drops)" "o2 boundary-drops after IPv4"
check_eq 5 "$(fwd_mfe_stat 239.192.1.1 boundary-drops)" "239.192.1.1 entry boundary-drops"
# Outside it: both.
fwd_ping 4 s0 64 3 239.1.1.1
check_eq "3 8" "$(fwd_all 4)" "239.1.1.1 crosses o1"

fwd_ping 6 s0 64 4 ff05::101
check_eq "0 4" "$(fwd_all 6)" "ff05::101 stops at o1's boundary"
check_eq 9 "$(fwd_iface_stat o1 boundary-drops)" "o1 boundary-drops after IPv6"
fwd_ping 6 s0 64 2 ff0e::101
check_eq "2 6" "$(fwd_all 6)" "ff0e::101 crosses o1"

# Link-local and interface-local groups: no entry can be made.
for g in 224.0.0.1 224.0.0.251 224.0.0.255 ff02::1 ff02::fb ff01::101 ff12::101; do
	check_fail R mcastctl mfe add group "$g" iif i0 oif o2
done
check_fail R mcastctl mfe add group 224.0.0.251 source 10.0.0.1 iif i0 oif o2
check_eq 4 "$(R mcastctl -j mfe show | jq length)" "the refused adds left the table alone"
# ... the ones just outside are routable.
R mcastctl mfe add group 224.0.1.1 iif i0 oif o2
R mcastctl mfe add group ff03::101 iif i0 oif o2

# Their traffic is not forwarded, and not counted as no-entry.
ne4=$(fwd_iface_stat i0 no-entry)
fwd_ping 4 s0 64 3 224.0.0.100
fwd_ping 6 s0 64 3 ff02::100
check_eq "3 8 2 6" "$(fwd_all 4) $(fwd_all 6)" \
	"link-local groups not forwarded"
check_eq "$ne4" "$(fwd_iface_stat i0 no-entry)" "link-local traffic not counted as no-entry"
# ... while a routable group without an entry is learnt on this router-
# mode interface, as a membership entry without outgoing interfaces (no
# host asked for it): its datagrams are counted there.
fwd_ping 4 s0 64 2 239.9.9.9
check_eq membership "$(fwd_mfe_stat 239.9.9.9 origin)" "a routable group is learnt"
check_eq 2 "$(fwd_mfe_stat 239.9.9.9 packets)" "its datagrams counted on the entry"
check_eq 0 "$(fwd_mfe_noifs 239.9.9.9)" "nobody asked for it: no oifs"
fwd_ping 4 s0 64 2 224.0.1.1
check_eq 10 "$(fwd_count k2 4)" "224.0.1.1 (outside 224.0.0.0/24) forwarded"

# Clearing the boundary lets the scoped group out of o1 again.
R mcastctl interface set o1 boundary none
fwd_ping 4 s0 64 1 239.192.1.1
check_eq 1 "$(fwd_count k1 4 | awk '{ print $1 - 3 }')" "239.192.1.1 crosses o1 without the boundary"
dmesg_check_clean
