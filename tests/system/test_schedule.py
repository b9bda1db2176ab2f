#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Temporal partitioning, measured from inside the partitions under -icount
(1 instruction = 1 ns): windows come in the configured order with the
configured lengths, over 1000 major frames, with zero drift; a partition
that never yields still loses the CPU at each of its window ends."""
import sys
from sysrun import ARCH, Tap, boot, probe_results, CLEAN

US = 1000
# A window start is seen within one probe loop iteration: on x86 the clock
# is read with rdtsc, on SPARC with the kernel's trap-table clock trap
# (ta 0x43; the 2 us allowance dates from when it was a hypercall of about a
# microsecond); on RISC-V with rdtime,
# whose mtime ticks every 100 ns on QEMU virt.
JITTER = {"x86": 1 * US, "sparc": 2 * US, "riscv": 1 * US}[ARCH]
LEN_SLACK = 3 * US     # entry latency + two loop iterations
FRAMES = 1000
# The guard time G, both arches' default (config/src/arch.c): a partition
# stops running G before the next window of another partition (less the
# idle time between them), so that window starts from the idle loop.
GUARD = 10 * US


def check_probes(tap, run, maf, windows, sysname):
    """windows: {partition: (offset_ns, duration_ns[, guard band])}; the
    band, how much of the window the partition does not run, is GUARD
    unless given (0 when the next window is G or more later)."""
    res = probe_results(run)
    base_name = min(windows, key=lambda p: windows[p][0])
    for name, spec in sorted(windows.items()):
        offset, duration = spec[:2]
        usable = duration - (spec[2] if len(spec) > 2 else GUARD)
        r = res.get(name)
        if not tap.ok(r is not None, f"{sysname}: probe {name} reported", run.output[-3000:]):
            continue
        tap.eq(r["windows"], FRAMES, f"{sysname}: {name} saw {FRAMES} windows")
        tap.ok(maf - JITTER <= r["period_min"] and r["period_max"] <= maf + JITTER,
               f"{sysname}: {name} window period is the major frame",
               f"period {r['period_min']}..{r['period_max']}, major frame {maf}")
        drift = r["last"] - r["first"] - FRAMES * maf
        tap.ok(abs(drift) <= JITTER, f"{sysname}: {name} zero drift over {FRAMES} frames",
               f"drift {drift} ns")
        tap.ok(usable - LEN_SLACK <= r["len_min"] and r["len_max"] <= usable,
               f"{sysname}: {name} window length is its duration less its guard band",
               f"length {r['len_min']}..{r['len_max']}, duration {duration}, "
               f"usable {usable}")
        if name != base_name and base_name in res:
            seen = (r["first"] - res[base_name]["first"]) % maf
            want = offset - windows[base_name][0]
            tap.ok(abs(seen - want) <= JITTER, f"{sysname}: {name} starts at its offset",
                   f"starts {seen} ns after {base_name}, configured {want}")


def main():
    tap = Tap()
    run = boot("sched")
    tap.eq(run.status, CLEAN, "sched: system shuts down when all partitions halt")
    check_probes(tap, run, 300 * US,
                 {"P1": (0, 100 * US), "P2": (100 * US, 80 * US, 0), "P3": (200 * US, 60 * US, 0)},
                 "sched")
    order = [ln.split("]")[0][1:] for ln in run.lines if " running" in ln]
    tap.eq(order, ["P1", "P2", "P3"], "sched: partitions first run in window order")

    run = boot("spin")
    tap.eq(run.status, CLEAN, "spin: system shuts down when all partitions halt")
    check_probes(tap, run, 300 * US, {"P2": (100 * US, 100 * US), "P3": (200 * US, 100 * US)},
                 "spin")
    tap.eq(run.partition_lines("SPIN"), ["spinner 1 spinning", "spinner 1 done"],
           "spin: the spinner ran to its end")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
