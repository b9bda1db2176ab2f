#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The ABI version check of the pv port (docs/pv-api.md, "ABI version"): an
RTEMS program whose port was built for another version stops at its start
with a message naming both versions, before the executive runs; the same
program built for the kernel's version runs beside it."""
import os
import re
import sys
from sysrun import Tap, boot, CLEAN

ABI_H = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     "pv", "include", "pv", "shared.h")


def kernel_version():
    with open(ABI_H) as f:
        return int(re.search(r"#define PV_ABI_VERSION (\d+)u", f.read()).group(1))


def main():
    tap = Tap()
    run = boot("rtems-abi", timeout=300)
    tap.eq(run.status, CLEAN, "rtems-abi: the system ends in order")
    version = kernel_version()
    old = run.partition_lines("OLDABI")
    tap.eq(old, [f"pv port: ABI version mismatch: kernel {version}, "
                 f"partition built for {version + 1}; halted"],
           "rtems-abi: the port built for another version says so and nothing else")
    hello = run.partition_lines("HELLO01")
    tap.ok("*** BEGIN OF HELLO01 ***" in hello and "*** END OF HELLO01 ***" in hello,
           "rtems-abi: the same program on the matching port runs to its end", "\n".join(hello))
    about = [ln for ln in run.kernel_lines() if "OLDABI" in ln]
    tap.eq(about, ["partition OLDABI halted"], "rtems-abi: OLDABI halted itself, no fault")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
