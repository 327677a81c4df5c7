#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Host check: the direction of the kmod include graph (issue 15, "events
# flow one way"). Nodes are the files of kmod/ (not kmod/tests/), a .c and
# its .h being one node; an edge is a '#include "x.h"' between two nodes.
#
#   tests/host/includes.sh [OUT_DIR]   (OUT_DIR is accepted and unused)
#
# stdout, one line per check, "PASS name" or "FAIL name: why":
#   cycles    the graph has no cycle other than through netns: with the
#             netns node taken out (netns owns its children and may be
#             included by them) it is acyclic; a failure names one cycle.
#   upcalls   only main.c (init order), netns.c/netns.h (the wiring of
#             events.h, and struct mcr_net embeds struct mcr_proxy),
#             netlink.c and the *_netlink.c files include netlink.h, a
#             *_netlink.h or proxy.h; proxy.c includes its own header. The
#             objects below announce changes through struct mcr_events_ops
#             (events.h) instead.
# Exit status: 0 unless a check failed.
#
# Environment: MCR_KMOD, the directory checked (default kmod/ of this tree).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
kmod=${MCR_KMOD:-$root/kmod}

exec python3 - "$kmod" <<'PYEOF'
import os
import re
import sys

kmod = sys.argv[1]
inc = re.compile(r'^\s*#\s*include\s+"([^"/]+)\.h"', re.M)
files = sorted(f for f in os.listdir(kmod)
               if f.endswith(('.c', '.h')) and
               os.path.isfile(os.path.join(kmod, f)))
graph = {}
includes = {}
for f in files:
    node = f[:-2]
    with open(os.path.join(kmod, f), encoding='utf-8') as fh:
        deps = inc.findall(fh.read())
    includes[f] = deps
    graph.setdefault(node, set()).update(d for d in deps if d != node)

failed = False


def report(ok, name, why=''):
    global failed
    if ok:
        print('PASS ' + name)
    else:
        failed = True
        print('FAIL %s: %s' % (name, why))


# 1: acyclic once netns is out. Depth-first search; a back edge is a cycle.
def find_cycle(g):
    state = {}
    stack = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(g.get(n, ())):
            if m not in g:
                continue
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                c = visit(m)
                if c:
                    return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(g):
        if n not in state:
            c = visit(n)
            if c:
                return c
    return None


sub = {n: {m for m in d if m != 'netns'}
       for n, d in graph.items() if n != 'netns'}
cycles = []
while True:
    c = find_cycle(sub)
    if not c:
        break
    cycles.append(' -> '.join(c))
    # Take the cycle's first edge out, to report the others too.
    sub[c[0]].discard(c[1])
report(not cycles, 'cycles',
       'include cycles not through netns: ' + '; '.join(cycles))

# 2: who may include the netlink and proxy headers.
def listener(h):
    return h == 'netlink' or h == 'proxy' or h.endswith('_netlink')


def allowed(f, h):
    node = f[:-2]
    return (node == h or f == 'main.c' or node == 'netns' or
            node == 'netlink' or node.endswith('_netlink'))


bad = ['%s includes %s.h' % (f, h)
       for f in files for h in includes[f]
       if listener(h) and not allowed(f, h)]
report(not bad, 'upcalls', '; '.join(bad))
sys.exit(1 if failed else 0)
PYEOF
