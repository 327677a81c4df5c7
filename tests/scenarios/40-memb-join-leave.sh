#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Router mode follows hosts that join through their own kernel's IGMP/MLD
# stack (IGMPv2 and v3, MLDv1 and v2, forced per host interface): the
# join makes the router learn the group and forward the next datagrams to
# that interface only, through a membership entry; the leave stops it
# after the last member query time (2 x 1 s by default), which is
# measured; nothing is forwarded after it. `mcastctl monitor` saw the
# querier start and every join and leave. (Source-specific joins and
# static membership: 44-memb-sources-static.sh.)
#
#   fs: s0 ---- i0 :fr: o1 ---- k1 :fk
#                       o2 ---- k2

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"

dmesg_mark
fwd_topo 2
mon=$(mktemp)
cleanup_add "rm -f $mon"
memb_monitor_start fr "$mon"
fwd_router_on i0 i1 o1 o2

# run FAMILY VERSION: one join, datagrams, leave, datagrams.
run() {
	fwd_family "$1"
	if [ "$1" = 4 ]; then
		ip netns exec fk sysctl -qw net.ipv4.conf.k1.force_igmp_version="$2"
		proto="IPv4 IGMPv$2"
	else
		ip netns exec fk sysctl -qw net.ipv6.conf.k1.force_mld_version="$2"
		proto="IPv6 MLDv$2"
	fi
	k1=$(fwd_count k1 "$1")
	k2=$(fwd_count k2 "$1")

	memb_join fk k1 "$g"
	pid=$memb_pid
	wait_for 20 "o1 to learn $g ($proto)" memb_has o1 "$g"
	check_eq "$g exclude" "$(memb_groups o1 "$g")" "$proto: any-source join is EXCLUDE({})"
	memb_hasnt o2 "$g" || fail "$proto: o2 learnt $g without a member"

	fwd_ping "$1" s0 8 3 "$g"
	check_eq $((k1 + 3)) "$(fwd_count k1 "$1")" "$proto: the member's link gets the datagrams"
	check_eq "$k2" "$(fwd_count k2 "$1")" "$proto: the other link does not"
	check_eq membership "$(fwd_mfe_stat "$g" origin "$s")" "$proto: entry origin"
	check_eq o1 "$(fwd_mfe_oifs "$g" "$s")" "$proto: entry oifs"

	# The latency: from the leave to the monitor's leave event, stamped
	# on arrival (2 s of last member query time with the defaults).
	n=$(wc -l <"$mon")
	t0=$(memb_now)
	memb_leave "$pid"
	memb_wait_event "$mon" "$n" leave o1 "$g"
	lat=$(memb_diff "$memb_at" "$t0")
	echo "leave latency, $proto, defaults: $lat s"
	memb_between "$lat" 1.8 3.5 || fail "$proto: leave latency $lat s, expected 2 s"
	memb_hasnt o1 "$g" || fail "$proto: $g still on o1 after its leave event"
	check_eq 0 "$(fwd_mfe_noifs "$g" "$s")" "$proto: entry without oifs after the leave"
	fwd_ping "$1" s0 8 3 "$g"
	check_eq $((k1 + 3)) "$(fwd_count k1 "$1")" "$proto: nothing forwarded after the leave"
}

run 4 2
run 4 3
run 6 1
run 6 2

# What the monitor saw: "EVENT DEV GROUP-or-FAMILY" lines.
seen() {
	memb_events "$mon" |
		jq -r --arg e "$1" 'select(.event == $e) | "\(.dev) \(.group // .family)"' |
		grep -qx "$2"
}
for fam in 4 6; do
	fwd_family "$fam"
	wait_for 10 "monitor: join of $g on o1" seen join "o1 $g"
	wait_for 10 "monitor: leave of $g on o1" seen leave "o1 $g"
done
seen querier "o1 inet" || fail "monitor: o1's IGMP querier"
seen querier "o1 inet6" || fail "monitor: o1's MLD querier"
echo "ok: the monitor saw the queriers, joins and leaves"

R mcastctl -s querier show
for fam in 4 6; do
	check_eq 0 "$(memb_qstat o1 "$fam" malformed)" "IPv$fam: no malformed messages from real hosts"
	[ "$(memb_qstat o1 "$fam" reports-rx)" -gt 0 ] || fail "IPv$fam: reports counted"
	[ "$(memb_qstat o1 "$fam" queries-tx)" -gt 0 ] || fail "IPv$fam: queries sent"
done
dmesg_check_clean
