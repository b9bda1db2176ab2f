#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 and SPARC: a fault that a partition handles itself (health-monitor
action propagate, its HM upcall handler resuming it past the faulting
instruction) keeps its FPU state: every FPU register (SPARC %f0-%f31 and
%fsr; x86 ST0-7, XMM0-7, FCW, FSW, FTW, MXCSR) holds the pattern loaded
before the fault, whether checked at once, after another FPU partition's
window (the switch saving and reloading it), or with the fault taken while
the other partition holds the FPU; the other partition's own pattern
survives too. The kernel may forget a partition's FPU state only when it
stops (fault() in kernel/arch/sparc/trap.c, other_trap() in
kernel/arch/x86/trap.c)."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

ROUNDS = 2  # of each fault kind in each case (fpu_fault.c)
G_ROUNDS = 64
# (what the partition calls the fault, its health-monitor error), in its order
FAULTS = [("illegal instruction", "illegal-instruction"),
          ("unmapped load", "memory-violation"),
          ("division by zero", "divide-error")]
if ARCH == "sparc":
    FAULTS.append(("misaligned load", "misaligned-access"))
WHEN = ["checked at once", "other partition's window next", "other partition holding the FPU"]


def main():
    tap = Tap()
    if ARCH not in ("x86", "sparc"):
        print("1..0 # SKIP x86 and SPARC only")
        return 0
    run = boot("fpu-fault")
    tap.eq(run.status, CLEAN, "fpu-fault: system shuts down after both partitions end")
    lines = run.partition_lines("F")
    per_kind = len(WHEN) * ROUNDS
    for what, error in FAULTS:
        for when in WHEN:
            got = [ln for ln in lines if ln.startswith(f"{what}, {when}:")]
            tap.eq(got, [f"{what}, {when}: every register kept"],
                   f"fpu-fault: after a propagated {what}, {when}: every FPU register as "
                   f"loaded, {ROUNDS} rounds")
    tap.eq(lines[len(FAULTS) * len(WHEN):],
           [f"handler: {per_kind} {error}, synchronous at the faulting pc" for _, error in FAULTS],
           "fpu-fault: every fault reached F's handler, synchronous, at its pc; F printed "
           "nothing else")
    tap.eq(run.partition_lines("G"), [f"pattern kept across {G_ROUNDS} of {G_ROUNDS} windows"],
           "fpu-fault: G's FPU pattern survived each of its windows, F's faults in between")
    kernel = run.kernel_lines()
    for _, error in FAULTS:
        n = sum(1 for ln in kernel if ln == f"hm: partition F: {error} -> propagate")
        tap.eq(n, per_kind, f"fpu-fault: the kernel propagated each {error}")
    stopped = [ln for ln in kernel if re.match(r"partition \S+ stopped", ln)]
    tap.eq(stopped, [], "fpu-fault: no partition stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
