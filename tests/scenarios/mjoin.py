#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Join a multicast group through the kernel's own host stack and hold it.

    mjoin.py IFNAME GROUP [include SRC... | exclude SRC...]

Any-source join without a mode; a source-specific (INCLUDE) join or an
EXCLUDE join with sources. Prints "joined" once the socket options are
set, then holds the membership until SIGTERM; the socket is closed on
exit, which makes the kernel send its leave.
"""
import signal
import socket
import struct
import sys

MCAST_JOIN_GROUP = 42
MCAST_BLOCK_SOURCE = 43
MCAST_JOIN_SOURCE_GROUP = 46


def sockaddr(family, addr):
    """A struct sockaddr_storage (128 bytes) holding addr."""
    if family == socket.AF_INET:
        raw = struct.pack("=H", family) + b"\0\0" + socket.inet_pton(family, addr)
    else:
        raw = struct.pack("=H", family) + b"\0\0" + b"\0" * 4 + \
            socket.inet_pton(family, addr) + b"\0" * 4
    return raw.ljust(128, b"\0")


def main():
    if len(sys.argv) < 3 or (len(sys.argv) > 3 and
                              sys.argv[3] not in ("include", "exclude")):
        sys.exit(__doc__)
    ifname, group = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else None
    sources = sys.argv[4:]
    family = socket.AF_INET6 if ":" in group else socket.AF_INET
    level = socket.IPPROTO_IPV6 if family == socket.AF_INET6 else socket.IPPROTO_IP
    ifindex = socket.if_nametoindex(ifname)
    sock = socket.socket(family, socket.SOCK_DGRAM)
    head = struct.pack("=I", ifindex) + b"\0" * 4
    if mode == "include":
        for src in sources:
            sock.setsockopt(level, MCAST_JOIN_SOURCE_GROUP,
                            head + sockaddr(family, group) + sockaddr(family, src))
    else:
        sock.setsockopt(level, MCAST_JOIN_GROUP, head + sockaddr(family, group))
        for src in sources:
            sock.setsockopt(level, MCAST_BLOCK_SOURCE,
                            head + sockaddr(family, group) + sockaddr(family, src))
    print("joined", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            signal.pause()
    finally:
        sock.close()


if __name__ == "__main__":
    main()
