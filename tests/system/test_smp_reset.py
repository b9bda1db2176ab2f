#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: a module reset with windows on two CPUs
(docs/architecture.md, "Multicore"). In tests/system/systems/smp-reset.xml
R, on CPU 1, raises an application error whose action is reset-module
(parts/rstprobe.c). Checked: both CPUs begin the reset at the same frame,
the one the request names, at the same instant; R does not run between its
request and the reset; every partition of both CPUs starts again once,
cold (start condition HM_MODULE_RESTART, one restart, its image's data
cleared: its own count of starts is 1 again), in a frame of the grid the
reset began (a whole number of major frames after it) and at its window's
offset; the queuing and the sampling channel from W (CPU 0) to R, each
holding a message W wrote before the reset, are empty at R's first read
after it, and W's messages written after it arrive whole; the system ends
when all have halted."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

MAJOR_FRAME = 300_000
OFFSET = {"W": 0, "R": 0, "O": 150_000, "P": 150_000}
EAGAIN = -6
NORMAL, HM_MODULE_RESTART = 0, 4  # PV_START_*
START = re.compile(r"start: condition (\d+), restarts (\d+), image starts (\d+), "
                   r"frame (\d+), window (\d+)$")


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_reset is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("smp-reset", smp=2, timeout=300)
    tap.eq(run.status, CLEAN, "smp-reset: the system shuts down when all partitions halt")
    kernel = run.kernel_lines()
    asked = [int(m.group(1)) for m in map(re.compile(
        r"health monitor: module reset from frame (\d+) \(CPU 1, frame \d+\)$").search, kernel) if m]
    began = {int(m.group(1)): (int(m.group(2)), int(m.group(3))) for m in map(re.compile(
        r"CPU (\d): module reset at frame (\d+), (\d+) ns$").search, kernel) if m}
    tap.eq(len(asked), 1, "smp-reset: one module reset is asked, on CPU 1")
    tap.eq(sorted(began), [0, 1], "smp-reset: both CPUs begin the reset")
    if len(asked) != 1 or sorted(began) != [0, 1]:
        tap.ok(False, "smp-reset: the rest needs the reset's lines", "\n".join(kernel))
        return tap.done()
    tap.eq(began[0], began[1], "smp-reset: both CPUs begin it at the same frame, same instant")
    frame, at = began[0]
    tap.eq(frame, asked[0], "smp-reset: at the frame the request names")
    r = run.partition_lines("R")
    tap.ok("still running after the reset was asked" not in r,
           "smp-reset: R does not run between its request and the reset", "\n".join(r))
    for name in "WROP":
        starts = [m.groups() for m in map(START.search, run.partition_lines(name)) if m]
        got = [tuple(int(x) for x in s[:3]) for s in starts]
        tap.eq(got, [(NORMAL, 0, 1), (HM_MODULE_RESTART, 1, 1)],
               f"smp-reset: {name} starts again once, cold, as the reset restarts it")
        if len(starts) == 2:
            fs, ws = int(starts[1][3]), int(starts[1][4])
            tap.ok(fs >= at and (fs - at) % MAJOR_FRAME == 0 and ws - fs == OFFSET[name],
                   f"smp-reset: {name} starts again in a window on the reset's frame grid",
                   f"frame {fs}, window {ws}, reset at {at}")
        tap.ok(f"partition {name}: cold restart 1" in kernel,
               f"smp-reset: the kernel says '{name}: cold restart 1'")
    tap.ok("before: 1 queued; reset" in r, "smp-reset: W's first message waits in the queue")
    tap.ok(f"first read: queuing {EAGAIN} '', sampling {EAGAIN} ''" in r,
           "smp-reset: both channels are empty after the reset", "\n".join(r))
    tap.ok("later read: queuing 11 'new-queued', sampling 11 'new-sample'" in r,
           "smp-reset: W's messages written after the reset arrive", "\n".join(r))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
