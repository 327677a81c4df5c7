# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Forwarding topology and traffic helpers for the 3*.sh scenarios; sourced
# after lib.sh (brings tests/lib/topo.sh).
#
#   +-- ns fs --+      +------------- ns fr (router) -------------+
#   |  s0  ---------------- i0 (input)          o1 --------------- k1 --+
#   |  s1  ---------------- i1 (second input)   o2 --------------- k2   |
#   +-----------+      |                        ...                    ns fk
#                      |                        oN --------------- kN --+
#                      +-------------------------------------------+
#
#   s0/i0 10.0.0.1/.2 fd00::1/::2      s1/i1 10.0.1.1/.2 fd00:1::1/::2
#   oX/kX 10.1.X.1/.2 fd01:X::1/::2
#
# The senders are ping in ns fs (-t sets the IPv4 TTL or IPv6 hop limit of
# the multicast echo requests). Every sink veth end lives in the one sink
# namespace fk, whose nftables ruleset counts, per arrival interface and
# family, the multicast echo requests received from s0 or s1 (an exact
# source match: a copy with a damaged header is not counted; nothing else
# in the scenarios sends echo requests to a multicast group, so the counts
# are free of noise: MLD/IGMP reports, router solicitations and so on are not
# echo requests). The sinks never answer (no socket joins the groups).
#
#   fwd_topo N              build the topology with N sinks (N >= 1)
#   fwd_router_on DEV...    mcastctl interface set DEV mode router in fr
#   fwd_family FAM          set g and s to the test group and s0's address
#                           of family FAM (4: 239.1.1.1 10.0.0.1, 6:
#                           ff0e::101 fd00::1)
#   fwd_ping FAM DEV TTL COUNT GROUP
#                           send COUNT echo requests to GROUP out of sender
#                           DEV (s0/s1) with TTL (hop limit) TTL; FAM 4|6
#   fwd_count SINK FAM      echo requests of family FAM counted on SINK (kX)
#   fwd_counts FAM          "kX COUNT" for every sink, one a line
#   fwd_all FAM             "COUNT1 COUNT2 ..." in sink order
#   fwd_expect_all FAM EXPECTED WHAT   every sink counted EXPECTED
#   fwd_iface_stat DEV KEY  a per-interface counter of DEV in fr
#                           (mcastctl -s -j interface show)
#   fwd_mfe_stat GROUP KEY [SOURCE]   a counter of the first matching entry
#   fwd_mfe_sum GROUP KEY   a counter summed over GROUP's entries
#   fwd_mfe_noifs GROUP [SOURCE], fwd_mfe_oifs GROUP [SOURCE]
#                           number / names of the entry's oifs
#   R CMD...                CMD in the router namespace (not for commands
#                           put in the background: $! would be a subshell)

# shellcheck source=../lib/topo.sh
. "$MCR_ROOT/tests/lib/topo.sh"

R() {
	ip netns exec fr "$@"
}

fwd_nsinks=0

# fwd_topo N
fwd_topo() {
	fwd_nsinks=$1
	# No DAD: the addresses must be usable at once, and the sinks' and
	# senders' link-local addresses are not needed for anything.
	topo_ns fs fr fk
	# Sinks and senders do not route.
	topo_router fr
	topo_link fs s0 fr i0
	topo_link fs s1 fr i1
	_i=1
	while [ "$_i" -le "$fwd_nsinks" ]; do
		topo_link fr o$_i fk k$_i
		_i=$((_i + 1))
	done
	topo_if fr i0 10.0.0.2/24 fd00::2/64
	topo_if fr i1 10.0.1.2/24 fd00:1::2/64
	_i=1
	while [ "$_i" -le "$fwd_nsinks" ]; do
		topo_if fr o$_i 10.1.$_i.1/24 fd01:$_i::1/64
		topo_if fk k$_i 10.1.$_i.2/24 fd01:$_i::2/64
		_i=$((_i + 1))
	done
	topo_if fs s0 10.0.0.1/24 fd00::1/64
	topo_if fs s1 10.0.1.1/24 fd00:1::1/64
	# ping -I DEV picks the device; this gives the IPv4 groups a route in
	# any case (IPv6 has ff00::/8 on every device).
	topo_route fs 224.0.0.0/4 dev s0
	topo_commit
	{
		echo "table inet fwdcount {"
		echo "	chain pre {"
		echo "		type filter hook prerouting priority -300; policy accept;"
		_i=1
		while [ "$_i" -le "$fwd_nsinks" ]; do
			echo "		iifname \"k$_i\" ip saddr { 10.0.0.1, 10.0.1.1 } ip daddr 224.0.0.0/4 icmp type echo-request counter comment \"k$_i 4\""
			echo "		iifname \"k$_i\" ip6 saddr { fd00::1, fd00:1::1 } ip6 daddr ff00::/8 icmpv6 type echo-request counter comment \"k$_i 6\""
			_i=$((_i + 1))
		done
		echo "	}"
		echo "}"
	} | topo_nft fk
}

