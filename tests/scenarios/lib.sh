# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Sourced by the scenario scripts (tests/scenarios/[0-9]*.sh), which run as
# root inside the test VM (tests/vm/guest-check.sh) with mcast_router loaded
# and $MCR_ROOT set. Exit status: 0 pass, 77 skipped, anything else fails.
#
#   . "$(dirname "$0")/lib.sh"
#
# Helpers:
#   netns_add NAME...           create namespaces (lo up), deleted again on
#                               exit; netns_new NAME...: lo left down
#   veth_pair A NSA B NSB       veth A in NSA <-> B in NSB (NS "" = current),
#                               both set up
#   cleanup_add CMD...          run CMD (a shell command line) at exit,
#                               last added first, before namespaces go
#   fail MSG                    print MSG and exit 1
#   skip MSG                    print MSG and exit 77
#   check_eq EXPECTED ACTUAL WHAT
#   check_fail CMD...           CMD must exit non-zero
#   wait_for TIMEOUT_S WHAT CMD...   poll CMD (every 0.1 s) until it succeeds;
#                               after TIMEOUT_S fail saying what was awaited
#   capture_keep FILE...        keep captures for on-host/NAME.sh
#   dmesg_mark                  remember the kernel log position
#   dmesg_since_mark            print the kernel log written since the mark
#   dmesg_check_clean           fail if the log since the mark has a
#                               WARNING/BUG/KASAN/... line
set -eu

# MCR_TRACE=1 (tests/vm/run.sh): the scenario reruns under bash with every
# command stamped (bash's clock, no process) into
# $MCR_RESULTS/trace/NAME, which tests/lib/trace-profile.py sums up by
# command and by line: where the guest's time goes.
if [ -n "${MCR_TRACE:-}" ] && [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
_lib_trace=
if [ -n "${MCR_TRACE:-}" ]; then
	_lib_trace=/tmp/trace.$$
	exec 7>"$_lib_trace"
	# shellcheck disable=SC3028 # bash only, as the exec above makes sure
	BASH_XTRACEFD=7
	# shellcheck disable=SC2016,SC3028 # expanded by bash for each command
	PS4='+ $EPOCHREALTIME ${BASH_SOURCE##*/}:$LINENO '
	set -x
fi

MCR_ROOT=${MCR_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=../lib/kmsg.sh
. "$MCR_ROOT/tests/lib/kmsg.sh"
# shellcheck source=../lib/assert.sh
. "$MCR_ROOT/tests/lib/assert.sh"

_lib_netns=
_lib_ncleanup=0
_lib_mark=-1

_lib_cleanup() {
	_rc=$?
	set +e
	# Registered commands, newest first.
	while [ "$_lib_ncleanup" -gt 0 ]; do
		eval "eval \"\$_lib_cleanup_$_lib_ncleanup\""
		_lib_ncleanup=$((_lib_ncleanup - 1))
	done
	# One ip process for all of them (each start costs ~1 s in the guest).
	if [ -n "$_lib_netns" ]; then
		for _ns in $_lib_netns; do
			echo "netns delete $_ns"
		done | ip -force -b - 2>/dev/null
	fi
	if [ -n "$_lib_trace" ]; then
		set +x
		mkdir -p "$MCR_RESULTS/trace"
		cp "$_lib_trace" "$MCR_RESULTS/trace/$(basename "$0")"
		rm -f "$_lib_trace"
	fi
	exit "$_rc"
}
trap _lib_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cleanup_add() {
	_lib_ncleanup=$((_lib_ncleanup + 1))
	eval "_lib_cleanup_$_lib_ncleanup=\$*"
}

# netns_add NAME...: namespaces, lo up, deleted on exit.
netns_add() {
	netns_new "$@"
	for _ns in "$@"; do
		ip -n "$_ns" link set lo up
	done
}

# netns_new NAME...: namespaces deleted on exit, lo left down (topo.sh
# sets it up in the namespace's own ip batch); one ip for all.
netns_new() {
	for _ns in "$@"; do
		_lib_netns="$_lib_netns $_ns"
	done
	for _ns in "$@"; do
		echo "netns add $_ns"
	done | ip -b -
}

# veth_pair A NSA B NSB
veth_pair() {
	if [ -n "$2" ] && [ -n "$4" ]; then
		ip link add "$1" netns "$2" type veth peer name "$3" netns "$4"
	elif [ -n "$2" ]; then
		ip link add "$1" netns "$2" type veth peer name "$3"
	elif [ -n "$4" ]; then
		ip link add "$1" type veth peer name "$3" netns "$4"
	else
		ip link add "$1" type veth peer name "$3"
	fi
	if [ -n "$2" ]; then ip -n "$2" link set "$1" up; else ip link set "$1" up; fi
	if [ -n "$4" ]; then ip -n "$4" link set "$3" up; else ip link set "$3" up; fi
}

# wait_for TIMEOUT_S WHAT CMD...: poll CMD every 0.1 s until it succeeds;
# the log says what was waited for (unless WAIT_QUIET is set: the demo's
# transcript).
# CMD's arguments are expanded once, by the caller: to poll a value, use
# wait_eq / wait_ge, never `test "$(...)"` (tests/host/run.sh rejects it).
# The clock is /proc/uptime read by the shell itself: a date(1) per poll
# costs ~1 s in the debug guest.
wait_for() {
	_to=$1
	_what=$2
	shift 2
	_lib_uptime
	_end=$((_lib_up + _to))
	while ! "$@"; do
		_lib_uptime
		[ "$_lib_up" -lt "$_end" ] || fail "timed out after ${_to} s waiting for $_what"
		sleep 0.1
	done
	[ -n "${WAIT_QUIET:-}" ] || echo "ok: waited for $_what"
}

# _lib_uptime: whole seconds since boot into _lib_up, without a process.
_lib_uptime() {
	read -r _lib_up _lib_idle </proc/uptime
	_lib_up=${_lib_up%.*}
}

# wait_eq TIMEOUT_S WHAT WANT CMD...: poll until CMD prints WANT.
wait_eq() {
	_we_to=$1
	_we_what=$2
	shift 2
	wait_for "$_we_to" "$_we_what" _lib_out_eq "$@"
}

# wait_ge TIMEOUT_S WHAT MIN CMD...: poll until CMD prints a number >= MIN.
wait_ge() {
	_we_to=$1
	_we_what=$2
	shift 2
	wait_for "$_we_to" "$_we_what" _lib_out_ge "$@"
}

_lib_out_eq() {
	_lo_want=$1
	shift
	[ "$("$@")" = "$_lo_want" ]
}

_lib_out_ge() {
	_lo_min=$1
	shift
	_lo_v=$("$@")
	[ -n "$_lo_v" ] && [ "$_lo_v" -ge "$_lo_min" ] 2>/dev/null
}

# capture_keep FILE...: keep captures for the scenario's checks on the
# test host (on-host/NAME.sh, run by tests/vm/run.sh after the guest ends
# if the scenario passed): tshark starts in 15-30 s in the debug guest,
# in a fraction of a second on the host.
capture_keep() {
	_ck=$MCR_RESULTS/captures/$(basename "$0" .sh)
	mkdir -p "$_ck"
	cp "$@" "$_ck/"
}

dmesg_mark() {
	_lib_mark=$(kmsg_seq)
}

dmesg_since_mark() {
	kmsg_since "$_lib_mark"
}

dmesg_check_clean() {
	_bad=$(dmesg_since_mark | grep -E "$KMSG_BAD" || true)
	[ -z "$_bad" ] || fail "kernel log since the mark: $_bad"
}
