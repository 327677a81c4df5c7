# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Helpers for the IGMP/MLD scenarios (4x): hosts that join through their
# own kernel's IGMP/MLD stack (tests/helpers/mjoin), and the router's view of them.
# Sourced after lib.sh and fwd-lib.sh.

memb_n=0

# memb_join NS IFNAME GROUP [include|exclude SRC...]: join and hold; sets
# memb_pid. Waits (bounded) for the joiner to say it has joined.
memb_join() {
	_ns=$1
	shift
	memb_n=$((memb_n + 1))
	_out=$(mktemp)
	ip netns exec "$_ns" "$MCR_ROOT/tests/helpers/mjoin" "$@" \
		>"$_out" 2>&1 &
	memb_pid=$!
	cleanup_add "kill $memb_pid 2>/dev/null; rm -f $_out"
	_mj_what="mjoin in $_ns: $*"
	_mj_out=$_out
	wait_for 30 "$_mj_what to join" _memb_joined
}

# The joiner said it joined; if it died instead, fail with what it said.
# Read with the shell's own read: this is polled, and every process
# started costs ~0.5 s in the debug guest.
_memb_joined() {
	_mj_line=
	read -r _mj_line <"$_mj_out" || true
	[ "$_mj_line" = joined ] && return 0
	kill -0 "$memb_pid" 2>/dev/null ||
		fail "$_mj_what exited: $(cat "$_mj_out")"
	return 1
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

# memb_now: seconds since the epoch with decimals, from bash's clock
# (as the monitor's stamps below).
memb_now() {
	bash -c 'echo "$EPOCHREALTIME"'
}

# memb_monitor_start NS FILE: `mcastctl -j monitor` in NS, each event line
# stamped on arrival ("SECONDS.MICROS {json}") into FILE by one bash loop
# (no process per line, so the stamps are the arrival times).
memb_monitor_start() {
	_err=$(mktemp)
	cleanup_add "rm -f $_err"
	ip netns exec "$1" mcastctl -j monitor 2>"$_err" |
		bash -c 'while IFS= read -r l; do printf "%s %s\n" "$EPOCHREALTIME" "$l"; done' \
			>"$2" &
	cleanup_add "kill $! 2>/dev/null; pkill -f 'mcastctl -j monitor' 2>/dev/null"
	wait_for 30 "mcastctl monitor to subscribe" grep -q monitoring "$_err"
}

# memb_events FILE: the monitor's events as JSON lines, stamps dropped
memb_events() {
	cut -d' ' -f2- "$1"
}

# memb_event_at FILE AFTER EVENT DEV KEY: the stamp of the first EVENT for
# DEV and KEY (a group, or a family for querier events) after line AFTER
# of FILE; nothing if there is none yet. One jq for all the lines (this
# is polled).
memb_event_at() {
	tail -n +"$(($2 + 1))" "$1" |
		jq -rR --arg e "$3" --arg d "$4" --arg k "$5" '
			index(" ") as $i | .[:$i] as $ts | .[$i + 1:] | fromjson? |
			select(.event == $e and .dev == $d and
				(.group // .family) == $k) | $ts' |
		head -n 1
}

# memb_wait_event FILE AFTER EVENT DEV KEY: wait (bounded) for that event;
# sets memb_at to its stamp.
memb_has_event() {
	[ -n "$(memb_event_at "$@")" ]
}
memb_wait_event() {
	wait_for 30 "monitor event $3 $4 $5" memb_has_event "$@"
	memb_at=$(memb_event_at "$@")
}

# memb_diff T1 T0: T1 - T0 in seconds, two decimals.
memb_diff() {
	echo "$1 $2" | awk '{ printf "%.2f", $1 - $2 }'
}

# memb_between X LO HI: LO <= X < HI
memb_between() {
	awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x < hi) }'
}
