#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The null hypercall (PV_HC_IRQ_SYNC with nothing to deliver), served by
each arch's trap entry when it can (docs/performance.md, "Fast paths"):
one kernel entry counted per call, PV_OK, the binding's preserved
registers kept, and a deliverable line or an expiring timer never
swallowed; masking and enabling enter the kernel only to deliver a line
that is pending and unmasked; on RISC-V, timer upcalls in the middle of
code that holds a pattern in every register leave each as it was."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN

CHECKS = [
    "a null hypercall returns 0 and counts one kernel entry",
    {"x86": "a null hypercall keeps DF",
     "sparc": "a null hypercall keeps %o1-%o5, %g1-%g7 and icc",
     "riscv": "a null hypercall keeps a1-a7 and t0-t6"}[ARCH],
    "with upcalls disabled the line waits",
    "a deliverable line is delivered before irq_sync returns",
    "masking and enabling with nothing pending enter no kernel",
    "enabling with only a masked line pending enters no kernel",
    "restoring a disabled level with a line deliverable enters no kernel",
    "enabling with an unmasked line pending enters the kernel and delivers it once",
    "a timer expires in a loop of null hypercalls",
] + (["a null hypercall with sp and gp 0 or in the kernel returns 0, both kept",
      "upcalls in the middle of code keep x1 and x6-x31"]
     if ARCH == "riscv" else [])


def main():
    tap = Tap()
    run = boot("nullhc")
    tap.eq(run.status, CLEAN, "nullhc: the system shuts down in order")
    lines = run.partition_lines("N")
    tap.checks(lines, CHECKS, "nullhc")
    tap.ok(lines and lines[-1] == "done", "nullhc: ran to its end", "\n".join(lines[-5:]))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
