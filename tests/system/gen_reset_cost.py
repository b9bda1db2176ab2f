#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes the XML of a module-reset cost system (tests/system/parts/resetcost.c):
`min`, the resetting partition T with the reader X and an idle partition Y
(3 partitions, 4 channels), or `max`, the same three within 64 partitions
and 1,024 channels. T's image, areas, ports and window are the same in both."""
import sys

PARTITIONS, CHANNELS = 64, 1024
# T's channels to X: (name, kind)
OWN = [("c", "queuing"), ("s", "sampling"), ("d", "queuing"), ("s0", "sampling")]


def port(name, kind, direction):
    depth = ' depth="2"' if kind == "queuing" else ""
    return (f'      <port name="{name}" kind="{kind}" direction="{direction}" '
            f'max-message-size="16"{depth}/>')


def xml(large):
    nparts = PARTITIONS if large else 3
    names = ["T", "X", "Y"] + [f"F{i:02d}" for i in range(3, nparts)]
    ports = {n: [] for n in names}
    channels = []
    for name, kind in OWN:
        ports["T"].append(port(f"{name}_out", kind, "source"))
        ports["X"].append(port(f"{name}_in", kind, "destination"))
        channels.append((name, "T", f"{name}_out", "X", f"{name}_in"))
    if large:
        fillers = names[3:]
        for c in range(CHANNELS - len(OWN)):
            src, dst = fillers[c % len(fillers)], fillers[(c + 1) % len(fillers)]
            ports[src].append(port(f"f{c}_out", "queuing" if c % 2 else "sampling", "source"))
            ports[dst].append(port(f"f{c}_in", "queuing" if c % 2 else "sampling",
                                   "destination"))
            channels.append((f"f{c}", src, f"f{c}_out", dst, f"f{c}_in"))
    out = ['<?xml version="1.0"?>',
           f'<system name="reset-{"max" if large else "min"}" ram="128MiB">', "  <partitions>"]
    for i, name in enumerate(names):
        kind = ' kind="system"' if name == "T" else ""
        mode = ' initial-mode="idle"' if name == "Y" else ""
        out.append(f'    <partition name="{name}" id="{i + 1}"{kind}{mode} criticality="C" '
                   'image="resetcost.elf">')
        base = 0x01000000 + i * 0x40000
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x20000:08x}" '
                   'size="64KiB" rights="rw"/>')
        out += ports[name]
        out.append("    </partition>")
    # The largest system's 64 partitions need a longer frame than 22 ms.
    frame = max(22000, 21000 + (nparts - 2) * 50)
    out += ["  </partitions>", '  <schedule initial-plan="main">',
            f'    <plan name="main" id="0" major-frame="{frame}us">',
            '      <window partition="T" offset="0us" duration="20000us"/>',
            '      <window partition="X" offset="20000us" duration="1000us"/>']
    for i, name in enumerate(names[2:]):
        out.append(f'      <window partition="{name}" offset="{21000 + i * 50}us" '
                   'duration="50us"/>')
    out += ["    </plan>", "  </schedule>", "  <channels>"]
    for name, src, sport, dst, dport in channels:
        out += [f'    <channel name="{name}">',
                f'      <source partition="{src}" port="{sport}"/>',
                f'      <destination partition="{dst}" port="{dport}"/>', "    </channel>"]
    out += ["  </channels>", "  <health-monitor>",
            '    <error id="application-error" action="reset-module"/>', "  </health-monitor>",
            "</system>"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("min", "max"):
        sys.exit("usage: gen_reset_cost.py min|max")
    sys.stdout.write(xml(sys.argv[1] == "max"))
