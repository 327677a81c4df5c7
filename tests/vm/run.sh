#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the test kernel in QEMU with the host's filesystem as a read-only root
# and run something in it.
#
#   tests/vm/run.sh check        module load, KUnit, scenarios, kernel log scan
#   tests/vm/run.sh demo         tests/vm/demo.sh, output shown live
#   tests/vm/run.sh PATH         run the script PATH (inside the checkout) as
#                                one scenario, with the module loaded
#
# Environment:
#   MCR_ACCEL        tcg (default) or kvm (KVM hangs on the project machines)
#   MCR_VM_TIMEOUT   bound on the whole QEMU run, seconds (default: check
#                    4800, demo 900, script 1200); a timeout is a failure
#   MCR_TIMEOUT      per-scenario / demo / script timeout in the guest (600)
#   MCR_SCENARIOS    comma-separated globs selecting scenarios in check mode
#                    (e.g. '03-*' or '1*,45-*')
#   MCR_KUNIT        1 (default): check mode runs the KUnit suites; 0: not
#   MCR_TRACE        1: every scenario runs under bash -x with each command
#                    stamped, into results/trace/NAME; summarise one with
#                    tests/lib/trace-profile.py (where the guest's time goes)
#   MCR_VM_OUT       run directory (default $MCR_CACHE/runs/<mode>-<time>)
#   MCR_VM_MEM       guest memory (default 2G)
#   MCR_QEMU_ARGS    more QEMU arguments, split on blanks (e.g. the bench's
#                    "-icount shift=0,sleep=off")
#   MCR_MODULE_SRC   tree holding Kbuild + kmod/ (default: the checkout)
#   MCR_KERNEL_VARIANT, MCR_CACHE: see tests/kernel/build.sh
#
# The run directory holds console.log, module-build.log, results.txt (host
# side results), results/ (the guest's writable share: results.txt, logs.txt,
# per-scenario logs, kunit/, dmesg/, timing.txt, captures/ the scenarios
# kept for their checks on the host, tests/scenarios/on-host/) and stage/
# (modules).
# Exit status: 0 if every result passed, 1 otherwise.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:?usage: tests/vm/run.sh check|demo|SCRIPT}
cache_root=${MCR_CACHE:-/var/cache/mcast_router}
accel=${MCR_ACCEL:-tcg}

# shellcheck source=../lib/results.sh
. "$root/tests/lib/results.sh"
# shellcheck source=../lib/kbuild.sh
. "$root/tests/lib/kbuild.sh"

die() {
	echo "run.sh: $*" >&2
	exit 1
}

