#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Every refusal of the kernel at boot has a twin in tessera-config.

Walks the kernel's sources for the places where it refuses a configuration
(panic() at boot, a partition "not started", an image or entry point
rejected, and every reason its ELF check gives) and requires each to be
listed below with the corpus files (tests/config/invalid/NAME.xml) in which
tessera-config rejects that configuration first, with file:line, and a
phrase that the tool's expected message must contain. A refusal that no
configuration can cause (a property of the machine, or of tables only the
tool writes) says why instead. A new refusal in the kernel without a twin,
a stale entry, or a twin whose message does not say what it should fails
here; test_config.py checks that each corpus file is rejected with exactly
its expected lines."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INVALID = os.path.join(HERE, "invalid")

MACHINE = "a property of the machine, not of the configuration"
TOOL_TABLES = ("the tables the tool writes are consistent by construction; the kernel checks "
               "them only because isolation rests on them")
BUG = "a kernel bug, not a refusal of the configuration"

# message as written in the kernel source -> [(corpus file, phrase), ...] or a reason
TWINS = {
    # x86 boot, MMU, time, FPU
    "not started by a multiboot loader (magic %x)": MACHINE,
    "boot loader gave no memory size": MACHINE,
    "the system uses memory up to %llu KiB, the machine has %llu KiB": MACHINE,
    "mmu: CPU lacks 4 MiB pages (PSE) or global pages (PGE)": MACHINE,
    "mmu: RAM size %x must be a non-zero multiple of 4 MiB up to 1 GiB": [
        ("ram-not-4mib", "is not a multiple of 4 MiB"),
        ("ram-too-large", "exceeds the 1024 MiB that x86 supports"),
        ("ram-unaligned", "is not a multiple of the page size")],
    "time: TSC (%u MHz) or local APIC timer (%u MHz) not usable": MACHINE,
    "fpu: CPU lacks an FPU or FXSAVE/FXRSTOR": MACHINE,
    "kernel trap: %s": BUG,
    # the HM log's index: its halves are sized so that a copy always ends first
    "hm index: half %u full": BUG,
    # RISC-V: only the supervisor timer interrupt is enabled (sie.STIE)
    "unexpected interrupt, scause=%llx": MACHINE,
    "RAM: the configuration uses %llu MiB, the machine has %llu MiB": MACHINE,
    "RAM size %llx must be a multiple of 4 KiB above 16 MiB and up to 1 GiB": [
        ("riscv-ram-too-large", "exceeds the 1024 MiB that riscv supports"),
        ("riscv-ram-too-small", "leaves no memory above the kernel's reserved region"),
        ("ram-unaligned", "is not a multiple of the page size")],
    "kernel trap: virtual-8086 frame at %08x": BUG,
    # NMI and #MC (x86 task gates) come from the machine, #DF from a kernel bug.
    "%s (task gate) at eip=%08x esp=%08x": MACHINE + "; or " + BUG,
    # SPARC boot
    "RAM size %x must be between 1 byte and %x": [
        ("sparc-ram-too-large", "exceeds the 240 MiB that sparc supports")],
    "the system image does not fit in the configured RAM": [
        ("ram-too-small", "leaves no memory above the kernel's reserved region")],
    "kernel trap: %s (tt 0x%02x) at pc=%08x npc=%08x psr=%08x": BUG,
    # schedule
    "configuration has no valid initial schedule plan": [
        ("unknown-initial-plan", "is not defined")],
    "schedule plan %s: %s": [
        ("plan-zero-major-frame", "major frame is zero"),
        ("window-zero-duration", "duration is zero"),
        ("window-overlap", "overlaps the window of"),
        ("window-exceeds-frame", "ends after the major frame"),
        ("window-unknown-partition", "is not defined")],
    # partitions
    # the state arrays are defined with the counts of the same tables
    # (cfg_state.h, CFG_STATE_DEFINE)
    "%u partitions configured, state sized for %u": TOOL_TABLES,
    "areas cannot be mapped; not started": [
        ("area-misaligned", "is not page aligned"),
        ("area-zero-size", "size is zero"),
        ("area-virt-range", "is outside the partition virtual range"),
        ("area-outside-ram", "is outside RAM"),
        ("area-kernel-region", "collides with the kernel's reserved region"),
        ("page-tables-exhausted", "page tables")],
    "not started": [("image-missing", "image")],
    # the tool writes each partition's areas sorted by virtual address;
    # what it cannot sort away it refuses
    "areas not sorted and disjoint; not started": [
        ("area-virt-overlap", "overlaps area"),
        ("area-zero-size", "size is zero")],
    # the id tables (cfg_id_table): the tool builds them from the ids it
    # checked to be distinct
    "partition id table does not lead to every partition": TOOL_TABLES,
    "plan id table does not lead to every plan": TOOL_TABLES,
    "image rejected: %s": [("image-not-elf", "is not an ELF file")],
    "entry %llx not executable": [
        ("entry-explicit", "is not inside an executable area"),
        ("entry-sparc-misaligned", "is not 4-byte aligned")],
    # the ELF check behind "image rejected"
    "image too small or misaligned": [("image-truncated", "is truncated")],
    "not an ELF file": [("image-not-elf", "is not an ELF file")],
    "ELF class, byte order or machine is not this architecture's": [
        ("image-elf64", "is not a 32-bit ELF file"),
        ("image-wrong-endian", "but x86 needs little-endian"),
        ("image-wrong-machine", "but x86 needs EM_386")],
    "ELF file is not an executable": [("image-not-executable", "is not an executable")],
    "bad program header size or alignment": [
        ("image-bad-phdrs", "program headers of an unexpected size")],
    "program headers outside the image": [
        ("image-truncated", "program headers past the end of the file")],
    "segment data outside the image": [("segment-file-size", "extends past the end of the file")],
    "segment not inside one area with the rights it needs": [
        ("segment-outside", "is not inside one area"),
        ("segment-straddles", "is not inside one area"),
        ("segment-writable", "needs rights"),
        ("segment-executable", "needs rights")],
    "entry point not in an executable area": [
        ("entry-from-elf", "(from the ELF header) is not inside an executable area"),
        ("entry-sparc-misaligned", "(from the ELF header) is not 4-byte aligned")],
    # ports and channels
    "%u partitions configured, a set of partitions holds %u": [
        ("too-many-partitions", "more than 64 partitions")],
    "%u channels configured, state sized for %u": TOOL_TABLES,
    "port %s: bad partition or channel index": TOOL_TABLES,
    # the port-name table (cfg_port_slot): the tool builds it from the
    # ports it checked, and the schema keeps names to 1..31 characters
    "port name table: bad size": TOOL_TABLES,
    "port name table: slot %u names no port": TOOL_TABLES,
    "port %u: bad name or not in the name table": TOOL_TABLES,
    "queuing channel %s: %u destinations, not one": [
        ("channel-queuing-destinations", "a queuing channel has exactly one destination")],
    "channel %s: inconsistent table": [
        ("channel-buffers-limit", "buffers"),
        ("channel-no-destination", "has no destination")],
    "channel %s: bad destination": [("channel-unknown-port", "has no port")],
    # health monitor
    # multicore (issue 20)
    "%u CPUs configured, state sized for %u": TOOL_TABLES,
    "the CPUs' views of the plans do not start with the plans": TOOL_TABLES,
    "schedule plan %s: CPU %u's view has another id or major frame": TOOL_TABLES,
    "schedule plan %s on CPU %u: %s": [("smp-window-overlap", "overlaps the window of")],
    # A partition on several CPUs is handed over within the guard time
    # (kernel/core/handover.c), which must cover the kernel's longest path.
    "partition %s has windows on several CPUs: the guard time (%llu ns) must be at ": [
        ("smp-moving-guard", "needs a guard time of at least")],
    # The handover's bounded wait ran out: the CPU the partition left is
    # late beyond the guard time tessera-config leaves between its windows.
    "not given back to CPU %u within %llu ns: its ": BUG,
    "mmu: the per-CPU section (%u bytes at %08x) exceeds %u bytes or its 4 MiB": (
        "a property of the kernel image (its per-CPU section), not of the configuration"),
    "CPU %u (local APIC id %u) did not start: the machine has fewer CPUs": MACHINE,
    "the boot CPU's local APIC id is %u, not 0": MACHINE,
    "local APIC: interprocessor interrupt %x to APIC %u not accepted": MACHINE,
    "health monitor: module action %u invalid for error %u": [
        ("hm-module-action", "is a partition-level action"),
        ("hm-restart-loop", "is not allowed for restart-loop")],
    "health monitor: partition %s: action %u invalid for error %u": [
        ("hm-partition-action", "is a module-level action"),
        ("hm-restart-loop", "is not allowed for restart-loop")],
    "health monitor: partition %s: unhandled action %u invalid for error %u": [
        ("hm-unhandled", "needs action=\"propagate\""),
        ("hm-unhandled", "is not allowed: use ignore, log, halt")],
}

