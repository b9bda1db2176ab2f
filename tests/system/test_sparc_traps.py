#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""SPARC only: a partition's register windows are handled for it (deep
recursion, window flushes, upcalls at any depth), and each bad stack,
store into memory that is not the partition's, or unserved trap number
stops exactly the partition that did it while a probe keeps its windows;
bad save areas (the kernel's map, the control page, read-only code, a
page crossing into unmapped memory, misalignment) are refused by the
window trap fast path as by the kernel, and a flush refused for an older
window's save area writes none of the younger windows' good ones; an
upcall entry or upcall frame
that would make the kernel resume a partition at a misaligned pc is
refused; an FPU exception of one partition
leaves no trace in the next one's %fsr."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US

DATA = r"data access exception at pc=\w+: "
# action number -> (what the partition says, start of the kernel's report)
ACTIONS = {
    0: ("overflow with a bad stack pointer",
        r"window overflow at pc=\w+: bad stack pointer 50000000$"),
    1: ("underflow with a bad frame pointer",
        r"window underflow at pc=\w+: bad stack pointer 50000000$"),
    2: ("flush with a bad stack pointer",
        r"window flush \(ta 3\) at pc=\w+: bad stack pointer 50000000$"),
    3: ("misaligned stack pointer", r"window overflow at pc=\w+: bad stack pointer \w+[4c]$"),
    4: ("store through the kernel's map of RAM",
        DATA + r"write of f1100000 \(privilege violation\)"),
    5: ("store to another partition's physical address",
        DATA + r"write of 41100000 \(invalid address\)"),
    6: ("store to the kernel's UART mapping", DATA + r"write of ff000\w+ \(privilege violation\)"),
    7: ("ta 0x7f", r"trap instruction ta 0x7f at"),
    8: ("store next to the control page", DATA + r"write of ef001000 \(invalid address\)"),
    11: ("fp exception", r"fp exception \(tt 0x08\) at pc="),
}
# The same for system sparc-stacks: bad save areas that the window trap
# fast path (trap_fast.S) must leave to window.c. Each stops its partition with
# the first bad stack pointer - a fast path that accepted it would go on
# (and spill into the kernel or fault with traps off).
OVERFLOW = r"window overflow at pc=\w+: bad stack pointer "
UNDERFLOW = r"window underflow at pc=\w+: bad stack pointer "
STACKS = {
    13: ("overflow into the kernel's map", OVERFLOW + "f1100000$"),
    14: ("underflow from the kernel's map", UNDERFLOW + "f1100000$"),
    15: ("overflow into the control page", OVERFLOW + "ef000800$"),
    16: ("underflow from the control page", UNDERFLOW + "ef000800$"),
    17: ("overflow into read-only code", OVERFLOW + "40008000$"),
    18: ("overflow crossing into an unmapped page", OVERFLOW + "4010ffe0$"),
    19: ("underflow from a misaligned frame pointer", UNDERFLOW + "40100004$"),
    20: ("flush: younger save areas good, the oldest bad",
         r"window flush \(ta 3\) at pc=\w+: bad stack pointer 50000000$"),
}
# action number -> (what the partition says, what its action returns); the
# partition goes on and halts. 9 and 10 must be refused with PV_EFAULT
# (-2); 12 reads %fsr at its first FPU use, after 11's exception: zero.
RETURNS = {
    9: ("misaligned upcall entry", -2),
    10: ("upcall frame overwritten by the return's own flush", -2),
    12: ("fsr at first FPU use", 0),
}


def check_actions(tap, run, actions, stopped, system):
    for n, (what, report) in sorted(actions.items()):
        part = f"T{n}"
        tap.eq(run.partition_lines(part), [f"action {n}: {what}"],
               f"{system}: {part} tried '{what}' and got no further")
        got = stopped.get(part, "(not stopped)")
        tap.ok(re.match(report, got), f"{system}: {part} stopped for '{what}'",
               f"kernel said: {got}\nexpected:   {report}")


