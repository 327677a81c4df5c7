#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configuration is per network namespace.
#
#   +---- ns a ----+   +---- ns b ----+
#   |  d0 (dummy)  |   |  d0 (dummy)  |     same name, same ifindex
#   +--------------+   +--------------+
#
# A config made in a is invisible from b (dump and get), b's own config of
# its d0 leaves a's alone, and deleting b's does not touch a's. mcastctl -n
# reaches the same instance as ip netns exec.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add a
netns_add b
ip -n a link add d0 type dummy
ip -n b link add d0 type dummy
# mcastctl's own -n (setns, like `ip -n`) for a, `ip netns exec` for b
A() { shift; mcastctl -n a "$@"; }
B() { ip netns exec b "$@"; }
idx_a=$(ip -n a -j link show d0 | jq '.[0].ifindex')
idx_b=$(ip -n b -j link show d0 | jq '.[0].ifindex')
echo "d0 is ifindex $idx_a in a and $idx_b in b"

A mcastctl interface set d0 mode router ttl-threshold 64
check_eq '[]' "$(B mcastctl -j interface show)" "b's dump sees a's config"
check_fail B mcastctl interface show d0
check_eq '[]' "$(mcastctl -j interface show)" "init_net's dump sees a's config"

B mcastctl interface set d0 mode proxy ttl-threshold 128
check_eq '"router" 64' "$(A mcastctl -j interface show d0 | jq -r '.[0] | "\(.mode|tojson) \(.["ttl-threshold"])"')" \
	"a's config after b's set"
check_eq '"proxy" 128' "$(B mcastctl -j interface show d0 | jq -r '.[0] | "\(.mode|tojson) \(.["ttl-threshold"])"')" \
	"b's config"

B mcastctl interface del d0
check_eq 1 "$(A mcastctl -j interface show | jq length)" "a's config after b's del"
check_fail B mcastctl interface show d0
check_eq "$(ip netns exec a mcastctl -j interface show)" "$(mcastctl -n a -j interface show)" \
	"mcastctl -n a equals ip netns exec a mcastctl"
check_fail mcastctl -n nosuchns interface show