PATTERNS = [
    re.compile(r'panic\("([^"]*)"'),
    re.compile(r'kprintf\("\[tessera\] partition %s: ([^"\\]*)'),
    re.compile(r'fail\(why, "([^"]*)"\)'),
]


def refusals():
    """(message, place) for every refusal site in kernel/."""
    found = []
    for top, _dirs, files in os.walk(os.path.join(ROOT, "kernel")):
        for f in sorted(files):
            if not f.endswith(".c"):
                continue
            path = os.path.join(top, f)
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    for p in PATTERNS:
                        for m in p.finditer(line):
                            found.append((m.group(1), f"{os.path.relpath(path, ROOT)}:{n}"))
    return found


def expected_lines(name):
    path = os.path.join(INVALID, name + ".expected")
    with open(path, encoding="utf-8") as fh:
        return [ln for ln in fh.read().splitlines() if ln and not ln.startswith("#")]


def main():
    n = failed = 0

    def ok(cond, what, diag=""):
        nonlocal n, failed
        n += 1
        print(("ok" if cond else "not ok") + f" {n} - {what}")
        if not cond:
            failed += 1
            for d in diag.splitlines():
                print("#   " + d)
        return cond

    sites = refusals()
    ok(len(sites) > 20, "the walk finds the kernel's refusals", f"{len(sites)} found")
    seen = set()
    for msg, where in sites:
        seen.add(msg)
        ok(msg in TWINS, f"{where}: \"{msg}\" has a configuration-time twin or a reason",
           "add it to TWINS in tests/config/test_boot_refusals.py, with the corpus files "
           "in which tessera-config rejects that configuration")
    for msg, twins in sorted(TWINS.items()):
        ok(msg in seen, f"\"{msg}\" is still a refusal of the kernel", "stale entry")
        if isinstance(twins, str):
            continue
        for name, phrase in twins:
            xml = os.path.join(INVALID, name + ".xml")
            if not ok(os.path.exists(xml) and os.path.exists(xml[:-4] + ".expected"),
                      f"\"{msg}\": corpus file invalid/{name}.xml exists"):
                continue
            lines = expected_lines(name)
            ok(any(phrase in ln and re.match(rf"invalid/{re.escape(name)}\.xml:\d+: ", ln)
                   for ln in lines),
               f"\"{msg}\": invalid/{name}.xml is rejected at a line with \"{phrase}\"",
               "\n".join(lines))
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
