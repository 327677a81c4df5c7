#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# IGMP/MLD proxy (proxy-lib.sh): the upstream goes and comes back. Taking
# it out of proxy mode leaves its groups upstream while the downstream
# membership stays; proxy mode again reports them again, and the ISP's
# router learns them again. Deleting the upstream's configuration, and
# making another interface the upstream, do the same. The upstream link
# going down and up: reported again when it is back.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"
# shellcheck source=proxy-lib.sh
. "$(dirname "$0")/proxy-lib.sh"

dmesg_mark
px_topo
px_family 4
memb_join h1 e0 $GA
wait_eq 20 "pr to report $GA" "$GA exclude " px_proxy $GA
P mcastctl interface set up0 mode off
wait_eq 20 "pr to leave upstream" "" px_proxy
check_eq "$GA exclude" "$(P mcastctl -j group show dev d1 group $GA | jq -r '.[] | "\(.group) \(.filter)"')" \
	"d1's membership kept without an upstream"
P mcastctl interface set up0 mode proxy
wait_eq 20 "pr to report $GA again" "$GA exclude " px_proxy $GA
wait_eq 20 "isp to learn $GA again" "$GA exclude " px_isp $GA


# Deleted, then a new upstream: d2 (its host leaves nothing behind).
P mcastctl interface del up0
wait_eq 20 "pr to leave upstream after the delete" "" px_proxy
P mcastctl interface set d2 mode proxy
wait_eq 20 "pr to report $GA on the new upstream d2" "$GA exclude " px_proxy $GA
check_eq d2 "$(P mcastctl -j proxy show | jq -r '.[0].dev')" "the new upstream"
P mcastctl interface set d2 mode router
P mcastctl interface set up0 mode proxy
wait_eq 20 "pr to report $GA on up0 again" "$GA exclude " px_proxy $GA
check_eq up0 "$(P mcastctl -j proxy show | jq -r '.[0].dev')" "the upstream is up0 again"
wait_eq 20 "isp to learn $GA once more" "$GA exclude " px_isp $GA

# The upstream link goes down: isp forgets the group (its membership
# interval is 5 s); back up, the host stack reports it again at once.
ip -n pr link set up0 down
wait_eq 30 "isp to forget $GA while up0 is down" "" px_isp $GA
check_eq "$GA exclude " "$(px_proxy $GA)" "the proxy keeps the group while up0 is down"
ip -n pr link set up0 up
wait_eq 30 "isp to learn $GA after up0 came back" "$GA exclude " px_isp $GA
dmesg_check_clean
