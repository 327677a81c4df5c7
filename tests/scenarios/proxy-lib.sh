# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The seeds' proxy picture for the 45-46 scenarios; sourced after lib.sh
# and memb-lib.sh (brings tests/lib/topo.sh). Intranet hosts h1 and h2
# behind the router pr, whose upstream up0 (proxy mode) is on a WAN with an
# ISP router isp (a second mcast_router, router mode, the WAN's querier)
# and a listener ul; a source src behind isp.
#
#   src: s0 --- i0 :isp: w0 --+
#                             +-- br0 (ns wan) --- u0 :ul
#              pr: up0 -------+
#              pr: d1 --- e0 :h1
#              pr: d2 --- e0 :h2
#
#   s0/i0   10.9.0.1/.2     fd09::1/::2
#   wan     isp 10.0.0.1, pr 10.0.0.2, ul 10.0.0.3; fd00::1/2/3;
#           link-local fe80::1/2/3 (the MLD reporters)
#   dN/hN   10.1.N.1/.2     fd01:N::1/::2, hN's link-local fe80::1N
#
# isp queries every 2 s (response 1 s): a group it learnt from pr lives
# 5 s unless pr answers the queries. pr's and isp's own forwarding is on.
#
#   px_topo                 build it; pr's d1, d2 in router mode, up0 proxy;
#                           isp's w0 in router mode with $PX_WAN (its
#                           timers; default the 2 s above)
#   P CMD..., I CMD...      CMD in pr, in isp
#   px_family FAM           set S (src's address), PR (pr's WAN reporter
#                           address), H1/H2 (the hosts' addresses),
#                           GA/GS/GU/GX groups for FAM: any-source, source
#                           filters, to the upstream listener,
#                           administratively scoped; S1-S3 sources
#   px_count_add NS DEV FAM SRC GROUP   count echo requests SRC -> GROUP
#                           arriving on DEV in NS
#   px_count NS SRC GROUP   the count
#   px_ping NS DEV FAM COUNT GROUP      echo requests out of DEV in NS
#   px_proxy [GROUP]        pr's upstream membership: "group filter src,src"
#   px_isp [GROUP]          isp's membership on w0: "group filter src,src"

# shellcheck source=../lib/topo.sh
. "$MCR_ROOT/tests/lib/topo.sh"

P() {
	ip netns exec pr "$@"
}

I() {
	ip netns exec isp "$@"
}

px_topo() {
	topo_ns src isp wan ul pr h1 h2
	topo_router isp pr
	topo_bridge wan br0
	topo_link src s0 isp i0
	# The WAN's and the hosts' devices: only the link-local addresses
	# given (the MLD reporters' sources). The seeds' addresses carry no
	# nodad flag (DAD is off in every namespace all the same).
	_n=1
	for _x in isp:w0 pr:up0 ul:u0; do
		topo_port wan br0 p$_n "${_x%:*}" "${_x#*:}"
		topo_if -dad -noll "${_x%:*}" "${_x#*:}" 10.0.0.$_n/24 \
			fd00::$_n/64 fe80::$_n/64
		_n=$((_n + 1))
	done
	for _n in 1 2; do
		topo_link pr d$_n h$_n e0
		topo_if -dad pr d$_n 10.1.$_n.1/24 fd01:$_n::1/64
		topo_if -dad -noll h$_n e0 10.1.$_n.2/24 fd01:$_n::2/64 fe80::1$_n/64
		topo_route h$_n default via 10.1.$_n.1
		topo_route h$_n 224.0.0.0/4 dev e0
	done
	topo_if -dad src s0 10.9.0.1/24 fd09::1/64
	topo_route src 224.0.0.0/4 dev s0
	topo_if -dad isp i0 10.9.0.2/24 fd09::2/64
	topo_route ul 224.0.0.0/4 dev u0
	topo_commit

	I mcastctl interface set i0 mode router
	# shellcheck disable=SC2086 # PX_WAN is a list of keywords
	I mcastctl interface set w0 mode router ${PX_WAN:-query-interval 2s \
		query-response-interval 1s startup-query-interval 1s}
	P mcastctl interface set d1 mode router
	P mcastctl interface set d2 mode router
	P mcastctl interface set up0 mode proxy
}

px_family() {
	if [ "$1" = 4 ]; then
		S=10.9.0.1 PR=10.0.0.2 H1=10.1.1.2 H2=10.1.2.2
		GA=233.252.0.1 GS=233.252.0.2 GU=233.252.0.3 GX=239.255.0.1
		S1=10.9.0.11 S2=10.9.0.12 S3=10.9.0.13
	else
		S=fd09::1 PR=fe80::2 H1=fd01:1::2 H2=fd01:2::2
		GA=ff0e::db8:1 GS=ff0e::db8:2 GU=ff0e::db8:3 GX=ff05::db8:1
		S1=fd09::11 S2=fd09::12 S3=fd09::13
	fi
}

px_count_add() {
	if [ "$3" = 6 ]; then
		_m="ip6 saddr $4 ip6 daddr $5 icmpv6 type echo-request"
	else
		_m="ip saddr $4 ip daddr $5 icmp type echo-request"
	fi
	ip netns exec "$1" nft add table inet pxc
	ip netns exec "$1" nft add chain inet pxc pre \
		'{ type filter hook prerouting priority -300; policy accept; }'
	# shellcheck disable=SC2086
	ip netns exec "$1" nft add rule inet pxc pre iifname "$2" $_m \
		counter comment "\"$4>$5\""
}

px_count() {
	ip netns exec "$1" nft -j list chain inet pxc pre |
		jq -r --arg c "$2>$3" '[.nftables[] | .rule? // empty |
			select(.comment == $c) | .expr[] | .counter? // empty |
			.packets] | add // 0'
}

px_ping() {
	ip netns exec "$1" timeout 60 ping "-$3" -n -q -t 8 -c "$4" -i 0.05 \
		-W 0.2 -I "$2" "$5" >/dev/null 2>&1 || true
}

# "group filter src,src" lines from a GROUP_GET-like JSON array.
_px_rows() {
	jq -r '.[] | "\(.group) \(.filter) \([.sources[].address] | sort | join(","))"'
}

px_proxy() {
	if [ -n "${1:-}" ]; then
		P mcastctl -j proxy show group "$1"
	else
		P mcastctl -j proxy show
	fi | _px_rows
}

px_isp() {
	if [ -n "${1:-}" ]; then
		I mcastctl -j group show dev w0 group "$1"
	else
		I mcastctl -j group show dev w0
	fi | _px_rows
}
