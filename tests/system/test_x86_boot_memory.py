#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 only: a machine with less RAM than the system uses is refused at
boot, before any partition runs, with both figures in KiB (the boot
loader's count of RAM above 1 MiB plus that first MiB); one with enough
boots (tests/system/systems: hcalls, whose areas end at 16,960 KiB)."""
import sys
from sysrun import ARCH, Tap, run_on_machine


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_x86_boot_memory runs on x86 only, not {ARCH}")
        return tap.done()
    rc, out = run_on_machine("hcalls", memory="16M")
    tap.ok("[tessera] PANIC: the system uses memory up to 16960 KiB, the machine has 16384 KiB"
           in out, "16 MiB of RAM for a system that uses 16,960 KiB is refused, both figures exact",
           out[-400:])
    tap.ok(rc != 0 and "[HC]" not in out, "... before any partition runs", f"rc={rc}\n{out[-400:]}")
    rc, out = run_on_machine("hcalls", memory="17M")
    tap.ok("PANIC" not in out and "all partitions have halted; shutting down" in out,
           "17 MiB boots and runs the system to its end",
           f"rc={rc}\n{out[-400:]}")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
