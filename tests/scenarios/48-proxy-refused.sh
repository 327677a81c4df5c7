#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# IGMP/MLD proxy (proxy-lib.sh) against the host stack's limits, IPv4 and
# IPv6. A merged source list longer than net.ipv4.igmp_max_msf /
# net.ipv6.mld_max_msf is refused: the proxy reports EXCLUDE({}) instead,
# proxy show says so and why, and the ISP's router learns EXCLUDE({}).
# Raising the limit, with no host doing anything, makes the proxy's retry
# report the full list. A join refused outright (IPv4:
# net.ipv4.igmp_max_memberships 0) is listed as not joined, nothing
# reaches the ISP, and it is joined once the limit allows it.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"
# shellcheck source=proxy-lib.sh
. "$(dirname "$0")/proxy-lib.sh"

# The retry interval is 10 s (MCAST_ROUTER_PROXY_RETRY_SECS); the ISP's
# router needs a last-member query time (2 s) to drop EXCLUDE mode.
RETRY_WAIT=25

# px_state GROUP: "filter srcs all joined error" of pr's upstream row.
px_state() {
	P mcastctl -j proxy show group "$1" | jq -r '.[] |
		"\(.filter) \([.sources[].address] | sort | join(","))" +
		" all=\(.["reported-as-exclude-all"]) joined=\(.joined)" +
		" error=\(.error // "none")"'
}

# mld_max_msf is global (the initial namespace's); igmp_* are per namespace.
msf6=$(cat /proc/sys/net/ipv6/mld_max_msf)
cleanup_add "echo $msf6 >/proc/sys/net/ipv6/mld_max_msf"

dmesg_mark
px_topo
for fam in 4 6; do
	px_family $fam
	if [ $fam = 4 ]; then
		P sysctl -qw net.ipv4.igmp_max_msf=1
	else
		echo 1 >/proc/sys/net/ipv6/mld_max_msf
	fi
	# Each host's own socket stays within the limit; the merge does not.
	memb_join h1 e0 $GS include $S1
	inc1=$memb_pid
	wait_eq 20 "IPv$fam: INCLUDE($S1) upstream" \
		"include $S1 all=false joined=true error=none" px_state $GS
	memb_join h2 e0 $GS include $S2
	inc2=$memb_pid
	want=$(printf '%s\n%s\n' "$S1" "$S2" | sort | paste -sd,)
	wait_eq 20 "IPv$fam: the refused INCLUDE($want) shown" \
		"include $want all=true joined=true error=No buffer space available" \
		px_state $GS
	wait_eq 20 "IPv$fam: isp to learn EXCLUDE({}) instead" "$GS exclude " \
		px_isp $GS

	# Nothing downstream changes; only the limit does.
	if [ $fam = 4 ]; then
		P sysctl -qw net.ipv4.igmp_max_msf=10
	else
		echo "$msf6" >/proc/sys/net/ipv6/mld_max_msf
	fi
	wait_eq $RETRY_WAIT "IPv$fam: the retry to report INCLUDE($want)" \
		"include $want all=false joined=true error=none" px_state $GS
	wait_eq $RETRY_WAIT "IPv$fam: isp to learn INCLUDE($want)" \
		"$GS include $want" px_isp $GS
	memb_leave "$inc1"
	memb_leave "$inc2"
	wait_eq 20 "IPv$fam: $GS to leave upstream" "" px_proxy $GS
done

# A join the host stack refuses outright.
px_family 4
P sysctl -qw net.ipv4.igmp_max_memberships=0
memb_join h1 e0 $GA
wait_eq 20 "$GA listed as not joined" \
	"exclude  all=false joined=false error=No buffer space available" \
	px_state $GA
check_eq "" "$(px_isp $GA)" "isp has not heard of $GA"
P sysctl -qw net.ipv4.igmp_max_memberships=20
wait_eq $RETRY_WAIT "the retry to join $GA" \
	"exclude  all=false joined=true error=none" px_state $GA
wait_eq 20 "isp to learn $GA" "$GA exclude " px_isp $GA
memb_leave "$memb_pid"
wait_eq 20 "$GA to leave upstream" "" px_proxy $GA
dmesg_check_clean
