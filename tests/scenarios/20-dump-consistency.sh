#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A dump that spans several netlink messages is either consistent or
# flagged: the kernel stamps cb->seq with the namespace's generation and
# marks the rest of a dump NLM_F_DUMP_INTR once a change happened between
# two of its parts (mcastctl then retries). Raw netlink, two sockets.
#
#   +-------------------- ns dc --------------------+
#   |  dc0 ... dc149 (dummy), all configured          |
#   |  socket 1: dump, read part 1 | socket 2: SET    |
#   |  socket 1: read the rest -> NLM_F_DUMP_INTR     |
#   +------------------------------------------------+

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Enough for 4+ dump parts of ~32 KiB (the kernel prepares part k+1 while
# part k is being read, so the change must come before part 3): 150 entries
# of ~1.4 KiB each, thanks to 32 boundaries apiece. (Hundreds of devices
# would make the namespace's deletion alone stall a 1-CPU debug guest.)
n=150
netns_add dc
for i in $(seq 0 $((n - 1))); do
	echo "link add dc$i type dummy"
done | ip -n dc -batch -

ip netns exec dc /usr/bin/python3 - "$MCR_ROOT/kmod/tests/nl_smoke.py" "$n" <<'PY'
import importlib.util
import socket
import struct
import sys

spec = importlib.util.spec_from_file_location("s", sys.argv[1])
s = importlib.util.module_from_spec(spec)
spec.loader.exec_module(s)
n = int(sys.argv[2])

writer = s.Genl()
bounds = s.nest(s.A_BOUNDARIES, b"".join(
    s.prefix(socket.AF_INET6, "ff05:%x::" % b, 32) for b in range(32)))
for i in range(n):
    writer.do(s.CMD_SET, s.attr(s.A_IFNAME, b"dc%d\0" % i) + s.val(s.A_TTL, 2) + bounds)


def dump_parts(g, between=None):
    """Dump IFACE_GET on g; call between() after the first part.
    Returns (entries, parts, intr flags seen, intr seen in part 1)."""
    g.seq += 1
    msg = struct.pack("BBH", s.CMD_GET, 1, 0)
    g.s.send(struct.pack("IHHII", 16 + len(msg), g.id,
                         s.NLM_F_REQUEST | s.NLM_F_ACK | s.NLM_F_DUMP,
                         g.seq, 0) + msg)
    entries, parts, intr, first_intr = 0, 0, False, False
    while True:
        data = g.s.recv(1 << 20)
        parts += 1
        done = False
        while data:
            ln, mtype, mflags, _, _ = struct.unpack("IHHII", data[:16])
            data = data[(ln + 3) & ~3:]
            intr |= bool(mflags & s.NLM_F_DUMP_INTR)
            if mtype == s.NLMSG_DONE:
                done = True
            elif mtype == s.NLMSG_ERROR:
                sys.exit("dump failed")
            else:
                entries += 1
        if parts == 1:
            first_intr = intr
            if between:
                between()
        if done:
            return entries, parts, intr, first_intr


reader = s.Genl()
entries, parts, intr, _ = dump_parts(reader)
s.check(entries == n, "quiet dump returns all %d entries (got %d)" % (n, entries))
s.check(parts > 3, "the dump spans several parts (%d)" % parts)
s.check(not intr, "a quiet dump is not flagged NLM_F_DUMP_INTR")

change = lambda: writer.do(s.CMD_SET, s.attr(s.A_IFNAME, b"dc0\0") + s.val(s.A_TTL, 9))
entries, parts, intr, first_intr = dump_parts(reader, change)
s.check(not first_intr, "the part read before the change is not flagged")
s.check(intr, "a dump spanning a change is flagged NLM_F_DUMP_INTR")

entries, parts, intr, _ = dump_parts(reader)
s.check(entries == n and not intr, "the next quiet dump is consistent again")
sys.exit(1 if s.failures else 0)
PY

# mcastctl retries a flagged dump, so it always prints a whole table.
check_eq "$n" "$(mcastctl -n dc -j interface show | jq length)" "mcastctl dump of $n interfaces"
