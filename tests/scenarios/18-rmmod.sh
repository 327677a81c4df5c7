#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# rmmod with interfaces configured in several namespaces, a monitor
# subscribed and a namespace deleted just before, repeated: clean every time
# (the harness fails the scenario on any WARNING/KASAN/leak in the log), and
# the module comes back with nothing configured.
#
#   +-- ns a --+  +-- ns b --+  +-- ns c (deleted before rmmod) --+
#   | va <-> vb (veth pair, a/b), da (dummy)  | dc (dummy)        |
#   +----------+  +----------+  +---------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

dmesg_mark
for round in 1 2 3; do
	netns_add a$round
	netns_add b$round
	netns_add c$round
	veth_pair va a$round vb b$round
	ip -n a$round link add da type dummy
	ip -n c$round link add dc type dummy
	ip netns exec a$round mcastctl interface set va mode router boundary 239.192.0.0/14
	ip netns exec a$round mcastctl interface set da mode proxy
	ip netns exec b$round mcastctl interface set vb mode router
	ip netns exec c$round mcastctl interface set dc mode router
	ip netns exec a$round mcastctl monitor >/dev/null 2>&1 &
	mon=$!
	ip netns del c$round
	rmmod mcast_router
	# The monitor's family went away: it must end, not spin.
	wait_for 30 "the monitor to exit after rmmod" sh -c "! kill -0 $mon 2>/dev/null"
	wait "$mon" 2>/dev/null || true
	modprobe mcast_router
	for ns in a$round b$round; do
		check_eq '[]' "$(ip netns exec "$ns" mcastctl -j interface show)" "round $round: $ns empty after reload"
	done
	ip netns del a$round
	ip netns del b$round
	dmesg_check_clean
done
