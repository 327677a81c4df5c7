#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Forwarding benchmark, run inside the test VM (`make bench`, or
# tests/vm/run.sh tests/bench/bench.sh) with mcast_router loaded: the
# kernel's native ipmr (static routes from smcroute, router namespace bA)
# against mcast_router (router namespace bB), side by side in one run.
#
#   pktgen (netif_receive) -> iA  :bA: oA1..oA31 ---- kA1..kA31 :kA  (tc drop)
#   pktgen (netif_receive) -> iB  :bB: oB1..oB31 ---- kB1..kB31 :kB  (tc drop)
#   pktgen (netif_receive) -> iF  :bF:  nft PRE_ROUTING drop (the floor)
#   pktgen (start_xmit)    ->     :bC: oC1 ---------- kC1 :kC        (tc drop)
#                                 one copy built and sent: the per-copy floor
#
# pktgen injects into each router's input veth in xmit_mode netif_receive,
# so the sender costs nothing; the sinks drop at tc ingress. For every
# (entries, oifs) configuration both routers are set up, then for every
# family and packet size the slots run interleaved (F C A B, F C A B, ...;
# C only for the first table size and number of oifs: it has neither).
# One line per slot goes to $BENCH_OUT (default $MCR_RESULTS/bench.tsv):
#
#   system family size oifs entries rep pps delivered
#
# system: native, mcr, floor or xmit; pps: input packets per second as pktgen
# measured it; delivered: copies counted on the sinks / (count * oifs).
# tests/bench/report.py turns the file into the table.
#
# Environment: BENCH_COUNT (packets per slot, 5000), BENCH_REPS (3),
# BENCH_OIFS ("1 8 31"), BENCH_SIZES ("64 1500"), BENCH_ENTRIES ("1 10000"),
# BENCH_FAMILIES ("4 6"). The VM passes no environment through, so
# tests/bench/run.sh writes them to bench.env two levels above the results
# directory (the host's run directory, visible in the guest's read-only
# root), which is read first when it exists.
set -eu

