# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The harness's result files, shared by host and guest (POSIX sh).
#
# A results directory holds:
#   results.txt  one line per result: "PASS name", "FAIL name" or "SKIP name"
#   logs.txt     "name<TAB>log path" (relative to the directory) for results
#                that have a log
# tests/lib/report.sh reads every results.txt below a directory.
#
#   results_init DIR
#   result STATUS NAME [LOG]     LOG absolute or relative to DIR

results_init() {
	RESULTS_DIR=$1
	mkdir -p "$RESULTS_DIR"
	: >>"$RESULTS_DIR/results.txt"
	: >>"$RESULTS_DIR/logs.txt"
}

result() {
	_st=$1
	_name=$2
	_log=${3:-}
	case "$_st" in
	PASS | FAIL | SKIP) ;;
	*) echo "result: bad status '$_st' for '$_name'" >&2; _st=FAIL ;;
	esac
	echo "$_st $_name" >>"$RESULTS_DIR/results.txt"
	if [ -n "$_log" ]; then
		case "$_log" in
		"$RESULTS_DIR"/*) _log=${_log#"$RESULTS_DIR"/} ;;
		esac
		printf '%s\t%s\n' "$_name" "$_log" >>"$RESULTS_DIR/logs.txt"
	fi
	echo "mcr: $_st $_name"
}
