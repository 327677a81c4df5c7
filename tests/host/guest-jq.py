#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Every jq call of the guest's scripts works with the guest's jq (gojq).

    tests/host/guest-jq.py OUT_DIR

tests/vm/init puts gojq first in the guest's PATH as jq (a jq start costs
seconds in the debug guest). gojq has the jq language but not every jq
flag (no -S), and a flag it refuses fails the call at run time, inside a
command substitution where an empty string can even pass a comparison.
So each `jq FLAGS 'PROGRAM'` written in tests/scenarios, tests/vm and
tests/bench is run here as `gojq FLAGS -n PROGRAM` (--arg values made up):
a flag or compile error (gojq exit status 2 or 3) fails that file. Prints
one line per file, "PASS name" or "FAIL name: why"; a program built from
shell variables is checked as far as its text goes.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CALL = re.compile(
    r"\bjq((?:\s+-[a-zA-Z]+|\s+--arg(?:json)?\s+\S+\s+\S+)*)\s+"
    r"(?:'([^']*)'|\"((?:[^\"\\]|\\.)*)\"|([.\w\[\]]+))")


def calls(text):
    """(flags, program) of each jq call in a script."""
    code = "\n".join(re.sub(r"(^|\s)#.*", "", line)
                     for line in text.splitlines())
    for m in CALL.finditer(code):
        single, double, bare = m.group(2), m.group(3), m.group(4)
        if double is not None:
            if re.fullmatch(r"\$\{?\w+\}?", double):
                continue        # the program is the caller's argument
            # Shell expansions become a plain word inside jq strings.
            prog = re.sub(r"\$\{?\w+\}?", "x", double.replace('\\"', '"'))
        elif single is not None:
            prog = single
        elif bare.startswith("."):
            prog = bare
        else:
            continue
        yield m.group(1) or "", prog


def check(flags, prog):
    """None if gojq takes the flags and compiles the program, else why."""
    args = ["gojq", "-n"]
    words = flags.split()
    i = 0
    while i < len(words):
        if words[i] in ("--arg", "--argjson"):
            args += [words[i], words[i + 1].strip("\"'"),
                     "1" if words[i] == "--argjson" else "x"]
            i += 3
            continue
        args.append(words[i])
        i += 1
    args.append(prog)
    r = subprocess.run(args, capture_output=True, text=True, timeout=10)
    if r.returncode in (2, 3):
        return f"`jq{flags} '{prog}'`: {r.stderr.strip()}"
    return None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if not shutil.which("gojq"):
        print("FAIL guest jq: gojq is not installed (make deps)")
        return
    files = sorted(glob.glob(f"{ROOT}/tests/scenarios/*.sh") +
                   glob.glob(f"{ROOT}/tests/vm/*.sh") +
                   glob.glob(f"{ROOT}/tests/bench/*.sh"))
    for f in files:
        with open(f) as fh:
            text = fh.read()
        bad = [why for flags, prog in calls(text)
               if (why := check(flags, prog))]
        name = f"guest jq: {os.path.relpath(f, ROOT)}"
        if bad:
            print(f"FAIL {name}: " + "; ".join(bad))
        elif "jq" in text:
            print(f"PASS {name}")


if __name__ == "__main__":
    main()
