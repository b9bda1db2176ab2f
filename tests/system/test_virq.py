#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Virtual interrupts, virtual timers and the shared control page, checked
from inside partition V (tests/system/parts/virq.c) under -icount, while
probe O next to it must keep its schedule exactly."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US

CHECKS = [
    "shared id", "clock agrees with the kernel", "counter_valid as documented",
    "clock conversion exact beyond 32 bits",
    "one-shot fires once", "one-shot on time",
    "disabled stays pending", "enabling delivers at once", "masked line stays pending",
    "unmasking delivers at once", "periodic: 8 expirations", "periodic: each on its own deadline",
    "disarmed timer stays quiet", "expiry outside the window waits for the next one",
    "and comes at that window's start", "missed periods are counted",
    "a hypercall leaves the execution clock's base alone",
    "execution-time timer fires on execution time", "and not on wall time",
    "idle returns at the interrupt", "idle with a line pending returns at once",
    "and enabling then delivers it", "an enabled handler can be interrupted",
    "a handler's PV_HC_UPCALL_RETURN resumes the interrupted code",
    "a line raised in a handler is delivered at its return",
]
# x86: the interrupted code's flags, set and clear, through either return.
X86_CHECKS = ["flags kept by the upcall return", "flags kept by PV_HC_UPCALL_RETURN"]
EINVAL, EFAULT, EPERM, ENOENT = -3, -2, -4, -5
RESULTS = [
    f"timer unknown clock -> {EINVAL}",
    f"timer period too short -> {EINVAL}",
    f"timer period without deadline -> {EINVAL}",
    f"timer deadline too far -> {EINVAL}",
    "timer disarm -> 0",
    f"upcall into data -> {EFAULT}",
    f"upcall into kernel -> {EFAULT}",
    f"upcall return bad frame -> {EFAULT}",
    f"upcall return frame across its area's end -> {EFAULT}",
    "status self -> 0",
    "status: id 10 state 0 restarts 0 flags 0",
    f"status other (application) -> {EPERM}",
    f"status unknown -> {ENOENT}",
    f"status to kernel -> {EFAULT}",
    f"control (application) -> {EPERM}",
]


def main():
    tap = Tap()
    run = boot("virq")
    tap.eq(run.status, CLEAN, "virq: system shuts down in order")
    lines = run.partition_lines("V")
    tap.checks(lines, CHECKS + (X86_CHECKS if ARCH == "x86" else []), "virq")
    for want in RESULTS:
        tap.ok(want in lines, f"virq: {want}", "\n".join(lines[-20:]))
    tap.ok("partition V stopped: upcall frame does not fit on the partition's stack"
           in run.kernel_lines(), "virq: an upcall with no stack stops the partition",
           "\n".join(run.kernel_lines()))
    check_probes(tap, run, 300 * US, {"O": (200 * US, 100 * US)}, "virq")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
