# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Sourced by the scenarios' checks that run on the test host after the VM
# run (tests/scenarios/on-host/NN-name.sh, started by tests/vm/run.sh with
# the directory of the captures NN-name.sh kept with capture_keep). Sets
# cap to that directory. Exit status: 0 pass, anything else fails.
#
#   fail, check_eq ...          tests/lib/assert.sh
#   tshark_count PCAP FILTER
set -eu

# shellcheck source=../../lib/assert.sh
. "$(dirname "$0")/../../lib/assert.sh"

cap=${1:?usage: $0 CAPTURE-DIR}
[ -d "$cap" ] || { echo "FAIL: no capture directory $cap" >&2; exit 1; }

# tshark_count PCAP FILTER: frames of PCAP matching the display FILTER,
# IP checksums verified. If tshark fails (a filter this tshark does not
# understand, say) its error goes to stderr and "tshark-error" is printed,
# which no numeric check accepts.
tshark_count() {
	_ts_err=$(mktemp)
	if _ts_out=$(tshark -n -r "$1" -o ip.check_checksum:TRUE -Y "$2" \
		-T fields -e frame.number 2>"$_ts_err"); then
		printf '%s' "$_ts_out" | grep -c . || true
	else
		grep -v '^Running as' "$_ts_err" >&2
		echo tshark-error
	fi
	rm -f "$_ts_err"
}