# /tmp, /run, /var/tmp and /var/log become tmpfs in the guest: tests/vm/init
# binds a checkout or run directory under them back. /proc, /sys and /dev
# are the guest's own.
case "$root" in
/proc/* | /sys/* | /dev/*)
	die "the checkout ($root) is under a directory the guest replaces; move it"
	;;
esac

script=
case "$mode" in
check) vm_timeout=${MCR_VM_TIMEOUT:-4800} ;;
demo) vm_timeout=${MCR_VM_TIMEOUT:-900} ;;
*)
	script=$(realpath -e "$mode") || die "no such script: $mode"
	[ -x "$script" ] || die "$script is not executable"
	case "$script" in
	"$root"/*) ;;
	/tmp/* | /run/* | /var/tmp/* | /var/log/*)
		die "$script is hidden from the guest (tmpfs there); put it in the checkout" ;;
	esac
	mode=script
	vm_timeout=${MCR_VM_TIMEOUT:-1200}
	;;
esac

out=${MCR_VM_OUT:-$cache_root/runs/$mode-$(date +%Y%m%d-%H%M%S)-$$}
rm -rf "$out"
mkdir -p "$out/results"
out=$(cd "$out" && pwd)
results_init "$out"
echo "run.sh: run directory $out"

# 1. Test kernel (cached; the first build shows its progress).
if ! kernel_build "$out/kernel-build.log"; then
	tail -n 30 "$out/kernel-build.log"
	result FAIL "vm: test kernel build" "$out/kernel-build.log"
	exit 1
fi
kdir=$(tail -n 1 "$out/kernel-build.log")
entry=$("$root/tests/kernel/build.sh" --print-cache)
release=$(cat "$kdir/include/config/kernel.release")
bzimage="$kdir/arch/x86/boot/bzImage"
grep '^test kernel cached' "$out/kernel-build.log" || true

# 2. The module against the test kernel. MCR_MODULE_SRC (default: the
# checkout) lets the harness itself be tested with a stand-in module tree.
msrc=${MCR_MODULE_SRC:-$root}
if [ ! -f "$msrc/kmod/Kbuild" ] && [ ! -f "$msrc/kmod/Makefile" ]; then
	echo "run.sh: $msrc/kmod/ has no Kbuild: the module sources are missing" >"$out/module-build.log"
	result FAIL "vm: build kmod/ against the test kernel" "$out/module-build.log"
	exit 1
fi
# The checks build with W=1 and sparse (C=2); the demo is a user's build.
checks=(W=1 C=2)
[ "$mode" != demo ] || checks=()
echo "run.sh: building the module in $msrc against $kdir${checks[*]:+ (${checks[*]})}"
if ! make -C "$kdir" M="$msrc" "${checks[@]}" modules >"$out/module-build.log" 2>&1; then
	tail -n 30 "$out/module-build.log"
	result FAIL "vm: build kmod/ against the test kernel" "$out/module-build.log"
	exit 1
fi
# The test kernel is the third build target (with CONFIG_KUNIT, so the only
# one that compiles the KUnit module): it must be warning-free too. A
# warning fails this result but the run goes on.
if [ "$mode" = demo ]; then
	:
elif grep -E '(^|: )(warning|error): |^WARNING: ' "$out/module-build.log"; then
	result FAIL "build W=1 C=2 against the test kernel: warnings" "$out/module-build.log"
else
	result PASS "build W=1 C=2 against the test kernel" "$out/module-build.log"
fi

# The scenarios' helper programs (tests/helpers); make check builds them
# before its two lanes start, so this is a no-op there.
if ! make -C "$root/tests/helpers" >"$out/helpers-build.log" 2>&1; then
	cat "$out/helpers-build.log"
	result FAIL "vm: build tests/helpers" "$out/helpers-build.log"
	exit 1
fi

# 3. Stage the modules: the test kernel's own plus ours in extra/.
stage="$out/stage"
mkdir -p "$stage/lib/modules"
cp -a "$entry/modroot/lib/modules/$release" "$stage/lib/modules/"
mkdir -p "$stage/lib/modules/$release/extra"
for ko in mcast_router.ko mcast_router_kunit.ko; do
	if [ -f "$msrc/kmod/$ko" ]; then
		cp "$msrc/kmod/$ko" "$stage/lib/modules/$release/extra/"
	fi
done
depmod -b "$stage" "$release"
ls "$stage/lib/modules/$release/extra/"

# 4. Boot.
append="console=ttyS0 panic=-1 quiet root=root rootfstype=9p"
append="$append rootflags=trans=virtio,version=9p2000.L,cache=loose,msize=262144 ro"
append="$append init=$root/tests/vm/init mcr_mode=$mode mcr_root=$root"
append="$append mcr_results=$out/results mcr_stage=$stage mcr_timeout=${MCR_TIMEOUT:-600}"
append="$append mcr_ksrc=$entry/src"
append="$append mcr_kmemleak_each=${MCR_KMEMLEAK_EACH:-0} mcr_kunit_timeout=${MCR_KUNIT_TIMEOUT:-900}"
append="$append mcr_kunit=${MCR_KUNIT:-1}"
[ -z "${MCR_TRACE:-}" ] || append="$append mcr_trace=1"
[ -z "${MCR_SCENARIOS:-}" ] || append="$append mcr_scenarios=$MCR_SCENARIOS"
[ -z "$script" ] || append="$append mcr_script=$script"

# No display, no VGA and no monitor: the serial port is the console, on
# stdio. (-nographic would keep a VGA whose BIOS mirrors itself to the
# serial port with terminal escapes that clear the screen and turn line
# wrapping off.)
qemu=(qemu-system-x86_64 -accel "$accel" -m "${MCR_VM_MEM:-2G}" -smp 2
	-display none -vga none -serial stdio -monitor none -parallel none
	-no-reboot
	-kernel "$bzimage" -append "$append"
	-virtfs "local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap"
	-virtfs "local,path=$out/results,mount_tag=results,security_model=none,multidevs=remap"
	-netdev "hubport,id=n0,hubid=0" -device "virtio-net-pci,netdev=n0,romfile=")
# shellcheck disable=SC2206 # word splitting wanted
[ -z "${MCR_QEMU_ARGS:-}" ] || qemu+=($MCR_QEMU_ARGS)

echo "run.sh: booting $release ($accel, timeout ${vm_timeout} s); console log $out/console.log"
t0=$(date +%s)
qrc=0
if [ "$mode" = demo ]; then
	# The demo's output (and the kernel console) shown live, with the
	# serial line's CRs and the guest's reset message taken out; QEMU's own
	# messages (a warning that the guest's NIC has no host network: it is
	# meant to have none) go to qemu.log, shown if QEMU fails.
	timeout -k 10 "$vm_timeout" "${qemu[@]}" </dev/null 2>"$out/qemu.log" |
		sed -u -e 's/\r$//' -e '/^\[ *[0-9.]*\] sysrq: Resetting$/d' |
		tee "$out/console.log"
	qrc=${PIPESTATUS[0]}
	[ "$qrc" -eq 0 ] || cat "$out/qemu.log"
else
	# Progress lines only ("mcr: ..."); everything is in console.log.
	timeout -k 10 "$vm_timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$out/console.log" |
		sed -u -n -e 's/\r$//' -e 's/^.*mcr: /  /p'
	qrc=${PIPESTATUS[0]}
fi
t1=$(date +%s)
echo "run.sh: QEMU exited with status $qrc after $((t1 - t0)) s"
echo "vm-wall $((t1 - t0))" >>"$out/results/timing.txt"

# 5. Host-side verdict on the run itself.
vm_ok=yes
if [ "$qrc" -eq 124 ] || [ "$qrc" -eq 137 ]; then
	echo "run.sh: the VM run timed out after $vm_timeout s (MCR_VM_TIMEOUT)" | tee -a "$out/console.log"
	result FAIL "vm: $mode run timed out after $vm_timeout s" "$out/console.log"
	vm_ok=
elif [ ! -f "$out/results/done" ]; then
	result FAIL "vm: $mode run did not finish (guest crashed or QEMU failed, status $qrc)" "$out/console.log"
	vm_ok=
fi
if grep -qE 'Kernel panic|end Kernel panic' "$out/console.log"; then
	result FAIL "vm: kernel panic" "$out/console.log"
	vm_ok=
fi
st=$(cat "$out/results/exit-status" 2>/dev/null || echo missing)
if [ "$mode" = demo ]; then
	if [ "$st" = 0 ]; then
		result PASS "vm: demo" "$out/console.log"
	else
		result FAIL "vm: demo (exit status $st)" "$out/console.log"
	fi
elif [ -n "$vm_ok" ] && [ "$st" != 0 ]; then
	# guest-check.sh itself broke (not a test failing: those are results)
	result FAIL "vm: guest-check.sh exited with status $st" "$out/console.log"
fi
[ -n "$vm_ok" ] || { echo "run.sh: last console lines:"; tail -n 40 "$out/console.log"; }

# 6. The scenarios' checks on the host (tests/scenarios/on-host/NAME.sh)
# over the captures NAME.sh kept (results/captures/NAME): tshark starts in
# 15-30 s in the debug guest. One result each, for the scenarios that
# passed in the guest (a failed one has its result already).
for hc in "$root"/tests/scenarios/on-host/[0-9]*.sh; do
	[ -f "$hc" ] || continue
	name=$(basename "$hc" .sh)
	grep -qx "PASS scenario $name.sh" "$out/results/results.txt" 2>/dev/null || continue
	log="$out/on-host-$name.log"
	if (cd /tmp && timeout -k 10 600 "$hc" "$out/results/captures/$name") >"$log" 2>&1; then
		result PASS "scenario $name.sh: captures checked on the host" "$log"
	else
		result FAIL "scenario $name.sh: captures checked on the host" "$log"
	fi
done

if [ -f "$out/results/timing.txt" ]; then
	echo "run.sh: timings (seconds):"
	sed 's/^/  /' "$out/results/timing.txt"
fi
rc=0
"$root/tests/lib/report.sh" --tails "$out" || rc=1
counts=$(cat "$out/results.txt" "$out/results/results.txt" 2>/dev/null |
	awk '{ n[$1]++ } END { printf "%d PASS, %d FAIL, %d SKIP", n["PASS"], n["FAIL"], n["SKIP"] }')
echo "run.sh: $counts"
echo "run.sh: results in $out"
exit "$rc"
