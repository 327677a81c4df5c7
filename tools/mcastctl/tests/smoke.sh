#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# End-to-end smoke test of mcastctl against the loaded mcast_router module.
# Root only; meant for the test VM (it never loads the module itself unless
# MODULE=/path/to/mcast_router.ko is given). Runs in a private network
# namespace (unshare -n), so the caller's configuration is untouched.
#
#   MCASTCTL=path/to/mcastctl tests/smoke.sh
#
# Prints "smoke: PASS" and exits 0 on success; the first failed check
# prints "smoke: FAIL: ..." and exits 1.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
MCASTCTL=${MCASTCTL:-$here/../mcastctl}
TIMEOUT=${TIMEOUT:-30}	# seconds for each wait on the monitor

fail() {
	echo "smoke: FAIL: $*" >&2
	exit 1
}

if [ "${1:-}" != --inner ]; then
	if [ -n "${MODULE:-}" ]; then
		insmod "$MODULE"
	fi
	exec unshare -n "$0" --inner
fi

tmp=$(mktemp -d)
mon_pid=
cleanup() {
	if [ -n "$mon_pid" ]; then
		kill "$mon_pid" 2>/dev/null || true
		wait "$mon_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# wait_for FILE PATTERN COUNT WHAT: until FILE has COUNT lines matching
# PATTERN, at most $TIMEOUT seconds (polled every 0.1 s).
wait_for() {
	i=0
	while [ "$(grep -c -- "$2" "$1" 2>/dev/null || true)" -lt "$3" ]; do
		i=$((i + 1))
		[ "$i" -le $((TIMEOUT * 10)) ] ||
			fail "timed out after ${TIMEOUT}s waiting for $4"
		sleep 0.1
	done
}

# expect_fail CMD...: CMD must exit 1 and print one "Error: " line.
expect_fail() {
	if "$@" >"$tmp/out" 2>"$tmp/err"; then
		fail "succeeded: $*"
	else
		rc=$?
	fi
	[ "$rc" -eq 1 ] || fail "exit status $rc, not 1: $*"
	grep -q '^Error: ' "$tmp/err" || fail "no Error line: $*"
}

"$MCASTCTL" interface show >/dev/null || fail "mcastctl cannot reach the module"
ip link set lo up
ip link add d0 type dummy
ip link set d0 up

"$MCASTCTL" -j monitor >"$tmp/mon.out" 2>"$tmp/mon.err" &
mon_pid=$!
wait_for "$tmp/mon.err" '^monitoring mcast_router events$' 1 \
	"the monitor to subscribe"

[ "$("$MCASTCTL" -j interface show)" = "[]" ] || fail "table not empty"
[ -z "$("$MCASTCTL" interface show)" ] || fail "text table not empty"

"$MCASTCTL" interface set d0 mode router
cat >"$tmp/expect" <<'EOT'
d0: mode router igmp-version 3 mld-version 2 robustness 2 querier on fast-leave off
    query-interval 125s query-response-interval 10s
    last-member-query-interval 1s last-member-query-count 2
    startup-query-interval 31.25s startup-query-count 2
    ttl-threshold 1 max-groups 4096 max-sources 64
EOT
"$MCASTCTL" interface show d0 >"$tmp/show"
cmp -s "$tmp/expect" "$tmp/show" || {
	diff -u "$tmp/expect" "$tmp/show" >&2 || true
	fail "defaults differ"
}

"$MCASTCTL" interface set d0 query-interval 60s ttl-threshold 32 \
	boundary 239.192.0.0/14 boundary ff05::/16
"$MCASTCTL" -j interface show d0 >"$tmp/json"
grep -q '"query-interval":60000,' "$tmp/json" || fail "query-interval"
grep -q '"ttl-threshold":32,' "$tmp/json" || fail "ttl-threshold"
grep -q '"boundaries":\["239.192.0.0/14","ff05::/16"\]' "$tmp/json" ||
	fail "boundaries"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/json" ||
	fail "invalid JSON"
"$MCASTCTL" -j -p interface show >"$tmp/pretty"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/pretty" ||
	fail "invalid pretty JSON"

# The text output pastes back: set the same values again.
"$MCASTCTL" interface show d0 | sed -e '1s/^d0://' | tr '\n' ' ' >"$tmp/args"
# shellcheck disable=SC2046 # word splitting of the pasted keywords is wanted
"$MCASTCTL" interface set d0 $(cat "$tmp/args")
"$MCASTCTL" -j interface show d0 >"$tmp/json2"
cmp -s "$tmp/json" "$tmp/json2" || fail "paste-back changed the config"

# Range errors come from the kernel, with its message.
expect_fail "$MCASTCTL" interface set d0 robustness 9
! grep -qx 'Error: Invalid argument' "$tmp/err" ||
	fail "no extack message for robustness 9"
expect_fail "$MCASTCTL" interface set d0 boundary 10.0.0.0/8
expect_fail "$MCASTCTL" interface set d0 query-interval 60
expect_fail "$MCASTCTL" interface set nosuchdev mode router
expect_fail "$MCASTCTL" interfac show
expect_fail "$MCASTCTL" interface set d0 querier yes
expect_fail "$MCASTCTL" interface set d0 max-sources 0
"$MCASTCTL" -j interface show d0 >"$tmp/json3"
cmp -s "$tmp/json" "$tmp/json3" || fail "a refused set changed the config"

# Membership and querier state of a router-mode interface.
"$MCASTCTL" -j group show >"$tmp/groups"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/groups" ||
	fail "invalid group JSON"
"$MCASTCTL" group show dev d0 group 239.1.1.1 >/dev/null || fail "group show filter"
expect_fail "$MCASTCTL" -6 group show group 239.1.1.1
expect_fail "$MCASTCTL" groups show
[ "$("$MCASTCTL" -4 querier show dev d0 | grep -c '^d0  inet  querier ')" -eq 1 ] ||
	fail "querier show -4 dev d0"
"$MCASTCTL" -s -j querier show dev d0 >"$tmp/querier"
python3 -c 'import json, sys; q = json.load(open(sys.argv[1])); assert len(q) == 2 and all("stats" in r for r in q)' \
	"$tmp/querier" || fail "querier JSON"
"$MCASTCTL" interface set d0 querier off max-sources 128
"$MCASTCTL" -j interface show d0 | grep -q '"querier":0,' || fail "querier off"
"$MCASTCTL" -j interface show d0 | grep -q '"max-sources":128,' ||
	fail "max-sources"

"$MCASTCTL" interface set d0 boundary none
"$MCASTCTL" -j interface show d0 | grep -q '"boundaries":\[\]' ||
	fail "boundary none"

"$MCASTCTL" interface del d0
[ "$("$MCASTCTL" -j interface show)" = "[]" ] || fail "del"
expect_fail "$MCASTCTL" interface del d0
expect_fail "$MCASTCTL" interface show d0

# Removing the device removes its configuration.
"$MCASTCTL" interface set d0 mode proxy
ip link del d0

wait_for "$tmp/mon.out" '"event":"delete"' 2 "two delete events"
grep -q '^{"event":"change","ifindex":[0-9]*,"ifname":"d0","mode":"router",' \
	"$tmp/mon.out" || fail "no change event"
grep -q '^{"event":"delete","ifindex":[0-9]*,"ifname":"d0"}$' \
	"$tmp/mon.out" || fail "delete event format"
while read -r line; do
	printf '%s\n' "$line" |
		python3 -c 'import json, sys; json.loads(sys.stdin.read())' ||
		fail "monitor line is not JSON: $line"
done <"$tmp/mon.out"

kill -INT "$mon_pid"
rc=0
wait "$mon_pid" || rc=$?
mon_pid=
[ "$rc" -eq 0 ] || fail "monitor exited with $rc after SIGINT"

echo "smoke: PASS"
