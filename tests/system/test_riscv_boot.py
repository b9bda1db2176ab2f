#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""RISC-V only: the kernel's own M-mode start. It refuses a machine with
less RAM than the configuration uses (the device tree's /memory), boots
one with more, and stops with a message on a hart without Sstc (S-mode's
timer) rather than hanging; the kernel says it runs in S-mode."""
import sys
from sysrun import ARCH, Tap, boot, run_on_machine, CLEAN


def main():
    tap = Tap()
    if ARCH != "riscv":
        tap.ok(False, f"test_riscv_boot runs on riscv only, not {ARCH}")
        return tap.done()
    run = boot("hcalls")
    tap.eq(run.status, CLEAN, "hcalls boots and shuts down in order")
    tap.ok("[tessera] Tessera separation kernel (riscv64, S-mode)" in run.lines,
           "the kernel says it runs in S-mode", run.output[:400])
    rc, out = run_on_machine("hcalls", memory="32M")
    tap.ok("[tessera] PANIC: RAM: the configuration uses 128 MiB, the machine has 32 MiB" in out,
           "32 MiB of RAM for a 128 MiB configuration is refused at boot", out[-400:])
    tap.ok(rc != 0 and "[HC]" not in out, "... before any partition runs", f"rc={rc}\n{out[-400:]}")
    rc, out = run_on_machine("hcalls", memory="256M")
    tap.ok(rc == 0 and "[HC] time with registers to preserve -> 0" in out,
           "256 MiB of RAM for a 128 MiB configuration boots", f"rc={rc}\n{out[-400:]}")
    rc, out = run_on_machine("hcalls", cpu="rv64,sstc=false")
    tap.ok("the hart has no Sstc (stimecmp): S-mode would have no timer" in out and rc != 0,
           "a hart without Sstc is refused with a message", f"rc={rc}\n{out[-400:]}")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
