#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes the XML of a port-cost test system (tests/system/parts/portcost.c):
`min`, the measuring partition M and its reader R with the ports they use,
or `max`, the same ports within the largest port configuration tessera-config
accepts: 16 partitions of 256 ports each (4,096 ports, as many channel ends),
64 channels, a sampling channel with 63 destinations."""
import sys

PARTITIONS, PORTS_EACH, CHANNELS = 16, 256, 64
WIDE = 63          # destinations of M's wide_out in the largest system
QUEUE_DEPTH = 25   # QUEUE_DEPTH of portcost.c
BIG = 65536
LONGEST = "a_port_name_of_31_characters_xx"


def build(large):
    nparts = PARTITIONS if large else 2
    ports = [[] for _ in range(nparts)]   # per partition: (name, kind, dir, size, depth)
    channels = []                          # (name, (part, port), [(part, port)])

    def port(part, name, kind="sampling", direction="source", size=8, depth=None):
        ports[part].append((name, kind, direction, size, depth))
        return (part, name)

    # M's and R's own ports, the same in both systems.
    wide_dst = []
    for k in range(WIDE if large else 1):
        part = 1 + k % (nparts - 1)
        wide_dst.append(port(part, f"wide_in_{k}", direction="destination"))
    channels.append(("wide", port(0, "wide_out"), wide_dst))
    channels.append(("narrow", port(0, "narrow_out"), [port(1, "narrow_in", direction="destination")]))
    channels.append(("big", port(0, "big_out", size=BIG),
                     [port(0, "big_in", direction="destination", size=BIG)]))
    channels.append(("queue", port(0, "q_out", "queuing", size=BIG, depth=QUEUE_DEPTH),
                     [port(0, "q_in", "queuing", "destination", BIG, QUEUE_DEPTH)]))
    channels.append(("longest", port(1, "longest_src"),
                     [port(0, LONGEST, direction="destination")]))
    if large:
        # Every other port: sources of the remaining channels and their
        # destinations, spread over all partitions, until each has 256.
        free = []
        for i in range(PORTS_EACH):
            for part in range(nparts):
                if len(ports[part]) + sum(1 for f in free if f == part) < PORTS_EACH:
                    free.append(part)
        left = CHANNELS - len(channels)
        per = len(free) // left
        for c in range(left):
            mine = free[c * per:(c + 1) * per] if c < left - 1 else free[c * per:]
            src = port(mine[0], f"fill{c}_src")
            dsts = [port(part, f"fill{c}_dst{k}", direction="destination")
                    for k, part in enumerate(mine[1:])]
            channels.append((f"fill{c}", src, dsts))
        assert all(len(p) == PORTS_EACH for p in ports) and len(channels) == CHANNELS
    return nparts, ports, channels


def xml(large):
    nparts, ports, channels = build(large)
    out = ['<?xml version="1.0"?>',
           f'<system name="ports-{"max" if large else "min"}" ram="128MiB">', "  <partitions>"]
    for part in range(nparts):
        # P00 is a system partition, so that it can time the system calls too.
        kind = ' kind="system"' if part == 0 else ""
        out.append(f'    <partition name="P{part:02d}" id="{part + 1}"{kind} criticality="C" '
                   'image="portcost.elf">')
        base = 0x01000000 + part * 0x200000
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x100000:08x}" '
                   'size="256KiB" rights="rw"/>')
        for name, kind, direction, size, depth in ports[part]:
            extra = f' depth="{depth}"' if depth else ""
            out.append(f'      <port name="{name}" kind="{kind}" direction="{direction}" '
                       f'max-message-size="{size}"{extra}/>')
        out.append("    </partition>")
    out += ["  </partitions>", '  <schedule initial-plan="main">',
            '    <plan name="main" id="0" major-frame="22ms">',
            '      <window partition="P00" offset="0us" duration="20000us"/>',
            '      <window partition="P01" offset="20000us" duration="1000us"/>']
    # The others only idle (and halt), but every partition needs a window.
    for part in range(2, nparts):
        out.append(f'      <window partition="P{part:02d}" offset="{21000 + (part - 2) * 50}us" '
                   'duration="50us"/>')
    out += ["    </plan>", "  </schedule>", "  <channels>"]
    for name, (sp, sn), dsts in channels:
        out.append(f'    <channel name="{name}">')
        out.append(f'      <source partition="P{sp:02d}" port="{sn}"/>')
        for dp, dn in dsts:
            out.append(f'      <destination partition="P{dp:02d}" port="{dn}"/>')
        out.append("    </channel>")
    out += ["  </channels>", "</system>"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("min", "max"):
        sys.exit("usage: gen_ports_max.py min|max")
    sys.stdout.write(xml(sys.argv[1] == "max"))
