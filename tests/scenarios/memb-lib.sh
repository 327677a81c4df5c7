# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Helpers for the IGMP/MLD scenarios (4x): hosts that join through their
# own kernel's IGMP/MLD stack (mjoin.py), and the router's view of them.
# Sourced after lib.sh and fwd-lib.sh.

memb_n=0

# memb_join NS IFNAME GROUP [include|exclude SRC...]: join and hold; sets
# memb_pid. Waits (bounded) for the joiner to say it has joined.
memb_join() {
	_ns=$1
	shift
	memb_n=$((memb_n + 1))
	_out=$(mktemp)
	ip netns exec "$_ns" /usr/bin/python3 "$MCR_ROOT/tests/scenarios/mjoin.py" "$@" \
		>"$_out" 2>&1 &
	memb_pid=$!
	cleanup_add "kill $memb_pid 2>/dev/null; rm -f $_out"
	wait_for 20 "mjoin $* to join" grep -q joined "$_out"
}

# memb_leave PID: end a joiner; its socket closes and the host leaves.
memb_leave() {
	kill "$1"
	wait "$1" 2>/dev/null || true
}

# memb_groups DEV [GROUP]: the router's groups on DEV as "group filter".
memb_groups() {
	if [ -n "${2:-}" ]; then
		R mcastctl -j group show dev "$1" group "$2"
	else
		R mcastctl -j group show dev "$1"
	fi | jq -r '.[] | "\(.group) \(.filter)"'
}

memb_has() {
	[ -n "$(memb_groups "$1" "$2")" ]
}

memb_hasnt() {
	[ -z "$(memb_groups "$1" "$2")" ]
}

# memb_qstat DEV FAMILY(4|6) COUNTER: one querier counter.
memb_qstat() {
	if [ "$2" = 6 ]; then _f=-6; else _f=-4; fi
	R mcastctl -s -j "$_f" querier show dev "$1" | jq -r --arg k "$3" '.[0].stats[$k]'
}

# memb_now: seconds since the epoch with decimals.
memb_now() {
	date +%s.%N
}

# memb_elapsed START: seconds since START, one decimal.
memb_elapsed() {
	echo "$(memb_now) $1" | awk '{ printf "%.1f", $1 - $2 }'
}
