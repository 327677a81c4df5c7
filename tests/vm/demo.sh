#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: runs in the test VM with mcast_router loaded (tests/vm/init).
#
#                +------------------ ns router ------------------+
#   [ ns isp ]---| up0 (proxy)     dn1 (router)    dn2 (router)   |
#                +----------------------|---------------|---------+
#                                    [ ns h1 ]       [ ns h2 ]
#
# The router namespace's upstream interface faces the provider (proxy
# mode), the two downstream ones face hosts (router mode; dn2's hosts are
# old and speak IGMPv2). The demo configures it with mcastctl and shows the
# result, in text and JSON, and what `mcastctl monitor` saw meanwhile.
set -eu

root=${MCR_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=../scenarios/lib.sh
. "$root/tests/scenarios/lib.sh"

say() {
	printf '\n### %s\n' "$*"
}
run() {
	echo "router# $*"
	ip netns exec router "$@"
}

say "topology: router with three interfaces, a provider and two hosts"
netns_add router
for peer in isp h1 h2; do
	netns_add "$peer"
done
veth_pair up0 router eth0 isp
veth_pair dn1 router eth0 h1
veth_pair dn2 router eth0 h2
ip -n router addr add 192.0.2.1/24 dev up0
ip -n router addr add 198.51.100.1/24 dev dn1
ip -n router addr add 203.0.113.1/24 dev dn2
ip -n router -br link show

say "watching configuration events"
mon=$(mktemp)
monerr=$(mktemp)
cleanup_add "rm -f $mon $monerr"
ip netns exec router mcastctl monitor >"$mon" 2>"$monerr" &
cleanup_add "kill $! 2>/dev/null"
wait_for 60 "mcastctl monitor to subscribe" grep -q "monitoring" "$monerr"

say "configuring the router"
run mcastctl interface set up0 mode proxy ttl-threshold 32 \
	boundary 239.192.0.0/14 boundary ff05::/16
run mcastctl interface set dn1 mode router
run mcastctl interface set dn2 mode router igmp-version 2 \
	query-interval 60s query-response-interval 5s

say "mcastctl interface show"
run mcastctl interface show

say "mcastctl -j -p interface show dn2"
run mcastctl -j -p interface show dn2

say "a mistake is refused, with the kernel's reason, and changes nothing"
if run mcastctl interface set dn1 query-response-interval 200s; then
	fail "the demo expected that to be refused"
fi

say "events seen by mcastctl monitor"
wait_for 30 "three monitor events" sh -c "[ \$(wc -l <'$mon') -ge 3 ]"
cat "$mon"
echo
echo "demo: done"
