#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Router and proxy mode put the device into all-multicast reception, and
# every way out (mode off, del, rmmod, namespace deletion) gives the count
# back exactly once.
#
#   +------- ns r -------+      +------- ns n -------+
#   |  am1 (veth) - am1p |      |  eth (virtio NIC)  |  <- returns to init_net
#   +--------------------+      +--------------------+     when n is deleted
#
# The kernel does not expose dev->allmulti, but it logs "DEV: entered
# allmulticast mode" / "left allmulticast mode" each time the count moves
# between 0 and 1, and refuses (with "allmulti touches root") to take it
# below 0. So each case holds one reference of its own first (`ip link set
# allmulticast on`), lets the module take and give back its own, and then
# drops its own: "left" must be logged exactly then, not before (the module
# gave back too much) and not never (the module leaked its reference).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# msgs MARK DEV WHAT: how many "DEV: WHAT allmulticast mode" lines since MARK
msgs() {
	kmsg_since "$1" | grep -c -- "$2: $3 allmulticast mode" || true
}

# user_ref_off_releases NS DEV MARK CASE: the only reference left is ours
# (NS "-" is the initial namespace).
user_ref_off_releases() {
	check_eq 0 "$(msgs "$3" "$2" left)" "$4: no 'left' while our reference is held"
	if [ "$1" = - ]; then
		ip link set "$2" allmulticast off
	else
		ip -n "$1" link set "$2" allmulticast off
	fi
	check_eq 1 "$(msgs "$3" "$2" left)" "$4: 'left' once our own reference is dropped"
	if kmsg_since "$3" | grep -q "allmulti touches root"; then
		fail "$4: allmulti count went below zero"
	fi
}

netns_add r
R() { ip netns exec r "$@"; }
ip -n r link add am1 type veth peer name am1p
ip -n r link set am1 up

# From zero: the module's own reference is visible as entered/left.
m=$(kmsg_seq)
R mcastctl interface set am1 mode router
check_eq 1 "$(msgs "$m" am1 entered)" "router mode enters allmulti"
R mcastctl interface set am1 mode proxy
R mcastctl interface set am1 mode router
R mcastctl interface set am1 ttl-threshold 5
check_eq 1 "$(msgs "$m" am1 entered)" "router<->proxy and other changes take no second reference"
check_eq 0 "$(msgs "$m" am1 left)" "router<->proxy keeps the reference"
R mcastctl interface set am1 mode off
check_eq 1 "$(msgs "$m" am1 left)" "mode off leaves allmulti"
R mcastctl interface set am1 mode off
check_eq 1 "$(msgs "$m" am1 left)" "off again gives nothing back twice"
R mcastctl interface set am1 mode router
R mcastctl interface del am1
check_eq 2 "$(msgs "$m" am1 left)" "del leaves allmulti"
# A config created in mode off never touches the count.
R mcastctl interface set am1 mode off
R mcastctl interface del am1
check_eq 2 "$(msgs "$m" am1 entered)" "mode off config takes no reference"

# With a reference of our own underneath: exact count after each path.
for how in off del; do
	ip -n r link set am1 allmulticast on
	m=$(kmsg_seq)
	R mcastctl interface set am1 mode router
	case $how in
	off) R mcastctl interface set am1 mode off ;;
	del) R mcastctl interface del am1 ;;
	esac
	user_ref_off_releases r am1 "$m" "mode $how"
	R mcastctl interface del am1 2>/dev/null || true
done

# rmmod with the interface configured.
ip -n r link set am1 allmulticast on
R mcastctl interface set am1 mode proxy
m=$(kmsg_seq)
rmmod mcast_router
modprobe mcast_router
check_eq '[]' "$(R mcastctl -j interface show)" "no config survives rmmod"
user_ref_off_releases r am1 "$m" "rmmod"

# Namespace deletion: only a device without rtnl_link_ops (a NIC) survives
# it, moved back to init_net. Use the VM's virtio NIC.
nic=
for d in /sys/class/net/*; do
	if [ -e "$d/device" ]; then
		nic=${d##*/}
		break
	fi
done
[ -n "$nic" ] || fail "no NIC in init_net for the namespace deletion case"
netns_add n
ip link set "$nic" allmulticast on
ip link set "$nic" netns n
ip -n n link set "$nic" up
ip netns exec n mcastctl interface set "$nic" mode router
ip netns exec n mcastctl -j interface show "$nic" | jq -e '.[0].mode == "router"' >/dev/null
m=$(kmsg_seq)
ip netns del n
wait_for 60 "$nic to return to init_net after ip netns del" test -e "/sys/class/net/$nic"
check_eq '[]' "$(mcastctl -j interface show)" "NIC back in init_net unconfigured"
user_ref_off_releases - "$nic" "$m" "netns deletion"
