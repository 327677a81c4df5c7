# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Building veth/bridge topologies in network namespaces: one library for
# the scenarios (fwd-lib.sh, proxy-lib.sh, 43-memb-fast-leave.sh) and the
# benchmark (tests/bench/bench.sh). Sourced after tests/scenarios/lib.sh
# (netns_add). Namespace names become parts of variable names: letters,
# digits and _ only.
#
# Every process start costs ~0.5-1 s in the debug guest, so the links,
# addresses and routes are queued and topo_commit sends them with one
# `ip -b` (the veth pairs, created from the current namespace) and then one
# `ip -n NS -b` per namespace, in the order the namespaces were first
# queued to; each namespace's lines keep the order they were queued in.
# The sysctls of a namespace are written first, by one shell in it, before
# any link exists (new devices inherit the defaults).
#
#   topo_ns NAME...             namespaces (netns_add: deleted on exit, lo
#                               up) with IPv6 DAD off (accept_dad 0 in all
#                               and default, at topo_commit): addresses are
#                               usable at once
#   topo_router NAME...         IPv4 and IPv6 forwarding on in NAME (at
#                               topo_commit)
#   topo_link NSA DEVA NSB DEVB veth DEVA in NSA <-> DEVB in NSB (not up:
#                               topo_if does that)
#   topo_if [-dad] [-noll] NS DEV [ADDR...]
#                               DEV's addresses (IPv6 ones with nodad;
#                               -dad: without, accept_dad 0 keeps DAD off
#                               all the same), then DEV up; -noll: no
#                               automatic link-local address (addrgenmode
#                               none, before the addresses)
#   topo_bridge NS BR           bridge BR in NS, snooping off, up
#   topo_port NS BR PORT NSX DEVX
#                               veth DEVX in NSX <-> PORT, a port of BR, up
#                               (DEVX is left to topo_if)
#   topo_route NS ROUTE...      `ip route add ROUTE` in NS (after its dev is
#                               up: queue it after topo_if)
#   topo_commit                 run what is queued
#   topo_nft NS                 load the nftables ruleset on stdin in NS

_topo_nl='
'
_topo_links=
_topo_nss=
_topo_dad=
_topo_fwd=
_topo_sys=

# _topo_add LIST WORD: add WORD to the space-separated LIST unless there
_topo_add() {
	eval "case \" \$$1 \" in *\" $2 \"*) ;; *) $1=\"\$$1 $2\" ;; esac"
}

topo_ns() {
	netns_new "$@"
	for _t_ns in "$@"; do
		_topo_q "$_t_ns" "link set lo up"
		_topo_add _topo_dad "$_t_ns"
		_topo_add _topo_sys "$_t_ns"
	done
}

topo_router() {
	for _t_ns in "$@"; do
		_topo_add _topo_fwd "$_t_ns"
		_topo_add _topo_sys "$_t_ns"
	done
}

# _topo_q NS LINE: queue LINE for `ip -n NS -b`
_topo_q() {
	_topo_add _topo_nss "$1"
	eval "_topo_q_$1=\${_topo_q_$1:-}\$2\$_topo_nl"
}

topo_link() {
	_topo_links="${_topo_links}link add $2 netns $1 type veth peer name $4 netns $3$_topo_nl"
}

topo_if() {
	_t_dad=nodad
	_t_ll=
	while :; do
		case $1 in
		-dad) _t_dad= ;;
		-noll) _t_ll=1 ;;
		*) break ;;
		esac
		shift
	done
	_t_ns=$1
	_t_dev=$2
	shift 2
	[ -z "$_t_ll" ] || _topo_q "$_t_ns" "link set $_t_dev addrgenmode none"
	for _t_a in "$@"; do
		case $_t_a in
		*:*) _topo_q "$_t_ns" "addr add $_t_a dev $_t_dev${_t_dad:+ $_t_dad}" ;;
		*) _topo_q "$_t_ns" "addr add $_t_a dev $_t_dev" ;;
		esac
	done
	_topo_q "$_t_ns" "link set $_t_dev up"
}

topo_bridge() {
	_topo_q "$1" "link add $2 type bridge mcast_snooping 0"
	_topo_q "$1" "link set $2 up"
}

topo_port() {
	topo_link "$4" "$5" "$1" "$3"
	_topo_q "$1" "link set $3 master $2 up"
}

topo_route() {
	_t_ns=$1
	shift
	_topo_q "$_t_ns" "route add $*"
}

topo_commit() {
	# The sysctls: one line "netns exec NS sh -c '...'" per namespace, all
	# in one ip -b (one ip, one sh per namespace).
	for _t_ns in $_topo_sys; do
		_t_sh=
		case " $_topo_dad " in
		*" $_t_ns "*) _t_sh="$_t_sh echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad;"
			_t_sh="$_t_sh echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad;" ;;
		esac
		case " $_topo_fwd " in
		*" $_t_ns "*) _t_sh="$_t_sh echo 1 >/proc/sys/net/ipv4/conf/all/forwarding;"
			_t_sh="$_t_sh echo 1 >/proc/sys/net/ipv6/conf/all/forwarding;" ;;
		esac
		echo "netns exec $_t_ns sh -c '$_t_sh'"
	done | ip -b -
	[ -z "$_topo_links" ] || printf '%s' "$_topo_links" | ip -b -
	for _t_ns in $_topo_nss; do
		eval "printf '%s' \"\$_topo_q_$_t_ns\"" | ip -n "$_t_ns" -b -
		eval "_topo_q_$_t_ns="
	done
	_topo_dad=
	_topo_fwd=
	_topo_sys=
	_topo_links=
	_topo_nss=
}

topo_nft() {
	ip netns exec "$1" nft -f -
}
