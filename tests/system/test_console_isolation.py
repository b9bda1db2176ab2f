#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Console isolation: console output costs the writer, never a neighbour.
A victim records the latency of each of its window starts (in units of
10 us) right after a neighbour that writes carriage returns or long lines
as fast as it can, or carriage returns just before its window ends; under
-icount its output must be byte for byte the one it gives next to a
neighbour that only spins. And a writer that floods its output ring loses
its own lines, whole and counted in its status, while a quiet writer next to
it loses nothing."""
import re
import sys
from sysrun import Tap, boot, CLEAN

FLOOD_LINE = 7  # "NNNNNN\n", conflood.c


def victim(run):
    """The victim's lines, except the raw worst case (for the log only)."""
    return [ln for ln in run.partition_lines("VIC") if not ln.startswith("worst ")]


def worst(run):
    return [ln for ln in run.partition_lines("VIC") if ln.startswith("worst ")]


def check_latency(tap):
    quiet = boot("conlat-quiet")
    tap.eq(quiet.status, CLEAN, "conlat-quiet: system shuts down in order")
    ref = victim(quiet)
    tap.ok(len(ref) == 11 and all(re.fullmatch(r"latency .*:( 0)+", ln) for ln in ref[1:]),
           "conlat-quiet: the victim measured 200 windows, each started within 10 us",
           "\n".join(quiet.partition_lines("VIC")))
    print(f"# conlat-quiet: {worst(quiet)}")
    for name in ("conlat-cr", "conlat-lines", "conlat-edge"):
        run = boot(name)
        tap.eq(run.status, CLEAN, f"{name}: system shuts down in order")
        tap.eq(victim(run), ref, f"{name}: the victim's window starts are those next to a spinner")
        print(f"# {name}: {worst(run)}")


def check_flood(tap):
    run = boot("conflood")
    tap.eq(run.status, CLEAN, "conflood: system shuts down in order")
    good = [f"good {w:02d}.{i}: every line of a quiet writer arrives whole"
            for w in range(20) for i in range(3)]
    tap.eq(run.partition_lines("GOOD"), ["console writer 5"] + good + ["good dropped 0 bytes"],
           "conflood: the quiet writer's lines all arrive, whole, and it lost nothing")
    lines = run.partition_lines("FLOOD")
    summary = [ln for ln in lines if ln.startswith("flood wrote")]
    numbers = [int(ln) for ln in lines if re.fullmatch(r"\d{6}", ln)]
    others = [ln for ln in lines if not re.fullmatch(r"\d{6}", ln) and ln not in summary]
    tap.eq(others, ["console writer 4"], "conflood: every flood line that arrived is whole")
    tap.ok(numbers == sorted(set(numbers)), "conflood: the flood lines that arrived are in order")
    m = re.fullmatch(rf"flood wrote (\d+) lines of {FLOOD_LINE} bytes, dropped (\d+) bytes",
                     summary[0] if len(summary) == 1 else "")
    tap.ok(m is not None, "conflood: the flooder reports what it wrote", "\n".join(summary))
    if m:
        wrote, dropped = int(m.group(1)), int(m.group(2))
        # QEMU's UART is never busy and the ring drains at every kernel
        # entry up to the guard band, so on QEMU a writer cannot outpace the
        # line: nothing need be lost (tests/unit/kernel/test_hcall.c drops
        # bytes with a busy UART). What is lost is counted exactly.
        tap.ok(0 < len(numbers) <= wrote, "conflood: the flooder's lines arrive, or are counted",
               f"{len(numbers)} of {wrote} arrived")
        tap.eq(dropped, (wrote - len(numbers)) * FLOOD_LINE,
               "conflood: its status counts exactly the bytes it lost")


def main():
    tap = Tap()
    check_latency(tap)
    check_flood(tap)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
