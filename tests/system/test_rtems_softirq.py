#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Software interrupts raised in the partition (tessera_interrupt_raise,
docs/pv-api.md "Software interrupts"): the RTEMS program of
tests/system/rtems/softirq checks, from its handlers' log, that a raised
line runs at once when interrupts are enabled, at the enable (interrupt API,
flash, task mode) when they are not, after the handler that raised it and
never nested in it, once however often raised, lowest line first, with the
dispatch an interrupt ends with, at the end of a kernel-raised interrupt
(the tick's timer routine), and without entering the kernel; that lines
nothing caught are refused."""
import re
import sys
from sysrun import Tap, boot, CLEAN

CHECKS = [
    "enabled: runs before the raise returns",
    "enabled: the handler runs in interrupt context",
    "raised from a handler: runs after it, not nested",
    "a handler raises its own line: runs again after it",
    "dispatch: the woken higher task runs when the interrupt ends",
    "disabled: nothing runs",
    "disabled: at the enable, once each, lowest line first",
    "flash: runs at the flash, the task after it",
    "task mode level 1: nothing runs",
    "task mode level 0: runs at the mode change",
    "raised in the tick's interrupt: runs at its end",
    "the timer routine ran in interrupt context",
    "refused: a line nothing caught",
    "refused: the tick's line",
    "refused: past the lines",
    "no kernel entry for a raise",
]


def main():
    tap = Tap()
    run = boot("rtems-softirq", timeout=300)
    tap.eq(run.status, CLEAN, "rtems-softirq: the system ends in order")
    lines = run.partition_lines("SOFTIRQ")
    got = {}
    for ln in lines:
        m = re.match(r"check (.*): (ok|FAIL.*)$", ln)
        if m:
            got[m.group(1)] = m.group(2)
    for name in CHECKS:
        tap.eq(got.get(name), "ok", f"rtems-softirq: {name}")
    tap.eq(sorted(set(got) - set(CHECKS)), [], "rtems-softirq: no check the test does not know")
    tap.ok("softirq: done, 0 failed" in lines, "rtems-softirq: the program ran to its end",
           "\n".join(lines))
    tap.ok("partition SOFTIRQ halted" in run.kernel_lines(),
           "rtems-softirq: it halted itself, no fault", "\n".join(run.kernel_lines()))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
