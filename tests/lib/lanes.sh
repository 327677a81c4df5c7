# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Which scenarios run where (POSIX sh; host and guest). make check boots
# two VMs (tests/lib/check.sh): lane A runs KUnit and the scenarios
# matching LANE_A_DEFAULT, lane B those matching LANE_B_DEFAULT; the host
# checks verify that every scenario is in exactly one lane. Balanced by
# the lanes' run times (timing.txt of a run; tests/README.md).
#
#   lane_match NAME GLOBS   NAME matches one of the comma-separated GLOBS
#                           (commas, not spaces: MCR_SCENARIOS comes on
#                           the kernel command line)

# shellcheck disable=SC2034 # read by the scripts that source this file
LANE_A_DEFAULT='[0-2]*,43*,4[5-9]*'
# shellcheck disable=SC2034
LANE_B_DEFAULT='3*,4[0-24]*,[5-9]*'

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
