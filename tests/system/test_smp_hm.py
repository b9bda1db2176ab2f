#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: health-monitor actions for partitions on CPU 1
(docs/architecture.md, "Multicore"; parts/hm.c's roles, as test_hm.py's
hm-actions and hm-module-halt). In smp-hm.xml A21 (ignore), A23 (halt) and
A24 (cold restart, at most 2) raise application errors on CPU 1 while the
observer O runs on CPU 0: ignore lets A21 carry on, halt stops A23 at the
error, A24 starts again cold twice and the restart limit stops it, each
reported by the kernel; O sees every one of its windows, one major frame
apart; the system ends in order when all have halted. In smp-hm-halt.xml F,
on CPU 1, raises an error whose module action is halt-module: the whole
machine stops with the kernel's code 2, not in order."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

START_HM_PARTITION = 3  # PV_START_HM_PARTITION_RESTART
MAJOR_FRAME = 400_000
OBSERVED_FRAMES = 24    # parts/hm.c


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_hm is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("smp-hm", smp=2, timeout=300)
    tap.eq(run.status, CLEAN, "smp-hm: the system shuts down in order")
    k = run.kernel_lines()
    tap.eq(run.partition_lines("A21"), ["boot: restarts=0 start=0 boots=1", "ignored=2",
                                        "carried on"],
           "smp-hm: ignore on CPU 1 counts the errors and lets the partition carry on")
    tap.eq(run.partition_lines("A23"), ["boot: restarts=0 start=0 boots=1"],
           "smp-hm: halt on CPU 1 stops the partition at the error")
    tap.eq(run.partition_lines("A24"), ["boot: restarts=0 start=0 boots=1",
                                        f"boot: restarts=1 start={START_HM_PARTITION} boots=1",
                                        f"boot: restarts=2 start={START_HM_PARTITION} boots=1"],
           "smp-hm: cold restart on CPU 1 resets data, twice, then the limit stops it")
    for line in ("hm: partition A23: application-error -> halt",
                 "partition A23 stopped: health monitor: application-error",
                 "partition A24: cold restart 1", "partition A24: cold restart 2",
                 "hm: partition A24: restart-loop -> halt",
                 "partition A24 stopped: health monitor: restart-loop"):
        tap.ok(line in k, f"smp-hm: the kernel says '{line}'", "\n".join(k))
    starts = [int(m.group(1)) for m in map(re.compile(r"observer: window 0 at (\d+), plan 0$").match,
                                           run.partition_lines("O")) if m]
    tap.ok(len(starts) == OBSERVED_FRAMES and
           all(b - a == MAJOR_FRAME for a, b in zip(starts, starts[1:])),
           "smp-hm: O on CPU 0 sees each of its windows, one major frame apart",
           f"{len(starts)} windows: {starts[:4]}")

    run = boot("smp-hm-halt", smp=2, timeout=300)
    tap.eq((run.status, run.code), ("failed", 2),
           "smp-hm-halt: halt-module on CPU 1 stops the machine, not in order")
    tap.eq(run.partition_lines("F"), ["boot: start=0"], "smp-hm-halt: F on CPU 1 raised the error")
    tap.ok("health monitor: module halted" in run.kernel_lines(),
           "smp-hm-halt: the kernel says the module halted", "\n".join(run.kernel_lines()))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
