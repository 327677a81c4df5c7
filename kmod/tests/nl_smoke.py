#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Netlink smoke test of mcast_router.ko, for the test VM (needs root, the
module loaded, and iproute2). Talks raw generic netlink (no libnl), so it
checks the kernel side independently of mcastctl:

  GET/SET/DEL, ranges and cross-field rules with their extack messages,
  the dump, monitor notifications (SET, rename, DEL, device removal,
  move to another netns) and the allmulti reference count.

Exit status 0 if every check passed; prints one line per check.
"""

import errno
import os
import socket
import struct
import subprocess
import sys

NETLINK_GENERIC = 16
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_DUMP_INTR = 0x10
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 1, 10, 11
NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS = 1, 2
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME, CTRL_ATTR_MCAST_GROUPS = 1, 2, 7
CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_ID = 1, 2
NLA_F_NESTED = 0x8000
IFF_ALLMULTI = 0x200

# uapi/linux/mcast_router.h
CMD_GET, CMD_SET, CMD_DEL, CMD_CHANGE_NTF, CMD_DEL_NTF = 1, 2, 3, 4, 5
(A_IFINDEX, A_IFNAME, A_MODE, A_IGMP_VERSION, A_MLD_VERSION, A_ROBUSTNESS,
 A_QI, A_QRI, A_LMQI, A_LMQC, A_SQI, A_SQC, A_TTL, A_BOUNDARIES,
 A_MAX_GROUPS) = range(1, 16)
B_ENTRY = 1
P_FAMILY, P_ADDR, P_LEN = 1, 2, 3
U8 = {A_MODE, A_IGMP_VERSION, A_MLD_VERSION, A_ROBUSTNESS, A_LMQC, A_SQC,
      A_TTL}

failures = 0


def check(ok, what):
    global failures
    print(("PASS " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def attr(atype, data):
    hdr = struct.pack("HH", 4 + len(data), atype)
    return hdr + data + b"\0" * ((4 - len(data) % 4) % 4)


def val(atype, v):
    return attr(atype, struct.pack("B" if atype in U8 else "I", v))


def nest(atype, payload):
    return attr(atype | NLA_F_NESTED, payload)


def prefix(family, addr, plen):
    return nest(B_ENTRY, attr(P_FAMILY, struct.pack("H", family)) +
                attr(P_ADDR, socket.inet_pton(family, addr)) +
                attr(P_LEN, struct.pack("B", plen)))


def parse(data):
    out = {}
    while len(data) >= 4:
        ln, atype = struct.unpack("HH", data[:4])
        if ln < 4:
            break
        out.setdefault(atype & 0x3fff, data[4:ln])
        data = data[(ln + 3) & ~3:]
    return out


def parse_list(data):
    out = []
    while len(data) >= 4:
        ln, atype = struct.unpack("HH", data[:4])
        out.append((atype & 0x3fff, data[4:ln]))
        data = data[(ln + 3) & ~3:]
    return out


class Genl:
    def __init__(self):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                               NETLINK_GENERIC)
        self.s.bind((0, 0))
        self.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.s.settimeout(10)
        self.seq = 0
        fam = self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                           attr(CTRL_ATTR_FAMILY_NAME, b"mcast_router\0"))
        a = parse(fam[0][1])
        self.id = struct.unpack("H", a[CTRL_ATTR_FAMILY_ID])[0]
        self.groups = {}
        for _, g in parse_list(a[CTRL_ATTR_MCAST_GROUPS]):
            ga = parse(g)
            name = ga[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0").decode()
            self.groups[name] = struct.unpack(
                "I", ga[CTRL_ATTR_MCAST_GRP_ID])[0]

    def request(self, fam, cmd, payload=b"", flags=0):
        """Returns [(cmd, attrs bytes, nlmsg_flags)]; raises NlError."""
        self.seq += 1
        msg = struct.pack("BBH", cmd, 1, 0) + payload
        hdr = struct.pack("IHHII", 16 + len(msg), fam,
                          NLM_F_REQUEST | NLM_F_ACK | flags, self.seq, 0)
        self.s.send(hdr + msg)
        out = []
        while True:
            data = self.s.recv(65536)
            while data:
                ln, mtype, mflags, seq, _ = struct.unpack("IHHII", data[:16])
                body = data[16:ln]
                data = data[(ln + 3) & ~3:]
                if seq != self.seq:
                    continue
                if mtype == NLMSG_ERROR:
                    err = struct.unpack("i", body[:4])[0]
                    if err == 0:
                        return out
                    # CAP_ACK: only the request header follows the error.
                    ext = parse(body[4 + 16:])
                    raise NlError(-err, ext)
                if mtype == NLMSG_DONE:
                    return out
                out.append((body[0], body[4:], mflags))

    def do(self, cmd, payload=b""):
        return self.request(self.id, cmd, payload)

    def dump(self, cmd, payload=b""):
        return self.request(self.id, cmd, payload, NLM_F_DUMP)


class NlError(Exception):
    def __init__(self, err, ext):
        super().__init__(err)
        self.errno = err
        m = ext.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
        self.msg = m
        self.has_offs = NLMSGERR_ATTR_OFFS in ext


def expect_error(fn, code, what, msg_part=None, offs=None):
    try:
        fn()
    except NlError as e:
        ok = e.errno == code and e.msg != ""
        if msg_part is not None:
            ok = ok and msg_part in e.msg
        if offs is not None:
            ok = ok and e.has_offs == offs
        check(ok, "%s -> %s %r" % (what, errno.errorcode.get(e.errno),
                                     e.msg))
        return
    check(False, what + " -> accepted")


def sh(*cmd):
    subprocess.run(cmd, check=True)


def ifindex(name, ns=None):
    pre = ["ip", "netns", "exec", ns] if ns else []
    out = subprocess.run(pre + ["cat", "/sys/class/net/%s/ifindex" % name],
                         check=True, capture_output=True, text=True)
    return int(out.stdout)


def allmulti(name, ns=None):
    pre = ["ip", "netns", "exec", ns] if ns else []
    out = subprocess.run(pre + ["cat", "/sys/class/net/%s/flags" % name],
                         check=True, capture_output=True, text=True)
    return bool(int(out.stdout, 16) & IFF_ALLMULTI)


def iface(attrs):
    a = parse(attrs)
    res = {"ifindex": struct.unpack("I", a[A_IFINDEX])[0],
           "ifname": a[A_IFNAME].rstrip(b"\0").decode()}
    for t in U8 | {A_QI, A_QRI, A_LMQI, A_SQI, A_MAX_GROUPS}:
        if t in a:
            res[t] = struct.unpack("B" if t in U8 else "I", a[t])[0]
    if A_BOUNDARIES in a:
        res["boundaries"] = []
        for _, e in parse_list(a[A_BOUNDARIES]):
            pa = parse(e)
            fam = struct.unpack("H", pa[P_FAMILY])[0]
            res["boundaries"].append("%s/%d" % (
                socket.inet_ntop(fam, pa[P_ADDR]), pa[P_LEN][0]))
    return res


def main():
    sh("ip", "link", "add", "mcr0", "type", "dummy")
    sh("ip", "link", "add", "mcr1", "type", "dummy")
    nl = Genl()
    mon = Genl()
    mon.s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
                     mon.groups["monitor"])
    idx0 = ifindex("mcr0")
    name0 = attr(A_IFNAME, b"mcr0\0")

    def notif():
        # Configuration events only: router mode also announces queriers.
        while True:
            data = mon.s.recv(65536)
            ln, mtype, _, _, _ = struct.unpack("IHHII", data[:16])
            if data[16] in (CMD_CHANGE_NTF, CMD_DEL_NTF):
                return data[16], iface(data[20:ln])

    expect_error(lambda: nl.do(CMD_GET, name0), errno.ENOENT,
                 "GET unconfigured", "interface not configured")
    expect_error(lambda: nl.do(CMD_GET, attr(A_IFNAME, b"nope0\0")),
                 errno.ENODEV, "GET absent device", "no such device", True)
    expect_error(lambda: nl.do(CMD_GET), errno.EINVAL, "GET without device")
    expect_error(lambda: nl.do(CMD_GET, name0 + val(A_IFINDEX, idx0)),
                 errno.EINVAL, "GET with ifindex and ifname")
    expect_error(lambda: nl.do(CMD_GET, name0 + val(A_MODE, 1)),
                 errno.EINVAL, "GET with a SET attribute")

    nl.do(CMD_SET, name0 + val(A_MODE, 1) +
          nest(A_BOUNDARIES, prefix(socket.AF_INET, "239.0.0.0", 8) +
               prefix(socket.AF_INET6, "ff05::", 16)))
    cmd, n = notif()
    check(cmd == CMD_CHANGE_NTF and n["ifindex"] == idx0 and n[A_MODE] == 1,
          "SET router sends CHANGE_NTF")
    check(allmulti("mcr0"), "router mode sets IFF_ALLMULTI")
    r = iface(nl.do(CMD_GET, val(A_IFINDEX, idx0))[0][1])
    check(r["ifname"] == "mcr0" and r[A_QI] == 125000 and r[A_QRI] == 10000
          and r[A_IGMP_VERSION] == 3 and r[A_MAX_GROUPS] == 4096 and
          r["boundaries"] == ["239.0.0.0/8", "ff05::/16"],
          "GET returns defaults and boundaries: %r" % r)

    before = nl.do(CMD_GET, name0)[0][1]
    expect_error(lambda: nl.do(CMD_SET, name0 + val(A_ROBUSTNESS, 8)),
                 errno.ERANGE, "robustness 8", offs=True)
    expect_error(lambda: nl.do(CMD_SET, name0 + val(A_QI, 999)),
                 errno.ERANGE, "query-interval 999", offs=True)
    expect_error(lambda: nl.do(CMD_SET, name0 + val(A_MODE, 0) +
                               val(A_QRI, 200000)),
                 errno.EINVAL, "qri >= qi",
                 "query-response-interval must be less than", True)
    expect_error(lambda: nl.do(CMD_SET, name0 + val(A_IGMP_VERSION, 2) +
                               val(A_QRI, 30000)),
                 errno.EINVAL, "qri 30000 with IGMPv2", "IGMPv1/v2", True)
    expect_error(lambda: nl.do(CMD_SET, name0 + nest(
        A_BOUNDARIES, prefix(socket.AF_INET, "239.1.0.0", 8))),
        errno.EINVAL, "boundary host bits", "host bits", True)
    expect_error(lambda: nl.do(CMD_SET, name0 + nest(
        A_BOUNDARIES, prefix(socket.AF_INET, "10.0.0.0", 8))),
        errno.EINVAL, "boundary not multicast", "not multicast", True)
    check(nl.do(CMD_GET, name0)[0][1] == before and allmulti("mcr0"),
          "rejected SETs change nothing")

    expect_error(lambda: nl.do(CMD_SET, attr(A_IFNAME, b"mcr1\0") +
                               val(A_MODE, 1) + val(A_QI, 5000)),
                 errno.EINVAL, "rejected SET creates no entry")
    expect_error(lambda: nl.do(CMD_GET, attr(A_IFNAME, b"mcr1\0")),
                 errno.ENOENT, "... so GET mcr1 is ENOENT")
    check(not allmulti("mcr1"), "... and mcr1 has no IFF_ALLMULTI")

    nl.do(CMD_SET, attr(A_IFNAME, b"mcr1\0") + val(A_MODE, 1))
    notif()
    d = nl.dump(CMD_GET)
    check(sorted(iface(m[1])["ifname"] for m in d) == ["mcr0", "mcr1"],
          "dump lists both interfaces")

    nl.do(CMD_SET, name0 + val(A_MODE, 2))
    notif()
    check(allmulti("mcr0"), "router -> proxy keeps IFF_ALLMULTI")
    # One proxy upstream per namespace.
    expect_error(lambda: nl.do(CMD_SET, attr(A_IFNAME, b"mcr1\0") +
                               val(A_MODE, 2)),
                 errno.EBUSY, "a second proxy upstream",
                 "already the proxy upstream")
    nl.do(CMD_SET, name0 + val(A_MODE, 0))
    notif()
    check(not allmulti("mcr0"), "proxy -> off clears IFF_ALLMULTI")
    nl.do(CMD_SET, name0 + val(A_MODE, 1))
    notif()

    sh("ip", "link", "set", "mcr0", "name", "mcr0x")
    cmd, n = notif()
    check(cmd == CMD_CHANGE_NTF and n["ifname"] == "mcr0x",
          "rename sends CHANGE_NTF with the new name")
    r = iface(nl.do(CMD_GET, val(A_IFINDEX, idx0))[0][1])
    check(r["ifname"] == "mcr0x" and r[A_MODE] == 1, "rename keeps config")

    nl.do(CMD_DEL, val(A_IFINDEX, idx0))
    cmd, n = notif()
    check(cmd == CMD_DEL_NTF and n["ifindex"] == idx0, "DEL sends DEL_NTF")
    check(not allmulti("mcr0x"), "DEL clears IFF_ALLMULTI")
    expect_error(lambda: nl.do(CMD_DEL, val(A_IFINDEX, idx0)), errno.ENOENT,
                 "DEL twice", "interface not configured")

    sh("ip", "netns", "add", "mcrns")
    sh("ip", "link", "set", "mcr1", "netns", "mcrns")
    cmd, n = notif()
    check(cmd == CMD_DEL_NTF and n["ifname"] == "mcr1",
          "netns move sends DEL_NTF in the old namespace")
    check(not allmulti("mcr1", "mcrns"), "netns move clears IFF_ALLMULTI")
    check(nl.dump(CMD_GET) == [], "dump empty after DEL and move")

    nl.do(CMD_SET, attr(A_IFNAME, b"mcr0x\0") + val(A_MODE, 1))
    notif()
    sh("ip", "link", "del", "mcr0x")
    cmd, n = notif()
    check(cmd == CMD_DEL_NTF and n["ifname"] == "mcr0x",
          "device removal sends DEL_NTF")
    check(nl.dump(CMD_GET) == [], "device removal removes the config")

    # A configured device left in a namespace that is deleted.
    sh("ip", "netns", "exec", "mcrns", "python3", __file__, "--netns-part")
    sh("ip", "netns", "del", "mcrns")
    return 1 if failures else 0


def netns_part():
    """Run inside mcrns: configure mcr1 there; the namespace is then
    deleted with the configuration live."""
    nl = Genl()
    nl.do(CMD_SET, attr(A_IFNAME, b"mcr1\0") + val(A_MODE, 1))
    check(allmulti("mcr1"), "SET in another netns")
    check(len(nl.dump(CMD_GET)) == 1, "dump sees only its namespace")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--netns-part":
        sys.exit(netns_part())
    if os.geteuid() != 0:
        sys.exit("needs root")
    sys.exit(main())
