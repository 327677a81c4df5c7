#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Hostile IGMP/MLD: hand-made messages (mcpkt.py, raw frames) that are
# truncated, over-counted, badly checksummed, sent with TTL/hop limit
# above 1, without Router Alert or Hop-by-Hop header, or from a
# non-link-local source are dropped and counted as malformed, and
# create nothing; well-formed ones from the same tool are learnt (so the
# drops are not the tool's fault). Valid messages with nothing to do are
# counted as ignored. The limits: sources beyond max-sources and a flood
# of 100,000 groups from one host stop at the limits, counted as refused,
# with the state bounded.
#
#   fr: o1 ---- k1 :fk

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=fwd-lib.sh
. "$(dirname "$0")/fwd-lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"

dmesg_mark
fwd_topo 1
fwd_router_on o1
# MLD needs a link-local source: give k1 a known one.
ll=fe80::2
ip -n fk addr add "$ll/64" dev k1 nodad

# send KIND...: one message of each kind from k1.
send() {
	for _k in "$@"; do
		case "$_k" in
		mld*) _src=$ll ;;
		*) _src=10.1.1.2 ;;
		esac
		ip netns exec fk /usr/bin/python3 "$MCR_ROOT/tests/scenarios/mcpkt.py" \
			k1 "$_src" "$_k" >/dev/null
	done
}

ngroups() {
	R mcastctl -j group show dev o1 | jq length
}

# Malformed: counted, nothing learnt.
bad4="v3-ngrec-over v3-nsrcs-over v3-aux-over v3-badsum v3-ttl2 v3-no-ra
v3-truncated v2-badsum v2-unicast-group"
bad6="mld2-ngrec-over mld2-nsrcs-over mld2-badsum mld2-hop255 mld2-no-hbh
mld1-global-src"
m4=$(memb_qstat o1 4 malformed)
m6=$(memb_qstat o1 6 malformed)
# shellcheck disable=SC2086
send $bad4 $bad6
n4=$(echo $bad4 | wc -w)
n6=$(echo $bad6 | wc -w)
wait_ge 10 "the malformed IGMP messages to be counted" $((m4 + n4)) \
	memb_qstat o1 4 malformed
wait_ge 10 "the malformed MLD messages to be counted" $((m6 + n6)) \
	memb_qstat o1 6 malformed
check_eq $((m4 + n4)) "$(memb_qstat o1 4 malformed)" "IGMP: each malformed message counted once"
check_eq $((m6 + n6)) "$(memb_qstat o1 6 malformed)" "MLD: each malformed message counted once"
check_eq 0 "$(ngroups)" "malformed messages created no group"

# Valid but nothing to do: ignored.
i4=$(memb_qstat o1 4 ignored)
send v3-unknown-record v3-ssm-exclude v3-linklocal-group
wait_ge 10 "three ignored IGMP records" $((i4 + 3)) memb_qstat o1 4 ignored
check_eq $((i4 + 3)) "$(memb_qstat o1 4 ignored)" "IGMP: unknown record, SSM EXCLUDE, link-local group ignored"
check_eq 0 "$(ngroups)" "ignored records created no group"

# Well-formed messages from the same tool are learnt.
send v3-join mld2-join
wait_for 10 "239.2.2.2 learnt" memb_has o1 239.2.2.2
wait_for 10 "ff0e::202 learnt" memb_has o1 ff0e::202
check_eq $((m4 + n4)) "$(memb_qstat o1 4 malformed)" "well-formed IGMP not counted as malformed"
check_eq $((m6 + n6)) "$(memb_qstat o1 6 malformed)" "well-formed MLD not counted as malformed"

# max-sources: 5 sources refused at 4, accepted at 5.
R mcastctl interface set o1 max-sources 4
r4=$(memb_qstat o1 4 refused)
send v3-5-sources
wait_ge 10 "the 5-source record refused" $((r4 + 1)) memb_qstat o1 4 refused
check_eq "239.2.2.2 exclude" "$(memb_groups o1 239.2.2.2)" "refused record changed nothing"
check_eq 0 "$(R mcastctl -j group show dev o1 group 239.2.2.2 | jq '.[0].sources | length')" \
	"no source recorded beyond the limit"
R mcastctl interface set o1 max-sources 5
send v3-5-sources
nsources() {
	R mcastctl -j group show dev o1 group 239.2.2.2 | jq '.[0].sources | length'
}
wait_eq 10 "5 sources recorded" 5 nsources

# A flood of 100,000 groups from one host stops at max-groups.
R mcastctl interface set o1 max-groups 1000
r4=$(memb_qstat o1 4 refused)
ip netns exec fk /usr/bin/python3 "$MCR_ROOT/tests/scenarios/mcpkt.py" k1 10.1.1.2 flood4 100000
wait_ge 60 "the flood to be processed" 547 memb_qstat o1 4 reports-rx
check_eq 1000 "$(ngroups)" "groups held at max-groups (both families)"
refused=$(( $(memb_qstat o1 4 refused) - r4 ))
# 2 groups were held already: 100,000 - 998 records refused.
check_eq 99002 "$refused" "records beyond the limit refused and counted"
R mcastctl -s querier show dev o1
dmesg_check_clean
