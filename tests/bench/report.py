#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Turn tests/bench/bench.sh's measurements into tables.

    report.py [--machine M] [--kernel K] [--variant V] [--accel A]
              [--doc FILE] BENCH.TSV

Prints the tables (Markdown) on stdout, or with --doc writes FILE: the
method, the command, the machine and the tables. Per point the median of
the repetitions; cost = 1e9 / pps (ns per input packet); for each system,
family, size and table size the least-squares fit cost(N) = a + b * N over
the numbers of outgoing interfaces N; ratios are mcast_router / native
(below 1: mcast_router is cheaper / forwards fewer packets per second).
"""
import argparse
import collections
import statistics
import sys


def load(path):
    rows = []
    with open(path) as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(head, line.rstrip("\n").split("\t")))
            if not r.get("pps"):
                continue
            rows.append(r)
    return rows


def fit(points):
    """Least squares a + b*x over [(x, y)]; None with fewer than 2 x."""
    xs = {x for x, _ in points}
    if len(xs) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    return my - b * mx, b


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return "%.2f" % (a / b)


def tables(rows):
    med = collections.defaultdict(list)
    deliv = collections.defaultdict(list)
    for r in rows:
        k = (r["system"], r["family"], int(r["size"]), int(r["oifs"]), int(r["entries"]))
        med[k].append(float(r["pps"]))
        if r["delivered"] not in ("-", ""):
            deliv[k].append(float(r["delivered"]))
    pps = {k: statistics.median(v) for k, v in med.items()}
    reps = {k: len(v) for k, v in med.items()}
    out = []
    out.append("| family | size | entries | oifs | native pps | mcast_router pps "
               "| ratio pps | ratio cost | floor pps | delivered native / mcr | reps |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    keys = sorted({k[1:] for k in pps if k[0] in ("native", "mcr")},
                  key=lambda k: (k[0], k[1], k[3], k[2]))
    for fam, size, oifs, entries in keys:
        nat = pps.get(("native", fam, size, oifs, entries))
        mcr = pps.get(("mcr", fam, size, oifs, entries))
        flo = [v for k, v in pps.items() if k[0] == "floor" and k[1] == fam and k[2] == size]
        flo = statistics.median(flo) if flo else None
        dn = deliv.get(("native", fam, size, oifs, entries))
        dm = deliv.get(("mcr", fam, size, oifs, entries))
        out.append("| IPv%s | %d | %d | %d | %s | %s | %s | %s | %s | %s / %s | %d |" % (
            fam, size, entries, oifs,
            "%.0f" % nat if nat else "-", "%.0f" % mcr if mcr else "-",
            fmt_ratio(mcr, nat),
            fmt_ratio(1e9 / mcr if mcr else None, 1e9 / nat if nat else None),
            "%.0f" % flo if flo else "-",
            "%.3f" % min(dn) if dn else "-", "%.3f" % min(dm) if dm else "-",
            reps.get(("native", fam, size, oifs, entries), 0)))
    out.append("")
    out.append("Fitted cost per input packet, cost(N) = a + b * N, ns "
               "(a: per input packet, b: per copy):")
    out.append("")
    out.append("| family | size | entries | native a | native b | mcast_router a "
               "| mcast_router b | ratio a | ratio b | floor a | floor b |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    groups = sorted({(k[1], k[2], k[4]) for k in pps if k[0] in ("native", "mcr")})
    bad = []
    for fam, size, entries in groups:
        f = {}
        for system in ("native", "mcr"):
            pts = [(k[3], 1e9 / v) for k, v in pps.items()
                   if k[0] == system and k[1] == fam and k[2] == size and k[4] == entries]
            f[system] = fit(pts)
        xm = [1e9 / v for k, v in pps.items() if k[0] == "xmit" and k[1] == fam and k[2] == size]
        flo = [1e9 / v for k, v in pps.items() if k[0] == "floor" and k[1] == fam and k[2] == size]
        n, m = f["native"], f["mcr"]
        if (n and n[0] < 0) or (m and m[0] < 0):
            bad.append("IPv%s %d bytes with %d entries" % (fam, size, entries))
        out.append("| IPv%s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            fam, size, entries,
            "%.0f" % n[0] if n else "-", "%.0f" % n[1] if n else "-",
            "%.0f" % m[0] if m else "-", "%.0f" % m[1] if m else "-",
            fmt_ratio(m[0] if m else None, n[0] if n else None),
            fmt_ratio(m[1] if m else None, n[1] if n else None),
            "%.0f" % statistics.median(flo) if flo else "-",
            "%.0f" % statistics.median(xm) if xm else "-"))
    if bad:
        out.append("")
        out.append("A straight line does not describe %s: a fitted intercept is "
                   "negative, so the costs grow faster than linearly with N there "
                   "(for both systems); read the per-N rows above for those points."
                   % ", ".join(bad))
    return "\n".join(out) + "\n"


DOC = """<!-- SPDX-License-Identifier: GPL-2.0 -->
<!-- Written by tests/bench/report.py (make bench); edit the template there. -->
# Forwarding benchmark: mcast_router against the kernel's native ipmr

