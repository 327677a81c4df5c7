#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Summarise harness results (see tests/lib/results.sh for the format).
#
#   report.sh --tails DIR       each FAIL below DIR with the tail of its log
#   report.sh --summary DIR...  list failures and skips, then the single
#                               closing line "N passed, N failed"
# Exit status: 1 if any result failed or no result was found, else 0.
set -eu

mode=${1:-}
shift || true
[ $# -gt 0 ] || { echo "usage: report.sh --tails|--summary DIR..." >&2; exit 2; }
tail_lines=${MCR_TAIL_LINES:-40}

mapfile -t files < <(find "$@" -name results.txt -type f 2>/dev/null | sort)

log_of() {
	# log_of DIR NAME -> absolute log path or nothing
	awk -F'\t' -v n="$2" '$1 == n { p = $2 } END { if (p != "") print p }' "$1/logs.txt" 2>/dev/null |
		while IFS= read -r p; do
			case "$p" in
			/*) echo "$p" ;;
			*) echo "$1/$p" ;;
			esac
		done
}

case "$mode" in
--tails)
	for f in "${files[@]}"; do
		d=$(dirname "$f")
		grep '^FAIL ' "$f" | cut -c6- | while IFS= read -r name; do
			echo "==== FAIL $name"
			log=$(log_of "$d" "$name")
			if [ -n "$log" ] && [ -f "$log" ]; then
				if head -n 1 "$log" | grep -q '^== '; then
					# structured report (kernel log findings first)
					echo "---- first $tail_lines lines of $log"
					head -n "$tail_lines" "$log"
				else
					echo "---- last $tail_lines lines of $log"
					tail -n "$tail_lines" "$log"
				fi
			else
				echo "---- (no log)"
			fi
		done
	done
	[ ${#files[@]} -gt 0 ] && grep -qs '^FAIL ' "${files[@]}" && exit 1
	exit 0
	;;
--summary)
	pass=0
	fail=0
	skip=0
	for f in "${files[@]}"; do
		p=$(grep -c '^PASS ' "$f" || true)
		x=$(grep -c '^FAIL ' "$f" || true)
		s=$(grep -c '^SKIP ' "$f" || true)
		pass=$((pass + p))
		fail=$((fail + x))
		skip=$((skip + s))
	done
	if [ ${#files[@]} -gt 0 ]; then
		grep -h '^SKIP ' "${files[@]}" | sed 's/^/  /' || true
		grep -h '^FAIL ' "${files[@]}" | sed 's/^/  /' || true
	fi
	if [ $((pass + fail)) -eq 0 ]; then
		echo "report.sh: no results found under $*" >&2
		fail=1
	fi
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	;;
*)
	echo "usage: report.sh --tails|--summary DIR..." >&2
	exit 2
	;;
esac
