#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Hypercalls of the first set with good and bad arguments return the
documented results (docs/pv-api.md), and bad ones harm nobody."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN

EFAULT, ENOSYS, ERANGE = -2, -1, -9

EXPECTED = [
    "hcalls 7 start",
    "from the read-only code area",
    "write code area -> 29",
    "from the data area",
    "write data area -> 19",
    "write zero length at NULL -> 0",
    f"write NULL -> {EFAULT}",
    f"write kernel -> {EFAULT}",
    f"write other partition (phys) -> {EFAULT}",
    f"write unmapped -> {EFAULT}",
    f"write past area end -> {EFAULT}",
    "",
    "write last byte of area -> 1",
    f"write wrapping -> {EFAULT}",
    f"write huge length -> {ERANGE}",
    f"write over max -> {ERANGE}",
    f"time into code area -> {EFAULT}",
    f"time into kernel -> {EFAULT}",
    f"time straddling area end -> {EFAULT}",
    "time ok -> 0",
    "time advances: yes",
    f"unknown number PV_HC_COUNT -> {ENOSYS}",
    f"unknown number 0x7fffffff -> {ENOSYS}",
    f"unknown number 0xffffffff -> {ENOSYS}",
    "time with the direction flag set -> 0",
    "idle -> 0",
    "hcalls 7 done",
]
# What the arch's binding promises to preserve across the trap.
PRESERVED = {
    "x86": ["time with the direction flag set -> 0"],
    "sparc": ["time with registers to preserve -> 0", "registers preserved: yes"],
    "riscv": ["time with registers to preserve -> 0", "registers preserved: yes"],
}[ARCH]
_AT = EXPECTED.index("time with the direction flag set -> 0")
EXPECTED[_AT:_AT + 1] = PRESERVED


def main():
    tap = Tap()
    run = boot("hcalls")
    tap.eq(run.status, CLEAN, "hcalls: system shuts down in order")
    got = run.partition_lines("HC")
    for i, want in enumerate(EXPECTED):
        tap.eq(got[i] if i < len(got) else None, want, f"hcalls: line {i + 1}: {want or '(empty)'}")
    tap.eq(len(got), len(EXPECTED), "hcalls: nothing else printed")
    tap.ok(not any("stopped" in ln for ln in run.kernel_lines()),
           "hcalls: bad arguments are errors, not faults")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
