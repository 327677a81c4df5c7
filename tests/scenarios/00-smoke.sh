#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Smoke test: the module is loaded, mcastctl (if built) answers, and the
# harness helpers behave (namespace cleanup, veth, wait_for, wait_eq,
# wait_ge, dmesg marks).
#
#   [ smoke-a ] a0 ---veth--- a1 [ smoke-b ]
. "$(dirname "$0")/lib.sh"

grep -q '^mcast_router ' /proc/modules || fail "mcast_router is not loaded"
echo "ok: mcast_router loaded"
[ -d /sys/module/mcast_router ] || fail "/sys/module/mcast_router missing"

if command -v mcastctl >/dev/null 2>&1; then
	mcastctl help >/tmp/smoke-help.txt 2>&1 || fail "mcastctl help failed: $(cat /tmp/smoke-help.txt)"
	echo "ok: mcastctl help"
else
	echo "note: mcastctl not built; skipping its check"
fi

dmesg_mark
netns_add smoke-a
netns_add smoke-b
veth_pair a0 smoke-a a1 smoke-b
ip -n smoke-a addr add 192.0.2.1/24 dev a0
ip -n smoke-b addr add 192.0.2.2/24 dev a1
wait_for 30 "veth a0 to be up" sh -c 'ip -n smoke-a link show a0 | grep -q "state UP"'
wait_for 30 "smoke-a to reach smoke-b" ip netns exec smoke-a ping -c 1 -W 1 192.0.2.2
check_eq 1 "$(ip netns list | grep -c '^smoke-a')" "namespaces created"
check_fail ip netns add smoke-a

# wait_eq / wait_ge poll: they see a value that changes after they start.
cnt=$(mktemp)
cleanup_add "rm -f $cnt"
echo 0 >"$cnt"
(sleep 0.5; echo 7 >"$cnt") &
wait_eq 10 "the file to read 7" 7 cat "$cnt"
(sleep 0.5; echo 12 >"$cnt") &
wait_ge 10 "the file to reach 10" 10 cat "$cnt"
wait
echo "ok: wait_eq and wait_ge poll"
dmesg_check_clean
echo "smoke: all good"
