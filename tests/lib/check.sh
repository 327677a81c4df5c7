#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: host checks, the cached test kernel, the VM check run, then
# one closing line "N passed, N failed" over every result (host checks,
# KUnit cases, scenarios, kernel log findings, VM-level failures).
# Exit status: non-zero if anything failed or the VM timed out or crashed.
#
# MCR_CHECK_OUT: where results go (default $MCR_CACHE/runs/check-<time>).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cache_root=${MCR_CACHE:-/var/cache/mcast_router}
out=${MCR_CHECK_OUT:-$cache_root/runs/check-$(date +%Y%m%d-%H%M%S)-$$}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# shellcheck source-path=SCRIPTDIR source=results.sh
. "$root/tests/lib/results.sh"
# shellcheck source-path=SCRIPTDIR source=lanes.sh
. "$root/tests/lib/lanes.sh"
# shellcheck source-path=SCRIPTDIR source=kbuild.sh
. "$root/tests/lib/kbuild.sh"
results_init "$out/harness"

t0=$(date +%s)
echo "== make check: results in $out"

echo "== test kernel (${MCR_KERNEL_VARIANT:-debug})"
kernel_ok=yes
kernel_build "$out/harness/kernel-build.log" || kernel_ok=
tail -n 2 "$out/harness/kernel-build.log"
tk=$(date +%s)
if [ -z "$kernel_ok" ]; then
	result FAIL "test kernel build" "$out/harness/kernel-build.log"
fi

# The guests run tools/mcastctl/mcastctl from the checkout.
if ! make -C "$root/tools/mcastctl" >"$out/harness/mcastctl-build.log" 2>&1; then
	result FAIL "mcastctl build for the VM" "$out/harness/mcastctl-build.log"
fi
if ! make -C "$root/tests/helpers" >"$out/harness/helpers-build.log" 2>&1; then
	result FAIL "tests/helpers build for the VM" "$out/harness/helpers-build.log"
fi
th=$(date +%s)

# host_checks [nice -n N]: tests/host/run.sh into $out/host, its output in
# $out/harness/host.log.
host_checks() {
	"$@" "$root/tests/host/run.sh" "$out/host" >"$out/harness/host.log" 2>&1 || true
}

# Two VMs, one per host core (a TCG guest uses one): lane A runs KUnit
# and the scenarios matching MCR_LANE_A, lane B the others matching
# MCR_LANE_B (by default balanced from tests/lib/scenario-times.txt). Lane B starts once lane A has built the module in the
# checkout, so the two never build at once. An explicit MCR_SCENARIOS, or
# MCR_CHECK_LANES=1, runs everything in one VM as before.
# Comma-separated globs; the defaults are in lanes.sh.
lanes_assign "$root/tests/scenarios" "$root/tests/lib/scenario-times.txt"
lane_a=${MCR_LANE_A:-$LANE_A_DEFAULT}
lane_b=${MCR_LANE_B:-$LANE_B_DEFAULT}
if [ -n "$kernel_ok" ] && [ -z "${MCR_SCENARIOS:-}" ] &&
	[ "${MCR_CHECK_LANES:-2}" = 2 ]; then
	echo "== VM check run, two lanes: A = KUnit + '$lane_a', B = '$lane_b'"
	MCR_KUNIT=${MCR_KUNIT:-1} MCR_SCENARIOS=$lane_a MCR_VM_OUT="$out/vm" \
		"$root/tests/vm/run.sh" check \
		>"$out/harness/lane-a.log" 2>&1 &
	pid_a=$!
	# Bounded: the module build takes a few minutes at most.
	booted=
	for _ in $(seq 1800); do
		grep -q '^run.sh: booting' "$out/harness/lane-a.log" 2>/dev/null && booted=1 && break
		kill -0 "$pid_a" 2>/dev/null || break
		sleep 1
	done
	[ -n "$booted" ] ||
		echo "check.sh: lane A never reached its boot (module build failed, or 30 min passed); starting lane B anyway"
	MCR_KUNIT=0 MCR_SCENARIOS=$lane_b MCR_VM_OUT="$out/vm-b" \
		"$root/tests/vm/run.sh" check >"$out/harness/lane-b.log" 2>&1 &
	pid_b=$!
	# The host checks meanwhile, at the lowest priority: the two guests
	# keep both cores busy, so they mostly run on the core the lane that
	# ends first gives back.
	echo "== host checks (alongside, nice 19)"
	host_checks nice -n 19 &
	pid_h=$!
	wait "$pid_a" || true
	wait "$pid_b" || true
	tl=$(date +%s)
	wait "$pid_h" || true
	cat "$out/harness/host.log" "$out/harness/lane-a.log" "$out/harness/lane-b.log"
	echo "== host checks ended $(($(date +%s) - tl)) s after the VMs"
elif [ -n "$kernel_ok" ]; then
	echo "== host checks"
	host_checks
	cat "$out/harness/host.log"
	echo "== VM check run"
	MCR_VM_OUT="$out/vm" "$root/tests/vm/run.sh" check || true
else
	echo "== host checks"
	host_checks
	cat "$out/harness/host.log"
	result FAIL "vm: check run not started (no test kernel)"
fi
tv=$(date +%s)

echo "== timings: kernel $((tk - t0)) s, mcastctl $((th - tk)) s, VMs and host checks $((tv - th)) s, total $((tv - t0)) s"
echo "== summary (details: $out)"
"$root/tests/lib/report.sh" --summary "$out"
