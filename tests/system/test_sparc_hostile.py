#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""SPARC only: every kind of kernel entry with the CPU in a hostile state
(tests/system/parts/sparc_hostile.c): 1 to 7 valid register windows full
of known values, %sp and %fp odd, misaligned, unmapped, in the kernel, at
the control page, one past an area, garbage globals and outs. A system
partition makes every copying hypercall with buffers at the exact first
and last bytes of its areas (done) and one byte or word past them
(PV_EFAULT, nothing written), is interrupted, gets upcalls whose frame
lies at the exact edge of an area, flushes, and has its window spilled to
and filled from the edges of its areas: the kernel must change no register
and no byte but those the entry defines. Beside it, the fuzzer's victim
must print what it prints beside a partition that only spins (-icount).
Each refused thing in a hostile state (a save area, flush or upcall frame
one past an area or across two, a fault, a load through %sp, execute at
the edges of an rx area) stops exactly its partition, with its own error."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US
from test_fuzz import latency_within

SURVIVOR = [
    "time_get to the last 8 bytes of B",
    "time_get to the first 8 bytes of B",
    "time_get one word past B",
    "time_get across the end of A into B",
    "time_get to the read-only area",
    "console_write of the last 6 bytes of B",
    "console_write one byte past B",
    "port_open of a name at the end of B",
    "port_open of a name one byte past B",
    "port_write of the last 16 bytes of B",
    "port_write of the last 4096 bytes of B (restarted)",
    "port_write one byte past B",
    "port_read to the last bytes of B",
    "port_read to the last 4096 bytes of B (restarted)",
    "port_read one byte past B",
    "port_read with info one word past B",
    "partition_status to the end of B",
    "partition_status one word past B",
    "hm_log_read to the end of B",
    "hm_log_read one word past B",
    "upcall_return of a frame across the end of A",
    "upcall_return of a frame 8 bytes past B",
    "interrupts in every hostile state",
    "upcalls with their frame at the edges of B",
    "window flushes with a hostile sp",
    "window spills and fills at the edges of A and B",
]

BAD_SP = r"at pc=\w+: bad stack pointer "
# case -> (what the partition says, the start of the kernel's reason)
STOPS = {
    0: ("spill one word past the end of B", "window overflow " + BAD_SP + "40302fc8$"),
    1: ("spill across the end of A into B", "window overflow " + BAD_SP + "40300fe0$"),
    2: ("flush with fp one word past the end of B",
        r"window flush \(ta 3\) " + BAD_SP + "40302fc8$"),
    3: ("upcall frame across the end of A into B",
        "upcall frame does not fit on the partition's stack"),
    4: ("upcall frame at the control page", "upcall frame does not fit on the partition's stack"),
    5: ("upcall with sp 0", "upcall frame does not fit on the partition's stack"),
    # The upcall return flushes the interrupted window's caller to its
    # %sp, the hostile %fp: refused, and the trampoline's `unimp` follows;
    # or a window overflow in the handler meets it first.
    6: ("upcall with a hostile fp",
        r"(illegal instruction \(tt 0x02\)|window overflow " + BAD_SP + "f0010000$)"),
    7: ("illegal instruction with 7 windows and sp in the kernel",
        r"illegal instruction \(tt 0x02\) at pc="),
    8: ("load through sp in the kernel",
        r"data access exception at pc=\w+: read of f0010000 \(privilege violation\)"),
    9: ("load through an odd sp", r"memory address not aligned \(tt 0x07\)"),
    10: ("execute the last word of X", r"illegal instruction \(tt 0x02\) at pc=40500ffc$"),
    11: ("execute the first word of the area after X",
         r"instruction access exception at pc=40501000: execute of 40501000 \(protection error\)"),
    12: ("execute the control page",
         r"instruction access exception at pc=ef000000: execute of ef000000 \(protection error\)"),
}


def victim_lines(run):
    return [ln for ln in run.partition_lines("V") if ln.startswith(("lat ", "work ", "unit "))]


def main():
    tap = Tap()
    if ARCH != "sparc":
        print("1..0 # SKIP SPARC only")
        return 0
    run = boot("sparc-hostile", timeout=600)
    tap.ok("PANIC" not in run.output, "sparc-hostile: no kernel panic", run.output[-3000:])
    tap.eq(run.status, CLEAN, "sparc-hostile: the system shut down in order")
    lines = run.partition_lines("H")
    fails = [ln for ln in lines if ln.startswith(("FAIL", "LATE"))]
    tap.ok(not fails, "sparc-hostile: the kernel changed no register and no byte it must not",
           "\n".join(fails[:40]))
    for what in SURVIVOR:
        tap.ok(f"{what}: ok" in lines, f"sparc-hostile: {what}, in every hostile state")
    tap.ok(any(ln.startswith("hostile done") for ln in lines) and "victim halted" in lines,
           "sparc-hostile: H went through every case and halted the victim", "\n".join(lines[-10:]))
    stopped = run.stopped_partitions()
    tap.ok(not stopped, "sparc-hostile: nobody was stopped", str(stopped))
    ref = boot("sparc-hostile-ref", timeout=600)
    tap.eq(ref.status, CLEAN, "sparc-hostile-ref: the reference run shut down in order")
    got, want = victim_lines(run), victim_lines(ref)
    tap.ok(len(got) >= 4 and len(got) == len(want),
           "sparc-hostile: the victim printed as many lines as beside the spinner",
           f"victim lines: {len(got)} beside H, {len(want)} in the reference")
    bad = [ln for ln in got if "BAD" in ln or "LOST" in ln]
    # Latencies to the isolation target, as test_fuzz (docs/testing.md).
    diff = [(g, w) for g, w in zip(got, want)
            if g != w and not (g.startswith("lat ") and latency_within(g, w))]
    tap.ok(not bad and not diff, "sparc-hostile: the victim's output is the reference's",
           "\n".join(bad[:5] + [f"{g!r} != {w!r}" for g, w in diff[:10]]))

    run = boot("sparc-hostile-stops")
    tap.eq(run.status, CLEAN, "sparc-hostile-stops: the system shut down in order")
    check_probes(tap, run, (100 + 30 * len(STOPS)) * US, {"PROBE": (0, 100 * US)},
                 "sparc-hostile-stops")
    stopped = run.stopped_partitions()
    for n, (what, reason) in sorted(STOPS.items()):
        part = f"C{n}"
        tap.eq(run.partition_lines(part), [f"case {n}: {what}"],
               f"sparc-hostile-stops: {part} tried '{what}' and got no further")
        got = stopped.get(part, "(not stopped)")
        tap.ok(re.match(reason, got), f"sparc-hostile-stops: {part} stopped for '{what}'",
               f"kernel said: {got}\nexpected:   {reason}")
    tap.ok("PROBE" not in stopped, "sparc-hostile-stops: the probe was not stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
