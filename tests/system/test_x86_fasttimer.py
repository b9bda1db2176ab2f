#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 only: the timer interrupt fast path (kernel/arch/x86/entry.S,
timer_entry) with the partition in a hostile state when its wall-clock
timer fires (tests/system/parts/fasttimer.c): DF set, null and odd data
segments, every register a pattern, the upcall frame at the first and the
last bytes of an area between two others. The upcall comes by the fast
path once the area is the remembered one, carries the interrupted state
and gives all of it back; a periodic timer keeps one expiration per upcall
on its grid. A stack pointer in the control page, and a frame one word
across the end of the area into the next one, stop exactly their
partition, as the full entry does."""
import sys
from sysrun import Tap, boot, CLEAN

CHECKS = [
    "frame at the first bytes of B, hostile state: every register, flag and segment kept",
    "frame at the first bytes of B: the fast path from the second upcall on",
    "frame at the last bytes of B, hostile state: every register, flag and segment kept",
    "frame at the last bytes of B: the fast path",
    "periodic: one expiration counted per upcall",
    "periodic: every upcall after the first at its deadline, by the fast path",
    "periodic: no tick lost or added",
]
STOP = "upcall frame does not fit on the partition's stack"


def main():
    tap = Tap()
    run = boot("x86-fasttimer", timeout=300)
    tap.ok("PANIC" not in run.output, "x86-fasttimer: no kernel panic", run.output[-2000:])
    tap.eq(run.status, CLEAN, "x86-fasttimer: the system shuts down after all partitions end")
    lines = run.partition_lines("F")
    for name in CHECKS:
        got = [ln for ln in lines if ln.startswith(f"check {name}:")]
        tap.eq(got, [f"check {name}: ok"], f"x86-fasttimer: {name}")
    tap.ok(lines and lines[-1] == "done", "x86-fasttimer: F ran to its end", "\n".join(lines[-5:]))
    stopped = run.stopped_partitions()
    for name, what in (("J4", "esp in the control page"),
                       ("J5", "frame across the end of B into C")):
        tap.eq(run.partition_lines(name), [what], f"x86-fasttimer: {name} got no further than '{what}'")
        tap.eq(stopped.get(name), STOP, f"x86-fasttimer: {name} is stopped")
    tap.eq(sorted(stopped), ["J4", "J5"], "x86-fasttimer: nobody else is stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
