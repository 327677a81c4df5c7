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
results_init "$out/harness"

t0=$(date +%s)
echo "== make check: results in $out"

echo "== test kernel (${MCR_KERNEL_VARIANT:-debug})"
kernel_ok=yes
"$root/tests/kernel/build.sh" 2>&1 | tee "$out/harness/kernel-build.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || kernel_ok=
tk=$(date +%s)
if [ -z "$kernel_ok" ]; then
	result FAIL "test kernel build" "$out/harness/kernel-build.log"
fi

echo "== host checks"
"$root/tests/host/run.sh" "$out/host" || true
th=$(date +%s)

if [ -n "$kernel_ok" ]; then
	echo "== VM check run"
	MCR_VM_OUT="$out/vm" "$root/tests/vm/run.sh" check || true
else
	result FAIL "vm: check run not started (no test kernel)"
fi
tv=$(date +%s)

echo "== timings: kernel $((tk - t0)) s, host checks $((th - tk)) s, VM $((tv - th)) s, total $((tv - t0)) s"
echo "== summary (details: $out)"
"$root/tests/lib/report.sh" --summary "$out"