# W's lines (windows() in sparc_traps.c).
W_LINES = ["recursion 120 deep: ok, window traps counted: yes",
           "recursion under upcalls: ok, upcalls: many",
           "clock trap: moves, kernel entries: none",
           "pv clock trap: agrees with time_get, keeps registers and icc: yes, "
           "kernel entries: none",
           "window flush onto a plain stack: served in the trap table",
           "upcall return: served in the trap table, one kernel entry",
           "recursion under one-shot timer upcalls: ok, upcalls: many",
           "one-shot timer upcall: served in the trap table, expirations counted",
           "periodic timer upcalls: served in the trap table, none early or uncounted",
           "periodic timer of 2^32 + 5,000 ns: one upcall, one expiration",
           "periodic timer of 5,024 ns: none early or uncounted",
           "periodic timer beside full entries: none early or uncounted, some fast",
           "sparc-traps 200 done"]


def main():
    tap = Tap()
    if ARCH != "sparc":
        print("1..0 # SKIP SPARC only")
        return 0
    run = boot("sparc-traps")
    tap.eq(run.status, CLEAN, "sparc-traps: system shuts down after all partitions end")
    check_probes(tap, run, (200 + 30 * (len(ACTIONS) + len(RETURNS))) * US,
                 {"PROBE": (0, 100 * US)}, "sparc-traps")
    tap.eq(run.partition_lines("W"), W_LINES,
           "sparc-traps: deep recursion, flushes and upcalls (a periodic timer's: the "
           "full entry; a one-shot timer's: the timer fast path) keep every window right "
           "(window traps counted as kernel entries); a one-shot timer's upcall is served "
           "in the trap table and counts its expiration; "
           "the clock trap reads a moving counter without entering the kernel; "
           "pv_clock_ns's trap (ta 0x43) is the kernel's clock, changes no other "
           "register nor icc, and is no kernel entry; a window flush onto a plain "
           "stack is served in the trap table, and so is an upcall return "
           "(their instruction counts)")
    stopped = run.stopped_partitions()
    check_actions(tap, run, ACTIONS, stopped, "sparc-traps")
    for n, (what, value) in sorted(RETURNS.items()):
        part = f"T{n}"
        tap.eq(run.partition_lines(part), [f"action {n}: {what}", f"action {n} returned {value}"],
               f"sparc-traps: {part}'s '{what}' returned {value}")
        tap.ok(part not in stopped, f"sparc-traps: {part} was not stopped for '{what}'",
               f"kernel said: {stopped.get(part)}")
    tap.ok("PROBE" not in stopped and "W" not in stopped,
           "sparc-traps: only the misbehaving partitions were stopped")
    run = boot("sparc-traps-rwx")
    tap.eq(run.status, CLEAN, "sparc-traps-rwx: system shuts down after all partitions end")
    tap.eq(run.partition_lines("W"), W_LINES,
           "sparc-traps-rwx: with W's stack in an rwx area (SRMMU ACC 3) too, window "
           "traps, flushes and upcall returns are served in the trap table and keep every "
           "window right")
    run = boot("sparc-stacks")
    tap.eq(run.status, CLEAN, "sparc-stacks: system shuts down after all partitions end")
    stopped = run.stopped_partitions()
    check_actions(tap, run, STACKS, stopped, "sparc-stacks")
    # The flush refused for T20's oldest window wrote none of the younger
    # ones (issue 17: all or nothing, in the trap table as in window.c).
    tap.eq(run.partition_lines("T21"),
           ["action 21: save areas of that flush's good windows, bytes written",
            "action 21 returned 0"],
           "sparc-stacks: a flush refused for an old window's save area wrote nothing into "
           "the younger windows' good ones")
    tap.ok("T21" not in stopped, "sparc-stacks: the observer was not stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