root=${MCR_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=../scenarios/lib.sh
. "$root/tests/scenarios/lib.sh"
# shellcheck source=../lib/topo.sh
. "$root/tests/lib/topo.sh"
if [ -n "${MCR_RESULTS:-}" ] && [ -f "$MCR_RESULTS/../../bench.env" ]; then
	# shellcheck disable=SC1091 # written by tests/bench/run.sh
	. "$MCR_RESULTS/../../bench.env"
fi

count=${BENCH_COUNT:-5000}
reps=${BENCH_REPS:-3}
oifs_list=${BENCH_OIFS:-1 8 31}
sizes=${BENCH_SIZES:-64 1500}
entries_list=${BENCH_ENTRIES:-1 10000}
families=${BENCH_FAMILIES:-4 6}
out=${BENCH_OUT:-${MCR_RESULTS:-/tmp}/bench.tsv}
maxo=0
for n in $oifs_list; do
	[ "$n" -le "$maxo" ] || maxo=$n
done
work=$(mktemp -d)
cleanup_add "rm -rf $work"

modprobe pktgen
echo 10000 >/proc/sys/net/core/netdev_max_backlog

# --- topology --------------------------------------------------------------
topo_ns bA bB bC bF kA kB kC
topo_router bA bB
for x in A B C; do
	topo_link "b$x" "i$x" "b$x" "j$x"
	i=1
	while [ "$i" -le "$maxo" ]; do
		topo_link "b$x" "o$x$i" "k$x" "k$x$i"
		i=$((i + 1))
	done
	topo_if "b$x" "i$x" 10.0.0.2/24 fd00::2/64
	topo_if "b$x" "j$x"
	i=1
	while [ "$i" -le "$maxo" ]; do
		topo_if "b$x" "o$x$i" 10.1.$i.1/24 fd01:$i::1/64
		topo_if "k$x" "k$x$i"
		i=$((i + 1))
	done
done
topo_link bF iF bF jF
topo_if bF iF 10.0.0.2/24 fd00::2/64
topo_if bF jF
topo_commit
for x in A B C; do
	i=1
	while [ "$i" -le "$maxo" ]; do
		echo "qdisc add dev k$x$i ingress"
		echo "filter add dev k$x$i ingress matchall action drop"
		i=$((i + 1))
	done | tc -n "k$x" -b -
done
topo_nft bF <<'NFT'
table inet floor {
	chain pre {
		type filter hook prerouting priority -300; policy drop;
	}
}
NFT

# mcast_router's side works once the module has the forwarding table.
mcr=1
if ! ip netns exec bB mcastctl mfe show >/dev/null 2>&1; then
	echo "bench: mcastctl mfe does not work here: mcast_router slots skipped" >&2
	mcr=0
fi
if [ "$mcr" = 1 ]; then
	i=1
	ip netns exec bB mcastctl interface set iB mode router
	while [ "$i" -le "$maxo" ]; do
		ip netns exec bB mcastctl interface set "oB$i" mode router
		i=$((i + 1))
	done
fi

# groups FAM ENTRIES: first group, and pktgen's destination settings
first_group() {
	if [ "$1" = 4 ]; then
		if [ "$2" = 1 ]; then echo 239.1.0.1; else echo 239.1.0.0; fi
	else
		if [ "$2" = 1 ]; then echo ff0e::1:1; else echo ff0e::1:0; fi
	fi
}

# --- native: smcrouted with static routes ----------------------------------
smc_pid=
native_stop() {
	[ -n "$smc_pid" ] || return 0
	kill "$smc_pid" 2>/dev/null || true
	wait "$smc_pid" 2>/dev/null || true
	smc_pid=
}
cleanup_add native_stop
mr_cache_lines() {
	ip netns exec bA cat /proc/net/ip_mr_cache /proc/net/ip6_mr_cache | wc -l
}
# native_setup OIFS ENTRIES
native_setup() {
	native_stop
	c="$work/smcroute.conf"
	to=
	i=1
	while [ "$i" -le "$1" ]; do
		to="$to oA$i"
		i=$((i + 1))
	done
	{
		echo "phyint iA enable"
		for o in $to; do echo "phyint $o enable"; done
	} >"$c"
	for fam in $families; do
		if [ "$fam" = 4 ]; then s=10.0.0.1; else s=fd00::1; fi
		python3 - "$(first_group "$fam" "$2")" "$2" "$s" "$to" >>"$c" <<'PY'
import ipaddress, sys
g, n, s, to = ipaddress.ip_address(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
for i in range(n):
    print("mroute from iA source %s group %s to%s" % (s, g + i, to))
PY
	done
	nfam=$(echo "$families" | wc -w)
	ip netns exec bA smcrouted -n -N -l info -i bench -f "$c" \
		-u "$work/smcroute.sock" -P "$work/smcroute.pid" >"$work/smcroute.log" 2>&1 &
	smc_pid=$!
	# Two header lines, then one line per (S,G).
	end=$(($(date +%s) + 600))
	while [ "$(mr_cache_lines)" -lt $((2 + $2 * nfam)) ]; do
		if [ "$(date +%s)" -ge "$end" ] || ! kill -0 "$smc_pid" 2>/dev/null; then
			cat "$work/smcroute.log" >&2
			ip netns exec bA cat /proc/net/ip_mr_vif /proc/net/ip_mr_cache >&2
			fail "smcrouted did not install $(($2 * nfam)) routes"
		fi
		sleep 0.2
	done
	echo "bench: smcrouted installed $(($2 * nfam)) routes" >&2
}

# --- mcast_router: static entries --------------------------------------------
mcr_setup() {
	ip netns exec bB mcastctl mfe flush
	oifs=
	i=1
	while [ "$i" -le "$1" ]; do
		oifs="$oifs oB$i"
		i=$((i + 1))
	done
	for fam in $families; do
		if [ "$fam" = 4 ]; then s=10.0.0.1; else s=fd00::1; fi
		# shellcheck disable=SC2086 # word splitting wanted
		ip netns exec bB python3 "$root/tests/bench/mfe_bulk.py" "$fam" \
			"$(first_group "$fam" "$2")" "$2" "$s" iB $oifs
	done
	check_eq $(($2 * $(echo "$families" | wc -w))) \
		"$(ip netns exec bB mcastctl -j mfe show | jq length)" "mcast_router entries"
}

# --- one pktgen slot ---------------------------------------------------------
# slot NS DEV FAM SIZE ENTRIES MODE: prints the pps pktgen measured; MODE
# is pktgen's xmit_mode (netif_receive: into DEV's receive path;
# start_xmit: out of DEV)
slot() {
	pg=/proc/net/pktgen
	# shellcheck disable=SC2016 # expanded by the inner shell
	ip netns exec "$1" sh -eu -c '
		pg=$1; dev=$2; fam=$3; size=$4; entries=$5; count=$6; g=$7
		mode=$8
		echo rem_device_all >$pg/kpktgend_0
		echo "add_device $dev" >$pg/kpktgend_0
		p() { echo "$*" >"$pg/$dev"; }
		p "xmit_mode $mode"
		p "count $count"
		p "clone_skb 0"
		p "burst 1"
		p "delay 0"
		p "pkt_size $size"
		p "udp_src_min 9"
		p "udp_src_max 9"
		p "udp_dst_min 5001"
		p "udp_dst_max 5001"
		if [ "$fam" = 4 ]; then
			p "src_min 10.0.0.1"
			p "src_max 10.0.0.1"
			p "dst_mac 01:00:5e:01:00:01"
			if [ "$entries" = 1 ]; then
				p "dst $g"
			else
				# 239.1.0.0 + entries - 1, in turn. Not flag
				# IPDST_RND: pktgen redraws random addresses
				# until one is not multicast, which never ends
				# for a multicast range (the thread spins).
				last=$((entries - 1))
				p "dst_min $g"
				p "dst_max 239.1.$((last / 256)).$((last % 256))"
			fi
		else
			p "src6 fd00::1"
			p "dst_mac 33:33:00:01:00:01"
			p "dst6 $g"
			if [ "$entries" != 1 ]; then
				# random bits masked: (rand | min) & max; max
				# covers the largest power of two <= entries
				m=1
				while [ $((m * 2)) -le "$entries" ]; do m=$((m * 2)); done
				p "dst6_min $g"
				p "dst6_max ff0e::1:$(printf %x $((m - 1)))"
			fi
		fi
		echo start >$pg/pgctrl
		sed -n "s/^ *\([0-9][0-9]*\)pps.*/\1/p" "$pg/$dev"
	' slot "$pg" "$2" "$3" "$4" "$5" "$count" "$(first_group "$3" "$5")" "$6"
}

# rx_total NS PREFIX N: packets received by PREFIX1..PREFIXN in NS
rx_total() {
	ip -n "$1" -s -j link show | jq --arg p "$2" --argjson n "$3" \
		'[.[] | select(.ifname | test("^" + $p + "[0-9]+$")) |
		  select((.ifname | ltrimstr($p) | tonumber) <= $n) |
		  .stats64.rx.packets] | add // 0'
}

# measure SYSTEM FAM SIZE OIFS ENTRIES REP
measure() {
	case $1 in
	native) ns=bA dev=iA k=kA ;;
	mcr) ns=bB dev=iB k=kB ;;
	floor) ns=bF dev=iF k='' ;;
	xmit) ns=bC dev=oC1 k=kC ;;
	esac
	if [ -n "$k" ]; then before=$(rx_total "$k" "$k" "$4"); fi
	mode=netif_receive
	[ "$1" != xmit ] || mode=start_xmit
	pps=$(slot "$ns" "$dev" "$2" "$3" "$5" "$mode")
	if [ -n "$k" ]; then
		after=$(rx_total "$k" "$k" "$4")
		d=$(awk -v a="$after" -v b="$before" -v c="$count" -v n="$4" \
			'BEGIN { printf "%.3f", (a - b) / (c * n) }')
	else
		d=-
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$pps" "$d" |
		tee -a "$out"
}

printf 'system\tfamily\tsize\toifs\tentries\trep\tpps\tdelivered\n' >"$out"
for entries in $entries_list; do
	for n in $oifs_list; do
		echo "bench: configuring $n oifs, $entries entries per family" >&2
		native_setup "$n" "$entries"
		if [ "$mcr" = 1 ]; then
			mcr_setup "$n" "$entries"
			echo "bench: mcast_router entries installed" >&2
		fi
		for fam in $families; do
			for size in $sizes; do
				rep=1
				while [ "$rep" -le "$reps" ]; do
					measure floor "$fam" "$size" "$n" "$entries" "$rep"
					if [ "$entries" = "${entries_list%% *}" ] &&
						[ "$n" = "${oifs_list%% *}" ]; then
						measure xmit "$fam" "$size" 1 "$entries" "$rep"
					fi
					measure native "$fam" "$size" "$n" "$entries" "$rep"
					if [ "$mcr" = 1 ]; then
						measure mcr "$fam" "$size" "$n" "$entries" "$rep"
					fi
					rep=$((rep + 1))
				done
			done
		done
	done
done
native_stop
echo "bench: results in $out" >&2
