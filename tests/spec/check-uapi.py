#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Check that the YAML spec and the uapi header describe the same ABI.

Loads Documentation/netlink/mcast_router.yaml with the kernel's own ynl
library (validating it against the genetlink-c schema), then compiles a C
file of static assertions against uapi/linux/mcast_router.h: every command,
attribute, enum value and constant the spec names must have the same value
in the header.

usage: check-uapi.py KERNEL_SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def c_name(*parts):
    return '_'.join(parts).upper().replace('-', '_')


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ksrc = sys.argv[1]
    sys.path.insert(0, os.path.join(ksrc, 'tools/net/ynl'))
    from lib import SpecFamily

    spec = SpecFamily(os.path.join(top, 'Documentation/netlink/mcast_router.yaml'),
                      os.path.join(ksrc, 'Documentation/netlink/genetlink-c.yaml'))
    asserts = []

    def expect(name, value):
        asserts.append(f'_Static_assert({name} == {value}, "{name} != {value} (spec)");')

    strings = [('MCAST_ROUTER_GENL_NAME', spec.name)]
    for op in spec.msgs.values():
        expect(c_name('mcast-router-cmd', op.name), op.value)
    for aset in spec.attr_sets.values():
        prefix = aset.yaml['name-prefix']
        for attr in aset.attrs.values():
            expect(c_name(prefix + attr.name), attr.value)
    for const in spec.consts.values():
        if const['type'] == 'const':
            expect(c_name('mcast-router', const['name']), const['value'])
        else:
            # user_value(): a flags entry's value is its bit number.
            for entry in const.entries.values():
                expect(c_name(const['name-prefix'] + entry.name), entry.user_value())
    for grp in spec.yaml['mcast-groups']['list']:
        strings.append((f'MCAST_ROUTER_MCGRP_{c_name(grp["name"])}', grp['name']))

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'check.c')
        with open(src, 'w') as f:
            f.write('#include <stdio.h>\n#include <string.h>\n#include <linux/mcast_router.h>\n')
            f.write('\n'.join(asserts) + '\nint main(void)\n{\n\tint bad = 0;\n\n')
            for name, value in strings:
                f.write(f'\tif (strcmp({name}, "{value}")) {{\n'
                        f'\t\tfprintf(stderr, "{name} != \\"{value}\\" (spec)\\n");\n'
                        f'\t\tbad = 1;\n\t}}\n')
            f.write('\treturn bad;\n}\n')
        exe = os.path.join(tmp, 'check')
        res = subprocess.run(['cc', '-std=gnu11', '-Wall', '-Werror', '-I', os.path.join(top, 'uapi'),
                              '-o', exe, src], capture_output=True, text=True)
        if res.returncode == 0:
            res = subprocess.run([exe], capture_output=True, text=True)
    if res.returncode:
        print(res.stderr, file=sys.stderr)
        print('spec and uapi header disagree', file=sys.stderr)
        sys.exit(1)
    print(f'spec and uapi header agree ({len(asserts) + len(strings)} checks)')


if __name__ == '__main__':
    main()
