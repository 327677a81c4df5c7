#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every out-of-range or inconsistent value is rejected with an error that
# names the keyword (the kernel's extack message, rendered by mcastctl), the
# command exits non-zero, and nothing changes: not the config, not the
# existence of a config, not the device's allmulti state.
#
#   +----------- ns r -----------+
#   |  d1 (dummy)   d2 (dummy)   |
#   +----------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add r
ip -n r link add d1 type dummy
ip -n r link add d2 type dummy
R() { ip netns exec r "$@"; }
R mcastctl interface set d1 mode router igmp-version 3 mld-version 2 \
	query-interval 125s query-response-interval 10s
before=$(R mcastctl -j interface show)

# reject WORD ARGS...: `interface set d1 ARGS` must fail naming WORD. The
# attempts are collected and run by one `mcastctl -force -batch` (process
# starts are what the debug guest is slow at): it runs every line and
# prints, after each failing line's error, "Command failed FILE:LINE".
n=0
words=()
lines=()
batch=$(mktemp)
cleanup_add "rm -f $batch"
reject() {
	local word=$1 a q=
	shift
	for a in "$@"; do
		q="$q '$a'"
	done
	n=$((n + 1))
	words[n]=$word
	lines[n]="set d1 $*"
	echo "interface set d1$q" >>"$batch"
}

# run_rejects: every collected line failed, each with an error naming its
# WORD, and nothing changed.
run_rejects() {
	local out msg='' line i
	local -a errs=()
	out=$(R mcastctl -force -batch "$batch" 2>&1) && fail "-force -batch: every line was accepted"
	while IFS= read -r line; do
		case $line in
		"Command failed $batch:"*)
			errs[${line##*:}]=$msg
			msg=
			;;
		*) msg="$msg$line" ;;
		esac
	done <<<"$out"
	[ -z "$msg" ] || fail "output after the last failing line: $msg"
	for ((i = 1; i <= n; i++)); do
		msg=${errs[i]:-}
		echo "${lines[i]} -> $msg"
		[ -n "$msg" ] || fail "accepted: ${lines[i]}"
		case $msg in
		Error:*) ;;
		*) fail "no 'Error:' for '${lines[i]}': $msg" ;;
		esac
		case $msg in
		*"${words[i]}"*) ;;
		*) fail "error for '${lines[i]}' does not name ${words[i]}: $msg" ;;
		esac
	done
	check_eq "$before" "$(R mcastctl -j interface show)" "nothing changed by the $n rejected sets"
}

# Out of range (the kernel's policy).
reject igmp-version igmp-version 0
reject igmp-version igmp-version 4
reject mld-version mld-version 0
reject mld-version mld-version 3
reject robustness robustness 0
reject robustness robustness 8
reject query-interval query-interval 999ms
reject query-interval query-interval 31744001ms
reject query-response-interval query-response-interval 99ms
reject query-response-interval query-response-interval 3174401ms
reject last-member-query-interval last-member-query-interval 99ms
reject last-member-query-interval last-member-query-interval 25501ms
reject last-member-query-count last-member-query-count 0
reject last-member-query-count last-member-query-count 8
reject startup-query-interval startup-query-interval 999ms
reject startup-query-interval startup-query-interval 31744001ms
reject startup-query-count startup-query-count 0
reject startup-query-count startup-query-count 8
reject max-groups max-groups 1048577
# Out of range for the attribute type (mcastctl cannot even encode it).
reject ttl-threshold ttl-threshold 256
reject ttl-threshold ttl-threshold -1
reject robustness robustness 4294967296
# Cross-field rules (config.c).
reject query-response-interval query-response-interval 125s
reject query-response-interval query-interval 10s
reject query-response-interval igmp-version 2 query-response-interval 30s
reject query-response-interval igmp-version 1 query-response-interval 26s
reject query-response-interval mld-version 1 query-response-interval 70s
# No membership may expire between the router's own queries: with two
# startup queries (derived from robustness 2) their interval must be below
# the other querier present interval (2 x 125 s + 10 s / 2 = 255 s) and the
# group membership interval (260 s); the refusal names the values.
reject "startup-query-interval 300000ms >= group membership interval 260000ms" \
	startup-query-interval 300s
reject "startup-query-interval 256000ms >= other querier present interval 255000ms" \
	startup-query-interval 256s
reject "startup-query-interval 31250ms >= group membership interval 11000ms" \
	query-interval 5s query-response-interval 1s startup-query-interval 31.25s
# Boundaries.
reject boundary boundary 10.0.0.0/8
reject boundary boundary 239.1.2.3/8
reject boundary boundary 224.0.0.0/3
reject boundary boundary 2001:db8::/32
reject boundary boundary ff05::1/16
reject boundary boundary ff00::/7
reject boundary boundary 239.192.0.0/14 boundary 239.192.0.0/14
reject boundary boundary 239.0.0.0/33
# shellcheck disable=SC2046 # one `boundary P` pair per prefix
reject boundary $(for i in $(seq 0 32); do echo boundary "239.$i.0.0/16"; done)
# Syntax (mcastctl itself).
reject mode mode routr
reject query-interval query-interval 125
reject query-interval query-interval 1x
reject query-interval query-interval -5s
reject robustness robustness two
reject robustness robustness 2 robustness 3
reject "\"mod\"" mod router
reject mode mode
run_rejects

# 33 boundaries are too many, 32 are fine.
# shellcheck disable=SC2046
R mcastctl interface set d1 $(for i in $(seq 0 31); do echo boundary "239.$i.0.0/16"; done)
check_eq 32 "$(R mcastctl -j interface show d1 | jq '.[0].boundaries | length')" "32 boundaries accepted"
R mcastctl interface set d1 boundary none
before=$(R mcastctl -j interface show)

# A rejected set on an unconfigured device creates nothing, and takes no
# allmulti reference.
m=$(kmsg_seq)
err=$(R mcastctl interface set d2 mode router robustness 9 2>&1) && fail "accepted robustness 9"
echo "$err" | grep -q robustness || fail "unclear error: $err"
check_fail R mcastctl interface show d2
check_eq "$before" "$(R mcastctl -j interface show)" "failed set created nothing"
if kmsg_since "$m" | grep -q "d2: entered allmulticast"; then
	fail "rejected set took an allmulti reference on d2"
fi
echo "$n rejections checked"
