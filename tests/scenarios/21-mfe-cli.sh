#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mcastctl mfe and interface show -s against the real module (no traffic):
# add/replace/show/del/flush in text and JSON, filters, extack naming.
#
#   +------------------- ns r -------------------+
#   |  d0 (dummy)   d1 (dummy)   d2 (dummy)  d3  |
#   +--------------------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

dmesg_mark
netns_add r
for d in d0 d1 d2 d3; do
	ip -n r link add "$d" type dummy
	ip -n r link set "$d" up
done
R() { ip netns exec r "$@"; }
for d in d0 d1 d2; do
	R mcastctl interface set "$d" mode router
done

check_eq "" "$(R mcastctl mfe show)" "empty table prints nothing"
check_eq "[]" "$(R mcastctl -j mfe show)" "empty table in JSON"

R mcastctl mfe add group 239.1.2.3 iif d0 oif d1 oif d2
R mcastctl mfe add group 239.1.2.3 source 10.0.0.1 iif d0 oif d1
R mcastctl mfe add group ff0e::1 iif d0 oif d2
out=$(R mcastctl mfe show)
echo "$out"
check_eq 3 "$(echo "$out" | wc -l)" "three entries, one line each, no header"
echo "$out" | grep -Eq '^239\.1\.2\.3  source \*  iif d0  oif d1,d2  static  age [0-9]+s  packets 0  bytes 0$' ||
	fail "(*,G) row: $out"
out=$(R mcastctl -s mfe show -6)
echo "$out"
check_eq "    wrong-iif 0  threshold-drops 0  boundary-drops 0" \
	"$(echo "$out" | sed -n 2p)" "-s: the drop counters on an indented line"
j=$(R mcastctl -j mfe show group 239.1.2.3 source 10.0.0.1)
check_eq '["inet","10.0.0.1","d0",["d1"],"static"]' \
	"$(echo "$j" | jq -c '.[0] | [.family, .source, .iif, .oifs, .origin]')" \
	"(S,G) in JSON"
check_eq 1 "$(R mcastctl -j -6 mfe show | jq length)" "-6 filter"
check_eq 2 "$(R mcastctl -j mfe show -4 | jq length)" "-4 keyword filter"
check_eq 3 "$(R mcastctl -j mfe show iif d0 | jq length)" "iif filter"
check_eq '"boundary-drops"' "$(R mcastctl -s -j mfe show -6 | jq -c '.[0] | keys | map(select(. == "boundary-drops")) | .[0]')" "-s adds drop counters"

# Errors: the kernel's reason, and local syntax errors.
check_fail R mcastctl mfe add group 239.1.2.3 iif d0 oif d1
err=$(R mcastctl mfe add group 239.9.9.9 iif d0 oif d3 2>&1 || true)
echo "$err"
echo "$err" | grep -q "d3" || fail "unconfigured oif not named: $err"
err=$(R mcastctl mfe add group 224.0.0.5 iif d0 oif d1 2>&1 || true)
echo "$err"
echo "$err" | grep -q "^Error: .*group" || fail "link-local group: $err"
check_fail R mcastctl mfe add group 239.1.1.1 source ::1 iif d0 oif d1

R mcastctl mfe del group 239.1.2.3 source 10.0.0.1
check_eq 2 "$(R mcastctl -j mfe show | jq length)" "del (S,G)"
R mcastctl mfe flush -4
check_eq 1 "$(R mcastctl -j mfe show | jq length)" "flush -4"
R mcastctl mfe flush
check_eq "[]" "$(R mcastctl -j mfe show)" "flush"

# interface show -s
check_eq 0 "$(R mcastctl interface show d0 | grep -c stats || true)" "no stats without -s"
out=$(R mcastctl -s interface show d0)
echo "$out"
echo "$out" | grep -q '^    stats:$' || fail "stats block: $out"
echo "$out" | grep -q '^        rx-packets [0-9]* wrong-iif' || fail "stats line: $out"
check_eq "0" "$(R mcastctl -s -j interface show d0 | jq '.[0].stats["tx-errors"]')" "stats in JSON"
# replace swaps the oif list of an existing entry (MFE_REPLACE attribute).
R mcastctl mfe add group 239.1.2.3 iif d0 oif d1
R mcastctl mfe replace group 239.1.2.3 iif d0 oif d2
check_eq '["d2"]' "$(R mcastctl -j mfe show group 239.1.2.3 | jq -c '.[0].oifs')" "replace"

dmesg_check_clean
