#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host-side checks (no VM):
#   - the module builds warning-free with W=1 C=2 (gcc + sparse) against the
#     newest installed Debian 6.1 and 6.12 headers (SKIP if absent);
#   - checkpatch.pl --strict (from the test kernel's source) over kmod/ and
#     uapi/;
#   - tools/mcastctl builds and its `make check` passes (each of its counted
#     tests is one result); so do tools/madcap (the MADCAP codec) and
#     tools/madcapd (the MADCAP server);
#   - MADCAP end to end: madcapd (ASan/UBSan) and mcastctl madcap in two
#     network namespaces (tests/host/madcap.sh);
#   - Documentation/netlink/mcast_router.yaml validates against the kernel's
#     genetlink-c schema and agrees with uapi/linux/mcast_router.h
#     (tests/spec/check-uapi.py);
#   - scenario lint, and every scenario in exactly one make check lane
#     (tests/lib/lanes.sh);
#   - mcastctl's bash completion (tools/mcastctl/tests/completion.sh);
#   - every program the demo and check paths call is installed by them
#     (tests/host/programs.sh);
#   - every jq call of the guest's scripts takes gojq, the guest's jq
#     (tests/host/guest-jq.py);
#   - the kmod include graph has no cycle other than through netns, and
#     only netns.c, main.c and the netlink files include the netlink and
#     proxy headers (tests/host/includes.sh);
#   - DKMS builds against the 6.1 and 6.12 headers, make deb, lintian, and
#     the packages installed and purged (tests/host/packaging.sh).
#
#   tests/host/run.sh [OUT_DIR]   results in OUT_DIR (default: a new dir
#                                 under $MCR_CACHE/runs), see tests/lib/results.sh
# Exit status: 0 if nothing failed.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cache_root=${MCR_CACHE:-/var/cache/mcast_router}
out=${1:-$cache_root/runs/host-$(date +%Y%m%d-%H%M%S)-$$}

# shellcheck source=../lib/results.sh
. "$root/tests/lib/results.sh"
# shellcheck source=../lib/lanes.sh
. "$root/tests/lib/lanes.sh"
mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
results_init "$out"
echo "host checks: results in $out"

# Diagnostics that fail a build: gcc and sparse both print "file:line:col:
# warning: ..." / "error: ...".
diagnostics() {
	grep -E '(^|: )(warning|error): |^WARNING: ' "$1" || true
}

# newest_headers SERIES: newest /usr/src/linux-headers-SERIES.*-amd64 (not
# -cloud- or -rt-).
newest_headers() {
	for d in /usr/src/linux-headers-"$1".*-amd64; do
		case "$d" in
		*-cloud-* | *-rt-* | *'*'*) ;;
		*) echo "$d" ;;
		esac
	done | sort -V | tail -n 1
}

build_against() {
	series=$1
	hdr=$(newest_headers "$series")
	name="build W=1 C=2 against linux-headers-$series"
	if [ -z "$hdr" ] || [ ! -f "$hdr/Makefile" ]; then
		result SKIP "$name (no /usr/src/linux-headers-$series.*-amd64)"
		return 0
	fi
	name="build W=1 C=2 against $(basename "$hdr")"
	log="$out/logs/build-$(basename "$hdr").log"
	if [ ! -d "$root/kmod" ]; then
		echo "kmod/ is missing from $root" >"$log"
		result FAIL "$name" "$log"
		return 0
	fi
	# A private copy per kernel: out-of-tree builds write kmod/*.o next to
	# the sources, and objects for different kernels must not mix.
	tmp=$(mktemp -d /tmp/mcr-hostbuild.XXXXXX)
	for f in Kbuild kmod uapi; do
		[ ! -e "$root/$f" ] || cp -a "$root/$f" "$tmp/"
	done
	[ ! -f "$root/Makefile" ] || cp "$root/Makefile" "$tmp/"
	rc=0
	{
		make -C "$hdr" M="$tmp" clean
		make -C "$hdr" M="$tmp" W=1 C=2 modules
	} >"$log" 2>&1 || rc=$?
	rm -rf "$tmp"
	diag=$(diagnostics "$log")
	if [ "$rc" -ne 0 ] || [ -n "$diag" ]; then
		echo "exit status $rc; diagnostics:" >>"$log"
		echo "$diag" >>"$log"
		result FAIL "$name" "$log"
	else
		result PASS "$name" "$log"
	fi
}

