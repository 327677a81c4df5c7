#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Where a scenario's time went, from its MCR_TRACE=1 trace.

    tests/lib/trace-profile.py TRACE [N]

TRACE is results/trace/NAME of a `MCR_TRACE=1 tests/vm/run.sh check` run:
bash xtrace lines "+ EPOCH FILE:LINE COMMAND". The time from one traced
command to the next is charged to the first: to its command name (for
`ip netns exec NS CMD` and `timeout ... CMD`, to CMD) and to its line.
A pipeline is charged to its last stage, which waits for the others.
Prints the N (default 25) costliest commands and lines.
"""
import collections
import re
import sys

LINE = re.compile(r"^\++ (\d+\.\d+) (\S+):(\d+) (.*)$")


def command(words):
    """The program a traced command line runs."""
    if len(words) >= 4 and words[:3] == ["ip", "netns", "exec"]:
        return command(words[4:]) if len(words) > 4 else "ip"
    if words and words[0] == "timeout":
        rest = [w for w in words[1:] if not w.startswith("-") and
                not re.match(r"^\d+[smh]?$", w)]
        return command(rest)
    return words[0] if words else "?"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) == 3 else 25
    rows = []
    with open(sys.argv[1], errors="replace") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if m:
                rows.append((float(m.group(1)), f"{m.group(2)}:{m.group(3)}",
                             m.group(4).split()))
    if len(rows) < 2:
        sys.exit(f"{sys.argv[1]}: fewer than two stamped lines")
    by_cmd, n_cmd = collections.Counter(), collections.Counter()
    by_line, n_line = collections.Counter(), collections.Counter()
    for (t0, where, words), (t1, _, _) in zip(rows, rows[1:]):
        c = command(words)
        by_cmd[c] += t1 - t0
        n_cmd[c] += 1
        by_line[where] += t1 - t0
        n_line[where] += 1
    print(f"{rows[-1][0] - rows[0][0]:.1f} s traced")
    print(f"{'seconds':>8} {'calls':>6}  command")
    for c, t in by_cmd.most_common(top):
        print(f"{t:8.1f} {n_cmd[c]:6d}  {c}")
    print(f"\n{'seconds':>8} {'calls':>6}  line")
    for w, t in by_line.most_common(top):
        print(f"{t:8.1f} {n_line[w]:6d}  {w}")


if __name__ == "__main__":
    main()
