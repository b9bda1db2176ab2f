#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""ARINC 653 partition modes: COLD_START at boot, NORMAL on request, a warm
restart keeps initialised data, a cold restart resets it, IDLE halts; the
start condition and restart count are visible; invalid transitions are
refused."""
import sys
from sysrun import Tap, boot, CLEAN

EINVAL, ESTATE = -3, -8


def main():
    tap = Tap()
    run = boot("modes")
    tap.eq(run.status, CLEAN, "modes: system shuts down in order")
    tap.eq(run.partition_lines("M"), [
        "boot: mode 1 start 0 restarts 0 value 5",
        f"warm start while cold -> {ESTATE}",
        "normal -> 0",
        "normal: mode 3 start 0 restarts 0 value 7",
        f"normal again -> {ESTATE}",
        f"unknown mode -> {EINVAL}",
        "after warm start: mode 2 start 1 restarts 1 value 7",
        "after cold start: mode 1 start 1 restarts 2 value 5",
    ], "modes: cold start, normal, warm restart keeps data, cold restart resets it")
    k = run.kernel_lines()
    for want in ("partition M: warm restart 1", "partition M: cold restart 2", "partition M halted"):
        tap.ok(want in k, f"modes: kernel reports '{want}'", "\n".join(k))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
