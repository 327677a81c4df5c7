#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Add many static forwarding entries in one process (mcastctl would take
one process per entry: hours for 10,000 entries in the debug VM).

    mfe_bulk.py FAMILY FIRST_GROUP COUNT SOURCE IIF OIF...

adds the (SOURCE, G) entries for the COUNT consecutive groups starting at
FIRST_GROUP, incoming interface IIF, outgoing interfaces OIF..., in the
caller's network namespace, over the generic netlink family mcast_router
(the attribute numbers are those of uapi/linux/mcast_router.h).
"""
import ipaddress
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST = 1
NLM_F_ACK = 4
NLMSG_ERROR = 2
NLA_F_NESTED = 1 << 15

# uapi/linux/mcast_router.h
CMD_MFE_ADD = 7
A_MFE_FAMILY, A_MFE_GROUP, A_MFE_SOURCE, A_MFE_IIF, A_MFE_OIFS = 1, 2, 3, 4, 5
A_OIFS_IFINDEX = 1


def attr(atype, data):
    n = 4 + len(data)
    return struct.pack("=HH", n, atype) + data + b"\0" * ((4 - n % 4) % 4)


class Genl:
    def __init__(self):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.s.bind((0, 0))
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.seq = 0

    def send(self, fam, cmd, payload):
        self.seq += 1
        msg = struct.pack("=BBH", cmd, 1, 0) + payload
        self.s.send(struct.pack("=IHHII", 16 + len(msg), fam,
                                NLM_F_REQUEST | NLM_F_ACK, self.seq, 0) + msg)
        return self.seq

    def acks(self, want):
        """Read acks until WANT have arrived; raise on the first error."""
        got = 0
        while got < want:
            data = self.s.recv(1 << 20)
            off = 0
            while off + 16 <= len(data):
                ln, typ, _, seq, _ = struct.unpack_from("=IHHII", data, off)
                if ln < 16:
                    raise RuntimeError("bad netlink message length")
                if typ == NLMSG_ERROR:
                    err = struct.unpack_from("=i", data, off + 16)[0]
                    if err:
                        raise OSError(-err, "request %d: %s" % (seq, os.strerror(-err)))
                    got += 1
                else:
                    yield data[off:off + ln]
                    got += 1
                off += (ln + 3) & ~3

    def family(self, name):
        self.send(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                  attr(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0"))
        for m in self.acks(1):
            off = 20
            while off + 4 <= len(m):
                ln, typ = struct.unpack_from("=HH", m, off)
                if typ == CTRL_ATTR_FAMILY_ID:
                    fam = struct.unpack_from("=H", m, off + 4)[0]
                    list(self.acks(1))  # the ack after the reply
                    return fam
                off += (ln + 3) & ~3
        raise RuntimeError("no family " + name)


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    famarg, first, count, source, iif = sys.argv[1:6]
    oifs = sys.argv[6:]
    af = socket.AF_INET if famarg == "4" else socket.AF_INET6
    g0 = ipaddress.ip_address(first)
    src = ipaddress.ip_address(source).packed
    nl = Genl()
    fam = nl.family("mcast_router")
    oif_nest = b"".join(attr(A_OIFS_IFINDEX, struct.pack("=I", socket.if_nametoindex(o)))
                        for o in oifs)
    fixed = (attr(A_MFE_FAMILY, struct.pack("=H", af)) +
             attr(A_MFE_SOURCE, src) +
             attr(A_MFE_IIF, struct.pack("=I", socket.if_nametoindex(iif))) +
             attr(A_MFE_OIFS | NLA_F_NESTED, oif_nest))
    window = 64
    inflight = 0
    for i in range(int(count)):
        nl.send(fam, CMD_MFE_ADD, attr(A_MFE_GROUP, (g0 + i).packed) + fixed)
        inflight += 1
        if inflight == window:
            list(nl.acks(inflight))
            inflight = 0
    list(nl.acks(inflight))


if __name__ == "__main__":
    main()
