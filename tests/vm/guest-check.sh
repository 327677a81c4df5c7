#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the test VM (started by tests/vm/init), writing results to
# $MCR_RESULTS (see tests/lib/results.sh).
#
#   guest-check.sh                 check mode: module load, KUnit, every
#                                  tests/scenarios/[0-9]*.sh, kernel log scan
#   guest-check.sh --script PATH   load the module, run PATH as one scenario,
#                                  kernel log scan
#
# Environment (set by init): MCR_ROOT, MCR_RESULTS, MCR_TIMEOUT (per scenario,
# seconds), MCR_SCENARIOS (optional glob on scenario file names).
# MCR_KUNIT_TIMEOUT (default 900 s) bounds loading the KUnit module, which
# runs the suites. MCR_KMEMLEAK_EACH=1 adds a kmemleak scan after each
# scenario (~40 s each with KASAN in TCG; the final scan always runs).
set -eu

root=$MCR_ROOT
R=$MCR_RESULTS
# shellcheck source=../lib/results.sh
. "$root/tests/lib/results.sh"
# shellcheck source=../lib/lanes.sh
. "$root/tests/lib/lanes.sh"
# shellcheck source=../lib/kmsg.sh
. "$root/tests/lib/kmsg.sh"
results_init "$R"
mkdir -p "$R/logs" "$R/kunit" "$R/scenarios" "$R/dmesg"

KMEMLEAK=/sys/kernel/debug/kmemleak
timeout_s=${MCR_TIMEOUT:-600}
kunit_timeout=${MCR_KUNIT_TIMEOUT:-900}

now() {
	cut -d' ' -f1 /proc/uptime
}

phase_t0=0
phase_name=
phase() {
	t=$(now)
	if [ -n "$phase_name" ]; then
		d=$(awk -v a="$phase_t0" -v b="$t" 'BEGIN { printf "%.1f", b - a }')
		echo "$phase_name $d" >>"$R/timing.txt"
		echo "mcr: phase '$phase_name' took $d s"
	fi
	phase_name=${1:-}
	phase_t0=$t
	[ -z "$phase_name" ] || echo "mcr: phase '$phase_name' starts at uptime $t s"
}

# kmemleak_scan OUT: scan twice (an object must be seen unreferenced by two
# scans to be reported), save the report, then clear it so the next scan
# reports only new leaks. Succeeds when leaks were found.
kmemleak_scan() {
	[ -w "$KMEMLEAK" ] || return 1
	echo scan >"$KMEMLEAK" || true
	echo scan >"$KMEMLEAK" || true
	cat "$KMEMLEAK" >"$1" 2>/dev/null || true
	echo clear >"$KMEMLEAK" || true
	[ -s "$1" ]
}

safe_name() {
	echo "$1" | tr -c 'A-Za-z0-9._\n-' '_'
}

# dmesg_check NAME MARK [kmemleak]: one FAIL "dmesg: NAME" if the kernel log
# since MARK has a finding (or kmemleak reports a leak).
dmesg_check() {
	log="$R/dmesg/$(safe_name "$1").log"
	# Read and searched on the guest's tmpfs: every read or write on the
	# results share is a 9p round trip. Only a finding goes there.
	tmp="/tmp/dmesg-check.$$"
	leaks=
	# Scan first: a scan reports new leaks in the kernel log too, and that
	# line must land in this window, not the next one.
	if [ "${3:-}" = kmemleak ] && kmemleak_scan "$tmp.kmemleak"; then
		leaks=yes
	fi
	kmsg_since "$2" >"$tmp.all"
	findings=$(kmsg_findings "$tmp.all")
	if [ -n "$findings" ] || [ -n "$leaks" ]; then
		{
			echo "== kernel log lines matching the failure patterns:"
			echo "$findings"
			if [ -n "$leaks" ]; then
				echo "== kmemleak report:"
				cat "$tmp.kmemleak"
			fi
			echo "== whole kernel log since the mark:"
			cat "$tmp.all"
		} >"$log"
		result FAIL "dmesg: $1" "$log"
	fi
	rm -f "$tmp.all" "$tmp.kmemleak"
}

module_loaded() {
	grep -q "^$1 " /proc/modules
}

ensure_module() {
	module_loaded mcast_router && return 0
	timeout -k 5 120 modprobe mcast_router >>"$1" 2>&1
}

# selected NAME: NAME matches one of MCR_SCENARIOS's comma-separated globs
# (all do without MCR_SCENARIOS).
selected() {
	[ -n "${MCR_SCENARIOS:-}" ] || return 0
	lane_match "$1" "$MCR_SCENARIOS"
}

# run_scenario PATH: one scenario in its own process with a timeout.
run_scenario() {
	s=$1
	name=$(basename "$s")
	log="$R/scenarios/$name.log"
	: >"$log"
	if ! ensure_module "$log"; then
		echo "mcr: modprobe mcast_router failed before $name" >>"$log"
		result FAIL "scenario $name" "$log"
		return 0
	fi
	mark=$(kmsg_seq)
	t0=$(now)
	rc=0
	(cd /tmp && exec timeout -k 10 "$timeout_s" "$s") >>"$log" 2>&1 </dev/null || rc=$?
	dt=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
	echo "scenario:$name $dt" >>"$R/timing.txt"
	# Leftovers of a scenario that died must not leak into the next one.
	ip -all netns delete >/dev/null 2>&1 || true
	case $rc in
	0) result PASS "scenario $name" "$log" ;;
	77) result SKIP "scenario $name" "$log" ;;
	124 | 137)
		echo "mcr: $name timed out after $timeout_s s" >>"$log"
		result FAIL "scenario $name" "$log"
		;;
	*)
		echo "mcr: $name exited with status $rc" >>"$log"
		result FAIL "scenario $name" "$log"
		;;
	esac
	echo "mcr: $name took $dt s"
	if [ "${MCR_KMEMLEAK_EACH:-0}" = 1 ]; then
		dmesg_check "after $name" "$mark" kmemleak
	else
		dmesg_check "after $name" "$mark"
	fi
}

