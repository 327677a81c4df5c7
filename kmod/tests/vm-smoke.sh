#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Kernel-side smoke test of mcast_router.ko in the test VM:
#   tests/vm/run.sh kmod/tests/vm-smoke.sh
# Runs nl_smoke.py (generic netlink behaviour), then unloads the module
# while an interface is configured in router mode and checks that the
# allmulti reference went away with it. Leaves the module loaded.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

python3 "$here/nl_smoke.py"

ip link add mcr2 type dummy
python3 -c '
import importlib.util, sys
spec = importlib.util.spec_from_file_location("s", sys.argv[1])
s = importlib.util.module_from_spec(spec)
spec.loader.exec_module(s)
nl = s.Genl()
nl.do(s.CMD_SET, s.attr(s.A_IFNAME, b"mcr2\0") + s.val(s.A_MODE, 1))
' "$here/nl_smoke.py"

flags=$(cat /sys/class/net/mcr2/flags)
[ $((flags & 0x200)) -ne 0 ] || { echo "FAIL mcr2 not allmulti"; exit 1; }
echo "PASS mcr2 configured in router mode"

rmmod mcast_router
flags=$(cat /sys/class/net/mcr2/flags)
if [ $((flags & 0x200)) -ne 0 ]; then
	echo "FAIL rmmod left IFF_ALLMULTI on mcr2"
	exit 1
fi
echo "PASS rmmod with a live configuration dropped IFF_ALLMULTI"
ip link del mcr2
modprobe mcast_router
echo "PASS vm-smoke"
