#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: boot the test VM, run tests/bench/bench.sh in it, and turn
# its measurements into the table (stdout) and Documentation/benchmarks.md.
#
#   tests/bench/run.sh [--no-doc]
#
# BENCH_CLOCK: icount (default, deterministic guest time) or wall.
#
# BENCH_* variables (see bench.sh) are handed to the guest through
# $dir/bench.env; MCR_KERNEL_VARIANT, MCR_ACCEL etc. go to tests/vm/run.sh.
# The run directory is $MCR_CACHE/runs/bench-<time> (vm/ holds the VM run,
# bench.tsv the raw slots, table.md the table).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
# Benchmarks run on the non-debug kernel (KASAN and lockdep would dominate
# every figure); MCR_KERNEL_VARIANT=debug measures the test kernel instead.
MCR_KERNEL_VARIANT=${MCR_KERNEL_VARIANT:-fast}
export MCR_KERNEL_VARIANT
# BENCH_CLOCK=icount: guest time is an instruction count (QEMU -icount
# shift=0,sleep=off): deterministic figures, unaffected by the host's load.
# BENCH_CLOCK=wall: guest time follows the host clock.
clock=${BENCH_CLOCK:-icount}
case "$clock" in
icount) MCR_QEMU_ARGS="${MCR_QEMU_ARGS:-} -icount shift=0,sleep=off" ;;
wall) ;;
*)
	echo "bench: BENCH_CLOCK must be icount or wall" >&2
	exit 2
	;;
esac
export MCR_QEMU_ARGS
cache=${MCR_CACHE:-/var/cache/mcast_router}
doc=1
[ "${1:-}" != --no-doc ] || doc=0

dir=$cache/runs/bench-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$dir"
: >"$dir/bench.env"
for v in BENCH_COUNT BENCH_REPS BENCH_OIFS BENCH_SIZES BENCH_ENTRIES BENCH_FAMILIES; do
	eval "val=\${$v:-}"
	# shellcheck disable=SC2154 # set by the eval
	[ -z "$val" ] || printf "%s='%s'\n" "$v" "$val" >>"$dir/bench.env"
done
echo "bench: run directory $dir"

rc=0
MCR_VM_OUT=$dir/vm MCR_KMEMLEAK_EACH=0 \
	MCR_TIMEOUT=${MCR_TIMEOUT:-10800} MCR_VM_TIMEOUT=${MCR_VM_TIMEOUT:-11400} \
	"$root/tests/vm/run.sh" "$root/tests/bench/bench.sh" || rc=$?
tsv=$dir/vm/results/bench.tsv
if [ ! -s "$tsv" ]; then
	echo "bench: no measurements (VM run exit status $rc); see $dir/vm" >&2
	exit 1
fi
cp "$tsv" "$dir/bench.tsv"
machine="$(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
kernel=$(sed -n 's/.*Linux version \([^ ]*\).*/\1/p' "$dir/vm/console.log" 2>/dev/null | head -n 1)
report() {
	python3 "$root/tests/bench/report.py" --machine "$machine" \
		--kernel "${kernel:-?}" --variant "$MCR_KERNEL_VARIANT" \
		--accel "${MCR_ACCEL:-tcg}" --clock "$clock" "$@" "$dir/bench.tsv"
}
report | tee "$dir/table.md"
if [ "$doc" = 1 ]; then
	report --doc "$root/Documentation/benchmarks.md"
	echo "bench: wrote Documentation/benchmarks.md"
fi
[ "$rc" = 0 ] || echo "bench: the VM run reported failures (exit status $rc); see $dir/vm" >&2
exit "$rc"