run_kunit() {
	log="$R/logs/kunit-modprobe.log"
	if ! modprobe -n -q mcast_router_kunit 2>/dev/null; then
		result SKIP "kunit (mcast_router_kunit.ko not built)"
		return 0
	fi
	mark=$(kmsg_seq)
	rc=0
	timeout -k 10 "$kunit_timeout" modprobe mcast_router_kunit >"$log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "mcr: modprobe mcast_router_kunit exited with status $rc" >>"$log"
		result FAIL "kunit: modprobe mcast_router_kunit" "$log"
	fi
	# Everything is read and written on the guest's tmpfs, then copied to
	# the results share at once: each read or write there is a 9p round
	# trip, and the shell reads its input a byte at a time.
	ktap=$(mktemp -d)
	found=
	for d in /sys/kernel/debug/kunit/mcast_router*; do
		[ -r "$d/results" ] || continue
		suite=$(basename "$d")
		cat "$d/results" >"$ktap/$suite.ktap"
		found="$found $ktap/$suite.ktap"
	done
	if [ -z "$found" ]; then
		# No debugfs results (module crashed while loading?): use the log.
		kmsg_since "$mark" >"$ktap/dmesg.ktap"
		found="$ktap/dmesg.ktap"
	fi
	# One python3 for every suite: each start costs the guest seconds.
	n=0
	# shellcheck disable=SC2086 # $found is a list of paths without spaces
	python3 "$root/tests/lib/ktap.py" --prefix "kunit " $found \
		>"$ktap/results" || true
	tmp_results=$(mktemp -d)
	real_results=$RESULTS_DIR
	RESULTS_DIR=$tmp_results
	last=
	while read -r st name; do
		suite=${name#kunit }
		suite=${suite%%[.:]*}
		if [ "$suite" != "$last" ]; then
			last=$suite
			f="kunit/$suite.ktap"
			# Without debugfs results every name is from the kernel log.
			[ -e "$ktap/$suite.ktap" ] || f="kunit/dmesg.ktap"
		fi
		result "$st" "$name" "$f"
		n=$((n + 1))
	done <"$ktap/results"
	RESULTS_DIR=$real_results
	for f in results.txt logs.txt; do
		[ ! -e "$tmp_results/$f" ] || cat "$tmp_results/$f" >>"$RESULTS_DIR/$f"
	done
	rm -f "$ktap/results"
	cp "$ktap"/*.ktap "$R/kunit/"
	rm -rf "$tmp_results" "$ktap"
	[ "$n" -gt 0 ] || result FAIL "kunit: no mcast_router suite reported" "$log"
	if module_loaded mcast_router_kunit; then
		timeout -k 5 120 rmmod mcast_router_kunit >>"$log" 2>&1 ||
			result FAIL "kunit: rmmod mcast_router_kunit" "$log"
	fi
	dmesg_check "after kunit" "$mark"
}

# The kernel log and kmemleak state of the boot itself.
phase boot-scan
dmesg_check boot -1
# Whatever kmemleak finds from the boot is the kernel's, not ours: report it
# in the log for reference but start the module's accounting clean.
if [ -w "$KMEMLEAK" ] && kmemleak_scan "$R/dmesg/boot.kmemleak"; then
	echo "mcr: kmemleak reported objects from the boot (see dmesg/boot.kmemleak); ignored"
fi
[ -s "$R/dmesg/boot.kmemleak" ] || rm -f "$R/dmesg/boot.kmemleak"
# The explicit scans (this one, MCR_KMEMLEAK_EACH's, the final one) find
# every leak; kmemleak's own thread would add a scan every 10 minutes,
# about 25 s of the guest's only busy CPU each under TCG.
if [ -w "$KMEMLEAK" ]; then
	echo scan=off >"$KMEMLEAK" ||
		echo "mcr: could not stop kmemleak's automatic scan"
fi

phase modprobe
mlog="$R/logs/modprobe.log"
mark=$(kmsg_seq)
if timeout -k 5 120 modprobe mcast_router >"$mlog" 2>&1; then
	result PASS "modprobe mcast_router" "$mlog"
else
	kmsg_since "$mark" >>"$mlog"
	result FAIL "modprobe mcast_router" "$mlog"
fi
dmesg_check "after modprobe" "$mark"

if [ "${1:-}" = --script ]; then
	phase script
	run_scenario "$2"
else
	if [ "${MCR_KUNIT:-1}" = 1 ]; then
		phase kunit
		run_kunit
	fi

	phase scenarios
	for s in "$root"/tests/scenarios/[0-9]*.sh; do
		[ -x "$s" ] || continue
		selected "$(basename "$s")" || continue
		run_scenario "$s"
	done
fi

phase final-scan
mark=$(kmsg_seq)
if module_loaded mcast_router; then
	timeout -k 5 120 rmmod mcast_router >>"$R/logs/rmmod.log" 2>&1 ||
		result FAIL "rmmod mcast_router at the end" "$R/logs/rmmod.log"
fi
# kmemleak does not report objects younger than 5 s: let the last
# scenario's objects age before the final scan.
if [ -w "$KMEMLEAK" ]; then
	echo "mcr: waiting 5 s so kmemleak considers the newest objects"
	sleep 5
fi
dmesg_check "end of run" "$mark" kmemleak
dmesg >"$R/dmesg.txt" 2>&1 || true
phase
