# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Verdicts for test scripts (POSIX sh), shared by the VM scenarios
# (tests/scenarios/lib.sh) and their checks on the host
# (tests/scenarios/on-host/lib.sh). Exit status: 0 pass, 77 skipped,
# anything else fails.
#
#   fail MSG                    print MSG and exit 1
#   skip MSG                    print MSG and exit 77
#   check_eq EXPECTED ACTUAL WHAT
#   check_fail CMD...           CMD must exit non-zero

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

check_eq() {
	[ "$1" = "$2" ] || fail "$3: expected '$1', got '$2'"
	echo "ok: $3 = '$1'"
}

check_fail() {
	if "$@"; then
		fail "expected failure: $*"
	fi
	echo "ok: fails as expected: $*"
}
