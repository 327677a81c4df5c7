#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Router mode follows hosts that join through their own kernel's IGMP/MLD
# stack (IGMPv2 and v3, MLDv1 and v2, forced per host interface): the
# join makes the router learn the group and forward the next datagrams to
# that interface only, through a membership entry; the leave stops it
# after the last member query time (2 x 1 s by default), which is
# measured; nothing is forwarded after it. Then source-specific joins:
# an INCLUDE join of s0's source on k1 and an EXCLUDE join of it on k2,
# checked with datagrams from both sources. Static membership (group
# add/del) forwards to a link without hosts, any source or one, and bad
# requests fail with the kernel's reason. `mcastctl monitor` saw the
# querier start and every join and leave.
#
#   fs: s0 ---- i0 :fr: o1 ---- k1 :fk
#       s1 ---- i1      o2 ---- k2

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

# src_state DEV GROUP: "filter source forward|blocked" of the group's
# first source.
src_state() {
	R mcastctl -j group show dev "$1" group "$2" |
		jq -r '.[0] | "\(.filter) \(.sources[0].address) \(if .sources[0].forward then "forward" else "blocked" end)"'
}

for fam in 4 6; do
	fwd_family "$fam"
	if [ "$fam" = 4 ]; then s1=10.0.1.1; else s1=fd00:1::1; fi
	ip netns exec fk sysctl -qw net.ipv4.conf.k1.force_igmp_version=0 \
		net.ipv6.conf.k1.force_mld_version=0
	k1=$(fwd_count k1 "$fam")
	k2=$(fwd_count k2 "$fam")
	memb_join fk k1 "$g" include "$s"
	pinc=$memb_pid
	memb_join fk k2 "$g" exclude "$s"
	pexc=$memb_pid
	wait_for 20 "INCLUDE($s) on o1" test "$(src_state o1 "$g")" = "include $s forward"
	wait_for 20 "EXCLUDE($s) on o2" test "$(src_state o2 "$g")" = "exclude $s blocked"
	fwd_ping "$fam" s0 8 3 "$g"
	fwd_ping "$fam" s1 8 4 "$g"
	check_eq $((k1 + 3)) "$(fwd_count k1 "$fam")" "IPv$fam INCLUDE($s): only $s's datagrams"
	check_eq $((k2 + 4)) "$(fwd_count k2 "$fam")" "IPv$fam EXCLUDE($s): only the other source's"
	memb_leave "$pinc"
	memb_leave "$pexc"
	wait_for 20 "IPv$fam source joins to leave" sh -c \
		"[ -z \"\$(ip netns exec fr mcastctl -j group show group $g | jq '.[]')\" ]"
done

# expect_err TEXT CMD...: CMD fails and says TEXT on stderr.
expect_err() {
	_t=$1
	shift
	if "$@" 2>"$errf"; then
		fail "expected failure: $*"
	fi
	grep -q "$_t" "$errf" || fail "$*: expected '$_t', got '$(cat "$errf")'"
	echo "ok: $* fails with '$_t'"
}
errf=$(mktemp)
cleanup_add "rm -f $errf"

for fam in 4 6; do
	fwd_family "$fam"
	if [ "$fam" = 4 ]; then sg=239.4.4.4; s1=10.0.1.1; else sg=ff0e::404; s1=fd00:1::1; fi
	k2=$(fwd_count k2 "$fam")
	R mcastctl group add dev o2 group "$sg"
	check_eq true "$(R mcastctl -j group show dev o2 group "$sg" | jq '.[0].static')" \
		"IPv$fam static group shown"
	fwd_ping "$fam" s0 8 3 "$sg"
	check_eq $((k2 + 3)) "$(fwd_count k2 "$fam")" "IPv$fam static (*,G) membership forwards"
	R mcastctl group del dev o2 group "$sg"
	memb_hasnt o2 "$sg" || fail "IPv$fam static group deleted"
	fwd_ping "$fam" s0 8 2 "$sg"
	check_eq $((k2 + 3)) "$(fwd_count k2 "$fam")" "IPv$fam nothing after group del"
	R mcastctl group add dev o2 group "$sg" source "$s"
	fwd_ping "$fam" s0 8 3 "$sg"
	fwd_ping "$fam" s1 8 2 "$sg"
	check_eq $((k2 + 6)) "$(fwd_count k2 "$fam")" "IPv$fam static (S,G): only $s"
	R mcastctl group del dev o2 group "$sg" source "$s"
done
expect_err "not a routable multicast group" R mcastctl group add dev o2 group 224.0.0.5
expect_err "needs a source" R mcastctl group add dev o2 group 232.1.1.1
expect_err "unicast" R mcastctl group add dev o2 group 232.1.1.1 source 239.9.9.9
R mcastctl group add dev o2 group 239.4.4.5
expect_err "exists" R mcastctl group add dev o2 group 239.4.4.5
R mcastctl group del dev o2 group 239.4.4.5
expect_err "no such static membership" R mcastctl group del dev o2 group 239.4.4.5
ip -n fr link add dz type dummy
R mcastctl interface set dz mode off
expect_err "not in router mode" R mcastctl group add dev dz group 239.4.4.6

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
	seen join "o2 $g" || fail "monitor: join of $g on o2 (EXCLUDE join)"
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
