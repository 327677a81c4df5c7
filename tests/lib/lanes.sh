# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Which scenarios run where (POSIX sh; host and guest). make check boots
# two VMs (tests/lib/check.sh): lane A runs KUnit and the scenarios of
# LANE_A_DEFAULT, lane B those of LANE_B_DEFAULT; the host checks verify
# that every scenario is in exactly one lane.
#
#   lanes_assign DIR TIMES  set LANE_A_DEFAULT and LANE_B_DEFAULT for the
#                           scenarios DIR/[0-9]*.sh from the seconds each
#                           took (TIMES, "name seconds" lines; "kunit" is
#                           lane A's KUnit phase; a scenario not listed
#                           counts 150 s): longest first, each to the lane
#                           that ends sooner. Each scenario is "NN-*".
#   lane_match NAME GLOBS   NAME matches one of the comma-separated GLOBS
#                           (commas, not spaces: MCR_SCENARIOS comes on
#                           the kernel command line)

lanes_assign() {
	_la=$(for _s in "$1"/[0-9]*.sh; do
		[ -x "$_s" ] && basename "$_s"
	done | awk -v times="$2" '
		BEGIN {
			while ((getline l < times) > 0)
				if (l !~ /^#/ && split(l, f, " ") == 2)
					t[f[1]] = f[2]
		}
		{ n++; name[n] = $0; w[n] = ($0 in t) ? t[$0] : 150 }
		END {
			a = ("kunit" in t) ? t["kunit"] : 0
			b = 0
			for (k = 1; k <= n; k++) {
				m = 0
				for (i = 1; i <= n; i++)
					if (!done[i] && (!m || w[i] > w[m]))
						m = i
				done[m] = 1
				g = substr(name[m], 1, index(name[m], "-")) "*"
				if (a <= b) { a += w[m]; la = la (la ? "," : "") g }
				else { b += w[m]; lb = lb (lb ? "," : "") g }
			}
			print la " " lb
		}')
	# shellcheck disable=SC2034 # read by the scripts that source this file
	LANE_A_DEFAULT=${_la% *}
	# shellcheck disable=SC2034
	LANE_B_DEFAULT=${_la#* }
}

lane_match() {
	_lm_ifs=$IFS
	IFS=,
	set -f
	_lm=1
	for _p in $2; do
		# shellcheck disable=SC2254 # the filter is a glob on purpose
		case "$1" in
		$_p) _lm=0 ;;
		esac
	done
	set +f
	IFS=$_lm_ifs
	return "$_lm"
}
