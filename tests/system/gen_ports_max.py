#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes the XML of a port-cost test system (tests/system/parts/portcost.c):
`min`, the measuring partition M, its reader R and a partition T that M
restarts, with the ports they use, or `max`, the same within the largest
configuration tessera-config accepts: 64 partitions of 64 ports each (4,096
ports, as many channel ends), 1,024 channels, a sampling channel with 63
destinations, 256 areas in M, 64 plans, ids up to 2^32 - 2. Where a lookup
could scan, the max system puts what M looks for last: R (id 2) and T
(id 3) are the last partitions, the plan M switches to (id 0) the last
plan, and M's own areas come after 254 others in the document."""
import sys

PARTITIONS, PORTS_EACH, CHANNELS = 64, 64, 1024
AREAS, PLANS = 256, 64
WIDE = 63          # destinations of M's wide_out in the largest system
QUEUE_DEPTH = 25   # QUEUE_DEPTH of portcost.c
BIG = 65536
LONGEST = "a_port_name_of_31_characters_xx"


def build(large):
    nparts = PARTITIONS if large else 3
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
        per, more = divmod(len(free), left)   # the first `more` channels take one more
        at = 0
        for c in range(left):
            mine = free[at:at + per + (c < more)]
            at += len(mine)
            src = port(mine[0], f"fill{c}_src")
            dsts = [port(part, f"fill{c}_dst{k}", direction="destination")
                    for k, part in enumerate(mine[1:])]
            channels.append((f"fill{c}", src, dsts))
        assert all(len(p) == PORTS_EACH for p in ports) and len(channels) == CHANNELS
    return nparts, ports, channels


def part_id(part):
    """M, R and T have ids 1, 2 and 3 (portcost.c uses them); the others
    the largest ids (PV_PART_SELF, 2^32 - 1, is not a partition's)."""
    return part + 1 if part < 3 else 0xfffffffe - part


def extra_areas(large):
    """M's areas before its own in the largest system: read-only pages
    after every partition's memory."""
    out = []
    for k in range(AREAS - 2 if large else 0):
        out.append(f'      <area name="x{k}" virt="0x{0x40400000 + k * 0x2000:08x}" '
                   f'phys="0x{0x03800000 + k * 0x1000:08x}" size="4KiB" rights="r"/>')
    return out


def xml(large):
    nparts, ports, channels = build(large)
    out = ['<?xml version="1.0"?>',
           f'<system name="ports-{"max" if large else "min"}" ram="128MiB">', "  <partitions>"]
    # R and T last: a lookup by id that scans finds them last.
    order = [0] + list(range(3, nparts)) + [2, 1]
    for part in order:
        # P00 is a system partition, so that it can time the system calls too.
        kind = ' kind="system"' if part == 0 else ""
        out.append(f'    <partition name="P{part:02d}" id="{part_id(part)}"{kind} '
                   'criticality="C" image="portcost.elf">')
        if part == 0:
            out += extra_areas(large)
        base = 0x01000000 + part * 0x80000
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x40000:08x}" '
                   'size="256KiB" rights="rw"/>')
        for name, kind, direction, size, depth in ports[part]:
            extra = f' depth="{depth}"' if depth else ""
            out.append(f'      <port name="{name}" kind="{kind}" direction="{direction}" '
                       f'max-message-size="{size}"{extra}/>')
        out.append("    </partition>")
    windows = ['      <window partition="P00" offset="0us" duration="20000us"/>',
               '      <window partition="P01" offset="20000us" duration="1000us"/>']
    # The others only idle (and halt), but every partition needs a window.
    for part in range(2, nparts):
        windows.append(f'      <window partition="P{part:02d}" '
                       f'offset="{21000 + (part - 2) * 50}us" duration="50us"/>')
    # The largest system's 64 partitions need a longer frame than 22 ms.
    frame = max(22000, 21000 + (nparts - 2) * 50)
    out += ["  </partitions>", '  <schedule initial-plan="main">']
    # The plan M switches to (id 0, the one running) comes last.
    for k in range(PLANS - 1 if large else 0):
        out.append(f'    <plan name="alt{k}" id="{0xfffffffe - k}" major-frame="{frame}us">')
        out += windows + ["    </plan>"]
    out.append(f'    <plan name="main" id="0" major-frame="{frame}us">')
    out += windows + ["    </plan>", "  </schedule>", "  <channels>"]
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
