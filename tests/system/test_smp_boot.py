#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20's first stage: the kernel starts the other CPUs
of a system with cpus="2" or "4" (QEMU -smp 2 / -smp 4), each on its own
stack, and each one's local APIC timer then interrupts at every major-frame
start, while CPU 0 runs the schedule of tests/system/systems/sched.xml as a
one-CPU system does (the same checks as test_schedule.py). Under -icount
QEMU runs the CPUs round-robin on one thread: two runs print the same lines
but for a few numbers. QEMU 7.2 is not exactly deterministic here: when
the idle AP's timer wakes it, its turn can come a few hundred instructions
earlier or later from run to run (seen: the AP's lateness 72 or 782 ns, a
probe's shortest period 300000 or 299998 ns), so the numbers are held to
bounds, not to exact values.
Without -icount every CPU has a host thread of its own: the system still
runs to its end. A machine with fewer CPUs than the system is refused at
boot. (Windows on CPU 1 run: test_smp.py.)"""
import re
import sys
from sysrun import ARCH, Tap, boot, probe_results, CLEAN, FAILED
from test_schedule import check_probes, US

FRAMES = 1000
SCHED = {"P1": (0, 100 * US), "P2": (100 * US, 80 * US, 0), "P3": (200 * US, 60 * US, 0)}
BLOCK = 16384  # X86_CPU_BLOCK: each AP's stack and state, aligned to its size
# The latest an AP's timer interrupt may come after a frame start under
# -icount, where the CPUs share one thread round-robin (the measured
# figures are in docs/performance.md, "Multicore").

UP_RE = re.compile(r"CPU (\d+) up: local APIC id (\d+), stack ([0-9a-f]{8})$")
REPORT_RE = re.compile(r"CPU (\d+): (\d+) frame starts, the timer (\d+)\.\.(\d+) ns after one$")


def check_cpus(tap, run, cpus, name, icount=True):
    kernel = run.kernel_lines()
    ups = [UP_RE.match(ln) for ln in kernel]
    ups = [(int(m.group(1)), int(m.group(2)), int(m.group(3), 16)) for m in ups if m]
    tap.eq([(c, a) for c, a, _ in ups], [(i, i) for i in range(1, cpus)],
           f"{name}: CPUs 1 to {cpus - 1} came up, each with its local APIC id")
    stacks = [s for _, _, s in ups]
    tap.ok(len(set(stacks)) == len(stacks) and all(s % BLOCK == 0 for s in stacks),
           f"{name}: each CPU has a stack block of its own, aligned to its size",
           repr([hex(s) for s in stacks]))
    reports = [REPORT_RE.match(ln) for ln in kernel]
    reports = {int(m.group(1)): (int(m.group(2)), int(m.group(4))) for m in reports if m}
    tap.eq(sorted(reports), list(range(1, cpus)), f"{name}: every CPU's timer is reported")
    for cpu, (frames, late) in sorted(reports.items()):
        if icount:
            # The probes saw 1000 whole windows after waiting for a fresh one:
            # the run lasted 1001 or 1002 frames.
            tap.ok(FRAMES <= frames <= FRAMES + 2,
                   f"{name}: CPU {cpu}'s timer took every frame start", f"{frames} frame starts")
            # How late is not asserted: with several CPUs QEMU's round robin
            # under -icount is not repeatable (its I/O thread races the CPU
            # thread: docs/testing.md, "Multicore under -icount"), so the
            # lateness depends on the host's load (72 ns to 90 us seen);
            # make bench reports it.
            print(f"# {name}: CPU {cpu}'s timer at most {late} ns after a frame start")
        else:
            tap.ok(frames > 0, f"{name}: CPU {cpu}'s timer ran (no -icount)",
                   f"{frames} frame starts")


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_boot is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    first = None
    for cpus in (2, 4):
        name = f"smp{cpus}"
        run = boot(name, smp=cpus)
        tap.eq(run.status, CLEAN, f"{name} on -smp {cpus}: system shuts down when all "
               "partitions halt")
        check_probes(tap, run, 300 * US, SCHED, name)
        check_cpus(tap, run, cpus, name)
        if first is None:
            first = run.output
    again = boot("smp2", smp=2)
    tap.eq(re.sub(r"\d+", "N", again.output), re.sub(r"\d+", "N", first),
           "smp2: two runs under -icount print the same lines, numbers aside")

    run = boot("smp4", smp=4, icount=False)
    tap.eq(run.status, CLEAN, "smp4 on -smp 4 without -icount (a host thread per CPU): "
           "system shuts down when all partitions halt")
    res = probe_results(run)
    tap.eq(sorted((n, r["windows"]) for n, r in res.items()),
           [(n, FRAMES) for n in sorted(SCHED)], "smp4 without -icount: every probe saw "
           f"{FRAMES} windows")
    check_cpus(tap, run, 4, "smp4 without -icount", icount=False)

    run = boot("smp4", smp=2)
    tap.eq(run.status, FAILED, "smp4 on -smp 2: the kernel refuses to boot")
    tap.ok("PANIC: CPU 2 (local APIC id 2) did not start: the machine has fewer CPUs"
           in run.kernel_lines(), "smp4 on -smp 2: says which CPU is missing",
           run.output[-1500:])
    tap.ok(not run.partition_lines("P1"), "smp4 on -smp 2: no partition ran")

    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
