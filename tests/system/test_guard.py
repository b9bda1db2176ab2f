#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The guard band (docs/architecture.md, "Worst-case kernel paths and the
guard band"): a partition loses the CPU G before the next partition's
window, so that no kernel path it starts can delay that window. A victim
records its window-start latencies after each hostile neighbour
(tests/system/parts/hostile.c: each hypercall looped with its worst
arguments, each fault class in a loop, cold and warm restarts, console
output) and after a quiet spinner, in the systems of the hostile-neighbour
benchmark (bench/gen_hostile.py: the largest configuration, 15 neighbours
each). Under -icount the test requires on x86 the sequences after each
neighbour byte-identical to those after the spinner (equal hashes) on
x86 and RISC-V; on SPARC, equal counts and minima and maxima within the
issue's 1.1x of the spinner's (the 25 ns timer phase varies). Without the guard
(`--systems bench-hostile-a-noguard ...`, images of `make bench`) they
differ by up to several times."""
import argparse
import os
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import gen_hostile  # noqa: E402

LINE = re.compile(r"window (\d+): n=(\d+) min=(\d+) max=(\d+) hash=([0-9a-f]+)")


# Byte-identical is the aim, and what the runs show since a fault's kernel
# path fits in the guard band (the HM log append is constant-time) and the
# x86 and RISC-V idle loops spin through the last 2 us of the band (QEMU
# woke a halted CPU up to 200 instructions late in some runs:
# docs/testing.md), RISC-V's arming the window start on the time CSR's
# grid. On x86 and RISC-V the test requires exactly that; on SPARC a
# difference within the 1.1x is printed. Without the guard the
# differences are 1.4x-6x and thousands of instructions, so the test tells
# them apart; count and minimum must be equal. On SPARC the clock is the
# GPTIMER in 25 ns ticks, whose phase differs from window to window: the
# hashes are not compared there.
TARGET = 1.1
EXACT = ARCH in ("x86", "riscv")
# The kernel prepares a window start in the guard band
# (ARCH_WINDOW_PREPARE_NS; kernel.c): the latency after the spinner is the
# exit's and the upcall's alone - x86 115 instructions, SPARC 150 ns,
# RISC-V 0 (the start's own 100 ns tick) - against ~860, 925 and ~700
# when the entry runs at the start.
PREPARED_MAX = {"x86": 150, "sparc": 250, "riscv": 100}.get(ARCH)


def within(got, quiet):
    if got == quiet:
        return True
    if EXACT:
        return False  # byte-identical, hash included
    n, lo, hi = (int(x) for x in got[:3])
    qn, qlo, qhi = (int(x) for x in quiet[:3])
    return n == qn and lo == qlo and hi <= qhi * TARGET


def check(tap, name, key):
    run = boot(name, timeout=300)
    tap.eq(run.status, CLEAN, f"{name}: the victim ends the run")
    seen = {}
    for ln in run.partition_lines("VICTIM"):
        m = LINE.match(ln)
        if m:
            seen[int(m.group(1))] = m.groups()[1:] if EXACT else m.groups()[1:4]
    rows = gen_hostile.rows(key, ARCH)
    quiet = seen.get(rows[0][1])
    tap.ok(quiet is not None and int(quiet[0]) >= 2000,
           f"{name}: the victim recorded its windows", run.output[-2000:])
    if PREPARED_MAX is not None:
        tap.ok(quiet is not None and int(quiet[2]) <= PREPARED_MAX,
               f"{name}: the prepared window start: at most {PREPARED_MAX} late",
               f"after the spinner: {quiet} (n, min, max[, hash])")
    for label, w in rows[1:]:
        got = seen.get(w)
        tap.ok(got is not None and quiet is not None and within(got, quiet),
               f"{name}: window starts after '{label}' are those after the spinner",
               f"after {label}: {got}, after the spinner: {quiet} (n, min, max[, hash])")
        if got is not None and quiet is not None and got != quiet and within(got, quiet):
            print(f"# {name}: after {label}: not byte-identical, within {TARGET}x: "
                  f"{got} vs {quiet}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--systems", nargs="*",
                    default=[f"guard-{k}" for k in sorted(gen_hostile.SYSTEMS)],
                    help="systems to boot; each name ends in (or has before -noguard) "
                         "the key of bench/gen_hostile.py's SYSTEMS")
    args = ap.parse_args()
    tap = Tap()
    for name in args.systems:
        key = name.removesuffix("-noguard").rsplit("-", 1)[-1]
        check(tap, name, key)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
