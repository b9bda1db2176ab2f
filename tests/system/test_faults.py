#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Fault containment: each forbidden action stops exactly the partition that
did it, with the right exception reported, while a probe partition in the
same system keeps every one of its windows."""
import re
import sys
from sysrun import Tap, boot, CLEAN
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
}


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
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