run_checkpatch() {
	log="$out/logs/checkpatch.log"
	src="$("$root/tests/kernel/build.sh" --print-cache)/src"
	cp_pl="$src/scripts/checkpatch.pl"
	if [ ! -x "$cp_pl" ]; then
		echo "$cp_pl missing: build the test kernel first (make kernel)" >"$log"
		result FAIL checkpatch "$log"
		return 0
	fi
	mapfile -t files < <(cd "$root" && find kmod uapi -type f \( -name '*.c' -o -name '*.h' \) \
		! -name '*.mod.c' 2>/dev/null | sort)
	if [ ${#files[@]} -eq 0 ]; then
		echo "no C files under kmod/ or uapi/" >"$log"
		result FAIL checkpatch "$log"
		return 0
	fi
	rc=0
	(cd "$root" && "$cp_pl" --strict --no-tree --file --show-types "${files[@]}") >"$log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ] || grep -qE '^(ERROR|WARNING|CHECK):' "$log"; then
		result FAIL checkpatch "$log"
	else
		result PASS checkpatch "$log"
	fi
}

# run_tool NAME: tools/NAME builds warning-free and its `make check` passes;
# each test its closing "N passed, M failed" line counts is one result (or,
# without one, what cmocka's "[  PASSED  ] N test(s)." and "[  FAILED  ] N
# test(s)" lines count, summed over its groups).
run_tool() {
	name=$1
	tdir="$root/tools/$name"
	log="$out/logs/$name-build.log"
	if [ ! -f "$tdir/Makefile" ]; then
		echo "$tdir/Makefile is missing" >"$log"
		result FAIL "$name: build" "$log"
		return 0
	fi
	if make -C "$tdir" >"$log" 2>&1 && [ -z "$(diagnostics "$log")" ]; then
		result PASS "$name: build" "$log"
	else
		result FAIL "$name: build" "$log"
		return 0
	fi
	log="$out/logs/$name-check.log"
	rc=0
	timeout -k 10 "${MCR_HOST_CHECK_TIMEOUT:-900}" make -C "$tdir" check >"$log" 2>&1 || rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
	if [ -z "$line" ]; then
		line=$(awk '
			/^\[  PASSED  \] [0-9]+ test/ { p += $4; n++ }
			/^\[  FAILED  \] [0-9]+ test/ { f += $4; n++ }
			END { if (n) print p + 0, "passed,", f + 0, "failed" }
		' "$log")
	fi
	if [ -z "$line" ]; then
		echo "no closing 'N passed, N failed' line (exit status $rc)" >>"$log"
		result FAIL "$name: check" "$log"
		return 0
	fi
	np=$(echo "$line" | awk '{ print $1 }')
	nf=$(echo "$line" | awk '{ print $3 }')
	for ((i = 1; i <= np; i++)); do
		echo "PASS $name check: test $i of $np passed" >>"$out/results.txt"
	done
	for ((i = 1; i <= nf; i++)); do
		result FAIL "$name check: failure $i of $nf" "$log"
	done
	echo "mcr: $name check: $np passed, $nf failed (exit status $rc)"
	if [ "$rc" -ne 0 ] && [ "$nf" -eq 0 ]; then
		result FAIL "$name: check exited with status $rc" "$log"
	fi
}

run_mcastctl() {
	run_tool mcastctl
}

run_spec() {
	log="$out/logs/spec.log"
	src="$("$root/tests/kernel/build.sh" --print-cache)/src"
	if /usr/bin/python3 "$root/tests/spec/check-uapi.py" "$src" >"$log" 2>&1; then
		result PASS "spec: YAML spec valid and equal to the uapi header" "$log"
	else
		result FAIL "spec: YAML spec valid and equal to the uapi header" "$log"
	fi
}

# A wait_for whose condition is `test "$(...)"` or `[ "$(...)"` tests a
# value expanded once, before the first poll: it can only pass at once or
# time out. Scenarios poll values with wait_eq / wait_ge instead.
run_scenario_lint() {
	log="$out/logs/scenario-lint.log"
	rc=0
	awk '
		FNR == 1 { buf = "" }
		/\\$/ { buf = buf substr($0, 1, length($0) - 1); next }
		{ line = buf $0; buf = "" }
		line ~ /(^|[;&|[:space:]])wait_for[[:space:]]/ &&
		line ~ /(test|\[)[[:space:]]+"\$\(/ {
			print FILENAME ": " line; bad = 1
		}
		END { exit bad }
	' "$root"/tests/scenarios/*.sh "$root"/tests/vm/*.sh >"$log" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ]; then
		result PASS "scenarios: no wait_for on a value expanded once" "$log"
	else
		result FAIL "scenarios: no wait_for on a value expanded once" "$log"
	fi
}

# make check's two VMs together run every scenario, each once.
run_lane_cover() {
	log="$out/logs/lanes.log"
	rc=0
	lanes_assign "$root/tests/scenarios" "$root/tests/lib/scenario-times.txt"
	for s in "$root"/tests/scenarios/[0-9]*.sh; do
		n=$(basename "$s")
		c=0
		if lane_match "$n" "$LANE_A_DEFAULT"; then c=$((c + 1)); fi
		if lane_match "$n" "$LANE_B_DEFAULT"; then c=$((c + 1)); fi
		echo "$n: in $c lane(s)"
		[ "$c" -eq 1 ] || rc=1
	done >"$log"
	if [ "$rc" -eq 0 ]; then
		result PASS "scenarios: each in exactly one make check lane" "$log"
	else
		result FAIL "scenarios: each in exactly one make check lane" "$log"
	fi
}

# run_lines WHAT CMD...: a check that prints one line per result, "PASS
# name", "FAIL name: why" or "SKIP name (why)", and its logs under the
# directory given as CMD's last argument ($out/WHAT); each line is one result.
run_lines() {
	what=$1
	shift
	log="$out/logs/$what.log"
	rc=0
	"$@" "$out/$what" >"$log.lines" 2>"$log" || rc=$?
	n=0
	nf=0
	while IFS= read -r line; do
		st=${line%% *}
		case "$st" in
		PASS | SKIP) result "$st" "${line#* }" "$log" ;;
		FAIL) result FAIL "${line#* }" "$log"; nf=$((nf + 1)) ;;
		*) continue ;;
		esac
		n=$((n + 1))
	done <"$log.lines"
	if [ "$n" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$nf" -eq 0 ]; }; then
		result FAIL "$what: exited with status $rc, $n results" "$log"
	fi
}

build_against 6.1
build_against 6.12
run_checkpatch
run_spec
run_mcastctl
run_tool madcap
run_tool madcapd
# The MADCAP end-to-end checks time leases and scopes in seconds: they run
# at the default priority even when the host checks are niced beside the
# VM lanes (as root; otherwise madcap.sh skips).
run_lines madcap nice -n "-$(nice)" "$root/tests/host/madcap.sh"
run_lines completion "$root/tools/mcastctl/tests/completion.sh"
run_scenario_lint
run_lane_cover
run_lines programs "$root/tests/host/programs.sh"
run_lines guest-jq "$root/tests/host/guest-jq.py"
run_lines includes "$root/tests/host/includes.sh"
run_lines packaging "$root/tests/host/packaging.sh"

"$root/tests/lib/report.sh" --tails "$out"
