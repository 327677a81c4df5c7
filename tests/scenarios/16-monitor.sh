#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `mcastctl monitor` sees every configuration change made by another
# process, in its own namespace only: set, rename, del and device deletion.
#
#   +----------- ns r -----------+   +----- ns o -----+
#   |  d1 (dummy)                |   |  d9 (dummy)    |
#   |  mcastctl -j monitor       |   |  changes here  |
#   +----------------------------+   +----------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add r
netns_add o
ip -n r link add d1 type dummy
ip -n o link add d9 type dummy
R() { ip netns exec r "$@"; }
out=$(mktemp)
err=$(mktemp)
txt=$(mktemp)
txterr=$(mktemp)
cleanup_add "rm -f $out $err $txt $txterr"

R mcastctl -j monitor >"$out" 2>"$err" &
mon=$!
cleanup_add "kill $mon 2>/dev/null"
R mcastctl monitor >"$txt" 2>"$txterr" &
montxt=$!
cleanup_add "kill $montxt 2>/dev/null"
wait_for 60 "the JSON monitor to subscribe" grep -q "monitoring mcast_router events" "$err"
wait_for 60 "the text monitor to subscribe" grep -q "monitoring mcast_router events" "$txterr"

# The configuration events, JSON (router mode also starts queriers, whose
# events 40-memb-join-leave.sh checks).
ifev() {
	jq -c 'select(.event == "change" or .event == "delete")' "$out"
}
nifev() {
	[ "$(ifev | wc -l)" -ge "$1" ]
}
# events N: wait until the JSON monitor has printed N of them
events() {
	wait_for 30 "$1 monitor events (have $(ifev | wc -l))" nifev "$1"
}
# event N JQ: the Nth of them satisfies JQ
event() {
	ifev | sed -n "${1}p" | jq -e "$2" >/dev/null ||
		fail "event $1 is not $2: $(ifev | sed -n "${1}p")"
	echo "ok: event $1 is $2"
}

# A change in another namespace is not seen; the first event must be ours.
ip netns exec o mcastctl interface set d9 mode router
R mcastctl interface set d1 mode router ttl-threshold 64
events 1
event 1 '.event == "change" and .ifname == "d1" and .mode == "router" and .["ttl-threshold"] == 64'

R mcastctl interface set d1 boundary 239.192.0.0/14
events 2
event 2 '.event == "change" and .boundaries == ["239.192.0.0/14"]'

ip -n r link set d1 name d1new
events 3
event 3 '.event == "change" and .ifname == "d1new" and .mode == "router"'

R mcastctl interface del d1new
events 4
event 4 '.event == "delete" and .ifname == "d1new"'

R mcastctl interface set d1new mode proxy
ip -n r link del d1new
events 6
event 5 '.event == "change" and .mode == "proxy"'
event 6 '.event == "delete" and .ifname == "d1new"'

# Each line is one complete JSON object; the text monitor saw the same.
check_eq 6 "$(ifev | wc -l)" "JSON monitor printed 6 configuration objects"
check_eq "$(wc -l <"$out")" "$(jq -c . "$out" | wc -l)" "every JSON line is one object"
wait_for 30 "the text monitor's 6 events" sh -c "[ \$(grep -cE '^(change|delete) ' '$txt') -ge 6 ]"
cat "$txt"
check_eq 4 "$(grep -c '^change ' "$txt")" "text change events"
check_eq 2 "$(grep -c '^delete ' "$txt")" "text delete events"
grep -q '^change d1: mode router .*ttl-threshold 64' "$txt" || fail "text change line"