## Command

    make bench                       # tests/bench/run.sh
    BENCH_REPS=7 BENCH_COUNT=20000 make bench
    BENCH_CLOCK=wall make bench          # host clock instead of -icount
    MCR_KERNEL_VARIANT=debug make bench  # on the debug test kernel instead

`make bench` builds (once; cached) the non-debug "fast" variant of the test
kernel, boots it in the test VM (tests/vm/run.sh) with the module loaded, runs
tests/bench/bench.sh in it, prints the tables below and rewrites this file.
Knobs (environment): `BENCH_COUNT` packets per slot (5000), `BENCH_REPS`
repetitions (3), `BENCH_OIFS` ("1 8 31"), `BENCH_SIZES` ("64 1500"),
`BENCH_ENTRIES` ("1 10000"), `BENCH_FAMILIES` ("4 6"). Raw slots go to
`$MCR_CACHE/runs/bench-*/bench.tsv`.

## Method

In one VM, four router-side namespaces:

    pktgen (netif_receive) -> iA  :bA: oA1..oA31 ---- kA1..kA31 :kA   native ipmr (smcroute)
    pktgen (netif_receive) -> iB  :bB: oB1..oB31 ---- kB1..kB31 :kB   mcast_router
    pktgen (netif_receive) -> iF  :bF:  nftables PRE_ROUTING drop     floor a
    pktgen (start_xmit)    ->     :bC: oC1 ---------- kC1 :kC        floor b

- bA forwards with the kernel's native multicast routing: smcrouted holds the
  mroute sockets and installs static (S,G) routes from a generated
  smcroute.conf. bB forwards with mcast_router only (router mode on every
  interface, static entries added in bulk over generic netlink by
  tests/bench/mfe_bulk.py; no mroute socket there).
