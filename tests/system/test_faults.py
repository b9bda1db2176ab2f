#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Fault containment: each forbidden action stops exactly the partition that
did it, with the right exception reported, while a probe partition in the
same system keeps every one of its windows."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US

# action number -> (what the faulter says, start of the kernel's report)
ACTIONS = {
    0: ("read kernel memory", r"#PF page fault at eip=\w+: read of 00100000 \(protection"),
    1: ("write kernel memory", r"#PF page fault at eip=\w+: write of 00100000 \(protection"),
    2: ("read another partition's memory", r"#PF page fault at eip=\w+: read of 01000000 \(prot"),
    3: ("write another partition's memory", r"#PF page fault at eip=\w+: write of 01100000 \(pro"),
    4: ("write own code", r"#PF page fault at eip=\w+: write of 4000\w+ \(protection"),
    5: ("read unmapped memory", r"#PF page fault at eip=\w+: read of 50000000 \(not mapped"),
    6: ("cli", r"#GP general protection"),
    7: ("hlt", r"#GP general protection"),
    8: ("in", r"#GP general protection"),
    9: ("out", r"#GP general protection"),
    10: ("lgdt", r"#GP general protection"),
    11: ("mov to cr3", r"#GP general protection"),
    12: ("divide by zero", r"#DE divide error"),
    13: ("jump to address 0", r"#PF page fault at eip=00000000: read of 00000000 \(protection"),
    14: ("jump to garbage", r"#UD invalid opcode"),
    15: ("ud2", r"#UD invalid opcode"),
    16: ("int3", r"#GP general protection at eip=\w+ error=1a"),
    17: ("int to the timer vector", r"#GP general protection at eip=\w+ error=202"),
    18: ("use the FPU without the right", r"#NM FPU not available"),
    19: ("rdmsr", r"#GP general protection"),
    20: ("lidt", r"#GP general protection"),
    21: ("mov to cr0", r"#GP general protection"),
    22: ("wbinvd", r"#GP general protection"),
    23: ("invlpg", r"#GP general protection"),
    24: ("sti", r"#GP general protection"),
    25: ("overflow the stack", r"#PF page fault at eip=\w+: write of 400fff\w+ \(not mapped"),
    26: ("load the kernel data segment", r"#GP general protection at eip=\w+ error=10"),
    # Faults only under CR4.UMIP (sysrun.X86_CPU has it): faults-c.
    27: ("sgdt", r"#GP general protection at eip=\w+ error=0$"),
    28: ("sidt", r"#GP general protection at eip=\w+ error=0$"),
    29: ("sldt", r"#GP general protection at eip=\w+ error=0$"),
    30: ("smsw", r"#GP general protection at eip=\w+ error=0$"),
    31: ("str", r"#GP general protection at eip=\w+ error=0$"),
}

# SPARC (tests/system/parts/faulter.c has its own table): the SRMMU reports
# the access, privileged instructions trap with tt 0x03, and every trap
# instruction but the hypercall (ta 0x40) and the window flush (ta 3) is a
# fault.
DATA = r"data access exception at pc=\w+: "
PRIV = r"privileged instruction \(tt 0x03\)"
SPARC_ACTIONS = {
    0: ("read kernel memory", DATA + r"read of 00100000 \(invalid address"),
    1: ("write kernel memory", DATA + r"write of 00100000 \(invalid address"),
    2: ("read another partition's memory", DATA + r"read of 01000000 \(invalid address"),
    3: ("write another partition's memory", DATA + r"write of 01100000 \(invalid address"),
    4: ("write own code", DATA + r"write of 4000\w+ \(protection error"),
    5: ("read unmapped memory", DATA + r"read of 50000000 \(invalid address"),
    6: ("wr %psr", PRIV),
    7: ("lda bypassing the MMU", PRIV),
    8: ("rd %psr", PRIV),
    9: ("rd %wim", PRIV),
    10: ("wr %tbr", PRIV),
    11: ("sta to the MMU", PRIV),
    12: ("divide by zero", r"division by zero \(tt 0x2a\)"),
    13: ("jump to address 0",
         r"instruction access exception at pc=00000000: execute of 00000000 \(invalid"),
    14: ("jump to garbage", r"illegal instruction \(tt 0x02\)"),
    15: ("unimp", r"illegal instruction \(tt 0x02\)"),
    16: ("ta 1", r"trap instruction ta 0x1 at"),
    17: ("ta 9", r"trap instruction ta 0x9 at"),
    18: ("use the FPU without the right", r"fp disabled \(tt 0x04\)"),
    19: ("wr %wim", PRIV),
    20: ("lda from the MMU", PRIV),
    21: ("rett", PRIV),
    22: ("sta to the cache controller", PRIV),
    23: ("ta 0", r"trap instruction ta 0x0 at"),
    24: ("misaligned load", r"memory address not aligned \(tt 0x07\)"),
    25: ("overflow the stack", DATA + r"write of 400ff\w+ \(invalid address"),
    26: ("ta 0x41", r"trap instruction ta 0x41 at"),
}
if ARCH == "sparc":
    ACTIONS = SPARC_ACTIONS


def check_system(tap, name, lo, hi):
    run = boot(name)
    tap.eq(run.status, CLEAN, f"{name}: system shuts down after all partitions end")
    maf = (100 + 30 * (hi - lo)) * US
    check_probes(tap, run, maf, {"PROBE": (0, 100 * US)}, name)
    stopped = {}
    for ln in run.kernel_lines():
        m = re.match(r"partition (\S+) stopped: (.*)", ln)
        if m:
            stopped[m.group(1)] = m.group(2)
    for n in range(lo, hi):
        what, report = ACTIONS[n]
        part = f"F{n}"
        lines = run.partition_lines(part)
        tap.eq(lines, [f"action {n}: {what}"], f"{name}: {part} tried '{what}' and got no further")
        got = stopped.get(part, "(not stopped)")
        tap.ok(re.match(report, got), f"{name}: {part} stopped for '{what}'",
               f"kernel said: {got}\nexpected:   {report}")
    tap.ok("PROBE" not in stopped, f"{name}: the probe was not stopped")


def main():
    tap = Tap()
    check_system(tap, "faults-a", 0, 14)
    check_system(tap, "faults-b", 14, 27)
    if ARCH == "x86":
        check_system(tap, "faults-c", 27, 32)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
