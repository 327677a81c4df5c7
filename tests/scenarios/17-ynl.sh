#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own YNL CLI drives the module from
# Documentation/netlink/mcast_router.yaml: its dump returns what
# `mcastctl -s -j interface show` shows (the counters with the spec's
# names), and a set through it is visible to mcastctl.
#
#   +------------- ns r --------------+
#   |  d1 (dummy)   d2 (dummy)        |
#   +---------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

ksrc=${MCR_KSRC:-}
if [ -z "$ksrc" ]; then
	for d in /var/cache/mcast_router/kernel-*/src; do
		[ -f "$d/tools/net/ynl/cli.py" ] && ksrc=$d
	done
fi
if [ -z "$ksrc" ] || [ ! -f "$ksrc/tools/net/ynl/cli.py" ]; then
	fail "no kernel source with tools/net/ynl (set MCR_KSRC)"
fi
spec=$MCR_ROOT/Documentation/netlink/mcast_router.yaml
ynl() {
	ip netns exec r /usr/bin/python3 "$ksrc/tools/net/ynl/cli.py" --spec "$spec" \
		--schema "$ksrc/Documentation/netlink/genetlink-c.yaml" --output-json "$@"
}

netns_add r
ip -n r link add d1 type dummy
ip -n r link add d2 type dummy
R() { ip netns exec r "$@"; }
R mcastctl interface set d1 mode router ttl-threshold 32 \
	boundary 239.192.0.0/14 boundary ff05::/16
R mcastctl interface set d2 mode proxy igmp-version 2 query-response-interval 5s

# The dump, normalised: ynl prints boundary addresses as hex bytes inside
# {index: {family, addr, len}} entries; mcastctl prints "prefix/len". The
# derived flags are compared as sets.
norm='
import ipaddress, json, sys
out = []
for line in sys.stdin:
    obj = json.loads(line)
    for o in (obj if isinstance(obj, list) else [obj]):
        b = []
        for entry in o.get("boundaries", []):
            p = list(entry.values())[0]
            b.append("%s/%d" % (ipaddress.ip_address(bytes.fromhex(p["addr"])), p["len"]))
        if b:
            o["boundaries"] = b
        # Flags come as a set, in no particular order; mcastctl prints
        # the on/off values as JSON booleans.
        if "derived" in o:
            o["derived"] = sorted(o["derived"])
        for k in ("querier", "fast-leave"):
            if k in o:
                o[k] = bool(o[k])
        out.append(o)
print(json.dumps(sorted(out, key=lambda o: o["ifindex"]), sort_keys=True))
'
via_ynl=$(ynl --dump iface-get | /usr/bin/python3 -c "$norm")
# Keys sorted in the jq language itself (the guest's jq, gojq, has no -S).
via_ctl=$(R mcastctl -s -j interface show | jq -c 'map(.derived |= sort) |
	walk(if type == "object" then to_entries | sort_by(.key) | from_entries else . end)')
[ -n "$via_ctl" ] || fail "no JSON from mcastctl -s -j interface show"
echo "ynl:      $via_ynl"
echo "mcastctl: $via_ctl"
check_eq "$via_ctl" "$(echo "$via_ynl" | jq -c .)" "ynl dump equals mcastctl -s -j show"

# A do through ynl, seen by mcastctl.
idx=$(ip -n r -j link show d2 | jq '.[0].ifindex')
ynl --do iface-set --json "{\"ifindex\": $idx, \"mode\": \"router\", \"robustness\": 5}"
check_eq '"router" 5' "$(R mcastctl -j interface show d2 | jq -r '.[0] | "\(.mode|tojson) \(.robustness)"')" \
	"set through ynl"
ynl --do iface-get --json "{\"ifname\": \"d2\"}" | jq -e '.robustness == 5' >/dev/null ||
	fail "ynl get by ifname"
# ynl reports the kernel's extack for a bad value, and nothing changes.
if ynl --do iface-set --json "{\"ifindex\": $idx, \"robustness\": 9}" >/dev/null 2>&1; then
	fail "ynl set robustness 9 accepted"
fi
check_eq 5 "$(R mcastctl -j interface show d2 | jq '.[0].robustness')" "rejected ynl set changed nothing"
