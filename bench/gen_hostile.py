#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The hostile-neighbour systems (make bench; tests/system/test_guard.py):
a victim (tests/system/parts/victim.c) records its window starts after
each of 15 neighbours (tests/system/parts/hostile.c, whose kind is its
partition id - 200), one hostile kind each: a hypercall looped with its
worst arguments, a fault class in a loop, a restart, or the quiet spinner
(the reference). Every system is the largest configuration tessera-config
accepts, so that no kernel path is measured at a size smaller than it can
be: 16 partitions, the 15 hostile ones with 256 areas each (the victim
has 2, see below), 256 ports each (4,096), 64 channels using every port,
64 plans, every error "log" in the hostile
partitions (a fault or refused call is logged and tried again).

    gen_hostile.py SYSTEM [--noguard] [--prefix bench-]   writes the XML

SYSTEM is a key of SYSTEMS; --noguard sets guard="0ns" (what each kind's
longest kernel path does to the next window start); --prefix names the
images (bench-hostile.elf, ...)."""
import argparse
import sys

# Kinds of hostile.c (enum kind: the numbers must match). Labels per arch
# where the kind does something arch-specific.
KINDS = {
    0: "quiet neighbour: spinning (reference)",
    1: "every hypercall but console, worst arguments",
    2: "console_write: 4096 x '\\r' per call",
    3: "fault loop: memory violation (store)",
    4: "fault loop: privileged instruction",
    5: "fault loop: illegal instruction",
    6: {"x86": "fault loop: divide error", "sparc": "fault loop: divide error",
        "riscv": "divu by zero (no trap on RISC-V)"},
    7: "fault loop: FPU without the right",
    8: {"x86": "misaligned load, EFLAGS.AC (no trap: AM clear)",
        "sparc": "fault loop: misaligned access",
        "riscv": "fault loop: misaligned amoadd.w"},
    9: "restart_self: cold restart again and again",
    10: "mode_set(WARM_START): warm restart again and again",
    11: "fault loop: memory violation (instruction fetch)",
    12: {"x86": "fault loop: int3 (#BP, illegal instruction)",
         "sparc": "fault loop: window overflow onto a bad %sp",
         "riscv": "fault loop: ebreak (illegal instruction)"},
    13: {"x86": "fault loop: push with a bad %esp (memory)",
         "sparc": "fault loop: window underflow from a bad %fp",
         "riscv": "fault loop: store through a bad sp (memory)"},
    14: {"x86": "fault loop: bad selector into %ds (#GP)",
         "sparc": "fault loop: ta 3 flush onto a bad %sp",
         "riscv": "fault loop: sfence.vma (privileged)"},
    15: "time_get: bad pointer / last area",
    16: "idle, woken by a 1 us periodic timer",
    17: "halt_self (restarted by the part_control row)",
    18: "upcall_set: bad entry / valid entry",
    19: "upcall_return: bad frames, 1 us timer upcalls",
    20: "irq_sync, two 1 us timers pending",
    21: "timer_set: both clocks, deadline long past, 1 us",
    22: "part_status: bad pointer / area end / others",
    23: "part_control: restart another partition (system)",
    24: "console_read: console input, 4096 bytes",
    25: "port_open: longest names, missing / found",
    26: "port_write: 63 destinations, 64 KiB, full queue",
    27: "port_read: 64 KiB sampling and queuing",
    28: "port_status: bad pointer / area end",
    29: "port_clear: a full queue",
    30: "plan_switch: among 64 plans (system)",
    31: "mode_set: NORMAL again, bad mode",
    32: "hm_raise: application error, logged",
    33: "hm_log_read: the whole log (system)",
    34: "unknown hypercall numbers (ENOSYS)",
}
SYSTEM_KINDS = {23, 30, 33}   # system partitions: their calls' real paths
CONSOLE_INPUT = 24
HALTER, CONTROLLER = 17, 23   # the controller restarts the halter
PORT_WRITER, PORT_READER, PORT_STATUS, PORT_CLEARER = 26, 27, 28, 29

# One system per key, 15 hostile partitions at most (the victim is the
# 16th): kind 0, the reference, is in each, the rest pads with spinners.
SYSTEMS = {
    "a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    "b": [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 31, 32, 33, 34],
    "c": [25, 26, 27, 28, 29, 30],
}
PARTITIONS, AREAS_EACH, PORTS_EACH, CHANNELS, PLANS = 16, 256, 256, 64, 64
PAD_ID = 250                  # spinners that fill a system up (hostile.c: kind 0)
HOSTILE_US, VICTIM_US = 30, 20
BIG = 65536
WIDE = 63
# Port names of hostile.c (31 characters: the longest).
LONGEST = "hostile_port_name_31_characters"
assert len(LONGEST) == 31


def label(kind, arch):
    text = KINDS[kind]
    return text[arch] if isinstance(text, dict) else text


def hostiles(system):
    """Partition ids of the hostile partitions, in window order."""
    kinds = [0] + SYSTEMS[system]
    ids = [200 + k for k in kinds]
    ids += [PAD_ID + i for i in range(PARTITIONS - 1 - len(ids))]
    return ids


def rows(system, arch):
    """(label, victim window index) of each hostile kind in the system,
    the reference first; the padding spinners are left out."""
    out = []
    for i, pid in enumerate(hostiles(system)):
        if pid < PAD_ID:
            out.append((label(pid - 200, arch), 2 * i + 1))
    return out


def _name(pid):
    return "VICTIM" if pid == 1 else f"H{pid}"


def build(system):
    """Partitions (id, kind attr, hm, ports) and channels of the system."""
    ids = [1] + hostiles(system)
    ports = {pid: [] for pid in ids}     # pid -> [(name, kind, dir, size, depth)]
    channels = []                        # (name, (pid, port), [(pid, port)])
    present = set(ids)

    def port(pid, name, kind="sampling", direction="source", size=8, depth=None):
        ports[pid].append((name, kind, direction, size, depth))
        return (pid, name)

    writer, reader = 200 + PORT_WRITER, 200 + PORT_READER
    if writer in present and reader in present:
        # The victim hears no channel anyone writes (a port event is kernel
        # work at its window start that a quiet neighbour does not cause).
        others = [p for p in ids if p not in (1, writer)]
        channels.append(("wide", port(writer, "wide"),
                         [port(others[k % len(others)], f"wide_in_{k}", direction="destination")
                          for k in range(WIDE)]))
        channels.append(("bigs", port(writer, "bigs", size=BIG),
                         [port(reader, "bigs", direction="destination", size=BIG)]))
        channels.append(("bigq", port(writer, "bigq", "queuing", size=BIG, depth=2),
                         [port(reader, "bigq", "queuing", "destination", BIG, 2)]))
        clearer = 200 + PORT_CLEARER
        if clearer in present:
            channels.append(("clrq", port(writer, "clrq", "queuing", depth=1024),
                             [port(clearer, "clrq", "queuing", "destination", 8, 1024)]))
    for pid in ids:
        # Every partition's first port has the longest name (port_open
        # finds it; port_status reads it).
        port(pid, LONGEST)
    # Every other port: the remaining channels, each a source and
    # destinations spread over all partitions, until each has 256.
    free = []
    for _ in range(PORTS_EACH):
        for pid in ids:
            if len(ports[pid]) + free.count(pid) < PORTS_EACH:
                free.append(pid)
    longest = [(pid, LONGEST) for pid in ids]
    left = CHANNELS - len(channels)
    # The longest-named ports are sources of fill channels of their own.
    per = (len(free) + len(longest)) // left
    for c in range(left):
        src = longest[c] if c < len(longest) else None
        take = per - 1 if src else per
        mine, free = (free[:take], free[take:]) if c < left - 1 else (free, [])
        if src is None:
            src = port(mine[0], f"fill{c}_src")
            mine = mine[1:]
        dsts = [port(pid, f"fill{c}_dst{k}", direction="destination")
                for k, pid in enumerate(mine)]
        channels.append((f"fill{c}", src, dsts))
    assert all(len(p) == PORTS_EACH for p in ports.values()), [len(p) for p in ports.values()]
    assert len(channels) == CHANNELS
    return ids, ports, channels


HM_ERRORS = ("memory-violation", "privileged-instruction", "illegal-instruction",
             "divide-error", "fpu-error", "misaligned-access", "hypercall-misuse",
             "application-error", "port-overflow")


def xml(system, noguard, prefix):
    ids, ports, channels = build(system)
    name = f"{prefix}hostile-{system}{'-noguard' if noguard else ''}"
    out = ['<?xml version="1.0"?>',
           "<!-- SPDX-License-Identifier: BSD-2-Clause -->",
           "<!-- Generated by bench/gen_hostile.py: do not edit. -->",
           f'<system name="{name}" ram="128MiB">', "  <partitions>"]
    for n, pid in enumerate(ids):
        kind = pid - 200 if pid != 1 else None
        system_kind = pid == 1 or kind in SYSTEM_KINDS
        image = f"{prefix}victim.elf" if pid == 1 else f"{prefix}hostile.elf"
        attr = ' kind="system"' if system_kind else ""
        out.append(f'    <partition name="{_name(pid)}" id="{pid}"{attr} criticality="C" '
                   f'image="{image}">')
        base = 0x01000000 + n * 0x200000
        # 254 small areas first, then code and data: a pointer into the
        # data area is found only after every other area is looked at.
        # The victim keeps two areas: on SPARC its clock read is a
        # hypercall whose pointer check would otherwise scan 256 areas
        # inside every latency it measures.
        for a in range(AREAS_EACH - 2 if pid != 1 else 0):
            out.append(f'      <area name="a{a}" virt="0x{0x40200000 + a * 0x2000:08x}" '
                       f'phys="0x{base + 0x100000 + a * 0x1000:08x}" size="4KiB" rights="rw"/>')
        out.append(f'      <area name="code" virt="0x40000000" phys="0x{base:08x}" size="64KiB" '
                   'rights="rx"/>')
        out.append(f'      <area name="data" virt="0x40100000" phys="0x{base + 0x40000:08x}" '
                   'size="256KiB" rights="rw"/>')
        for pname, pkind, direction, size, depth in ports[pid]:
            extra = f' depth="{depth}"' if depth else ""
            out.append(f'      <port name="{pname}" kind="{pkind}" direction="{direction}" '
                       f'max-message-size="{size}"{extra}/>')
        if pid != 1:
            out.append("      <health-monitor>")
            out.extend(f'        <error id="{e}" action="log"/>' for e in HM_ERRORS)
            out.append("      </health-monitor>")
        out.append("    </partition>")
    guard = ' guard="0ns"' if noguard else ""
    out += ["  </partitions>", f'  <schedule initial-plan="p0"{guard}>']
    hostile = ids[1:]
    frame = len(hostile) * (HOSTILE_US + VICTIM_US) + HOSTILE_US
    for plan in range(PLANS):
        # 64 plans alike: a plan switch changes nothing the victim sees.
        out.append(f'    <plan name="p{plan}" id="{plan}" major-frame="{frame}us">')
        t = 0
        for pid in hostile:
            out.append(f'      <window partition="{_name(pid)}" offset="{t}us" '
                       f'duration="{HOSTILE_US}us"/>')
            out.append(f'      <window partition="VICTIM" offset="{t + HOSTILE_US}us" '
                       f'duration="{VICTIM_US}us"/>')
            t += HOSTILE_US + VICTIM_US
        # So that no victim window is the frame's last (whose guard is
        # computed from the next frame's plan).
        out.append(f'      <window partition="{_name(hostile[0])}" offset="{t}us" '
                   f'duration="{HOSTILE_US}us"/>')
        out.append("    </plan>")
    out += ["  </schedule>", "  <channels>"]
    for cname, (sp, sn), dsts in channels:
        out.append(f'    <channel name="{cname}">')
        out.append(f'      <source partition="{_name(sp)}" port="{sn}"/>')
        for dp, dn in dsts:
            out.append(f'      <destination partition="{_name(dp)}" port="{dn}"/>')
        out.append("    </channel>")
    out.append("  </channels>")
    if 200 + CONSOLE_INPUT in ids:
        out.append(f'  <console input="{_name(200 + CONSOLE_INPUT)}"/>')
    out.append("</system>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("system", choices=sorted(SYSTEMS))
    ap.add_argument("--noguard", action="store_true")
    ap.add_argument("--prefix", default="")
    args = ap.parse_args()
    sys.stdout.write(xml(args.system, args.noguard, args.prefix))
    return 0


if __name__ == "__main__":
    sys.exit(main())
