#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 only: the kernel entry fast paths (docs/performance.md, "Fast
paths"). The null hypercall keeps every register, counts its entry, works
with null data segments and still delivers a deliverable line; a timer
expires in a loop of them. The upcall return enters the kernel only for
its trigger and restores the interrupted registers and flags; a timer that
fires at each instruction from before an upcall to after its return is
handled once (the wall clock's, served by the timer fast path, and the
execution clock's, by the full entry), and one that arrives inside the restore section reuses the
returning frame instead of nesting below it; a forged frame reached
through the section is the partition's own business, and a partition that
jumps into the section with a stack pointer outside its areas is stopped,
it alone."""
import sys
from sysrun import Tap, boot, CLEAN

CHECKS = [
    "null hypercall keeps every register and DF",
    "null hypercall counts one kernel entry",
    "null hypercall with null data segments -> 0",
    "a line raised with upcalls disabled waits",
    "irq_sync with upcalls disabled delivers nothing",
    "irq_sync with a deliverable line delivers it before it returns",
    "a timer expires in a loop of null hypercalls",
    "upcall return: the upcall ran",
    "upcall return enters the kernel only for the trigger",
    "upcall return restores every register and DF",
    "upcall return enables upcalls",
    "upcalls in the middle of code return every arithmetic flag and DF",
    "sweep: every upcall handled once, registers kept",
    "sweep: deadlines in every instruction of the return",
    "sweep: no upcall frame nested below the returning one",
    "sweep by the execution clock: every upcall handled once, registers kept",
    "sweep by the execution clock: deadlines in every instruction of the return",
    "sweep by the execution clock: no upcall frame nested below the returning one",
    "a forged frame reached through the restore section resumes, upcall delivered",
]
STOP = "upcall frame does not fit on the partition's stack"


def main():
    tap = Tap()
    run = boot("x86-fastpath", timeout=300)
    tap.eq(run.status, CLEAN, "x86-fastpath: the system shuts down after all partitions end")
    lines = run.partition_lines("F")
    tap.checks(lines, CHECKS, "x86-fastpath")
    tap.ok(lines and lines[-1] == "done", "x86-fastpath: F ran to its end", "\n".join(lines[-5:]))
    stopped = run.stopped_partitions()
    for name, esp in (("J2", "50000000"), ("J3", "00100000")):
        tap.eq(run.partition_lines(name), [f"jumping into the restore section with esp {esp}"],
               f"x86-fastpath: {name} got no further than the jump")
        tap.eq(stopped.get(name), STOP, f"x86-fastpath: {name} is stopped")
    tap.eq(sorted(stopped), ["J2", "J3"], "x86-fastpath: nobody else is stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
