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
when all have halted, each after its last line (the kernel's count of
partitions alive). The same in smp-reset-moving.xml, where R (which asks,
on either CPU) and O move between the CPUs in every frame: each applies the
reset at its first window start after the reset's frame began, on
whichever CPU that is."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

MAJOR_FRAME = 300_000
# The offsets of each partition's windows in a frame, by system.
OFFSETS = {
    "smp-reset": {"W": {0}, "R": {0}, "O": {150_000}, "P": {150_000}},
    "smp-reset-moving": {"W": {0}, "R": {0, 150_000}, "O": {110_000, 260_000},
                         "P": {150_000}},
}
EAGAIN = -6
NORMAL, HM_MODULE_RESTART = 0, 4  # PV_START_*
START = re.compile(r"start: condition (\d+), restarts (\d+), image starts (\d+), "
                   r"frame (\d+), window (\d+)$")


def check_system(tap, system, offsets):
    run = boot(system, smp=2, timeout=300)
    tap.eq(run.status, CLEAN, f"{system}: the system shuts down when all partitions halt")
    kernel = run.kernel_lines()
    asker = "1" if system == "smp-reset" else r"\d"
    asked = [int(m.group(1)) for m in map(re.compile(
        r"health monitor: module reset from frame (\d+) \(CPU " + asker + r", frame \d+\)$").search,
        kernel) if m]
    began = {int(m.group(1)): (int(m.group(2)), int(m.group(3))) for m in map(re.compile(
        r"CPU (\d): module reset at frame (\d+), (\d+) ns$").search, kernel) if m}
    tap.eq(len(asked), 1, f"{system}: one module reset is asked, by R")
    tap.eq(sorted(began), [0, 1], f"{system}: both CPUs begin the reset")
    if len(asked) != 1 or sorted(began) != [0, 1]:
        tap.ok(False, f"{system}: the rest needs the reset's lines", "\n".join(kernel))
        return
    tap.eq(began[0], began[1], f"{system}: both CPUs begin it at the same frame, same instant")
    frame, at = began[0]
    tap.eq(frame, asked[0], f"{system}: at the frame the request names")
    r = run.partition_lines("R")
    tap.ok("still running after the reset was asked" not in r,
           f"{system}: R does not run between its request and the reset", "\n".join(r))
    for name in "WROP":
        lines = run.partition_lines(name)
        starts = [m.groups() for m in map(START.search, lines) if m]
        got = [tuple(int(x) for x in s[:3]) for s in starts]
        tap.eq(got, [(NORMAL, 0, 1), (HM_MODULE_RESTART, 1, 1)],
               f"{system}: {name} starts again once, cold, as the reset restarts it")
        if len(starts) == 2:
            fs, ws = int(starts[1][3]), int(starts[1][4])
            tap.ok(fs >= at and (fs - at) % MAJOR_FRAME == 0 and ws - fs in offsets[name],
                   f"{system}: {name} starts again in a window of its own on the reset's "
                   "frame grid", f"frame {fs}, window {ws}, reset at {at}")
        tap.ok(f"partition {name}: cold restart 1" in kernel,
               f"{system}: the kernel says '{name}: cold restart 1'")
        tap.ok(lines[-1:] == ["done"],
               f"{system}: {name} runs to its end before the system does", "\n".join(lines))
    tap.ok("before: 1 queued; reset" in r, f"{system}: W's first message waits in the queue")
    tap.ok(f"first read: queuing {EAGAIN} '', sampling {EAGAIN} ''" in r,
           f"{system}: both channels are empty after the reset", "\n".join(r))
    tap.ok("later read: queuing 11 'new-queued', sampling 11 'new-sample'" in r,
           f"{system}: W's messages written after the reset arrive", "\n".join(r))


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_reset is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    for system, offsets in OFFSETS.items():
        check_system(tap, system, offsets)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
