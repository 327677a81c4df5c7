#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The configuration survives a module reload (a reboot, as the systemd unit
# sees it): `mcastctl config save` writes interfaces (explicit, derived and
# default values, boundaries, proxy mode), static memberships and static
# forwarding entries as commands; after rmmod/modprobe, `config apply`
# reproduces the same state: the same interface JSON, and a second save
# identical to the first. A line naming a device that does not exist yet
# waits for it and is applied by `config apply FILE dev DEV` (what the udev
# rule runs when it appears). -batch stops at the first failing line with
# its number; -force goes on.
#
#   +-------------------- ns r --------------------+
#   |  d1, d2, d3, "we#ird" (dummies); d9 later   |
#   +----------------------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

dmesg_mark
netns_add r
R() { ip netns exec r "$@"; }
for d in d1 d2 d3 'we#ird'; do
	ip -n r link add "$d" type dummy
done
cfg=$(mktemp)
cleanup_add "rm -f $cfg $cfg.*"

cat >"$cfg.in" <<'EOF'
# What an administrator would write.
interface set d1 mode router query-interval 60s boundary 239.192.0.0/14 fast-leave on startup-query-count 3
interface set d2 mode router robustness 3 query-response-interval 2.5s
interface set d3 mode proxy ttl-threshold 32
interface set we\#ird mode router querier off boundary ff05::/16 boundary 239.255.0.0/16
group add dev d1 group 239.2.2.2
group add dev d2 group 232.1.1.1 source 10.0.0.9
mfe add group 239.1.1.1 source 10.0.0.1 iif d1 oif d2 oif we\#ird
mfe add group ff0e::1 iif d2 oif d1
EOF
R mcastctl -batch "$cfg.in"
R mcastctl config save "$cfg"
cat "$cfg"
before=$(R mcastctl -j interface show)
check_eq 4 "$(grep -c '^interface set ' "$cfg")" "one interface line per interface"
grep -q '^interface set d1 mode router .* startup-query-interval auto startup-query-count 3 .*boundary 239.192.0.0/14$' "$cfg" ||
	fail "d1's line keeps its explicit count and derived interval"
grep -q '^interface set we\\#ird ' "$cfg" || fail "the device name is escaped"
check_eq 2 "$(grep -c '^group add ' "$cfg")" "the static memberships"
check_eq 2 "$(grep -c '^mfe add ' "$cfg")" "the static entries"

# A reload forgets everything; apply brings it back.
rmmod mcast_router
modprobe mcast_router
check_eq '[]' "$(R mcastctl -j interface show)" "nothing configured after the reload"
R mcastctl config apply "$cfg"
check_eq "$before" "$(R mcastctl -j interface show)" "interfaces after apply"
R mcastctl config save "$cfg.2"
check_eq "$(sed 1d "$cfg")" "$(sed 1d "$cfg.2")" "a second save, after apply"

# A line for a device that appears later waits for it.
printf 'interface set d9 mode router robustness 4\ngroup add dev d9 group 239.9.9.9\ninterface set d1 robustness 5\n' >"$cfg.late"
out=$(R mcastctl config apply "$cfg.late")
echo "$out"
check_eq 2 "$(echo "$out" | grep -c 'd9 does not exist yet')" "the lines naming d9 wait"
check_eq 5 "$(R mcastctl -j interface show d1 | jq '.[0].robustness')" "the other line applied"
ip -n r link add d9 type dummy
R mcastctl config apply "$cfg.late" dev d9
check_eq "router 4" "$(R mcastctl -j interface show d9 | jq -r '.[0] | "\(.mode) \(.robustness)"')" \
	"d9 configured when it appeared"
check_eq 239.9.9.9 "$(R mcastctl -j group show dev d9 | jq -r '.[0].group')" "d9's static membership"

# -batch: the first failure stops, with its line; -force goes on.
printf 'interface set d1 ttl-threshold 7\ninterface set d1 robustness 9\ninterface set d1 ttl-threshold 8\n' >"$cfg.bad"
err=$(R mcastctl -batch "$cfg.bad" 2>&1) && fail "-batch with a bad line succeeded"
echo "$err"
echo "$err" | grep -q "Command failed $cfg.bad:2" || fail "-batch names the failing line: $err"
check_eq 7 "$(R mcastctl -j interface show d1 | jq '.[0]["ttl-threshold"]')" "-batch stopped at line 2"
R mcastctl -force -batch "$cfg.bad" 2>/dev/null && fail "-force -batch with a bad line succeeded"
check_eq 8 "$(R mcastctl -j interface show d1 | jq '.[0]["ttl-threshold"]')" "-force ran line 3"
dmesg_check_clean
