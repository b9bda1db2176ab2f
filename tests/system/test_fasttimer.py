#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 and RISC-V: the timer interrupt fast path (x86: kernel/arch/x86/
entry.S, timer_entry; RISC-V: kernel/arch/riscv/timer_fast.c) with the
partition in a hostile state when its wall-clock timer fires
(tests/system/parts/fasttimer.c): every register a pattern (x86: also DF
set, null and odd data segments), the upcall frame at the first and the
last bytes of an area between two others. The upcall comes by the fast
path once the area is the remembered one, carries the interrupted state
and gives all of it back; a periodic timer keeps one expiration per upcall
on its grid, and one whose period is no whole number of RISC-V's 100 ns
counts has no upcall before its deadline. A stack pointer in the control
page, and a frame across the end of the area into the next one, stop
exactly their partition, as the full entry does. Not SPARC: its fast path
serves only one-shot timers and has its own tests (test_sparc_traps)."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN

CHECKS = [
    "frame at the first bytes of B, hostile state: every register kept",
    "frame at the first bytes of B: the fast path from the second upcall on",
    "frame at the last bytes of B, hostile state: every register kept",
    "frame at the last bytes of B: the fast path",
    "an odd stack pointer: the frame aligned below it, every register kept",
    "upcall_return of a frame one word across the end of B -> PV_EFAULT",
    "upcall_return of a frame one word below the start of B -> PV_EFAULT",
    "periodic: one expiration counted per upcall",
    "periodic: every upcall after the first at its deadline, by the fast path",
    "periodic: no tick lost or added",
    "periodic, 5,050 ns: one expiration counted per upcall",
    "periodic, 5,050 ns: no upcall before its deadline",
    "periodic, 5,050 ns: no tick lost or added",
    "every upcall ran with irq_level 1, as delivery sets it",
]
STOP = "upcall frame does not fit on the partition's stack"


def main():
    tap = Tap()
    if ARCH not in ("x86", "riscv"):
        tap.ok(False, "fasttimer: run on %s; it is for x86 and RISC-V (tests/tests.mk)" % ARCH)
        return tap.done()
    run = boot("fasttimer", timeout=300)
    tap.ok("PANIC" not in run.output, "fasttimer: no kernel panic", run.output[-2000:])
    tap.eq(run.status, CLEAN, "fasttimer: the system shuts down after all partitions end")
    lines = run.partition_lines("F")
    tap.checks(lines, CHECKS, "fasttimer")
    tap.ok(lines and lines[-1] == "done", "fasttimer: F ran to its end", "\n".join(lines[-5:]))
    stopped = run.stopped_partitions()
    for name, what in (("J4", "stack pointer in the control page"),
                       ("J5", "frame across the end of B into C")):
        tap.eq(run.partition_lines(name), [what], f"fasttimer: {name} got no further than '{what}'")
        tap.eq(stopped.get(name), STOP, f"fasttimer: {name} is stopped")
    tap.eq(sorted(stopped), ["J4", "J5"], "fasttimer: nobody else is stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
