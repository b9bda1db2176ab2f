#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes the XML of a scale benchmark system (bench/scale.c, #20):
`gen_scaling.py P W` - P partitions, a frame of W windows of 20 us, window w
for partition w % P; partition B (id 1) has a sampling channel to itself,
the others only spin. SYSTEMS lists the (P, W) that `make bench` runs."""
import sys

SYSTEMS = [(2, 4), (16, 16), (64, 64), (2, 4096), (64, 4096)]
WINDOW_US = 20


def xml(parts, windows):
    out = ['<?xml version="1.0"?>', f'<system name="bench-scale-{parts}-{windows}" ram="128MiB">',
           "  <partitions>"]
    for i in range(parts):
        base = 0x01000000 + i * 0x40000
        out.append(f'    <partition name="{"B" if i == 0 else f"S{i:02d}"}" id="{i + 1}" '
                   'criticality="C" image="bench-scale.elf">')
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x20000:08x}" '
                   'size="128KiB" rights="rw"/>')
        if i == 0:
            out.append('      <port name="loop_out" kind="sampling" direction="source" '
                       'max-message-size="8"/>')
            out.append('      <port name="loop_in" kind="sampling" direction="destination" '
                       'max-message-size="8"/>')
        out.append("    </partition>")
    out += ["  </partitions>", '  <schedule initial-plan="main">',
            f'    <plan name="main" id="0" major-frame="{windows * WINDOW_US}us">']
    for w in range(windows):
        name = "B" if w % parts == 0 else f"S{w % parts:02d}"
        out.append(f'      <window partition="{name}" offset="{w * WINDOW_US}us" '
                   f'duration="{WINDOW_US}us"/>')
    out += ["    </plan>", "  </schedule>", "  <channels>", '    <channel name="loop">',
            '      <source partition="B" port="loop_out"/>',
            '      <destination partition="B" port="loop_in"/>', "    </channel>",
            "  </channels>", "</system>"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gen_scaling.py PARTITIONS WINDOWS")
    sys.stdout.write(xml(int(sys.argv[1]), int(sys.argv[2])))
