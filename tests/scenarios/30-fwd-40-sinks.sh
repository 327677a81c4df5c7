#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# One input, 40 outgoing interfaces (more than the native ipmr's 32 VIFs):
# every sink receives exactly the datagrams sent, IPv4 and IPv6, and the
# entry's and the interfaces' counters agree.
#
#   fs: s0 ---- i0 :fr: o1..o40 ---- k1..k40 :fk   (see fwd-lib.sh)

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"

n=40
dmesg_mark
fwd_topo "$n"
oifs=
i=1
while [ "$i" -le "$n" ]; do
	oifs="$oifs o$i"
	i=$((i + 1))
done
# shellcheck disable=SC2086 # word splitting wanted
fwd_router_on i0 $oifs
oif_args=$(for o in $oifs; do printf 'oif %s ' "$o"; done)

# shellcheck disable=SC2086
R mcastctl mfe add group 239.1.1.1 source 10.0.0.1 iif i0 $oif_args
# shellcheck disable=SC2086
R mcastctl mfe add group ff0e::101 source fd00::1 iif i0 $oif_args
check_eq "$n" "$(fwd_mfe_noifs 239.1.1.1)" "IPv4 entry lists every oif"
check_eq "$n" "$(fwd_mfe_noifs ff0e::101)" "IPv6 entry lists every oif"

fwd_ping 4 s0 8 10 239.1.1.1
fwd_expect_all 4 10 "IPv4 to $n sinks"
fwd_expect_all 6 0 "IPv4 traffic counted as IPv6"
check_eq 10 "$(fwd_mfe_stat 239.1.1.1 packets)" "IPv4 entry packets"
R mcastctl -s interface show i0
R mcastctl -s interface show o1
check_eq 10 "$(fwd_iface_stat o1 forwarded-packets)" "o1 forwarded after IPv4"
check_eq 10 "$(fwd_iface_stat o$n forwarded-packets)" "o$n forwarded after IPv4"

fwd_ping 6 s0 8 7 ff0e::101
fwd_expect_all 6 7 "IPv6 to $n sinks"
fwd_expect_all 4 10 "IPv4 counts unchanged by IPv6 traffic"
check_eq 7 "$(fwd_mfe_stat ff0e::101 packets)" "IPv6 entry packets"
check_eq 17 "$(fwd_iface_stat o1 forwarded-packets)" "o1 forwarded after IPv6"
check_eq 17 "$(fwd_iface_stat o$n forwarded-packets)" "o$n forwarded after IPv6"
check_eq 0 "$(fwd_iface_stat i0 no-entry)" "no no-entry drops on i0"

R mcastctl mfe show
R mcastctl mfe flush
check_eq 0 "$(R mcastctl -j mfe show | jq length)" "flush empties the table"
dmesg_check_clean
