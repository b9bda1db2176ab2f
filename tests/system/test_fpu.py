#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Lazy FPU switching: two partitions computing with the FPU while being
switched out thousands of times get bit-identical results to a partition
computing the same alone; a partition without the FPU right beside them runs
on schedule."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US


def main():
    tap = Tap()
    ref = boot("fpu-alone")
    tap.eq(ref.status, CLEAN, "fpu-alone: runs to its end")
    want = ref.partition_lines("REF")
    tap.eq(len(want), 2, "fpu-alone: both reference series computed")
    run = boot("fpu-shared")
    tap.eq(run.status, CLEAN, "fpu-shared: runs to its end")
    tap.eq(run.partition_lines("F1"), want[:1], "fpu-shared: F1's series is bit-exact")
    tap.eq(run.partition_lines("F2"), want[1:], "fpu-shared: F2's series is bit-exact")
    tap.ok(not any("stopped" in ln for ln in run.kernel_lines()), "fpu-shared: no partition stopped",
           "\n".join(run.kernel_lines()))
    spy = run.partition_lines("SPY")
    tap.eq(spy[:1], ["first FPU use sees clean registers: yes"],
           "fpu-shared: a partition's first FPU use inherits no other's registers")
    if ARCH == "x86":
        # The initial FCW and MXCSR: every x87 and SSE exception masked.
        tap.eq(spy[1:], ["fcw 37f mxcsr 1f80"],
               "fpu-shared: a partition starts with FCW 0x037f and MXCSR 0x1f80")
    check_probes(tap, run, 150 * US, {"P": (100 * US, 30 * US)}, "fpu-shared")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
