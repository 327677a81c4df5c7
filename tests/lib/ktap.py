#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn KUnit KTAP output into harness results.

Usage: ktap.py [--prefix P] [--expect SUITE ...] FILE...

Each FILE is KTAP as found in /sys/kernel/debug/kunit/<suite>/results or in
the kernel log (timestamps and "kunit:"-style prefixes before the KTAP text
are tolerated). For every test suite found, one line is printed per test
CASE:

    PASS <prefix><suite>.<case>
    FAIL <prefix><suite>.<case>
    SKIP <prefix><suite>.<case>

Counting rules:
  - A parameterised case gives one result per parameter, named
    "<suite>.<case>[<parameter description>]", so every row of a
    table-driven test counts (and fails) on its own. A parameterised case
    that failed with every parameter passing (or reported no parameter)
    adds "<suite>.<case>" as a failure.
  - A suite whose plan ("1..N") announced more cases than reported, or that
    never printed its own result line (it crashed or hung), adds
    "FAIL <prefix><suite>: incomplete (...)".
  - A suite that failed while all its cases passed (suite init/exit failed)
    adds "FAIL <prefix><suite>: suite result not ok".
  - Each --expect SUITE that was not found adds "FAIL <prefix><SUITE>: no
    results".

Exit status: 0 if nothing failed, 1 otherwise, 2 on usage errors.
"""

import re
import sys

RESULT = re.compile(r'^(\s*)(not ok|ok) (\d+)(?: (?:- )?([^#]*?))?\s*(?:#\s*(\w+).*)?$')
PLAN = re.compile(r'^(\s*)1\.\.(\d+)\s*$')
SUBTEST = re.compile(r'^(\s*)# Subtest: (.*?)\s*$')
# Kernel log decorations: "[   12.345678] " timestamps.
DECOR = re.compile(r'^\[\s*\d+\.\d+\]\s?')


class Node:
    """One KTAP (sub)test level: its plan, the results reported in it."""

    def __init__(self, indent, parent, name=None):
        self.indent = indent
        self.parent = parent
        self.name = name
        self.plan = None
        self.status = None  # set by the parent's result line closing it
        self.results = []  # (status, name)


def status_of(ok, directive):
    if directive and directive.upper() == 'SKIP':
        return 'SKIP'
    return 'PASS' if ok == 'ok' else 'FAIL'


def parse(lines):
    """Return every level found, outermost first."""
    root = Node(-1, None)
    stack = [root]
    nodes = []

    def push(indent, name=None):
        node = Node(indent, stack[-1], name)
        stack.append(node)
        nodes.append(node)
        return node

    for raw in lines:
        line = DECOR.sub('', raw.rstrip('\n'))
        indent = len(line) - len(line.lstrip(' '))
        m = SUBTEST.match(line)
        if m:
            while len(stack) > 1 and stack[-1].indent > indent:
                stack.pop()
            if stack[-1].indent == indent and stack[-1].name is None \
                    and not stack[-1].results and stack[-1].plan is None:
                stack[-1].name = m.group(2)
            else:
                push(indent, m.group(2))
            continue
        m = PLAN.match(line)
        if m:
            while len(stack) > 1 and stack[-1].indent > indent:
                stack.pop()
            if stack[-1].indent < indent:
                push(indent)
            stack[-1].plan = int(m.group(2))
            continue
        m = RESULT.match(line)
        if m:
            st = status_of(m.group(2), m.group(5))
            child = None
            while len(stack) > 1 and stack[-1].indent > indent:
                child = stack.pop()
            if child is not None:
                child.status = st
            if stack[-1].indent < indent:
                push(indent)
            stack[-1].results.append((st, (m.group(4) or '').strip()))
    return nodes


def suites_of(nodes):
    """Outermost named levels: (name, status or None if unclosed, Node)."""
    found = []
    for node in nodes:
        if node.name is None:
            continue
        p = node.parent
        while p is not None and p.name is None:
            p = p.parent
        if p is None:
            found.append((node.name, node.status, node))
    return found


def main(argv):
    prefix = ''
    expect = []
    files = []
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a == '--prefix' and args:
            prefix = args.pop(0)
        elif a == '--expect' and args:
            expect.append(args.pop(0))
        elif a.startswith('-'):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            files.append(a)
    if not files:
        print(__doc__, file=sys.stderr)
        return 2

    out = []
    seen = set()
    for path in files:
        with open(path, encoding='utf-8', errors='replace') as f:
            nodes = parse(f)
        for sname, sst, node in suites_of(nodes):
            seen.add(sname)
            case_fail = False
            params = {n.name: n for n in nodes
                      if n.parent is node and n.name is not None}
            for st, cname in node.results:
                case_fail |= st == 'FAIL'
                sub = params.get(cname)
                if sub is None or not sub.results:
                    out.append((st, f'{prefix}{sname}.{cname}'))
                    continue
                for pst, pname in sub.results:
                    out.append((pst, f'{prefix}{sname}.{cname}[{pname}]'))
                if st == 'FAIL' and all(pst != 'FAIL' for pst, _ in sub.results):
                    out.append(('FAIL', f'{prefix}{sname}.{cname}'))
            if sst is None or (node.plan is not None and
                               len(node.results) < node.plan):
                out.append(('FAIL', f'{prefix}{sname}: incomplete '
                            f'({len(node.results)} of {node.plan} cases '
                            'reported, no suite result)'))
            elif sst == 'FAIL' and not case_fail:
                out.append(('FAIL', f'{prefix}{sname}: suite result not ok'))
    for s in expect:
        if s not in seen:
            out.append(('FAIL', f'{prefix}{s}: no results'))
    for st, name in out:
        print(st, name)
    return 1 if any(st == 'FAIL' for st, _ in out) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
