#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Three RTEMS instances in one system keep independent clocks, tasks and
output; when one of them faults, the other two print exactly what they
print when it does not, and only the faulting one is stopped."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN


def main():
    tap = Tap()
    ok_run = boot("trio", timeout=300)
    bad_run = boot("trio-fault", timeout=300)
    tap.eq(ok_run.status, CLEAN, "trio: all three instances end")
    tap.eq(bad_run.status, CLEAN, "trio-fault: the system still ends in order")
    for part, tick_us in (("NAV", 1000), ("FUEL", 10000), ("CABIN", 2000)):
        lines = ok_run.partition_lines(part)
        tap.ok(lines[:1] == [f"{part}: RTEMS Classic API on Tessera, tick {tick_us} us"],
               f"trio: {part} runs with its own tick of {tick_us} us", "\n".join(lines[:3]))
        tap.ok(lines[-1:] and lines[-1].startswith(f"{part} done after"),
               f"trio: {part} ran to its end", "\n".join(lines[-3:]))
    for part in ("NAV", "FUEL"):
        tap.eq(bad_run.partition_lines(part), ok_run.partition_lines(part),
               f"trio-fault: {part}'s output is identical to the run without the fault")
    crash = bad_run.partition_lines("CABIN")
    tap.ok("CRASH: writing through a null pointer" in crash and "CRASH: survived" not in crash,
           "trio-fault: the faulting instance got as far as its fault", "\n".join(crash))
    stopped = [ln for ln in bad_run.kernel_lines() if " stopped: " in ln]
    tap.eq(len(stopped), 1, "trio-fault: exactly one partition was stopped")
    # The arch's own name for the trap (docs/pv-api.md maps both to memory-violation).
    # RISC-V's store page fault says it is a write and gives the address
    # as the trap's tval.
    trap = {"x86": "#PF page fault", "sparc": "data access exception",
            "riscv": "store page fault"}[ARCH]
    address = "tval=0" if ARCH == "riscv" else "write of 00000000"
    tap.ok(stopped[:1] and stopped[0].startswith(f"partition CABIN stopped: {trap}") and
           re.search(rf"\b{address}\b", stopped[0]) is not None,
           "trio-fault: CABIN stopped for its null write", "\n".join(stopped))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
