#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Source-specific joins through the hosts' own kernels: an INCLUDE join of
# s0's source on k1 and an EXCLUDE join of it on k2, checked with
# datagrams from both sources (IGMPv3, MLDv2). Static membership (group
# add/del) forwards to a link without hosts, for any source or one, and
# bad requests fail with the kernel's reason.
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
fwd_router_on i0 i1 o1 o2

# src_state DEV GROUP: "filter source forward|blocked" of the group's
# first source.
src_state() {
	R mcastctl -j group show dev "$1" group "$2" |
		jq -r '.[0] | "\(.filter) \(.sources[0].address) \(if .sources[0].forward then "forward" else "blocked" end)"'
}

for fam in 4 6; do
	fwd_family "$fam"
	if [ "$fam" = 4 ]; then s1=10.0.1.1; else s1=fd00:1::1; fi
	k1=$(fwd_count k1 "$fam")
	k2=$(fwd_count k2 "$fam")
	memb_join fk k1 "$g" include "$s"
	pinc=$memb_pid
	memb_join fk k2 "$g" exclude "$s"
	pexc=$memb_pid
	wait_eq 20 "INCLUDE($s) on o1" "include $s forward" src_state o1 "$g"
	wait_eq 20 "EXCLUDE($s) on o2" "exclude $s blocked" src_state o2 "$g"
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

dmesg_check_clean
