#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The family spoken directly, without libnl or mcastctl: raw generic
# netlink requests that no well-behaved client sends (both ifindex and
# ifname, neither, nests without NLA_F_NESTED, unknown attributes, reserved
# header bytes), notifications on every change path, and a namespace
# deleted with a live configuration. kmod/tests/nl_smoke.py does the work.
#
#   +---------- ns raw ----------+     +-- ns mcrns (made by the test) --+
#   |  mcr0, mcr1 (dummy)        | --> |  mcr1 moved here, ns deleted   |
#   +----------------------------+     +--------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add raw
cleanup_add "ip netns del mcrns 2>/dev/null"
ip netns exec raw /usr/bin/python3 "$MCR_ROOT/kmod/tests/nl_smoke.py"
