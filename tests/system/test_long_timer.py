#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""One-shot timers 3 to 9 seconds away in a 30 s window
(tests/system/parts/longtimer.c): each fires once, at its deadline, both
those one hardware count reaches and those the kernel serves by waking up
early and re-arming (x86: a local APIC count of 2^32 ticks)."""
import sys
from sysrun import Tap, boot, CLEAN

DELAYS_MS = [3000, 4200, 6500, 9000]


def main():
    tap = Tap()
    run = boot("long-timer")
    tap.eq(run.status, CLEAN, "long-timer: the system shuts down in order")
    lines = run.partition_lines("L")
    for ms in DELAYS_MS:
        got = [ln for ln in lines if ln.startswith(f"check {ms} ms:")]
        tap.eq(got, [f"check {ms} ms: ok"], f"long-timer: a one-shot timer {ms} ms away fires once, on time")
    tap.ok(lines and lines[-1] == "done", "long-timer: ran to its end", "\n".join(lines[-5:]))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
