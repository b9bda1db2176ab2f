#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 only: two breaches QEMU allowed. A partition that enters
virtual-8086 mode by iret (QEMU honours EFLAGS.VM from ring 3) is stopped
for it, whatever code segment it asked for, and the probe beside it keeps
its windows; a timer interrupt that comes in V86 mode, before the first
fetch, is handled as any timer interrupt (its EOI too: without it the
local APIC would send no more). A partition without the FPU right that runs every 0F, 0F 38,
0F 3A and x87 encoding (some MMX/SSE forms run under CR0.TS on QEMU) can
neither change nor read the FPU registers of the partition that owns the
FPU."""
import re
import sys
from sysrun import Tap, boot, CLEAN
from test_schedule import check_probes, US


def check_v86(tap):
    run = boot("x86-v86")
    tap.eq(run.status, CLEAN, "x86-v86: the system shuts down after all partitions end")
    check_probes(tap, run, 190 * US, {"PROBE": (0, 100 * US)}, "x86-v86")
    stopped = run.stopped_partitions()
    for name, cs in (("V0", 0), ("V3", 3), ("V16384", 16384)):
        tap.eq(run.partition_lines(name), [f"iret to virtual-8086 mode, cs={cs}"],
               f"x86-v86: {name} entered V86 mode and got no further")
        got = stopped.get(name, "(not stopped)")
        want = r"virtual-8086 mode entered by iret, then #PF page fault at eip=00001000: " \
               r"read of %08x \(protection violation\) \(cs=%04x\)" % (cs * 16 + 0x1000, cs)
        tap.ok(re.match(want, got), f"x86-v86: {name} stopped for entering V86 mode",
               f"kernel said: {got}\nexpected:   {want}")
    tap.ok("PROBE" not in stopped, "x86-v86: the probe was not stopped")
    tap.ok(not any("(null)" in ln or "PANIC" in ln for ln in run.output.splitlines()),
           "x86-v86: no kernel panic, no partition without a name")


def check_v86_timer(tap):
    run = boot("x86-v86-timer")
    tap.eq(run.status, CLEAN, "x86-v86-timer: the system shuts down after all partitions end")
    check_probes(tap, run, 2000 * US, {"PROBE": (0, 1000 * US)}, "x86-v86-timer")
    lines = run.partition_lines("VT")
    m = [re.fullmatch(r"tries (\d+) faults (\d+) timer first (\d+)", ln) for ln in lines]
    got = [tuple(int(g) for g in x.groups()) for x in m if x]
    tap.ok(got and got[0][0] == got[0][1] and got[0][2] == 1,
           "x86-v86-timer: irets to V86 mode, each ending in the propagated error, until one "
           "met its timer before the first fetch", "\n".join(lines[-5:]))
    tap.ok("a timer after them: ok" in lines, "x86-v86-timer: a timer comes after it",
           "\n".join(lines[-5:]))
    tap.ok(lines and lines[-1] == "done", "x86-v86-timer: VT ran to its end", "\n".join(lines[-5:]))
    tap.ok(not run.stopped_partitions(), "x86-v86-timer: nobody was stopped",
           repr(run.stopped_partitions()))


def check_fpu_scan(tap):
    run = boot("x86-fpuscan", timeout=300)
    tap.eq(run.status, CLEAN, "x86-fpuscan: the system shuts down after both partitions end")
    scan = run.partition_lines("SCAN")
    done = [ln for ln in scan if ln.startswith("scan done:")]
    if not tap.ok(len(done) == 1, "x86-fpuscan: the scan ran to its end", "\n".join(scan[-20:])):
        return
    m = re.match(r"scan done: slots=(\d+) scanned=(\d+) faulted=(\d+) ran=(\d+) leaks=(\d+)",
                 done[0])
    slots, scanned, faulted, ran, leaks = map(int, m.groups())
    tap.eq(scanned, slots, "x86-fpuscan: every encoding was tried once")
    tap.eq(faulted + ran, slots, "x86-fpuscan: each encoding either faulted or ran")
    tap.eq(leaks, 0, "x86-fpuscan: no encoding let the scanner read the owner's FPU registers")
    tap.ok(not any(ln.startswith("LEAK") for ln in scan), "x86-fpuscan: no leak reported")
    faults = [ln for ln in scan if ln.startswith("faults:")]
    fpu_faults = int(re.search(r"fpu-error=(\d+)", faults[0]).group(1)) if faults else 0
    # Every x87 encoding (8 x 256 and fwait) traps with #NM at least.
    tap.ok(fpu_faults >= 8 * 256 + 1, "x86-fpuscan: the x87 encodings fault as FPU use",
           faults[0] if faults else "(no fault counts)")
    watch = run.partition_lines("WATCH")
    res = [ln for ln in watch if ln.startswith("windows=")]
    if not tap.ok(len(res) == 1, "x86-fpuscan: the owner reported", "\n".join(watch)):
        return
    w = re.match(r"windows=(\d+) intact=(\d+) first-changed=(\d+)", res[0])
    windows, intact, first = map(int, w.groups())
    tap.eq((intact, first), (windows, 0),
           "x86-fpuscan: the owner's FPU registers were intact in every window")
    out = run.output
    tap.ok(out.find("scan done:") < out.find("windows="),
           "x86-fpuscan: the owner watched until the scan had ended")


def main():
    tap = Tap()
    check_v86(tap)
    check_v86_timer(tap)
    check_fpu_scan(tap)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
