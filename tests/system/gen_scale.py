#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes the XML of the largest system the issue asks for (#20): 64
partitions (tests/system/parts/scale.c), 1,024 sampling channels of one
source and three destinations each (4,096 ports, 64 per partition) and a
plan of 4,096 windows, each partition in every 64th. P00, a system
partition, also reports the health-monitor log's capacity and share."""
import sys

PARTS, OUTS, FANOUT = 64, 16, 3
WINDOWS, WINDOW_US = 4096, 40


def xml():
    out = ['<?xml version="1.0"?>', "<!-- SPDX-License-Identifier: BSD-2-Clause -->",
           '<system name="scale" ram="128MiB">', "  <partitions>"]
    for i in range(PARTS):
        base = 0x01000000 + i * 0x40000
        # P00 is a system partition: it reads the HM log's size.
        kind = ' kind="system"' if i == 0 else ""
        out.append(f'    <partition name="P{i:02d}" id="{i + 1}"{kind} criticality="C" '
                   'image="scale.elf">')
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x20000:08x}" '
                   'size="64KiB" rights="rw"/>')
        for k in range(OUTS):
            out.append(f'      <port name="out{k}" kind="sampling" direction="source" '
                       'max-message-size="16"/>')
        for j in range(OUTS * FANOUT):
            out.append(f'      <port name="in{j}" kind="sampling" direction="destination" '
                       'max-message-size="16"/>')
        out.append("    </partition>")
    out += ["  </partitions>", '  <schedule initial-plan="main">',
            f'    <plan name="main" id="0" major-frame="{WINDOWS * WINDOW_US}us">']
    for w in range(WINDOWS):
        out.append(f'      <window partition="P{w % PARTS:02d}" offset="{w * WINDOW_US}us" '
                   f'duration="{WINDOW_US}us"/>')
    out += ["    </plan>", "  </schedule>", "  <channels>"]
    for i in range(PARTS):
        for k in range(OUTS):
            out.append(f'    <channel name="c{i}_{k}">')
            out.append(f'      <source partition="P{i:02d}" port="out{k}"/>')
            for d in range(1, FANOUT + 1):
                out.append(f'      <destination partition="P{(i + d) % PARTS:02d}" '
                           f'port="in{(d - 1) * OUTS + k}"/>')
            out.append("    </channel>")
    out += ["  </channels>", "</system>"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(xml())
