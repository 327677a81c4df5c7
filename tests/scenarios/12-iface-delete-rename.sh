#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configuration is keyed by ifindex and shown by name: a renamed device
# keeps its config under the new name; a deleted device loses it, and a new
# device that reuses the name starts unconfigured.
#
#   +---------------- ns r ----------------+
#   |  v1 (veth) <-> v1p     d1 (dummy)     |
#   +--------------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add r
R() { ip netns exec r "$@"; }
ip -n r link add v1 type veth peer name v1p
ip -n r link add d1 type dummy
ip -n r link set v1 up
ip -n r link set v1p up

R mcastctl interface set v1 mode router ttl-threshold 32 boundary 239.192.0.0/14
R mcastctl interface set d1 mode proxy
before=$(R mcastctl -j interface show v1 | jq -c '.[0] | del(.ifname)')
[ -n "$before" ] || fail "no JSON for v1"

# Rename (the device must be down to be renamed).
ip -n r link set v1 down
ip -n r link set v1 name uplink0
ip -n r link set uplink0 up
check_fail R mcastctl interface show v1
check_eq '"uplink0"' "$(R mcastctl -j interface show uplink0 | jq -c '.[0].ifname')" "renamed device's name"
check_eq "$before" "$(R mcastctl -j interface show uplink0 | jq -c '.[0] | del(.ifname)')" \
	"renamed device keeps its config"

# Delete: the config goes with the device, the other config stays.
ip -n r link del uplink0
check_eq '["d1"]' "$(R mcastctl -j interface show | jq -c 'map(.ifname)')" "deleted device's config removed"

# A new device under the old name is not configured.
ip -n r link add uplink0 type dummy
check_fail R mcastctl interface show uplink0
check_eq '["d1"]' "$(R mcastctl -j interface show | jq -c 'map(.ifname)')" "new device with old name"

# Requests about a device that is gone are ENODEV, reported by name.
err=$(R mcastctl interface set v1 mode router 2>&1) && fail "set on deleted device succeeded"
echo "$err" | grep -q v1 || fail "error does not name the device: $err"

# Moving a device to another namespace takes its config away with it:
# the config belongs to the namespace the device was configured in.
netns_add s
ip -n r link set d1 netns s
check_eq '[]' "$(R mcastctl -j interface show)" "device moved out: config removed"
check_eq '[]' "$(ip netns exec s mcastctl -j interface show)" "moved device arrives unconfigured"