- pktgen injects into each router's input veth in `xmit_mode
  netif_receive`, so no sender cost is counted; UDP, source 10.0.0.1 /
  fd00::1, TTL 32. One entry: group 239.1.0.1 / ff0e::1:1. 10,000 entries:
  239.1.0.0-239.1.39.15 in turn (pktgen's `flag IPDST_RND` would spin for
  ever: it redraws until the address is not multicast); IPv6 (pktgen
  randomises under a mask) sends to random groups of
  ff0e::1:0-ff0e::1:1fff, 8192 of the 10,000 entries.
- The sinks drop at tc ingress (matchall, action drop); `delivered` checks
  that every copy arrived (sink rx / (count * N)).
- Slots are interleaved floor a, floor b, native, mcast_router, repeated BENCH_REPS
  times for each point; the tables give medians. cost = 1e9 / pps (ns of
  guest time per input packet); cost(N) = a + b * N is fitted over N in
  BENCH_OIFS, a being the cost per input packet and b per copy. Ratios are
  mcast_router / native: below 1 in "ratio cost", a and b means mcast_router
  is cheaper.
- The two systems spend differently, which the straight-line fit only
  approximates. The native ipmr clones the datagram for every oif but the
  last, which gets the original itself, so its first copy is nearly free
  and its fitted a comes out low. mcast_router copies for every oif and
  lets the original go on along the kernel's input path (local delivery
  if the router is a member, else a drop after the route lookup): its
  hook sits in PRE_ROUTING and does not take datagrams away from the
  rules and sockets after it. The per-N rows, not a alone, say which
  system is cheaper at a given N.
- Floor a is the same input dropped at PRE_ROUTING (priority -300) in a
  namespace without routing: what any forwarder pays before it starts.
  Floor b is the cost of one copy on its way out: pktgen in `start_xmit`
  mode sends the same packets out of a veth in namespace bC to a sink that
  drops them (allocation, packet build, veth transmit and the sink's
  ingress drop, no IP processing), so b of either system above floor b is
  its own per-copy work. (A tc mirred clone floor would be closer, but the
  test kernels have no mirred action.)
- By default the guest runs with `-icount shift=0,sleep=off`: its clock
  advances 1 ns per instruction, so pktgen's packets per second are
  instructions per packet in disguise, identical from run to run and
  independent of the host's load. `BENCH_CLOCK=wall make bench` measures
  with the host clock instead.
- QEMU TCG models no caches; ratios of instruction-bound work are meaningful,
  absolute figures and cache effects are not. The guest runs one vCPU (the
  test kernel's configuration brings up one CPU), so a slot measures one
  CPU's forwarding cost. The `fast` kernel variant is the test kernel's
  configuration without the debug options (KASAN, lockdep, kmemleak), which
  would dominate every figure.

## Machine

{machine}

## Results

{tables}
## Missing

{missing}
"""

MISSING_DEFAULT = """- Table sizes other than 1 and 10,000, N in {2, 4, 16}, join/leave latency
  and memory per entry are not measured yet.
- Floor b is pktgen building and sending one copy, not a clone: a tc
  mirred floor needs CONFIG_NET_ACT_MIRRED in the test kernels.
- Wall-clock figures (`BENCH_CLOCK=wall`) are not reported: on the shared
  project machine they moved by a factor of two between repetitions."""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machine", default="?")
    ap.add_argument("--kernel", default="?")
    ap.add_argument("--variant", default="fast")
    ap.add_argument("--accel", default="tcg")
    ap.add_argument("--clock", default="icount")
    ap.add_argument("--doc")
    ap.add_argument("--runs", help="where the figures come from, if not one "
                    "plain make bench run")
    ap.add_argument("tsv")
    a = ap.parse_args()
    rows = load(a.tsv)
    if not rows:
        sys.exit("report.py: no measurements in " + a.tsv)
    t = tables(rows)
    if not a.doc:
        sys.stdout.write(t)
        return
    missing = MISSING_DEFAULT
    if not any(r["system"] == "mcr" for r in rows):
        missing = ("- mcast_router's side: `mcastctl mfe` did not work in this run, "
                   "so only the native side and the floor were measured.\n" + missing)
    clock = {"icount": "guest time is an instruction count (-icount shift=0,sleep=off: "
                       "1 ns per instruction, deterministic)",
             "wall": "guest time follows the host clock (wall-clock, sensitive to host load)"}
    machine = ("Host: %s. Guest: QEMU %s, 1 vCPU, 2 GiB, test kernel %s (variant %s); %s."
               % (a.machine, a.accel.upper(), a.kernel, a.variant,
                  clock.get(a.clock, a.clock)))
    if a.runs:
        machine += "\n\nFigures: " + a.runs
    with open(a.doc, "w") as f:
        f.write(DOC.format(machine=machine, tables=t, missing=missing))


if __name__ == "__main__":
    main()
