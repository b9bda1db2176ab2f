#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: console input for a partition on CPU 1. The
boot CPU polls the UART; for an input partition it does not hold it posts
the input, and the CPU that holds the partition raises
PV_IRQ_CONSOLE_INPUT at the partition's next window start there, where it
is not running (docs/architecture.md, "Multicore"). In
tests/system/systems/smp-console.xml IN, on CPU 1, is the input partition
and busy-polls its control page (parts/conprobe.c); the boot CPU's timer
entries fall inside IN's windows. Checked: every line typed reaches IN in
order; the line is raised on IN, and only ever at a window start (a boot
CPU writing IN's control page itself raises it within IN's windows); OBS,
a system partition on CPU 0 with the line unmasked, never sees it and may
not read the console."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

EPERM = -4
LINES = ["hello", "a somewhat longer line to cross the UART FIFO of sixteen bytes", "x" * 100,
         "second to last", "quit"]


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_console is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("smp-console", smp=2, timeout=300,
               stdin_data=("\n".join(LINES) + "\n").encode())
    tap.eq(run.status, CLEAN, "smp-console: the system shuts down when both partitions halt")
    lines = run.partition_lines("IN")
    tap.eq([ln for ln in lines if ln.startswith("got: ")], [f"got: {ln}" for ln in LINES],
           "smp-console: IN (CPU 1) reads every line in order")
    counts = [tuple(map(int, m.groups())) for m in
              map(re.compile(r"raised at a window start (\d+), within a window (\d+)$").match,
                  lines) if m]
    tap.ok(counts and counts[0][0] >= 1,
           "smp-console: the console input line is raised on IN", "\n".join(lines))
    tap.ok(counts and counts[0][1] == 0,
           "smp-console: ... only at IN's window starts, never while its window runs",
           "\n".join(lines))
    obs = run.partition_lines("OBS")
    seen = [tuple(map(int, m.groups())) for m in
            map(re.compile(r"windows (\d+), console input raised here (\d+)$").match, obs) if m]
    tap.ok(seen and seen[0][0] > 0 and seen[0][1] == 0,
           "smp-console: OBS (CPU 0) never sees the console input line", "\n".join(obs))
    tap.ok(f"read by another partition -> {EPERM}" in obs,
           "smp-console: OBS may not read the console", "\n".join(obs))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
