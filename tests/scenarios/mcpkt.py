#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Send hand-made IGMP/MLD messages, well-formed or not, on an interface.

    mcpkt.py IFNAME SRC KIND [COUNT]

SRC is the IP source (IPv4 address for IGMP kinds, IPv6 for MLD kinds).
KIND is one of the names in KINDS below; "flood" kinds take COUNT, the
number of distinct groups to report (in as few messages as fit 1500
bytes). Frames are written with an AF_PACKET socket, so nothing of the
sender's own stack checks or fixes them.
"""
import socket
import struct
import sys

ETH_P_IP, ETH_P_IPV6 = 0x0800, 0x86DD


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, payload, ttl=1, ra=True):
    opts = b"\x94\x04\0\0" if ra else b""
    ihl = (20 + len(opts)) // 4
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0xC0, 20 + len(opts) + len(payload),
                      0, 0, ttl, 2, 0, socket.inet_aton(src), socket.inet_aton(dst)) + opts
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def igmp(type_, code, rest, bad_sum=False):
    msg = struct.pack("!BBH", type_, code, 0) + rest
    c = csum(msg) ^ (0x5555 if bad_sum else 0)
    return msg[:2] + struct.pack("!H", c) + msg[4:]


def grec4(type_, group, sources=(), aux=b"", nsrcs=None):
    n = len(sources) if nsrcs is None else nsrcs
    return struct.pack("!BBH4s", type_, len(aux) // 4, n, socket.inet_aton(group)) + \
        b"".join(socket.inet_aton(s) for s in sources) + aux


def v3report(records, ngrec=None, bad_sum=False):
    n = len(records) if ngrec is None else ngrec
    return igmp(0x22, 0, struct.pack("!HH", 0, n) + b"".join(records), bad_sum)


def ipv6(src, dst, icmp, hop=1, hbh=True, bad_sum=False):
    s, d = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
    pseudo = s + d + struct.pack("!I3xB", len(icmp), 58)
    c = csum(pseudo + icmp) ^ (0x5555 if bad_sum else 0)
    icmp = icmp[:2] + struct.pack("!H", c) + icmp[4:]
    ext = struct.pack("!BB", 58, 0) + b"\x05\x02\0\0\x01\0" if hbh else b""
    nh = 0 if hbh else 58
    return struct.pack("!IHBB16s16s", 0x60000000, len(ext) + len(icmp), nh, hop, s, d) + ext + icmp


def grec6(type_, group, sources=(), nsrcs=None):
    n = len(sources) if nsrcs is None else nsrcs
    return struct.pack("!BBH16s", type_, 0, n, socket.inet_pton(socket.AF_INET6, group)) + \
        b"".join(socket.inet_pton(socket.AF_INET6, s) for s in sources)


def mld2report(records, ngrec=None):
    n = len(records) if ngrec is None else ngrec
    return struct.pack("!BBHHH", 143, 0, 0, 0, n) + b"".join(records)


def mld1(type_, group):
    return struct.pack("!BBHHH16s", type_, 0, 0, 0, 0, socket.inet_pton(socket.AF_INET6, group))


G4, G6 = "239.2.2.2", "ff0e::202"
R4 = "224.0.0.22"
R6 = "ff02::16"

# name: (family, builder(src) -> list of IP packets)
KINDS = {
    # IGMP, well-formed
    "v3-join": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)]))]),
    "v3-include": (4, lambda s: [ipv4(s, R4, v3report([grec4(1, G4, ["10.9.9.1", "10.9.9.2"])]))]),
    "v2-join": (4, lambda s: [ipv4(s, G4, igmp(0x16, 0, socket.inet_aton(G4)))]),
    "v3-unknown-record": (4, lambda s: [ipv4(s, R4, v3report([grec4(9, G4)]))]),
    "v3-ssm-exclude": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, "232.1.1.1")]))]),
    "v3-linklocal-group": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, "224.0.0.251")]))]),
    "v3-5-sources": (4, lambda s: [ipv4(s, R4, v3report([grec4(1, G4, ["10.9.9.%d" % i for i in range(1, 6)])]))]),
    # IGMP, malformed
    "v3-ngrec-over": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)], ngrec=2))]),
    "v3-nsrcs-over": (4, lambda s: [ipv4(s, R4, v3report([grec4(1, G4, ["10.9.9.1"], nsrcs=200)]))]),
    "v3-aux-over": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)[:1] + b"\x40" + grec4(2, G4)[2:]]))]),
    "v3-badsum": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)], bad_sum=True))]),
    "v3-ttl2": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)]), ttl=2)]),
    "v3-no-ra": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)]), ra=False)]),
    "v3-truncated": (4, lambda s: [ipv4(s, R4, v3report([grec4(2, G4)])[:10])]),
    "v2-badsum": (4, lambda s: [ipv4(s, G4, igmp(0x16, 0, socket.inet_aton(G4), bad_sum=True))]),
    "v2-unicast-group": (4, lambda s: [ipv4(s, G4, igmp(0x16, 0, socket.inet_aton("10.1.1.1")))]),
    # MLD, well-formed
    "mld2-join": (6, lambda s: [ipv6(s, R6, mld2report([grec6(2, G6)]))]),
    "mld1-join": (6, lambda s: [ipv6(s, G6, mld1(131, G6))]),
    # MLD, malformed
    "mld2-ngrec-over": (6, lambda s: [ipv6(s, R6, mld2report([grec6(2, G6)], ngrec=3))]),
    "mld2-nsrcs-over": (6, lambda s: [ipv6(s, R6, mld2report([grec6(1, G6, ["fd00::9"], nsrcs=9)]))]),
    "mld2-badsum": (6, lambda s: [ipv6(s, R6, mld2report([grec6(2, G6)]), bad_sum=True)]),
    "mld2-hop255": (6, lambda s: [ipv6(s, R6, mld2report([grec6(2, G6)]), hop=255)]),
    "mld2-no-hbh": (6, lambda s: [ipv6(s, R6, mld2report([grec6(2, G6)]), hbh=False)]),
    "mld1-global-src": (6, lambda s: [ipv6("fd01:1::2", G6, mld1(131, G6))]),
}


def flood4(src, count):
    per = (1500 - 24 - 8) // 8
    out = []
    for start in range(0, count, per):
        recs = []
        for i in range(start, min(start + per, count)):
            recs.append(grec4(2, "239.%d.%d.%d" % (100 + i // 65536, (i // 256) % 256, i % 256)))
        out.append(ipv4(src, R4, v3report(recs)))
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    ifname, src, kind = sys.argv[1:4]
    if kind == "flood4":
        fam, pkts = 4, flood4(src, int(sys.argv[4]))
    elif kind in KINDS:
        fam, build = KINDS[kind]
        pkts = build(src)
    else:
        sys.exit("unknown kind %s; kinds: flood4 %s" % (kind, " ".join(sorted(KINDS))))
    with open("/sys/class/net/%s/address" % ifname) as f:
        mac = bytes.fromhex(f.read().strip().replace(":", ""))
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((ifname, 0))
    for p in pkts:
        if fam == 4:
            dst = p[16:20]
            dmac = b"\x01\x00\x5e" + bytes([dst[1] & 0x7F, dst[2], dst[3]])
            eth = dmac + mac + struct.pack("!H", ETH_P_IP)
        else:
            dmac = b"\x33\x33" + p[36:40]
            eth = dmac + mac + struct.pack("!H", ETH_P_IPV6)
        sock.send(eth + p)
    print(len(pkts))


if __name__ == "__main__":
    main()