# fwd_router_on DEV...
fwd_router_on() {
	for _d in "$@"; do
		R mcastctl interface set "$_d" mode router
	done
}

# fwd_family FAM: sets g and s (used by the scenarios that loop over both
# families)
fwd_family() {
	if [ "$1" = 4 ]; then
		g=239.1.1.1
		s=10.0.0.1
	else
		g=ff0e::101
		s=fd00::1
	fi
}

# fwd_ping FAM DEV TTL COUNT GROUP: ping exits non-zero (nobody answers);
# -W bounds its wait for answers after the last request.
fwd_ping() {
	if [ "$1" = 6 ]; then
		_fam=-6
	else
		_fam=-4
	fi
	ip netns exec fs timeout 120 ping "$_fam" -n -q -t "$3" -c "$4" \
		-i 0.05 -W 0.2 -I "$2" "$5" >/dev/null 2>&1 || true
}

# fwd_counts FAM: "kX COUNT" lines
fwd_counts() {
	ip netns exec fk nft -j list chain inet fwdcount pre |
		jq -r --arg fam "$1" '.nftables[] | .rule? // empty |
			select(.comment | endswith(" " + $fam)) |
			"\(.comment | split(" ")[0]) \(.expr[] | .counter? // empty | .packets)"'
}

# fwd_all FAM: every sink's count, in sink order, space separated
fwd_all() {
	fwd_counts "$1" | awk '{ printf "%s%s", s, $2; s = " " } END { print "" }'
}

# fwd_count SINK FAM
fwd_count() {
	fwd_counts "$2" | awk -v s="$1" '$1 == s { print $2 }'
}

# fwd_expect_all FAM EXPECTED WHAT
fwd_expect_all() {
	_bad=$(fwd_counts "$1" | awk -v e="$2" '$2 != e { printf "%s=%s ", $1, $2 }')
	_n=$(fwd_counts "$1" | wc -l)
	check_eq "$fwd_nsinks" "$_n" "$3: sinks counted"
	[ -z "$_bad" ] || fail "$3: expected $2 on every sink, got $_bad"
	echo "ok: $3: all $fwd_nsinks sinks counted $2"
}

# fwd_iface_stat DEV KEY
fwd_iface_stat() {
	R mcastctl -s -j interface show "$1" | jq -r --arg k "$2" '.[0].stats[$k]'
}

# fwd_mfe_json GROUP [SOURCE]: mcastctl -s -j mfe show for the entries of
# GROUP (and SOURCE); the key names of the JSON output are used only by
# the helpers below.
fwd_mfe_json() {
	if [ $# -ge 2 ]; then
		R mcastctl -s -j mfe show group "$1" source "$2"
	else
		R mcastctl -s -j mfe show group "$1"
	fi
}

# fwd_mfe_stat GROUP KEY [SOURCE]: a counter of the first matching entry
# (packets, bytes at the top level; the drop counters in "stats")
fwd_mfe_stat() {
	_g=$1
	_k=$2
	shift 2
	fwd_mfe_json "$_g" "$@" | jq -r --arg k "$_k" '.[0] | .[$k] // .stats[$k]'
}

# fwd_mfe_sum GROUP KEY: a counter summed over every entry of GROUP
fwd_mfe_sum() {
	fwd_mfe_json "$1" | jq -r --arg k "$2" 'map(.[$k] // .stats[$k]) | add // 0'
}

# fwd_mfe_noifs GROUP [SOURCE]: outgoing interfaces of the first entry
fwd_mfe_noifs() {
	fwd_mfe_json "$@" | jq -r '.[0].oifs | length'
}

# fwd_mfe_oifs GROUP [SOURCE]: their names, space separated
fwd_mfe_oifs() {
	fwd_mfe_json "$@" | jq -r '.[0].oifs | map(if type == "object" then .ifname else . end) | join(" ")'
}
