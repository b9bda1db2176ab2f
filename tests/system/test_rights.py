#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Memory rights in every direction: one read, write or execute access to
an area with rights r, rw, rx or rwx per partition (parts/rights.c). Each
access is allowed exactly when the area has the right - except execute on
x86, whose 32-bit paging has no execute-disable bit, so every readable area
is executable there (docs/architecture.md): asserted as such. A refused
access stops that partition with a memory violation and nobody else; the
kernel's own accesses on the partition's behalf follow the configured
rights on every arch."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US

AREAS = {"r": 0x40200000, "rw": 0x40300000, "rx": 0x40400000, "rwx": 0x40500000}
ACCESSES = [("RD", "read", "r"), ("WR", "write", "w"), ("EX", "execute", "x")]
AREA_SIZE = 0x1000
EFAULT, ENOENT = -2, -5


def refused_report(access, va):
    """The kernel's stop reason for a refused access to va."""
    if ARCH == "x86":
        return rf"#PF page fault at eip=\w+: write of {va:08x} \(protection"
    if ARCH == "riscv":
        kind = "store" if access == "write" else "instruction"
        return rf"{kind} page fault at pc=\w+ tval={va:x}$"
    if access == "write":
        return rf"data access exception at pc=\w+: write of {va:08x} \(protection error"
    return rf"instruction access exception at pc={va:08x}: execute of {va:08x} \(protection error"


def allowed_fetch_report(va):
    """How an allowed fetch of the area's zero words ends."""
    if ARCH == "sparc":
        # A zero word is `unimp 0`: fetched, then refused as an instruction.
        return rf"illegal instruction \(tt 0x02\) at pc={va:08x}"
    if ARCH == "riscv":
        # Zero is an illegal instruction (the compressed encoding's).
        return rf"illegal instruction at pc={va:x} tval=0$"
    # Zero bytes are `add %al,(%eax)`: the partition runs through the whole
    # area and faults fetching the first byte past its end.
    end = va + AREA_SIZE
    return rf"#PF page fault at eip={end:08x}: read of {end:08x} \(not mapped"


def main():
    tap = Tap()
    run = boot("rights")
    tap.eq(run.status, CLEAN, "rights: system shuts down after all partitions end")
    check_probes(tap, run, (100 + 30 * 12) * US, {"PROBE": (0, 100 * US)}, "rights")
    stopped = run.stopped_partitions()
    for area, va in AREAS.items():
        for tag, access, right in ACCESSES:
            part = f"{area.upper()}_{tag}"
            lines = run.partition_lines(part)
            said = f"{access} of {area} area at {va:08x}"
            if access == "read":
                # The kernel on the partition's behalf: the same rights, on
                # x86 too (it checks the configured x, not the MMU's).
                want = "kernel read %d write %d execute %d" % (
                    ENOENT, 0 if "w" in area else EFAULT, 0 if "x" in area else EFAULT)
                tap.eq(lines[:1], [want], f"{part}: kernel accesses follow the rights")
                lines = lines[1:]
            got = stopped.get(part)
            has = right in area
            if access == "execute":
                # x86: no NX, a readable area is executable.
                fetch = has or ARCH == "x86"
                tap.eq(lines, [said], f"{part}: execute of {area} did not return")
                report = allowed_fetch_report(va) if fetch else refused_report(access, va)
                verdict = "allowed" + (" (x86: no NX)" if fetch and not has else "") \
                    if fetch else "refused"
                tap.ok(got and re.match(report, got), f"{part}: execute of {area} {verdict}",
                       f"kernel said: {got}\nexpected:   {report}")
            elif has:
                tap.eq(lines, [said, "survived"], f"{part}: {access} of {area} allowed")
                tap.ok(got is None, f"{part}: not stopped", f"kernel said: {got}")
            else:
                tap.eq(lines, [said], f"{part}: {access} of {area} refused")
                report = refused_report(access, va)
                tap.ok(got and re.match(report, got), f"{part}: stopped for a memory violation",
                       f"kernel said: {got}\nexpected:   {report}")
    tap.ok("PROBE" not in stopped, "rights: the probe was not stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
